"""The fitted choice among a claim's speaker candidates.

A logistic regression over ``features`` gives each candidate a score; the claim's speaker is the
best one.  Where the rules found no speaker, another candidate is taken only when its probability
passes one half.  The weights are a small JSON file (``newsclaims/data/weights.json``, or
``--weights FILE``; its ``speaker_choice`` section, beside the ``confidence`` one), written by
``newsclaims train`` with the command and the cross-validated figures that made it; it is read
once per process.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

DEFAULT_WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "weights.json"


class WeightsError(ValueError):
    """A weights file cannot be read."""


class Scorer:
    def __init__(self, weights: dict[str, float], enabled: bool = True) -> None:
        self.weights = weights
        self.enabled = enabled

    def score(self, features: dict[str, float]) -> float:
        w = self.weights
        return sum(w.get(name, 0.0) * value for name, value in features.items())

    def choose(self, described: list[dict[str, float]], rule_gave_none: bool) -> int | None:
        """Index of the chosen candidate (``None``: no speaker)."""
        if not described:
            return None
        scores = [self.score(f) for f in described]
        best = max(range(len(scores)), key=lambda k: (scores[k], -k))  # ties: the earlier (the rule's)
        if rule_gave_none and 1 / (1 + math.exp(-scores[best])) < 0.5:
            return None
        return best


@lru_cache(maxsize=8)
def load_weights(path: str | None = None) -> dict:
    """A weights file of ``newsclaims train`` (the packaged one by default): its sections
    ``speaker_choice`` and ``confidence``, each ``{"enabled": …, "weights": {feature: weight}}``."""
    file = Path(path) if path else DEFAULT_WEIGHTS
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        sections = {}
        for name in ("speaker_choice", "confidence"):
            section = data[name]
            sections[name] = {"enabled": bool(section.get("enabled", True)),
                              "weights": {str(k): float(v) for k, v in section["weights"].items()}}
    except OSError as e:
        raise WeightsError(f"{file}: {e.strerror or e}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise WeightsError(f"{file}: not a newsclaims weights file ({e})") from None
    return sections


def load_scorer(path: str | None = None) -> Scorer:
    """The speaker-choice scorer of a weights file."""
    section = load_weights(path)["speaker_choice"]
    return Scorer(section["weights"], section["enabled"])


def load_calibrator(path: str | None = None):
    """The confidence calibrator of a weights file, or ``None`` when it is not enabled."""
    from .confidence import Calibrator
    section = load_weights(path)["confidence"]
    return Calibrator(section["weights"]) if section["enabled"] else None
