"""A quotation named by a speech noun: "“Quédense en casa”, fue el mensaje de la doctora Ana Ruiz"."""
from __future__ import annotations


from spacy.tokens import Span

from ...claims import Cue
from ...rules import word_set, singulars
from ..context import Context
from ..mentions import phrase_after


def speech_noun(ctx: Context, sent: Span) -> None:
    """ "“Quédense en casa”, fue el mensaje de la doctora Ana Ruiz": a quotation, then a form of
    "ser" and a speech noun (speech_nouns.tsv) with the speaker after "de"."""
    doc = ctx.doc
    nouns = word_set("speech_nouns.tsv")
    for t in (doc[i] for i in ctx.within_sent(ctx.ser_idx, sent)):
        if t.i + 3 >= sent.end:
            continue
        q = ctx.quote_ending_before(t.idx)
        if q is None or any(c.start == q.start for c in ctx.claims_near(q.start, q.start + 1)):
            continue
        k = t.i + 1
        if doc[k].pos_ == "DET":
            k += 1
        if not (set(singulars(doc[k].text)) & nouns or doc[k].lemma_.lower() in nouns):
            continue
        k += 1
        while k < sent.end and doc[k].pos_ == "ADJ":
            k += 1
        if k >= sent.end or doc[k].lower_ not in ("de", "del"):
            continue
        src = phrase_after(doc, k + 1, sent.end)
        if not src:
            continue
        cue = Cue(ctx.text[t.idx:doc[k - 1].idx + len(doc[k - 1].text)], "ser", t.idx,
                  doc[k - 1].idx + len(doc[k - 1].text))
        ctx.add(ctx.kind_of(q.start, q.end), ctx.resolver.resolve(src, ctx.current), cue, q.start, q.end,
                 sent, "direct_postposed")
