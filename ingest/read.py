"""Reading files into text: format by extension, encoding detected, never guessed by hand."""

from __future__ import annotations

import hashlib
from pathlib import Path

from charset_normalizer import from_bytes

from ingest.records import SourceText

TEXT_SUFFIXES = {".txt", ".md", ".text"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES


class ReadError(Exception):
    """A file that cannot become text; the message is the one-line reason shown to the user."""


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding). BOMs first, then UTF-8, then charset detection."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReadError("not text in any known encoding")
    return str(best), best.encoding


def read_file(path: Path) -> SourceText:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(f"unsupported file type {suffix or '(none)'}")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror or error}") from error
    if not data.strip():
        raise ReadError("empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("binary file (NUL bytes), not text")
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(
        path=str(path),
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        fmt=suffix.lstrip("."),
    )


def iter_paths(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to read (folders walked recursively, sorted) and (path, reason) for what is skipped."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for root in paths:
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                if path.name.startswith(".") or path.name.upper() == "SOURCE.MD":
                    continue
                if path.suffix.lower() in SUPPORTED_SUFFIXES:
                    files.append(path)
                else:
                    skipped.append((path, f"skipped: unsupported file type {path.suffix or '(none)'}"))
        elif root.exists():
            files.append(root)
        else:
            skipped.append((root, "no such file or folder"))
    return files, skipped
