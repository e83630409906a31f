"""What a page declares in its <head>: <meta> keys and JSON-LD types.

Keys are compared lower-cased against name, property and itemprop (read by
cleanser.meta.head, candidates, byline, declared, published and title).
"""

from __future__ import annotations

import re

# Token tables read best as compact rows.
# fmt: off

# <meta> keys (name/property/itemprop, lower-cased) holding the publication time, best first.
PUBLISHED_META_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "og:release_date", "release_date", "pubdate", "publishdate",
    "publish_date", "publish-date", "publication_date", "publishtime", "publish_time",
    "pubtime", "_pubtime", "apub:time", "og:time", "sailthru.date", "parsely-pub-date",
    "article_date_original", "originalpublicationdate", "dc.date.issued", "dcterms.issued",
    "dc.date", "dcterms.created", "dc.date.created", "citation_publication_date",
    "citation_date", "weibo:article:create_at", "createdate", "firstpublishedtime",
)
# <meta> keys naming the author of the article.
AUTHOR_META_KEYS = (
    "author", "article:author", "og:article:author", "dc.creator", "dcterms.creator",
    "citation_author", "byl", "sailthru.author", "parsely-author", "authorname",
)
# <meta> keys naming the outlet the article is credited to (来源).
SOURCE_META_KEYS = (
    "source", "contentsource", "article:source", "og:article:source", "articlesource",
    "copyfrom",
)
# <meta> keys naming the responsible editor.
EDITOR_META_KEYS = ("editor", "article:editor", "responsibleeditor")
# <meta> keys holding the site's name.
SITE_NAME_META_KEYS = ("og:site_name", "application-name", "sitename", "site_name")
# <meta> keys holding the headline.
TITLE_META_KEYS = ("og:title", "twitter:title", "articletitle", "title", "headline", "dc.title")
# <meta> keys holding a summary.
DESCRIPTION_META_KEYS = ("description", "og:description", "twitter:description", "dc.description")
# <meta> keys holding keywords or tags.
KEYWORD_META_KEYS = ("keywords", "news_keywords", "article:tag", "og:article:tag")
# <meta> keys declaring the language.
LANG_META_KEYS = ("content-language", "language", "og:locale", "dc.language")
# JSON-LD @type values that describe the article itself.
ARTICLE_LD_TYPES = (
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "posting", "socialmediaposting", "report", "scholarlyarticle", "techarticle",
    "liveblogposting", "webpage", "itempage", "discussionforumposting", "videoobject",
    "creativework", "qapage", "question",
)

# ---- read by cleanser.meta.head, declared and candidates: <head> values ----

# A meta value made only of %XX escapes and URL-safe characters, with at least three
# escapes (so "100%" or a plain word is left alone).
PERCENT_ENCODED_RE = re.compile(r"(?=(?:[^%]*%[0-9A-Fa-f]{2}){3})[A-Za-z0-9%._~+\-]+")
# Sizes and limits.
MAX_LD_SCRIPT_CHARS = 1_000_000  # a JSON-LD block bigger than this is not metadata
MAX_LD_OBJECTS = 500  # objects visited while flattening JSON-LD
# Comments and CDATA wrappers some CMSs leave in a JSON-LD script: removed before parsing.
LD_COMMENTS_RE = re.compile(r"/\*.*?\*/|<!--|-->|<!\[CDATA\[|\]\]>", re.S)
# A trailing comma before } or ] (not JSON, but common in hand-written JSON-LD): dropped.
LD_TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")
# Characters that exist only in simplified or only in traditional script.
SIMPLIFIED_ONLY = frozenset(
    "这个们来时为说国对会过还后发经么没动现当进见从点关开实问"
    "长东与车门马书写处头专业两样电话让认论间应华网务产报记单"
    "总边组织级区习际传"
)
# (see SIMPLIFIED_ONLY) their traditional forms: more of these makes the page zh-Hant.
TRADITIONAL_ONLY = frozenset(
    "這個們來時為說國對會過還後發經麼沒動現當進見從點關開實問"
    "長東與車門馬書寫處頭專業兩樣電話讓認論間應華網務產報記單"
    "總邊組織級區習際傳"
)
# One simplified-only character (counted against TRADITIONAL_RE to tell Hans from Hant).
SIMPLIFIED_RE = re.compile("[" + "".join(sorted(SIMPLIFIED_ONLY)) + "]")
# One traditional-only character.
TRADITIONAL_RE = re.compile("[" + "".join(sorted(TRADITIONAL_ONLY)) + "]")
# One kana character: enough of them make an undeclared page Japanese.
KANA_RE = re.compile(r"[\u3040-\u30ff]")
# One Hangul syllable: more than 20 make an undeclared page Korean.
HANGUL_RE = re.compile(r"[\uac00-\ud7af]")
# One Latin letter (the letters a page's script shares are counted over).
LATIN_LETTER_RE = re.compile(r"[A-Za-z]")
# A well-formed declared language tag (zh, zh-CN, zh_Hant_TW); anything else is ignored.
LANG_TAG_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
# Separators between declared keywords (<meta name=keywords>, article:tag).
KEYWORD_SPLIT_RE = re.compile(r"\s*[,，、;；|｜]\s*")
# Meta keys of a modification time: a page's last edit, not its publication.
MODIFIED_META_KEYS = ("article:modified_time", "og:updated_time", "lastmodified", "dc.modified")
