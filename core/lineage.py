"""Agency successions (`data/agency_lineage.csv`, sources in `data/agency_lineage.md`): which body took
over from which, when, and on whose order — read, checked, and applied to a body's name.

A row is national (`scope` 全国), a pattern for every region of a level (`scope` *, names with
`{region}`), or one region's own (`scope` 浙江省), which overrides the pattern for the same
predecessor there. `merged_into`, `renamed_to` and `split_into` end the predecessor (a split's main
successor, the row whose note says 主体职责 or the only one, takes its tasks); `placed_under` does not:
the body still owns its tasks and the successor administers it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.records import RegionRecord
from core.regions import official_name, short_name

LINEAGE_PATH = Path(__file__).resolve().parent.parent / "data" / "agency_lineage.csv"
KINDS = ("merged_into", "renamed_to", "split_into", "placed_under")
ENDING = frozenset({"merged_into", "renamed_to", "split_into"})  # the predecessor no longer exists
FIRST_YEAR, LAST_YEAR = 1978, 2026
COLUMNS = ("predecessor", "successor", "kind", "year", "date", "level", "scope", "source", "source_date", "note")


@dataclass(frozen=True)
class Succession:
    predecessor: str
    successor: str
    kind: str
    year: int
    level: str
    scope: str
    source: str
    note: str = ""
    date: str = ""
    line: int = 0  # of the CSV file, for messages

    @property
    def template(self) -> bool:
        return "{region}" in self.predecessor or "{region}" in self.successor

    @property
    def ends(self) -> bool:
        return self.kind in ENDING


@dataclass(frozen=True)
class Step:
    """One succession of a concrete body: what the graph holds as a SUCCEEDED_BY relationship."""

    predecessor: str
    successor: str
    kind: str
    year: int
    source: str
    note: str
    main: bool  # the successor that takes the predecessor's tasks (always, unless a secondary split)


class LineageError(ValueError):
    """A row of the lineage table that cannot be right; the message names the line."""


@lru_cache(maxsize=4)
def lineage(path: Path = LINEAGE_PATH) -> tuple[Succession, ...]:
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise LineageError(f"{path.name}: the header must be {','.join(COLUMNS)}")
        for line, row in enumerate(reader, start=2):
            try:
                year = int(row["year"])
            except ValueError as error:
                raise LineageError(f"{path.name} line {line}: year {row['year']!r} is not a year") from error
            rows.append(
                Succession(
                    row["predecessor"].strip(), row["successor"].strip(), row["kind"].strip(), year,
                    row["level"].strip(), row["scope"].strip(), row["source"].strip(), row["note"].strip(),
                    row["date"].strip(), line,
                )
            )  # fmt: skip
    return tuple(rows)


def problems(rows: tuple[Succession, ...]) -> list[str]:
    """What is wrong with the table: unknown kinds, years out of range, rows without a source, a body
    succeeding itself, templates without their region, and cycles among the bodies that end."""
    found = []
    for row in rows:
        where = f"line {row.line}"
        if row.kind not in KINDS:
            found.append(f"{where}: kind {row.kind!r} is not one of {', '.join(KINDS)}")
        if not FIRST_YEAR <= row.year <= LAST_YEAR:
            found.append(f"{where}: year {row.year} is outside {FIRST_YEAR}–{LAST_YEAR}")
        if not row.source:
            found.append(f"{where}: no source")
        if row.predecessor == row.successor:
            found.append(f"{where}: {row.predecessor} succeeds itself")
        if row.scope == "*" and "{region}" not in row.predecessor:
            found.append(f"{where}: a pattern row (scope *) must name its bodies with {{region}}")
        if row.level not in ("national", "provincial", "city", "county"):
            found.append(f"{where}: level {row.level!r}")
    found += [f"cycle: {' → '.join(cycle)}" for cycle in _cycles(rows)]
    return found


def _cycles(rows: tuple[Succession, ...]) -> list[list[str]]:
    """Cycles of successions that end the predecessor, per scope (a pattern and a region's own rows
    are read together, as `steps` applies them). 国家外国专家局 going back to 人社部 under
    `placed_under` is no cycle: the body never ended."""
    edges: dict[tuple[str, str], set[str]] = {}
    for row in rows:
        if row.ends and (row.kind != "split_into" or _main(row, rows)):
            edges.setdefault((row.level, row.predecessor), set()).add(row.successor)
    cycles = []
    for (level, start), _ in edges.items():
        seen, stack = {start}, [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in edges.get((level, node), ()):
                if nxt == start:
                    cycles.append([*path, nxt])
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
    return cycles


def _main(row: Succession, rows: tuple[Succession, ...]) -> bool:
    """Whether this successor takes the predecessor's tasks: not when the row moves only some of its
    functions (部分职责：商标管理) elsewhere; of a split, the row marked 主体职责, the only one, or the first."""
    if row.note.startswith("部分职责"):
        return False
    if row.kind != "split_into":
        return True
    splits = [r for r in rows if r.predecessor == row.predecessor and r.kind == "split_into" and r.scope == row.scope]
    return (
        len(splits) == 1
        or "主体职责" in row.note
        or (not any("主体职责" in r.note for r in splits) and row is splits[0])
    )


def steps(name: str, region: RegionRecord | None, level: str | None) -> list[Step]:
    """The successions of the body called `name` (of `region`, at `level`): national rows by name;
    for a local body, its region's own rows, else the pattern rows of its level with the region's
    name filled in."""
    rows = lineage()
    found = [_step(r, r.predecessor, r.successor, rows) for r in rows if r.scope == "全国" and r.predecessor == name]
    if region is None or level not in ("provincial", "city", "county"):
        return found
    own = [r for r in rows if r.scope == region.name and r.predecessor == name]
    found += [_step(r, r.predecessor, r.successor, rows) for r in own]
    overridden = {r.predecessor for r in own}
    for row in rows:
        if row.scope != "*" or row.level != level:
            continue
        predecessor = _fill(row.predecessor, region)
        if predecessor == name and predecessor not in overridden:
            found.append(_step(row, predecessor, _fill(row.successor, region), rows))
    return found


def _fill(template: str, region: RegionRecord) -> str:
    return template.format(region=official_name(region), short=short_name(region))


def _step(row: Succession, predecessor: str, successor: str, rows: tuple[Succession, ...]) -> Step:
    return Step(predecessor, successor, row.kind, row.year, row.source, row.note, _main(row, rows))
