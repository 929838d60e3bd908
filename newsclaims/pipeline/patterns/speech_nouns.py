"""A quotation named by a speech noun: "“Quédense en casa”, fue el mensaje de la doctora Ana Ruiz",
"“Vamos a ganar”. Estas fueron las palabras con las que la capitana abrió la rueda de prensa." """
from __future__ import annotations

from spacy.tokens import Span, Token

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
        if not _speech_noun(doc[k], nouns):
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


_SIGUIENTE = ("siguiente", "siguientes")


def _speech_noun(t: Token, nouns: frozenset[str]) -> bool:
    """A noun of speech_nouns.tsv ("palabras", "mensaje"), by its form or its lemma."""
    return bool(set(singulars(t.text)) & nouns) or t.lemma_.lower() in nouns


def _speech_word(doc, k: int, nouns: frozenset[str]) -> bool:
    """A speech noun or "lo siguiente" at token ``k``."""
    t = doc[k]
    return _speech_noun(t, nouns) or t.lower_ in _SIGUIENTE and k > 0 and doc[k - 1].lower_ in ("lo", "las", "los")


def speech_noun_before(ctx: Context, sent: Span) -> None:
    """A quotation announced by a speech noun before it: "Les dedicó lo siguiente: “…”", "La empresa
    envió una explicación: “…”" (the subject of the verb whose object the noun is speaks), "Sus
    primeras palabras fueron “…”", "Las palabras de la jueza fueron: “…”" (the noun's owner speaks)."""
    doc = ctx.doc
    nouns = word_set("speech_nouns.tsv")
    for q in ctx.quotes_opening_in(sent.start_char, sent.end_char):
        if any(c.start <= q.start < c.end for c in ctx.claims_near(q.start, q.end)):
            continue
        k = q.open_mark
        while k > sent.start_char and ctx.text[k - 1] in " \t":
            k -= 1
        colon = ctx.text[k - 1:k] == ":"
        before = [t for t in doc[sent.start:sent.end] if t.idx < (k - 1 if colon else k) and not t.is_space]
        if not before or ctx.quote_at(before[-1].idx) is not None:
            continue
        last = before[-1]
        if last.lemma_.lower() == "ser" and last.pos_ in ("AUX", "VERB"):
            # "Sus primeras palabras (en el aeropuerto) fueron “…”": the noun opens the subject
            noun = next((t for t in before[:-1][:4] if _speech_word(doc, t.i, nouns)), None)
            if noun is None:
                continue
            first = before[0]
            if first.lower_ in ("su", "sus"):
                speaker = ctx.dropped_subject(first.idx, sent.start_char)
            elif noun.i + 1 < last.i and doc[noun.i + 1].lower_ in ("de", "del"):
                src = phrase_after(doc, noun.i + 2, last.i)
                speaker = ctx.resolver.resolve(src, ctx.current) if src else None
            else:
                continue
            verb = last
        elif colon:
            # "… dedicó lo siguiente:", "… envió una explicación del cierre:": a speech noun among
            # the last words before the colon, the object of a finite verb before it
            noun = next((t for t in reversed(before[-6:]) if _speech_word(doc, t.i, nouns)), None)
            if noun is None:
                continue
            found = next((t for t in reversed(before) if t.i < noun.i and t.pos_ in ("VERB", "AUX")), None)
            if found is None:
                continue
            verb = found
            if noun.i - verb.i > 5 or any(t.text in ",;" for t in doc[verb.i:noun.i]) \
                    or not ("VerbForm=Fin" in str(verb.morph) or any(c.dep_ == "aux" for c in verb.children)):
                continue  # (a finite verb, or a participle with its auxiliary: "ha remitido")
            speaker = ctx.speaker_for(verb, sent, postposed=False)
            if speaker is not None and speaker.start >= verb.idx:
                speaker = ctx.dropped_subject(verb.idx, sent.start_char)  # "dedicó lo siguiente" parsed a subject
        else:
            continue
        if ctx.kind(speaker) is None:
            continue
        end = noun.idx + len(noun.text)
        cue = Cue(ctx.text[verb.idx:end] if verb.i < noun.i else ctx.text[noun.idx:verb.idx + len(verb.text)],
                  "ser" if verb.lemma_.lower() == "ser" else verb.lemma_.lower(),
                  min(verb.idx, noun.idx), max(end, verb.idx + len(verb.text)))
        ctx.add(ctx.kind_of(q.start, q.end), speaker, cue, q.start, q.end, sent, "direct_colon")
