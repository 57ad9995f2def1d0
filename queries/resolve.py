"""Query parameters resolved the way extraction resolves names: a parameter names an agency, a
document, a regulation, a region, a role or a date, as a person types it, and becomes the entity the
graph holds — or a clear error that says so.

- agency: canonical name, alias, short form with its region (甘肃省市场监管局 → 甘肃省市场监督管理局), Traditional;
- document: its number in any brackets (京政办发[2021]12号), words of its title, or its id;
- regulation: its title with or without 中华人民共和国 (专利法 ↔ 中华人民共和国专利法), never a longer title that
  contains it (关于修改〈中华人民共和国专利法〉的决定), its number, or its id;
- region: full or short name (江苏, 广西);
- role: lead / responsible / support, or the Chinese role words (牵头, 负责单位, 配合);
- date: 2014-1-1, 2014/1/1, 2014.1.1, 2014年1月1日, 20140101, 2014-01 or 2014 (the first or last day of the month
  or year, by the parameter's place in the period).
A name that fits several entities is an AmbiguousEntity with the candidates; one that fits none an
UnknownEntity. Both are ValueErrors whose message is the one line to show.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.agencies import AgencyRegistry, Context, alias_table, find_mentions
from core.numbers import find_doc_numbers
from core.regions import COUNTRY, gazetteer
from core.roles import BY_NAME, COLUMN_ROLES, DISPLAY, ROLE_OF_VERB, ROLES
from core.schemes import scheme
from core.text import normalize_title, title_key
from graph.store import GraphStore

if TYPE_CHECKING:
    from queries.library import NamedQuery

CANDIDATES = 10  # the most candidates an ambiguous name lists


class UnknownEntity(ValueError):
    """No entity of that kind has that name."""

    def __init__(self, kind: str, written: str, hint: str = "") -> None:
        super().__init__(f"no {kind} named {written!r}" + (f": {hint}" if hint else ""))
        self.kind = kind
        self.written = written


class AmbiguousEntity(ValueError):
    """Several entities fit the name: the candidates, (label, value to pass) each."""

    def __init__(self, kind: str, written: str, candidates: list[tuple[str, str]]) -> None:
        names = "; ".join(label for label, _ in candidates[:CANDIDATES])
        kinds = "agencies" if kind == "agency" else f"{kind}s"
        more = "+" if len(candidates) >= CANDIDATES else ""
        super().__init__(f"{written!r} names {len(candidates)}{more} {kinds}: {names} — give one of them")
        self.kind = kind
        self.written = written
        self.candidates = candidates


@dataclass
class Resolution:
    values: dict[str, Any]
    notes: list[str] = field(default_factory=list)  # `甘肃省市场监管局 → 甘肃省市场监督管理局`

    def note(self, written: str, resolved: str) -> None:
        if written != resolved:
            self.notes.append(f"{written} → {resolved}")


def resolve(query: NamedQuery, values: dict[str, Any], store: GraphStore) -> Resolution:
    """The query's typed parameters with every entity parameter resolved against the store."""
    coerced = query.coerce(values)
    resolution = Resolution(dict(coerced))
    for param in query.params:
        written = coerced.get(param.name)
        if written in (None, "") or param.kind in ("text", "int", "words"):
            continue
        resolver = _RESOLVERS[param.kind]
        resolution.values[param.name] = resolver(str(written), store, resolution, param.name)
    return resolution


# --- agencies ----------------------------------------------------------------------------------


def resolve_agency(written: str, store: GraphStore, resolution: Resolution, _: str = "") -> str:
    """The agency's canonical name (what the agency queries match on)."""
    return agency_row(written, store, resolution)["name"]


def agency_row(written: str, store: GraphStore, resolution: Resolution) -> dict[str, Any]:
    """The agency a name means: {id, name, tasks}."""
    rows = _rows(store, "resolve_agency", name=written)
    if not rows:
        canonical = _canonical_agency(written)
        if canonical and canonical != written:
            rows = _rows(store, "resolve_agency", name=canonical)
    if not rows:
        rows = _rows(store, "find_agencies", words=written)
        if len(rows) > 1:
            raise AmbiguousEntity("agency", written, [(f"{r['name']} ({_tasks(r['tasks'])})", r["name"]) for r in rows])
    if not rows:
        raise UnknownEntity("agency", written, "check the name, or search for it")
    resolution.note(written, rows[0]["name"])
    return rows[0]


def _tasks(count: int | None) -> str:
    return "1 task" if count == 1 else f"{count or 0} tasks"


def _canonical_agency(written: str) -> str | None:
    """The canonical name extraction gives the written form, read in the region it names."""
    found = gazetteer().longest_prefix_match(written)
    if found is None and written in alias_table().local:
        return None  # 知识产权局 alone: every region has one, so it names none of them
    context = Context(region=found[1] if found else COUNTRY)
    mentions = find_mentions(written, context, AgencyRegistry())
    whole = [m for m in mentions if m.end == len(written) and m.start == 0]
    return whole[0].agency.name if whole else None


# --- documents and regulations -------------------------------------------------------------------


def resolve_document(written: str, store: GraphStore, resolution: Resolution, _: str = "") -> str:
    if written.startswith("doc:"):
        return written
    numbers = find_doc_numbers(written)
    if numbers and len(numbers[0].value) >= len(written) - 2:
        rows = _rows(store, "resolve_document_number", number=numbers[0].value)
        if not rows:
            raise UnknownEntity("document", written, f"no document has the number {numbers[0].value}")
    else:
        rows = _rows(store, "resolve_document_title", key=title_key(written))
        rows = rows or _rows(store, "find_documents", words=normalize_title(written))
    if len(rows) > 1:
        raise AmbiguousEntity("document", written, [(r["label"], r["id"]) for r in rows])
    if not rows:
        raise UnknownEntity("document", written, "give its number or words of its title")
    resolution.note(written, rows[0]["label"])
    return rows[0]["id"]


def resolve_regulation(written: str, store: GraphStore, resolution: Resolution, _: str = "") -> str:
    if written.startswith("reg:"):
        return written
    numbers = find_doc_numbers(written)
    number = numbers[0].value if numbers else ""
    rows = _rows(store, "resolve_regulation", key=title_key(written), number=number)
    if not rows:
        rows = _rows(store, "find_regulations", words=normalize_title(written))
        if len(rows) > 1:
            raise AmbiguousEntity("regulation", written, [(r["title"], r["id"]) for r in rows])
    if not rows:
        raise UnknownEntity("regulation", written, "no cited or ingested text has that title or number")
    resolution.note(written, rows[0]["title"])
    return rows[0]["id"]


# --- regions, roles, dates, any entity -----------------------------------------------------------


def resolve_region(written: str, store: GraphStore, resolution: Resolution, _: str = "") -> str:
    by_id = COUNTRY if written == COUNTRY.id else gazetteer().by_id.get(written)
    region = by_id or gazetteer().resolve(written) or gazetteer().resolve(written.rstrip("的"))
    if region is None or not _rows(store, "resolve_region", id=region.id):
        raise UnknownEntity("region", written, "no document covers or names it")
    resolution.note(written, region.name)
    return region.id


def resolve_role(written: str, _store: GraphStore, resolution: Resolution, _: str = "") -> str:
    words = {**{r.name: r.name for r in ROLES}, **ROLE_OF_VERB, **COLUMN_ROLES}
    words.update({display: name for name, display in DISPLAY.items()})
    role = words.get(written.strip().lower()) or words.get(written.strip())
    if role is None:
        choices = ", ".join(f"{r.name} ({'/'.join(r.verbs)})" for r in ROLES)
        raise UnknownEntity("role", written, f"a role is one of {choices}")
    if written.strip().lower() != role:
        resolution.note(written, f"{role} ({BY_NAME[role].verbs[0]})")
    return role


_DATE = re.compile(
    r"^\s*(?P<y>(?:19|20)\d{2})\s*(?:[-/.年]\s*(?P<m>\d{1,2})\s*(?:[-/.月]\s*(?P<d>\d{1,2})\s*日?)?月?)?\s*$"
)
_COMPACT_DATE = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)?\s*$")


def resolve_date(written: str, _store: GraphStore, resolution: Resolution, name: str = "") -> str:
    match = _DATE.match(written) or _COMPACT_DATE.match(written)
    if not match:
        raise UnknownEntity("date", written, "write it as 2014-01-01, 2014年1月1日, 2014-01 or 2014")
    year, month, day = int(match["y"]), match["m"], match["d"]
    at_end = name in {"end", "until", "to"}
    month_no = int(month) if month else (12 if at_end else 1)
    if not 1 <= month_no <= 12:
        raise UnknownEntity("date", written, "the month must be 1 to 12")
    last = calendar.monthrange(year, month_no)[1]
    day_no = int(day) if day else (last if at_end else 1)
    if not 1 <= day_no <= last:
        raise UnknownEntity("date", written, f"that month has {last} days")
    iso = f"{year:04d}-{month_no:02d}-{day_no:02d}"
    resolution.note(written, iso)
    return iso


def entity_id(kind: str, written: str, store: GraphStore, resolution: Resolution | None = None) -> str:
    """The id of the agency, region, regulation or document a name means."""
    resolution = resolution or Resolution({})
    if kind == "agency":
        return str(agency_row(written, store, resolution)["id"])
    return str(_RESOLVERS[kind](written, store, resolution, ""))


def resolve_entity(written: str, store: GraphStore, resolution: Resolution, name: str = "") -> str:
    """Any entity: an agency, a region, a regulation or a document, tried in that order."""
    for kind in ("agency", "region", "regulation", "document"):
        try:
            return entity_id(kind, written, store, resolution)
        except UnknownEntity:
            continue
    raise UnknownEntity("agency, region, regulation or document", written)


def resolve_scope(written: str, store: GraphStore, resolution: Resolution, name: str = "") -> str:
    """A document, or a region (all its documents)."""
    try:
        return resolve_document(written, store, resolution, name)
    except UnknownEntity:
        pass
    try:
        return resolve_region(written, store, resolution, name)
    except UnknownEntity:
        raise UnknownEntity("document or region", written) from None


def resolve_tool(written: str, _store: GraphStore, resolution: Resolution, _: str = "") -> str:
    """A policy-tool code or type of the tool scheme, by its code or its label (人才培养, 供给型)."""
    tools = scheme("tool")
    wanted = written.strip()
    for code in tools.codes:
        if wanted in (code.code, code.label) or wanted in code.label.split("/"):
            resolution.note(written, code.code)
            return code.code
    groups = {c.group for c in tools.codes}
    if wanted in groups:
        return wanted
    labels = {label: code for code, label in tools.group_labels}
    if wanted in labels:
        resolution.note(written, labels[wanted])
        return labels[wanted]
    choices = ", ".join(f"{c.code} ({c.label})" for c in tools.codes)
    raise UnknownEntity("tool", written, f"a tool is one of {', '.join(sorted(groups))} or {choices}")


_RESOLVERS = {
    "agency": resolve_agency,
    "document": resolve_document,
    "regulation": resolve_regulation,
    "region": resolve_region,
    "role": resolve_role,
    "date": resolve_date,
    "entity": resolve_entity,
    "scope": resolve_scope,
    "tool": resolve_tool,
}
KINDS = frozenset({*_RESOLVERS, "text", "int", "words"})


def _rows(store: GraphStore, query_name: str, **params: Any) -> list[dict[str, Any]]:
    from queries.library import app

    query = app(query_name)
    return store.read(query.cypher, {**query.coerce(params)})
