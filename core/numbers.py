"""Document numbers (发文字号): found in any text and normalised, whatever brackets the writer used.

Numbers are written with every kind of bracket (〔2016〕 [2016] (2016) 【2016】) and sometimes with the
opening one lost (知战办发2020〕3号); all normalise to 代字〔YYYY〕N号 — the form extraction stores and the form
a number a user types is looked up by.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from core.text import to_simplified

DOC_NUMBER = re.compile(
    r"(?P<code>[\u4e00-\u9fff]{1,10}?)\s*[〔\[(【{﹝［]?\s*(?P<year>(?:19|20)\d{2})\s*[〕\])】}﹞］]\s*"
    r"(?P<num>\d{1,4})\s*号"
)
# What every number ends with. The code group before it is tried at every Chinese character, so the
# full pattern only runs in a window before each of these tails (8× faster, same matches).
_NUMBER_TAIL = re.compile(r"(?:19|20)\d{2}\s*[〕\])】}﹞］]\s*\d{1,4}\s*号")
_BEFORE_YEAR = set(" \t\n\r\f\v\u3000〔[(【{﹝［")
# Verbs that introduce a cited number or title; they are never part of an issuer code.
_CODE_CUT = re.compile(
    r"^.*(?:根据|按照|依据|依照|落实|贯彻|印发|参照|见|和|及|与|、|的|通知|意见|方案|决定|规划|计划|要点)"
)


@dataclass(frozen=True)
class DocNumber:
    start: int
    end: int
    value: str  # normalised 代字〔YYYY〕N号
    year: int


def normalize_doc_number(code: str, year: str | int, num: str | int) -> str:
    return f"{to_simplified(code)}〔{int(year)}〕{int(num)}号"


def _number_matches(text: str) -> Iterator[re.Match[str]]:
    """DOC_NUMBER.finditer(text), searching only where a number's tail is."""
    searched_to = 0
    for tail in _NUMBER_TAIL.finditer(text):
        begin = tail.start()
        while begin > searched_to and (text[begin - 1] in _BEFORE_YEAR or text[begin - 1].isspace()):
            begin -= 1
        begin = max(searched_to, begin - 10)  # the code: at most ten characters
        match = DOC_NUMBER.search(text, begin, tail.end())
        if match:
            searched_to = match.end()
            yield match


def find_doc_numbers(text: str) -> list[DocNumber]:
    found: list[DocNumber] = []
    for match in _number_matches(text):
        code = _CODE_CUT.sub("", match.group("code"))
        if not code:
            continue
        start = match.start("code") + (len(match.group("code")) - len(code))
        found.append(
            DocNumber(
                start,
                match.end(),
                normalize_doc_number(code, match.group("year"), match.group("num")),
                int(match.group("year")),
            )
        )
    return found
