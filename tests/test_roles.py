"""ingest/roles.py: role clauses (牵头 / 负责 / 配合) → (agency, role) assignments.

Sentences are copied from data/samples/*.txt and normalised first; mentions come from find_mentions
on the same text, as in the pipeline.
"""

from __future__ import annotations

from core.agencies import AgencyRegistry, Context, find_mentions
from core.roles import FIRST_LEADS_RULE
from ingest.normalize import normalize
from ingest.roles import Assignment, find_assignments, find_field_assignments
from tests.samples import gansu, jingjiang, national, quote, roles, sample, zhejiang


def assign(text: str, context: Context, first_leads: bool = False) -> list[Assignment]:
    registry = AgencyRegistry()
    mentions = find_mentions(text, context, registry)
    return find_assignments(text, 0, len(text), mentions, context, registry, first_leads)


def field_roles(text: str, context: Context) -> list[tuple[str, str, bool]]:
    registry = AgencyRegistry()
    mentions = find_mentions(text, context, registry)
    found = find_field_assignments(text, 0, len(text), mentions, context, registry)
    return [(a.agency.name, a.role, a.agency.generic) for a in found]


def test_first_leads_rule_is_found_in_002() -> None:
    assert FIRST_LEADS_RULE.search(normalize(sample("002")))
    assert not FIRST_LEADS_RULE.search(normalize(sample("000")))


def test_lead_then_generic_responsible() -> None:
    text = quote("002", "(省市場監管局牽頭,各成員單位按照職責分工負責)")
    assert roles(text, gansu(), first_leads=True) == [("甘肃省市场监督管理局", "lead"), ("各成员单位", "responsible")]


def test_generic_member_units_are_kept_as_generic() -> None:
    text = quote("002", "(省市場監管局牽頭,各成員單位按照職責分工負責)")
    generic = [a.agency for a in assign(text, gansu(), first_leads=True) if a.role == "responsible"]
    assert [(a.name, a.generic) for a in generic] == [("各成员单位", True)]


def test_first_leads_rule_on_makes_first_lead_and_others_support() -> None:
    text = quote("002", "(省稅務局、省財政廳負責)")
    assert roles(text, gansu(), first_leads=True) == [
        ("国家税务总局甘肃省税务局", "lead"),
        ("甘肃省财政厅", "support"),
    ]


def test_first_leads_rule_off_makes_both_responsible() -> None:
    text = quote("002", "(省稅務局、省財政廳負責)")
    assert roles(text, gansu(), first_leads=False) == [
        ("国家税务总局甘肃省税务局", "responsible"),
        ("甘肃省财政厅", "responsible"),
    ]


def test_first_leads_rule_with_three_agencies() -> None:
    text = quote("002", "(省法院、省檢察院、省公安廳負責)")
    assert roles(text, gansu(), first_leads=True) == [
        ("甘肃省高级人民法院", "lead"),
        ("甘肃省人民检察院", "support"),
        ("甘肃省公安厅", "support"),
    ]


def test_first_leads_rule_leaves_a_single_agency_responsible() -> None:
    text = quote("002", "(省委宣傳部負責)")
    assert roles(text, gansu(), first_leads=True) == [("中共甘肃省委宣传部", "responsible")]


def test_explicit_lead_wins_over_the_rule() -> None:
    text = quote("002", "(省市場監管局、省發展改革委、省政府研究室牽頭,各成員單位按照職責分工負責)")
    assert roles(text, gansu(), first_leads=True) == [
        ("甘肃省市场监督管理局", "lead"),
        ("甘肃省发展和改革委员会", "lead"),
        ("甘肃省人民政府研究室", "lead"),
        ("各成员单位", "responsible"),
    ]


def test_clause_without_opening_bracket_takes_only_the_bodies() -> None:
    text = quote("002", "切實提高高校的創新質量和效益省市場監管局、省教育廳負責)")
    assert roles(text, gansu(), first_leads=True) == [("甘肃省市场监督管理局", "lead"), ("甘肃省教育厅", "support")]


def test_responsible_then_support() -> None:
    text = quote("000", "省局负责,地方局配合")
    assert roles(text, zhejiang()) == [("浙江省知识产权局", "responsible"), ("地方局", "support")]


def test_support_clause_does_not_reach_back_to_the_responsible_body() -> None:
    text = quote("000", "省局负责,地方局及代理机构配合")
    assert roles(text, zhejiang()) == [
        ("浙江省知识产权局", "responsible"),
        ("地方局", "support"),
        ("代理机构", "support"),
    ]


def test_bureau_and_generic_county_bureaus_responsible() -> None:
    text = quote("000", "省局及辖区内各县(市、区)知识产权局负责")
    assert roles(text, zhejiang()) == [
        ("浙江省知识产权局", "responsible"),
        ("辖区内各县(市、区)知识产权局", "responsible"),
    ]


def test_three_local_bureaus_responsible_without_the_rule() -> None:
    text = quote("000", "省局、杭州市局、桐庐局负责")
    assert roles(text, zhejiang()) == [
        ("浙江省知识产权局", "responsible"),
        ("杭州市知识产权局", "responsible"),
        ("桐庐县知识产权局", "responsible"),
    ]


def test_unknown_body_is_kept_by_name() -> None:
    text = quote("000", "省局、中国知识产权培训(浙江)基地负责,地方局配合")
    assert roles(text, zhejiang()) == [
        ("浙江省知识产权局", "responsible"),
        ("中国知识产权培训(浙江)基地", "responsible"),
        ("地方局", "support"),
    ]


def test_unknown_body_is_not_generic() -> None:
    text = quote("000", "省局、中国知识产权培训(浙江)基地负责,地方局配合")
    base = next(a.agency for a in assign(text, zhejiang()) if a.agency.name == "中国知识产权培训(浙江)基地")
    assert base.generic is False


def test_prose_support_in_a_sentence() -> None:
    text = quote(
        "000", "1.根据《全国知识产权服务品牌机构培育管理办法(试行)》要求,省知识产权局配合国家局规划司开展知识产权"
    )
    assert roles(text, zhejiang()) == [("浙江省知识产权局", "support")]


def test_leading_group_in_prose_is_responsible() -> None:
    text = quote("001", "市创建国家知识产权强县工程试点县工作领导小组负责组织、协调、统筹全市知识产权试点县创建工作。")
    assert roles(text, jingjiang()) == [("靖江市创建国家知识产权强县工程试点县工作领导小组", "responsible")]


def test_assignment_span_ends_after_the_verb() -> None:
    text = quote("000", "省局负责,地方局配合")
    first, second = assign(text, zhejiang())
    assert text[first.start : first.end] == "省局负责"
    assert text[second.end - 2 : second.end] == "配合"


def test_person_in_charge_is_not_a_role() -> None:
    text = quote("003", "(四)請各省(區、市)知識産權局于2018年6月20日前,將所承擔任務的處級具體負責人、工作聯絡人")
    assert assign(text, national()) == []


def test_guide_and_cooperate_with_enterprises_is_not_a_support_role() -> None:
    text = quote(
        "002",
        "52.指導配合省屬監管企業對具備自主知識產權條件的新\n\n技術、新產品按照有關法律程序及時提出申請、注冊、登記"
        "或采取相應措施,形成獨有的自主知識產權。(省國資委、省財政廳、省科技廳、省市場監管局負責)",
    )
    assert roles(text, gansu(), first_leads=True) == [
        ("甘肃省人民政府国有资产监督管理委员会", "lead"),
        ("甘肃省财政厅", "support"),
        ("甘肃省科学技术厅", "support"),
        ("甘肃省市场监督管理局", "support"),
    ]


def test_associations_taking_the_lead_in_a_sentence_are_not_an_agency() -> None:
    text = quote("002", "鼓勵支持行業協會等組織牽頭注冊地理標志商標。(省市場監管局負責")
    assert roles(text, gansu(), first_leads=True) == [("甘肃省市场监督管理局", "responsible")]


def test_body_with_a_bracketed_designation_keeps_the_body_before_it() -> None:
    text = quote("000", "省局、浙省知识产权研究与服务中心(信息传播利用基地)负责")
    assert roles(text, zhejiang()) == [
        ("浙江省知识产权局", "responsible"),
        ("浙江省知识产权研究与服务中心", "responsible"),
    ]


def test_leading_group_office_is_the_office_of_the_group_named_before() -> None:
    text = quote(
        "001",
        "市创建国家知识产权强县工程试点县工作领导小组负责组织、协调、统筹全市知识产权试点县创建工作。"
        "领导小组办公室负责组织落实相关工作,",
    )
    assert roles(text, jingjiang())[1] == ("靖江市创建国家知识产权强县工程试点县工作领导小组办公室", "responsible")


def test_generic_departments_cooperating_in_prose_support() -> None:
    text = quote("001", "政府相关部门密切配合,形成工作合力")
    assert [(a.agency.name, a.role, a.agency.generic) for a in assign(text, jingjiang())] == [
        ("政府相关部门", "support", True)
    ]


def test_subject_before_a_comma_supports() -> None:
    text = quote("004", "各地要按照要求,积极配合全国知识产权运营公共服务平台上线运营工作")
    assert roles(text, national()) == [("各地", "support")]


def test_executor_field_naming_a_generic_holder_is_responsible() -> None:
    text = quote("003", "3.執行單位:各省(區、市)。")
    assert field_roles(text, national()) == [("各省(区、市)", "responsible", True)]


def test_executor_field_listing_regions_is_not_an_agency_role() -> None:
    text = quote("003", "3.執行單位:由貴州、甘肅、青海、寧夏、西藏、新疆和新疆生産建設兵團執行。")
    assert field_roles(text, national()) == []


def test_executor_field_naming_no_body_gives_nothing() -> None:
    text = quote(
        "003", "3.執行單位:內容(1)至(3)由承擔基礎項目的基地省市執行,內容(1)至(4)由承擔重點項目的基地省市執行。"
    )
    assert field_roles(text, national()) == []


def test_the_first_leads_rule_sentence_assigns_nothing() -> None:
    text = quote("002", "上述各項任務分工中,由多個部門負責的,列第一位的部門為牽頭部門,其他為配合部門。")
    assert FIRST_LEADS_RULE.search(text)
    assert assign(text, gansu(), first_leads=True) == []
