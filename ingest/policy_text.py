"""Is it a policy text? Decided by what the text contains, not by its layout.

A fragment of a task table, a notice that starts with its addressee line, a page wrapped in portal
chrome: each is a policy text with parts missing, and is ingested with what can be found (the per-file
line says what was missing). Refused is only what holds no policy text at all: prose without any
policy vocabulary, junk, lists of links. The signals: an outline, a title or a document number (the
structure), and in the content agencies, document numbers, role clauses and policy vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.records import ExtractionResult
from core.roles import ROLES

# The vocabulary of plans and notices: verbs of policy work, their objects and institutions, and the
# role words (牵头, 负责单位 …).
_WORDS = [
    "贯彻",
    "落实",
    "推进",
    "加强",
    "实施",
    "开展",
    "建立",
    "健全",
    "完善",
    "推动",
    "促进",
    "部署",
    "印发",
    "通知",
    "方案",
    "计划",
    "规划",
    "意见",
    "办法",
    "任务",
    "措施",
    "职责",
    "知识产权",
    "专利",
    "商标",
    "版权",
    "监管",
    "执法",
    "政府",
    "部门",
    "机构",
    "试点",
    "示范",
    "考核",
    "督查",
    "保障",
    "制度",
    "体系",
    "机制",
    "服务",
    "企业",
    "产业",
    "创新",
    "发展",
    "工作要点",
]
_ROLE_WORDS = [word for role in ROLES for word in (*role.verbs, *role.labels)]
POLICY_WORDS = re.compile("|".join(sorted({*_WORDS, *_ROLE_WORDS}, key=len, reverse=True)))
# Names of government bodies, resolved or not (市科技局 in a fragment that never says which city).
BODY_NAMES = re.compile(
    r"[省市县区州][\u4e00-\u9fff]{1,12}?(?:局|厅|委员会|委|办公室|办|部|中心|院|政府)(?![\u4e00-\u9fff]{0,1}长)"
)
_ENOUGH_WORDS = 3  # distinct policy words with a body, number or role clause
_MANY_WORDS = 6  # distinct policy words on their own


@dataclass(frozen=True)
class PolicyDecision:
    accepted: bool
    signals: dict[str, int] = field(default_factory=dict)
    missing: tuple[str, ...] = ()
    law: bool = False

    def note(self) -> str:
        """One line for the per-file report: what made it a policy text and what it lacks (empty when whole)."""
        found = ", ".join(f"{n} {name}" for name, n in self.signals.items() if n)
        if self.law:
            return ""  # a law or regulation: a citation target, whole without an outline
        if not self.accepted:
            return f"not a policy text: no numbered items, title or document number, and only {found or 'nothing'}"
        if "title" not in self.missing and "numbered items" not in self.missing:
            return ""
        return f"policy text ({found}) without {', '.join(self.missing)}"


def decide(result: ExtractionResult, analysis_text: str) -> PolicyDecision:
    doc = result.document
    roles = sum(r.type in {"LEADS", "RESPONSIBLE_FOR", "SUPPORTS"} for r in result.relations)
    numbers = sum(1 for r in result.regulations if r.doc_number) + (1 if doc.doc_number else 0)
    words = len(set(POLICY_WORDS.findall(analysis_text)))
    bodies = max(len(result.agencies), len(set(BODY_NAMES.findall(analysis_text))))
    signals = {
        "numbered items": len(result.measures),
        "agencies": bodies,
        "document numbers": numbers,
        "role clauses": roles,
        "policy words": words,
    }
    missing = tuple(
        name
        for name, value in (
            ("title", doc.title),
            ("document number", doc.doc_number),
            ("issuer", doc.issuer_text),
            ("date", doc.issued),
            ("numbered items", result.measures),
        )
        if not value
    )
    structure = bool(result.measures or doc.title or doc.doc_number)
    content = words >= _MANY_WORDS or (words >= _ENOUGH_WORDS and bool(bodies or numbers or roles))
    law = doc.kind == "law"
    return PolicyDecision(law or structure or content, signals, missing, law)
