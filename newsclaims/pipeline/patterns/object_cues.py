"""Object content: "La alcaldesa destacó la labor de los bomberos" (verbs of object_cues.tsv), and
after any speech verb a noun of content_nouns.tsv: "Planteó la necesidad de contratar médicos"."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ...claims import Cue
from ...rules import word_set
from ..context import Context
from ..mentions import subject_of, trim_np

# Verbs of object_cues.tsv that also mean holding an event ("celebraron una cena con los embajadores").
_HOLDING = frozenset({"celebrar"})


def object_content(ctx: Context, tok: Token, cue: Cue, sent: Span, lemma: str) -> None:
    """ "La alcaldesa destacó la labor de los bomberos": for the verbs of object_cues.tsv the
    direct object is the reported content."""
    if "VerbForm=Ger" in str(tok.morph) and tok.i > sent.start and tok.doc[tok.i - 1].text == ",":
        return  # "…, destacando la labor de X" goes on with the content before it (``Context.content_end``)
    objs = [c for c in tok.children if c.dep_ in ("obj", "obl") and c.pos_ == "NOUN" and c.i > tok.i
            and sent.start <= c.i < sent.end and ctx.quote_at(c.idx) is None]
    if lemma not in word_set("object_cues.tsv"):
        # "apuntó a la necesidad de …", "insistió en la importancia de …": the noun states content.
        objs = [c for c in objs if c.lemma_.lower() in word_set("content_nouns.tsv")
                and c.i + 1 < sent.end and c.doc[c.i + 1].lower_ == "de"
                and all(t.pos_ in ("ADP", "DET") for t in c.doc[tok.i + 1:c.i])]
    else:  # (an object after personal "a" is whom the verb is about: "reconoció a los voluntarios por …")
        objs = [c for c in objs if c.dep_ == "obj" and not any(x.dep_ == "case" and x.lower_ in ("a", "al") for x in c.children)]
    if not objs or lemma in _HOLDING and objs[0].lemma_.lower() in word_set("held_events.tsv"):
        return  # ("celebró su aniversario": an event held, held_events.tsv)
    tokens = ctx.within(objs[0], sent)
    tokens = [t for t in tokens if t.i > tok.i and t.pos_ != "ADP" or t.i > objs[0].i]
    if len(tokens) < 3 or not any(t.pos_ == "DET" for t in tokens[:2]):
        return
    end = tokens[-1]
    subj = subject_of(tok)
    if subj is not None and sent.start <= subj.i < sent.end and subj.i not in {t.i for t in tokens}:
        speaker = ctx.resolver.resolve(trim_np(ctx.within(subj, sent)), ctx.current)
    else:  # the object is not an inverted subject: a dropped subject is the current speaker
        speaker = ctx.dropped_subject(tok.idx, sent.start_char)
    ctx.add(ctx.kind_of(tokens[0].idx, end.idx + len(end.text)), speaker, cue, tokens[0].idx,
             end.idx + len(end.text), sent, "indirect_object", lemma)
