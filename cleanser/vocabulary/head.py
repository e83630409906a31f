"""What a page declares in its <head>: <meta> keys and JSON-LD types.

Keys are compared lower-cased against name, property and itemprop (read by
cleanser.meta.head, candidates, byline, declared, published and title).
"""

from __future__ import annotations

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
