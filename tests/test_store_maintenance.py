"""The embedded store's append-only file: never rewritten mid-run, rewritten after a run that grew it."""

from __future__ import annotations

import time

from graph.falkor_store import FalkorStore


def test_no_automatic_rewrite_during_runs(fresh_store: FalkorStore) -> None:
    assert fresh_store.db.connection.config_get("auto-aof-rewrite-percentage") == {"auto-aof-rewrite-percentage": "0"}


def test_the_log_is_rewritten_when_forced_or_grown(fresh_store: FalkorStore) -> None:
    fresh_store.write("UNWIND range(1, 100) AS i CREATE (:T {i: i})")
    assert fresh_store.rewrite_log() is False  # a small file that has not grown: left alone
    assert fresh_store.rewrite_log(force=True) is True
    deadline = time.monotonic() + 30
    while fresh_store.db.connection.info("persistence")["aof_rewrite_in_progress"] and time.monotonic() < deadline:
        time.sleep(0.05)
    info = fresh_store.db.connection.info("persistence")
    assert info["aof_last_bgrewrite_status"] == "ok"
    assert fresh_store.read("MATCH (t:T) RETURN count(t) AS n") == [{"n": 100}]
