"""Floating quotations: a quotation opening a sentence with no cue continues the current speaker:
"“Vamos a ganar”, dijo el alcalde. “Lo haremos sin ayuda.”" """
from __future__ import annotations

import re

from spacy.tokens import Span

from ...claims import Cue, Speaker
from ..context import Context, ends_question
from ..cues import past_lemmas
from ..kinds import noun_kind
from ..mentions import np_head, phrase_after
from ..quotes import ANSWER_LINE as _ANSWER_LINE
from .cue_left import lead_in

_FLOATING_WORDS = 4    # a floating quotation has at least this many words


def floating(ctx: Context, sent: Span) -> None:
    """A quotation opening a sentence, with no cue, continues the latest speaker: the current one,
    or a person who was the subject of a sentence since ("Ana Ruiz apunta a la financiación.
    “Los presupuestos deben crecer.”")."""
    for q in ctx.quotes_opening_in(sent.start_char, sent.end_char):
        near = ctx.claims_near(q.start, q.end)
        if any(c.start <= q.start < c.end or q.start <= c.start < q.end for c in near):
            continue
        words = re.findall(r"\w+", ctx.text[q.start:q.end])
        if len(words) < _FLOATING_WORDS:
            continue
        if len(words) <= 8 and all(w[:1].isupper() or w.isdigit() for w in words) and not all(w.isupper() for w in words):
            continue  # “Doce Años De Lluvia”, a work's title in title case, says nothing
        if ends_question(ctx.text[q.start:q.end]) and (
                ctx.text[q.start:q.start + 1] in "¿¡" or not _same_paragraph_claim(ctx, q.open_mark)):
            continue  # the journalist's question in an interview (a rhetorical one inside the
            # speaker's own paragraph, after a statement, is the speaker's)
        before = ctx.text[max(0, q.open_mark - 3):q.open_mark]
        if before.strip() and before.strip()[-1] not in ".!?:" and not _adverbial_lead(ctx, sent, q):
            lead = lead_in(ctx, sent, q)
            said = _unlisted_cue(ctx, q, sent) if lead is not None else None
            if said is not None and lead is not None:  # "La jornada “quedará en la historia”, predijo Ana Ruiz."
                ctx.add(ctx.kind_of(lead, q.outer[1]), said[0], said[1], lead, q.outer[1], sent, "direct_unlisted")
            continue
        said = _unlisted_cue(ctx, q, sent)
        if said is not None:  # "“…”, cerró la candidata.": a verb the tables lack, then the speaker
            speaker, cue = said
            ctx.add(ctx.kind_of(q.start, q.end), speaker, cue, q.start, q.end, sent, "direct_unlisted")
            continue
        c, para = _latest_speaker(ctx, q.open_mark)
        if c is None:
            continue
        gap = ctx.para(q.open_mark) - para
        if gap > 1 and not (gap == 2 and (ctx.question_before(q.open_mark) or _ANSWER_LINE.match(
                ctx.text, ctx.para_starts[ctx.para(q.open_mark)]))):
            continue  # an interview answer may follow the journalist's question
        ctx.add(ctx.kind_of(q.start, q.end), Speaker(c.name, c.text, c.label, c.start, c.end),
                None, q.start, q.end, sent, "floating")


def _adverbial_lead(ctx: Context, sent: Span, q) -> bool:
    """ "Por ejemplo, “…”." / "Por estas razones, “…”.": a sentence that is a quotation after a short
    adverbial lead and its comma (no verb, no name), nothing but punctuation after it."""
    lead = [t for t in sent if t.idx < q.open_mark and not t.is_space]
    if not 2 <= len(lead) <= 5 or lead[-1].text != "," or not lead[0].text[:1].isupper():
        return False
    if any(t.pos_ in ("VERB", "AUX", "PROPN", "NUM") or t.ent_type_ for t in lead[:-1]):
        return False
    return not ctx.text[q.outer[1]:sent.end_char].strip(" .\n\"”»’")


def _same_paragraph_claim(ctx: Context, pos: int) -> bool:
    """Whether a claim of this paragraph ends before ``pos``."""
    para = ctx.para(pos)
    return any(c.end <= pos and ctx.para(c.start) == para for c in ctx.claims_near(ctx.para_starts[para], pos))


def _unlisted_cue(ctx: Context, q, sent: Span):
    """A quotation, a comma, a finite verb no table lists and a person after it, then the sentence
    ends: "“Los vecinos saben quién cumple”, cerró la candidata." -> (speaker, cue)."""
    doc = ctx.doc
    span = doc.char_span(q.outer[1], sent.end_char, alignment_mode="expand") if q.outer[1] < sent.end_char else None
    if span is None or len(span) < 3 or span[0].text != ",":
        return None
    verb = span[1]
    finite = verb.pos_ == "VERB" and "VerbForm=Fin" in str(verb.morph) and "Person=3" in str(verb.morph)
    # A verb the small model does not know is often tagged a noun ("zanjó"): a lower-case word in -ó
    # in this frame is a preterite all the same.
    preterite = verb.pos_ in ("NOUN", "ADJ", "PROPN", "VERB") and len(verb.text) > 3 and verb.text.endswith("ó")
    if not (finite or preterite) or not verb.is_lower:
        return None
    after = phrase_after(doc, verb.i + 1, sent.end)
    head = np_head(after) if after else None
    # a person, a role, a speaker noun, or a body by its name ("la Corte Suprema", "el Ministerio de …")
    if head is None or not (any(t.ent_type_ in ("PER", "ORG") for t in after) or ctx.resolver.is_role(head)
                            or head.pos_ == "NOUN" and ctx.resolver.known_speaker(head)
                            or head.pos_ == "PROPN" and noun_kind(head.text) == "organisation"):
        return None
    rest = [t for t in doc[after[-1].i + 1:sent.end] if not (t.is_punct or t.is_space)]
    if rest:
        return None  # the sentence goes on: not a speaker closing a quotation
    cue = Cue(verb.text, verb.lemma_.lower() if finite else past_lemmas(verb.lower_)[0], verb.idx,
              verb.idx + len(verb.text))
    return ctx.resolver.resolve(after, ctx.current), cue


def _latest_speaker(ctx: Context, pos: int) -> tuple[Speaker | None, int]:
    """The current speaker, or the person last seen as a subject before ``pos`` when that is later."""
    best, at, para = ctx.current, ctx.current_at, ctx.current_para
    for seen, sp in reversed(ctx.resolver.salient):
        if seen < pos:
            if best is None or seen > at:
                best, para = sp, ctx.para(seen)
            break
    return best, para
