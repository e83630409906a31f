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

from cleanser.vocabulary import AM_WORDS, PM_WORDS

# Offset assumed when a page prints a time without a zone (Beijing/Taipei time).
DEFAULT_TZ = "+08:00"

# Years accepted as a publication year; anything else is a number, not a date.
MIN_YEAR = 1990
MAX_YEAR = 2099

_TIME = (
    r"(?P<ampm1>上午|下午|晚上|晚间|傍晚|中午|凌晨|早上|清晨|早晨)?\s*"
    r"(?P<H>[0-2]?\d)\s*[:：时時]\s*(?P<M>[0-5]\d)"
    r"(?:\s*[:：分]\s*(?P<S>[0-5]\d)(?:\.\d{1,9})?\s*秒?)?"
    r"(?:\s*(?P<ampm2>[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?"
    r"(?P<tz>Z(?![A-Za-z])|[+-][01]\d:?[0-5]\d|\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"
)

# A day of the month; two digits may run straight into a time ("09-3022:46").
_DAY = r"(?P<d>[0-3]\d(?=[0-2]?\d[:：][0-5]\d)|[0-3]?\d(?!\d))"

# Year, month and day with the year first; separators are checked for
# consistency after matching (年…月, or the same -, / or . twice).
_FULL = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?:\s*(?P<s1>[-/.年])\s*|(?P<sp>\s{1,3}))"
    r"(?P<m>[01]?\d)\s*(?P<s2>[-/.月])\s*"
    + _DAY
    + r"\s*(?:日|号|號)?(?:(?:\s*T\s*|\s*|\s*[,，]\s*)"
    + _TIME
    + r")?"
)

# Month and day without a year: only trusted with a time after it, since
# ``3/4`` or ``7-14`` alone are as often scores, ranges or fractions.
_YEARLESS = re.compile(
    r"(?<![\d./-])(?P<m>[01]?\d)\s*(?P<s1>[-/月])\s*" + _DAY + r"\s*(?:日|号|號)?\s*" + _TIME
)

# Year last with slashes (``9/17/2004 5:54:13 AM`` from ASP pages): month first
# unless the first number cannot be a month (``17/9/2004``).
_YEAR_LAST = re.compile(
    r"(?<![\d/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])"
    r"(?:\s*(?:-\s*)?" + _TIME + r")?"
)

# English month names (``March 7, 2009``, ``7 March 2009``) seen on blogs.
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_ENGLISH = re.compile(
    r"\b(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+"
    r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b",
    re.I,
)

# A Unix timestamp in seconds or milliseconds (meta tags of some CMSs).
_EPOCH = re.compile(r"^\s*(?P<s>1\d{9})(?P<ms>\d{3})?\s*$")

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
    m = _EPOCH.match(text)
    if m:
        return _from_epoch(m, text)
    found = find_dates(text, year_hint, limit=1)
    return found[0] if found else None


def find_dates(text: str, year_hint: int | None = None, limit: int = 50) -> list[FoundDate]:
    """Every valid date in ``text`` in order of position (non-overlapping)."""
    out: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for m in _FULL.finditer(text):
        fd = _from_full(m)
        if fd is not None:
            out.append(fd)
            taken.append((m.start(), m.end()))
            if len(out) >= limit and not year_hint:
                break
    for m in _YEAR_LAST.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        month, day = (b, a) if a > 12 else (a, b)
        fd = _from_parts(m, int(m.group("y")), month, day)
        if fd is not None:
            out.append(fd)
            taken.append((m.start(), m.end()))
    for m in _ENGLISH.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        fd = _from_english(m)
        if fd is not None:
            out.append(fd)
            taken.append((m.start(), m.end()))
    if year_hint:
        for m in _YEARLESS.finditer(text):
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
    month = _MONTHS.get(m.group("mon")[:3].lower())
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

# "2003-5", "2003/05", "2003.5", "2003年5月": a year and a month and nothing after
# them that could be a day (no digit, no further separator, no 日).
_MONTH_ONLY = re.compile(
    r"(?<![\d./-])(?P<y>(?:19|20)\d\d)\s*(?:年\s*(?P<m1>1[0-2]|0?[1-9])\s*月(?!\s*\d)"
    r"|(?P<s>[-/.])(?P<m2>1[0-2]|0?[1-9])(?![\d./-]|\s*(?:月|[年日号號]|\d)))"
)


def parse_month(text: str | None) -> FoundDate | None:
    """The first year-and-month date in ``text`` (``2003-5`` → ``2003-05``, precision month).

    Only called where no full date was found: the month is reported as shown,
    never padded into a made-up day.
    """
    if not text:
        return None
    m = _MONTH_ONLY.search(text[:500])
    if not m:
        return None
    y, mo = int(m.group("y")), int(m.group("m1") or m.group("m2"))
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    return FoundDate(f"{y:04d}-{mo:02d}", m.group(0).strip(), m.start(), m.end(), False, "month")


_RELATIVE = re.compile(
    r"(?P<n>\d{1,3})\s*(?P<unit>秒|分钟|分鐘|分|小时|小時|个小时|個小時|天|日)\s*[前之]前?"
    r"|(?P<word>刚刚|剛剛|今天|今日|昨天|昨日|前天)"
    r"(?:\s*(?P<H>[0-2]?\d)\s*[:：]\s*(?P<M>[0-5]\d))?"
)
_UNIT = {
    "秒": ("seconds", "second"),
    "分钟": ("minutes", "minute"),
    "分鐘": ("minutes", "minute"),
    "分": ("minutes", "minute"),
    "小时": ("hours", "hour"),
    "小時": ("hours", "hour"),
    "个小时": ("hours", "hour"),
    "個小時": ("hours", "hour"),
    "天": ("days", "day"),
    "日": ("days", "day"),
}
_DAYS_BACK = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}


def find_relative(text: str) -> re.Match[str] | None:
    """The first relative time in ``text`` (3小时前, 昨天 12:00, 刚刚), unresolved."""
    return _RELATIVE.search(text[:500]) if text else None


def resolve_relative(m: re.Match[str], reference: datetime) -> FoundDate:
    """The instant a relative time names, counted back from ``reference``.

    ``reference`` is the time the page was fetched, given by the caller; a naive
    one is taken as Beijing time. The precision is the unit the page shows
    (3小时前 is known to the hour, 昨天 to the day, 昨天 12:00 to the minute).
    """
    ref = reference if reference.tzinfo else reference.replace(tzinfo=_BEIJING)
    raw = m.group(0).strip()
    if m.group("n"):
        name, precision = _UNIT[m.group("unit")]
        when = ref - timedelta(**{name: int(m.group("n"))})
        if precision == "day":
            return FoundDate(when.date().isoformat(), raw, m.start(), m.end(), False, "day")
        iso = when.replace(microsecond=0).isoformat()
        return FoundDate(iso, raw, m.start(), m.end(), True, precision, True)
    word = m.group("word")
    if word in ("刚刚", "剛剛"):
        iso = ref.replace(microsecond=0).isoformat()
        return FoundDate(iso, raw, m.start(), m.end(), True, "minute", True)
    day = ref - timedelta(days=_DAYS_BACK[word])
    if m.group("H") is None or int(m.group("H")) > 23:
        return FoundDate(day.date().isoformat(), raw, m.start(), m.end(), False, "day")
    when = day.replace(hour=int(m.group("H")), minute=int(m.group("M")), second=0, microsecond=0)
    return FoundDate(when.isoformat(), raw, m.start(), m.end(), True, "minute", True)
