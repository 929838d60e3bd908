"""A quotation named by a speech noun: "“Quédense en casa”, fue el mensaje de la doctora Ana Ruiz",
"“Vamos a ganar”. Estas fueron las palabras con las que la capitana abrió la rueda de prensa." """
from __future__ import annotations

from spacy.tokens import Span

from ...claims import Cue
from ...rules import singulars, word_set
from ..context import Context
from ..mentions import phrase_after

_DEMONSTRATIVES = ("estas", "esas", "esta", "esa", "tales", "aquellas")


def speech_noun(ctx: Context, sent: Span) -> None:
    """ "“Quédense en casa”, fue el mensaje de la doctora Ana Ruiz": a quotation, then a form of
    "ser" and a speech noun (speech_nouns.tsv) with the speaker after "de"."""
    doc = ctx.doc
    nouns = word_set("speech_nouns.tsv")
    for t in (doc[i] for i in ctx.within_sent(ctx.ser_idx, sent)):
        if t.i + 3 >= sent.end:
            continue
        q = ctx.quote_ending_before(t.idx)
        if q is None and t.i - 1 == sent.start and doc[t.i - 1].lower_ in _DEMONSTRATIVES:
            q = ctx.quote_ending_before(doc[t.i - 1].idx)  # "“…”. Estas fueron las palabras de X."
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
        after = k + 1
        if k + 2 < sent.end and doc[k].lower_ == "con" and doc[k + 1].lower_ in ("que", "las", "la", "los", "el") \
                and "que" in (doc[k + 1].lower_, doc[k + 2].lower_):
            after = k + 2 if doc[k + 1].lower_ == "que" else k + 3  # "las palabras con las que X abrió …"
        elif k >= sent.end or doc[k].lower_ not in ("de", "del"):
            continue
        src = phrase_after(doc, after, sent.end)
        if after != k + 1 and not (src and ctx.resolver.person_like(src)):
            continue
        if not src:
            continue
        cue = Cue(ctx.text[t.idx:doc[k - 1].idx + len(doc[k - 1].text)], "ser", t.idx,
                  doc[k - 1].idx + len(doc[k - 1].text))
        ctx.add(ctx.kind_of(q.start, q.end), ctx.resolver.resolve(src, ctx.current), cue, q.start, q.end,
                 sent, "direct_postposed")
