"""Dates and times as Chinese pages print them, turned into ISO 8601.

Pages write the same instant in many ways: ``2025-07-14 18:12:19``,
``2025年7月14日 18:12``, ``2025/07/14``, ``2022.01.20 16:31``,
``2020-07-04T01:55:04.000Z``, ``07-14 18:12`` (no year), ``下午3:05`` or a Unix
timestamp in a ``<meta>``. :func:`parse_date` reads the first of these in a
string and :func:`find_dates` lists every one with its position, so the caller
can judge where on the page a date sits.

Output is ``YYYY-MM-DDTHH:MM:SS±HH:MM`` when a time is known (``+08:00`` when
the page gives no zone: Chinese portals print Beijing time) and ``YYYY-MM-DD``
for a date alone. Month, day, hour and minute are range-checked, so ``2018.82``
in a DOI or ``3/45`` in a score never becomes a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from cleanser.vocabulary import (
    AM_WORDS,
    DAYS_BACK,
    DEFAULT_TZ,
    ENGLISH_DATE_RE,
    ENGLISH_MONTHS,
    EPOCH_RE,
    FULL_DATE_RE,
    MAX_YEAR,
    MIN_YEAR,
    MONTH_ONLY_RE,
    PM_WORDS,
    RELATIVE_DATE_RE,
    RELATIVE_UNITS,
    YEAR_LAST_DATE_RE,
    YEARLESS_DATE_RE,
)

_BEIJING = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class FoundDate:
    """One date read from text, with where it was found.

    ``precision`` is the finest unit the text shows (``second``, ``minute``,
    ``hour``, ``day``, ``month``), so a reader can tell ``2003-05`` from a real
    day and ``18:12:00`` from a shown second. ``zoned``: the text gave its
    offset (or an absolute instant such as a Unix timestamp); otherwise the
    offset in ``iso`` is the assumed :data:`DEFAULT_TZ`.
    """

    iso: str
    raw: str
    start: int
    end: int
    has_time: bool
    precision: str = "day"
    zoned: bool = False

    @property
    def day(self) -> str:
        """The ``YYYY-MM-DD`` part."""
        return self.iso[:10]


def parse_date(text: str | None, year_hint: int | None = None) -> FoundDate | None:
    """The first date in ``text``; a yearless ``07-14 18:12`` takes ``year_hint``."""
    if not text:
        return None
    text = text[:500]
    m = EPOCH_RE.match(text)
    if m:
        return _from_epoch(m, text)
    found = find_dates(text, year_hint, limit=1)
    return found[0] if found else None


def find_dates(text: str, year_hint: int | None = None, limit: int = 50) -> list[FoundDate]:
    """Every valid date in ``text`` in order of position (non-overlapping)."""
    out: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for m in FULL_DATE_RE.finditer(text):
        fd = _from_full(m)
        if fd is not None:
            out.append(fd)
            taken.append((m.start(), m.end()))
            if len(out) >= limit and not year_hint:
                break
    for m in YEAR_LAST_DATE_RE.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        month, day = (b, a) if a > 12 else (a, b)
        fd = _from_parts(m, int(m.group("y")), month, day)
        if fd is not None:
            out.append(fd)
            taken.append((m.start(), m.end()))
    for m in ENGLISH_DATE_RE.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        fd = _from_english(m)
        if fd is not None:
            out.append(fd)
            taken.append((m.start(), m.end()))
    if year_hint:
        for m in YEARLESS_DATE_RE.finditer(text):
            if _overlaps(m.start(), m.end(), taken):
                continue
            fd = _from_parts(
                m, year_hint, int(m.group("m")), int(m.group("d")), sep_ok=_yearless_sep_ok(m)
            )
            if fd is not None:
                out.append(fd)
    out.sort(key=lambda f: f.start)
    return out[:limit]


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for s, e in spans)


def _yearless_sep_ok(m: re.Match[str]) -> bool:
    """``7月14日`` needs 日 after the day; ``07-14`` and ``07/14`` need nothing."""
    return m.group("s1") != "月" or "日" in m.group(0) or "号" in m.group(0)


def _from_full(m: re.Match[str]) -> FoundDate | None:
    s1, s2 = m.group("s1"), m.group("s2")
    if s1 is None:
        # "2025 03/05 10:22:36": news.cn prints the year in its own span.
        if s2 != "/" or len(m.group("m")) != 2 or len(m.group("d")) != 2:
            return None  # and only zero-padded, so "2025 3/4" stays a year and a fraction
        s1 = s2
    if (s1 == "年") != (s2 == "月") or (s1 != "年" and s1 != s2):
        return None
    return _from_parts(m, int(m.group("y")), int(m.group("m")), int(m.group("d")))


def _from_english(m: re.Match[str]) -> FoundDate | None:
    month = ENGLISH_MONTHS.get(m.group("mon")[:3].lower())
    if month is None:
        return None
    y, d = int(m.group("y")), int(m.group("d"))
    if not _valid_day(y, month, d):
        return None
    return FoundDate(f"{y:04d}-{month:02d}-{d:02d}", m.group(0), m.start(), m.end(), False)


def _from_parts(
    m: re.Match[str], y: int, mo: int, d: int, *, sep_ok: bool = True
) -> FoundDate | None:
    if not sep_ok or not _valid_day(y, mo, d):
        return None
    day = f"{y:04d}-{mo:02d}-{d:02d}"
    hour = m.groupdict().get("H")
    if hour is None:
        return FoundDate(day, m.group(0).strip(), m.start(), m.end(), False)
    h, mi = int(hour), int(m.group("M"))
    sec = int(m.group("S")) if m.group("S") else 0
    hour24 = _apply_ampm(h, m.group("ampm1"), m.group("ampm2"))
    if hour24 is None or hour24 > 23 or mi > 59 or sec > 59:
        # A bad time does not spoil a good date: keep the day alone.
        raw = text_before_time(m)
        return FoundDate(day, raw, m.start(), m.start() + len(raw), False)
    tz = _norm_tz(m.group("tz"))
    iso = f"{day}T{hour24:02d}:{mi:02d}:{sec:02d}{tz}"
    precision = "second" if m.group("S") else "minute"
    zoned = bool(m.group("tz"))
    return FoundDate(iso, m.group(0).strip(), m.start(), m.end(), True, precision, zoned)


def text_before_time(m: re.Match[str]) -> str:
    """The date part of a match whose time part was rejected."""
    return m.string[m.start() : m.start("H") if m.start("H") >= 0 else m.end()].rstrip()


def _apply_ampm(h: int, zh: str | None, en: str | None) -> int | None:
    pm = (zh in PM_WORDS) or (en is not None and en[:1].lower() == "p")
    am = (zh in AM_WORDS) or (en is not None and en[:1].lower() == "a")
    if pm and h < 12:
        return h + 12
    if am and h == 12:
        return 0
    return h


def _valid_day(y: int, mo: int, d: int) -> bool:
    if not (MIN_YEAR <= y <= MAX_YEAR and 1 <= mo <= 12 and 1 <= d <= 31):
        return False
    try:
        date(y, mo, d)
    except ValueError:
        return False
    return True


def _norm_tz(tz: str | None) -> str:
    if not tz:
        return DEFAULT_TZ
    tz = tz.strip().upper()
    if tz == "Z":
        return "+00:00"
    tz = tz.replace("GMT", "").replace("UTC", "").replace(" ", "")
    sign = "-" if tz.startswith("-") else "+"
    digits = tz.lstrip("+-").replace(":", "")
    if not digits.isdigit():
        return DEFAULT_TZ
    if len(digits) <= 2:
        hh, mm = int(digits), 0
    else:
        hh, mm = int(digits[:-2]), int(digits[-2:])
    if hh > 14 or mm > 59:
        return DEFAULT_TZ
    return f"{sign}{hh:02d}:{mm:02d}"


def _from_epoch(m: re.Match[str], text: str) -> FoundDate | None:
    secs = int(m.group("s"))
    try:
        dt = datetime.fromtimestamp(secs, tz=_BEIJING)
    except (OverflowError, OSError, ValueError):
        return None
    if not MIN_YEAR <= dt.year <= MAX_YEAR:
        return None
    iso = dt.strftime("%Y-%m-%dT%H:%M:%S") + DEFAULT_TZ
    return FoundDate(iso, text.strip(), m.start("s"), m.end(), True, "second", True)


# --------------------------------------------------------------------------
# Month-only dates and relative dates
# --------------------------------------------------------------------------


def parse_month(text: str | None) -> FoundDate | None:
    """The first year-and-month date in ``text`` (``2003-5`` → ``2003-05``, precision month).

    Only called where no full date was found: the month is reported as shown,
    never padded into a made-up day.
    """
    if not text:
        return None
    m = MONTH_ONLY_RE.search(text[:500])
    if not m:
        return None
    y, mo = int(m.group("y")), int(m.group("m1") or m.group("m2"))
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    return FoundDate(f"{y:04d}-{mo:02d}", m.group(0).strip(), m.start(), m.end(), False, "month")


def find_relative(text: str) -> re.Match[str] | None:
    """The first relative time in ``text`` (3小时前, 昨天 12:00, 刚刚), unresolved."""
    return RELATIVE_DATE_RE.search(text[:500]) if text else None


def resolve_relative(m: re.Match[str], reference: datetime) -> FoundDate:
    """The instant a relative time names, counted back from ``reference``.

    ``reference`` is the time the page was fetched, given by the caller; a naive
    one is taken as Beijing time. The precision is the unit the page shows
    (3小时前 is known to the hour, 昨天 to the day, 昨天 12:00 to the minute).
    """
    ref = reference if reference.tzinfo else reference.replace(tzinfo=_BEIJING)
    raw = m.group(0).strip()
    if m.group("n"):
        name, precision = RELATIVE_UNITS[m.group("unit")]
        when = ref - timedelta(**{name: int(m.group("n"))})
        if precision == "day":
            return FoundDate(when.date().isoformat(), raw, m.start(), m.end(), False, "day")
        iso = when.replace(microsecond=0).isoformat()
        return FoundDate(iso, raw, m.start(), m.end(), True, precision, True)
    word = m.group("word")
    if word in ("刚刚", "剛剛"):
        iso = ref.replace(microsecond=0).isoformat()
        return FoundDate(iso, raw, m.start(), m.end(), True, "minute", True)
    day = ref - timedelta(days=DAYS_BACK[word])
    if m.group("H") is None or int(m.group("H")) > 23:
        return FoundDate(day.date().isoformat(), raw, m.start(), m.end(), False, "day")
    when = day.replace(hour=int(m.group("H")), minute=int(m.group("M")), second=0, microsecond=0)
    return FoundDate(when.isoformat(), raw, m.start(), m.end(), True, "minute", True)
