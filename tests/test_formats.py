"""Every input format and encoding, made at test time from the samples, read and ingested for real.

- HTML: main text only (scripts, styles, navigation and footers gone), declared or detected
  charset; repeated table cells survive (trafilatura would collapse them, see ingest/read.py).
- Word: paragraphs, tables and Word's automatic numbering (一、 (一) 1.), through python-docx.
- PDF: the text layer through pypdf, on PDFs drawn with reportlab's built-in Adobe CJK font
  (STSong-Light, shipped inside reportlab: no font file needed).
- Encodings: UTF-8 with and without BOM, UTF-16 with and without BOM, GB18030/GBK/GB2312, Big5.
- Identity: the same document from another file, encoding, format (its HTML page) or script (a
  Traditional copy) is one Document with several sources.
"""

from __future__ import annotations

import html
import io
from collections.abc import Iterator
from pathlib import Path

import opencc
import pytest
from docx import Document as WordDocument
from docx.oxml import parse_xml
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from graph.falkor_store import FalkorStore
from ingest.read import read_file
from ingest.run import ingest_paths
from tests.conftest import SAMPLES

S000 = SAMPLES / "000_b4bd4a8f47e595c2.txt"  # no document number: identity by text fingerprint
S001 = SAMPLES / "001_49c6de4f619ab198.txt"  # 靖政办发〔2017〕130号
S003 = SAMPLES / "003_ccc0ffd66df60a9b.txt"  # Traditional, 国知办函办字〔2018〕384号

PAGE_FURNITURE = {
    "script": "var shareTitle = '分享到微信朋友圈';",
    "style": ".TRS_Editor p { margin: 0 }",
    "nav": "首页 政务公开 办事服务 互动交流",
    "footer": "主办单位：某某市人民政府办公室 版权所有 网站标识码3212820001",
}


def html_page(text: str, charset: str | None = "utf-8", container: str = 'div class="TRS_Editor"') -> str:
    """A government-site page around `text`: head with script and style, menu, breadcrumb,
    the article (one <p> per line, as the sites' CMS writes them), share bar and footer."""
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    tag = container.split()[0]
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>某某市人民政府</title>"
        f"<script>{PAGE_FURNITURE['script']}</script><style>{PAGE_FURNITURE['style']}</style></head><body>"
        f"<nav><ul>{''.join(f'<li><a href=/{i}>{w}</a></li>' for i, w in enumerate(PAGE_FURNITURE['nav'].split()))}"
        "</ul></nav>"
        f"<{container}>{paragraphs}</{tag}>"
        f"<footer><p>{PAGE_FURNITURE['footer']}</p></footer>"
        "</body></html>"
    )


def make_docx(lines: list[str], table: list[list[str]] | None = None) -> bytes:
    document = WordDocument()
    for line in lines:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def make_numbered_docx(items: list[tuple[int, str]]) -> bytes:
    """A .docx whose outline numbers come from Word's automatic numbering (numbering.xml):
    level 0 一、, level 1 (一), level 2 1. — the numbers are not in the paragraph text."""
    document = WordDocument()
    numbering = document.part.numbering_part.element
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "(%2)"), ("decimal", "%3.")]
    lvl_xml = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    numbering.append(parse_xml(f'<w:abstractNum {_W_NS} w:abstractNumId="90">{lvl_xml}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {_W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, text in items:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {_W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(lines: list[str], wrap: int = 38, **canvas_options: object) -> bytes:
    """A text PDF (reportlab, Adobe's STSong-Light CID font: no font file needed), long lines
    wrapped as a word processor would, page numbers at the foot of each page."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, **canvas_options)
    wrapped = [line[i : i + wrap] for line in lines for i in range(0, max(len(line), 1), wrap)]
    page = 1
    y = 800
    pdf.setFont("STSong-Light", 11)
    for line in wrapped:
        if y < 60:
            pdf.drawString(280, 30, f"- {page} -")
            pdf.showPage()
            pdf.setFont("STSong-Light", 11)
            page += 1
            y = 800
        pdf.drawString(40, y, line)
        y -= 16
    pdf.drawString(280, 30, f"- {page} -")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def documents(store: FalkorStore) -> list[dict]:
    return store.read("MATCH (d:Document) RETURN d.id AS id, d.sources AS sources, d.doc_number AS number")


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "in"
    path.mkdir()
    yield path


# --- HTML ----------------------------------------------------------------------------------------


def test_html_keeps_the_main_text_and_drops_scripts_styles_navigation_and_footer(folder: Path) -> None:
    text = S000.read_text(encoding="utf-8")
    (folder / "page.html").write_text(html_page(text), encoding="utf-8")
    read = read_file(folder / "page.html")
    for word in ("shareTitle", "TRS_Editor", "margin", "首页", "政务公开", "版权所有", "网站标识码"):
        assert word not in read.text, word
    body = [line.strip() for line in text.splitlines() if line.strip()]
    assert read.text.splitlines()[0].strip() == body[0]
    # every line of the article, repeats included: 省局负责 closes a dozen table rows
    assert read.text.count("省局负责") == text.count("省局负责") == 12
    assert read.fmt == "html"


@pytest.mark.parametrize("container", ['div class="TRS_Editor"', 'div class="article"', "article", "td"])
def test_html_repeated_cells_survive_whatever_the_container(folder: Path, container: str) -> None:
    text = S000.read_text(encoding="utf-8")
    page = html_page(text, container=container)
    if container == "td":
        page = page.replace("<td>", "<table><tr><td>").replace("</td>", "</td></tr></table>")
    (folder / "page.html").write_text(page, encoding="utf-8")
    assert read_file(folder / "page.html").text.count("省局负责") == 12


@pytest.mark.parametrize(
    ("declared", "encoding", "source"),
    [
        ("gb2312", "gb2312", S001),  # declared gb2312, decoded as its superset GB18030
        ("gbk", "gbk", S001),
        (None, "gb18030", S001),  # no declaration: detected
        ("utf-8", "gbk", S001),  # a lying declaration: detected instead
        ("gb2312", "utf-8", S001),  # labelled gb2312, valid UTF-8: GB18030 would decode it as mojibake
        ("big5", "big5", S003),
        (None, "utf-16", S001),  # BOM, no declaration
    ],
)
def test_html_charsets_declared_or_detected(folder: Path, declared: str | None, encoding: str, source: Path) -> None:
    text = _encodable(source.read_text(encoding="utf-8"), encoding)
    page = html_page(text, declared)
    if encoding == "big5":  # a Big5 site writes its menus in Traditional characters too
        page = _encodable(opencc.OpenCC("s2t").convert(page), encoding)
    (folder / "page.html").write_bytes(page.encode(encoding))
    read = read_file(folder / "page.html")
    title_line = next(line for line in text.splitlines() if "关于" in line or "關於" in line).strip()
    assert title_line in read.text
    assert "�" not in read.text


def test_htm_suffix(folder: Path) -> None:
    (folder / "page.htm").write_text(html_page(S001.read_text(encoding="utf-8")), encoding="utf-8")
    assert "靖政办发〔2017〕130号" in read_file(folder / "page.htm").text


def test_html_page_of_a_document_is_the_same_document(fresh_store: FalkorStore, folder: Path) -> None:
    for source in (S000, S001):  # without and with a document number
        (folder / f"{source.stem}.txt").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        (folder / f"{source.stem}.html").write_text(html_page(source.read_text(encoding="utf-8")), encoding="utf-8")
    outcomes = ingest_paths([folder], fresh_store, workers=1)
    assert sorted(o.status for o in outcomes) == ["added", "added", "merged", "merged"], outcomes
    docs = documents(fresh_store)
    assert len(docs) == 2
    assert all(len(d["sources"]) == 2 for d in docs)


def test_html_page_with_an_extra_line_of_a_document_without_number(fresh_store: FalkorStore, folder: Path) -> None:
    text = S000.read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    lines = text.splitlines()
    (folder / "b.html").write_text(html_page("\n".join([lines[0], "浏览次数：57", *lines[1:]])), encoding="utf-8")
    ingest_paths([folder], fresh_store, workers=1)
    assert len(documents(fresh_store)) == 1


# --- Word ----------------------------------------------------------------------------------------


def test_docx_paragraphs_and_tables(folder: Path) -> None:
    table = [["工作任务", "责任单位", "完成时间"], ["1.加强专利保护", "省知识产权局牵头", "2020年底"]]
    (folder / "a.docx").write_bytes(make_docx(["关于印发某某工作方案的通知", "一、总体要求"], table))
    read = read_file(folder / "a.docx")
    assert read.text.splitlines() == [
        "关于印发某某工作方案的通知",
        "一、总体要求",
        "工作任务",
        "责任单位",
        "完成时间",
        "1.加强专利保护",
        "省知识产权局牵头",
        "2020年底",
    ]
    assert read.fmt == "docx"


def test_docx_automatic_numbering_becomes_outline_markers(folder: Path) -> None:
    items = [
        (0, "总体要求"),
        (1, "指导思想"),
        (2, "坚持创新驱动。"),
        (2, "坚持依法保护。"),
        (1, "基本原则"),
        (0, "重点任务"),
        (1, "加强保护"),
    ]
    (folder / "n.docx").write_bytes(make_numbered_docx(items))
    assert read_file(folder / "n.docx").text.splitlines() == [
        "一、总体要求",
        "(一)指导思想",
        "1.坚持创新驱动。",
        "2.坚持依法保护。",
        "(二)基本原则",
        "二、重点任务",
        "(一)加强保护",
    ]


def test_docx_of_a_document_is_the_same_document_with_the_same_measures(fresh_store: FalkorStore, folder: Path) -> None:
    text = S001.read_text(encoding="utf-8")
    (folder / "a.docx").write_bytes(make_docx(text.splitlines()))
    (folder / "b.txt").write_text(text, encoding="utf-8")
    outcomes = ingest_paths([folder], fresh_store, workers=1)
    assert [o.status for o in outcomes] == ["added", "merged"]
    assert outcomes[0].counts["measures"] == 52
    [doc] = documents(fresh_store)
    assert doc["number"] == "靖政办发〔2017〕130号"


# --- PDF -----------------------------------------------------------------------------------------


def test_pdf_text_layer(folder: Path) -> None:
    lines = S001.read_text(encoding="utf-8").splitlines()
    (folder / "a.pdf").write_bytes(make_pdf(lines))
    read = read_file(folder / "a.pdf")
    assert "市政府办公室关于印发靖江市创建国家知识产权强县工程试点县工作方案的通知" in read.text
    assert "- 1 -" not in read.text  # page numbers are page furniture
    assert read.fmt == "pdf"


def test_pdf_of_a_document_is_the_same_document(fresh_store: FalkorStore, folder: Path) -> None:
    text = S001.read_text(encoding="utf-8")
    (folder / "a.pdf").write_bytes(make_pdf(text.splitlines()))
    (folder / "b.txt").write_text(text, encoding="utf-8")
    outcomes = ingest_paths([folder], fresh_store, workers=1)
    assert [o.status for o in outcomes] == ["added", "merged"]
    assert outcomes[0].counts["measures"] > 20  # wrapped lines: the outline still stands
    [doc] = documents(fresh_store)
    assert doc["number"] == "靖政办发〔2017〕130号"


# --- Encodings -----------------------------------------------------------------------------------


def _encodable(text: str, encoding: str) -> str:
    """The sample as a file in `encoding` would hold it: no-break spaces (absent from the GB and
    Big5 tables) as spaces, and the few characters a legacy table lacks in their usual stand-ins."""
    if encoding.startswith("utf"):
        return text
    text = text.replace("\xa0", " ")
    if encoding == "gb2312":
        text = text.replace("—", "-")
    if encoding == "big5":
        text = text.replace("産", "產")
    return text


ENCODINGS = [
    ("utf-8", S001, b""),
    ("utf-8", S001, b"\xef\xbb\xbf"),
    ("utf-16-le", S001, b"\xff\xfe"),
    ("utf-16-be", S001, b"\xfe\xff"),
    ("utf-16-le", S001, b""),  # no BOM: detected
    ("utf-16-be", S001, b""),
    ("gb18030", S001, b""),
    ("gbk", S001, b""),
    ("gb2312", S001, b""),
    ("big5", S003, b""),
    ("utf-8", S003, b""),
    ("gb18030", S003, b""),
]


@pytest.mark.parametrize(
    ("encoding", "source", "bom"), ENCODINGS, ids=[f"{e}{'+bom' if b else ''}-{s.stem[:3]}" for e, s, b in ENCODINGS]
)
def test_encodings_are_detected(folder: Path, encoding: str, source: Path, bom: bytes) -> None:
    text = _encodable(source.read_text(encoding="utf-8"), encoding)
    (folder / "doc.txt").write_bytes(bom + text.encode(encoding))
    assert read_file(folder / "doc.txt").text == text.replace("\r\n", "\n")


def test_every_encoding_of_a_document_is_one_document(fresh_store: FalkorStore, folder: Path) -> None:
    for index, (encoding, source, bom) in enumerate(ENCODINGS):
        text = _encodable(source.read_text(encoding="utf-8"), encoding)
        (folder / f"{index:02}_{encoding}.txt").write_bytes(bom + text.encode(encoding))
    outcomes = ingest_paths([folder], fresh_store, workers=1)
    assert [o.status for o in outcomes].count("added") == 2, [(o.path, o.status, o.reason) for o in outcomes]
    assert {o.status for o in outcomes} == {"added", "merged"}
    assert sorted(len(d["sources"]) for d in documents(fresh_store)) == [3, 9]


# --- Traditional copies --------------------------------------------------------------------------


def test_a_traditional_copy_is_the_same_document(fresh_store: FalkorStore, folder: Path) -> None:
    to_traditional = opencc.OpenCC("s2t")
    for source in (S000, S001):  # without and with a document number
        text = source.read_text(encoding="utf-8")
        (folder / f"{source.stem}_a.txt").write_text(text, encoding="utf-8")
        (folder / f"{source.stem}_b_hant.txt").write_text(to_traditional.convert(text), encoding="utf-8")
    outcomes = ingest_paths([folder], fresh_store, workers=1)
    assert [o.status for o in outcomes] == ["added", "merged", "added", "merged"]
    assert all(len(d["sources"]) == 2 for d in documents(fresh_store))


def test_big5_traditional_copy_of_a_simplified_document(fresh_store: FalkorStore, folder: Path) -> None:
    text = S001.read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    traditional = _encodable(opencc.OpenCC("s2t").convert(text), "big5")
    (folder / "b.txt").write_bytes(traditional.encode("big5", errors="replace"))
    outcomes = ingest_paths([folder], fresh_store, workers=1)
    assert [o.status for o in outcomes] == ["added", "merged"]
