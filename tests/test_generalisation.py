"""Rules generalised from the held-out development set (tests/fixtures/heldout: documents of the genre
from other provinces, years and layouts), each tested on the sentence that motivated it."""

from __future__ import annotations

from pathlib import Path

from core.agencies import AgencyRegistry, Context, find_mentions
from core.regions import gazetteer
from ingest.metadata import read_metadata
from ingest.normalize import normalize
from ingest.outline import parse_outline
from ingest.roles import find_cell_assignments
from ingest.targets import find_targets
from ingest.timeframes import find_deadlines
from tests.samples import roles as shared_roles

HELDOUT = Path(__file__).resolve().parent / "fixtures" / "heldout"


def heldout(stem: str) -> str:
    return normalize((HELDOUT / f"{stem}.txt").read_text(encoding="utf-8"))


def context(region: str, issuer: str | None = None, kind: str | None = None) -> Context:
    record = gazetteer().resolve(region)
    assert record is not None
    return Context(region=record, issuer=issuer, issuer_kind=kind)


def roles(text: str, ctx: Context, first_leads: bool = False) -> list[tuple[str, str]]:
    return shared_roles(text, ctx, first_leads, fields=True)


def test_a_share_bar_under_the_headline_does_not_end_the_body() -> None:
    items = parse_outline(heldout("h01_guangdong_2021"))
    assert len(items) > 10


def test_bare_row_numbers_of_a_task_table_are_items() -> None:
    paths = [i.path for i in parse_outline(heldout("h02_jiangsu_2016"))]
    assert paths[:5] == ["一", "一/1", "一/2", "一/3", "二"]


def test_department_cells_follow_the_first_listed_leads_rule() -> None:
    text = normalize("省知识产权局、省发展改革委、省统计局")
    ctx = context("江苏省")
    registry = AgencyRegistry()
    mentions = find_mentions(text, ctx, registry)
    found = find_cell_assignments(text, [[(0, len(text))]], ["责任单位"], mentions, ctx, registry, first_leads=True)
    assert [(a.agency.name, a.role) for a in found] == [
        ("江苏省知识产权局", "lead"),
        ("江苏省发展和改革委员会", "support"),
        ("江苏省统计局", "support"),
    ]


def test_lead_and_support_columns_give_their_roles() -> None:
    text = normalize("市知识产权局\n市经信局、市科技局")
    ctx = context("宁波市")
    registry = AgencyRegistry()
    mentions = find_mentions(text, ctx, registry)
    cells = [[(0, 6), (7, len(text))]]
    found = find_cell_assignments(
        text, cells, ["序号", "工作任务", "牵头单位", "配合单位"], mentions, ctx, registry, True
    )
    assert [(a.agency.name, a.role) for a in found] == [
        ("宁波市知识产权局", "lead"),
        ("宁波市经济和信息化局", "support"),
        ("宁波市科学技术局", "support"),
    ]


def test_rule_phrasing_top_position() -> None:
    from core.roles import FIRST_LEADS_RULE

    assert FIRST_LEADS_RULE.search("上述任务涉及多个责任单位的,排在首位的为牵头单位,其他为配合单位。")


def test_responsibility_field_with_several_bodies() -> None:
    text = normalize("（责任单位：省知识产权局、省财政厅）")
    assert roles(text, context("广东省"), first_leads=True) == [
        ("广东省知识产权局", "lead"),
        ("广东省财政厅", "support"),
    ]


def test_lead_and_support_fields_with_abbreviations() -> None:
    text = normalize("（牵头单位：市市场监管局；配合单位：市发展改革委、市委编办）")
    assert roles(text, context("潍坊市")) == [
        ("潍坊市市场监督管理局", "lead"),
        ("潍坊市发展和改革委员会", "support"),
        ("中共潍坊市委机构编制委员会办公室", "support"),
    ]


def test_bare_departments_of_the_issuing_bureau() -> None:
    text = normalize("（公共服务司牵头，战略规划司、办公室配合）")
    ctx = context("中国", issuer="国家知识产权局办公室")
    assert roles(text, ctx) == [
        ("国家知识产权局公共服务司", "lead"),
        ("国家知识产权局战略规划司", "support"),
        ("国家知识产权局办公室", "support"),
    ]


def test_he_inside_a_name_is_not_a_separator() -> None:
    text = normalize("由省知識產權局牽頭，省經濟和信息化委員會、省科技廳配合。")
    assert roles(text, context("福建省")) == [
        ("福建省知识产权局", "lead"),
        ("福建省经济和信息化委员会", "support"),
        ("福建省科学技术厅", "support"),
    ]


def test_bracketed_second_name_and_bank_regulators() -> None:
    text = normalize("（省知识产权局牵头，省新闻出版广电局（省版权局）、人民银行南京分行、江苏银监局配合）")
    assert roles(text, context("江苏省")) == [
        ("江苏省知识产权局", "lead"),
        ("江苏省新闻出版广电局", "support"),
        ("中国人民银行南京分行", "support"),
        ("中国银行业监督管理委员会江苏监管局", "support"),
    ]


def test_generic_holders_outside_the_table() -> None:
    text = normalize("（县科技局牵头，县农业农村局、各镇（办事处）配合）")
    found = roles(text, context("谷城县"))
    assert ("各镇(办事处)", "support") in found and ("谷城县农业农村局", "support") in found


def test_autonomous_prefectures_resolve_by_short_name() -> None:
    assert gazetteer().resolve("红河州").name == "红河哈尼族彝族自治州"
    assert gazetteer().resolve("恩施").name == "恩施土家族苗族自治州"


def test_quarter_before_and_explicit_year() -> None:
    found = find_deadlines(normalize("三是2019年第三季度前完成知识产权运营基金首期募集"), 2019)
    assert [(d.date_start, d.date_end) for d in found] == [(None, "2019-09-30")]


def test_day_ranges_and_month_cells() -> None:
    found = find_deadlines(normalize("在4月20日—26日集中开展系列宣传活动。\n2016年4月\n"), 2016)
    assert [(d.date_start, d.date_end) for d in found] == [("2016-04-20", "2016-04-26"), ("2016-04-01", "2016-04-30")]


def test_targets_with_more_verbs_and_units() -> None:
    found = find_targets(normalize("新建專利技術產業化示範基地2個，培训1000人次，申报地理标志证明商标1件"))
    assert [(t.value, t.unit) for t in found] == [(2, "个"), (1000, "人次"), (1, "件")]


def test_signature_date_in_chinese_numerals() -> None:
    text = heldout("h06_fujian_2013")
    items = parse_outline(text)
    meta = read_metadata(text, items[0].start)
    assert meta.issued == "2013-05-06"
    assert meta.issuer_text == "福建省知识产权局"


def test_bare_lead_and_participant_labels() -> None:
    text = normalize("（牵头：省知识产权局；参与：省发展改革委、省科技厅）")
    assert roles(text, context("山西省")) == [
        ("山西省知识产权局", "lead"),
        ("山西省发展和改革委员会", "support"),
        ("山西省科学技术厅", "support"),
    ]


def test_ten_day_periods() -> None:
    found = find_deadlines(normalize("4月下旬集中开展宣传活动"), 2013)
    assert [(d.date_start, d.date_end) for d in found] == [("2013-04-21", "2013-04-30")]
