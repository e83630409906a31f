"""Per-site corrections: which ``Options`` to use for a page, by its URL's host.

``Options.body`` and ``Options.drop`` correct one page; a crawl over many sites
needs them per site. A rules file maps hosts to option overrides::

    {
      "news.example.cn": {"body": "#article_content", "drop": [".share-bar"]},
      "example.com.cn":  {"focus": "precision"}
    }

A page takes the rules of its host, else of the nearest parent domain
(``a.b.example.cn`` → ``b.example.cn`` → ``example.cn``); a leading ``*.`` or
``www.`` in a key is ignored. Every rule is turned into ``Options`` when the file
is loaded, so a bad key or selector fails then, with the host named, and not in
the middle of a batch.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cleanser.errors import CleanserError
from cleanser.options import Options

_FIELDS = frozenset(f.name for f in dataclasses.fields(Options))


class RulesError(CleanserError):
    """A rules file that cannot be used: unreadable, not JSON, or a bad rule."""


@dataclass(frozen=True)
class SiteRules:
    """Option overrides by host; see the module doc."""

    sites: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        clean: dict[str, dict[str, Any]] = {}
        for host, overrides in self.sites.items():
            key = _host_key(host)
            if not key:
                raise RulesError(f"rules: empty host {host!r}")
            if not isinstance(overrides, Mapping):
                raise RulesError(f"rules for {host!r}: expected an object of options")
            unknown = sorted(set(overrides) - _FIELDS)
            if unknown:
                raise RulesError(f"rules for {host!r}: unknown options {unknown}")
            values = dict(overrides)
            if isinstance(values.get("drop"), list):
                values["drop"] = tuple(values["drop"])
            try:
                Options(**values)
            except (TypeError, ValueError) as exc:
                raise RulesError(f"rules for {host!r}: {exc}") from None
            clean[key] = values
        object.__setattr__(self, "sites", clean)

    def overrides_for(self, url: str | None) -> Mapping[str, Any]:
        """The overrides of the most specific matching host, or none."""
        if not url or not self.sites:
            return {}
        try:
            host = _host_key(urlsplit(url.strip()).hostname or "")
        except ValueError:
            return {}
        while host:
            if host in self.sites:
                return self.sites[host]
            _, _, host = host.partition(".")
        return {}

    def options_for(self, url: str | None, base: Options | None = None) -> Options | None:
        """``base`` with this URL's site rules applied (``base`` itself when none match)."""
        overrides = self.overrides_for(url)
        if not overrides:
            return base
        return dataclasses.replace(base or Options(), **overrides)


def load_rules(path: str | Path) -> SiteRules:
    """Read a rules file (JSON, see the module doc)."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulesError(f"cannot read rules file {path}: {exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise RulesError(f"rules file {path} is not JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise RulesError(f"rules file {path}: expected an object mapping hosts to options")
    return SiteRules(doc)


def _host_key(host: str) -> str:
    key = host.strip().lower().rstrip(".")
    for prefix in ("*.", "www."):
        key = key.removeprefix(prefix)
    return key
