"""The spaCy pipeline: a blank Chinese pipeline (character segmenter, so every offset aligns) with the
project's extraction steps registered as components.

Each component reads the normalised analysis text (`text_of(doc)`: spaCy's `Doc.text` rebuilds the
string from its tokens on every access, one per character here) and the document context in
`doc.user_data`, and writes spans (`doc.spans[...]`) or plain values back to `doc.user_data`.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.agencies import AgencyRegistry, Context, find_internal_departments, find_mentions, local_kind
from ingest.citations import find_citations, title_key
from ingest.metadata import Metadata, read_law_metadata, read_metadata
from ingest.outline import parse_outline, table_columns
from ingest.read import ReadWarning
from ingest.regions import COUNTRY, gazetteer
from ingest.roles import FIRST_LEADS_RULE, find_assignments, find_cell_assignments, find_field_assignments
from ingest.targets import find_targets
from ingest.timeframes import find_deadlines

COMPONENTS = (
    "policy_outline",
    "policy_metadata",
    "agency_matcher",
    "citation_matcher",
    "deadline_matcher",
    "target_matcher",
    "role_assigner",
    "executor_matcher",
)


def text_of(doc: Doc) -> str:
    return doc.user_data.get("text") or doc.text


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    # One token per character (see `analyse`): character offsets are token indices.
    return Span(doc, start, end, label=label) if 0 <= start < end <= len(doc) else None


@Language.component("policy_outline")
def policy_outline(doc: Doc) -> Doc:
    # laws and regulations are citation targets: their articles are not plan measures
    items = [] if doc.user_data.get("law") else parse_outline(text_of(doc))
    doc.user_data["outline"] = items
    header = table_columns(text_of(doc))
    doc.user_data["table_columns"] = header[0] if header else None
    doc.spans["measures"] = [s for i in items if (s := _span(doc, i.start, i.end, i.path)) is not None]
    return doc


@Language.component("policy_metadata")
def policy_metadata(doc: Doc) -> Doc:
    items = doc.user_data.get("outline", [])
    body_start = items[0].start if items else 0
    meta = read_law_metadata(text_of(doc)) if doc.user_data.get("law") else read_metadata(text_of(doc), body_start)
    context = Context(region=meta.region or COUNTRY, issuer=None, issuer_kind=None)
    issuers: list[tuple[str, str]] = []  # (as written, canonical)
    for written in meta.issuers:
        # the issuer's own name may be an alias (国家知识产权局办公室) or a body the table lacks
        mentions = find_mentions(written, context, AgencyRegistry())
        whole = [m for m in mentions if m.start == 0 and m.end == len(written)]
        issuers.append((written, whole[0].agency.name if whole else written))
    if issuers:
        context.issuer = issuers[0][1]
        context.issuer_kind = local_kind(context.issuer)
    registry = AgencyRegistry()
    doc.user_data["issuers"] = issuers
    doc.user_data["meta"] = meta
    doc.user_data["context"] = context
    doc.user_data["registry"] = registry
    return doc


@Language.component("agency_matcher")
def agency_matcher(doc: Doc) -> Doc:
    context: Context = doc.user_data["context"]
    registry: AgencyRegistry = doc.user_data["registry"]
    mentions = find_mentions(text_of(doc), context, registry)
    mentions += find_internal_departments(text_of(doc), 0, len(text_of(doc)), context, registry)
    mentions.sort(key=lambda m: m.start)
    doc.user_data["mentions"] = mentions
    doc.spans["agencies"] = [s for m in mentions if (s := _span(doc, m.start, m.end, m.agency.id)) is not None]
    return doc


@Language.component("citation_matcher")
def citation_matcher(doc: Doc) -> Doc:
    meta = doc.user_data["meta"]
    own_titles = {title_key(t) for t in [meta.title or "", *meta.alt_titles] if t}
    own_numbers = {meta.doc_number} if meta.doc_number else set()
    citations = find_citations(text_of(doc), own_titles, own_numbers)
    doc.user_data["citations"] = citations
    doc.spans["citations"] = [
        s for c in citations if (s := _span(doc, c.start, c.end, c.title or c.doc_number or "")) is not None
    ]
    return doc


@Language.component("deadline_matcher")
def deadline_matcher(doc: Doc) -> Doc:
    meta = doc.user_data["meta"]
    items = doc.user_data.get("outline", [])
    body_start = items[0].start if items else 0
    deadlines = [d for d in find_deadlines(text_of(doc), meta.year) if d.start >= body_start]
    doc.user_data["deadlines"] = deadlines
    doc.spans["deadlines"] = [s for d in deadlines if (s := _span(doc, d.start, d.end, d.interval)) is not None]
    return doc


@Language.component("target_matcher")
def target_matcher(doc: Doc) -> Doc:
    items = doc.user_data.get("outline", [])
    body_start = items[0].start if items else len(text_of(doc))
    targets = [t for t in find_targets(text_of(doc)) if t.start >= body_start]
    doc.user_data["targets"] = targets
    doc.spans["targets"] = [s for t in targets if (s := _span(doc, t.start, t.end, t.indicator)) is not None]
    return doc


@Language.component("role_assigner")
def role_assigner(doc: Doc) -> Doc:
    items = doc.user_data.get("outline", [])
    assignments = []
    if items:
        text = text_of(doc)
        first_leads = bool(FIRST_LEADS_RULE.search(text))
        found = (doc.user_data["mentions"], doc.user_data["context"], doc.user_data["registry"])
        start, end = items[0].start, items[-1].end
        assignments = find_assignments(text, start, end, *found, first_leads)
        assignments += find_field_assignments(text, start, end, *found, first_leads)
        columns = doc.user_data.get("table_columns")
        if columns:
            # a row's cells are its lines, or tab-separated parts of a line (`1.任务<TAB>目标<TAB>市知识产权局`),
            # after the first one, which holds the task itself
            rows = [
                [(m.start(), m.end()) for m in _CELL.finditer(text, item.text_start, item.end) if m.group().strip()][1:]
                for item in items
            ]
            assignments += find_cell_assignments(text, rows, columns, *found, first_leads)
    doc.user_data["assignments"] = assignments
    return doc


_CELL = re.compile(r"[^\n\t]+?(?=\t| {3,}|\n|$)")
_EXECUTORS = re.compile(
    r"由(?P<a>[^。;,:由]{2,80}?)执行|(?:试点)?(?:省份|地区|城市|县区|区县):(?P<b>[^。;:)]{2,40}?)(?:必做|选做|\)|。|$)"
)


@Language.component("executor_matcher")
def executor_matcher(doc: Doc) -> Doc:
    """Regions named as the executors of a measure (由江西、河南……执行; 省份:广东、陕西必做)."""
    found = []
    for match in _EXECUTORS.finditer(text_of(doc)):
        group = "a" if match.group("a") else "b"
        names = [n for n in re.split(r"、|和|及|与", match.group(group)) if n]
        offset = match.start(group)
        regions = []
        for name in names:
            region = gazetteer().resolve(name.strip())
            if region is None:
                regions = []
                break  # 由承担项目的基地省市执行 names no region: not an executor list
            regions.append((offset, region))
            offset += len(name) + 1
        found.extend((match.start(), match.end(), pos, region) for pos, region in regions)
    doc.user_data["executors"] = found
    return doc


def analyse(text: str, law: bool = False) -> Doc:
    """Run the pipeline on the normalised text; `law` marks a law or regulation (no plan outline)."""
    nlp = build_nlp()
    # one token per character, whitespace included: what the char segmenter makes, without its Python loop
    doc = Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))
    doc.user_data["text"] = text
    doc.user_data["law"] = law
    for name, component in nlp.pipeline:
        try:
            doc = component(doc)
        except Exception as error:
            doc.user_data.update(_fallback(name))
            warnings.warn(
                ReadWarning(f"{name} failed ({type(error).__name__}: {str(error)[:80]}): that part was left out"),
                stacklevel=2,
            )
    return doc


def _fallback(component: str) -> dict[str, Any]:
    """What a failed step leaves for the steps after it: nothing found, never a guess."""
    if component == "policy_metadata":
        return {"meta": Metadata(), "context": Context(), "registry": AgencyRegistry(), "issuers": []}
    keys = {
        "policy_outline": {"outline": [], "table_columns": None},
        "agency_matcher": {"mentions": []},
        "citation_matcher": {"citations": []},
        "deadline_matcher": {"deadlines": []},
        "target_matcher": {"targets": []},
        "role_assigner": {"assignments": []},
        "executor_matcher": {"executors": []},
    }
    return {key: (list(value) if isinstance(value, list) else value) for key, value in keys[component].items()}


@lru_cache(maxsize=1)
def build_nlp() -> Language:
    nlp = spacy.blank("zh")  # default segmenter "char": one token per character
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
