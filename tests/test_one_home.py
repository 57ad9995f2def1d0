"""One home for each fact: a second copy drifting from the first is how a task table headed
牵头部门/配合部门 stopped being read (outline and roles each had their own list of column words).
Each test here fails as soon as a fact is spelled out a second time."""

from __future__ import annotations

import ast
from pathlib import Path

from core import roles, schema, settings

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "ingest", "graph", "queries", "ui")
# Role words that stand for something else where they are written, each with the reason.
NOT_ROLE_WORDS = {
    ("ingest/outline.py", "主办单位"): "a web page's footer label (主办单位:某市人民政府), where the body ends",
    ("ingest/furniture.py", "主办单位"): "the same footer label, blanked as page furniture",
}


def _modules() -> list[Path]:
    return [path for package in PACKAGES for path in sorted((REPO / package).rglob("*.py"))]


def _strings(path: Path) -> list[str]:
    """The string constants of a module, docstrings left out (they may name what they explain)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def _assigned_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        names |= {target.id for target in targets if isinstance(target, ast.Name)}
    return names


def test_role_words_are_defined_only_in_the_role_vocabulary() -> None:
    words = {label for role in roles.ROLES for label in (*role.labels, *role.short_labels, *role.verbs)}
    home = REPO / "core" / "roles.py"
    spelled: dict[str, list[str]] = {}
    for path in _modules():
        if path == home:
            continue
        for text in _strings(path):
            # a role verb inside a longer expression (a rule's regex, a noun such as 负责人) is not a copy
            found = [word for word in words if word == text or (len(word) >= 4 and word in text)]
            found = [word for word in found if (str(path.relative_to(REPO)), word) not in NOT_ROLE_WORDS]
            if found:
                spelled.setdefault(str(path.relative_to(REPO)), []).extend(found)
    assert not spelled, f"role words spelled outside core/roles.py: {spelled}"


def test_the_level_map_has_one_home() -> None:
    for path in _modules():
        if path == REPO / "core" / "schema.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                pairs = {
                    (k.value, v.value)
                    for k, v in zip(node.keys, node.values, strict=True)
                    if isinstance(k, ast.Constant) and isinstance(v, ast.Constant)
                }
                assert ("province", "provincial") not in pairs, f"{path}: a copy of core.schema.LEVEL_OF_REGION"
    assert set(schema.LEVEL_OF_REGION) == set(schema.REGION_LEVELS)


def test_limits_caps_and_time_outs_have_one_home() -> None:
    names = {name for name in _assigned_names(REPO / "core" / "settings.py") if name.isupper()}
    assert {"ROW_CAP", "TIME_LIMIT_MS", "MAX_TEXT_BYTES", "BATCH_BYTES", "EXTRACT_TIME_LIMIT_S"} <= names
    for path in _modules():
        if path.name == "settings.py" and path.parent.name == "core":
            continue
        again = names & _assigned_names(path)
        assert not again, f"{path} defines {again} again: import it from core.settings"
    for cypher in sorted((REPO / "queries").rglob("*.cypher")):
        assert f"LIMIT {settings.ROW_CAP}" not in cypher.read_text(encoding="utf-8"), f"{cypher}: use LIMIT $row_cap"


def test_labels_and_relationship_types_have_one_home() -> None:
    for path in _modules():
        if path == REPO / "core" / "schema.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                values = {e.value for e in node.elts if isinstance(e, ast.Constant)}
                assert not (values >= set(schema.LABELS)), f"{path}: a copy of core.schema.LABELS"
                assert not (values >= set(schema.RELATIONSHIP_TYPES)), f"{path}: a copy of the relationship types"


def test_the_app_sends_no_cypher_of_its_own() -> None:
    for path in sorted((REPO / "ui").glob("*.py")):
        for text in _strings(path):
            assert not text.lstrip().upper().startswith(("MATCH ", "OPTIONAL MATCH", "CALL ", "UNWIND ")), (
                f"{path}: Cypher in the app; put it in queries/app/*.cypher"
            )
