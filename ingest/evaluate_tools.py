"""`python -m ingest.evaluate_tools [--gold FILE] [--json]`: the suggested codes against the adjudicated
policy-tool gold (tests/gold/policy_tools/gold.jsonl, ≥ 300 measures coded by two annotators from the
codebook, disagreements adjudicated): accuracy, Cohen's κ, and precision / recall / F1 per code and per
type, for each axis. The texts are extracted afresh (no store): the suggester is pure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from core.agreement import cohen_kappa, per_code
from core.records import SourceText
from core.schemes import scheme
from ingest.extract import extract

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "gold" / "policy_tools" / "gold.jsonl"
MEASURES = REPO / "tests" / "gold" / "policy_tools" / "measures.jsonl"
AXES = ("tool", "value_chain")


def _suggested(files: set[str]) -> dict[tuple[str, str], dict[str, Any]]:
    """(file, path) → the measure's suggested-code properties."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for name in sorted(files):
        text = (REPO / name).read_text(encoding="utf-8")
        source = SourceText(name, text, hashlib.sha256(text.encode()).hexdigest(), "utf-8", Path(name).suffix[1:])
        for measure in extract(source).measures:
            found[(name, measure.path)] = measure.suggested
    return found


def evaluate(gold_path: Path = GOLD, measures_path: Path = MEASURES) -> dict[str, Any]:
    where = {row["measure_id"]: row for row in map(json.loads, measures_path.read_text(encoding="utf-8").splitlines())}
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    suggested = _suggested({where[g["measure_id"]]["file"] for g in gold})
    report: dict[str, Any] = {"measures": len(gold), "missing": []}
    for axis in AXES:
        codes = scheme(axis)
        truth, guess = [], []
        for row in gold:
            place = where[row["measure_id"]]
            props = suggested.get((place["file"], place["path"]))
            if props is None:
                report["missing"].append(row["measure_id"])
                continue
            truth.append(row[axis])
            guess.append(str(props[f"suggested_{axis}"]))
        agreement = cohen_kappa(truth, guess)
        groups = cohen_kappa([codes.group_of(c) for c in truth], [codes.group_of(c) for c in guess])
        report[axis] = {
            "units": agreement.units,
            "accuracy": agreement.observed,
            "kappa": agreement.kappa,
            "type_accuracy": groups.observed,
            "type_kappa": groups.kappa,
            "codes": [_row(s) for s in per_code(truth, guess)],
            "types": [
                _row(s) for s in per_code([codes.group_of(c) for c in truth], [codes.group_of(c) for c in guess])
            ],
        }
    report["missing"] = sorted(set(report["missing"]))
    return report


def _row(scores: Any) -> dict[str, Any]:
    return {
        "code": scores.code, "precision": round(scores.precision, 3), "recall": round(scores.recall, 3),
        "f1": round(scores.f1, 3), "tp": scores.tp, "fp": scores.fp, "fn": scores.fn,
    }  # fmt: skip


def _print(report: dict[str, Any]) -> None:
    print(
        f"{report['measures']} gold measures" + (f"; not found: {len(report['missing'])}" if report["missing"] else "")
    )
    for axis in AXES:
        r = report[axis]
        overall = f"accuracy {r['accuracy']:.3f}, κ {r['kappa']:.3f}"
        print(f"\n{axis}: {overall} (types: {r['type_accuracy']:.3f}, κ {r['type_kappa']:.3f})")
        print(f"  {'code':28} {'p':>6} {'r':>6} {'f1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
        for row in (r["types"] if axis == "tool" else []) + r["codes"]:
            scores = f"{row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f}"
            print(f"  {row['code']:28} {scores} {row['tp']:4} {row['fp']:4} {row['fn']:4}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.evaluate_tools")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate(args.gold)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        _print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
