"""Which site a page belongs to, and folds that keep each site on one side.

Leave-site-out validation groups pages by site: the registered domain of the page's
URL (``news.sina.com.cn`` → ``sina.com.cn``), else the site the page's id names
(``163_5`` → ``163.com``), else the page alone. Each hand-written sample is its own
site. :func:`group_folds` deals whole sites to folds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from cleanser.evaluate.corpus import Page

# Second-level labels under which the registered domain has three labels.
_SECOND_LEVEL = frozenset(("com", "net", "org", "gov", "edu", "ac", "co"))
# Ids that name their site (gne_unlabeled's ``163_5``, Gerapy's ``netease_news1``):
# the site word and the domain it stands for.
_SITE_WORDS = {
    "163": "163.com",
    "netease": "163.com",
    "qq": "qq.com",
    "tencent": "qq.com",
    "wechat": "qq.com",
    "xinhuanet": "xinhuanet.com",
    "sohu": "sohu.com",
    "toutiao": "toutiao.com",
    "zhihu": "zhihu.com",
    "gmw": "gmw.cn",
    "people": "people.com.cn",
    "thepaper": "thepaper.cn",
    "guancha": "guancha.cn",
    "baijiahao": "baidu.com",
    "tieba": "baidu.com",
    "liberty": "ltn.com.tw",
    "cmse": "cmse.gov.cn",
}
# Domains of one outlet under two names.
_SAME_SITE = {"news.cn": "xinhuanet.com"}
_ID_WORD = re.compile(r"^(?:v_)?([a-z0-9]+?)(?:_|\d*$)", re.I)
_NESTED_URL = re.compile(r"https?://(?!web\.archive\.org)[^/]+", re.I)


def registered_domain(url: str) -> str | None:
    """The registrable domain of ``url`` (``news.sina.com.cn`` → ``sina.com.cn``)."""
    nested = _NESTED_URL.findall(url[8:]) if "web.archive.org" in url else []
    host = urlsplit(nested[-1] if nested else url).hostname or ""
    labels = [x for x in host.lower().split(".") if x]
    if len(labels) < 2 or labels[-1].isdigit():
        return host or None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    domain = ".".join(labels[-keep:])
    return _SAME_SITE.get(domain, domain)


def site_of(page: Page) -> str:
    """The site a page belongs to, for grouping (see the module docstring)."""
    if page.source == "samples":
        return f"sample/{page.id}"  # hand-written: each imitates a layout of its own
    if page.url:
        domain = registered_domain(page.url)
        if domain:
            return domain
    m = _ID_WORD.match(page.id)
    if m and m.group(1).lower() in _SITE_WORDS:
        return _SITE_WORDS[m.group(1).lower()]
    return f"{page.source}/{page.id}"


def group_folds(sites: Sequence[str], k: int) -> list[int]:
    """A fold number per page; all pages of a site share one fold.

    Sites are dealt largest first to the fold with the fewest pages so far (ties to
    the lowest fold number), so folds come out about equal and deterministic.
    """
    sizes: dict[str, int] = {}
    for s in sites:
        sizes[s] = sizes.get(s, 0) + 1
    load_of = [0] * k
    fold_of: dict[str, int] = {}
    for site in sorted(sizes, key=lambda s: (-sizes[s], s)):
        f = min(range(k), key=lambda i: (load_of[i], i))
        fold_of[site] = f
        load_of[f] += sizes[site]
    return [fold_of[s] for s in sites]
