"""A claim's confidence as a probability fitted on gold: how often a claim like it is right (found,
with the right speaker).

The features are general facts of the claim, never a word of any article: the rule that found it
(``direct_postposed`` …), its type, whether the cue is a stance verb, the speaker's kind and label
(or none), whether the speaker was resolved to a name, and the content's length in words.  A
logistic regression over them (fitted by ``newsclaims train``, article-level cross-validation)
turns them into a probability; without fitted weights the rule's own confidence stands
(``claims.CONFIDENCE``).
"""
from __future__ import annotations

import math

from ..claims import Speaker
from .features import speaker_features

_LENGTHS = ((4, "words<4"), (10, "words<10"), (30, "words<30"), (80, "words<80"))


def claim_features(rule: str, kind: str, speaker: Speaker | None, has_cue: bool, stance: bool,
                   words: int) -> dict[str, float]:
    """The claim's features (name -> value)."""
    f: dict[str, float] = {"bias": 1.0, f"rule={rule}": 1.0, f"type={kind}": 1.0}
    if stance:
        f["stance"] = 1.0
    if not has_cue:
        f["no_cue"] = 1.0
    if speaker is None:
        f["no_speaker"] = 1.0
    else:
        f.update(speaker_features(speaker, speaker.kind))
    f[next((label for limit, label in _LENGTHS if words < limit), "words>=80")] = 1.0
    return f


class Calibrator:
    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights

    def probability(self, features: dict[str, float]) -> float:
        w = self.weights
        z = sum(w.get(name, 0.0) * value for name, value in features.items())
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
