"""Shared test helpers: real text from the sample documents (a passage is checked to be copied
verbatim from its sample), the documents' contexts, role assignments of a text, and canonical forms
of rows and graphs for comparing two runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from core.agencies import AgencyRegistry, Context, find_mentions
from core.records import RegionRecord
from core.regions import COUNTRY, gazetteer
from ingest.normalize import normalize
from ingest.roles import find_assignments, find_field_assignments

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def sample_path(prefix: str) -> Path:
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return path


def sample(prefix: str) -> str:
    return sample_path(prefix).read_text(encoding="utf-8")


def verbatim(prefix: str, passage: str) -> str:
    """`passage` as written, after checking it is copied verbatim from the sample."""
    assert passage in sample(prefix), f"not a passage of sample {prefix}: {passage!r}"
    return passage


def quote(prefix: str, passage: str) -> str:
    """`passage` normalised as the pipeline does, after checking it is copied verbatim from the sample."""
    return normalize(verbatim(prefix, passage))


def roles(text: str, context: Context, first_leads: bool = False, fields: bool = False) -> list[tuple[str, str]]:
    """(agency, role) of the role clauses in `text` (and of its fields, `牵头单位:…`, with `fields`)."""
    registry = AgencyRegistry()
    mentions = find_mentions(text, context, registry)
    found = find_assignments(text, 0, len(text), mentions, context, registry, first_leads)
    if fields:
        found += find_field_assignments(text, 0, len(text), mentions, context, registry, first_leads)
    return [(a.agency.name, a.role) for a in found]


def canonical_rows(rows: list[dict[str, Any]]) -> list[str]:
    """Rows as sorted JSON lines, list values sorted: two runs that found the same give the same."""
    return sorted(
        json.dumps({k: sorted(v, key=str) if isinstance(v, list) else v for k, v in row.items()}, ensure_ascii=False)
        for row in rows
    )


def canonical_graph(graph: dict[str, list[dict[str, Any]]]) -> list[str]:
    """An exported graph as sorted JSON lines; an agency's aliases are a set (their order is the order
    they were written in)."""
    for node in graph["nodes"]:
        if isinstance(node["properties"].get("aliases"), list):
            node["properties"]["aliases"] = sorted(node["properties"]["aliases"])
    items = [json.dumps(n, sort_keys=True, ensure_ascii=False) for n in graph["nodes"]]
    items += [json.dumps(r, sort_keys=True, ensure_ascii=False) for r in graph["relationships"]]
    return sorted(items)


def region(name: str) -> RegionRecord:
    record = gazetteer().resolve(name)
    assert record is not None
    return record


def zhejiang() -> Context:
    """000: a plan of the Zhejiang provincial IP office."""
    return Context(region=region("浙江省"), issuer="浙江省知识产权局", issuer_kind="知识产权局")


def gansu() -> Context:
    """002: a plan of the Gansu IP strategy leading group's office."""
    return Context(region=region("甘肃省"), issuer="甘肃省知识产权战略实施暨强省建设工作领导小组办公室")


def national() -> Context:
    """003: a plan of the national IP office's general office."""
    return Context(region=COUNTRY, issuer="国家知识产权局办公室")


def jingjiang() -> Context:
    """001: a plan of the county-level city 靖江市."""
    return Context(region=region("靖江市"), issuer="靖江市人民政府办公室")
