"""Quantitative targets: 万人发明专利拥有量达13件, 增长20%以上, 培训200名以上 → {indicator, value, unit, comparator}."""

from __future__ import annotations

import re
from dataclasses import dataclass

_VERBS = (
    "达到|达|增长|提高到|提高|提升到|提升|超过|不少于|不低于|至少|培育|完成|新增|累计|培训|举办|建成|建设|"
    "引进|开展|实现|突破|力争|争取|占比达|为|每年|年均|申报|促成|实施|新建|新设|新确定|新认定|认定|打造|创建|建立|"
    "设立|遴选|扶持|资助|办理|安排|培养|组建|支持|形成|编印|发放|出版|发表|提交|征集|受理|服务"
)
TARGET = re.compile(
    rf"(?P<verb>{_VERBS})?\s*(?P<value>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>%|万人次|人次|万册|万件|万家|万个|万户|万人|万元|亿元|件|家|个|次|人|名|期|项|所|种|份|批|起|场|册|篇|笔)"
    r"(?P<cmp>以上|以下|左右)?"
)
_QUALIFIER = re.compile(r"(?:以上|以下)?的")
_FUNDING = re.compile(r"(?:的)?(?:一次性)?(?:给予|奖励|补助|资助|补贴|扶持|奖补|最高)")
_COMPARATORS = {"以上": ">=", "不少于": ">=", "至少": ">=", "不低于": ">=", "以下": "<=", "不超过": "<=", "超过": ">"}
_CLAUSE_START = re.compile(r"[,;。:、\n(]")
_PHRASE_START = re.compile(r"[,;。:\n]")  # brackets stay inside: 新确定试点县(区)8个
_MARKER = re.compile(r"\s*(?:\d{1,2}[.、]|\(\d{1,2}\)|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))")


@dataclass(frozen=True)
class Target:
    start: int
    end: int
    text: str
    indicator: str
    value: float
    unit: str
    comparator: str


def find_targets(text: str) -> list[Target]:
    found: list[Target] = []
    for m in TARGET.finditer(text):
        before = text[max(0, m.start() - 1) : m.start()]
        if before.isdigit() or before in {"第", "."}:
            continue
        if not m.group("verb") and text[max(0, m.start() - 1) : m.start()] == "等":
            continue  # …、行政处罚、货物处置等7项清单: the count of a list just given, not a goal
        if _QUALIFIER.match(text, m.end()):
            continue  # 收入首次达到2000万元的企业: a threshold that picks out the counted, not a goal
        if m.group("unit").endswith("元") and (
            _FUNDING.search(text, max(0, m.start() - 12), m.start()) or _FUNDING.match(text, m.end())
        ):
            continue  # 给予最高30万元补助: money granted, not a goal reached
        clause_start = max(
            (x.end() for x in _CLAUSE_START.finditer(text, max(0, m.start() - 30), m.start())),
            default=max(0, m.start() - 30),
        )
        marker = _MARKER.match(text, clause_start)
        if marker:
            clause_start = marker.end()  # `3.开展…培训6次`: the item's number is not part of the goal
        lead = text[clause_start : m.start()]
        verb = m.group("verb") or ""
        phrase_start = max(
            (x.end() for x in _PHRASE_START.finditer(text, max(0, m.start() - 40), m.start())),
            default=max(0, m.start() - 40),
        )
        if not verb and not m.group("cmp") and not re.search(_VERBS, text[phrase_start : m.start()]):
            continue  # a bare quantity (第8届, 9大) is not a goal; 新增A 2个、B 10个 shares its verb
        cmp_word = m.group("cmp") or next((w for w in _COMPARATORS if w in lead + verb), "")
        comparator = _COMPARATORS.get(cmp_word, "=")
        previous = found[-1] if found else None
        if previous and re.fullmatch(r"\s*[和及、与]\s*", text[previous.end : m.start()]):
            indicator = previous.indicator  # 分别达到5000件和2000件: one indicator, two values
            clause_start = m.start()
        else:
            indicator = _indicator(lead, text, m.end())
        found.append(
            Target(
                clause_start,
                m.end(),
                text[clause_start : m.end()].strip(),
                indicator,
                float(m.group("value")),
                m.group("unit"),
                comparator,
            )
        )
    return found


def _indicator(lead: str, text: str, after: int) -> str:
    """What is counted: the words before the number, or — when those are only a verb (`累计培训200名以上
    知识产权专业管理人员`) — the noun phrase right after it."""
    indicator = re.sub(rf"(?:{_VERBS}|分别|约|力争|争取|\s)+$", "", lead).strip()
    indicator = re.sub(r"^(?:到|至|在|全市|全省)?\d{4}年(?:底|末)?", "", indicator).strip() or indicator
    if len(re.sub(rf"^(?:{_VERBS}|组织|累计|再|新)+", "", indicator)) < 2:
        tail = re.match(r"[^,;。:、\n(]{2,24}", text[after:])
        if tail:
            return tail.group(0).strip()
    return indicator
