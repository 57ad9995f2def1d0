"""ingest/targets.py: quantitative goals → indicator, value, unit, comparator.

Sentences are copied from data/samples/*.txt and normalised first, as the pipeline does.
"""

from __future__ import annotations

import pytest

from ingest.normalize import normalize
from ingest.targets import Target, find_targets
from tests.samples import quote


def values(text: str) -> list[tuple[float, str, str]]:
    return [(t.value, t.unit, t.comparator) for t in find_targets(text)]


def only(text: str) -> Target:
    (target,) = find_targets(text)
    return target


TWO_TARGETS_001 = quote("001", "全市年均专利申请量和授权量分别达到5000件和2000件,")
TRAINING_001 = quote("001", "累计培训200名以上知识产权专业管理人员和企业知识产权工程师。")


def test_value_reached_with_da() -> None:
    target = only(quote("001", "至2018年底,万人发明专利拥有量达13件,成为创新水平高"))
    assert (target.value, target.unit, target.comparator) == (13, "件", "=")
    assert target.indicator == "万人发明专利拥有量"


def test_growth_above_is_at_least() -> None:
    text = quote("002", "擴大創新主體融資受益面,力爭知識產權質押融資規模增長20%以上。")
    target = only(text)
    assert (target.value, target.unit, target.comparator) == (20, "%", ">=")
    assert "知识产权质押融资规模" in target.indicator


def test_training_above_is_at_least() -> None:
    assert values(TRAINING_001) == [(200, "名", ">=")]


def test_training_indicator_names_who_is_trained() -> None:
    assert "知识产权专业管理人员" in only(TRAINING_001).indicator


def test_respectively_gives_two_targets() -> None:
    assert values(TWO_TARGETS_001) == [(5000, "件", "="), (2000, "件", "=")]


def test_second_of_two_targets_has_no_value_in_its_indicator() -> None:
    second = find_targets(TWO_TARGETS_001)[1]
    assert "5000" not in second.indicator


def test_first_of_two_targets_indicator() -> None:
    assert find_targets(TWO_TARGETS_001)[0].indicator == "全市年均专利申请量和授权量"


def test_shared_verb_covers_the_second_item_of_a_list() -> None:
    text = quote("001", "新增中国驰名商标2个、江苏省著名商标或名牌产品10个。")
    assert values(text) == [(2, "个", "="), (10, "个", "=")]


@pytest.mark.parametrize(
    ("prefix", "passage", "expected"),
    [
        ("001", "企业专利申请量和授权量占比达80%以上。", (80, "%", ">=")),
        ("001", "商标注册总量累计达7500件,", (7500, "件", "=")),
        ("001", "版权登记量年均增长30%,", (30, "%", "=")),
        ("001", "全社会知识产权认知度达80%,", (80, "%", "=")),
        ("001", "每年开展知识产权宣传活动10次以上。", (10, "次", ">=")),
        ("001", "每年引进和培养各类知识产权人才30人。", (30, "人", "=")),
        ("001", "70%以上大中型工业企业设立知识产权管理机构,", (70, "%", ">=")),
        ("000", "以省级专利示范企业培育工作为基础,组织培育50家以上国家知识产权优势企业。", (50, "家", ">=")),
        ("000", "引导各市开展贯标工作,完成培育达标企业30家。", (30, "家", "=")),
        ("000", "重点对参与的贯标企业进行培育辅导及验收,完成家数不少于30家。", (30, "家", ">=")),
        ("003", "圍繞專利質量提升工程,舉辦至少2期專利信息利用培訓班。", (2, "期", ">=")),
        ("003", "面向全國專利信息人才舉辦2期專利信息人才培訓班", (2, "期", "=")),
    ],
)
def test_single_target(prefix: str, passage: str, expected: tuple[float, str, str]) -> None:
    assert values(quote(prefix, passage)) == [expected]


def test_goal_with_wei_and_a_bare_count_in_the_same_sentence() -> None:
    text = quote("000", "争取为20家企业建设专利数据库,建成9大专利产业数据库,组建软件开发队伍。")
    assert values(text) == [(20, "家", "=")]


def test_rate_reached_above_has_its_indicator() -> None:
    target = only(quote("001", "高新技术企业专利实施转化率达到60%以上,"))
    assert (target.value, target.unit, target.comparator) == (60, "%", ">=")
    assert target.indicator == "高新技术企业专利实施转化率"


def test_target_text_and_offsets() -> None:
    text = quote("001", "全社会知识产权认知度达80%,权利人满意度达85%。")
    found = find_targets(text)
    assert [t.text for t in found] == ["全社会知识产权认知度达80%", "权利人满意度达85%"]
    for target in found:
        assert text[target.start : target.end] == target.text


def test_outline_marker_is_not_part_of_the_target() -> None:
    target = only(quote("000", "3.开展专利信息人员培训6次。"))
    assert (target.value, target.unit) == (6, "次")
    assert not target.text.startswith("3.")
    assert not target.indicator.startswith("3.")


@pytest.mark.parametrize(
    ("prefix", "passage"),
    [
        ("000", "第八届APEC中小企业技术交流暨展览会知识产权保护工作。"),
        ("002", "32.加強12315行政執法體系建設,打造甘肅12315“一號通”新品牌"),
        ("000", "0571-87054812"),
        ("001", "围绕“4.26”世界知识产权日和知识产权保护宣传周"),
        ("002", "78.認真組織開展4·26世界知識產權日、全國知識產權宣傳周、5·10中國品牌日"),
        ("001", "全面贯彻落实党的十八大、十八届三中、四中、五中、六中全会精神"),
        ("000", "2014年6月底前完成申报,三季度完成评审工作,2014年底前下拨经费。"),
        ("002", "24.制定實施2020-2021年全省知識產權保護行動計劃"),
    ],
)
def test_numbers_that_are_not_targets(prefix: str, passage: str) -> None:
    assert find_targets(quote(prefix, passage)) == []


def test_the_count_that_sums_up_a_list_is_not_a_goal() -> None:
    text = normalize("公布担保、行政处罚、货物处置等7项知识产权海关保护权力清单。")
    assert find_targets(text) == []


def test_counts_in_ten_thousands_keep_their_unit() -> None:
    (target,) = find_targets(normalize("全省科技型中小企业达到2.5万家。"))
    assert (target.value, target.unit) == (2.5, "万家")


@pytest.mark.parametrize(
    "passage",
    [
        "对年销售收入首次达到3000万元的企业给予奖励。",  # a threshold that picks out who is counted
        "对新认定的市级孵化器给予每家最高40万元补助。",  # money granted
        "经认定的,最高资助150万元。",
        "分别给予800万元、400万元奖励。",
    ],
)
def test_thresholds_and_grants_are_not_goals(passage: str) -> None:
    assert find_targets(normalize(passage)) == []


def test_a_budget_the_plan_commits_is_a_goal() -> None:
    (target,) = find_targets(normalize("每年安排专项资金不少于800万元。"))
    assert (target.value, target.unit, target.comparator) == (800, "万元", ">=")
