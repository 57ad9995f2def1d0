"""The named-query library: `*.cypher` files in this folder, each with a header comment.

Header lines (before the query):
    // name: agency_tasks
    // description: what the query answers
    // param agency: what it is. Example: 甘肃省市场监督管理局
Parameters are always passed as Cypher parameters, never formatted into the text. String
parameters are converted to Simplified so Traditional input finds the same things.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.store import GraphStore, Row
from ingest.normalize import to_simplified

QUERY_DIR = Path(__file__).resolve().parent
_PARAM = re.compile(
    r"^//\s*param\s+(?P<name>\w+)\s*(?:\((?P<type>[\w, ]+)\))?\s*:\s*(?P<doc>.*?)(?:\s*Example:\s*(?P<example>.*))?$"
)


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    example: str | None
    type: str = "string"
    optional: bool = False


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    cypher: str
    params: tuple[Param, ...] = field(default_factory=tuple)

    def coerce(self, values: dict[str, Any]) -> dict[str, Any]:
        """Typed, normalised parameters; unknown or missing ones are errors with a clear message."""
        known = {p.name: p for p in self.params}
        unknown = set(values) - set(known)
        if unknown:
            raise ValueError(
                f"{self.name} has no parameter {', '.join(sorted(unknown))}; it takes: {', '.join(known) or 'none'}"
            )
        out: dict[str, Any] = {}
        for param in self.params:
            if param.name not in values or values[param.name] in (None, ""):
                if param.optional:
                    out[param.name] = ""
                    continue
                raise ValueError(f"{self.name} needs --param {param.name}=… ({param.description})")
            value = values[param.name]
            if param.type == "int":
                try:
                    out[param.name] = int(value)
                except (TypeError, ValueError) as error:
                    raise ValueError(f"parameter {param.name} must be a whole number, not {value!r}") from error
            else:
                out[param.name] = to_simplified(str(value)).strip()
        return out

    def run(self, store: GraphStore, values: dict[str, Any], timeout_ms: int | None = None) -> list[Row]:
        return store.read(self.cypher, self.coerce(values), timeout_ms=timeout_ms)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "params": [
                {
                    "name": p.name,
                    "type": p.type,
                    "optional": p.optional,
                    "description": p.description,
                    "example": p.example,
                }
                for p in self.params
            ],
        }


def parse(path: Path) -> NamedQuery:
    lines = path.read_text(encoding="utf-8").splitlines()
    name, description, params, body = path.stem, "", [], []
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("//") and not body:
            match = _PARAM.match(stripped)
            if stripped.startswith("// name:"):
                name = stripped.split(":", 1)[1].strip()
            elif stripped.startswith("// description:"):
                description = stripped.split(":", 1)[1].strip()
            elif match:
                flags = [f.strip() for f in (match["type"] or "").split(",") if f.strip()]
                params.append(
                    Param(
                        match["name"],
                        match["doc"].strip(),
                        (match["example"] or "").strip() or None,
                        next((f for f in flags if f != "optional"), "string"),
                        "optional" in flags,
                    )
                )
            continue
        body.append(line)
    if not description:
        raise ValueError(f"{path.name}: the header needs a '// description:' line")
    return NamedQuery(name, description, "\n".join(body).strip(), tuple(params))


def load_library() -> dict[str, NamedQuery]:
    queries = [parse(p) for p in sorted(QUERY_DIR.glob("*.cypher"))]
    return {q.name: q for q in queries}


def get(name: str) -> NamedQuery:
    library = load_library()
    if name not in library:
        raise KeyError(f"no query named {name!r}; `python -m queries list` shows them")
    return library[name]
