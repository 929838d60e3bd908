"""Find article files and decode them.  Nothing here knows about spaCy."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

MAX_BYTES = 5 * 1024 * 1024  # larger files are refused: see README, "Bad input"
SUFFIXES = (".txt", ".md")


@dataclass
class Article:
    doc: str          # the path as the user gave it (or found under a folder), "-" for stdin
    text: str         # decoded original text
    encoding: str


@dataclass
class LoadError:
    doc: str
    reason: str


def decode(data: bytes) -> tuple[str, str]:
    """UTF-8 (a BOM is dropped), else cp1252; raises UnicodeDecodeError for neither."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252"), "cp1252"


def read_bytes(doc: str, data: bytes) -> Article | LoadError:
    if len(data) > MAX_BYTES:
        return LoadError(doc, f"file is larger than {MAX_BYTES // (1024 * 1024)} MB; split it into articles")
    if b"\x00" in data[:8192]:
        return LoadError(doc, "binary file (not text)")
    try:
        text, encoding = decode(data)
    except UnicodeDecodeError:
        return LoadError(doc, "cannot decode as UTF-8 or cp1252")
    if not text.strip():
        return LoadError(doc, "empty file")
    return Article(doc, text, encoding)


def expand(paths: list[str]) -> Iterator[str | LoadError]:
    """Paths of article files: files as given, folders searched recursively (sorted)."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not found:
                yield LoadError(raw, "folder holds no .txt or .md articles")
            for f in found:
                yield str(f)
        elif p.exists():
            yield raw
        else:
            yield LoadError(raw, "no such file or folder")


def read(path: str) -> Article | LoadError:
    if path == "-":
        return read_bytes("-", sys.stdin.buffer.read())
    try:
        if Path(path).stat().st_size > MAX_BYTES:
            return LoadError(path, f"file is larger than {MAX_BYTES // (1024 * 1024)} MB; split it into articles")
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return LoadError(path, "no such file or folder")
    except IsADirectoryError:
        return LoadError(path, "is a folder")
    except PermissionError:
        return LoadError(path, "permission denied")
    except OSError as e:
        return LoadError(path, e.strerror or str(e))
    return read_bytes(path, data)


def articles(paths: list[str]) -> Iterator[Article | LoadError]:
    for item in expand(paths):
        yield item if isinstance(item, LoadError) else read(item)
