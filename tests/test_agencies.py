"""ingest/agencies.py: agency mentions resolved in the document's context, internal departments.

Sentences are copied from data/samples/*.txt and normalised first, as the pipeline does.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from core.agencies import (
    AgencyRegistry,
    Context,
    Mention,
    find_internal_departments,
    find_mentions,
    local_kind,
    unknown_agency,
)
from tests.samples import gansu, jingjiang, national, quote, zhejiang


def mentions(text: str, context: Context, registry: AgencyRegistry | None = None) -> list[Mention]:
    return find_mentions(text, context, registry if registry is not None else AgencyRegistry())


def resolved(text: str, context: Context) -> list[tuple[str, str]]:
    """(mention as written, canonical name) in text order."""
    return [(text[m.start : m.end], m.agency.name) for m in mentions(text, context)]


def test_provincial_bureau_in_a_zhejiang_ip_plan() -> None:
    text = quote("000", "省局负责,地方局配合")
    (first, _) = mentions(text, zhejiang())
    assert first.agency.name == "浙江省知识产权局"
    assert first.agency.level == "provincial"
    assert first.agency.region == "浙江省"


def test_city_and_county_bureaus_in_a_zhejiang_ip_plan() -> None:
    text = quote("000", "省局、杭州市局、桐庐局负责")
    assert resolved(text, zhejiang()) == [
        ("省局", "浙江省知识产权局"),
        ("杭州市局", "杭州市知识产权局"),
        ("桐庐局", "桐庐县知识产权局"),
    ]


def test_county_bureau_mention_levels() -> None:
    text = quote("000", "省局、杭州市局、桐庐局负责")
    levels = [m.agency.level for m in mentions(text, zhejiang())]
    assert levels == ["provincial", "city", "county"]


def test_county_level_city_bureau_by_short_name() -> None:
    assert resolved(quote("000", "省局、义乌局负责"), zhejiang()) == [
        ("省局", "浙江省知识产权局"),
        ("义乌局", "义乌市知识产权局"),
    ]


def test_provincial_service_centre() -> None:
    text = quote("000", "省局、省知识产权研究与服务中心负责")
    assert resolved(text, zhejiang())[1] == ("省知识产权研究与服务中心", "浙江省知识产权研究与服务中心")


def test_bureau_followed_by_ju_lingdao_is_one_mention() -> None:
    text = quote("000", "上半年,由省知识产权局局领导带队")
    assert resolved(text, zhejiang()) == [("省知识产权局", "浙江省知识产权局")]


def test_bureau_meeting_is_not_a_bureau() -> None:
    assert mentions(quote("000", "并报局务会、厅务会审议"), zhejiang()) == []


@pytest.mark.parametrize(
    ("passage", "written", "canonical"),
    [
        ("(省市場監管局負責)", "省市场监管局", "甘肃省市场监督管理局"),
        ("(省委宣傳部負責)", "省委宣传部", "中共甘肃省委宣传部"),
        ("(省法院負責)", "省法院", "甘肃省高级人民法院"),
        ("(省稅務局、省財政廳負責)", "省税务局", "国家税务总局甘肃省税务局"),
        ("(省國資委、省財政廳、省科技廳、省市場監管局負責)", "省国资委", "甘肃省人民政府国有资产监督管理委员会"),
        ("(省委軍民融合辦、省市場監管局負責)", "省委军民融合办", "中共甘肃省委军民融合发展委员会办公室"),
        ("(省林草局、省農業農村廳負責)", "省林草局", "甘肃省林业和草原局"),
        ("(省文旅廳負責)", "省文旅厅", "甘肃省文化和旅游厅"),
        ("(蘭州海關負責)", "兰州海关", "兰州海关"),
    ],
)
def test_first_body_of_a_gansu_role_clause(passage: str, written: str, canonical: str) -> None:
    text = quote("002", passage)
    assert resolved(text, gansu())[0] == (written, canonical)


def test_gansu_courts_and_procuratorate() -> None:
    text = quote("002", "(省法院、省檢察院、省公安廳負責)")
    assert resolved(text, gansu()) == [
        ("省法院", "甘肃省高级人民法院"),
        ("省检察院", "甘肃省人民检察院"),
        ("省公安厅", "甘肃省公安厅"),
    ]


def test_national_offices_by_abbreviation() -> None:
    text = quote("002", "5.貫徹落實中辦、國辦《關于強化知識產權保護的意見》")
    assert resolved(text, gansu()) == [("中办", "中共中央办公厅"), ("国办", "国务院办公厅")]
    assert all(m.agency.level == "national" for m in mentions(text, gansu()))


def test_guojiaju_is_the_national_ip_office() -> None:
    text = quote("003", "利用國家局公益講座平臺")
    assert resolved(text, national()) == [("国家局", "国家知识产权局")]


def test_guojiaju_in_a_provincial_plan_is_still_national() -> None:
    # 国家局规划司: a department named right after its bureau is that bureau's department
    text = quote("000", "省知识产权局配合国家局规划司开展知识产权服务品牌培育有关工作")
    assert resolved(text, zhejiang()) == [
        ("省知识产权局", "浙江省知识产权局"),
        ("国家局规划司", "国家知识产权局规划司"),
    ]


def test_woju_of_an_office_is_its_parent_bureau() -> None:
    text = quote("003", "4.工作支持:我局提供資金支持和業務指導。")
    assert resolved(text, national()) == [("我局", "国家知识产权局")]


def test_national_ministries() -> None:
    text = quote("002", "48.貫徹落實教育部、國家知識產權局、科技部《關于提")
    assert [name for _, name in resolved(text, gansu())] == ["教育部", "国家知识产权局", "科学技术部"]


def test_generic_member_units_stay_generic() -> None:
    text = quote("002", "(各成員單位按照職責分工負責)")
    (mention,) = mentions(text, gansu())
    assert mention.agency.name == "各成员单位"
    assert mention.agency.generic is True
    assert mention.agency.region == "甘肃省"


def test_generic_holders_keep_their_name_with_ascii_brackets() -> None:
    text = quote("000", "省局及辖区内各县(市、区)知识产权局负责")
    (_, generic) = mentions(text, zhejiang())
    assert generic.agency.name == "辖区内各县(市、区)知识产权局"
    assert generic.agency.generic is True


def test_generic_provincial_bureaus_in_a_national_plan() -> None:
    text = quote("003", "(一)各省(區、市)知識産權局要高度重視")
    (mention,) = mentions(text, national())
    assert (mention.agency.name, mention.agency.generic) == ("各省(区、市)知识产权局", True)


def test_city_level_word_in_a_county_level_city() -> None:
    text = quote("001", "市科学技术和知识产权局对照本方案开展自查")
    assert resolved(text, jingjiang()) == [("市科学技术和知识产权局", "靖江市科学技术和知识产权局")]


def test_registry_gives_one_record_per_agency() -> None:
    registry = AgencyRegistry()
    text = quote("000", "省局负责,地方局配合") + "。" + quote("000", "省局负责")
    found = mentions(text, zhejiang(), registry)
    assert found[0].agency is found[2].agency
    assert registry.by_id["agency:浙江省知识产权局"].aliases == ["省局"]


def test_mentions_do_not_overlap() -> None:
    text = quote("002", "(省市場監管局、省發展改革委、省政府研究室牽頭,各成員單位按照職責分工負責)")
    found = mentions(text, gansu())
    assert [m.agency.name for m in found] == [
        "甘肃省市场监督管理局",
        "甘肃省发展和改革委员会",
        "甘肃省人民政府研究室",
        "各成员单位",
    ]
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_internal_departments_of_the_national_bureau() -> None:
    text = quote("004", "局内:条法司局内:规划司省份:服务业集聚区涉及省份必做")
    registry = AgencyRegistry()
    found = find_internal_departments(text, 0, len(text), Context(), registry)
    assert [m.agency.name for m in found] == ["国家知识产权局条法司", "国家知识产权局规划司"]
    assert [text[m.start : m.end] for m in found] == ["条法司", "规划司"]
    assert all(m.agency.parent_id == "agency:国家知识产权局" for m in found)
    assert "agency:国家知识产权局" in registry.by_id


def test_internal_department_list_stops_at_the_province_cell() -> None:
    text = quote("004", "局内:协调司、管理司省份:强省试点省、一类省份必做")
    found = find_internal_departments(text, 0, len(text), Context(), AgencyRegistry())
    assert [m.agency.name for m in found] == ["国家知识产权局协调司", "国家知识产权局管理司"]


def test_internal_bureau_office() -> None:
    text = quote("004", "局内:局办公室、协调司、管理司、规划司省份:")
    found = find_internal_departments(text, 0, len(text), Context(), AgencyRegistry())
    assert found[0].agency.name == "国家知识产权局办公室"


def test_unknown_body_keeps_its_name_with_the_region_for_its_level_word() -> None:
    record = unknown_agency("市创建国家知识产权强县工程试点县工作领导小组", jingjiang(), AgencyRegistry())
    assert record is not None
    assert record.name == "靖江市创建国家知识产权强县工程试点县工作领导小组"


def test_words_that_are_no_body_are_not_an_unknown_agency() -> None:
    assert unknown_agency("52.指导", gansu(), AgencyRegistry()) is None


def test_local_kind_of_a_canonical_name() -> None:
    assert local_kind("浙江省知识产权局") == "知识产权局"
    assert local_kind("甘肃省市场监督管理局") == "市场监督管理局"


def test_region_at_level_words_of_a_county_level_city() -> None:
    context = jingjiang()
    city = context.region_at("市")
    province = context.region_at("省")
    assert city is not None and city.name == "靖江市"
    assert province is not None and province.name == "江苏省"


# --- bodies as named in the document's year ------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "year", "name"),
    [
        ("质检总局", 2016, "国家质量监督检验检疫总局"),
        ("工商总局", 2015, "国家工商行政管理总局"),
        ("文化部", 2015, "文化部"),
        ("文化部", 2019, "文化和旅游部"),
        ("银监会", 2016, "中国银行业监督管理委员会"),
        ("市场监管总局", 2020, "国家市场监督管理总局"),
        ("国家知识产权局", 2010, "国家知识产权局"),
    ],
)
def test_a_national_short_form_names_the_body_of_the_documents_year(written: str, year: int, name: str) -> None:
    context = Context(region=national().region, year=year)
    assert resolved(f"由{written}负责", context) == [(written, name)]


def test_a_bare_local_kind_in_a_national_list_of_bodies_is_the_national_body() -> None:
    text = "(市场监管总局、农业农村部、知识产权局负责)"
    context = Context(region=national().region, year=2021)
    assert [name for _, name in resolved(text, context)] == ["国家市场监督管理总局", "农业农村部", "国家知识产权局"]
    assert resolved("(知识产权局负责)", zhejiang()) == []  # in a provincial plan it names no body by itself


def test_a_local_body_of_a_national_kind_is_not_the_national_body() -> None:
    assert all(name != "国家旅游局" for _, name in resolved("婺源县旅游局配合", jingjiang()))
