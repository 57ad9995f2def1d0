"""Document numbers and 《》 titles: normalisation and citation finding.

Document numbers are written with every kind of bracket (〔2016〕 [2016] (2016) 【2016】) and
sometimes with the opening one lost (知战办发2020〕3号); all normalise to 代字〔YYYY〕N号.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from core.text import normalize_title, title_key, to_simplified

DOC_NUMBER = re.compile(
    r"(?P<code>[\u4e00-\u9fff]{1,10}?)\s*[〔\[(【{﹝［]?\s*(?P<year>(?:19|20)\d{2})\s*[〕\])】}﹞］]\s*"
    r"(?P<num>\d{1,4})\s*号"
)
# What every number ends with. The code group before it is tried at every Chinese character, so the
# full pattern only runs in a window before each of these tails (8× faster, same matches).
_NUMBER_TAIL = re.compile(r"(?:19|20)\d{2}\s*[〕\])】}﹞］]\s*\d{1,4}\s*号")
_BEFORE_YEAR = set(" \t\n\r\f\v\u3000〔[(【{﹝［")
# Verbs that introduce a cited number or title; they are never part of an issuer code.
_CODE_CUT = re.compile(r"^.*(?:根据|按照|依据|依照|落实|贯彻|印发|参照|见|和|及|与|、|的)")
TITLE = re.compile(r"《(?P<title>[^《》]{2,120}?)》", re.DOTALL)
_IMPLEMENT_VERB = re.compile(r"(?:贯彻落实|贯彻实施|贯彻执行|贯彻|落实|根据|按照|依据|依照|为了?实施|实施)")
_SPACE = re.compile(r"\s+")
_PRODUCT_VERB = re.compile(r"(?:编制|编写|汇编|编撰|撰写)(?:发布|出版|印发)?$")
# Titles of policy texts (a plan drafted by 编制《…规划》 is still a policy text, unlike a report).
_POLICY_KIND = re.compile(
    r"(?:规划|计划|方案|意见|办法|规定|条例|指南|细则|通知|纲要|标准|规范|指引|要点|决定|法)(?:\(.*\))?$"
)


@dataclass(frozen=True)
class DocNumber:
    start: int
    end: int
    value: str  # normalised 代字〔YYYY〕N号
    year: int


@dataclass(frozen=True)
class Citation:
    start: int
    end: int
    title: str | None
    doc_number: str | None
    implements: bool


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


def _implements(before: str) -> bool:
    """An implementing verb governs the title: right before it, or before a list of titles and numbers
    that ends with it (`贯彻落实《A》(…号)《B》、《C》`)."""
    stripped = re.sub(r"《[^《》]*》|\([^()]*号\)|[、,\s和及]", "", before)
    return bool(_IMPLEMENT_VERB.search(stripped[-12:])) or bool(_IMPLEMENT_VERB.search(before[-30:]))


def find_citations(text: str, exclude_titles: set[str], exclude_numbers: set[str]) -> list[Citation]:
    """Cited titles (with the number that follows them in brackets) and bare cited numbers."""
    numbers = find_doc_numbers(text)
    used_numbers: set[int] = set()
    citations: list[Citation] = []
    for match in TITLE.finditer(text):
        title = normalize_title(match.group("title"))
        if len(title) < 3 or title_key(title) in exclude_titles:
            continue
        if _PRODUCT_VERB.search(text[max(0, match.start() - 6) : match.start()]) and not _POLICY_KIND.search(title):
            continue  # 编制《全国专利信息传播利用2018》: a report the plan will produce, not a text it cites
        number: DocNumber | None = None
        for candidate in numbers:
            if 0 <= candidate.start - match.end() <= 3:
                number = candidate
                used_numbers.add(candidate.start)
                break
        sentence_start = max(text.rfind(c, 0, match.start()) for c in "。;\n")
        implements = _implements(text[sentence_start + 1 : match.start()])
        citations.append(
            Citation(
                match.start(),
                number.end if number else match.end(),
                title,
                number.value if number else None,
                implements,
            )
        )
    for number in numbers:
        if number.start in used_numbers or number.value in exclude_numbers:
            continue
        sentence_start = max(text.rfind(c, 0, number.start) for c in "。;\n")
        implements = _implements(text[sentence_start + 1 : number.start])
        citations.append(Citation(number.start, number.end, None, number.value, implements))
    citations.sort(key=lambda c: c.start)
    return citations
