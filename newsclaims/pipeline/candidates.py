"""Speaker candidates of a claim: every speaker the article offers for it, from where it was found.

The claim patterns resolve one speaker by rule (the subject of the cue, the inverted subject, the
name set off by commas, the "según X" phrase, the antecedent of "quien" …); that is candidate
``rule``.  Beside it stand the speakers the context offers, each of which is right in some frame
the rules miss:

* ``current``  the current speaker: the one of the latest claim ("…”, agregó." after a quotation
               of Ana Ruiz);
* ``salient``  the last person seen as the subject of a sentence ("Ana Ruiz visitó el puerto. “…”");
* ``sentence`` the first person named in the claim's sentence outside its content and not after a
               preposition ("Ana Ruiz, en la rueda de prensa, fue clara: “…”");
* ``before``   the last person named before the sentence.

Candidates with the same name are one candidate with several sources.  ``features`` describes
them and ``scorer`` picks one; none of them is a per-token pass (they read the entity index and the
resolver's lists).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..claims import Speaker
from ..rules import name_words

_GOVERNING = {"de", "del", "a", "al", "con", "por", "para", "sobre", "contra", "sin", "entre", "hacia", "según", "y", "e"}


@dataclass
class Candidate:
    speaker: Speaker
    sources: set[str] = field(default_factory=set)
    distance: int = 0  # characters from the nearest mention of this candidate to the cue (or content)


def _same(a: Speaker, b: Speaker) -> bool:
    if a.name and b.name:
        return name_words(a.name) == name_words(b.name)
    return (a.name, a.text) == (b.name, b.text)


def gather(ctx, picked: Speaker | None, anchor: int, start: int, end: int, sent) -> list[Candidate]:
    """The claim's candidates: the rule's pick first, then the context's, one per name.
    ``anchor``: the cue's offset (else the content's start); ``start``/``end``: the content."""
    out: list[Candidate] = []

    def add(sp: Speaker | None, source: str, at: int | None) -> None:
        if sp is None or not (sp.name or sp.text):
            return
        distance = abs(anchor - at) if at is not None else 10_000
        for c in out:
            if _same(c.speaker, sp):
                c.sources.add(source)
                c.distance = min(c.distance, distance)
                return
        out.append(Candidate(sp, {source}, distance))

    add(picked, "rule", picked.start if picked is not None else None)
    cur = ctx.current
    add(cur, "current", cur.start if cur is not None else None)
    for at, sp in reversed(ctx.resolver.salient):
        if at < sent.start_char:
            add(sp, "salient", at)
            break
    text = ctx.text
    for m, e in ctx.resolver.index.mentions_in(sent.start_char, sent.end_char):
        if e.label != "PER" or start <= m.start < end:
            continue
        before = text[max(sent.start_char, m.start - 12):m.start].split()
        if before and before[-1].lower() in _GOVERNING:
            continue
        add(Speaker(e.name, text[m.start:m.end], "PER", m.start, m.end), "sentence", m.start)
        break
    for at, e in ctx.resolver.index.before(sent.start_char):
        if e.label == "PER":
            m = next((m for m in e.mentions if m.start == at), None)
            if m is not None:
                add(Speaker(e.name, text[m.start:m.end], "PER", m.start, m.end), "before", at)
            break
    return out
