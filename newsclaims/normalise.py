"""Normalise scraped article text for the parser, keeping a map back to the original.

Scraped pages carry markdown and page chrome ("Copied to clipboard", reading times, bare URLs).
The parser reads a cleaned text; every offset we print refers to the *original* decoded text.
``Normalised.index[i]`` is the original offset of ``Normalised.text[i]``.

Two texts come out: ``text`` (cleaned, quote marks as written, used to find quotations) and
``parse_text`` (the same length, with typographic double quotes turned into ``"``: the Spanish
models were trained on straight quotes and parse “…” badly; and hyphens typed for a pair of dashes
written as dashes).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from .rules import chrome_line

# [text](url) and ![alt](url); the url may be empty or an anchor.
_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"\n]*\")?\)")
_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)[^\s)\]]+")
_EMPH = re.compile(r"\*\*|__|(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])")
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+")
_HEADING_TAIL = re.compile(r"[ \t]+#+[ \t]*$")
_QUOTE_PREFIX = re.compile(r"^[ \t]{0,3}>[ \t]?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
# A byline: a line that is only a link to a person's name ("[Ana Pérez](#)", "[Ana Pérez](/autor/x)").
BYLINE = re.compile(r"^\s*\[([A-ZÁÉÍÓÚÑ][\w'’.-]+(?:\s+(?:de|del|la|y|[A-ZÁÉÍÓÚÑ][\w'’.-]+)){1,4})\]\((#|/[^)\s]*)?\)\s*$")
# Wire-copy datelines opening a paragraph: "MADRID, 25 nov (EFE).- ", "BOGOTÁ.- ", "Lima (AFP) - ".
_CAP = r"[A-ZÁÉÍÓÚÑÜ][\wÁÉÍÓÚÑÜáéíóúñü.'’]*"
DATELINE = re.compile(
    rf"^[ \t]*(?P<place>{_CAP}(?:[ \t]+(?:de|del|la|las|los|{_CAP})){{0,4}})"
    r"(?P<date>[ \t]*,[ \t]*[^()\n\-–—]{1,30}?)?"
    r"(?P<agency>[ \t]*\([ \t]*[^()\n]{1,30}\))?"
    r"[ \t]*\.?[ \t]*[-–—]{1,2}[ \t]+(?=\S)")
_PARSE_QUOTES = "“”«»„‟"  # each read as '"' by the parser
_SENTENCE_END = ".!?:;…"
# Corpora that mask digits write "*NUMBER*" (its asterisks read as markdown emphasis and go): the
# parser reads a number there, not a capitalised name ("El pasado *NUMBER* de mayo informó …").
_MASKED_NUMBER = re.compile(r"(?<![\w*])NUMBER(?![\w])")
_MASK_DIGITS = "000000"  # as long as "NUMBER": offsets are the same in both texts
_BARE_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)


@dataclass
class Normalised:
    original: str
    text: str
    index: list[int]
    parse_text: str = field(default="")
    ends: list[int] | None = None  # original end of each character, where composing made it several

    def __post_init__(self) -> None:
        if not self.parse_text:
            text = self.text
            for mark in _PARSE_QUOTES:  # (str.replace per mark: str.translate reads a dict per character)
                if mark in text:
                    text = text.replace(mark, '"')
            if "NUMBER" in text:
                text = _MASKED_NUMBER.sub(_MASK_DIGITS, text)
            self.parse_text = dash_hyphens(text)

    @cached_property
    def masked(self) -> bool:
        """Whether the text masks its digits ("*NUMBER*") and the parser read digits there."""
        return "NUMBER" in self.text and _MASK_DIGITS in self.parse_text

    def unmask(self, name: str) -> str:
        """A name built from the parsed words, with the text's own mask where it had one."""
        return name.replace(_MASK_DIGITS, "NUMBER") if self.masked else name

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        if end <= start:
            pos = self.index[start] if start < len(self.index) else len(self.original)
            return pos, pos
        return self.index[start], (self.ends[end - 1] if self.ends is not None else self.index[end - 1] + 1)


def compose(original: str) -> tuple[str, list[int], list[int]]:
    """NFC form of ``original`` with each character's [start, end) in the original: text copied
    from macOS or some CMSs is decomposed (NFD: "e" + U+0301), and every rule matches composed
    words."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(original)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(original[j]):
            j += 1
        # Only a letter with combining marks is composed: singleton mappings (CJK compatibility
        # ideographs, the Ohm and Kelvin signs) stay as written.
        for ch in (unicodedata.normalize("NFC", original[i:j]) if j > i + 1 else original[i]):
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return "".join(out), starts, ends


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.index: list[int] = []

    def add(self, original: str, start: int, end: int) -> None:
        self.chars.extend(original[start:end])
        self.index.extend(range(start, end))

    def add_char(self, char: str, pos: int) -> None:
        self.chars.append(char)
        self.index.append(pos)

    def last_char(self) -> str:
        for ch in reversed(self.chars):
            if not ch.isspace():
                return ch
        return ""


# A bullet opening a line ("■ Lamenta Ana Ruiz que …", a subhead): the parser would take it for the
# line's subject; it is dropped like a heading's marks.
_BULLET = re.compile(r"[ \t]*[■•▪►▶◆●◾‣][ \t]+")


def _keep_ranges(line: str, offset: int) -> list[tuple[int, int]]:
    """Ranges of ``line`` (as absolute offsets) that survive inline markdown removal."""
    drop: list[tuple[int, int]] = []
    keep_inside: list[tuple[int, int, int, int]] = []
    m = _HEADING.match(line) or _QUOTE_PREFIX.match(line) or _BULLET.match(line)
    if m:
        drop.append((0, m.end()))
    m = DATELINE.match(line)
    if m and (m.group("agency") or (m.group("place").split()[0].isupper() and len(m.group("place")) > 2)):
        drop.append((0, m.end()))  # the dateline is not part of the first sentence
    m = _HEADING_TAIL.search(line)
    if m and _HEADING.match(line):
        drop.append((m.start(), len(line)))
    for m in _LINK.finditer(line):
        if m.group(1):  # image: drop it whole
            drop.append((m.start(), m.end()))
        else:
            drop.append((m.start(), m.start(2)))
            drop.append((m.end(2), m.end()))
            keep_inside.append((m.start(), m.end(), m.start(2), m.end(2)))
    for m in _URL.finditer(line):
        if not any(a <= m.start() < b for a, b, _, _ in keep_inside):
            drop.append((m.start(), m.end()))
    for m in _EMPH.finditer(line):
        drop.append((m.start(), m.end()))
    for m in _CONTROL.finditer(line):
        drop.append((m.start(), m.end()))
    drop.sort()
    ranges, pos = [], 0
    for a, b in drop:
        if a > pos:
            ranges.append((offset + pos, offset + a))
        pos = max(pos, b)
    if pos < len(line):
        ranges.append((offset + pos, offset + len(line)))
    return ranges


def is_chrome(line: str) -> bool:
    """Whole lines of page furniture, dropped before parsing."""
    plain = (_LINK.sub(lambda m: m.group(2), line) if "[" in line else line).strip(" \t*#_")
    if not plain:
        return bool(line.strip())  # a line of markup only
    if BYLINE.match(line) or _BARE_DOMAIN.match(plain):
        return True
    return chrome_line().match(plain) is not None


def normalise(original: str) -> Normalised:
    """Clean ``original`` for parsing; the result maps every character back to it.  Decomposed
    (NFD) text is composed first; offsets still point into ``original`` as read."""
    if unicodedata.is_normalized("NFC", original):
        return _normalise(original)
    composed, starts, ends = compose(original)
    inner = _normalise(composed)
    return Normalised(original, inner.text, [starts[i] for i in inner.index],
                      ends=[ends[i] for i in inner.index])


def _normalise(original: str) -> Normalised:
    """Clean ``original`` for parsing; the result maps every character back to it.

    A paragraph that starts in lower case after one that did not end a sentence is joined to it
    ("…“coordinar ciertos asuntos”\\n\\ncon Maduro." reads as one sentence).
    """
    out = _Builder()
    pending: list[int] = []  # original positions of line breaks not yet written
    pos = 0
    for raw in original.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        line_start, line_end = pos, pos + len(body)
        pos += len(raw)
        if not body.strip() or is_chrome(body):
            pending.extend(range(line_end, pos) if pos > line_end else [])
            continue
        ranges = _keep_ranges(body, line_start)
        text = "".join(original[a:b] for a, b in ranges)
        if not text.strip():
            pending.extend(range(line_end, pos))
            continue
        first = text.lstrip()[:1]
        if out.chars and pending:
            blank = sum(1 for p in pending if original[p] == "\n") >= 2
            if first.islower() and out.last_char() not in _SENTENCE_END:
                out.add_char(" ", pending[0])  # a paragraph broken mid-sentence
            else:
                # Keep at most one blank line: paragraphs stay apart, chrome leaves no hole.
                nl = [p for p in pending if original[p] == "\n"] or pending[:1]
                for p in nl[: 2 if blank else 1]:
                    out.add_char("\n", p)
        pending = []
        for a, b in ranges:
            out.add(original, a, b)
        pending.extend(range(line_end, pos))
    _space_glued_periods(out)
    return Normalised(original, "".join(out.chars), out.index)


# "… el peldaño número 30.Los Cowboys …": a sentence end typed without its space (or lost with a
# line break by a scraper) hides the boundary from the parser.  A space is inserted for the parser
# only, mapped to the period's position; offsets still point into the original as read.
_GLUED_PERIOD = re.compile(r"(?<=[A-Za-záéíóúñüÁÉÍÓÚÑ0-9*)”»\"])\.(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñü]{2})")


def _space_glued_periods(out: _Builder) -> None:
    text = "".join(out.chars)
    for m in reversed(list(_GLUED_PERIOD.finditer(text))):
        out.chars.insert(m.end(), " ")
        out.index.insert(m.end(), out.index[m.start()])


# "… una respuesta clara -dijo Gil con firmeza-; yo …": hyphens typed for a pair of dashes (an
# aside, an interrupting cue). The parser and the rules read them as the dashes they stand for; the
# parse text stays the same length, and the text shown and hashed keeps the hyphens. One opens
# after a space or a bracket before a letter, the other closes after a letter or a period before a
# space or punctuation, with no hyphen or dash between them on the line ("ex-ministro",
# "1990-2000", "Tepic.- " and a list's "- " are no such pair). The opening one may be a dash
# already ("–dijo-").
_HYPHEN_PAIR = re.compile(r"(?:(?<=[\s(\[])-|[—–])(?=[^\W\d_])[^\n\-–—]{1,200}?(?<=[^\W\d_]|[.!?])-(?=[\s,.;:)\]]|$)")


def dash_hyphens(text: str) -> str:
    """``text`` with each pair of hyphens that stands for dashes written as em dashes."""
    if "-" not in text:
        return text
    pairs = [(m.start(), m.end() - 1) for m in _HYPHEN_PAIR.finditer(text)]
    if not pairs:
        return text
    chars = list(text)
    for pair in pairs:
        for pos in pair:
            if chars[pos] == "-":
                chars[pos] = "—"
    return "".join(chars)
