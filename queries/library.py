"""The query library: `*.cypher` files, each with a header comment that declares it.

Named queries (what users run: `python -m queries run NAME`, the app's Queries page) are the files
in this folder; the app's own reads (its pages, pickers, search and graph view) are the files in
`queries/app/`. Header lines (before the query):

    // name: agency_tasks
    // description: what the query answers (at most {row_cap} rows)
    // param agency: what it is. Example: 甘肃省市场监督管理局
    // param limit (int, optional): …
    // template depth: 1|2

- Parameters are always passed as Cypher parameters, never formatted into the text; string
  parameters are converted to Simplified so Traditional input finds the same things.
- `$row_cap` is supplied by the library (the product's row cap, `core.settings.ROW_CAP`): list
  queries stop there and their descriptions say so (`{row_cap}` in a description is replaced).
- A template slot (`{depth}` in the text) is for what Cypher takes no parameter for (a variable-
  length bound, a label); its header lists every value it may take, and nothing else is accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Any

from core.settings import ROW_CAP
from core.text import to_simplified
from graph.store import GraphStore, Row
from queries.resolve import KINDS, Resolution, resolve

QUERY_DIR = Path(__file__).resolve().parent
APP_DIR = QUERY_DIR / "app"
IMPLICIT = {"row_cap": ROW_CAP}
_PARAM = re.compile(
    r"^//\s*param\s+(?P<name>\w+)\s*(?:\((?P<type>[\w, ]+)\))?\s*:\s*(?P<doc>.*?)(?:\s*Example:\s*(?P<example>.*))?$"
)
_TEMPLATE = re.compile(r"^//\s*template\s+(?P<name>\w+)\s*:\s*(?P<values>.*)$")


class MissingParameter(ValueError):
    """A required parameter left empty; the message names it in words, each front end adds its syntax."""

    def __init__(self, query: str, param: Param) -> None:
        super().__init__(f"{query} needs a value for {param.name} ({param.description})")
        self.param = param


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    example: str | None
    kind: str = "text"  # text, int, words (a list), or what it names: agency, document, region, role, date, …
    optional: bool = False

    @property
    def type(self) -> str:
        return {"int": "int", "words": "list"}.get(self.kind, "string")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    cypher: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    templates: tuple[tuple[str, tuple[str, ...]], ...] = ()  # slot name → the values it may take

    def coerce(self, values: dict[str, Any]) -> dict[str, Any]:
        """Typed, normalised parameters; unknown or missing ones are errors with a clear message."""
        known = {p.name: p for p in self.params}
        unknown = set(values) - set(known)
        if unknown:
            raise ValueError(
                f"{self.name} has no parameter {', '.join(sorted(unknown))}; it takes: {', '.join(known) or 'none'}"
            )
        out: dict[str, Any] = {name: value for name, value in IMPLICIT.items() if f"${name}" in self.cypher}
        for param in self.params:
            if param.name not in values or values[param.name] in (None, ""):
                if param.optional:
                    out[param.name] = ""
                    continue
                raise MissingParameter(self.name, param)
            value = values[param.name]
            if param.kind == "int":
                try:
                    out[param.name] = int(value)
                except (TypeError, ValueError) as error:
                    raise ValueError(f"parameter {param.name} must be a whole number, not {value!r}") from error
            elif param.kind == "words":  # every word must match: spaces separate them
                words = value if isinstance(value, list) else str(value).split()
                out[param.name] = [to_simplified(str(w)).strip() for w in words if str(w).strip()]
            else:
                out[param.name] = to_simplified(str(value)).strip()
        return out

    def text(self, **slots: object) -> str:
        """The Cypher with its template slots filled (each value checked against the header's list)."""
        declared = dict(self.templates)
        if set(slots) != set(declared):
            raise ValueError(f"{self.name} takes the template values {sorted(declared)}, not {sorted(slots)}")
        text = self.cypher
        for name, value in slots.items():
            if str(value) not in declared[name]:
                raise ValueError(f"{self.name}: {name} must be one of {', '.join(declared[name])}, not {value!r}")
            text = text.replace("{" + name + "}", str(value))
        return text

    def variants(self) -> list[str]:
        """The query with every combination of its template values (the Cypher catalog lints each)."""
        if not self.templates:
            return [self.cypher]
        names = [name for name, _ in self.templates]
        return [self.text(**dict(zip(names, combo, strict=True))) for combo in product(*(v for _, v in self.templates))]

    def resolve(self, store: GraphStore, values: dict[str, Any]) -> Resolution:
        """The parameters with the entities they name resolved (UnknownEntity, AmbiguousEntity otherwise)."""
        return resolve(self, values, store)

    def run(
        self,
        store: GraphStore,
        values: dict[str, Any],
        timeout_ms: int | None = None,
        resolution: Resolution | None = None,
        **slots: object,
    ) -> list[Row]:
        resolved = resolution or self.resolve(store, values)
        return store.read(self.text(**slots), resolved.values, timeout_ms=timeout_ms)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "params": [
                {
                    "name": p.name,
                    "type": p.type,
                    "kind": p.kind,
                    "optional": p.optional,
                    "description": p.description,
                    "example": p.example,
                }
                for p in self.params
            ],
        }


def parse(path: Path) -> NamedQuery:
    lines = path.read_text(encoding="utf-8").splitlines()
    name, description, params, templates, body = path.stem, "", [], [], []
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("//") and not body:
            param, template = _PARAM.match(stripped), _TEMPLATE.match(stripped)
            if stripped.startswith("// name:"):
                name = stripped.split(":", 1)[1].strip()
            elif stripped.startswith("// description:"):
                description = stripped.split(":", 1)[1].strip().replace("{row_cap}", str(ROW_CAP))
            elif param:
                flags = [f.strip() for f in (param["type"] or "").split(",") if f.strip()]
                kind = next((f for f in flags if f != "optional"), "text")
                if kind not in KINDS:
                    raise ValueError(
                        f"{path.name}: parameter {param['name']} has no kind {kind!r} ({', '.join(sorted(KINDS))})"
                    )
                params.append(
                    Param(
                        param["name"],
                        param["doc"].strip(),
                        (param["example"] or "").strip() or None,
                        kind,
                        "optional" in flags,
                    )
                )
            elif template:
                templates.append((template["name"], tuple(v.strip() for v in template["values"].split("|"))))
            continue
        body.append(line)
    if not description:
        raise ValueError(f"{path.name}: the header needs a '// description:' line")
    return NamedQuery(name, description, "\n".join(body).strip(), tuple(params), tuple(templates))


def _load(folder: Path) -> dict[str, NamedQuery]:
    queries = [parse(p) for p in sorted(folder.glob("*.cypher"))]
    return {q.name: q for q in queries}


def load_library() -> dict[str, NamedQuery]:
    """The named queries users run."""
    return _load(QUERY_DIR)


@lru_cache(maxsize=1)
def app_queries() -> dict[str, NamedQuery]:
    """The app's own reads (pages, pickers, search, graph view)."""
    return _load(APP_DIR)


def get(name: str) -> NamedQuery:
    library = load_library()
    if name not in library:
        raise KeyError(f"no query named {name!r}; `python -m queries list` shows them")
    return library[name]


def app(name: str) -> NamedQuery:
    return app_queries()[name]
