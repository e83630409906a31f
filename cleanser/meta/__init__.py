"""Metadata, read from the raw page before cleaning.

``head`` (meta tags, JSON-LD, language), ``pagetext`` (one walk of the visible text),
``headline``, ``people`` (names, outlets, bylines), ``dates``; ``candidates`` lists each
field's candidates for ``explain()``; one module per field chooses it (``title``,
``published``, ``byline`` for source/author/editor, ``links``, ``declared``) from the
shared ``page`` state; ``evidence_title``/``evidence_date``/``evidence_author`` list every
candidate with its features and ``fitted`` picks one per field with the weights ``weights``
reads from ``body/model.json`` (the conditional logit of ``choice``); ``fields`` calls them
in order and assembles :class:`Metadata`.
"""
