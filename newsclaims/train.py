"""Fit the speaker choice and the claims' confidence on gold claims:
``newsclaims train GOLD... --articles PATH... --output FILE``.

Each article is extracted with the rules' choice while every claim's speaker candidates and their
features are recorded (``pipeline.candidates``, ``pipeline.features``).  A claim that matches a gold
claim (the scorer's content matching) labels its candidates: right when the candidate's name or words
nest with the gold speaker's (the lenient speaker check).  A logistic regression over candidate rows
(scikit-learn, the ``train`` extra) gives the weights; article-level cross-validation (no article is
both fitted and judged) says how often the fitted choice and the rules' choice are right on claims
they never saw.  The same run fits the claims' confidence: every extracted claim is a row, right
when it matches a gold claim with a right speaker (claims matching optional gold claims are left
out), and the held-out log loss and the precision of the claims at 0.8 or more say whether the fitted
probability beats the rules' fixed confidences.  The weights file records the command, the figures
and whether each fitted part is used (``enabled``: only when it beat the rules held out).
"""
from __future__ import annotations

import datetime
import json
import math
from dataclasses import dataclass
from pathlib import Path

from .evaluate import Pred, match, speaker_lenient


@dataclass
class ClaimRow:
    doc: str
    features: dict[str, float]
    rule_confidence: float
    right: bool


@dataclass
class Example:
    doc: str
    features: list[dict[str, float]]  # one per candidate, the rule's first when it gave one
    right: list[bool]
    rule_right: bool                  # the rules' own choice was right


def collect(gold: dict[str, list[dict]], articles: list, extractor,
            threshold: float = 0.5) -> tuple[list[Example], list[ClaimRow]]:
    """Training examples: matched gold claims with at least one right candidate (speaker choice),
    and every claim with whether it is right (confidence)."""
    from .normalise import normalise

    examples: list[Example] = []
    rows: list[ClaimRow] = []
    keyed = ((art, normalise(art.text)) for art in articles)
    for (art, norm), doc in extractor.parse(((pair, pair[1]) for pair in keyed)):
        name = Path(art.doc).name
        golds = gold.get(name)
        if golds is None:
            continue
        plain = doc.user_data.get("newsclaims_claims", [])
        preds = []
        for c in plain:
            a, b = norm.to_original(c["start"], c["end"])
            sp = c["speaker"] or {}
            preds.append(Pred(sp.get("name"), sp.get("text"), None, c["type"], norm.original[a:b]))
        pairs = {pi: gi for gi, pi, _score in match(golds, preds, threshold)}
        for pi, c in enumerate(plain):
            g = golds[pairs[pi]] if pi in pairs else None
            if g is not None and g.get("optional"):
                continue
            if c.get("features") is not None:
                rows.append(ClaimRow(name, c["features"], c["confidence"],
                                     g is not None and speaker_lenient(g, preds[pi])))
            cands = c.get("candidates") or []
            if g is None or not cands:
                continue
            right = [speaker_lenient(g, Pred(x["name"], x["text"], None, None, "")) for x in cands]
            if not any(right):
                continue
            rule_right = bool(cands[0]["features"].get("src=rule")) and right[0]
            examples.append(Example(name, [x["features"] for x in cands], right, rule_right))
    return examples, rows


def _fit_rows(rows: list[dict[str, float]], labels: list[int], c: float) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, labels)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0])}
    weights["bias"] = weights.get("bias", 0.0) + float(model.intercept_[0])
    return {k: round(v, 4) for k, v in sorted(weights.items()) if abs(v) >= 1e-4}


def _fit(examples: list[Example], c: float) -> dict[str, float]:
    return _fit_rows([f for ex in examples for f in ex.features], [int(r) for ex in examples for r in ex.right], c)


def _choice_right(weights: dict[str, float], ex: Example) -> bool:
    from .pipeline.scorer import Scorer
    rule_none = not ex.features[0].get("src=rule")
    k = Scorer(weights).choose(ex.features, rule_none)
    return k is not None and ex.right[k]


def cross_validate(examples: list[Example], folds: int = 5, c: float = 1.0) -> dict:
    """Article-level k-fold: the fitted choice's and the rules' accuracy on held-out articles."""
    docs = sorted({ex.doc for ex in examples})
    parts = _folds(docs, folds)
    fitted = rules = 0
    for held in parts:
        train = [ex for ex in examples if ex.doc not in held]
        test = [ex for ex in examples if ex.doc in held]
        if not train or not test or len({r for ex in train for r in ex.right}) < 2:
            continue
        weights = _fit(train, c)
        fitted += sum(_choice_right(weights, ex) for ex in test)
        rules += sum(ex.rule_right for ex in test)
    n = len(examples)
    return {"folds": len(parts), "claims": n, "articles": len(docs),
            "rules_accuracy": round(rules / n, 4) if n else 0.0,
            "fitted_accuracy": round(fitted / n, 4) if n else 0.0}


def _folds(docs: list[str], folds: int) -> list[set[str]]:
    folds = max(2, min(folds, len(docs)))
    return [set(docs[k::folds]) for k in range(folds)]


def _log_loss(p: float, right: bool) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return -math.log(p if right else 1 - p)


def _precision_at(pairs: list[tuple[float, bool]], cut: float) -> dict:
    kept = [right for p, right in pairs if p >= cut]
    return {"claims": len(kept), "precision": round(sum(kept) / len(kept), 4) if kept else None}


def cross_validate_confidence(rows: list[ClaimRow], folds: int = 5, c: float = 1.0) -> dict:
    """Article-level k-fold: held-out log loss and precision at 0.8, fitted against the rules'."""
    from .pipeline.confidence import Calibrator

    docs = sorted({r.doc for r in rows})
    fitted: list[tuple[float, bool]] = []
    rules: list[tuple[float, bool]] = []
    for held in _folds(docs, folds):
        train_rows = [r for r in rows if r.doc not in held]
        test_rows = [r for r in rows if r.doc in held]
        if not test_rows or len({r.right for r in train_rows}) < 2:
            continue
        cal = Calibrator(_fit_rows([r.features for r in train_rows], [int(r.right) for r in train_rows], c))
        fitted += [(cal.probability(r.features), r.right) for r in test_rows]
        rules += [(r.rule_confidence, r.right) for r in test_rows]
    n = len(fitted)
    return {"claims": len(rows), "articles": len(docs), "right": sum(r.right for r in rows),
            "rules_log_loss": round(sum(_log_loss(p, y) for p, y in rules) / n, 4) if n else None,
            "fitted_log_loss": round(sum(_log_loss(p, y) for p, y in fitted) / n, 4) if n else None,
            "rules_at_0.8": _precision_at(rules, 0.8), "fitted_at_0.8": _precision_at(fitted, 0.8),
            "fitted_at_0.5": _precision_at(fitted, 0.5), "fitted_at_0.9": _precision_at(fitted, 0.9)}


def train(examples: list[Example], rows: list[ClaimRow], command: str, folds: int = 5, c: float = 1.0) -> dict:
    """The weights file's content: both parts fitted on every example, their cross-validated
    figures, and ``enabled`` for each part that beat the rules there."""
    if len({r for ex in examples for r in ex.right}) < 2:
        raise ValueError("the gold gives no choice to learn from (every candidate right, or none)")
    cv = cross_validate(examples, folds, c)
    if len({r.right for r in rows}) < 2:  # every claim right (or none): the rules' confidences stay
        confidence = {"enabled": False, "cross_validation": {"claims": len(rows), "note": "every claim right, or none"},
                      "weights": {}}
    else:
        cv_conf = cross_validate_confidence(rows, folds, c)
        better = cv_conf["fitted_log_loss"] is not None and cv_conf["fitted_log_loss"] < cv_conf["rules_log_loss"]
        confidence = {"enabled": better, "cross_validation": cv_conf,
                      "weights": _fit_rows([r.features for r in rows], [int(r.right) for r in rows], c)}
    return {"command": command, "fitted": datetime.date.today().isoformat(), "regularisation_c": c,
            "speaker_choice": {"enabled": cv["fitted_accuracy"] > cv["rules_accuracy"], "cross_validation": cv,
                               "weights": _fit(examples, c)},
            "confidence": confidence}


def write(path: str, content: dict) -> None:
    Path(path).write_text(json.dumps(content, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
