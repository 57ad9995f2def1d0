"""Extraction quality bars: the real pipeline on the gold samples must reach BARS per type.

Kept apart from the scorer's unit tests (tests/test_evaluate.py) because it measures the
extractor, not the evaluator: it fails while the extraction is below a bar, and the failure
message lists the mismatched items so the cause is visible without rerunning anything.
"""

from __future__ import annotations

import pytest

from ingest.evaluate import BARS, DEFAULT_GOLD, TYPES, Evaluation, evaluate


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    """One ingest of the gold samples into a temporary store for all the checks (a few seconds)."""
    return evaluate(DEFAULT_GOLD)


def test_every_gold_document_was_ingested(evaluation: Evaluation) -> None:
    assert not evaluation.problems, evaluation.problems


@pytest.mark.parametrize("name", TYPES)
def test_type_meets_its_bar(evaluation: Evaluation, name: str) -> None:
    counts = evaluation.totals[name]
    assert counts.f1 >= BARS[name], (
        f"{name}: F1 {counts.f1:.3f} < {BARS[name]} (tp {counts.tp}, fp {counts.fp}, fn {counts.fn})\n"
        + "\n".join([*(f"FP {i}" for i in counts.fp_items[:15]), *(f"FN {i}" for i in counts.fn_items[:15])])
    )
