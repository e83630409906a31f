"""Metadata, read from the raw page before cleaning.

``head`` (meta tags, JSON-LD, language), ``pagetext`` (one walk of the visible text),
``headline``, ``people`` (names, outlets, bylines), ``dates``; ``candidates`` lists each
field's candidates for ``explain()``; ``fields`` assembles :class:`Metadata`.
"""
