"""ingest/normalize.py: offset-preserving normalisation, script detection, Traditional → Simplified.

Every sentence here is copied from data/samples/*.txt (002 and 003 are written in Traditional characters).
"""

from __future__ import annotations

import pytest

from ingest.normalize import detect_script, mask_noise, normalize, to_simplified
from tests.samples import sample
from tests.samples import verbatim as quote  # these tests normalise it themselves

# 000, (二十)/20: Word attributes scraped into the page right before two dates.
NOISY_000 = quote(
    "000",
    '由省知识产权局、各市知识产权局组织推荐,nth="3" year="2014" w:st="on">3月10日前完成。'
    'nth="3" year="2014" w:st="on">3月20日前完成专家评议、局长办公会审议',
)
NOISE = 'nth="3" year="2014" w:st="on">'


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_normalize_keeps_the_length_of_every_sample(prefix: str) -> None:
    text = sample(prefix)
    assert len(normalize(text)) == len(text)


def test_traditional_sentence_from_002_becomes_simplified_of_equal_length() -> None:
    source = quote(
        "002",
        "11開展專利商標代理行業專項整治,建立知識產權代理機構非正常申請約談機制,加強服務行業自律。(省市場監管局負責)",
    )
    result = normalize(source)
    assert result == (
        "11开展专利商标代理行业专项整治,建立知识产权代理机构非正常申请约谈机制,加强服务行业自律。(省市场监管局负责)"
    )
    assert len(result) == len(source)


def test_scraped_attribute_noise_is_blanked_with_spaces_of_the_same_length() -> None:
    result = normalize(NOISY_000)
    noise_at = NOISY_000.index(NOISE)
    assert result[noise_at : noise_at + len(NOISE)] == " " * len(NOISE)
    assert "nth=" not in result and "w:st" not in result


def test_date_after_scraped_noise_keeps_its_offset() -> None:
    result = normalize(NOISY_000)
    assert result.index("3月10日前") == NOISY_000.index("3月10日前")
    assert result.index("3月20日前") == NOISY_000.index("3月20日前")


def test_noise_inside_quotes_is_blanked_and_the_quoted_date_kept() -> None:
    source = quote(
        "000",
        '结合“value="4.26" hasspace="False" negative="False" numbertype="1" tcsc="0">4.26”宣传活动',
    )
    result = normalize(source)
    assert "value=" not in result and "tcsc" not in result
    assert result.index("4.26”宣传活动") == source.index("4.26”宣传活动")
    assert result.startswith("结合“ ")


def test_whole_sample_000_keeps_offsets_of_text_after_noise() -> None:
    text = sample("000")
    result = normalize(text)
    assert "w:st=" not in result
    assert result.index("3月10日前完成") == text.index("3月10日前完成")
    assert result.index("省局负责,地方局及代理机构配合") == text.index("省局负责,地方局及代理机构配合")


def test_mask_noise_leaves_clean_text_alone() -> None:
    clean = quote("000", "第三、四季度,争取正式出台。")
    assert mask_noise(clean) == clean


def test_full_width_punctuation_and_digits_become_ascii_one_for_one() -> None:
    # 002's role clause as other copies of the plan print it, with full-width brackets and digits.
    source = "１１．（省市場監管局牽頭，各成員單位按照職責分工負責）"
    result = normalize(source)
    assert result == "11.(省市场监管局牵头,各成员单位按照职责分工负责)"
    assert len(result) == len(source)


@pytest.mark.parametrize(
    ("prefix", "script"),
    [("000", "hans"), ("001", "hans"), ("002", "hant"), ("003", "hant"), ("004", "hans")],
)
def test_detect_script_of_each_sample(prefix: str, script: str) -> None:
    assert detect_script(sample(prefix)) == script


def test_detect_script_of_a_traditional_sentence() -> None:
    assert detect_script(quote("002", "5.貫徹落實中辦、國辦《關于強化知識產權保護的意見》")) == "hant"


def test_detect_script_of_a_simplified_sentence() -> None:
    assert detect_script(quote("000", "省局负责,地方局配合")) == "hans"


def test_to_simplified_maps_the_variant_shaan() -> None:
    source = quote("003", "由江西、河南、湖北、廣西、陜西執行")
    assert to_simplified(source) == "由江西、河南、湖北、广西、陕西执行"


def test_to_simplified_maps_the_variant_chan() -> None:
    source = quote("003", "新疆生産建設兵團")
    assert to_simplified(source) == "新疆生产建设兵团"


def test_to_simplified_converts_a_traditional_title() -> None:
    source = quote("003", "關於印發2018年度全國專利信息傳播利用工作計劃的通知")
    assert to_simplified(source) == "关于印发2018年度全国专利信息传播利用工作计划的通知"


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_to_simplified_keeps_the_length_of_traditional_samples(prefix: str) -> None:
    text = sample(prefix)
    assert len(to_simplified(text)) == len(text)


def test_to_simplified_leaves_simplified_text_unchanged() -> None:
    source = quote("001", "至2018年底,万人发明专利拥有量达13件")
    assert to_simplified(source) == source
