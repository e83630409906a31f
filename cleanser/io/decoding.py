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

from charset_normalizer import from_bytes

from cleanser.vocabulary import (
    C1_RE,
    CHARSET_ALIASES,
    CJK_PUNCTUATION,
    COMMON_HAN_RE,
    DECLARED_UTF8_FEW_INVALID,
    DETECT_BYTES,
    HAN_UNIFIED_RE,
    JUNK_RE,
    LEGACY_ENCODINGS,
    LEGACY_MARGIN,
    LEGACY_MIN_SCORE,
    MAX_JUNK_SHARE,
    MAX_REPLACEMENT_SHARE,
    META_CHARSET_RE,
    MIN_COMMON_HAN_SHARE,
    MIN_HAN_FOR_VERDICT,
    MIN_HAN_UNTAGGED,
    MIXED_MIN_UTF8_BYTES,
    MIXED_MIN_UTF8_SHARE,
    NEAR_UTF8_MAX_PER_KB,
    NEAR_UTF8_MIN_CHARS,
    NOT_PAGE_ENCODINGS,
    PRESCAN_BYTES,
    SWITCH_MARGIN,
    TAG_START_RE,
    TEXT_MIN_BYTES,
    TEXT_SAMPLE_BYTES,
    UTF16_MAX_OTHER_NULS,
    UTF16_MAX_REPLACEMENT_SHARE,
    UTF16_MIN_NUL_SHARE,
    UTF16_MIN_PAIRS,
    UTF16_SAMPLE_BYTES,
    WIDER_ENCODINGS,
    XML_ENCODING_RE,
)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ASCII_BYTES = bytes(range(128))


def normalize_label(label: str | None) -> str | None:
    """A Python codec name for a declared charset label, or None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = CHARSET_ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError, TypeError):
        return None
    name = info.name
    # A page can declare any codec Python knows: rot13, zlib and base64 are not text
    # encodings, and the ones below decode markup into something else or raise.
    if not getattr(info, "_is_text_encoding", True) or name in NOT_PAGE_ENCODINGS:
        return None
    return WIDER_ENCODINGS.get(name, name)


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in its first bytes, normalised."""
    head = data[:PRESCAN_BYTES]
    for pattern in (XML_ENCODING_RE, META_CHARSET_RE):
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
        if _few_invalid(data, text, DECLARED_UTF8_FEW_INVALID):
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
        if text.count("\ufffd") <= MAX_REPLACEMENT_SHARE * len(text):
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
    sample = data[:UTF16_SAMPLE_BYTES]
    pairs = len(sample) // 2
    if pairs < UTF16_MIN_PAIRS or b"\x00" not in sample:
        return None
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    for zeros, other, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        # (CJK text puts a few NULs on the other side too: U+4E00 一 is 00 4E.)
        if zeros >= UTF16_MIN_NUL_SHARE * pairs and other <= UTF16_MAX_OTHER_NULS * zeros:
            text = sample[: 2 * pairs].decode(name, "replace")
            if "<" in text and text.count("\ufffd") <= UTF16_MAX_REPLACEMENT_SHARE * len(text):
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
    if good < MIXED_MIN_UTF8_BYTES or good < MIXED_MIN_UTF8_SHARE * (good + bad):
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


def not_text_reason(data: bytes) -> str | None:
    """Why ``data`` is not text in any language (random bytes, raw compressed data), or None.

    The first ``TEXT_SAMPLE_BYTES`` are decoded as ``decode`` would; the best
    reading is still not text when too much of it is invalid sequences or control
    characters, or when its many Han characters are nearly all rare ones.
    """
    sample = data[:TEXT_SAMPLE_BYTES]
    if len(sample) < TEXT_MIN_BYTES:
        return None
    text, encoding = decode(sample)
    if encoding.startswith(("utf-16", "utf-32")):
        return None
    junk = len(JUNK_RE.findall(text))
    if junk > MAX_JUNK_SHARE * len(text):
        return (
            f"input is not text: read as {encoding}, {junk} of the first {len(text)} "
            "characters are invalid bytes or control characters"
        )
    han = len(HAN_UNIFIED_RE.findall(text))
    enough = MIN_HAN_FOR_VERDICT if TAG_START_RE.search(text) else MIN_HAN_UNTAGGED
    if han >= enough and _plausibility(text) < MIN_COMMON_HAN_SHARE:
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
    sequences per KB of non-ASCII bytes (``NEAR_UTF8_MAX_PER_KB``; GBK or Big5
    text read as UTF-8 has hundreds), and how plausibly each reading is Chinese
    (``chinese_plausibility``): UTF-8 text read as GB18030 is valid but rare
    characters and broken punctuation.
    """
    text = piece.decode("utf-8", "replace")
    valid = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if valid < NEAR_UTF8_MIN_CHARS or not _few_invalid(piece, text, 0):
        return False
    legacy = piece.decode("gb18030", "replace")
    return chinese_plausibility(legacy) < chinese_plausibility(text) + LEGACY_MARGIN


def _few_invalid(data: bytes, text: str, allowed: int) -> bool:
    """At most ``allowed`` or ``NEAR_UTF8_MAX_PER_KB`` per KB of non-ASCII invalid sequences.

    ``text`` is ``data`` read as UTF-8 with replacement.
    """
    invalid = _utf8_invalid(data, text)
    return invalid <= allowed or invalid * 1024 <= NEAR_UTF8_MAX_PER_KB * _non_ascii_bytes(data)


def _legacy_explains(piece: bytes, legacy: str) -> bool:
    """In a UTF-8 page, whether an invalid piece is really in ``legacy`` (an include).

    It is when the legacy reading has under half as many invalid sequences as the
    UTF-8 one, and the UTF-8 one at least two: a lone stray or cut byte is UTF-8's
    damage (one U+FFFD), a GBK character is two bytes UTF-8 cannot read.
    """
    utf8 = _utf8_invalid(piece, piece.decode("utf-8", "replace"))
    other = _lenient(piece, legacy).count("\ufffd")
    return utf8 >= 2 and 2 * other < utf8


def chinese_plausibility(text: str) -> float:
    """How much ``text`` reads as Chinese: about 0.5 for real text, near 0 for mojibake.

    The share of its non-ASCII characters (U+FFFD aside) that are common Han
    characters or CJK punctuation, less twice the share of C1 control characters
    (which no page's text contains, and which Latin-1-ish readings produce).
    """
    non_ascii = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if non_ascii <= 0:
        return 0.0
    common = len(COMMON_HAN_RE.findall(text))
    punct = sum(1 for ch in text if ch in CJK_PUNCTUATION)
    return (common + punct - 2 * len(C1_RE.findall(text))) / non_ascii


def _plausibility(text: str) -> float:
    """Share of Han characters that are among the most common ones."""
    han = len(HAN_UNIFIED_RE.findall(text))
    if not han:
        return 0.0
    return len(COMMON_HAN_RE.findall(text)) / han


def _second_opinion(data: bytes, declared: str, text: str) -> str:
    """Keep a declared legacy encoding unless another one reads far more plausibly."""
    if declared not in LEGACY_ENCODINGS:
        return declared
    own = _plausibility(text[:DETECT_BYTES])
    other = _detect(data)
    if other and other != declared and other in LEGACY_ENCODINGS:
        alt = _plausibility(data[:DETECT_BYTES].decode(other, "replace"))
        if alt > own + SWITCH_MARGIN:
            return other
    return declared


def _detect(data: bytes) -> str | None:
    """Pick between the legacy Chinese encodings by plausibility, then ask charset-normalizer."""
    sample = data[:DETECT_BYTES]
    scored: list[tuple[float, str]] = []
    for name in LEGACY_ENCODINGS:
        text = sample.decode(name, "replace")
        bad = text.count("\ufffd") / max(1, len(text))
        if bad <= MAX_REPLACEMENT_SHARE:
            scored.append((_plausibility(text) - bad, name))
    if scored:
        score, name = max(scored)
        if score > LEGACY_MIN_SCORE:
            return name
    best = from_bytes(sample).best()
    if best is None:
        return None
    return normalize_label(best.encoding)
