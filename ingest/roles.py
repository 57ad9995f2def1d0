"""Role clauses: which agencies lead (牵头), are responsible for (负责) or support (配合/协助) a measure.

A clause is the run of agency names right before a role verb, back to the previous clause
boundary: `省局负责,地方局配合`, `(省市场监管局、省发展改革委负责)`, `省局及辖区内各县(市、区)知识产权局负责`.
Names the alias table does not know are kept when they look like bodies (end in 局/厅/中心/基地…).
A document-wide rule (`由多个部门负责的，列第一位的部门为牵头部门，其他为配合部门`) turns a multi-agency
负责 clause into one lead and supporters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.agencies import GENERIC_NAME, ORG_SUFFIX, AgencyRegistry, Context, Mention, unknown_agency
from core.records import AgencyRecord
from core.roles import COLUMN_ROLES, FIELD_ROLES, ROLE_OF_VERB, ROLE_VERB

# Words between the names and the verb that do not change who does the work.
_FILLER = re.compile(r"(?:按照?职责分工|按职能分工|根据职责|各自|分别|共同|具体|密切|积极|主动|认真|等|)+$")
_SPLIT = re.compile(r"、|,|和|及|与|以及")
_BOUNDARY = set("。;!?\n:")


@dataclass(frozen=True)
class Assignment:
    agency: AgencyRecord
    role: str
    start: int  # the clause's first character
    end: int  # after the role verb


def _clause_start(text: str, lower: int, verb_start: int) -> int:
    """Back from the verb to the clause's first character: a sentence boundary, an opening bracket
    that is not part of a name (`(市、区)知识产权局` is), or a comma before text with no agency."""
    pos = verb_start
    depth = 0
    while pos > lower:
        ch = text[pos - 1]
        if ch in _BOUNDARY:
            break
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                break
            depth -= 1
        elif ch == "由" and depth == 0:
            break
        pos -= 1
    return pos


def find_assignments(
    text: str,
    start: int,
    end: int,
    mentions: list[Mention],
    context: Context,
    registry: AgencyRegistry,
    first_leads: bool,
) -> list[Assignment]:
    """Role assignments in text[start:end], using the agency mentions found in the document."""
    found: list[Assignment] = []
    previous_verb_end = start
    for verb in ROLE_VERB.finditer(text, start, end):
        # a clause never reaches back past the previous role verb: `省局负责,地方局配合`
        clause_from = _clause_start(text, previous_verb_end, verb.start())
        previous_verb_end = verb.end()
        body = _FILLER.sub("", text[clause_from : verb.start()])
        inside = [m for m in mentions if clause_from <= m.start and m.end <= clause_from + len(body)]
        agencies = _agencies_before_verb(body, clause_from, inside, context, registry)[0] if body.strip() else []
        if not agencies:
            # `各地要按照要求,积极配合…`: the subject opens the sentence, before a comma and 要/应
            subject = _subject_of_sentence(text, clause_from, verb.start(), mentions)
            agencies = [subject] if subject else []
        found += _assign(agencies, ROLE_OF_VERB[verb.group("verb")], first_leads, clause_from, verb.end())
    return found


def _assign(agencies: list[AgencyRecord], role: str, first_leads: bool, start: int, end: int) -> list[Assignment]:
    """One assignment per body; under the document's first-listed-leads rule a list of several bodies
    that are together responsible becomes one lead and supporters."""
    unique = list({a.id: a for a in agencies}.values())
    out: list[Assignment] = []
    for index, agency in enumerate(unique):
        agency_role = role
        if first_leads and role == "responsible" and len(unique) > 1:
            agency_role = "lead" if index == 0 else "support"
        out.append(Assignment(agency, agency_role, start, end))
    return out


_MODAL = re.compile(r"(?:要|应当|应|须|需|必须)")


def _subject_of_sentence(text: str, clause_from: int, verb_start: int, mentions: list[Mention]) -> AgencyRecord | None:
    """The body that opens the clause, when a modal verb follows it and only filler stands between the
    last comma and the role verb (`各地要按照要求,积极配合`)."""
    comma = text.rfind(",", clause_from, verb_start)
    if comma == -1 or _FILLER.sub("", text[comma + 1 : verb_start]).strip():
        return None
    opening = next((m for m in mentions if m.start >= clause_from), None)
    if opening is None or text[clause_from : opening.start].strip() or opening.end > comma:
        return None
    return opening.agency if _MODAL.match(text, opening.end) else None


_LEADING_BRACKET = re.compile(r"^\([^()]{1,12}\)")
_LEADING_DENG = re.compile(r"^\s*等(?:部门|单位|机构)?")


def _agencies_before_verb(
    body: str, offset: int, mentions: list[Mention], context: Context, registry: AgencyRegistry
) -> tuple[list[AgencyRecord], bool]:
    """The run of bodies that ends right before the verb, read backwards piece by piece; it stops at
    the first piece that is not a body (`…提高效益省市场监管局、省教育厅负责` keeps the two bodies).
    The flag says whether the whole text was bodies (a department cell, a 责任单位 field)."""
    taken: list[AgencyRecord] = []
    complete = True
    for piece_text, piece_start, piece_mentions in reversed(_pieces(body, offset, mentions)):
        if piece_mentions:
            last = piece_mentions[-1]
            tail = _LEADING_BRACKET.sub("", piece_text[last.end - piece_start :])
            tail = _LEADING_DENG.sub("", tail)  # 省科技厅等部门配合
            if tail.strip():
                record = _named_body(piece_text, context, registry)
                if record is not None:
                    taken.append(record)  # 省知识产权研究与服务中心(…): a longer name around a mention
                complete = record is not None and piece_start == offset
                break
            lead_words = piece_text[: piece_mentions[0].start - piece_start].strip()
            if 2 < len(lead_words) <= 6 and "的" not in lead_words and len(piece_mentions) == 1:
                record = _named_body(piece_text, context, registry)  # 联席会议各成员单位: one longer name
                if record is not None:
                    taken.append(record)
                    continue
            taken.extend(reversed([m.agency for m in piece_mentions]))
            if len(lead_words) > 2:
                complete = False
                break  # words before the first body: the run of bodies starts here
            complete = complete and not lead_words
            continue
        record = _named_body(piece_text, context, registry)
        if record is None:
            complete = False
            break
        taken.append(record)
    return list(reversed(taken)), complete and bool(taken)


# Field labels that name no role but end a field's list (`牵头单位:A;完成时限:…`).
_OTHER_FIELDS = ("完成时限", "完成时间")
# Longer labels first: 牵头单位 before the bare 牵头 of `(牵头:X;参与:Y)`.
_FIELD_NAMES = "|".join(sorted([*FIELD_ROLES, *_OTHER_FIELDS], key=len, reverse=True))
# A field's value runs to the end of the sentence or to the next field (`牵头单位:A,责任单位:B、C`).
FIELD = re.compile(
    rf"(?P<field>{_FIELD_NAMES})(?:\([^)]{{0,6}}\))?:"
    rf"(?P<list>(?:(?!(?:{_FIELD_NAMES})(?:\([^)]{{0,6}}\))?:)[^。;\n]){{1,80}})"
)


def find_field_assignments(
    text: str,
    start: int,
    end: int,
    mentions: list[Mention],
    context: Context,
    registry: AgencyRegistry,
    first_leads: bool = False,
) -> list[Assignment]:
    """`执行单位:各省(区、市)。`, `(责任单位:省知识产权局、省发展改革委)`, `(牵头单位:市市场监管局;配合单位:…)` —
    fields naming who carries the measure; bodies in them get the field's role (responsible unless the
    field says 牵头/配合). Regions in them are executors (see executor_matcher)."""
    found: list[Assignment] = []
    fields = list(FIELD.finditer(text, start, end))
    for match in fields:
        value = match.group("list")
        if "由" in value or "执行" in value or match.group("field").startswith("完成"):
            continue  # 由…执行 lists regions: the executor matcher reads them
        role = FIELD_ROLES.get(match.group("field"), "responsible")
        # beside an explicit 牵头单位 field, the 责任单位 are responsible as written, not led by the first
        led = any(FIELD_ROLES.get(f.group("field")) == "lead" and abs(f.start() - match.start()) < 120 for f in fields)
        lo = match.start("list")
        value = value.rstrip(" ,")
        if value.endswith(")") and value.count(")") > value.count("("):
            value = value[:-1]  # the bracket that closes a parenthetical field
        inside = [m for m in mentions if lo <= m.start and m.end <= lo + len(value)]
        agencies, _ = _agencies_before_verb(value, lo, inside, context, registry)
        found += _assign(agencies, role, first_leads and not led, match.start(), match.end())
    return found


# A parenthesis closing a line that lists only bodies: `…开展区域帮扶。(保护协调司)`, `(市知识产权局、市科技局)`.
_OWNERS_IN_BRACKETS = re.compile(r"\((?P<list>[^()\n:]{2,120})\)[。;]?[ \t]*(?=\n|$)")


def find_bracketed_owners(
    text: str,
    start: int,
    end: int,
    mentions: list[Mention],
    context: Context,
    registry: AgencyRegistry,
    first_leads: bool = False,
) -> list[Assignment]:
    """A line that ends with a parenthesis naming only bodies gives them the measure: they are
    responsible (or lead and support under the document's first-listed-leads rule)."""
    found: list[Assignment] = []
    for match in _OWNERS_IN_BRACKETS.finditer(text, start, end):
        value = match.group("list")
        if ROLE_VERB.search(value) or ORG_SUFFIX.search(text[max(start, match.start() - 12) : match.start()]):
            continue  # (省局负责): a role clause; 县科技局(县知识产权局): the other name of the body before it
        lo = match.start("list")
        inside = [m for m in mentions if lo <= m.start and m.end <= lo + len(value)]
        agencies, complete = _agencies_before_verb(value, lo, inside, context, registry)
        if complete and inside:
            found += _assign(agencies, "responsible", first_leads, match.start(), match.end())
    return found


def find_cell_assignments(
    text: str,
    rows: list[list[tuple[int, int]]],
    columns: list[str],
    mentions: list[Mention],
    context: Context,
    registry: AgencyRegistry,
    first_leads: bool,
) -> list[Assignment]:
    """Department cells of a flattened task table: in each row, the lines made only of bodies (no role
    verb) are its department cells, taken in the order of the header's department columns
    (`牵头单位 / 配合单位` → lead, support; a lone `责任单位` → responsible, or lead and supporters under
    the document's first-listed-leads rule)."""
    roles = [COLUMN_ROLES[c] for c in columns if c in COLUMN_ROLES] or ["responsible"]
    found: list[Assignment] = []
    for lines in rows:
        cell = 0
        for lo, hi in lines:
            value = text[lo:hi].strip()
            if not value or ROLE_VERB.search(value) or len(value) > 120 or value in COLUMN_ROLES:
                continue
            offset = lo + (len(text[lo:hi]) - len(text[lo:hi].lstrip()))
            inside = [m for m in mentions if offset <= m.start and m.end <= offset + len(value)]
            agencies, complete = _agencies_before_verb(value, offset, inside, context, registry)
            if complete:
                role = roles[min(cell, len(roles) - 1)]
                found += _assign(agencies, role, first_leads and len(roles) == 1, offset, offset + len(value))
                cell += 1
    return found


def _named_body(name: str, context: Context, registry: AgencyRegistry) -> AgencyRecord | None:
    """A body the alias table does not know. A bare 领导小组(办公室) is the leading group the document
    named in full before (`市创建…工作领导小组` … `领导小组办公室负责…`)."""
    stripped = name.strip(" ,、")
    if stripped.startswith("领导小组"):
        groups = [a.name for a in registry.by_id.values() if a.name.endswith("领导小组")]
        if groups:
            stripped = groups[-1] + stripped[len("领导小组") :]
    return unknown_agency(stripped, context, registry)


def _pieces(body: str, offset: int, mentions: list[Mention]) -> list[tuple[str, int, list[Mention]]]:
    """Split the clause at separators that are outside agency mentions and outside brackets."""
    pieces: list[tuple[str, int, list[Mention]]] = []
    cursor = 0
    depth = 0
    i = 0
    covered = {p for m in mentions for p in range(m.start - offset, m.end - offset)}
    while i < len(body):
        ch = body[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        sep = _SPLIT.match(body, i)
        if sep and sep.group(0) not in "、," and not _ends_with_body(body[cursor:i], i + offset, mentions):
            sep = None  # 省工业和信息化委: 和 inside a name, not between two bodies
        if sep and depth == 0 and i not in covered:
            pieces.append(_piece(body, cursor, i, offset, mentions))
            cursor = i = sep.end()
            continue
        i += 1
    pieces.append(_piece(body, cursor, len(body), offset, mentions))
    return [p for p in pieces if p[0].strip()]


def _ends_with_body(text: str, end: int, mentions: list[Mention]) -> bool:
    return any(m.end == end for m in mentions) or bool(ORG_SUFFIX.search(text.strip()))


def _piece(body: str, a: int, b: int, offset: int, mentions: list[Mention]) -> tuple[str, int, list[Mention]]:
    alias = re.search(r"\([^()]{2,14}\)\s*$", body[a:b])
    in_name = alias and any(m.start <= a + offset + alias.start() < m.end for m in mentions)
    if alias and alias.start() > 0 and not in_name and not GENERIC_NAME.fullmatch(body[a:b].strip()):
        b = a + alias.start()  # 省新闻出版广电局(省版权局): the bracket holds the body's other name
    inside = [m for m in mentions if a + offset <= m.start and m.end <= b + offset]
    text = body[a:b]
    if inside:
        # text around the mentions must be empty or filler, else the piece is a longer name
        rest = text
        for m in sorted(inside, key=lambda m: m.start, reverse=True):
            rest = rest[: m.start - offset - a] + rest[m.end - offset - a :]
        if rest.strip(" 等") and len(inside) == 1 and inside[0].start - offset == a:
            return text, a + offset, []  # 省知识产权研究与服务中心(…) — a longer body's name
    return text, a + offset, inside
