"""Unlisted cues with a "que" clause: a verb no table lists, then "que" and a clause in the
indicative, with a subject that can speak: "La concejala aportó que el mercado abrirá los domingos." The
verb is a cue with a lower confidence (rule ``indirect_unlisted``); ``newsclaims eval --details``
lists such cues so a user can add them to ``cue_verbs.tsv``.

Verbs of will and cause take the subjunctive ("logró que se abriera"); verbs of perception,
knowledge or finding that take the indicative are listed in ``non_cue_verbs.tsv`` ("supo que").
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from ...claims import Cue
from ...rules import word_set
from ..context import Context
from ..cues import cue_lemma, past_lemmas
from ..mentions import subject_of

_PAST = re.compile(r"(?:ó|aron|ieron|aba|aban|ía|ían)$")


def unlisted_que(ctx: Context, sent: Span) -> None:
    doc = ctx.doc
    for i in ctx.within_sent(ctx.que_idx, sent):
        if i - 1 <= sent.start:
            continue
        verb, que = doc[i - 1], doc[i]
        morph = verb.morph
        if verb.pos_ != "VERB" or not verb.is_lower or morph.get("VerbForm", []) != ["Fin"] \
                or morph.get("Person", []) != ["3"] or morph.get("Mood", []) != ["Ind"] or morph.get("Tense", []) != ["Past"] \
                or not _PAST.search(verb.lower_):
            continue  # (a past form by its ending too: the tagger takes some adjectives for verbs)
        lemmas = {verb.lemma_.lower(), *past_lemmas(verb.lower_)}  # the model's lemma may be wrong ("obvió" -> "obveír")
        if cue_lemma(verb) is not None or lemmas & word_set("non_cue_verbs.tsv") \
                or doc[verb.i - 1].lower_ in ("se", "lo", "la", "que") or ctx.quote_at(verb.idx) is not None:
            continue  # ("se supo que", "lo que pasó", "que resultó que": nobody reports)
        clause = que.head
        # (a copular clause hangs from its predicate: "que no somos enemigos", the verb is "somos")
        finite = clause if clause.pos_ in ("VERB", "AUX") else next(
            (c for c in clause.children if c.dep_ == "cop" and c.i < clause.i), None)
        if clause.head.i != verb.i or finite is None or finite.morph.get("Mood", []) != ["Ind"]:
            continue  # the clause must be the verb's own, asserted (not "logró que se abriera")
        subj = subject_of(verb)
        if subj is None or subj.i > verb.i:
            continue
        speaker = ctx.speaker_for(verb, sent, postposed=False)
        if ctx.kind(speaker) is None:
            continue
        end = ctx.content_end(i, sent, cue=verb)
        end_char = doc[end - 1].idx + len(doc[end - 1].text)
        kind = ctx.kind_of(que.idx, end_char)
        lemma = verb.lemma_.lower()
        cue = Cue(verb.text, lemma, verb.idx, verb.idx + len(verb.text))
        ctx.add("mixed" if kind == "direct" else kind, speaker, cue, que.idx, end_char, sent, "indirect_unlisted", lemma)

