"""ingest/metadata.py: title, number, issuer, dates, level and region from each sample's header.

Each sample is normalised and read with body_start = the first outline item's start, as the pipeline does.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from ingest.metadata import Metadata, read_metadata, region_of_name
from ingest.normalize import normalize
from ingest.outline import parse_outline
from tests.samples import sample

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


@cache
def meta(prefix: str) -> Metadata:
    text = normalize(sample(prefix))
    items = parse_outline(text)
    return read_metadata(text, items[0].start if items else 0)


def region_name(prefix: str) -> str | None:
    region = meta(prefix).region
    return region.name if region else None


# 000: web headline, a notice signed by the provincial IP office, no document number.


def test_000_title_is_the_plan_heading_not_the_web_headline() -> None:
    assert meta("000").title == "浙江省2014年专利事业发展战略推进工作组织实施方案"


def test_000_issuer() -> None:
    assert meta("000").issuer_text == "浙江省知识产权局"


def test_000_issued_is_the_signature_date_not_the_publication_date() -> None:
    assert meta("000").issued == "2014-04-21"
    assert meta("000").published == "2014-04-25"


def test_000_has_no_doc_number_of_its_own() -> None:
    # the header cites 国知发管字〔2014〕2号, which is not this document's number
    assert meta("000").doc_number is None


def test_000_level_region_and_year() -> None:
    assert (meta("000").level, region_name("000"), meta("000").year) == ("provincial", "浙江省", 2014)


def test_000_alt_titles_do_not_include_the_cited_national_plan() -> None:
    assert "2014年全国专利事业发展战略推进计划" not in meta("000").alt_titles


# 001: a county-level city's notice with 文号 in the page header.


def test_001_doc_number() -> None:
    assert meta("001").doc_number == "靖政办发〔2017〕130号"


def test_001_issuer() -> None:
    assert meta("001").issuer_text == "靖江市人民政府办公室"


def test_001_issued_and_published() -> None:
    assert meta("001").issued == "2017-04-26"
    assert meta("001").published == "2018-09-21"


def test_001_is_county_level_in_jingjiang() -> None:
    assert (meta("001").level, region_name("001")) == ("county", "靖江市")


def test_001_title_is_the_notice_title() -> None:
    assert meta("001").title == "市政府办公室关于印发靖江市创建国家知识产权强县工程试点县工作方案的通知"
    assert "靖江市创建国家知识产权强县工程试点县工作方案" in meta("001").alt_titles


def test_001_year_comes_from_the_issue_date() -> None:
    assert meta("001").year == 2017


# 002: Traditional text, a number with its opening bracket lost, a signature stamped on behalf.


def test_002_doc_number_with_lost_bracket() -> None:
    assert meta("002").doc_number == "知战办发〔2020〕3号"


def test_002_issued_date_without_ri() -> None:
    assert meta("002").issued == "2020-06-04"


def test_002_issuer_is_the_signer_not_the_stamping_agency() -> None:
    assert meta("002").issuer_text == "甘肃省知识产权战略实施暨强省建设工作领导小组办公室"


def test_002_title_is_the_simplified_notice_title() -> None:
    assert meta("002").title == (
        "甘肃省知识产权战略实施暨强省建设工作领导小组办公室关于印发"
        "2020年甘肃省深入实施知识产权战略加快建设知识产权强省推进计划的通知"
    )


def test_002_level_region_year_and_publication() -> None:
    assert (meta("002").level, region_name("002"), meta("002").year) == ("provincial", "甘肃省", 2020)
    assert meta("002").published == "2020-06-16"


def test_002_alt_titles_hold_the_plan_title() -> None:
    assert "2020年甘肃省深入实施知识产权战略加快建设知识产权强省推进计划" in meta("002").alt_titles


def test_002_alt_titles_hold_no_half_heading() -> None:
    assert "加快建设知识产权强省推进计划" not in meta("002").alt_titles


# 003: a national notice in Traditional characters.


def test_003_doc_number() -> None:
    assert meta("003").doc_number == "国知办函办字〔2018〕384号"


def test_003_is_national() -> None:
    assert (meta("003").level, region_name("003")) == ("national", "中国")


def test_003_issuer_and_dates() -> None:
    assert meta("003").issuer_text == "国家知识产权局办公室"
    assert meta("003").issued == "2018-06-15"
    assert meta("003").published == "2018-06-19"


def test_003_title_and_year() -> None:
    assert meta("003").title == "关于印发2018年度全国专利信息传播利用工作计划的通知"
    assert meta("003").year == 2018


# 004: a bare task table — nothing in the header, national by its content.


def test_004_has_no_title_number_issuer_or_dates() -> None:
    m = meta("004")
    assert (m.title, m.doc_number, m.issuer_text, m.issued, m.published, m.year) == (None,) * 6


def test_004_is_national_from_its_content() -> None:
    assert (meta("004").level, region_name("004")) == ("national", "中国")


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("靖江市人民政府办公室", "靖江市"),
        ("浙江省知识产权局", "浙江省"),
        ("国家知识产权局办公室", "中国"),
        ("中共甘肃省委宣传部", "甘肃省"),
        ("2020年甘肃省深入实施知识产权战略加快建设知识产权强省推进计划", "甘肃省"),
    ],
)
def test_region_of_name(name: str, region: str) -> None:
    record = region_of_name(name)
    assert record is not None and record.name == region


def test_region_of_the_central_party_office_is_the_country() -> None:
    record = region_of_name("中共中央办公厅")
    assert record is not None and record.name == "中国"
