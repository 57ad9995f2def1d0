"""ingest/regions.py: the administrative-division gazetteer (names as the sample plans write them)."""

from __future__ import annotations

import pytest

from core.records import RegionRecord
from core.regions import COUNTRY, county_short_names, find_region_mentions, gazetteer


def resolve(name: str, within: str | None = None) -> RegionRecord:
    record = gazetteer().resolve(name, within)
    assert record is not None, f"{name} does not resolve"
    return record


def chain(name: str) -> list[str]:
    return [r.name for r in gazetteer().ancestors(resolve(name).id)]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("浙江", "浙江省"),
        ("浙江省", "浙江省"),
        ("广西", "广西壮族自治区"),
        ("陕西", "陕西省"),
        ("内蒙古", "内蒙古自治区"),
        ("宁夏", "宁夏回族自治区"),
        ("西藏", "西藏自治区"),
        ("新疆", "新疆维吾尔自治区"),
        ("天津", "天津市"),
        ("重庆", "重庆市"),
        ("甘肃", "甘肃省"),
    ],
)
def test_province_short_names_resolve_to_full_names(written: str, canonical: str) -> None:
    # 003: 由江西、河南、湖北、廣西、陜西執行 / 由天津、重慶、江蘇和江西執行 / 由貴州、甘肅、青海、寧夏、西藏、新疆…
    record = resolve(written)
    assert record.name == canonical
    assert record.level == "province"


def test_xinjiang_production_and_construction_corps_exists() -> None:
    record = resolve("新疆生产建设兵团")
    assert record.name == "新疆生产建设兵团"
    assert record.level == "province"
    assert record.parent_id == COUNTRY.id


def test_corps_is_not_the_autonomous_region() -> None:
    assert resolve("新疆生产建设兵团").id != resolve("新疆").id


def test_ancestors_of_tonglu_county() -> None:
    assert chain("桐庐县") == ["桐庐县", "杭州市", "浙江省", "中国"]


def test_ancestors_of_county_level_city_jingjiang() -> None:
    assert chain("靖江市") == ["靖江市", "泰州市", "江苏省", "中国"]
    assert resolve("靖江市").level == "county"


def test_province_of_a_county() -> None:
    province = gazetteer().province_of(resolve("桐庐县").id)
    assert province is not None and province.name == "浙江省"


def test_new_area_from_extra_units() -> None:
    # 002: 在定西、隴南及蘭州新區設立商標注冊申請受理窗口
    assert chain("兰州新区") == ["兰州新区", "兰州市", "甘肃省", "中国"]


def test_country_and_its_formal_name() -> None:
    assert resolve("中国") == COUNTRY
    assert resolve("中华人民共和国") == COUNTRY


@pytest.mark.parametrize("word", ["县", "城区", "新区", "市中区", "矿区", "郊区"])
def test_ambiguous_unit_words_do_not_resolve(word: str) -> None:
    assert gazetteer().resolve(word) is None


def test_short_county_names_are_not_region_names() -> None:
    # 桐庐局 / 义乌局 are read through county_short_names, never as bare region names.
    assert gazetteer().resolve("桐庐") is None
    assert county_short_names()["桐庐"] == [resolve("桐庐县").id]


def test_shared_name_prefers_the_region_inside_within() -> None:
    jilin = resolve("吉林省")
    record = resolve("朝阳区", within=jilin.id)
    assert [r.name for r in gazetteer().ancestors(record.id)][1:] == ["长春市", "吉林省", "中国"]


def test_higher_level_wins_a_tie() -> None:
    assert resolve("吉林").name == "吉林省"


def test_longest_suffix_match_reads_the_region_before_a_body() -> None:
    # 000: 省局、杭州市局、桐庐局负责 → the region written before 局
    found = gazetteer().longest_suffix_match("省局、杭州市")
    assert found is not None
    size, record = found
    assert (size, record.name) == (3, "杭州市")


def test_longest_prefix_match_reads_the_issuer_region() -> None:
    found = gazetteer().longest_prefix_match("靖江市人民政府办公室")
    assert found is not None and found[1].name == "靖江市"


def test_thirty_four_provinces_plus_the_corps() -> None:
    provinces = [r for r in gazetteer().by_id.values() if r.level == "province"]
    assert len(provinces) == 35


# --- regions named in the text ------------------------------------------------------------------


def _named(text: str, within: str | None = None) -> list[str]:
    return [m.region.name for m in find_region_mentions(text, within)]


def test_regions_named_in_a_cited_title_and_in_other_bodies_names() -> None:
    text = "根据《山东省人民政府关于加强知识产权保护的意见》,会同杭州市知识产权局、新疆生产建设兵团开展。"
    assert _named(text) == ["山东省", "杭州市", "新疆生产建设兵团"]


def test_a_unit_written_with_its_parent_is_one_region() -> None:
    assert _named("江苏省苏州市吴江区知识产权局") == ["吴江区"]
    assert _named("北京市朝阳区、吉林省长春市朝阳区") == ["朝阳区", "朝阳区"]
    ids = [m.region.id for m in find_region_mentions("长春市朝阳区")]
    assert ids == [gazetteer().resolve("朝阳区", gazetteer().resolve("长春市").id).id]


def test_words_that_end_like_a_county_are_not_regions() -> None:
    assert _named("各市和县人民政府要振兴县域经济,推进现代县城建设。") == []
    assert _named("河北省雄县") == ["雄县"]  # a two-character name only right after its parent


def test_the_country_is_not_a_region_mention() -> None:
    assert _named("中华人民共和国专利法在全国实施") == []


def test_an_area_named_after_its_region_assigns_the_measure_to_the_region() -> None:
    import hashlib

    from core.records import SourceText
    from ingest.extract import extract

    page = "一、推进改革\n(一)开展粮食进口便利化试点。(负责部门:海关总署,适用范围:浙江自贸试验区、福建自贸试验区)\n"
    result = extract(SourceText("t.txt", page, hashlib.sha256(page.encode()).hexdigest(), "utf-8", "txt"))
    names = {r.id: r.name for r in result.regions}
    assigned = {names[r.dst_id] for r in result.relations if r.type == "ASSIGNED_TO"}
    assert assigned == {"浙江省", "福建省"}
    assert not [r for r in result.relations if r.type == "MENTIONS" and names[r.dst_id] in assigned]
