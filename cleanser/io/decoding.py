"""Bytes → text: find out what a Chinese page was really encoded in.

Order of trust: a byte-order mark; strict UTF-8 (pages that declare gb2312 but
were re-saved as UTF-8 are common, and valid multi-byte UTF-8 almost never occurs
by chance in GBK or Big5 text); UTF-8 but for a character cut at the end or a few
stray bytes, weighed per piece by invalid sequences per KB and by how plausibly
each reading is Chinese (``_decode_mixed``); the declared charset (``<meta charset>``,
``http-equiv``, XML declaration, or the caller's hint such as an HTTP header),
with GB2312/GBK widened to GB18030 and Big5 to Big5-HKSCS; then
charset-normalizer; finally GB18030 with replacement. Invalid bytes are replaced,
never raised.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from cleanser.vocabulary import HAN_UNIFIED

# How far into the page to look for a charset declaration (WHATWG prescan uses 1024;
# Chinese portals often put several KB of <script> before <meta>).
_PRESCAN_BYTES = 8192

# Bytes given to charset-normalizer; detection on the whole of a multi-MB page is
# slow and no more accurate.
_DETECT_BYTES = 65536

# Share of U+FFFD tolerated when decoding with the declared charset before trying
# detection instead (chinese_wced has GB pages with a handful of bad bytes).
_MAX_REPLACEMENT_SHARE = 0.01

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)

# WHATWG-style label widening: decoders that are strict supersets of what pages
# labelled this way actually contain.
_WIDER = {
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
_ALIASES = {"x-gbk": "gbk", "x-gb2312": "gb2312", "x-big5": "big5", "x-euc-tw": "big5"}

# Python codecs that no web page is encoded in (escape codecs, IDNA, the codec that
# always fails, UTF-7 which browsers refuse because it hides markup).
_NOT_PAGE_ENCODINGS = frozenset(
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

# A page that fails strict UTF-8 is decoded piece by piece (a GBK include in a
# UTF-8 page, or the reverse) when at least this share of its non-ASCII bytes sits
# in pieces that are valid UTF-8. In the GBK pages of ../shared/corpus, pieces that
# are valid UTF-8 by chance (one or two characters) hold under 0.5 % of them.
_MIXED_MIN_UTF8_SHARE = 0.05
# ... and at least this many bytes are valid multi-byte UTF-8.
_MIXED_MIN_UTF8_BYTES = 12

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def normalize_label(label: str | None) -> str | None:
    """A Python codec name for a declared charset label, or None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError, TypeError):
        return None
    name = info.name
    # A page can declare any codec Python knows: rot13, zlib and base64 are not text
    # encodings, and the ones below decode markup into something else or raise.
    if not getattr(info, "_is_text_encoding", True) or name in _NOT_PAGE_ENCODINGS:
        return None
    return _WIDER.get(name, name)


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in its first bytes, normalised."""
    head = data[:_PRESCAN_BYTES]
    for pattern in (_XML_DECL, _META_CHARSET):
        m = pattern.search(head)
        if m:
            label = normalize_label(m.group(1).decode("ascii", "replace"))
            if label and not label.startswith("utf-16") and not label.startswith("utf-32"):
                return label
    return None


def decode(data: bytes, hint: str | None = None) -> tuple[str, str]:
    """Decode page bytes; return ``(text, encoding_used)``. Never raises on bad bytes."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, "replace"), name
    utf16 = utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, "replace"), utf16
    if data.isascii():
        return data.decode("ascii"), "ascii"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    cut = _utf8_cut_short(data)
    if cut is not None:
        return cut, "utf-8"
    declared = normalize_label(hint) or declared_charset(data)
    mixed = _decode_mixed(data, declared)
    if mixed is not None:
        return mixed
    if declared == "utf-8":
        text = data.decode("utf-8", "replace")
        if _few_invalid(data, text, _DECLARED_UTF8_FEW_INVALID):
            return text, "utf-8"
    if declared and declared != "utf-8":
        try:
            text = data.decode(declared)
        except (UnicodeError, LookupError):
            pass
        else:
            used = _second_opinion(data, declared, text)
            return (text if used == declared else _lenient(data, used)), used
        text = _lenient(data, declared)
        if text.count("\ufffd") <= _MAX_REPLACEMENT_SHARE * len(text):
            return text, declared
    guess = _detect(data)
    if guess:
        return _lenient(data, guess), guess
    if declared:
        return _lenient(data, declared), declared
    return data.decode("gb18030", "replace"), "gb18030"


def _lenient(data: bytes, name: str) -> str:
    """``data`` decoded with ``name``, bad bytes replaced; GB18030 if the codec itself fails."""
    try:
        return data.decode(name, "replace")
    except (UnicodeError, LookupError):
        return data.decode("gb18030", "replace")


def utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` for BOM-less UTF-16 markup, else None.

    Markup is mostly ASCII, so UTF-16 shows as a NUL in every other byte: in the
    odd positions for little-endian, the even ones for big-endian.
    """
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 4 or b"\x00" not in sample:
        return None
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    for zeros, other, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        # (CJK text puts a few NULs on the other side too: U+4E00 一 is 00 4E.)
        if zeros >= 0.15 * pairs and other <= 0.25 * zeros:
            text = sample[: 2 * pairs].decode(name, "replace")
            if "<" in text and text.count("\ufffd") <= 0.05 * len(text):
                return name
    return None


def _decode_mixed(data: bytes, declared: str | None) -> tuple[str, str] | None:
    """Decode a page whose pieces are in different encodings, or None if it is not one.

    Pieces end at each ``>``: that byte never occurs inside a GBK, GB18030, Big5 or
    UTF-8 multi-byte character, and encodings change between templates, not inside
    a text run. Valid UTF-8 pieces are read as UTF-8, the others with the declared
    legacy encoding or the one detected on them. The encoding reported is the one
    that holds most of the non-ASCII bytes.

    A piece that is UTF-8 but for a stray byte or two (``_nearly_utf8``) counts as
    UTF-8 when the UTF-8 pieces hold most of the page, and is read as UTF-8 with its
    bad bytes replaced: one bad byte costs one U+FFFD, not a paragraph re-read as
    GB18030. In such a page an invalid piece is read with the legacy encoding only
    when that explains its bytes far better (``_legacy_explains``).
    """
    pieces = data.split(b">")
    good = near = bad = 0
    kinds: list[int] = []  # 0 ASCII, 1 UTF-8, 2 something else, 3 UTF-8 with bad bytes
    for piece in pieces:
        if piece.isascii():
            kinds.append(0)
            continue
        weight = _non_ascii_bytes(piece)  # ASCII bytes are no evidence either way
        try:
            piece.decode("utf-8")
        except UnicodeDecodeError:
            if _nearly_utf8(piece):
                kinds.append(3)
                near += weight
            else:
                kinds.append(2)
                bad += weight
        else:
            kinds.append(1)
            good += weight
    if near and good + near >= bad:
        good += near
    else:  # a GBK page's chance near-UTF-8 run is not evidence against the page
        kinds = [2 if k == 3 else k for k in kinds]
        bad += near
    if good < _MIXED_MIN_UTF8_BYTES or good < _MIXED_MIN_UTF8_SHARE * (good + bad):
        return None
    rest = b"".join(p for p, k in zip(pieces, kinds, strict=True) if k == 2)
    legacy = declared if declared and declared != "utf-8" else None
    legacy = legacy or _detect(rest) or "gb18030"
    utf8_page = good >= bad
    out: list[str] = []
    for piece, kind in zip(pieces, kinds, strict=True):
        if kind < 2:
            out.append(piece.decode("utf-8"))
        elif kind == 3 or (utf8_page and not _legacy_explains(piece, legacy)):
            out.append(piece.decode("utf-8", "replace"))
        else:
            out.append(_lenient(piece, legacy))
    return ">".join(out), ("utf-8" if utf8_page else legacy)


# The first bytes judged by ``not_text_reason``.
_TEXT_SAMPLE_BYTES = 8192
# Share of a decoded sample that may be U+FFFD, C0 controls other than whitespace,
# or C1 controls before it is judged binary. Web pages (the 318 of ../shared/corpus
# and samples/) have at most 0.3 %; uniform random bytes, read in any encoding, over 15 %.
_MAX_JUNK_SHARE = 0.05
_JUNK = re.compile("[\ufffd\x00-\x08\x0e-\x1f\x7f-\x9f]")
# A sample with this many Han characters, hardly any of them common ones, is not
# Chinese text but bytes that happen to decode (Chinese text: 0.3-0.6 common).
_MIN_HAN_FOR_VERDICT = 200
_MIN_COMMON_HAN_SHARE = 0.05
# A short input with no tag at all needs fewer Han characters for that verdict
# (a few dozen random bytes read as GB18030 are a handful of rare characters).
_MIN_HAN_UNTAGGED = 8
_TAG = re.compile("<[A-Za-z!/?]")


def not_text_reason(data: bytes) -> str | None:
    """Why ``data`` is not text in any language (random bytes, raw compressed data), or None.

    The first ``_TEXT_SAMPLE_BYTES`` are decoded as ``decode`` would; the best
    reading is still not text when too much of it is invalid sequences or control
    characters, or when its many Han characters are nearly all rare ones.
    """
    sample = data[:_TEXT_SAMPLE_BYTES]
    if len(sample) < 16:
        return None
    text, encoding = decode(sample)
    if encoding.startswith(("utf-16", "utf-32")):
        return None
    junk = len(_JUNK.findall(text))
    if junk > _MAX_JUNK_SHARE * len(text):
        return (
            f"input is not text: read as {encoding}, {junk} of the first {len(text)} "
            "characters are invalid bytes or control characters"
        )
    han = len(_HAN.findall(text))
    enough = _MIN_HAN_FOR_VERDICT if _TAG.search(text) else _MIN_HAN_UNTAGGED
    if han >= enough and _plausibility(text) < _MIN_COMMON_HAN_SHARE:
        return (
            f"input is not text: read as {encoding}, its {han} Han characters "
            "are nearly all rare ones"
        )
    return None


def _utf8_cut_short(data: bytes) -> str | None:
    """The page read as UTF-8 when it is valid but for a character cut at its end.

    A truncated download stops mid-character; the cut character becomes one U+FFFD.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        text = decoder.decode(data, final=False)
    except UnicodeDecodeError:
        return None
    return text + "\ufffd" if decoder.getstate()[0] else None


def _utf8_invalid(data: bytes, text: str) -> int:
    """Invalid UTF-8 sequences in ``data`` (``text`` is it decoded with replacement)."""
    return text.count("\ufffd") - data.count(b"\xef\xbf\xbd")


def _non_ascii_bytes(data: bytes) -> int:
    return len(data.translate(None, _ASCII_BYTES))


def _nearly_utf8(piece: bytes) -> bool:
    """Whether an invalid piece is UTF-8 text with a few bad bytes.

    Weighs two things for the UTF-8 reading against the legacy one: invalid
    sequences per KB of non-ASCII bytes (``_NEAR_UTF8_MAX_PER_KB``; GBK or Big5
    text read as UTF-8 has hundreds), and how plausibly each reading is Chinese
    (``chinese_plausibility``): UTF-8 text read as GB18030 is valid but rare
    characters and broken punctuation.
    """
    text = piece.decode("utf-8", "replace")
    valid = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if valid < _NEAR_UTF8_MIN_CHARS or not _few_invalid(piece, text, 0):
        return False
    legacy = piece.decode("gb18030", "replace")
    return chinese_plausibility(legacy) < chinese_plausibility(text) + _LEGACY_MARGIN


def _few_invalid(data: bytes, text: str, allowed: int) -> bool:
    """At most ``allowed`` or ``_NEAR_UTF8_MAX_PER_KB`` per KB of non-ASCII invalid sequences.

    ``text`` is ``data`` read as UTF-8 with replacement.
    """
    invalid = _utf8_invalid(data, text)
    return invalid <= allowed or invalid * 1024 <= _NEAR_UTF8_MAX_PER_KB * _non_ascii_bytes(data)


def _legacy_explains(piece: bytes, legacy: str) -> bool:
    """In a UTF-8 page, whether an invalid piece is really in ``legacy`` (an include).

    It is when the legacy reading has under half as many invalid sequences as the
    UTF-8 one, and the UTF-8 one at least two: a lone stray or cut byte is UTF-8's
    damage (one U+FFFD), a GBK character is two bytes UTF-8 cannot read.
    """
    utf8 = _utf8_invalid(piece, piece.decode("utf-8", "replace"))
    other = _lenient(piece, legacy).count("\ufffd")
    return utf8 >= 2 and 2 * other < utf8


_ASCII_BYTES = bytes(range(128))
# A piece that fails strict UTF-8 still reads as UTF-8 with at most this many invalid
# sequences per KB of its non-ASCII bytes (one per ~7 Chinese characters). Read as
# UTF-8, the 40 GBK and Big5 pages of ../shared/corpus and samples/ give 400-600.
_NEAR_UTF8_MAX_PER_KB = 50
# ... and at least this many valid multi-byte characters.
_NEAR_UTF8_MIN_CHARS = 4
# ... unless its GB18030 reading is this much more plausible as Chinese (real text
# scores 0.4-0.6, a chance reading of other bytes under 0.1).
_LEGACY_MARGIN = 0.2
# A page declared UTF-8 stays UTF-8 with up to this many invalid sequences however
# few its non-ASCII bytes (a stray byte in an English page that declares UTF-8).
_DECLARED_UTF8_FEW_INVALID = 4

# Fullwidth and CJK punctuation: UTF-8 text read as GB18030 loses it.
_CJK_PUNCT = frozenset("，。、；：？！“”‘’（）《》〈〉【】「」『』…—·～％")
_C1 = re.compile("[\x80-\x9f]")


def chinese_plausibility(text: str) -> float:
    """How much ``text`` reads as Chinese: about 0.5 for real text, near 0 for mojibake.

    The share of its non-ASCII characters (U+FFFD aside) that are common Han
    characters or CJK punctuation, less twice the share of C1 control characters
    (which no page's text contains, and which Latin-1-ish readings produce).
    """
    non_ascii = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if non_ascii <= 0:
        return 0.0
    common = len(_COMMON_HAN_RE.findall(text))
    punct = sum(1 for ch in text if ch in _CJK_PUNCT)
    return (common + punct - 2 * len(_C1.findall(text))) / non_ascii


# The most frequent Chinese characters in both scripts. Big5 bytes usually decode
# "validly" as GB18030 (and vice versa) but into rare characters, so the share of
# common ones tells the right decoder.
_COMMON_HAN = frozenset(
    "的一是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就出会會可也你对對"
    "生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學"
    "如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實"
    "日军軍者意无無力它与與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高"
    "间間由问問很最重并物手应應战戰向头頭文体體政美相见見被利什二等产產或新己制身果加西月话話"
    "合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員解水名真论論处處"
)

_HAN = re.compile(f"[{HAN_UNIFIED}]")
_COMMON_HAN_RE = re.compile("[" + "".join(sorted(_COMMON_HAN)) + "]")

# How much more plausible another legacy encoding must read to override a declaration.
_SWITCH_MARGIN = 0.2

# Legacy encodings tried on undeclared non-UTF-8 pages, most common first.
_LEGACY = ("gb18030", "big5hkscs")


def _plausibility(text: str) -> float:
    """Share of Han characters that are among the most common ones."""
    han = len(_HAN.findall(text))
    if not han:
        return 0.0
    return len(_COMMON_HAN_RE.findall(text)) / han


def _second_opinion(data: bytes, declared: str, text: str) -> str:
    """Keep a declared legacy encoding unless another one reads far more plausibly."""
    if declared not in _LEGACY:
        return declared
    own = _plausibility(text[:_DETECT_BYTES])
    other = _detect(data)
    if other and other != declared and other in _LEGACY:
        alt = _plausibility(data[:_DETECT_BYTES].decode(other, "replace"))
        if alt > own + _SWITCH_MARGIN:
            return other
    return declared


def _detect(data: bytes) -> str | None:
    """Pick between the legacy Chinese encodings by plausibility, then ask charset-normalizer."""
    sample = data[:_DETECT_BYTES]
    scored: list[tuple[float, str]] = []
    for name in _LEGACY:
        text = sample.decode(name, "replace")
        bad = text.count("\ufffd") / max(1, len(text))
        if bad <= _MAX_REPLACEMENT_SHARE:
            scored.append((_plausibility(text) - bad, name))
    if scored:
        score, name = max(scored)
        if score > 0.05:
            return name
    best = from_bytes(sample).best()
    if best is None:
        return None
    return normalize_label(best.encoding)
