"""Bytes → text: how far the decoder reads, how it weighs one reading against another,
the charset labels it trusts, and what input it refuses as binary or cuts to size.

Read by cleanser.io.decoding (``decode``, ``not_text_reason``) and cleanser.core (the
binary check and the truncation of an oversized input).
"""

from __future__ import annotations

import re

from cleanser.vocabulary.chars import HAN_UNIFIED

# ---- what the page declares ------------------------------------------------------------

# How far into the page to look for a charset declaration (WHATWG prescan uses 1024;
# Chinese portals often put several KB of <script> before <meta>).
PRESCAN_BYTES = 8192
# A charset in <meta charset> or <meta http-equiv content="…; charset=…">.
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# The encoding of an XML declaration (<?xml version="1.0" encoding="gbk"?>).
XML_ENCODING_RE = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# WHATWG-style label widening: decoders that are strict supersets of what pages
# labelled this way actually contain.
WIDER_ENCODINGS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "hz-gb-2312": "gb18030",
    "big5": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "cp950": "big5hkscs",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
}
# Labels browsers accept that Python's codec registry does not know.
CHARSET_ALIASES = {"x-gbk": "gbk", "x-gb2312": "gb2312", "x-big5": "big5", "x-euc-tw": "big5"}
# Python codecs that no web page is encoded in (escape codecs, IDNA, the codec that
# always fails, UTF-7 which browsers refuse because it hides markup).
NOT_PAGE_ENCODINGS = frozenset(
    (
        "undefined",
        "idna",
        "punycode",
        "unicode-escape",
        "raw-unicode-escape",
        "unicode-internal",
        "utf-7",
        "charmap",
        "mbcs",
        "oem",
    )
)

# ---- BOM-less UTF-16 (``utf16_without_bom``) ----------------------------------------------

# Markup is mostly ASCII, so UTF-16 shows as a NUL in every other byte of the first
# UTF16_SAMPLE_BYTES (at least UTF16_MIN_PAIRS byte pairs of them): NULs in at least
# UTF16_MIN_NUL_SHARE of the pairs on one side, and on the other side at most
# UTF16_MAX_OTHER_NULS times as many (CJK text puts a few there too: U+4E00 一 is 00 4E),
# with a "<" in the reading and at most UTF16_MAX_REPLACEMENT_SHARE of it U+FFFD.
UTF16_SAMPLE_BYTES = 4096
UTF16_MIN_PAIRS = 4
UTF16_MIN_NUL_SHARE = 0.15
UTF16_MAX_OTHER_NULS = 0.25
UTF16_MAX_REPLACEMENT_SHARE = 0.05

# ---- pages in more than one encoding (``_decode_mixed``) ---------------------------------

# A page that fails strict UTF-8 is decoded piece by piece (a GBK include in a
# UTF-8 page, or the reverse) when at least this share of its non-ASCII bytes sits
# in pieces that are valid UTF-8. In the GBK pages of ../shared/corpus, pieces that
# are valid UTF-8 by chance (one or two characters) hold under 0.5 % of them.
MIXED_MIN_UTF8_SHARE = 0.05
# ... and at least this many bytes are valid multi-byte UTF-8.
MIXED_MIN_UTF8_BYTES = 12
# A piece that fails strict UTF-8 still reads as UTF-8 with at most this many invalid
# sequences per KB of its non-ASCII bytes (one per ~7 Chinese characters). Read as
# UTF-8, the 40 GBK and Big5 pages of ../shared/corpus and samples/ give 400-600.
NEAR_UTF8_MAX_PER_KB = 50
# ... and at least this many valid multi-byte characters.
NEAR_UTF8_MIN_CHARS = 4
# ... unless its GB18030 reading is this much more plausible as Chinese (real text
# scores 0.4-0.6, a chance reading of other bytes under 0.1).
LEGACY_MARGIN = 0.2
# A page declared UTF-8 stays UTF-8 with up to this many invalid sequences however
# few its non-ASCII bytes (a stray byte in an English page that declares UTF-8).
DECLARED_UTF8_FEW_INVALID = 4

# ---- which legacy encoding reads as Chinese ---------------------------------------------

# Legacy encodings tried on undeclared non-UTF-8 pages, most common first.
LEGACY_ENCODINGS = ("gb18030", "big5hkscs")
# Bytes given to charset-normalizer (and read for plausibility); detection on the
# whole of a multi-MB page is slow and no more accurate.
DETECT_BYTES = 65536
# Share of U+FFFD tolerated when decoding with the declared charset before trying
# detection instead (chinese_wced has GB pages with a handful of bad bytes); a legacy
# reading with more is not a candidate of detection either.
MAX_REPLACEMENT_SHARE = 0.01
# A legacy reading is chosen without charset-normalizer when its plausibility, less
# its share of U+FFFD, is above this.
LEGACY_MIN_SCORE = 0.05
# How much more plausible another legacy encoding must read to override a declaration.
SWITCH_MARGIN = 0.2
# The most frequent Chinese characters in both scripts. Big5 bytes usually decode
# "validly" as GB18030 (and vice versa) but into rare characters, so the share of
# common ones tells the right decoder.
COMMON_HAN = frozenset(
    "的一是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就出会會可也你对對"
    "生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學"
    "如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實"
    "日军軍者意无無力它与與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高"
    "间間由问問很最重并物手应應战戰向头頭文体體政美相见見被利什二等产產或新己制身果加西月话話"
    "合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員解水名真论論处處"
)
COMMON_HAN_RE = re.compile("[" + "".join(sorted(COMMON_HAN)) + "]")
# One character of the unified Han block: plausibility is the share of these that are
# common (its thresholds were set on this count).
HAN_UNIFIED_RE = re.compile(f"[{HAN_UNIFIED}]")
# Fullwidth and CJK punctuation: UTF-8 text read as GB18030 loses it.
CJK_PUNCTUATION = frozenset("，。、；：？！“”‘’（）《》〈〉【】「」『』…—·～％")
# C1 control characters: no page's text holds them, Latin-1-ish readings produce them.
C1_RE = re.compile("[\x80-\x9f]")

# ---- input that is not text (``not_text_reason``) ---------------------------------------

# The first bytes judged, and the fewest worth judging.
TEXT_SAMPLE_BYTES = 8192
TEXT_MIN_BYTES = 16
# Share of a decoded sample that may be U+FFFD, C0 controls other than whitespace,
# or C1 controls before it is judged binary. Web pages (the 318 of ../shared/corpus
# and samples/) have at most 0.3 %; uniform random bytes, read in any encoding, over 15 %.
MAX_JUNK_SHARE = 0.05
JUNK_RE = re.compile("[\ufffd\x00-\x08\x0e-\x1f\x7f-\x9f]")
# A sample with this many Han characters, hardly any of them common ones, is not
# Chinese text but bytes that happen to decode (Chinese text: 0.3-0.6 common).
MIN_HAN_FOR_VERDICT = 200
MIN_COMMON_HAN_SHARE = 0.05
# A short input with no tag at all needs fewer Han characters for that verdict
# (a few dozen random bytes read as GB18030 are a handful of rare characters).
MIN_HAN_UNTAGGED = 8
# The start of a tag: whether the sample is markup at all.
TAG_START_RE = re.compile("<[A-Za-z!/?]")

# ---- input that is not a page, and input too large (cleanser.core) ----------------------

# Magic numbers of formats people mistake for HTML.
BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF (WebP/AVI/WAV) file"),
    (b"\x7fELF", "an ELF binary"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ", "xz-compressed data"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"OggS", "an Ogg file"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE (old Office) document"),
)
# The first bytes looked at for control bytes, and the share of control bytes (other
# than whitespace) above which input is binary.
BINARY_SAMPLE_BYTES = 4096
MAX_CONTROL_SHARE = 0.1
# Options.max_bytes' default, the input cap: 20 MB covers the largest real portal pages
# (the biggest page in ../shared/corpus is under 3 MB) while bounding memory to roughly
# 10× that in lxml.
DEFAULT_MAX_BYTES = 20_000_000
# A truncated page is cut after the last ``>`` in this many bytes before the cap,
# so no tag and no multi-byte character is cut in half.
TRUNCATE_LOOKBACK = 65536
# ``str`` input is measured against the cap as UTF-8 this many characters at a time:
# a string near the cap is never encoded whole just to be measured (at most 4 MB of
# bytes at once), and a string far over it only as far as the cap.
UTF8_COUNT_CHUNK_CHARS = 1 << 20
