"""Shared fixtures: a real embedded store holding the five sample documents and four laws, and the
command-line tools run in-process through their `main(argv)`."""

from __future__ import annotations

import importlib
import importlib.util
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph.falkor_store import FalkorStore, stop_server
from ingest.run import FileOutcome, ingest_paths

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "data" / "samples"
LAWS = REPO / "data" / "laws"


class Seeded:
    def __init__(self, store: FalkorStore, folder: Path, outcomes: list[FileOutcome]) -> None:
        self.store = store
        self.folder = folder
        self.outcomes = outcomes

    def rows(self, query: str, **params: object) -> list[dict]:
        return self.store.read(query, params)


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    """The five samples and four laws they cite, ingested once into a fresh store; KG_STORE points at
    it for CLI and app tests."""
    folder = tmp_path_factory.mktemp("store")
    store = FalkorStore.open(folder)
    outcomes = ingest_paths([SAMPLES, LAWS], store, workers=1)
    previous = os.environ.get("KG_STORE")
    os.environ["KG_STORE"] = str(folder)
    try:
        yield Seeded(store, folder, outcomes)
    finally:
        if previous is None:
            os.environ.pop("KG_STORE", None)
        else:
            os.environ["KG_STORE"] = previous
        store.close()
        stop_server(folder)


@pytest.fixture
def fresh_store(tmp_path: Path) -> Iterator[FalkorStore]:
    """An empty store of its own, stopped after the test."""
    folder = tmp_path / "store"
    store = FalkorStore.open(folder)
    try:
        yield store
    finally:
        store.close()
        stop_server(folder)


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str


Cli = Callable[..., CliResult]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """`cli("graph", "stats", "--json", store=folder)` runs `python -m graph stats --json` in this process,
    through the command's own `main(argv)`, with KG_STORE pointing at `store` when given."""

    def run(package: str, *args: str, store: Path | None = None) -> CliResult:
        if store is not None:
            monkeypatch.setenv("KG_STORE", str(store))
        capsys.readouterr()  # what earlier steps printed is not this command's output
        code = importlib.import_module(f"{package}.__main__").main(list(args))
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run


NEO4J_SETTINGS = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "NEO4J_TEST_RESET")


@pytest.fixture(scope="session")
def bolt_server() -> Iterator[str]:
    """The Bolt server of NEO4J_URI, or a local ArcadeDB server started for the test session (its settings in
    the environment meanwhile)."""
    if os.environ.get("NEO4J_URI"):
        yield os.environ["NEO4J_URI"]
        return
    if importlib.util.find_spec("arcadedb_embedded") is None:
        pytest.skip("NEO4J_URI is not set and arcadedb-embedded is not installed: no Bolt server to test against")
    from tests import arcadedb_server

    folder = Path(tempfile.mkdtemp(prefix="arcadedb-"))
    pid, uri = arcadedb_server.start(folder)
    saved = {key: os.environ.get(key) for key in NEO4J_SETTINGS}
    os.environ.update(
        NEO4J_URI=uri,
        NEO4J_USER="root",
        NEO4J_PASSWORD=arcadedb_server.DEFAULT_PASSWORD,
        NEO4J_DATABASE=arcadedb_server.DATABASE,
        NEO4J_TEST_RESET="1",
    )
    try:
        yield uri
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        arcadedb_server.stop(pid)
