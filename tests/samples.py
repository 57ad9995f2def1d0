"""Real text from the sample documents, for unit tests: a passage is checked to be copied verbatim
from its sample before it is normalised as the pipeline does."""

from __future__ import annotations

from pathlib import Path

from ingest.normalize import normalize

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def sample(prefix: str) -> str:
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def quote(prefix: str, passage: str) -> str:
    """`passage` normalised, after checking it is copied verbatim from the sample."""
    assert passage in sample(prefix), f"not a passage of sample {prefix}: {passage!r}"
    return normalize(passage)
