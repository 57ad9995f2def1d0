"""Bad inputs, through the real command: each gets one line naming the file and the reason, the
other files still land, the command exits 1, and the graph holds no trace of a failed file.

One folder of bad files (made here, at test time) is ingested beside copies of the five samples
by `python -m ingest` in a subprocess, once; each case then checks its own line. When the tests
run as root, the command runs without the capabilities that let root read anything (setpriv),
so that "permission denied" is real. Files vanishing or becoming unreadable mid-run are a second
real run, with a hook between two files.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import opencc
import pytest

import ingest.run as run_module
from graph.falkor_store import FalkorStore, stop_server
from graph.stats import graph_stats
from ingest.read import MB, display_path, iter_paths
from ingest.run import ingest_paths
from tests.conftest import REPO, SAMPLES
from tests.test_formats import make_docx, make_pdf

S000 = SAMPLES / "000_b4bd4a8f47e595c2.txt"
S001 = SAMPLES / "001_49c6de4f619ab198.txt"
S003 = SAMPLES / "003_ccc0ffd66df60a9b.txt"
NEWLINE_NAME = "new\nline.txt"
BYTES_NAME = b"gb_\xd5\xfe.txt"  # a GBK file name: not valid UTF-8

DROP_CAPS = ["--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]


def _deny_prefix() -> list[str] | None:
    """The command prefix under which chmod 000 denies reading: none needed for a normal user;
    for root, setpriv without the DAC-override capabilities; None when it cannot be arranged."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    probe = subprocess.run([setpriv, *DROP_CAPS, "cat", "/proc/self/status"], capture_output=True, text=True)
    return [setpriv, *DROP_CAPS] if probe.returncode == 0 else None


DENY = _deny_prefix()


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


ENGLISH_CHAPTER = (
    "CHAPTER ONE\n\nThe rain had not stopped for three days when Margaret finally opened the letter. "
    "She read it twice at the kitchen window, then folded it along its old creases and put it back "
    "in the drawer with the spoons. Outside, the river had climbed over the lower meadow and the "
    "cows stood in a line along the fence, patient as churchgoers.\n\n"
    "1. She would not tell her brother, not yet.\n2. She would write to the bank in the morning.\n"
) * 6
CHINESE_PROSE = (
    "那天下午，他沿着河边慢慢地走着，看见远处的山在雾里若隐若现。她说起小时候的事情，说那时候的夏天总是很长，"
    "院子里的槐树开满了花，祖母坐在门口摇着扇子。后来他们都离开了那个小镇，各自去了不同的城市。\n"
) * 5
SPAM = ["【澳门皇冠】线上娱乐 加微信 abc123 领取彩金 www.example-casino.com", "点击进入>>> 免费看片 请加QQ 12345678"]


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in files.items():
            package.writestr(name, data)
    return buffer.getvalue()


def _cut_mid_character(data: bytes, near: int) -> bytes:
    """`data` cut inside a multibyte UTF-8 character near `near`."""
    for end in range(near, len(data)):
        if 0x80 <= data[end] < 0xC0:  # a continuation byte: cutting here splits a character
            return data[:end]
    raise AssertionError("no multibyte character to cut")


def _deep_outline(items: int) -> str:
    markers = ["一、", "(一)", "1.", "(1)", "①", "A.", "(a)", "a)", "i."]
    lines = ["关于印发多层级任务分解方案的通知", "京政办发〔2021〕77号"]
    lines += [f"{markers[k % len(markers)]}第{k}项任务，由市财政局负责。" for k in range(items)]
    return "\n".join(lines)


def _odd_brackets(number: str, serial: int) -> str:
    return (
        f"关于印发《北京市“十四五”时期〈知识产权〉保护规划（{serial}）》的通知\n{number}\n各区人民政府：\n"
        "一、总体要求\n(一)加强专利保护，由市知识产权局负责。\n(二)加强商标保护，由市市场监管局负责。\n"
        "二、保障措施\n(一)加强组织领导。\n"
    )


def _scanned_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(50, 50, 400, 600, fill=1)  # a page of "image", no text operators
    page.showPage()
    page.save()
    return buffer.getvalue()


def bad_files() -> dict[str, bytes]:
    """name → content of every bad (or odd) regular file."""
    s000, s001 = text(S000), text(S001)
    rng = random.Random(5)
    pdf = make_pdf(s001.splitlines()[:30])
    mixed = s000[:3000].encode("utf-8") + s000[3000:6000].replace("\xa0", " ").encode("gbk")
    with_nul = s001.encode("utf-8")
    return {
        "empty.txt": b"",
        "whitespace.txt": b" \t\r\n\n" + "\u3000\u3000\n".encode(),
        "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2000)),
        "archive.txt": _zip({"a.txt": s001.encode()}),
        "program.txt": Path(sys.executable).resolve().read_bytes()[:4096],
        "compressed.txt": gzip.compress(s001.encode()),
        "report_pdf.txt": pdf,
        "nul_bytes.txt": with_nul[:300] + b"\x00\x00" + with_nul[300:],
        "random_bytes.txt": bytes(rng.randrange(1, 256) for _ in range(4000)),
        "control_chars.txt": bytes(range(1, 32)) * 40,
        "cut_mid_character.txt": _cut_mid_character(s001.encode("utf-8"), 4000),
        "damaged_byte.txt": with_nul[:3000] + b"\xff" + with_nul[3000:],
        "mixed_encodings.txt": mixed,
        "one_line_5mb.txt": ("知识产权" * (5 * MB // 12)).encode(),
        "english_chapter.txt": ENGLISH_CHAPTER.encode(),
        "latin1_french.txt": ("Le gouvernement a publié un décret très détaillé.\n" * 30).encode("latin-1"),
        "chinese_prose.txt": CHINESE_PROSE.encode(),
        "nav_only.html": (
            "<html><head><title>某某市人民政府</title></head><body><nav><ul>"
            + "".join(f"<li><a href='/{i}'>栏目{i}</a></li>" for i in range(40))
            + "</ul></nav><footer>版权所有 某某市人民政府</footer></body></html>"
        ).encode(),
        "scripts_only.html": b"<html><head><script>var a = 1; document.write('hello');</script><style>p{}</style>"
        b"</head><body><script>track();</script></body></html>",
        "not_a_page.html": "只是一段没有标记的文字".encode(),
        "fake.docx": s001.encode(),
        "not_word.docx": _zip({"xl/workbook.xml": b"<workbook/>", "[Content_Types].xml": b"<Types/>"}),
        "zip_bomb.docx": _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (210 * MB)}),
        "fake.pdf": b"<html><body>not a pdf</body></html>",
        "truncated.pdf": pdf[: len(pdf) // 2],
        "scanned.pdf": _scanned_pdf(),
        "encrypted.pdf": make_pdf(s001.splitlines()[:30], encrypt="secret"),
        "unknown.xyz": b"whatever",
        "legacy.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
        "duplicate_copy.txt": S000.read_bytes(),
        "another_encoding_gbk.txt": s001.replace("\xa0", " ").encode("gbk"),
        "traditional_copy.txt": opencc.OpenCC("s2t").convert(s000).encode(),
        "docx_copy.docx": make_docx(s001.splitlines()),
        "odd_brackets_square.txt": _odd_brackets("京政办发[2021]12号", 1).encode(),
        "odd_brackets_lenticular.txt": _odd_brackets("京政辦發【2021】13號", 2).encode(),
        "deep_nesting.txt": _deep_outline(1000).encode(),
        "spam_lines.txt": "\n".join(
            line + (f"\n{SPAM[i % 2]}" if i % 7 == 3 else "") for i, line in enumerate(s000.split("\n"))
        ).encode(),
        NEWLINE_NAME: b"",
    }


# (case id, path relative to the bad folder, status, reason: a regex matched against the whole reason)
CASES: list[tuple[str, str, str, str]] = [
    ("empty", "empty.txt", "failed", r"empty file \(0 bytes\)"),
    ("whitespace only", "whitespace.txt", "failed", r"no text: the file holds only whitespace"),
    ("PNG named .txt", "image.txt", "failed", r"binary file \(PNG image\) with a \.txt name, not text"),
    ("ZIP named .txt", "archive.txt", "failed", r"binary file \(ZIP archive\) with a \.txt name, not text"),
    ("ELF named .txt", "program.txt", "failed", r"binary file \(ELF executable\) with a \.txt name, not text"),
    ("gzip named .txt", "compressed.txt", "failed", r"binary file \(gzip archive\) with a \.txt name, not text"),
    ("PDF named .txt", "report_pdf.txt", "failed", r"binary file \(PDF document\) with a \.txt name, not text"),
    ("NUL bytes", "nul_bytes.txt", "failed", r"binary data: NUL byte at offset 300, not text"),
    ("random bytes", "random_bytes.txt", "failed", r"not text in any known encoding"),
    ("control characters", "control_chars.txt", "failed", r"binary data: \d+ control characters, not text"),
    (
        "UTF-8 cut mid-character",
        "cut_mid_character.txt",
        "merged",
        r"ends in the middle of a UTF-8 character \(truncated file\?\): last bytes dropped",
    ),
    ("damaged UTF-8 byte", "damaged_byte.txt", "failed", r"invalid UTF-8 at byte 3000 in an otherwise UTF-8 file.*"),
    (
        "mixed encodings",
        "mixed_encodings.txt",
        "failed",
        r"mixed encodings: UTF-8 text, then another encoding from byte \d+",
    ),
    ("50 MB file", "huge_50mb.txt", "failed", r"too large: 50\.0 MB \(limit 8\.0 MB for \.txt files\)"),
    (
        "single 5 MB line",
        "one_line_5mb.txt",
        "failed",
        r"a single line of 1,747,624 characters \(limit 200,000\): not a document layout",
    ),
    (
        "English novel chapter",
        "english_chapter.txt",
        "failed",
        r"no Chinese text \(0 CJK characters\): not a policy document",
    ),
    ("Latin-1 French", "latin1_french.txt", "failed", r"no Chinese text \(0 CJK characters\): not a policy document"),
    (
        "Chinese prose, no policy structure",
        "chinese_prose.txt",
        "failed",
        r"not a policy text: no numbered items, title or document number, and only .*",
    ),
    (
        "HTML of navigation only",
        "nav_only.html",
        "failed",
        r"no main text in the HTML page \(only navigation, scripts or boilerplate\)",
    ),
    ("HTML of scripts only", "scripts_only.html", "failed", r"no main text in the HTML page.*"),
    ("HTML without markup", "not_a_page.html", "failed", r"not HTML: no markup in an \.html file"),
    ("text named .docx", "fake.docx", "failed", r"not a valid \.docx: not a ZIP package"),
    (
        "ZIP that is not Word",
        "not_word.docx",
        "failed",
        r"not a Word document: the ZIP package has no word/document\.xml",
    ),
    ("docx ZIP bomb", "zip_bomb.docx", "failed", r"refused: the \.docx unpacks to 210\.0 MB \(limit 200\.0 MB\)"),
    ("HTML named .pdf", "fake.pdf", "failed", r"not a PDF: no %PDF header"),
    ("truncated PDF", "truncated.pdf", "failed", r"not a readable PDF: .+"),
    ("scanned PDF", "scanned.pdf", "failed", r"PDF without a text layer \(1 pages of images\?\): OCR is not supported"),
    ("encrypted PDF", "encrypted.pdf", "failed", r"encrypted PDF: a password is needed to read it"),
    ("FIFO named .txt", "fifo.txt", "failed", r"not a regular file \(FIFO\)"),
    ("broken symlink", "broken_link.txt", "failed", r"broken symlink: its target nowhere\.txt does not exist"),
    ("symlink to itself", "self_link.txt", "failed", r"symlink loop \(too many levels of symbolic links\)"),
    ("symlink loop of folders", "sub/back", "skipped", r"symlink loop \(leads to a folder already walked\)"),
    ("unknown extension", "unknown.xyz", "skipped", r"unsupported file type \.xyz"),
    (
        "old Word .doc",
        "legacy.doc",
        "skipped",
        r"unsupported file type \.doc \(old binary Word format: save it as \.docx\)",
    ),
    ("duplicate file", "duplicate_copy.txt", "merged", r""),
    ("same document, GBK", "another_encoding_gbk.txt", "merged", r""),
    ("same document, Traditional copy", "traditional_copy.txt", "merged", r""),
    ("same document, .docx", "docx_copy.docx", "merged", r""),
    ("document number in [ ]", "odd_brackets_square.txt", "added", r""),
    ("document number in 【】, 號", "odd_brackets_lenticular.txt", "added", r""),
    ("extremely deep outline", "deep_nesting.txt", "added", r""),
    ("spam lines in a real document", "spam_lines.txt", "added", r""),
    ("file name with a newline", NEWLINE_NAME, "failed", r"empty file \(0 bytes\)"),
]
DENIED_CASES: list[tuple[str, str, str, str]] = [
    ("permission denied", "denied.txt", "failed", r"permission denied"),
    ("unreadable folder", "locked", "failed", r"folder permission denied"),
]


@dataclass
class Batch:
    root: Path
    good: Path
    bad: Path
    store: Path
    reference: Path
    result: subprocess.CompletedProcess[str]
    lines: dict[str, tuple[str, str]]  # displayed path → (status, rest of the line)


_LINE = re.compile(r"^(ADDED|MERGED|UNCHANGED|SKIPPED|FAILED)\s+(.+?)(?:: (.*))?$")


def _parse(stdout: str, paths: list[str]) -> dict[str, tuple[str, str]]:
    """Each file's line, found by its displayed path (longest first: a/b is not a/b2)."""
    found: dict[str, tuple[str, str]] = {}
    for line in stdout.splitlines():
        match = _LINE.match(line)
        if not match:
            continue
        status, rest = match.group(1).lower(), line[len(match.group(1)) :].strip()
        for path in sorted(paths, key=len, reverse=True):
            if rest == path or rest.startswith((path + ":", path + " «")):
                assert path not in found, f"two lines for {path}"
                found[path] = (status, rest[len(path) :])
                break
    return found


def _make_bad_folder(bad: Path) -> None:
    for name, data in bad_files().items():
        (bad / name).write_bytes(data)
    with open(bad / "huge_50mb.txt", "wb") as handle:
        handle.truncate(50 * MB)  # sparse: 50 MB on paper, refused before a byte is read
    (bad / BYTES_NAME.decode("utf-8", "surrogateescape")).write_bytes(S003.read_bytes())
    os.mkfifo(bad / "fifo.txt")
    os.symlink("nowhere.txt", bad / "broken_link.txt")
    os.symlink("self_link.txt", bad / "self_link.txt")
    (bad / "sub").mkdir()
    os.symlink("..", bad / "sub" / "back")
    (bad / "hidden").mkdir()
    (bad / ".hidden.txt").write_text("dot files are not documents")
    if DENY is not None:
        (bad / "denied.txt").write_bytes(S001.read_bytes())
        (bad / "denied.txt").chmod(0)
        (bad / "locked").mkdir()
        (bad / "locked" / "inside.txt").write_bytes(S001.read_bytes())
        (bad / "locked").chmod(0)


def _cli(args: list[str], store: Path, prefix: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KG_STORE": str(store)}
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "ingest", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Batch]:
    root = tmp_path_factory.mktemp("bad_inputs")
    good, bad = root / "good", root / "bad"
    good.mkdir()
    bad.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(sample, good / sample.name)
    _make_bad_folder(bad)
    store, reference = root / "store", root / "reference"
    try:
        result = _cli([str(good), str(bad), str(root / "missing.txt")], store, DENY)
        walked, skipped = iter_paths([good, bad, root / "missing.txt"])
        displayed = [display_path(p) for p in [*walked, *(p for p, _ in skipped), bad / "locked"]]
        lines = _parse(result.stdout, displayed)
        # The reference: only the files the run accepted, in the same order, into a clean store.
        accepted = [p for p in walked if lines.get(display_path(p), ("",))[0] in {"added", "merged", "unchanged"}]
        ref_store = FalkorStore.open(reference)
        ingest_paths(accepted, ref_store, workers=1)
        ref_store.close()
        yield Batch(root, good, bad, store, reference, result, lines)
    finally:
        for folder in (bad / "locked", bad / "denied.txt"):
            if folder.exists():
                folder.chmod(0o755)
        stop_server(store)
        stop_server(reference)


def _line_of(batch: Batch, relative: str) -> tuple[str, str]:
    path = display_path(batch.bad / relative)
    assert path in batch.lines, f"no line for {path!r} in:\n{batch.result.stdout}"
    return batch.lines[path]


@pytest.mark.parametrize(("case", "relative", "status", "reason"), CASES, ids=[c[0] for c in CASES])
def test_case_gets_its_one_line(batch: Batch, case: str, relative: str, status: str, reason: str) -> None:
    got_status, rest = _line_of(batch, relative)
    assert got_status == status, (case, rest)
    if status in {"failed", "skipped"}:
        assert re.fullmatch(reason, rest.removeprefix(": ")), (case, rest)
    elif reason:
        assert re.search(r"\(note: " + reason + r"\)$", rest), (case, rest)


@pytest.mark.parametrize(("case", "relative", "status", "reason"), DENIED_CASES, ids=[c[0] for c in DENIED_CASES])
def test_permission_cases(batch: Batch, case: str, relative: str, status: str, reason: str) -> None:
    if DENY is None:
        pytest.skip("running as root without setpriv: chmod 000 cannot deny reading")
    got_status, rest = _line_of(batch, relative)
    assert got_status == status and re.fullmatch(reason, rest.removeprefix(": ")), (case, rest)


def test_missing_path_and_exit_code(batch: Batch) -> None:
    assert batch.result.returncode == 1, batch.result.stderr
    assert batch.lines[display_path(batch.root / "missing.txt")] == ("failed", ": no such file or folder")
    summary = batch.result.stdout.strip().splitlines()[-1]
    assert re.search(r"\d+ added, \d+ failed, \d+ merged, \d+ skipped$", summary), summary


def test_every_file_gets_exactly_one_line(batch: Batch) -> None:
    walked, skipped = iter_paths([batch.good, batch.bad, batch.root / "missing.txt"])
    # this walk runs with root's powers when the command did not: it lists the locked folder
    expected = len(walked) + len(skipped) - (1 if DENY is not None else 0) + (1 if DENY else 0)
    out_lines = [line for line in batch.result.stdout.splitlines() if _LINE.match(line)]
    assert len(out_lines) == expected == len(batch.lines)
    # odd names stay on their line: the newline and the undecodable bytes are escaped
    assert display_path(batch.bad / NEWLINE_NAME).endswith("new\\nline.txt")
    assert batch.lines[display_path(batch.bad / BYTES_NAME.decode("utf-8", "surrogateescape"))][0] == "merged"
    assert not any(".hidden" in line for line in batch.result.stdout.splitlines())


def test_the_good_files_still_land(batch: Batch) -> None:
    for sample in sorted(batch.good.iterdir()):
        status, rest = batch.lines[display_path(sample)]
        assert status == "added" and "measures" in rest, (sample.name, rest)
    store = FalkorStore.open(batch.store)
    try:
        # 5 samples + 2 odd-bracket documents + the deep outline + the spammed copy of 000
        assert graph_stats(store)["nodes"]["Document"] == 9
    finally:
        store.close()


def test_the_graph_holds_no_trace_of_failed_files(batch: Batch) -> None:
    failed = {path for path, (status, _) in batch.lines.items() if status == "failed"}
    assert len(failed) >= 30
    store, reference = FalkorStore.open(batch.store), FalkorStore.open(batch.reference)
    try:
        assert graph_stats(store) == graph_stats(reference)
        sources = {s for row in store.read("MATCH (d:Document) RETURN d.sources AS s") for s in row["s"]}
        assert not sources & failed
        assert display_path(batch.bad / BYTES_NAME.decode("utf-8", "surrogateescape")) in sources
        incomplete = store.read(
            "MATCH (d:Document) OPTIONAL MATCH (m:Measure {doc_id: d.id}) WITH d, count(m) AS n "
            "WHERE n <> d.measure_count RETURN d.id AS id"
        )
        assert incomplete == []
    finally:
        store.close()
        reference.close()


def test_odd_brackets_and_spam_and_depth(batch: Batch) -> None:
    store = FalkorStore.open(batch.store)
    try:

        def document(relative: str, folder: Path = batch.bad) -> dict:
            [row] = store.read(
                "MATCH (d:Document) WHERE $s IN d.sources RETURN d.doc_number AS number, d.title AS title, "
                "d.measure_count AS measures",
                {"s": display_path(folder / relative)},
            )
            return row

        square = document("odd_brackets_square.txt")
        assert square["number"] == "京政办发〔2021〕12号"
        assert square["measures"] == 5
        assert document("odd_brackets_lenticular.txt")["number"] == "京政办发〔2021〕13号"
        # spam lines neither add nor break measures: as many as the clean sample
        clean = document(S000.name, batch.good)["measures"]
        assert document("spam_lines.txt")["measures"] == clean == 64
        assert document("deep_nesting.txt")["measures"] > 100
    finally:
        store.close()


MIDRUN_DRIVER = """
import json, os, sys
from pathlib import Path
from graph.falkor_store import FalkorStore
import ingest.run as run_module
from ingest.run import ingest_paths

folder, store = Path(sys.argv[1]), FalkorStore.open(Path(sys.argv[2]))
state = {"done": False}

def between_files(outcome):
    if not state["done"]:  # after the first file, before the others are read
        state["done"] = True
        (folder / "b_vanishes.txt").unlink()
        (folder / "c_becomes_unreadable.txt").chmod(0)

outcomes = ingest_paths([folder], store, workers=1, on_outcome=between_files)
print(json.dumps([[Path(o.path).name, o.status, o.reason] for o in outcomes], ensure_ascii=False))
"""


def test_files_vanishing_or_becoming_unreadable_mid_run(tmp_path: Path) -> None:
    folder, store = tmp_path / "in", tmp_path / "store"
    folder.mkdir()
    for name, sample in (("a_first", 0), ("b_vanishes", 1), ("c_becomes_unreadable", 2), ("d_last", 3)):
        shutil.copy(sorted(SAMPLES.glob("*.txt"))[sample], folder / f"{name}.txt")
    try:
        run = subprocess.run(
            [*(DENY or []), sys.executable, "-c", MIDRUN_DRIVER, str(folder), str(store)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode == 0, run.stderr
        outcomes = json.loads(run.stdout.strip().splitlines()[-1])
        assert outcomes[0][:2] == ["a_first.txt", "added"]
        assert outcomes[1] == ["b_vanishes.txt", "failed", "vanished before it could be read (no such file)"]
        if DENY is not None:
            assert outcomes[2] == ["c_becomes_unreadable.txt", "failed", "permission denied"]
        assert outcomes[3][:2] == ["d_last.txt", "added"]
        opened = FalkorStore.open(store)
        try:
            sources = [s for row in opened.read("MATCH (d:Document) RETURN d.sources AS s") for s in row["s"]]
            assert not any("b_vanishes" in s or "c_becomes" in s for s in sources)
            assert len(sources) == (2 if DENY is not None else 3)
        finally:
            opened.close()
    finally:
        if (folder / "c_becomes_unreadable.txt").exists():
            (folder / "c_becomes_unreadable.txt").chmod(0o644)
        stop_server(store)


def _exit_on_poison(path: str) -> tuple:
    """Fault injection for the worker-crash test: a worker process that dies on one file, as one
    would on a fault inside a C parser or the kernel's out-of-memory kill."""
    if "poison" in path:
        os._exit(9)
    return _REAL_PROCESS_FILE(path)


_REAL_PROCESS_FILE = run_module.process_file


def test_a_worker_process_that_dies_fails_only_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = [f"{k:02d}_doc.txt" for k in range(9)]
    names[4] = "04_poison.txt"
    for k, name in enumerate(names):
        (tmp_path / name).write_text(_odd_brackets(f"京政办发[2021]{100 + k}号", k), encoding="utf-8")
    monkeypatch.setattr(run_module, "process_file", _exit_on_poison)
    batches = list(run_module.extracted_batches([str(tmp_path / n) for n in names], workers=2))
    results = [item for batch in batches for item in batch]
    assert [Path(r[0]).name for r in results] == names  # in order, every file once
    by_name = {Path(path).name: (result, reason) for path, result, reason, _ in results}
    assert by_name["04_poison.txt"] == (
        None,
        "extraction crashed its worker process (out of memory or a fault in a parser)",
    )
    assert all(result is not None for name, (result, _) in by_name.items() if name != "04_poison.txt")


def test_a_file_over_the_time_limit_fails_with_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_module, "EXTRACT_TIME_LIMIT_S", 0.01)
    _, result, reason, _ = run_module.process_file(str(S000))
    assert result is None
    assert reason == "stopped: reading and extraction took longer than 0.01 s"
