"""Quotations: find the spans between quote marks, robust to unbalanced and nested marks.

Handled: “…”, «…», „…“, "…" and ‘…’ (an apostrophe ’ inside a word is not a mark), nesting
(«… “…” …»: only the outer quotation is returned, inner ones are listed on it), quotations over
several paragraphs when each new paragraph reopens the mark (the Spanish convention), and
unbalanced marks: a quotation never crosses a paragraph break unless reopened; one left open at the
end of its paragraph ends there and is flagged ``balanced=False``; a closing mark whose opening mark
was lost, followed by a comma ("…mujeres”, dijo."), closes a quotation that starts its paragraph
(``orphan=True``); a pair of two kinds, a straight mark and a curly one ('"…”', '“…"'), is one
quotation; a paragraph opening with an em dash is dialogue ("—No cederemos —dijo—.").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from ..doc_tokens import doc_length, doc_text
from ..entities import QUESTION_LINE

OPENERS = {"“": "”", "«": "»", "„": "“", "‹": "›"}
CLOSERS = {"”", "»", "›"}
_OPEN_CONTEXT = set(" \t\n([{—–-/:;¡¿«“‘\"'")
_MARK_OR_LINE = re.compile("[\n\"“”«»„‹›‘’]")  # the characters find_quotes acts on


# An interview set as questions and answers: "P. ¿…?" / "R. …", "Pregunta: …" / "Respuesta: …".
ANSWER_LINE = re.compile(r"[ \t]*(?:R|Respuesta)[ \t]*[.:\-–—]+[ \t]+(?=[¿¡\w])")
_INTERRUPTION = re.compile(r"[ \t]—(?=[a-záéíóúñ])")  # "… —dijo el alcalde—": the narrator speaks


@dataclass
class Quote:
    start: int        # first character inside the marks
    end: int          # one past the last character inside the marks
    open_mark: int    # offset of the opening mark
    close_mark: int   # offset of the closing mark (== end when unbalanced)
    balanced: bool = True
    inner: list[tuple[int, int]] = field(default_factory=list)
    orphan: bool = False  # the opening mark was lost: the quotation starts its paragraph

    @property
    def outer(self) -> tuple[int, int]:
        return self.open_mark, self.close_mark + (1 if self.balanced else 0)



def _para_breaks(text: str) -> list[int]:
    out, i = [], text.find("\n")
    while i != -1:
        out.append(i)
        i = text.find("\n", i + 1)
    return out


def find_quotes(text: str) -> list[Quote]:
    """Outermost quotations of ``text``, in order."""
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []  # (closing mark expected, offset of opener)
    first_open = -1
    inner: list[tuple[int, int]] = []
    n = len(text)

    def trimmed(end: int, spaces: str) -> int:
        """``end`` moved back over ``spaces``, never before the opening mark's next character."""
        while end > first_open + 1 and text[end - 1] in spaces:
            end -= 1
        return end

    def close(pos: int, balanced: bool = True) -> None:
        nonlocal first_open, inner
        end = pos if balanced else trimmed(pos, " \t\n")
        if not balanced:
            same = [(a, b) for a, b in inner if text[a - 1] == text[first_open]]
            scare = len(same) == 1 and not text[same[0][1] + 1:pos].strip(" \t\r\n.") \
                and len(text[same[0][0]:same[0][1]].split()) <= 3  # «… por culpa del “ahorro”.¶
            if same and not scare and text[first_open] in "“«":
                # «… un vecino, “me operaron rápido. “El trato fue bueno”, dijo su hija.»:
                # a mark opened again before any closing one was left open by the source, not nested
                # (nesting takes other marks); it ends before the next quotation, which stands alone.
                end = trimmed(same[0][0] - 1, " \t\n")
                if end > first_open + 1:
                    quotes.append(Quote(first_open + 1, end, first_open, end, False,
                                        [(a, b) for a, b in inner if b <= end]))
                for k, (a, b) in enumerate(same):
                    if k and a < same[k - 1][1]:
                        continue
                    quotes.append(Quote(a, b, a - 1, b, True, [(x, y) for x, y in inner if a < x and y <= b]))
                first_open, inner = -1, []
                return
        end = trimmed(end, " \t")  # "«… del cambio «, dijo": the space before the mark is not quoted
        if end > first_open + 1:
            quotes.append(Quote(first_open + 1, end, first_open, pos, balanced, inner))
        first_open, inner = -1, []

    para_start = 0  # where the current paragraph's text begins

    def orphan(pos: int) -> None:
        """A closing mark whose opening mark was lost (common in scraped copy), followed by a
        comma: «…mujeres”, dijo.» The quotation runs back to the start of its paragraph."""
        if not re.match(r"[ \t]*,", text[pos + 1:pos + 4]):
            return
        if quotes and quotes[-1].close_mark >= para_start:
            return
        body = text[para_start:pos]
        if len(body.split()) < 4 or any(m in body for m in "“”«»\"") or body.lstrip()[:1] in "—–-":
            return
        quotes.append(Quote(para_start, pos, para_start, pos, True, [], orphan=True))

    def dialogue(start: int) -> None:
        """Spanish dialogue: a paragraph opening with an em dash is speech ("—No cederemos
        —dijo el alcalde—."), the dash being its only mark. It runs to the paragraph end, but the
        narrator's interruption (a dash before a lower-case word, up to the next dash) is no speech
        where it closes the paragraph or a sentence: "—Llegarán en marzo —dijo Soto—. Todo depende
        del proveedor." holds two quotations; "—No —dijo— en nada" stays one (guidelines rule 2)."""
        if start >= n or text[start] != "—" or start + 1 >= n or not (text[start + 1].isalpha() or text[start + 1] in "¿¡"):
            return
        end = text.find("\n", start)
        end = n if end == -1 else end
        body = text[start + 1:end]
        if any(m in body for m in "“”«»\""):
            return
        segments, first, pos = [], start + 1, start + 1
        while True:
            m = _INTERRUPTION.search(text, pos, end)
            if m is None:
                segments.append((first, end))
                break
            closing = text.find("—", m.end(), end)
            after = end if closing == -1 else closing + 1
            rest = text[after:end]
            if not rest.strip(" \t.") or (new := re.match(r"[ \t]*\.[ \t]+(?=[¿¡\w])", rest)) is None:
                if not rest.strip(" \t."):  # "—No cederemos —dijo el alcalde—."
                    segments.append((first, m.start()))
                    break
                pos = after  # "—No —dijo— en nada": one statement, the interruption inside it
                continue
            segments.append((first, m.start()))  # "—… —dijo—. Todo depende …": a new sentence, a new quotation
            first = pos = after + new.end()
        for a, b in segments:
            while b > a and text[b - 1] in " \t":
                b -= 1
            if len(text[a:b].split()) >= 3:
                # (a later sentence has no mark of its own: it opens where its words do)
                quotes.append(Quote(a, b, a - 1 if a == start + 1 else a, b - 1, True, [], orphan=False))

    asked = QUESTION_LINE.search(text) is not None

    def answer(start: int) -> None:
        """An interview set as "P. ¿…?" / "R. …" ("Pregunta:" / "Respuesta:"): an answer paragraph
        is the interviewee's speech, its marker the only mark (only where the article asks too)."""
        m = ANSWER_LINE.match(text, start) if asked else None
        if m is None:
            return
        end = text.find("\n", start)
        end = n if end == -1 else end
        b = end
        while b > m.end() and text[b - 1] in " \t":
            b -= 1
        if len(text[m.end():b].split()) >= 3 and not any(q in text[m.end():b] for q in "“”«»\""):
            quotes.append(Quote(m.end(), b, m.end(), b - 1, True, [], orphan=False))

    dialogue(0)
    answer(0)
    i = 0
    while i < n:
        mark = _MARK_OR_LINE.search(text, i)  # no other character changes anything below
        if mark is None:
            break
        i = mark.start()
        ch = text[i]
        if ch == "\n":
            if stack and inner and _closed_at_line_end(text, para_start, i, inner[-1][1]):
                # «…, dijo, pero admitió que hay "en el país quienes …".¶: the mark that closed a
                # nested quotation at the paragraph's end closed the outer one too (one mark typed
                # for two); never a quotation running on into the next paragraph.
                end = inner.pop()[1]
                close(end)
                stack.clear()
            if stack:
                # Next paragraph (skip blank lines and spaces): does it reopen the outer mark?
                j = i
                while j < n and text[j] in " \t\n\r":
                    j += 1
                bottom = stack[0][0]
                reopen = j < n and (text[j] == bottom or text[j] in OPENERS and OPENERS[text[j]] == bottom) \
                    and not (bottom == '"' and any(text[a - 1] == '"' for a, _ in inner))
                # (not a straight mark left open before another straight pair inside: «extensible "a los
                # presos, así como "a los policías" que …¶"Son indultos …"»: the source lost a mark, and
                # the next paragraph's quotation is its own)
                if reopen and "\n" in text[i:j]:
                    i = j + 1  # the quotation continues; the reopening mark is not content
                    para_start = j
                    continue
                close(i, balanced=False)
                stack.clear()
            i += 1
            while i < n and text[i] in " \t\n\r":
                i += 1
            para_start = i
            if not stack:
                found = len(quotes)
                dialogue(i)
                answer(i)
                if len(quotes) > found:
                    i = quotes[-1].end  # the paragraph is dialogue; its dashes are not marks
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch == "“" and stack and stack[-1][0] == "”" and _closes(prev, nxt):
            ch = "”"  # "…farmacéuticas“, puntualiza.": an opening mark typed where the closing one belongs
        elif ch in "“«" and stack and stack[-1][0] == OPENERS[ch] and re.match(r"[ \t]?[,;]", text[i + 1:i + 3]):
            ch = OPENERS[ch]  # "«… del cambio «, dijo": no quotation opens on a comma
        elif ch == "”" and not stack and _reopens(text, i, prev):
            ch = "“"  # "… provocar. ” Ya estamos viendo …”": a closing mark typed where the opening one belongs
        elif ch == "”" and stack and stack[-1][0] == '"' and _closes(prev, nxt):
            ch = '"'  # '"… los aviones”, explicó': a straight mark closed by a curly one (the pair mixed)
        elif ch == '"' and stack and stack[-1][0] == "”" and _closes(prev, nxt):
            ch = "”"  # '“… los aviones", explicó': and the other way round
        if ch in OPENERS and not (ch == "“" and stack and stack[-1][0] == "“"):
            stack.append((OPENERS[ch], i))
            if len(stack) == 1:
                first_open = i
        elif ch in CLOSERS or ch == "“":
            expected = [k for k, (c, _) in enumerate(stack) if c == ch]
            if not stack and ch in "”»":
                orphan(i)
            if expected:
                k = expected[-1]
                _, at = stack[k]
                del stack[k:]
                if stack:
                    inner.append((at + 1, i))
                else:
                    close(i)
        elif ch == '"':
            if stack and stack[-1][0] == '"' and (prev not in _OPEN_CONTEXT or nxt in " \t\n.,;:!?)]}»”—–-"):
                _, at = stack.pop()
                if stack:
                    inner.append((at + 1, i))
                else:
                    close(i)
            elif prev in _OPEN_CONTEXT or i == 0:
                stack.append(('"', i))
                if len(stack) == 1:
                    first_open = i
            elif stack and any(c == '"' for c, _ in stack):
                k = max(k for k, (c, _) in enumerate(stack) if c == '"')
                _, at = stack[k]
                del stack[k:]
                if not stack:
                    close(i)
            elif not stack:
                orphan(i)
        elif ch == "‘" and (prev in _OPEN_CONTEXT or i == 0) and nxt.isalnum():
            stack.append(("’", i))
            if len(stack) == 1:
                first_open = i
        elif ch == "’" and stack and stack[-1][0] == "’" and not (prev.isalpha() and nxt.isalpha()):
            _, at = stack.pop()
            if stack:
                inner.append((at + 1, i))
            else:
                close(i)
        i += 1
    if stack:
        close(n, balanced=False)
    return _with_single_quotes(text, quotes)


def _closed_at_line_end(text: str, para_start: int, nl: int, mark: int) -> bool:
    """Whether the last mark of a paragraph (before a final period) is ``mark``, a straight quote."""
    end = nl
    while end > para_start and text[end - 1] in " \t\r.":
        end -= 1
    return end - 1 == mark and text[mark] == '"'


def _closes(prev: str, nxt: str) -> bool:
    """A mark right after a word or a sentence's end and before a space, punctuation or the end
    closes: “…compañías“, dijo. An opening mark is followed by the first quoted word."""
    return (prev.isalnum() or prev in ".!?…)") and not (nxt.isalnum() or nxt in "¿¡")


def _reopens(text: str, i: int, prev: str) -> bool:
    """A ” at the start of a paragraph or sentence, before a capitalised word, with another ”
    later in its paragraph: a misprinted opening mark ("… provocar. ” Ya estamos …”.")."""
    if not (prev in " \t\n" or i == 0):
        return False
    before = text[max(0, i - 3):i].strip()
    if before and before[-1] not in ".!?:":
        return False
    m = re.match(r"[ \t]?([¿¡]?\w)", text[i + 1:i + 4])
    if not m or not m.group(1)[-1].isupper():
        return False
    end = text.find("\n", i)
    rest = text[i + 1:end if end != -1 else len(text)]
    return "”" in rest and "“" not in rest[:rest.find("”")]


# Straight single quotes used as quotation marks after a colon: "dijo: 'No lo disfruté. Nadie rió'."
# Elsewhere a straight ' is too often an apostrophe or a scare quote around one word.
_SINGLE_AFTER_COLON = re.compile(r":[ \t]*(')(?=[^\s'])([^'\n]{12,}?)(')(?=[\s.,;:!?)\]]|$)")


def _with_single_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    extra = []
    for m in _SINGLE_AFTER_COLON.finditer(text):
        a, b = m.start(1), m.end(3)
        if len(m.group(2).split()) < 3 or any(q.open_mark <= a < q.outer[1] or a <= q.open_mark < b for q in quotes):
            continue
        extra.append(Quote(m.start(2), m.end(2), a, m.start(3)))
    if not extra:
        return quotes
    return sorted(quotes + extra, key=lambda q: q.open_mark)


def quote_source(doc: Doc, text: str | None = None) -> str:
    """The text whose quote marks count: the original marks when the loader kept them aside."""
    source = doc.user_data.get("newsclaims_marks")
    if isinstance(source, str) and len(source) == doc_length(doc):
        return source
    return doc_text(doc) if text is None else text


def doc_quotes(doc: Doc, text: str | None = None) -> list[Quote]:
    """The quotations of ``doc``, found once and kept in ``doc.user_data``."""
    key = "newsclaims_quote_list"
    if key not in doc.user_data:
        # Plain tuples in user_data, so that the Doc serialises (to_bytes, DocBin, n_process).
        doc.user_data[key] = [(q.start, q.end, q.open_mark, q.close_mark, q.balanced, [list(x) for x in q.inner],
                               q.orphan) for q in find_quotes(quote_source(doc, text))]
    return [Quote(a, b, o, c, bal, [tuple(x) for x in inner], orphan)
            for a, b, o, c, bal, inner, orphan in doc.user_data[key]]


@Language.factory("newsclaims_quotes", assigns=["doc.spans"], default_config={"spans_key": "newsclaims_quotes"})
def make_quotes(nlp: Language, name: str, spans_key: str) -> "QuoteFinder":
    return QuoteFinder(spans_key=spans_key)


class QuoteFinder:
    """Sets ``doc.spans[spans_key]``: one span per outer quotation (marks excluded).

    «No vamos a ceder —dijo la ministra— en nada» gives one span, "No vamos … en nada".
    """

    def __init__(self, *, spans_key: str = "newsclaims_quotes") -> None:
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for q in doc_quotes(doc):
            span = doc.char_span(q.start, q.end, label="quote" if q.balanced else "quote_open",
                                 alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc
