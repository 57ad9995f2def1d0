"""Agreement between two codings of the same units: observed agreement and Cohen's κ, and precision,
recall and F1 per code. Written out (a few lines of arithmetic) rather than taken from scikit-learn,
which would be the project's largest dependency for two formulas."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Agreement:
    units: int
    observed: float
    kappa: float


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> Agreement:
    """κ = (p_o − p_e) / (1 − p_e) over units coded by both (Cohen 1960); 1.0 when both agree on
    everything, including when they use a single code throughout."""
    if len(a) != len(b):
        raise ValueError(f"two codings of different lengths: {len(a)} and {len(b)}")
    n = len(a)
    if n == 0:
        return Agreement(0, 0.0, 0.0)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    left, right = Counter(a), Counter(b)
    expected = sum(left[code] * right[code] for code in left.keys() | right.keys()) / (n * n)
    kappa = 1.0 if expected == 1 else (observed - expected) / (1 - expected)
    return Agreement(n, round(observed, 4), round(kappa, 4))


@dataclass(frozen=True)
class Scores:
    code: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def per_code(gold: Sequence[str], predicted: Sequence[str]) -> list[Scores]:
    """Precision, recall and F1 of each code (a unit has one code in each coding)."""
    codes = sorted(set(gold) | set(predicted))
    pairs = list(zip(gold, predicted, strict=True))
    return [
        Scores(
            code,
            sum(g == code and p == code for g, p in pairs),
            sum(g != code and p == code for g, p in pairs),
            sum(g == code and p != code for g, p in pairs),
        )
        for code in codes
    ]
