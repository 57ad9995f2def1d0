"""Query parameters reach FalkorDB intact, whatever the characters they hold."""

from __future__ import annotations

import pytest

from graph.falkor_store import FalkorStore

AWKWARD = [
    "a\nb\tc\r\n",
    'quote " inside',
    "back\\slash and end\\",
    "\\n written out, \\u0041 written out",
    "control \x01 \x1f characters",
    "中文「」\u3000全角,《专利法》",
    "𠀀 outside the BMP 😀",
    '{"looks":"like JSON"},"key":1',
    "`backticks` and $dollar",
    "",
]


@pytest.mark.parametrize("value", AWKWARD)
def test_strings_round_trip(fresh_store: FalkorStore, value: str) -> None:
    fresh_store.write(
        "UNWIND $rows AS row CREATE (:T {v: row.v, l: row.l, p: row.props.x})",
        {"rows": [{"v": value, "l": [value, "x"], "props": {"x": value}}]},
    )
    rows = fresh_store.read("MATCH (t:T) RETURN t.v AS v, t.l AS l, t.p AS p")
    assert rows == [{"v": value, "l": [value, "x"], "p": value}]


def test_numbers_booleans_and_nulls(fresh_store: FalkorStore) -> None:
    fresh_store.write("CREATE (:T)")  # a read of a graph that does not exist yet returns no rows
    params = {"n": 3, "f": 1.5e-7, "b": True, "z": None, "m": {"weird key": 2}}
    rows = fresh_store.read("RETURN $n AS n, $f AS f, $b AS b, $z AS z, $m AS m", params)
    assert rows == [{"n": 3, "f": 1.5e-7, "b": True, "z": None, "m": {"weird key": 2}}]
