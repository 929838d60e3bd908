"""Features of a speaker candidate (``candidates.Candidate``): general facts of where it was found
and what it is, never a word of any article.

Each feature is a name with the value 1 (or a small count); the fitted weights of ``scorer`` say
how much each counts.  Example: for "“Vamos a ganar”, dijo el alcalde." the rule's candidate has
``src=rule``, ``rule=direct_postposed``, ``kind=person``, ``label=PER``, ``dist<50`` …
"""
from __future__ import annotations

from ..claims import Speaker
from .candidates import Candidate
from .kinds import speaker_kind

_DISTANCES = ((50, "dist<50"), (200, "dist<200"), (1000, "dist<1000"))


def speaker_features(sp: Speaker, kind: str | None) -> dict[str, float]:
    """What a speaker is, shared by the speaker choice and the confidence: kind, label, and whether
    the words at the claim were resolved to a name."""
    f = {f"kind={kind or 'none'}": 1.0, f"label={sp.label}": 1.0}
    if sp.name is None:
        f["no_name"] = 1.0
    elif sp.text and sp.name != sp.text:
        f["resolved"] = 1.0
    return f


def describe(cand: Candidate, rule: str, rule_pick_kind: str | None, rule_gave_none: bool, n: int,
             people: frozenset[str]) -> dict[str, float]:
    """The candidate's features (name -> value)."""
    sp = cand.speaker
    kind = speaker_kind(sp.name, sp.text, sp.label, people)
    f: dict[str, float] = {"bias": 1.0}
    for src in cand.sources:
        f[f"src={src}"] = 1.0
    f["sources"] = float(len(cand.sources))
    if "rule" in cand.sources:
        f[f"rule={rule}"] = 1.0
    else:
        f[f"other|rule={rule}"] = 1.0
        if rule_gave_none:
            f["other|rule_none"] = 1.0
        if rule_pick_kind is None and not rule_gave_none:
            f["other|rule_untyped"] = 1.0
    f.update(speaker_features(sp, kind))
    if sp.name and sum(1 for w in sp.name.split() if w[:1].isupper()) >= 2:
        f["full_name"] = 1.0
    f[next((label for limit, label in _DISTANCES if cand.distance < limit), "dist>=1000")] = 1.0
    if n == 1:
        f["alone"] = 1.0
    return f
