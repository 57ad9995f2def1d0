"""Deadlines and schedules → date ranges (第一季度, 上半年, 2014年6月底前, 年内, 全年, 年底前, ranges).

Relative expressions are read against the plan's year; without one, the text is kept and the
dates stay unknown rather than guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_Q = "一二三四1234"
# The lookahead names every character an alternative can start with: most positions of a text fail
# it at once instead of trying twelve alternatives each (12× faster, same matches).
DEADLINE = re.compile(
    r"(?=[\d第一二三四上下到至年全每 \t])(?:"
    r"(?P<range>(?P<ry1>\d{4})年(?P<rm1>\d{1,2})月\s*[—\-–~至到]+\s*(?:(?P<ry2>\d{4})年)?(?P<rm2>\d{1,2})月(?:底)?)"
    r"|(?P<days>(?:(?P<sy>\d{4})年)?(?P<sm>\d{1,2})月(?P<sd1>\d{1,2})日\s*[—\-–~至到]+\s*(?:(?P<sm2>\d{1,2})月)?"
    r"(?P<sd2>\d{1,2})日)"
    r"|(?P<day>(?:(?P<dy>\d{4})年)?(?P<dm>\d{1,2})月(?P<dd>\d{1,2})日\s*(?:前|之前|以前))"
    r"|(?P<tenday>(?:(?P<ty>\d{4})年)?(?P<tm>\d{1,2})月(?P<part>上旬|中旬|下旬))"
    r"|(?P<month>(?:(?P<my>\d{4})年)?(?P<mm>\d{1,2})月(?:底|末)?(?:前|之前|以前|底|末))"
    rf"|(?P<quarter>(?:(?P<qy>\d{{4}})年)?第?(?P<q1>[{_Q}])(?:、第?[{_Q}])*(?:季度)?(?:\s*(?:至|到|—|-)\s*第?(?P<q2>[{_Q}]))?"
    r"季度(?P<qbefore>末?(?:前|之前|以前))?)"
    r"|(?P<half>(?:(?P<hy>\d{4})年)?(?P<h>上|下)半年)"
    r"|(?P<byyear>(?:到|至)(?P<by>\d{4})年(?![\d底末年]|\d*月))"
    r"|(?P<yearend>(?:至|到)?(?:(?P<ey>\d{4})年年?|年)(?:底|末)(?:前|之前|以前)?)"
    r"|(?P<within>(?:(?P<wy>\d{4})年)?(?:年内|全年)(?!工作|的|推进|进展|情况|总结|计划))"
    r"|(?P<yearly>每年(?P<ym>\d{1,2})月份?(?![\d日底末前]))"
    r"|(?P<cell>(?<![^\n])[ \t]*(?P<cy>\d{4})年(?P<cm>\d{1,2})月[ \t]*(?=\n|$)))"
)
_COUNTING = set("0123456789一二三四五六七八九十两几半多")
_QUARTER_VALUE = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class Deadline:
    start: int
    end: int
    text: str
    date_start: str | None
    date_end: str | None

    @property
    def interval(self) -> str:
        return f"{self.date_start or '..'}/{self.date_end or '..'}"


def _day(year: int, month: int, day: int | None = None) -> str | None:
    if not (1 <= month <= 12):
        return None
    last = calendar.monthrange(year, month)[1]
    if day is None:
        day = last
    if not (1 <= day <= last):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _year(explicit: str | None, plan_year: int | None) -> int | None:
    return int(explicit) if explicit else plan_year


def _quarters(match: re.Match[str]) -> tuple[int, int]:
    quarters = match.group("quarter")[len(match.group("qy") or "") :]  # the year's digits are not quarters
    values = [_QUARTER_VALUE[c] for c in re.findall(rf"[{_Q}]", quarters.lstrip("年"))]
    return min(values), max(values)


def find_deadlines(text: str, plan_year: int | None) -> list[Deadline]:
    found: list[Deadline] = []
    for m in DEADLINE.finditer(text):
        start: str | None = None
        end: str | None = None
        if m.group("range"):
            y1 = int(m.group("ry1"))
            y2 = int(m.group("ry2")) if m.group("ry2") else y1
            start, end = _day(y1, int(m.group("rm1")), 1), _day(y2, int(m.group("rm2")))
        elif m.group("days"):
            year = _year(m.group("sy"), plan_year)
            if year:
                month = int(m.group("sm"))
                start = _day(year, month, int(m.group("sd1")))
                end = _day(year, int(m.group("sm2") or month), int(m.group("sd2")))
        elif m.group("cell"):
            year, month = int(m.group("cy")), int(m.group("cm"))
            start, end = _day(year, month, 1), _day(year, month)
        elif m.group("day"):
            year = _year(m.group("dy"), plan_year)
            end = _day(year, int(m.group("dm")), int(m.group("dd"))) if year else None
        elif m.group("tenday"):
            year = _year(m.group("ty"), plan_year)
            month = int(m.group("tm"))
            if year:
                first = {"上旬": 1, "中旬": 11, "下旬": 21}[m.group("part")]
                start = _day(year, month, first)
                end = _day(year, month, first + 9) if first < 21 else _day(year, month)
        elif m.group("month"):
            year = _year(m.group("my"), plan_year)
            end = _day(year, int(m.group("mm"))) if year else None
        elif m.group("quarter"):
            first, last = _quarters(m)
            year = _year(m.group("qy"), plan_year)
            if year:
                start, end = _day(year, first * 3 - 2, 1), _day(year, last * 3)
                if m.group("qbefore"):
                    start = None  # 第三季度前: by the end of the quarter
        elif m.group("half"):
            year = _year(m.group("hy"), plan_year)
            if year:
                start, end = (
                    (_day(year, 1, 1), _day(year, 6)) if m.group("h") == "上" else (_day(year, 7, 1), _day(year, 12))
                )
        elif m.group("byyear"):
            end = _day(int(m.group("by")), 12)
        elif m.group("yearend"):
            year = _year(m.group("ey"), plan_year)
            end = _day(year, 12) if year else None
        elif m.group("yearly"):
            year = plan_year  # 每年12月份: the month, read in the plan's year
            if year:
                start, end = _day(year, int(m.group("ym")), 1), _day(year, int(m.group("ym")))
        elif m.group("within"):
            if not m.group("wy") and text[m.start() - 1 : m.start()] in _COUNTING:
                continue  # 三年内, 3年内: a span of years, not this year
            year = _year(m.group("wy"), plan_year)
            if year:
                start, end = _day(year, 1, 1), _day(year, 12)
        found.append(Deadline(m.start(), m.end(), m.group(0).strip(), start, end))
    return found
