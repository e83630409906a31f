"""cleanser: article bodies and metadata from Chinese web portals, without the boilerplate.

>>> import cleanser
>>> art = cleanser.extract(raw_bytes, url="https://news.example.cn/a.html")  # doctest: +SKIP
>>> print(art.title, art.published, art.text)  # doctest: +SKIP
"""

from __future__ import annotations

from cleanser.article import Article, Image
from cleanser.core import clean_html, extract
from cleanser.errors import CleanserError, InputTooLargeError, InternalError, NotHTMLError
from cleanser.explain import Candidate, Explanation, Line, explain
from cleanser.options import Options

__all__ = [
    "Article",
    "Candidate",
    "CleanserError",
    "Explanation",
    "Image",
    "InputTooLargeError",
    "InternalError",
    "Line",
    "NotHTMLError",
    "Options",
    "clean_html",
    "explain",
    "extract",
]
__version__ = "0.1.0"
