"""ingest/timeframes.py: schedule and deadline expressions → date ranges read against the plan's year.

Sentences are copied from data/samples/*.txt and normalised first, as the pipeline does.
Plan years: 000 → 2014, 001 → 2017, 003 → 2018, 004 → unknown (no title, no date).
"""

from __future__ import annotations

import pytest

from ingest.timeframes import Deadline, find_deadlines
from tests.samples import quote


def ranges(text: str, plan_year: int | None) -> list[tuple[str, str | None, str | None]]:
    return [(d.text, d.date_start, d.date_end) for d in find_deadlines(text, plan_year)]


def only(text: str, plan_year: int | None) -> Deadline:
    (deadline,) = find_deadlines(text, plan_year)
    return deadline


@pytest.mark.parametrize(
    ("prefix", "passage", "year", "expected"),
    [
        ("000", "第一季度,完成本省专利政策框架建设方案", 2014, ("第一季度", "2014-01-01", "2014-03-31")),
        ("000", "第三、四季度,争取正式出台。", 2014, ("第三、四季度", "2014-07-01", "2014-12-31")),
        ("000", "第二、三季度,根据省编办清理意见", 2014, ("第二、三季度", "2014-04-01", "2014-09-30")),
        ("000", "第四季度,组织完成新申报中心的审批工作。", 2014, ("第四季度", "2014-10-01", "2014-12-31")),
        (
            "000",
            "第二季度至第三季度,对2013年批设的省级中心运行工作不到位的",
            2014,
            ("第二季度至第三季度", "2014-04-01", "2014-09-30"),
        ),
        ("000", "第三至四季度,检查和规范各市专利案件档案信息", 2014, ("第三至四季度", "2014-07-01", "2014-12-31")),
        ("000", "上半年,由省知识产权局局领导带队", 2014, ("上半年", "2014-01-01", "2014-06-30")),
        (
            "000",
            "下半年,正式出台并执行新的《浙江省专利专项资金管理办法》。",
            2014,
            ("下半年", "2014-07-01", "2014-12-31"),
        ),
        ("000", "全年跟踪做好浙江省网上技术市场有限公司筹建", 2014, ("全年", "2014-01-01", "2014-12-31")),
        ("001", "至2018年底,万人发明专利拥有量达13件", 2017, ("至2018年底", None, "2018-12-31")),
        ("003", "我局將於年底組織開展項目驗收", 2018, ("年底", None, "2018-12-31")),
        ("003", "應于2018年年底完成專利信息傳播利用工作總結", 2018, ("2018年年底", None, "2018-12-31")),
    ],
)
def test_single_expression(prefix: str, passage: str, year: int, expected: tuple[str, str | None, str | None]) -> None:
    assert ranges(quote(prefix, passage), year) == [expected]


def test_quarter_list_of_three() -> None:
    text = quote("000", '第一、二、三季度,结合“value="4.26" hasspace="False"')
    assert ranges(text, 2014) == [("第一、二、三季度", "2014-01-01", "2014-09-30")]


def test_month_end_deadlines_with_and_without_the_plan_year() -> None:
    text = quote("000", "2014年6月底前完成申报,三季度完成评审工作,2014年底前下拨经费。")
    assert ranges(text, 2014) == [
        ("2014年6月底前", None, "2014-06-30"),
        ("三季度", "2014-07-01", "2014-09-30"),
        ("2014年底前", None, "2014-12-31"),
    ]


def test_month_before_in_a_later_year() -> None:
    text = quote("000", "2014年4月底前完成申报,确定试点地区,试点期一年,计划于2015年6月前完成试点验收。")
    assert ranges(text, 2014) == [("2014年4月底前", None, "2014-04-30"), ("2015年6月前", None, "2015-06-30")]


def test_day_deadlines_after_scraped_noise_use_the_plan_year() -> None:
    text = quote(
        "000",
        '组织推荐,nth="3" year="2014" w:st="on">3月10日前完成。nth="3" year="2014" w:st="on">3月20日前完成专家评议',
    )
    assert ranges(text, 2014) == [("3月10日前", None, "2014-03-10"), ("3月20日前", None, "2014-03-20")]


def test_day_deadline_with_its_own_year() -> None:
    text = quote("003", "(四)請各省(區、市)知識産權局于2018年6月20日前,將所承擔任務的處級具體負責人")
    assert ranges(text, 2018) == [("2018年6月20日前", None, "2018-06-20")]


def test_explicit_year_needs_no_plan_year() -> None:
    assert ranges(quote("000", "2014年6月底前完成申报"), None) == [("2014年6月底前", None, "2014-06-30")]


def test_bracketed_month_range() -> None:
    deadline = only(quote("001", "(一)宣传发动阶段(2017年1月—2017年4月)"), 2017)
    assert (deadline.date_start, deadline.date_end) == ("2017-01-01", "2017-04-30")
    assert "2017年1月—2017年4月" in deadline.text


def test_month_range_across_years() -> None:
    deadline = only(quote("001", "(二)组织实施阶段(2017年5月—2018年7月)"), 2017)
    assert (deadline.date_start, deadline.date_end) == ("2017-05-01", "2018-07-31")


def test_within_the_year_without_a_plan_year_has_no_dates() -> None:
    text = quote("004", "局内:管理司省份:强省试点省必做年内完成")
    assert ranges(text, None) == [("年内", None, None)]


def test_within_the_year_with_a_plan_year_is_the_whole_year() -> None:
    assert ranges(quote("004", "年内完成"), 2017) == [("年内", "2017-01-01", "2017-12-31")]


def test_whole_year_cell() -> None:
    assert ranges(quote("000", "全年"), 2014) == [("全年", "2014-01-01", "2014-12-31")]


def test_relative_period_without_a_plan_year_keeps_the_text_only() -> None:
    assert ranges(quote("000", "第一季度"), None) == [("第一季度", None, None)]
    assert ranges(quote("000", "上半年"), None) == [("上半年", None, None)]


def test_interval_notation() -> None:
    assert only(quote("000", "第一季度"), 2014).interval == "2014-01-01/2014-03-31"
    assert only(quote("000", "2014年6月底前"), 2014).interval == "../2014-06-30"


def test_offsets_cover_the_expression() -> None:
    text = quote("000", "2014年6月底前完成申报,三季度完成评审工作,2014年底前下拨经费。")
    found = find_deadlines(text, 2014)
    assert [d.text for d in found] == ["2014年6月底前", "三季度", "2014年底前"]
    for deadline in found:
        assert text[deadline.start : deadline.end] == deadline.text


@pytest.mark.parametrize(
    ("prefix", "passage"),
    [
        ("002", "24.制定實施2020-2021年全省知識產權保護行動計劃"),
        ("002", "高質量開展2020年度甘肅省專利獎勵工作"),
        ("000", "试点期一年"),
        ("000", "贯彻落实2013年6月省政府办公厅出台的"),
        ("003", "(十)做好2018年全年工作總結與2019年工作計劃編制"),
    ],
)
def test_dates_that_are_not_schedules(prefix: str, passage: str) -> None:
    assert find_deadlines(quote(prefix, passage), 2014) == []


@pytest.mark.parametrize("passage", ["奖励资金分三年内兑现。", "5年内建成孵化器10家。"])
def test_a_span_of_years_is_not_this_year(passage: str) -> None:
    assert find_deadlines(passage, 2020) == []


def test_a_month_of_every_year_is_read_in_the_plans_year() -> None:
    assert ranges("每年11月份,各单位报送工作总结。", 2016) == [("每年11月份", "2016-11-01", "2016-11-30")]
