"""Floating quotations: a quotation opening a sentence with no cue continues the current speaker:
"“Vamos a ganar”, dijo el alcalde. “Lo haremos sin ayuda.”" """
from __future__ import annotations

import re

from spacy.tokens import Span

from ...claims import Speaker
from ..context import Context, ends_question

_FLOATING_WORDS = 4    # a floating quotation has at least this many words


def floating(ctx: Context, sent: Span) -> None:
    """A quotation opening a sentence, with no cue, continues the current speaker."""
    if ctx.current is None:
        return
    for q in ctx.quotes_opening_in(sent.start_char, sent.end_char):
        near = ctx.claims_near(q.start, q.end)
        if any(c.start <= q.start < c.end or q.start <= c.start < q.end for c in near):
            continue
        if len(re.findall(r"\w+", ctx.text[q.start:q.end])) < _FLOATING_WORDS:
            continue
        if ends_question(ctx.text[q.start:q.end]):
            continue  # the journalist's question in an interview
        before = ctx.text[max(0, q.open_mark - 3):q.open_mark]
        if before.strip() and before.strip()[-1] not in ".!?:":
            continue
        gap = ctx.para(q.open_mark) - ctx.current_para
        if gap > 1 and not (gap == 2 and ctx.question_before(q.open_mark)):
            continue  # an interview answer may follow the journalist's question
        c = ctx.current
        ctx.add(ctx.kind_of(q.start, q.end), Speaker(c.name, c.text, c.label, c.start, c.end),
                 None, q.start, q.end, sent, "floating")
