"""Reading files into text: format by extension, encoding detected, never guessed by hand.

Formats: plain text (.txt, .md, .text), HTML pages (.html, .htm: main text only, through
trafilatura), Word (.docx, through python-docx, tables and automatic numbering included) and PDF
(.pdf, the text layer through pypdf; scanned pages without text are refused, not OCR'd).

Every refusal is a `ReadError` whose message is the one-line reason shown to the user. The limits
(bytes per file, characters, line length, unpacked size, PDF pages) are in `core.settings`.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import io
import logging
import os
import re
import stat
import unicodedata
import warnings
import zipfile
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from core.records import SourceText
from core.settings import (
    MAX_LINE_CHARS,
    MAX_PACKAGE_BYTES,
    MAX_PDF_PAGES,
    MAX_TEXT_BYTES,
    MAX_TEXT_CHARS,
    MAX_UNPACKED_BYTES,
    MB,
)

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
DOCX_SUFFIXES = {".docx"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES | PDF_SUFFIXES
# Formats people try that we do not read, with what to do instead.
_UNSUPPORTED_ADVICE = {
    ".doc": "old binary Word format: save it as .docx",
    ".wps": "WPS format: save it as .docx",
    ".rtf": "save it as .docx or .txt",
    ".xls": "spreadsheets are not policy documents",
    ".xlsx": "spreadsheets are not policy documents",
}

# Signatures of binary formats, to name what a mis-named file really is.
_SIGNATURES: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office (.doc/.xls) file"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O file"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"RIFF", "RIFF media file"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media file"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"wOFF", "web font"),
]
_BOMS: list[tuple[bytes, str]] = [
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]
# Declared legacy Chinese charsets are decoded with their supersets: pages labelled gb2312 are
# full of GBK characters, and Big5 pages of Microsoft's cp950 and HKSCS additions.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)""")
_PAGE_NUMBER_LINE = re.compile(r"^[\s\-—–－·•]*(?:第\s*)?\d{1,4}(?:\s*页)?[\s\-—–－·•]*$")
_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}
NUL = b"\x00"


class ReadError(Exception):
    """A file that cannot become text; the message is the one-line reason shown to the user."""


class ReadWarning(UserWarning):
    """Something worth one line that did not stop the file (a truncated last character).

    Issued with `warnings.warn`, so `read_file(path)` keeps its one-argument signature (wrappers
    such as the benchmark's rely on it); `ingest.run` records them into the file's outcome."""


def display_path(path: str | Path) -> str:
    """A path as one printable line: undecodable bytes and control characters become escapes.

    File names are bytes on Linux; a name with a newline or invalid UTF-8 must neither break the
    one-line-per-file summary nor make the graph store refuse the `sources` property."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return "".join(ch if unicodedata.category(ch) != "Cc" else ch.encode("unicode_escape").decode() for ch in text)


def _unsupported(suffix: str) -> str:
    advice = _UNSUPPORTED_ADVICE.get(suffix)
    return f"unsupported file type {suffix or '(none)'}" + (f" ({advice})" if advice else "")


def _size(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB else f"{n / 1024:.0f} KB"


def _signature(data: bytes) -> str | None:
    return next((name for magic, name in _SIGNATURES if data.startswith(magic)), None)


def _os_reason(error: OSError, path: Path) -> str:
    """One line for an OSError, in words a user acts on."""
    if error.errno == errno.ENOENT:
        if path.is_symlink():
            return f"broken symlink: its target {display_path(os.readlink(path))} does not exist"
        return "vanished before it could be read (no such file)"
    if error.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.EISDIR:
        return "is a folder, not a file"
    return f"cannot read: {error.strerror or error}"


# --- encodings ---------------------------------------------------------------------------------


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ReadError(f"invalid {encoding.upper()} at byte {error.start}: {error.reason}") from error


def _partly_utf8(data: bytes) -> str | None:
    """A reason when part of the file is UTF-8 and part is not: two encodings pasted together,
    or a UTF-8 file with damaged bytes. Decoding it either way would make part of it mojibake.

    UTF-8 evidence is lines holding at least 4 non-ASCII characters that decode as UTF-8: a line
    of GBK or Big5 text does that by chance about once in 10^4-10^5, so 3 such lines do not
    happen by accident in a file of another encoding."""
    utf8_lines = 0
    other_bytes = 0
    first_bad = -1
    offset = 0
    for line in data.split(b"\n"):
        if not line.isascii():
            try:
                decoded = line.decode("utf-8")
                utf8_lines += sum(1 for ch in decoded if ord(ch) >= 0x80) >= 4
            except UnicodeDecodeError as error:
                # Only the bytes that are not UTF-8 count (surrogateescape maps each to U+DCxx).
                other_bytes += sum(1 for ch in line.decode("utf-8", "surrogateescape") if "\udc80" <= ch <= "\udcff")
                first_bad = offset + error.start if first_bad < 0 else first_bad
        offset += len(line) + 1
    if utf8_lines < 3 or first_bad < 0:
        return None
    if other_bytes >= 10:
        return f"mixed encodings: UTF-8 text, then another encoding from byte {first_bad}"
    return f"invalid UTF-8 at byte {first_bad} in an otherwise UTF-8 file (damaged bytes)"


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding): a byte-order mark, else strict UTF-8, else charset-normalizer.

    Never a hand-made guess: a file that is neither clean UTF-8 nor recognised by the detector
    is refused, and so is a file mixing UTF-8 with another encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding.replace("-sig", "")), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.end == len(data) and len(data) - error.start < 4:
            # A download cut in the middle of the last character: keep the text, say so.
            warnings.warn(
                ReadWarning("ends in the middle of a UTF-8 character (truncated file?): last bytes dropped"),
                stacklevel=2,
            )
            return data[: error.start].decode("utf-8"), "utf-8"
    partly = _partly_utf8(data)
    if partly:
        raise ReadError(partly)
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReadError("not text in any known encoding")
    return str(best), best.encoding


def _check_text(text: str, what: str = "file") -> str:
    """Normalised line ends, and the limits on text every format shares."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError(f"no text: the {what} holds only whitespace")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _CONTROL_OK)
    if controls > max(8, len(text) // 100):
        raise ReadError(f"binary data: {controls} control characters, not text")
    longest = max((len(line) for line in text.split("\n")), default=0)
    if longest > MAX_LINE_CHARS:
        raise ReadError(f"a single line of {longest:,} characters (limit {MAX_LINE_CHARS:,}): not a document layout")
    if len(text) > MAX_TEXT_CHARS:
        raise ReadError(f"too much text: {len(text):,} characters (limit {MAX_TEXT_CHARS:,})")
    return text


def _has_bom(data: bytes) -> bool:
    return data.startswith(tuple(bom for bom, _ in _BOMS))


def _decode_text(data: bytes) -> tuple[str, str]:
    """`decode`, after refusing binary data: NUL bytes are binary unless the detector finds
    UTF-16/32 without a byte-order mark (whose ASCII characters carry NUL bytes)."""
    if NUL in data and not _has_bom(data):
        best = from_bytes(data).best()
        if best is None or not (best.encoding or "").startswith(("utf_16", "utf_32")):
            raise ReadError(f"binary data: NUL byte at offset {data.index(NUL)}, not text")
        return str(best), best.encoding
    return decode(data)


def _text_file(data: bytes, suffix: str) -> tuple[str, str]:
    kind = _signature(data)
    if kind:
        raise ReadError(f"binary file ({kind}) with a {suffix} name, not text")
    return _decode_text(data)


# --- HTML --------------------------------------------------------------------------------------

_FURNITURE = (
    "//nav | //aside | //*[@role='navigation' or @role='banner' or @role='contentinfo'] | "
    "//header[not(ancestor::article or ancestor::main)] | //footer[not(ancestor::article or ancestor::main)]"
)
_MARK = re.compile("[\ue000-\ue0ff]+")


def _mark(number: int) -> str:
    """`number` written in private-use characters U+E000-U+E0FF (base 256), never digits: the
    marks must vanish whole when trafilatura drops unprintable characters."""
    digits = ""
    while True:
        number, digit = divmod(number, 256)
        digits = chr(0xE000 + digit) + digits
        if not number:
            return digits


_BLOCK_TAGS = {"head", "p", "item", "cell", "row", "quote", "code", "list", "table", "lb"}


def _html_text(data: bytes) -> tuple[str, str]:
    """The page's main text through trafilatura, one block (paragraph, heading, table cell) a line."""
    kind = _signature(data)
    if kind:
        raise ReadError(f"binary file ({kind}) with an .html name, not a web page")
    markup, encoding = _html_markup(data)
    if "<" not in markup:
        raise ReadError("not HTML: no markup in an .html file")
    text = _block_lines(_main_text(markup))
    if not text:
        raise ReadError("no main text in the HTML page (only navigation, scripts or boilerplate)")
    return text, encoding


def _html_markup(data: bytes) -> tuple[str, str]:
    """The page decoded: a BOM, then valid UTF-8 (legacy CJK bytes practically never are; and GB18030
    decodes almost any bytes, so a page wrongly labelled gb2312 must not reach it), then the page's
    own declaration, then detection."""
    if not _has_bom(data) and NUL not in data:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    head = data[:4096]
    declared_match = _DECLARED_CHARSET.search(head) or _XML_ENCODING.search(head)
    if declared_match and not _has_bom(data) and NUL not in data:
        declared = declared_match.group(1).decode("ascii").lower()
        encoding = _SUPERSETS.get(declared, declared)
        try:
            codecs.lookup(encoding)
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass  # the declaration lies (it often does): detect instead
    return _decode_text(data)


def _main_text(markup: str) -> Any:
    """The <main> element of trafilatura's XML for the page (None when it finds no main text)."""
    import trafilatura  # imported here: it loads in ~0.3 s and only HTML needs it
    from lxml import etree, html

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        tree = html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as error:
        raise ReadError(f"not HTML: {error}") from error
    # Page furniture marked up as such goes before extraction: trafilatura keeps a lone <nav>
    # of inline links as "text" when nothing else is on the page.
    for node in tree.xpath(_FURNITURE):
        node.drop_tree()
    # Trafilatura collapses blocks with identical text when it has to recover paragraphs outside
    # a container it recognises ("accepted cost", in its source) - and policy tables repeat short
    # cells such as 省局负责 under every task. A unique private-use mark at the start of each text
    # keeps them distinct; trafilatura drops unprintable characters from its output, and any
    # mark left is removed afterwards.
    for number, node in enumerate(tree.iter()):
        if isinstance(node.tag, str) and node.text and node.text.strip():
            node.text = _mark(number) + node.text
    # favor_precision: without it, a page with little text falls back to a baseline extractor
    # that keeps menus; with it, navigation-only pages come back empty, as they should.
    xml = trafilatura.extract(
        tree,
        output_format="xml",
        include_tables=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        deduplicate=False,
        with_metadata=False,
    )
    if not xml:
        raise ReadError("no main text in the HTML page (only navigation, scripts or boilerplate)")
    return etree.fromstring(xml.encode("utf-8")).find("main")


def _block_lines(main: Any) -> str:
    """The text of trafilatura's XML, each block on a line of its own."""
    lines: list[str] = []

    def walk(element: Any) -> None:
        if element.tag in _BLOCK_TAGS:
            lines.append("\n")  # a block starts a line even after loose text (a tail before it)
        if element.text:
            lines.append(element.text)
        for child in element:
            walk(child)
        if element.tag in _BLOCK_TAGS:
            lines.append("\n")
        if element.tail and element is not main:
            lines.append(element.tail)

    if main is not None:
        walk(main)
    return re.sub(r"[ \t]*\n\s*", "\n", _MARK.sub("", "".join(lines))).strip()


# --- Word --------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN_DIGITS = "零一二三四五六七八九"


def _chinese_number(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        while n >= value:
            out, n = out + letters, n - value
    return out


def _format_number(n: int, fmt: str) -> str:
    if fmt in {"chineseCounting", "chineseCountingThousand", "ideographTraditional", "chineseLegalSimplified"}:
        return _chinese_number(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt in {"lowerLetter", "upperLetter"}:
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in {"lowerRoman", "upperRoman"}:
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt in {"bullet", "none"}:
        return ""
    return str(n)  # decimal, decimalZero, decimalFullWidth and the rest


class _Numbering:
    """Word's automatic list numbers (一、 (一) 1. …), which are not in the paragraph text.

    Government documents typed in Word often number their outline automatically; without the
    numbers the outline (and every measure) would be lost. Levels follow numbering.xml."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[int, str, str]] = {}  # (numId, ilvl) → start, fmt, text
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for node in root.findall(f"{_W}abstractNum"):
            levels: dict[int, tuple[int, str, str]] = {}
            for lvl in node.findall(f"{_W}lvl"):
                start = lvl.find(f"{_W}start")
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                )
            abstract[node.get(f"{_W}abstractNumId", "")] = levels
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            for ilvl, level in abstract.get(ref.get(f"{_W}val", ""), {}).items():
                self.levels[(num.get(f"{_W}numId", ""), ilvl)] = level

    def label(self, paragraph: Any) -> str:
        ppr = paragraph._p.pPr
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if num_pr is None:
            return ""
        num_id_el, ilvl_el = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
        num_id = num_id_el.get(f"{_W}val", "") if num_id_el is not None else ""
        ilvl = int(ilvl_el.get(f"{_W}val", "0")) if ilvl_el is not None else 0
        if (num_id, ilvl) not in self.levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        start, fmt, text = self.levels[(num_id, ilvl)]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0  # a new item restarts the numbering of the levels under it

        def level_number(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            level_start, level_fmt, _ = self.levels.get((num_id, level), (1, "decimal", ""))
            return _format_number(counters[level] or level_start, level_fmt)

        return re.sub(r"%(\d)", level_number, text) if fmt not in {"bullet", "none"} else ""


def _docx_text(data: bytes) -> str:
    if not data.startswith(b"PK"):
        kind = _signature(data)
        raise ReadError(f"not a valid .docx: {'a ' + kind if kind else 'not a ZIP package'}")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            unpacked = sum(info.file_size for info in package.infolist())
    except zipfile.BadZipFile as error:
        raise ReadError(f"not a valid .docx: broken ZIP package ({error})") from error
    if "word/document.xml" not in names:
        raise ReadError("not a Word document: the ZIP package has no word/document.xml")
    if unpacked > MAX_UNPACKED_BYTES:
        raise ReadError(f"refused: the .docx unpacks to {_size(unpacked)} (limit {_size(MAX_UNPACKED_BYTES)})")

    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, ValueError, KeyError, zipfile.BadZipFile) as error:
        raise ReadError(f"not a readable .docx: {str(error).splitlines()[0][:120]}") from error
    except Exception as error:  # lxml's XMLSyntaxError and the like: a damaged document part
        raise ReadError(f"not a readable .docx: {type(error).__name__}: {str(error)[:120]}") from error
    numbering = _Numbering(document)
    lines: list[str] = []
    # Body order: paragraphs and tables interleaved; headers and footers are not the main text.
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                previous = None
                for cell in row.cells:
                    if cell._tc is previous:  # a merged cell repeats for every grid column it spans
                        continue
                    previous = cell._tc
                    lines.append(cell.text)
        else:
            lines.append(numbering.label(block) + block.text)
    return "\n".join(lines)


# --- PDF ---------------------------------------------------------------------------------------


def _pdf_text(data: bytes) -> str:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        kind = _signature(data)
        raise ReadError(f"not a PDF: {'a ' + kind if kind else 'no %PDF header'}")
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # malformed-but-readable files warn a lot
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise ReadError("encrypted PDF: a password is needed to read it")
            except (DependencyError, NotImplementedError) as error:
                raise ReadError(f"encrypted PDF that cannot be decrypted here: {error}") from error
        pages = len(reader.pages)
        if pages > MAX_PDF_PAGES:
            raise ReadError(f"too many pages: {pages:,} (limit {MAX_PDF_PAGES:,})")
        texts = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except FileNotDecryptedError as error:
        raise ReadError("encrypted PDF: a password is needed to read it") from error
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
        raise ReadError(f"not a readable PDF: {type(error).__name__}: {str(error).splitlines()[0][:120]}") from error
    # Page numbers ("- 3 -") are page furniture, not text of the document.
    lines = [line for text in texts for line in text.split("\n") if not _PAGE_NUMBER_LINE.match(line)]
    text = "\n".join(lines)
    if len(re.sub(r"\s", "", text)) < 10:
        raise ReadError(f"PDF without a text layer ({pages} pages of images?): OCR is not supported")
    return text


# --- files -------------------------------------------------------------------------------------


def _read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes, refusing anything but a regular file within `limit` bytes.

    Opened non-blocking, then checked on the open descriptor: a FIFO named .txt must not hang the
    ingest, and a file replaced or grown between listing and reading is judged as it is now."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise ReadError(_os_reason(error, path)) from error
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "folder" if stat.S_ISDIR(info.st_mode) else "FIFO" if stat.S_ISFIFO(info.st_mode) else "device"
            raise ReadError(f"not a regular file ({kind})")
        if info.st_size > limit:
            raise ReadError(f"too large: {_size(info.st_size)} (limit {_size(limit)} for {path.suffix.lower()} files)")
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise ReadError(f"too large: grew past {_size(limit)} while being read")
        return b"".join(chunks)
    except OSError as error:
        raise ReadError(_os_reason(error, path)) from error
    finally:
        os.close(fd)


def read_file(path: Path) -> SourceText:
    """A file's text, or ReadError with the reason (and a ReadWarning for what did not stop it)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(_unsupported(suffix))
    packaged = suffix in DOCX_SUFFIXES | PDF_SUFFIXES
    return read_data(path, _read_bytes(path, MAX_PACKAGE_BYTES if packaged else MAX_TEXT_BYTES))


def read_data(path: Path, data: bytes) -> SourceText:
    """The text of a file's bytes, read elsewhere (a cluster's worker gets the bytes, not the file)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(_unsupported(suffix))
    limit = MAX_PACKAGE_BYTES if suffix in DOCX_SUFFIXES | PDF_SUFFIXES else MAX_TEXT_BYTES
    if len(data) > limit:
        raise ReadError(f"too large: {_size(len(data))} (limit {_size(limit)} for {suffix} files)")
    if not data:
        raise ReadError("empty file (0 bytes)")
    if suffix in TEXT_SUFFIXES:
        if not data.strip(b" \t\r\n\f\v"):
            raise ReadError("no text: the file holds only whitespace")
        text, encoding = _text_file(data, suffix)
    elif suffix in HTML_SUFFIXES:
        text, encoding = _html_text(data)
    elif suffix in DOCX_SUFFIXES:
        text, encoding = _docx_text(data), "docx"
    else:
        text, encoding = _pdf_text(data), "pdf"
    text = _check_text(text, "file" if suffix in TEXT_SUFFIXES else "document")
    return SourceText(
        path=display_path(path),
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        fmt=suffix.lstrip("."),
    )


def _walk(folder: Path, seen: set[tuple[int, int]], files: list[Path], skipped: list[tuple[Path, str]]) -> None:
    """Recursive, sorted, following symlinked folders once each: a link back to a folder already
    walked (a symlink loop, or two links to one folder) is reported, not walked again."""
    try:
        info = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        skipped.append((folder, "failed: folder " + _os_reason(error, folder)))
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        skipped.append((folder, "skipped: symlink loop (leads to a folder already walked)"))
        return
    seen.add(key)
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith(".") or entry.name.upper() == "SOURCE.MD":
            continue
        try:
            is_dir = entry.is_dir()  # follows symlinks; a looping or broken link is not a folder
        except OSError:
            is_dir = False
        if is_dir:
            _walk(path, seen, files, skipped)
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            files.append(path)  # broken or looping links too: reading them gives the reason
        else:
            skipped.append((path, "skipped: " + _unsupported(path.suffix.lower())))


def iter_paths(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to read (folders walked recursively, sorted) and (path, reason) for what is skipped.

    A reason starting with "failed:" is a failure (a folder that cannot be listed), not a skip."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    seen: set[tuple[int, int]] = set()
    for root in paths:
        if root.is_dir():
            _walk(root, seen, files, skipped)
        elif root.suffix.lower() not in SUPPORTED_SUFFIXES and (root.exists() or root.is_symlink()):
            skipped.append((root, "skipped: " + _unsupported(root.suffix.lower())))
        elif root.exists() or root.is_symlink():
            files.append(root)  # broken or looping links too: reading them gives the reason
        else:
            skipped.append((root, "failed: no such file or folder"))
    return files, skipped
