"""Bytes → text: find out what a Chinese page was really encoded in.

Order of trust: a byte-order mark; strict UTF-8 (pages that declare gb2312 but
were re-saved as UTF-8 are common, and valid multi-byte UTF-8 almost never occurs
by chance in GBK or Big5 text); UTF-8 but for a character cut at the end or a few
stray bytes, weighed per piece by invalid sequences per KB and by how plausibly
each reading is Chinese (``_decode_mixed``); the declared charset (``<meta charset>``,
``http-equiv``, XML declaration, or the caller's hint such as an HTTP header),
with GB2312/GBK widened to GB18030 and Big5 to Big5-HKSCS; then
charset-normalizer; finally GB18030 with replacement. Invalid bytes are replaced,
never raised. ``decode_explained`` also says why the encoding won (``Decoded.reason``,
shown as ``Article.encoding_reason``), with the evidence that decided it.
"""

from __future__ import annotations

import codecs
from typing import NamedTuple

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


class Decoded(NamedTuple):
    """Page text, the encoding it was read with, and why that encoding won."""

    text: str
    encoding: str
    reason: str


class _Declared(NamedTuple):
    """The charset declared for the page (a codec name or None), and who declared it."""

    label: str | None
    source: str  # the caller's hint, <meta> or the XML declaration (with a bad hint's note)
    written: str = ""  # the label as written, when it is not ``label``

    def name(self) -> str:
        read = f" {self.written}, read as" if self.written else ""
        return f"declared by {self.source}:{read} {self.label}" if self.label else self.source


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in its first bytes, normalised."""
    return _declared(data, None).label


def _declared(data: bytes, hint: str | None) -> _Declared:
    """The caller's hint when it names a charset, else the page's own declaration."""
    label = normalize_label(hint)
    if label:
        return _Declared(label, "the caller's hint", _written(hint, label))
    bad_hint = f" (the caller's hint {hint!r} names no known charset)" if hint else ""
    head = data[:PRESCAN_BYTES]
    for pattern, where in ((XML_ENCODING_RE, "the XML declaration"), (META_CHARSET_RE, "<meta>")):
        m = pattern.search(head)
        if m:
            written = m.group(1).decode("ascii", "replace")
            label = normalize_label(written)
            if label and not label.startswith("utf-16") and not label.startswith("utf-32"):
                return _Declared(label, where + bad_hint, _written(written, label))
    return _Declared(None, "no charset declared" + bad_hint)


def _written(written: str | None, label: str) -> str:
    """A declared label as written, when it differs from the codec read (gbk → gb18030)."""
    written = (written or "").strip().strip("\"'").lower()
    return "" if written.replace("_", "-").replace("-", "") == label.replace("-", "") else written


def decode(data: bytes, hint: str | None = None) -> tuple[str, str]:
    """Decode page bytes; return ``(text, encoding_used)``. Never raises on bad bytes."""
    return decode_explained(data, hint)[:2]


def decode_explained(data: bytes, hint: str | None = None) -> Decoded:
    """Decode page bytes as ``decode`` does, and say why the encoding won.

    The reason names the rule that decided (a byte-order mark, strict UTF-8, the
    declaration or the caller's hint and whether the plausibility check confirmed
    it, detection) and its evidence: invalid UTF-8 sequences per KB of non-ASCII
    bytes, how plausibly each reading is Chinese.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(name, "replace"), name, f"{name} by its BOM")
    utf16 = utf16_without_bom(data)
    if utf16:
        why = f"{utf16} without a byte-order mark: a NUL byte beside each ASCII character"
        return Decoded(data.decode(utf16, "replace"), utf16, why)
    if data.isascii():
        return Decoded(data.decode("ascii"), "ascii", "every byte is ASCII")
    declared = _declared(data, hint)
    other = declared.label not in (None, "utf-8")
    aside = f"; {declared.name()} set aside: valid UTF-8 is rarely chance" if other else ""
    try:
        return Decoded(data.decode("utf-8"), "utf-8", f"valid UTF-8 throughout{aside}")
    except UnicodeDecodeError:
        pass
    cut = _utf8_cut_short(data)
    if cut is not None:
        return Decoded(cut, "utf-8", f"valid UTF-8 but for a character cut at the end{aside}")
    mixed = _decode_mixed(data, declared.label)
    if mixed is not None:
        return mixed._replace(reason=f"{declared.name()}; {mixed.reason}")
    if declared.label == "utf-8":
        text = data.decode("utf-8", "replace")
        invalid = _invalid_note(data, text)
        if _few_invalid(data, text, DECLARED_UTF8_FEW_INVALID):
            return Decoded(text, "utf-8", f"{declared.name()}; {invalid}, replaced")
        return _detected(data, declared, f"{declared.name()} but {invalid}")
    if declared.label:
        return _read_declared(data, declared, declared.label)
    return _detected(data, declared, declared.name())


def _read_declared(data: bytes, declared: _Declared, label: str) -> Decoded:
    """A page declared in ``label``, a legacy (non-UTF-8) encoding: the declaration, checked."""
    try:
        text = data.decode(label)
    except (UnicodeError, LookupError):
        text = _lenient(data, label)
        bad = text.count("\ufffd")
        share = f"{_count(bad, 'invalid sequence')}, {bad / max(1, len(text)):.2%} of the text"
        if bad > MAX_REPLACEMENT_SHARE * len(text):
            return _detected(data, declared, f"{declared.name()} but {share}")
        allowed = f"{MAX_REPLACEMENT_SHARE:.0%} tolerated"
        return Decoded(text, label, f"{declared.name()}; {share} ({allowed}), replaced")
    used, evidence = _second_opinion(data, label, text)
    reading = text if used == label else _lenient(data, used)
    return Decoded(reading, used, f"{declared.name()}: {evidence}")


def _detected(data: bytes, declared: _Declared, why_not: str) -> Decoded:
    """No declaration that fits: detection, else the declaration or GB18030 with replacement."""
    guess = _detect_why(data)
    if guess:
        name, evidence = guess
        if declared.label != "utf-8":  # (else ``why_not`` has said how it fails as UTF-8)
            sample = data[:DETECT_BYTES]
            why_not += f"; not UTF-8 ({_invalid_note(sample, sample.decode('utf-8', 'replace'))})"
        return Decoded(_lenient(data, name), name, f"{why_not}; detected {evidence}")
    if declared.label:
        why = f"{why_not}; detection found nothing better: {declared.label} with replacement"
        return Decoded(_lenient(data, declared.label), declared.label, why)
    why = f"{why_not}; detection found nothing: gb18030 with replacement"
    return Decoded(data.decode("gb18030", "replace"), "gb18030", why)


def _invalid_note(data: bytes, text: str) -> str:
    """Invalid UTF-8 sequences in ``data`` (``text``: it read as UTF-8), and per KB of non-ASCII."""
    invalid = _utf8_invalid(data, text)
    per_kb = invalid * 1024 / max(1, _non_ascii_bytes(data))
    return f"{_count(invalid, 'invalid UTF-8 sequence')}, {per_kb:.1f} per KB of non-ASCII bytes"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


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


def _decode_mixed(data: bytes, declared: str | None) -> Decoded | None:
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
    invalid = legacy_pieces = 0
    for piece, kind in zip(pieces, kinds, strict=True):
        if kind < 2:
            out.append(piece.decode("utf-8"))
        elif kind == 3 or (utf8_page and not _legacy_explains(piece, legacy)):
            out.append(piece.decode("utf-8", "replace"))
            invalid += _utf8_invalid(piece, out[-1])
        else:
            out.append(_lenient(piece, legacy))
            legacy_pieces += 1
    text = ">".join(out)
    why = _mixed_reason(data, text, legacy, (good, bad, invalid, legacy_pieces))
    return Decoded(text, "utf-8" if utf8_page else legacy, why)


def _mixed_reason(data: bytes, text: str, legacy: str, counts: tuple[int, int, int, int]) -> str:
    """Why ``_decode_mixed`` read the page so. ``counts``: non-ASCII bytes in pieces read
    as UTF-8 and in the others, invalid UTF-8 sequences replaced, pieces read as ``legacy``."""
    good, bad, invalid, legacy_pieces = counts
    if not legacy_pieces:  # (``legacy`` was detected on nothing: weigh GB18030's reading)
        own = chinese_plausibility(text[:DETECT_BYTES])
        other = chinese_plausibility(data[:DETECT_BYTES].decode("gb18030", "replace"))
        per_kb = invalid * 1024 / max(1, good)
        return (
            f"UTF-8 but for {_count(invalid, 'invalid sequence')} ({per_kb:.1f} per KB of "
            "non-ASCII bytes; GBK or Big5 read as UTF-8 gives hundreds), replaced; it reads "
            f"as Chinese with plausibility {own:.2f}, as gb18030 {other:.2f}"
        )
    share = f"{good} of {good + bad} non-ASCII bytes are in pieces read as UTF-8"
    damaged = f", {_count(invalid, 'invalid UTF-8 sequence')} replaced" if invalid else ""
    main = "utf-8" if good >= bad else legacy
    pieces = f"{_count(legacy_pieces, 'piece')} read as {legacy}{damaged}"
    return f"pieces in two encodings ({share}, {pieces}): {main} holds most"


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


def _second_opinion(data: bytes, declared: str, text: str) -> tuple[str, str]:
    """Keep a declared legacy encoding unless another one reads far more plausibly.

    Returns the encoding and the evidence, for ``Decoded.reason``.
    """
    if declared not in LEGACY_ENCODINGS:
        return declared, "decodes without an error (no plausibility check outside Chinese)"
    own = _plausibility(text[:DETECT_BYTES])
    other = _detect(data)
    if other and other != declared and other in LEGACY_ENCODINGS:
        alt = _plausibility(data[:DETECT_BYTES].decode(other, "replace"))
        if alt > own + SWITCH_MARGIN:
            return other, (
                f"decodes, but set aside: {other} reads far more plausibly as Chinese "
                f"({alt:.2f} of its Han characters common, against {own:.2f})"
            )
    return declared, (
        f"decodes without an error and the plausibility check confirms it ({own:.2f} of "
        "its Han characters are common ones)"
    )


def _detect(data: bytes) -> str | None:
    """Pick between the legacy Chinese encodings by plausibility, then ask charset-normalizer."""
    found = _detect_why(data)
    return found[0] if found else None


def _detect_why(data: bytes) -> tuple[str, str] | None:
    """``_detect``'s encoding and its evidence (``"name: why"``), or None."""
    sample = data[:DETECT_BYTES]
    scored: list[tuple[float, str, float, float]] = []
    for name in LEGACY_ENCODINGS:
        text = sample.decode(name, "replace")
        bad = text.count("\ufffd") / max(1, len(text))
        if bad <= MAX_REPLACEMENT_SHARE:
            common = _plausibility(text)
            scored.append((common - bad, name, common, bad))
    if scored:
        score, name, common, bad = max(scored)
        if score > LEGACY_MIN_SCORE:
            return name, (
                f"{name} by plausibility: {common:.2f} of its Han characters are common "
                f"ones, {bad:.2%} of it invalid"
            )
    best = from_bytes(sample).best()
    label = normalize_label(best.encoding) if best is not None else None
    return (
        (label, f"{label} by charset-normalizer (no Chinese reading was plausible)")
        if label
        else None
    )
