"""The shapes every input kind yields (Article, LoadError) and the facts about input files that
every kind needs: which names are which kind, size limits, URLs.  Imports nothing of newsclaims."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_BYTES = 5 * 1024 * 1024  # larger text files are refused: see README, "Bad input"
MAX_PAGE_BYTES = 20 * 1024 * 1024  # an HTML page (markup is most of a page's weight)
KINDS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
         ".warc": "warc", ".warc.gz": "warc"}
SUFFIXES = tuple(KINDS)


def suffixes(of: str | None = None) -> str:
    """The input file names, for messages and help: ".txt, .md, .html, .htm, .xhtml, .warc, .warc.gz"
    (``of``: one kind only)."""
    return ", ".join(s for s, k in KINDS.items() if of is None or k == of)


def kind(path: str | Path) -> str | None:
    """"text", "html" or "warc" by the file's name; None for other files."""
    name = Path(path).name.lower()
    for suffix, k in sorted(KINDS.items(), key=lambda kv: -len(kv[0])):
        if name.endswith(suffix):
            return k
    return None


@dataclass
class Article:
    doc: str          # the path as the user gave it (or found under a folder), "-" for stdin
    text: str         # decoded original text
    encoding: str
    note: str = ""    # a wrong declared or assumed encoding: "not UTF-8 (byte 0xe9 at offset 12), read as cp1252"
    meta: Any = None  # pages.PageMeta for a web page: its own title, authors, date, url, site


@dataclass
class LoadError:
    doc: str
    reason: str
    archive: str | None = None  # the WARC file a record came from


def is_url(path: str) -> bool:
    """``s3://…``, ``gs://…``, ``memory://…``, ``file://…``: read through fsspec."""
    return "://" in path and not Path(path).exists()


def open_binary(path: str):
    if is_url(path):
        import fsspec
        return fsspec.open(path, "rb").open()
    return open(path, "rb")


_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(data: bytes) -> bool:
    return bool(_HTML_START.match(data[:2048]))


