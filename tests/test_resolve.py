"""Query parameters read the way people write them, on the command line (`python -m queries run`):
each case of natural input gives the answer of the canonical input, says what it was read as on
stderr, and an unknown or ambiguous name is exit status 2 with one line, never "(no rows)"."""

from __future__ import annotations

import json

import pytest

from queries.library import load_library
from queries.resolve import AmbiguousEntity, Resolution, UnknownEntity, resolve_date
from tests.conftest import Cli, Seeded

GANSU = "甘肃省市场监督管理局"


def _run(cli: Cli, seeded: Seeded, name: str, **params: str) -> tuple[int, list[dict], str]:
    args = ["run", name, "--json"] + [f"--param={k}={v}" for k, v in params.items()]
    result = cli("queries", *args, store=seeded.folder)
    rows = json.loads(result.stdout) if result.returncode == 0 and result.stdout.strip() else []
    return result.returncode, rows, result.stderr


def test_an_agencys_short_form(cli: Cli, seeded: Seeded) -> None:
    code, rows, err = _run(cli, seeded, "agency_tasks", agency="甘肃省市场监管局")
    assert code == 0 and "note: 甘肃省市场监管局 → 甘肃省市场监督管理局" in err
    assert rows == _run(cli, seeded, "agency_tasks", agency=GANSU)[1] and len(rows) >= 40


def test_an_agency_in_traditional(cli: Cli, seeded: Seeded) -> None:
    assert (
        _run(cli, seeded, "agency_tasks", agency="甘肅省市場監督管理局")[1]
        == _run(cli, seeded, "agency_tasks", agency=GANSU)[1]
    )


@pytest.mark.parametrize("number", ["靖政办发[2017]130号", "靖政办发(2017)130号", "靖政办发【2017】130号"])
def test_a_document_number_in_any_brackets(cli: Cli, seeded: Seeded, number: str) -> None:
    code, rows, err = _run(cli, seeded, "document_measures", doc=number)
    assert code == 0 and f"note: {number} →" in err
    assert rows == _run(cli, seeded, "document_measures", doc="靖政办发〔2017〕130号")[1] and rows


@pytest.mark.parametrize(("word", "role"), [("牵头", "lead"), ("负责单位", "responsible"), ("配合", "support")])
def test_roles_by_their_chinese_words(cli: Cli, seeded: Seeded, word: str, role: str) -> None:
    code, rows, _ = _run(cli, seeded, "agency_role_tasks", agency=GANSU, role=word)
    assert code == 0 and rows and {r["role"] for r in rows} == {role}


@pytest.mark.parametrize(
    ("start", "end"), [("2014-1-1", "2014-6-30"), ("2014年1月1日", "2014年6月30日"), ("2014-01", "2014-06")]
)
def test_dates_as_people_write_them(cli: Cli, seeded: Seeded, start: str, end: str) -> None:
    canonical = _run(cli, seeded, "tasks_due", start="2014-01-01", end="2014-06-30")[1]
    code, rows, _ = _run(cli, seeded, "tasks_due", start=start, end=end)
    assert code == 0 and rows == canonical and len(canonical) >= 19


def test_a_year_or_a_month_is_its_first_or_last_day_by_its_place() -> None:
    assert resolve_date("2014", None, Resolution({}), "start") == "2014-01-01"  # type: ignore[arg-type]
    assert resolve_date("2014", None, Resolution({}), "end") == "2014-12-31"  # type: ignore[arg-type]
    assert resolve_date("2016-2", None, Resolution({}), "end") == "2016-02-29"  # type: ignore[arg-type]


def test_the_patent_law_with_or_without_its_long_name(cli: Cli, seeded: Seeded) -> None:
    code, rows, _ = _run(cli, seeded, "regulation_citers", regulation="中华人民共和国专利法")
    assert code == 0 and rows
    assert all("关于修改" not in r["regulation"] for r in rows)  # not the decision that amends it
    assert rows == _run(cli, seeded, "regulation_citers", regulation="专利法")[1]


def test_an_unknown_agency_is_an_error_not_no_rows(cli: Cli, seeded: Seeded) -> None:
    code, rows, err = _run(cli, seeded, "agency_tasks", agency="火星省知识产权局")
    assert (code, rows) == (
        2,
        [],
    ) and err.strip() == "error: no agency named '火星省知识产权局': check the name, or search for it"


def test_an_ambiguous_agency_lists_its_candidates(cli: Cli, seeded: Seeded) -> None:
    code, _, err = _run(cli, seeded, "agency_tasks", agency="知识产权局")
    assert code == 2 and "'知识产权局' names" in err and "浙江省知识产权局 (22 tasks)" in err


def test_a_missing_parameter_says_how_to_give_it(cli: Cli, seeded: Seeded) -> None:
    result = cli("queries", "run", "agency_tasks", store=seeded.folder)
    assert result.returncode == 2 and "needs a value for agency" in result.stderr and "--param agency=" in result.stderr


def test_resolution_errors_are_value_errors_with_the_candidates(seeded: Seeded) -> None:
    query = load_library()["agency_tasks"]
    with pytest.raises(AmbiguousEntity) as ambiguous:
        query.resolve(seeded.store, {"agency": "知识产权局"})
    assert ("浙江省知识产权局 (22 tasks)", "浙江省知识产权局") in ambiguous.value.candidates
    with pytest.raises(UnknownEntity):
        query.resolve(seeded.store, {"agency": "火星省知识产权局"})
