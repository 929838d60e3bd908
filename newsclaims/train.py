"""Fit the speaker choice on gold claims: ``newsclaims train GOLD... --articles PATH... --output FILE``.

Each article is extracted with the rules' choice while every claim's speaker candidates and their
features are recorded (``pipeline.candidates``, ``pipeline.features``).  A claim that matches a gold
claim (the scorer's content matching) labels its candidates: right when the candidate's name or words
nest with the gold speaker's (the lenient speaker check).  A logistic regression over candidate rows
(scikit-learn, the ``train`` extra) gives the weights; article-level cross-validation (no article is
both fitted and judged) says how often the fitted choice and the rules' choice are right on claims
they never saw.  The weights file records the command, the figures and whether the fitted choice
is used (``enabled``: only when it beat the rules in cross-validation).
"""
from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from .evaluate import Pred, match, speaker_lenient


@dataclass
class Example:
    doc: str
    features: list[dict[str, float]]  # one per candidate, the rule's first when it gave one
    right: list[bool]
    rule_right: bool                  # the rules' own choice was right


def collect(gold: dict[str, list[dict]], articles: list, extractor, threshold: float = 0.5) -> list[Example]:
    """Training examples: matched gold claims with at least one right candidate."""
    from .normalise import normalise

    examples: list[Example] = []
    keyed = ((art, normalise(art.text)) for art in articles)
    for (art, norm), doc in extractor.parse(((pair, pair[1]) for pair in keyed)):
        name = Path(art.doc).name
        golds = gold.get(name)
        if not golds:
            continue
        plain = doc.user_data.get("newsclaims_claims", [])
        preds = []
        for c in plain:
            a, b = norm.to_original(c["start"], c["end"])
            sp = c["speaker"] or {}
            preds.append(Pred(sp.get("name"), sp.get("text"), None, c["type"], norm.original[a:b]))
        for gi, pi, _score in match(golds, preds, threshold):
            g, cands = golds[gi], plain[pi].get("candidates") or []
            if g.get("optional") or not cands:
                continue
            right = [speaker_lenient(g, Pred(c["name"], c["text"], None, None, "")) for c in cands]
            if not any(right):
                continue
            rule_right = bool(cands[0]["features"].get("src=rule")) and right[0]
            examples.append(Example(name, [c["features"] for c in cands], right, rule_right))
    return examples


def _fit(examples: list[Example], c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [f for ex in examples for f in ex.features]
    labels = [int(r) for ex in examples for r in ex.right]
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, labels)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0])}
    weights["bias"] = weights.get("bias", 0.0) + float(model.intercept_[0])
    return {k: round(v, 4) for k, v in sorted(weights.items()) if abs(v) >= 1e-4}


def _choice_right(weights: dict[str, float], ex: Example) -> bool:
    from .pipeline.scorer import Scorer
    rule_none = not ex.features[0].get("src=rule")
    k = Scorer(weights).choose(ex.features, rule_none)
    return k is not None and ex.right[k]


def cross_validate(examples: list[Example], folds: int = 5, c: float = 1.0) -> dict:
    """Article-level k-fold: the fitted choice's and the rules' accuracy on held-out articles."""
    docs = sorted({ex.doc for ex in examples})
    folds = max(2, min(folds, len(docs)))
    fitted = rules = 0
    for k in range(folds):
        held = set(docs[k::folds])
        train = [ex for ex in examples if ex.doc not in held]
        test = [ex for ex in examples if ex.doc in held]
        if not train or not test or len({r for ex in train for r in ex.right}) < 2:
            continue
        weights = _fit(train, c)
        fitted += sum(_choice_right(weights, ex) for ex in test)
        rules += sum(ex.rule_right for ex in test)
    n = len(examples)
    return {"folds": folds, "claims": n, "articles": len(docs),
            "rules_accuracy": round(rules / n, 4) if n else 0.0,
            "fitted_accuracy": round(fitted / n, 4) if n else 0.0}


def train(examples: list[Example], command: str, folds: int = 5, c: float = 1.0) -> dict:
    """The weights file's content: weights fitted on every example, the cross-validated figures,
    and ``enabled`` when the fitted choice beat the rules there."""
    if len({r for ex in examples for r in ex.right}) < 2:
        raise ValueError("the gold gives no choice to learn from (every candidate right, or none)")
    cv = cross_validate(examples, folds, c)
    return {"enabled": cv["fitted_accuracy"] > cv["rules_accuracy"], "command": command,
            "fitted": datetime.date.today().isoformat(), "cross_validation": cv, "regularisation_c": c,
            "weights": _fit(examples, c)}


def write(path: str, content: dict) -> None:
    Path(path).write_text(json.dumps(content, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
