"""Suggested codes for content analysis: each measure gets one code per scheme axis (data/schemes/*.toml),
from the scheme's cue words, following the codebook's order of decision
(tests/gold/policy_tools/CODEBOOK.md):

1. a heading whose sub-items carry the instruments gets the none code (R0a);
2. a code with a rule priority wins when any of its cues is present (R2 cross-border, R3 rights
   protection, R4 financing);
3. otherwise the first cue in the measure's title (up to its first 。), then the first in its body (R1);
4. a measure with no cue takes its nearest parent heading's code, else the scheme's `residual_code`,
   for schemes that have one (V4: the value chain's `management`); a tool is never guessed.

Pure: text in, a `Suggestion` out — the code, the cue that decided it with its offsets in the measure's
text (evidence, like every other fact), and a confidence: the decisive code's share of the cue weight
found, lower for a body cue than a title cue, fixed for headings and inherited stages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.schemes import Scheme

HEADING_CONFIDENCE = 0.9
INHERITED_CONFIDENCE = 0.4
RESIDUAL_CONFIDENCE = 0.3
BODY_FACTOR = 0.8  # a cue in the body decides less surely than one in the title
_TITLE_END = re.compile(r"[。;\n]")


@dataclass(frozen=True)
class Suggestion:
    code: str
    confidence: float
    cue: str = ""
    start: int = -1  # offsets of the cue in the measure's text; -1 when no cue decided
    end: int = -1
    rule: str = ""  # heading | priority | title | body | parent | residual | none

    def as_props(self, axis: str) -> dict[str, object]:
        """The suggestion as the Measure node's properties (suggested_tool, suggested_tool_confidence, …)."""
        return {
            f"suggested_{axis}": self.code,
            f"suggested_{axis}_confidence": round(self.confidence, 3),
            f"suggested_{axis}_cue": self.cue,
            f"suggested_{axis}_span": [self.start, self.end],
            f"suggested_{axis}_rule": self.rule,
        }


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    code: str
    cue: str


@lru_cache(maxsize=16)
def _pattern(scheme: Scheme) -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of every cue, longest first (专利导航分析 before 专利导航), and cue → code."""
    owner: dict[str, str] = {}
    for code in scheme.codes:
        for cue in code.cues:
            owner.setdefault(cue, code.code)
    cues = sorted(owner, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, cues)) or "(?!)"), owner


def _hits(text: str, scheme: Scheme) -> list[_Hit]:
    pattern, owner = _pattern(scheme)
    return [_Hit(m.start(), m.end(), owner[m.group(0)], m.group(0)) for m in pattern.finditer(text)]


def suggest(text: str, scheme: Scheme, *, heading_only: bool = False, parents: tuple[str, ...] = ()) -> Suggestion:
    """The code `scheme` suggests for a measure's own text (Simplified). `heading_only`: the measure is a
    title whose sub-items carry the content; `parents`: its headings, nearest first (for the stage)."""
    if heading_only:
        return Suggestion(scheme.none_code, HEADING_CONFIDENCE, rule="heading")
    hits = _hits(text, scheme)
    if not hits:
        return _from_parents(scheme, parents)
    weight: dict[str, int] = {}
    for hit in hits:
        weight[hit.code] = weight.get(hit.code, 0) + len(hit.cue)
    total = sum(weight.values())
    priorities = {c.code: c.priority for c in scheme.codes}
    ranked = sorted((h for h in hits if priorities.get(h.code, 0) > 0), key=lambda h: (-priorities[h.code], h.start))
    if ranked:
        return _decided(ranked[0], weight, total, 1.0, "priority")
    title_end = next((m.start() for m in _TITLE_END.finditer(text)), len(text))
    first = hits[0]
    if first.start < title_end:
        return _decided(first, weight, total, 1.0, "title")
    return _decided(first, weight, total, BODY_FACTOR, "body")


def _decided(hit: _Hit, weight: dict[str, int], total: int, factor: float, rule: str) -> Suggestion:
    share = weight[hit.code] / total
    return Suggestion(hit.code, min(1.0, 0.5 + share / 2) * factor, hit.cue, hit.start, hit.end, rule)


def _from_parents(scheme: Scheme, parents: tuple[str, ...]) -> Suggestion:
    residual = scheme.residual
    if residual is None:
        return Suggestion(scheme.none_code, RESIDUAL_CONFIDENCE, rule="none")
    for heading in parents:  # V4: the nearest heading that names a stage
        hits = _hits(heading, scheme)
        if hits:
            return Suggestion(hits[0].code, INHERITED_CONFIDENCE, hits[0].cue, rule="parent")
    return Suggestion(residual, RESIDUAL_CONFIDENCE, rule="residual")
