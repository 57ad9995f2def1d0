"""Real text from the sample documents, for unit tests: a passage is checked to be copied verbatim
from its sample before it is normalised as the pipeline does; and the documents' contexts."""

from __future__ import annotations

from pathlib import Path

from core.records import RegionRecord
from ingest.agencies import Context
from ingest.normalize import normalize
from ingest.regions import COUNTRY, gazetteer

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def sample(prefix: str) -> str:
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def quote(prefix: str, passage: str) -> str:
    """`passage` normalised, after checking it is copied verbatim from the sample."""
    assert passage in sample(prefix), f"not a passage of sample {prefix}: {passage!r}"
    return normalize(passage)


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
