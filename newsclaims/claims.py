"""Plain data classes for claims, and their JSON form.

Offsets on these objects are character offsets into the spaCy ``Doc`` text; ``to_dict`` maps them
to the original article through an offset mapper, so that ``original[start:end] == text``.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Callable

from .rules import fold

Mapper = Callable[[int, int], tuple[int, int]]
CLAIM_TYPES = ("direct", "indirect", "mixed", "according_to")
SPEAKER_LABELS = ("PER", "ORG", "LOC", "MISC", "ANON")

# Each rule's confidence (documented in README, "Confidence"): how often such a finding is a claim
# with the right boundaries, judged on hand-written examples; stance verbs are scaled by STANCE.
CONFIDENCE = {
    "direct_postposed": 0.95,    # “…”, dijo X.
    "direct_unlisted": 0.75,     # “…”, zanjó X.  (a verb no table lists, in the frame of a cue)
    "direct_interrupted": 0.9,   # “…”, dijo X, “…”  /  «… —dijo X— …»
    "direct_colon": 0.9,         # X dijo: “…”
    "direct_preposed": 0.85,     # X dijo “…”
    "indirect_que": 0.85,        # X dijo que …
    "indirect_unlisted": 0.6,    # X aportó que …  (a verb no table lists, then an asserted clause)
    "indirect_infinitive": 0.75, # X afirmó haber …
    "indirect_colon": 0.7,       # X dijo: …  (no quote marks)
    "indirect_postposed": 0.7,   # …, aseguró X.
    "indirect_parenthetical": 0.7,  # A partir de ahora, recalcó X, los plazos …
    "indirect_object": 0.6,      # X destacó la labor de …
    "mixed_stance": 0.7,         # X lo calificó de “irresponsable”
    "according_to": 0.8,         # Según X, …
    "according_to_para": 0.6,    # Para X, …
    "according_to_opinion": 0.6, # …, en su opinión, …  (the current speaker's)
    "floating": 0.6,             # a quotation continuing the current speaker
    "headline": 0.6,             # Frase: Nombre
    "headline_verb": 0.6,        # Destaca Nombre la labor de …  (a headline opening with its speech verb)
    "tweet": 0.8,                # an embedded tweet, signed "— Nombre (@cuenta) fecha"
}
STANCE = 0.6
UNTYPED = 0.5  # a claim whose speaker phrase names nothing that can speak (speaker null)


@dataclass
class Speaker:
    name: str | None  # canonical name, None when the article gives none
    text: str
    label: str
    start: int
    end: int
    kind: str | None = None  # person | group | organisation | document (newsclaims.pipeline.kinds)
    gender: str | None = None  # female | male, for a person whose gender the article shows (pipeline.gender)
    gender_evidence: str | None = None  # the words that show it: "la ministra"
    anonymous: bool = False  # an unnamed source ("fuentes", "un funcionario que pidió no ser identificado")


@dataclass
class Cue:
    text: str
    lemma: str
    start: int
    end: int


@dataclass
class Claim:
    type: str
    speaker: Speaker | None
    cue: Cue | None
    start: int  # content
    end: int
    sentence_start: int
    sentence_end: int
    confidence: float
    rule: str
    candidates: list | None = None  # speaker candidates and their features, when recorded for training
    features: dict | None = None    # the claim's confidence features, when recorded for training

    def to_plain(self) -> dict:
        """The claim as plain data (doc offsets), for ``doc.user_data``: serialisable by msgpack."""
        return {"type": self.type, "speaker": None if self.speaker is None else vars(self.speaker).copy(),
                "cue": None if self.cue is None else vars(self.cue).copy(), "start": self.start, "end": self.end,
                "sentence_start": self.sentence_start, "sentence_end": self.sentence_end,
                "confidence": self.confidence, "rule": self.rule,
                **({"candidates": self.candidates} if self.candidates is not None else {}),
                **({"features": self.features} if self.features is not None else {})}

    @classmethod
    def from_plain(cls, d: dict) -> "Claim":
        return cls(d["type"], None if d["speaker"] is None else Speaker(**d["speaker"]),
                   None if d["cue"] is None else Cue(**d["cue"]), d["start"], d["end"], d["sentence_start"],
                   d["sentence_end"], d["confidence"], d["rule"], d.get("candidates"), d.get("features"))

    def to_dict(self, doc: str, original: str, mapper: Mapper | None = None) -> dict:
        """The claim as JSON-ready dict, keys in the documented order."""
        mapper = mapper or (lambda s, e: (s, e))

        def span(s: int, e: int) -> tuple[int, int, str]:
            a, b = mapper(s, e)
            return a, b, original[a:b]

        cs, ce, content = span(self.start, self.end)
        speaker = None
        if self.speaker is not None:
            ss, se, stext = span(self.speaker.start, self.speaker.end)
            speaker = {"name": self.speaker.name, "text": stext, "label": self.speaker.label,
                       "kind": self.speaker.kind, "gender": self.speaker.gender,
                       "gender_evidence": self.speaker.gender_evidence, "anonymous": self.speaker.anonymous,
                       "start": ss, "end": se}
        cue = None
        if self.cue is not None:
            us, ue, utext = span(self.cue.start, self.cue.end)
            cue = {"text": utext, "lemma": self.cue.lemma, "start": us, "end": ue}
        sa, sb = mapper(self.sentence_start, self.sentence_end)
        return {
            "id": claim_id(self.speaker.name if self.speaker else None, content),
            "doc": doc,
            "type": self.type,
            "speaker": speaker,
            "cue": cue,
            "content": {"text": content, "start": cs, "end": ce},
            "sentence": {"start": sa, "end": sb},
            "confidence": round(self.confidence, 3),
        }


def claim_id(speaker_name: str | None, content: str) -> str:
    """12 hex characters from the folded speaker name and content words (no offsets)."""
    words = " ".join(re.findall(r"\w+", fold(content)))
    key = f"{fold(speaker_name or '')}\x1f{words}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
