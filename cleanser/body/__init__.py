"""Body extraction: the tree, the features, the two scorers, selection, page kinds and rendering.

bytes → ``dom`` (tree) → ``features`` (blocks, one pass) → ``density`` and
``heuristic`` (the two scorers) → ``selection`` (the body, in steps: ``verdicts`` →
``choose`` → ``regions`` (the fitted choice among candidates) → ``clean`` →
``page_verdict``) → ``kinds`` (what the page is)
→ ``output`` / ``records_output`` (text, HTML, Markdown, posts, links). ``model`` holds the
fitted parameters, loaded from ``model.json``.
"""
