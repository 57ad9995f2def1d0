"""Citations: 《》 titles and document numbers a text cites (numbers themselves: core.numbers)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from core.numbers import DocNumber, find_doc_numbers
from core.text import normalize_title, title_key

TITLE = re.compile(r"《(?P<title>[^《》]{2,120}?)》", re.DOTALL)
_IMPLEMENT_VERB = re.compile(r"(?:贯彻落实|贯彻实施|贯彻执行|贯彻|落实|根据|按照|依据|依照|为了?实施|实施)")
_SPACE = re.compile(r"\s+")
_PRODUCT_VERB = re.compile(r"(?:编制|编写|汇编|编撰|撰写)(?:发布|出版|印发)?$")
# Titles of policy texts (a plan drafted by 编制《…规划》 is still a policy text, unlike a report).
_POLICY_KIND = re.compile(
    r"(?:规划|计划|方案|意见|办法|规定|条例|指南|细则|通知|纲要|标准|规范|指引|要点|决定|法)(?:\(.*\))?$"
)


@dataclass(frozen=True)
class Citation:
    start: int
    end: int
    title: str | None
    doc_number: str | None
    implements: bool


def _implements(before: str) -> bool:
    """An implementing verb governs the title: right before it, or before a list of titles and numbers
    that ends with it (`贯彻落实《A》(…号)《B》、《C》`)."""
    stripped = re.sub(r"《[^《》]*》|\([^()]*号\)|[、,\s和及]", "", before)
    return bool(_IMPLEMENT_VERB.search(stripped[-12:])) or bool(_IMPLEMENT_VERB.search(before[-30:]))


# A short name given to a cited title right after it: 《…》(以下简称《意见》) / (下称“纲要”).
_ABBREVIATION = re.compile(
    r"[ \t]*\(?[ \t]*(?:以下简称|以下称|下称|简称)[ \t]*[《“\"]?(?P<short>[^《》“”\")]{1,20}?)[》”\"]"
)
# A bare kind of text: a back-reference to the last title of that kind, never a text of its own.
_KIND_ONLY = frozenset(
    [
        "意见",
        "实施意见",
        "指导意见",
        "方案",
        "实施方案",
        "工作方案",
        "行动方案",
        "计划",
        "行动计划",
        "工作计划",
        "推进计划",
        "规划",
        "纲要",
        "办法",
        "管理办法",
        "实施办法",
        "通知",
        "决定",
        "条例",
        "规定",
        "细则",
        "实施细则",
        "指南",
        "工作要点",
        "要点",
        "任务分工",
    ]
)
_FORM = re.compile(r"(?:表|申报书|申请书|任务书|承诺书|回执|验收报告|结题报告)$")
_ATTACHMENT_LINE = re.compile(r"^[ \t]*附件", re.MULTILINE)
_LIST_ITEM = re.compile(r"[ \t]*\d{1,2}[.、]")


def _attachment_spans(text: str) -> list[tuple[int, int]]:
    """The document's list of its own attachments: a line starting with 附件 and the numbered lines after it."""
    spans: list[tuple[int, int]] = []
    for match in _ATTACHMENT_LINE.finditer(text):
        end = text.find("\n", match.start())
        while end != -1 and _LIST_ITEM.match(text, end + 1):
            end = text.find("\n", end + 1)
        spans.append((match.start(), len(text) if end == -1 else end))
    return spans


_OWN = Citation(0, 0, None, None, False)  # a short name of the document itself


def find_citations(text: str, exclude_titles: set[str], exclude_numbers: set[str]) -> list[Citation]:
    """Cited titles (with the number that follows them in brackets) and bare cited numbers. Not
    citations: the document's own titles and number, its attachments (附件:…), and short names that
    refer back to a title already cited (以下简称《意见》, a later 《意见》): those cite that title again."""
    numbers = find_doc_numbers(text)
    used_numbers: set[int] = set()
    citations: list[Citation] = []
    short_names: dict[str, Citation] = {}
    attachments = _attachment_spans(text)
    skip_to = 0  # the short name given inside `(以下简称《…》)` is not a citation of its own
    for match in TITLE.finditer(text):
        title = normalize_title(match.group("title"))
        if len(title) < 2 or match.start() < skip_to or any(a <= match.start() < b for a, b in attachments):
            continue
        earlier = short_names.get(title_key(title))
        if earlier is None and title in _KIND_ONLY:
            earlier = _last_of_kind(citations, title)
        if earlier is not None or title in _KIND_ONLY:
            if earlier is not None and earlier is not _OWN:  # the title it stands for, cited again here
                citations.append(replace(earlier, start=match.start(), end=match.end()))
            continue
        own = len(title) < 3 or title_key(title) in exclude_titles
        citation = None if own else _titled(text, match, title, numbers, used_numbers)
        short = _ABBREVIATION.match(text, match.end())
        if short:
            short_names[title_key(normalize_title(short.group("short")))] = citation or _OWN
            skip_to = short.end()
        if citation is not None:
            citations.append(citation)
    for number in numbers:
        if number.start in used_numbers or number.value in exclude_numbers:
            continue
        sentence_start = max(text.rfind(c, 0, number.start) for c in "。;\n")
        implements = _implements(text[sentence_start + 1 : number.start])
        citations.append(Citation(number.start, number.end, None, number.value, implements))
    citations.sort(key=lambda c: c.start)
    return citations


def _titled(
    text: str, match: re.Match[str], title: str, numbers: list[DocNumber], used_numbers: set[int]
) -> Citation | None:
    """The citation of a quoted title, with the number that follows it in brackets."""
    if _PRODUCT_VERB.search(text[max(0, match.start() - 6) : match.start()]) and not _POLICY_KIND.search(title):
        return None  # 编制《全国专利信息传播利用2018》: a report the plan will produce, not a text it cites
    if _FORM.search(title):
        return None  # 《…申报书》, 《诉讼要素表》: a form to fill in, not a text that rules
    number: DocNumber | None = None
    for candidate in numbers:
        if 0 <= candidate.start - match.end() <= 3:
            number = candidate
            used_numbers.add(candidate.start)
            break
    sentence_start = max(text.rfind(c, 0, match.start()) for c in "。;\n")
    implements = _implements(text[sentence_start + 1 : match.start()])
    end = number.end if number else match.end()
    return Citation(match.start(), end, title, number.value if number else None, implements)


def _last_of_kind(citations: list[Citation], kind: str) -> Citation | None:
    """The latest title cited before that ends with this kind (《意见》 after 《…的指导意见》)."""
    return next((c for c in reversed(citations) if c.title and c.title.endswith(kind)), None)
