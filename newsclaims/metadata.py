"""Article metadata read off the original text: title, authors, date, url."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .normalise import BYLINE, is_chrome

MONTHS = {m: i for i, m in enumerate(
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(), 1)}
MONTHS["setiembre"] = 9
_LONG_DATE = re.compile(r"\b(\d{1,2})\s+de\s+(" + "|".join(MONTHS) + r")\s+(?:de|del)\s+(\d{4})\b", re.IGNORECASE)
_SLASH_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:]+)?\b")
_LINK_URL = re.compile(r"\]\((https?://[^)\s]+)\)")
_BARE_URL = re.compile(r"(?<![(\w])https?://[^\s)\]]+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_PLAIN = re.compile(r"\[([^\]]*)\]\([^)]*\)|\*\*|__|(?<!\w)[*_]|[*_](?!\w)")
_BY = re.compile(r"^\s*(?:por|by)\s*:?\s+([A-ZÁÉÍÓÚÑ][^\n,|]{2,60})$", re.IGNORECASE)


@dataclass
class Metadata:
    title: str | None
    authors: list[str]
    date: str | None
    url: str | None


def _valid(y: int, m: int, d: int) -> str | None:
    if 1 <= m <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def find_date(text: str) -> str | None:
    """The first date the text gives, as ISO: "11 de diciembre de 2025" -> "2025-12-11"."""
    found = []  # the first valid date of each form: the earliest of them is the text's first
    for pattern, ymd in ((_LONG_DATE, lambda m: (int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))),
                         (_SLASH_DATE, lambda m: (int(m.group(3)), int(m.group(2)), int(m.group(1)))),
                         (_ISO_DATE, lambda m: (int(m.group(1)), int(m.group(2)), int(m.group(3))))):
        first = next(((m.start(), iso) for m in pattern.finditer(text) if (iso := _valid(*ymd(m)))), None)
        if first is not None:
            found.append(first)
    return min(found)[1] if found else None


def extract_metadata(original: str) -> Metadata:
    lines = original.splitlines()
    title = None
    for line in lines:
        m = _HEADING.match(line)
        if m and _PLAIN.sub(lambda x: x.group(1) or "", m.group(1)).strip():
            title = _PLAIN.sub(lambda x: x.group(1) or "", m.group(1)).strip()
            break
    if title is None:
        for line in lines:
            if line.strip() and not is_chrome(line):
                title = _PLAIN.sub(lambda x: x.group(1) or "", line).strip()
                break
    authors: list[str] = []
    for line in lines[:40]:  # bylines stand near the top
        m = BYLINE.match(line) or _BY.match(line)
        if m and m.group(1).strip() not in authors:
            authors.append(m.group(1).strip())
    url = None
    m = _LINK_URL.search(original) or _BARE_URL.search(original)
    if m:
        url = m.group(1) if m.re is _LINK_URL else m.group(0)
        url = url.rstrip(".,;")
    return Metadata(title or None, authors, find_date(original), url)


def host_of(url: str | None) -> str | None:
    """The site of a URL, without "www.": "https://www.diario.example/a" -> "diario.example"."""
    from urllib.parse import urlsplit
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
