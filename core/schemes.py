"""Coding schemes for content analysis (data/schemes/*.toml, one file per axis: the policy tools, the
IP value chain, or a project's own): codes with their labels, definitions, cue words and the rule
priority the codebook gives them. Read here, used by the suggester (ingest/coding.py), the store's
coding write path and the app.

A scheme file: `id`, `name`, `axis`, `none_code`, and `[[types]]` each with `code`, `label`,
`definition`, `cues` — or `[[types.subtypes]]` with those, when codes are grouped by type (the tools:
supply.talent under supply). A code's `priority` (default 0) makes it win over the reading order when
any of its cues is present (the codebook's "cross-border beats everything"). Optional: `residual_code`
(the code of a measure with no cue, after its headings: the value chain's `management`) and `none_with`
(an axis whose none code makes this one none too).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SCHEMES_DIR = Path(__file__).resolve().parent.parent / "data" / "schemes"


@dataclass(frozen=True)
class Code:
    code: str
    label: str
    group: str  # the type a sub-type belongs to (supply), or the code itself
    definition: str
    cues: tuple[str, ...]
    priority: int = 0


@dataclass(frozen=True)
class Scheme:
    id: str
    name: str
    axis: str
    none_code: str
    codes: tuple[Code, ...]
    path: str = ""
    residual: str | None = None  # the code of a measure with no cue of its own (its heading's, else this)
    group_labels: tuple[tuple[str, str], ...] = ()  # (type code, its label): supply, 供给型
    none_with: str | None = None  # another axis: this one is none whenever that one is
    order: int = 0

    def code(self, code: str) -> Code | None:
        return next((c for c in self.codes if c.code == code), None)

    @property
    def code_names(self) -> tuple[str, ...]:
        return (*(c.code for c in self.codes), self.none_code)

    def group_of(self, code: str) -> str:
        found = self.code(code)
        return found.group if found else code


class SchemeError(ValueError):
    """A scheme file that cannot be used; the message names the file and the problem."""


def schemes_dir() -> Path:
    """data/schemes, or the folder KG_SCHEMES names (a project's own schemes, no code needed)."""
    return Path(os.environ.get("KG_SCHEMES") or SCHEMES_DIR)


@lru_cache(maxsize=8)
def _load(folder: str) -> tuple[Scheme, ...]:
    schemes = []
    for path in sorted(Path(folder).glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise SchemeError(f"{path.name}: {error}") from error
        schemes.append(_scheme(data, path))
    axes = [s.axis for s in schemes]
    if len(set(axes)) != len(axes):
        raise SchemeError(f"{folder}: two schemes code the same axis ({', '.join(axes)})")
    return tuple(sorted(schemes, key=lambda s: (s.order, s.axis)))


def _scheme(data: dict, path: Path) -> Scheme:
    missing = [key for key in ("id", "name", "axis", "none_code", "types") if key not in data]
    if missing:
        raise SchemeError(f"{path.name}: missing {', '.join(missing)}")
    codes = []
    for kind in data["types"]:
        for entry in kind.get("subtypes") or [kind]:
            if "code" not in entry:
                raise SchemeError(f"{path.name}: a type without a code")
            codes.append(
                Code(
                    entry["code"], entry.get("label", entry["code"]), kind["code"], entry.get("definition", ""),
                    tuple(entry.get("cues", ())), int(entry.get("priority", 0)),
                )
            )  # fmt: skip
    groups = tuple((kind["code"], kind.get("label", kind["code"])) for kind in data["types"] if "subtypes" in kind)
    return Scheme(
        data["id"], data["name"], data["axis"], data["none_code"], tuple(codes), str(path),
        data.get("residual_code"), groups, data.get("none_with"), int(data.get("order", 0)),
    )  # fmt: skip


def schemes() -> tuple[Scheme, ...]:
    return _load(str(schemes_dir()))


def scheme(axis: str) -> Scheme:
    found = next((s for s in schemes() if s.axis == axis), None)
    if found is None:
        raise SchemeError(f"no scheme codes the axis {axis!r}; schemes: {', '.join(s.axis for s in schemes())}")
    return found
