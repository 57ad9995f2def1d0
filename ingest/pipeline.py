"""The spaCy pipeline: a blank Chinese pipeline (one token per character, so every offset aligns)
with the project's extraction steps registered as components.

Each component reads the normalised analysis text (`doc._.text`: spaCy's `Doc.text` rebuilds the
string from its tokens on every access, one per character here) and what the steps before it found,
and stores what it finds in its own `Doc._` extension (`doc._.outline`, `doc._.citations`, …), the
way spaCy components carry their results. A step that fails leaves its extensions empty (with a
note) instead of failing the document.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from core.agencies import (
    AgencyRegistry,
    Context,
    Mention,
    find_internal_departments,
    find_mentions,
    local_kind,
    unknown_agency,
)
from core.records import RegionRecord
from core.regions import COUNTRY, find_region_mentions, gazetteer
from core.roles import FIRST_LEADS_RULE
from core.schema import LEVEL_OF_REGION
from core.text import title_key
from ingest.citations import find_citations
from ingest.furniture import PortalFields, blank, chrome_spans, read_portal_fields
from ingest.metadata import Metadata, heading_titles, read_law_metadata, read_metadata
from ingest.outline import parse_outline, table_columns
from ingest.read import ReadWarning
from ingest.roles import (
    find_assignments,
    find_bracketed_owners,
    find_cell_assignments,
    find_field_assignments,
)
from ingest.targets import find_targets
from ingest.timeframes import find_deadlines

# Each component and the extensions it sets, with what a failed step leaves for the steps after it:
# nothing found, never a guess (a factory, so that no two documents share a list).
COMPONENTS: dict[str, dict[str, Any]] = {
    "page_furniture": {"portal": PortalFields},
    "policy_outline": {"outline": list, "table_columns": lambda: None},
    "policy_metadata": {"meta": Metadata, "context": Context, "registry": AgencyRegistry, "issuers": list},
    "agency_matcher": {"mentions": list},
    "citation_matcher": {"citations": list},
    "deadline_matcher": {"deadlines": list},
    "target_matcher": {"targets": list},
    "role_assigner": {"assignments": list},
    "executor_matcher": {"executors": list},
    "region_matcher": {"region_mentions": list},
}
for _extension in ("text", "law", *(name for found in COMPONENTS.values() for name in found)):
    if not Doc.has_extension(_extension):
        Doc.set_extension(_extension, default=None)


def empty_results(component: str) -> dict[str, Any]:
    """The extension values of a step that found nothing."""
    return {name: make() for name, make in COMPONENTS[component].items()}


def _body(doc: Doc) -> tuple[int, int]:
    """Where the plan's body is: from the first outline item to the end of the last."""
    items = doc._.outline or []
    return (items[0].start, items[-1].end) if items else (0, 0)


@Language.component("page_furniture")
def page_furniture(doc: Doc) -> Doc:
    """A web page's metadata block read (then blanked) and its chrome blanked, offsets kept."""
    if doc._.law:
        doc._.portal = PortalFields()
        return doc
    portal = read_portal_fields(doc._.text)
    doc._.portal = portal
    doc._.text = blank(doc._.text, portal.spans + chrome_spans(doc._.text))
    return doc


@Language.component("policy_outline")
def policy_outline(doc: Doc) -> Doc:
    # laws and regulations are citation targets: their articles are not plan measures
    doc._.outline = [] if doc._.law else parse_outline(doc._.text)
    header = table_columns(doc._.text)
    doc._.table_columns = header[0] if header else None
    return doc


@Language.component("policy_metadata")
def policy_metadata(doc: Doc) -> Doc:
    text = doc._.text
    meta = read_law_metadata(text) if doc._.law else read_metadata(text, _body(doc)[0], doc._.portal)
    context = Context(region=meta.region or COUNTRY, issuer=None, issuer_kind=None, year=meta.year)
    issuers = [(written, _canonical_issuer(written, context)) for written in meta.issuers]
    if not issuers and meta.issuer_hint:
        issuers = _hinted_issuers(meta.issuer_hint, context)
        meta.issuers = [written for written, _ in issuers]
        meta.issuer_text = "、".join(canonical for _, canonical in issuers) or None
    if issuers:
        context.issuer = issuers[0][1]
        context.issuer_kind = local_kind(context.issuer)
    doc._.issuers = issuers
    doc._.meta = meta
    doc._.context = context
    doc._.registry = AgencyRegistry()
    return doc


def _canonical_issuer(written: str, context: Context) -> str:
    """A signer's canonical name: its own name may be an alias (国家知识产权局办公室) or a body the table lacks."""
    mentions = find_mentions(written, context, AgencyRegistry())
    whole = [m for m in mentions if m.start == 0 and m.end == len(written)]
    return whole[0].agency.name if whole else written


_BETWEEN_ISSUERS = re.compile(r"^[\s、,和及与]*$")


def _hinted_issuers(hint: str, context: Context) -> list[tuple[str, str]]:
    """The bodies a title or a notice names before anything else (`辽宁省人民政府 国家知识产权局…`,
    `X联合A、B…`), in order: the first named leads a joint document."""
    registry = AgencyRegistry()
    found: list[tuple[str, str]] = []
    pos = 0
    mentions = [m for m in find_mentions(hint, context, registry) if not m.agency.generic]
    for piece in re.finditer(r"[^\s、,]+", hint):
        inside = [m for m in mentions if piece.start() <= m.start and m.end <= piece.end()]
        if not _BETWEEN_ISSUERS.match(hint[pos : piece.start()]):
            break
        if inside and inside[0].start == piece.start():
            last = piece.start()
            for mention in inside:
                if not _BETWEEN_ISSUERS.match(hint[last : mention.start]):
                    break
                found.append((hint[mention.start : mention.end], mention.agency.name))
                last = mention.end
            if last != piece.end():
                break  # the bodies end inside the piece (国家知识产权局2013年工作要点)
        else:
            body = unknown_agency(piece.group(0), context, registry)
            if body is None:
                break
            found.append((piece.group(0), body.name))
        pos = piece.end()
    return found


@Language.component("agency_matcher")
def agency_matcher(doc: Doc) -> Doc:
    text = doc._.text
    mentions = find_mentions(text, doc._.context, doc._.registry)
    mentions += find_internal_departments(text, 0, len(text), doc._.context, doc._.registry)
    mentions.sort(key=lambda m: m.start)
    doc._.mentions = mentions
    meta = doc._.meta
    if meta.region is None and _names_central_bodies_only(mentions):
        meta.region, meta.level = COUNTRY, LEVEL_OF_REGION[COUNTRY.level]  # a plan that assigns work to ministries
    return doc


def _names_central_bodies_only(mentions: list[Mention]) -> bool:
    national = {m.agency.id for m in mentions if m.agency.level == "national" and not m.agency.generic}
    local = {m.agency.id for m in mentions if m.agency.level not in (None, "national") and not m.agency.generic}
    return len(national) >= 2 and not local


@Language.component("citation_matcher")
def citation_matcher(doc: Doc) -> Doc:
    meta = doc._.meta
    # its titles, and any plan heading standing on a line of its own (the plan its notice prints)
    own_titles = {title_key(t) for t in [meta.title or "", *meta.alt_titles, *heading_titles(doc._.text)] if t}
    own_numbers = {meta.doc_number} if meta.doc_number else set()
    doc._.citations = find_citations(doc._.text, own_titles, own_numbers)
    return doc


@Language.component("deadline_matcher")
def deadline_matcher(doc: Doc) -> Doc:
    body_start = _body(doc)[0]
    doc._.deadlines = [d for d in find_deadlines(doc._.text, doc._.meta.year) if d.start >= body_start]
    return doc


@Language.component("target_matcher")
def target_matcher(doc: Doc) -> Doc:
    body_start = _body(doc)[0] if doc._.outline else len(doc._.text)
    doc._.targets = [t for t in find_targets(doc._.text) if t.start >= body_start]
    return doc


# a row's cells are its lines, or tab-separated parts of a line (`1.任务<TAB>目标<TAB>市知识产权局`)
_CELL = re.compile(r"[^\n\t]+?(?=\t| {3,}|\n|$)")


@Language.component("role_assigner")
def role_assigner(doc: Doc) -> Doc:
    items = doc._.outline or []
    doc._.assignments = []
    if not items:
        return doc
    text = doc._.text
    first_leads = bool(FIRST_LEADS_RULE.search(text))
    found = (doc._.mentions, doc._.context, doc._.registry)
    start, end = _body(doc)
    assignments = find_assignments(text, start, end, *found, first_leads)
    assignments += find_field_assignments(text, start, end, *found, first_leads)
    assignments += find_bracketed_owners(text, start, end, *found, first_leads)
    if doc._.table_columns:
        # the first cell of a row holds the task itself; the others may be department cells
        rows = [
            [(m.start(), m.end()) for m in _CELL.finditer(text, item.text_start, item.end) if m.group().strip()][1:]
            for item in items
        ]
        assignments += find_cell_assignments(text, rows, doc._.table_columns, *found, first_leads)
    doc._.assignments = assignments
    return doc


_EXECUTORS = re.compile(
    r"由(?P<a>[^。;,:由]{2,80}?)执行"
    r"|(?:(?:试点)?(?:省份|地区|城市|县区|区县)|适用范围|实施范围|推广范围|试点范围|实施地区):"
    r"(?P<b>[^。;:)]{2,40}?)(?:必做|选做|\)|。|,|;|$)"
)
_SUPPORTS = re.compile(r"(?:支持|鼓励|推动|引导|指导|推进)")
_LIST_SEPARATOR = re.compile(r"[、和及与]")
_SOME_PLACES = re.compile(r"等[^。,;、]{0,6}?(?:市|县|地市|城市|县\(市、区\)|地)")
# An area named after its region (浙江自贸试验区, 前海片区): the region carries out the measure.
_AREA = re.compile(r"(?:自由贸易试验区|自贸试验区|自贸区|片区|试验区|示范区|综合试验区)$")


@Language.component("executor_matcher")
def executor_matcher(doc: Doc) -> Doc:
    """Regions named as the executors of a measure (由江西、河南……执行; 省份:广东、陕西必做)."""
    found = []
    region = doc._.meta.region
    province = gazetteer().province_of(region.id) if region else None
    within = province.id if province else None
    for match in _EXECUTORS.finditer(doc._.text):
        group = next(g for g in "abc" if match.group(g))
        names = [n for n in re.split(r"、|和|及|与", match.group(group)) if n]
        offset = match.start(group)
        regions = []
        for name in names:
            region = gazetteer().resolve(_AREA.sub("", name.strip()), within)
            if region is None:
                regions = []
                break  # 由承担项目的基地省市执行 names no region: not an executor list
            regions.append((offset, region))
            offset += len(name) + 1
        found.extend((match.start(), match.end(), pos, region) for pos, region in regions)
    for start, end, regions in supported_places(doc._.text, within):
        found.extend(
            (start, end, pos, region) for pos, region in regions if region.id != getattr(doc._.meta.region, "id", None)
        )
    doc._.executors = found
    return doc


def supported_places(text: str, within: str | None) -> list[tuple[int, int, list[tuple[int, RegionRecord]]]]:
    """Places a plan names to carry a measure out: 支持济南、青岛等市…, 鼓励淄博市…. A short name
    (济南) counts only for a city of the document's province, and alone only before 等市: 支持济南基地
    names a base, not an executor."""
    found = []
    for verb in _SUPPORTS.finditer(text):
        pos, regions, all_full = verb.end(), [], True
        while True:
            read = _place_at(text, pos, within)
            if read is None:
                break
            size, region, full = read
            regions.append((pos, region))
            all_full = all_full and full
            pos += size
            if not _LIST_SEPARATOR.match(text, pos):
                break
            pos += 1
        if not regions:
            continue
        some = _SOME_PLACES.match(text, pos)
        if some:
            found.append((verb.start(), some.end(), regions))
        elif (all_full or len(regions) >= 2) and not _LIST_SEPARATOR.match(text, pos - 1):
            found.append((verb.start(), pos, regions))  # 支持济南市瞄准…, 支持淄博、泰安…在济设立
    return found


def _place_at(text: str, pos: int, within: str | None) -> tuple[int, RegionRecord, bool] | None:
    """The region named at `pos`: (length, region, written in full)."""
    gaz = gazetteer()
    for size in range(min(12, len(text) - pos), 1, -1):
        name = text[pos : pos + size]
        region = gaz.resolve(name, within, short_ok=False)
        if region is not None and region.id != COUNTRY.id:
            return size, region, True
        region = gaz.resolve(name, within) if within else None
        if region is not None and region.level == "city" and region.parent_id == within:
            return size, region, False
    return None


@Language.component("region_matcher")
def region_matcher(doc: Doc) -> Doc:
    """Every region the text names by its full name (a shared name read inside the document's province)."""
    region = doc._.meta.region
    province = gazetteer().province_of(region.id) if region else None
    doc._.region_mentions = find_region_mentions(doc._.text, province.id if province else None)
    return doc


def analyse(text: str, law: bool = False) -> Doc:
    """Run the pipeline on the normalised text; `law` marks a law or regulation (no plan outline)."""
    nlp = build_nlp()
    # one token per character, whitespace included: what the char segmenter makes, without its Python loop
    doc = Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))
    doc._.text = text
    doc._.law = law
    for name, component in nlp.pipeline:
        try:
            doc = component(doc)
        except Exception as error:
            for extension, value in empty_results(name).items():
                doc._.set(extension, value)
            warnings.warn(
                ReadWarning(f"{name} failed ({type(error).__name__}: {str(error)[:80]}): that part was left out"),
                stacklevel=2,
            )
    return doc


@lru_cache(maxsize=1)
def build_nlp() -> Language:
    nlp = spacy.blank("zh")  # default segmenter "char": one token per character
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
