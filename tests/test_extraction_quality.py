"""Extraction quality bars: the real pipeline on the gold samples must reach BARS per type.

Kept apart from the scorer's unit tests (tests/test_evaluate.py) because it measures the
extractor, not the evaluator: it fails while the extraction is below a bar, and the failure
message lists the mismatched items so the cause is visible without rerunning anything.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.evaluate import BARS, DEFAULT_GOLD, TYPES, Evaluation, evaluate

# The seeds, and the held-out development set of other provinces, years and layouts.
GOLD_SETS = [DEFAULT_GOLD, Path(__file__).resolve().parent / "gold_heldout"]


@pytest.fixture(scope="module", params=GOLD_SETS, ids=lambda p: Path(p).name)
def evaluation(request: pytest.FixtureRequest) -> Evaluation:
    """One ingest of a gold set into a temporary store for all the checks (a few seconds)."""
    return evaluate(request.param)


def test_every_gold_document_was_ingested(evaluation: Evaluation) -> None:
    assert not evaluation.problems, evaluation.problems


@pytest.mark.parametrize("name", TYPES)
def test_type_meets_its_bar(evaluation: Evaluation, name: str) -> None:
    counts = evaluation.totals[name]
    assert counts.f1 >= BARS[name], (
        f"{name}: F1 {counts.f1:.3f} < {BARS[name]} (tp {counts.tp}, fp {counts.fp}, fn {counts.fn})\n"
        + "\n".join([*(f"FP {i}" for i in counts.fp_items[:15]), *(f"FN {i}" for i in counts.fn_items[:15])])
    )
