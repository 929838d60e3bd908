"""Score predicted claims against hand-annotated gold claims.

Gold files hold one JSON object per claim (``NAME.gold.jsonl`` for the article ``NAME.txt``):
``{"doc", "speaker", "speaker_mention", "cue", "type", "content", "optional"}``.  Matching is the
shared evaluation's: a prediction matches a gold claim of the same article when the token F1 of
their contents reaches ``threshold`` (one-to-one, best pairs first); optional gold claims are
neither owed nor counted against a prediction that matches them.

Figures: content P/R/F1 (the claim was found); speaker accuracy over matched claims, lenient (the
names' words nest: "Lukashenko" in "Alexander Lukashenko", or the mention matches) and strict (the
canonical name is the gold one); type accuracy; boundaries (mean token F1 of matched contents);
end-to-end P/R/F1 (found with a leniently right speaker); and the same per gold claim type.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .diff import similarity, words

THRESHOLD = 0.5
# The shared scorer's own list, kept as is so that `newsclaims eval` gives score.py's figures.
_NAME_STOP = {"el", "la", "los", "las", "de", "del", "y", "e", "lo", "un", "una", "unos", "unas"}
TYPES = ("direct", "indirect", "mixed", "according_to")


class GoldError(ValueError):
    """A gold or prediction file cannot be read."""


def _names(text: str | None) -> set[str]:
    return {w for w in words(text or "") if w not in _NAME_STOP}


def _nests(a: str | None, b: str | None) -> bool:
    wa, wb = _names(a), _names(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


@dataclass
class Pred:
    speaker_name: str | None
    speaker_text: str | None
    cue: str | None
    type: str | None
    content: str
    speaker_kind: str | None = None
    cue_lemma: str | None = None
    speaker_gender: str | None = None


# Kinds of a labels file (``doc``, ``speaker``, ``kind``, ``gender``, ``evidence``): "other" is a
# speaker that is none of the four (an idea, an event), which newsclaims never types.
LABEL_KINDS = ("person", "group", "organisation", "document", "other")


def load_labels(path: str) -> dict[tuple[str, str], dict]:
    """Speaker labels by (article file name, gold speaker): ``{"kind": …, "gender": …}``."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise GoldError(f"{path}: {e.strerror or e}") from None
    labels: dict[tuple[str, str], dict] = {}
    header = None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if header is None:
            header = [p.strip() for p in parts]
            if not {"doc", "speaker", "kind"} <= set(header):
                raise GoldError(f"{path}:{n}: a labels file starts with the columns doc, speaker, kind (gender, evidence)")
            continue
        row = dict(zip(header, (p.strip() for p in parts)))
        if row.get("kind") not in LABEL_KINDS:
            raise GoldError(f"{path}:{n}: kind must be one of {', '.join(LABEL_KINDS)}")
        labels[(Path(row["doc"]).name, row["speaker"])] = row
    return labels


def speaker_lenient(gold: dict, pred: Pred) -> bool:
    return (_nests(gold.get("speaker"), pred.speaker_name) or _nests(gold.get("speaker"), pred.speaker_text)
            or _nests(gold.get("speaker_mention"), pred.speaker_text))


def speaker_strict(gold: dict, pred: Pred) -> bool:
    return bool(pred.speaker_name) and _names(gold.get("speaker")) == _names(pred.speaker_name)


def load_gold(paths: list[str]) -> dict[str, list[dict]]:
    """Gold claims by article file name; an article whose gold file is empty has no claims."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(p.rglob("*.gold.jsonl"))
        elif p.is_file():
            files.append(p)
        else:
            raise GoldError(f"{p}: no such file or folder")
    if not files:
        raise GoldError("no *.gold.jsonl files found")
    gold: dict[str, list[dict]] = {}
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                missing = [k for k in ("doc", "content", "type") if k not in row]
            except json.JSONDecodeError as e:
                raise GoldError(f"{f}:{n}: not JSON ({e.msg})") from None
            if not isinstance(row, dict) or missing:
                raise GoldError(f"{f}:{n}: a gold claim needs doc, content and type")
            gold.setdefault(Path(row["doc"]).name, []).append(row)
        gold.setdefault(f.name.replace(".gold.jsonl", ".txt"), [])
    return gold


def articles_for(paths: list[str], docs: set[str]) -> list[str]:
    """Article files named by the gold (NAME.txt) found next to the gold files given."""
    found = []
    for p in map(Path, paths):
        folder = p if p.is_dir() else p.parent
        for f in sorted(folder.rglob("*")) if p.is_dir() else [folder / p.name.replace(".gold.jsonl", ".txt")]:
            if f.is_file() and f.suffix in (".txt", ".md") and f.name in docs and str(f) not in found:
                found.append(str(f))
    return found


def _get(obj, dotted: str):
    for part in dotted.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(part)
    return obj


def pred_from_claim(row: dict) -> Pred:
    return Pred(_get(row, "speaker.name"), _get(row, "speaker.text"), _get(row, "cue.text"), row.get("type"),
                _get(row, "content.text") or "", _get(row, "speaker.kind"), _get(row, "cue.lemma"),
                _get(row, "speaker.gender"))


def load_pred_file(path: str) -> list[dict]:
    """Claims from an extract output: JSON Lines (one claim a line) or the JSON document."""
    return load_pred(path)[0]


def load_pred(path: str) -> tuple[list[dict], set[str]]:
    """(claims, names of the documents the output covers) from an extract output.  The JSON
    document lists every document, with or without claims; JSON Lines only the documents that
    have at least one claim."""
    text = Path(path).read_text(encoding="utf-8") if path != "-" else sys.stdin.read()
    stripped = text.lstrip()
    if stripped.startswith("{") and '"documents"' in stripped[:400]:
        try:
            data = json.loads(text)
            claims = [c for d in data["documents"] for c in d["claims"]]
            return claims, {Path(str(d["doc"])).name for d in data["documents"]}
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise GoldError(f"{path}: not an extract output ({e})") from None
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise GoldError(f"{path}: line {n} is not JSON ({e.msg})") from None
    return rows, {Path(str(r.get("doc") or "")).name for r in rows if isinstance(r, dict)}


def unscored(gold: dict[str, list[dict]], covered: set[str], articles_mode: bool) -> list[str]:
    """Gold documents nothing was predicted for: with articles, those not found or not read; with a
    saved output, those it does not hold (a JSON Lines output cannot show an article without
    claims, so only gold documents that owe claims count there)."""
    return sorted(d for d, claims in gold.items()
                  if d not in covered and (articles_mode or any(not c.get("optional") for c in claims)))


def group_preds(claims: list[dict], docs: set[str]) -> dict[str, list[Pred]]:
    out: dict[str, list[Pred]] = {d: [] for d in docs}
    for row in claims:
        name = Path(str(row.get("doc") or "")).name
        if name in out:
            out[name].append(pred_from_claim(row))
    return out


def match(golds: list[dict], preds: list[Pred], threshold: float) -> list[tuple[int, int, float]]:
    pairs = sorted(((similarity(g["content"], p.content), gi, pi)
                    for gi, g in enumerate(golds) for pi, p in enumerate(preds)), reverse=True)
    used_g, used_p, out = set(), set(), []
    for score, gi, pi in pairs:
        if score < threshold:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, score))
    return out


def unlisted_cues(preds: dict[str, list[Pred]]) -> list[dict]:
    """Cue verbs of the predictions that no table lists (found by their frame: "“…”, zanjó la
    ministra"), most frequent first: candidates for rules/es/cue_verbs.tsv."""
    from .rules import attribution_phrases, cue_lexicon, fold, phrase_list

    # the lemmas of cues that are not verbs: phrases, "“…”, fueron las palabras de X" (ser), posts
    known = set(cue_lexicon().verbs) | {"ser", "tweet"}
    phrases = {" ".join(p[0]) for p in attribution_phrases()} | {" ".join(p) for p in phrase_list("opinion_phrases.tsv")}
    seen: Counter = Counter()
    for ps in preds.values():
        for p in ps:
            lemma = (p.cue_lemma or "").lower()
            if lemma.isalpha() and lemma not in known and fold(lemma) not in phrases:
                seen[lemma] += 1
    return [{"lemma": lemma, "claims": n} for lemma, n in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))]


def prf(tp: int, npred: int, ngold: int) -> dict:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def evaluate(gold: dict[str, list[dict]], preds: dict[str, list[Pred]], threshold: float = THRESHOLD,
             labels: dict[tuple[str, str], dict] | None = None) -> dict:
    """All figures, the per-type breakdown and the details (misses, false alarms, wrong speakers).
    With ``labels`` (:func:`load_labels`), also the accuracy of the speakers' kinds over matched
    claims whose speaker is right (leniently) and labelled."""
    t: Counter[str] = Counter()
    overlap = 0.0  # summed token F1 of matched contents
    kinds: Counter = Counter()
    by_type: dict[str, Counter] = {k: Counter() for k in TYPES}
    details: dict[str, list] = {"missed": [], "false_alarms": [], "wrong_speakers": [], "wrong_kinds": [],
                                "wrong_genders": []}
    for doc in sorted(gold):
        golds, ps = gold[doc], preds.get(doc, [])
        pairs = match(golds, ps, threshold)
        matched_g = {gi for gi, _, _ in pairs}
        matched_p = {pi for _, pi, _ in pairs}
        opt_matched = sum(1 for gi, _, _ in pairs if golds[gi].get("optional"))
        t["gold"] += sum(1 for g in golds if not g.get("optional"))
        t["pred"] += len(ps) - opt_matched
        for g in golds:
            if not g.get("optional") and g["type"] in by_type:
                by_type[g["type"]]["gold"] += 1
        for p in ps:
            if p.type in by_type:
                by_type[p.type]["pred"] += 1
        for gi, pi, score in pairs:
            g, p = golds[gi], ps[pi]
            if g.get("optional"):
                if p.type in by_type:
                    by_type[p.type]["pred"] -= 1
                continue
            ok = speaker_lenient(g, p)
            t["found"] += 1
            overlap += score
            t["lenient"] += ok
            t["strict"] += speaker_strict(g, p)
            t["type"] += p.type == g["type"]
            if g["type"] in by_type:
                by_type[g["type"]]["found"] += 1
                by_type[g["type"]]["lenient"] += ok
            if p.type in by_type:
                by_type[p.type]["pred_found"] += 1
            label = (labels or {}).get((doc, g.get("speaker") or ""))
            if ok and label is not None:
                kinds["labelled"] += 1
                kinds["right"] += p.speaker_kind == label["kind"]
                kinds[f"gold {label['kind']}"] += 1
                kinds[f"right {label['kind']}"] += p.speaker_kind == label["kind"]
                gold_gender = {"f": "female", "m": "male"}.get(label.get("gender") or "")
                if label["kind"] == "person" and gold_gender:
                    kinds["gender labelled"] += 1
                    kinds["gender given"] += p.speaker_gender is not None
                    kinds["gender right"] += p.speaker_gender == gold_gender
                    if p.speaker_gender is not None and p.speaker_gender != gold_gender:
                        details["wrong_genders"].append({"doc": doc, "speaker": g.get("speaker"), "gold": gold_gender,
                                                         "predicted": p.speaker_gender, "content": g["content"]})
                if p.speaker_kind != label["kind"]:
                    details["wrong_kinds"].append({"doc": doc, "speaker": g.get("speaker"), "gold": label["kind"],
                                                   "predicted": p.speaker_kind, "content": g["content"]})
            if not ok:
                details["wrong_speakers"].append({"doc": doc, "gold": g.get("speaker"), "predicted": p.speaker_name,
                                                  "mention": p.speaker_text, "content": g["content"]})
        for gi, g in enumerate(golds):
            if gi not in matched_g and not g.get("optional"):
                details["missed"].append({"doc": doc, "speaker": g.get("speaker"), "type": g["type"],
                                          "content": g["content"]})
        for pi, p in enumerate(ps):
            if pi not in matched_p:
                details["false_alarms"].append({"doc": doc, "speaker": p.speaker_name, "type": p.type,
                                                "content": p.content})
    found = t["found"]

    def ratio(a: float, b: float) -> float:
        return round(a / b, 4) if b else 0.0

    result = {
        "documents": len(gold),
        "threshold": threshold,
        "gold_claims": t["gold"],
        "predicted_claims": t["pred"],
        "matched": found,
        "content": prf(found, t["pred"], t["gold"]),
        "speaker_accuracy_lenient": ratio(t["lenient"], found),
        "speaker_accuracy_strict": ratio(t["strict"], found),
        "type_accuracy": ratio(t["type"], found),
        "boundaries": ratio(overlap, found),
        "end_to_end": prf(t["lenient"], t["pred"], t["gold"]),
        "by_type": {k: {"gold": c["gold"], "found": c["found"], "recall": ratio(c["found"], c["gold"]),
                        "predicted": c["pred"], "precision": ratio(c["pred_found"], c["pred"]),
                        "speaker_accuracy_lenient": ratio(c["lenient"], c["found"])}
                    for k, c in by_type.items()},
    }
    if labels is not None:
        result["speaker_kind"] = {"accuracy": ratio(kinds["right"], kinds["labelled"]), "labelled": kinds["labelled"],
                                  "by_kind": {k: {"gold": kinds[f"gold {k}"],
                                                  "accuracy": ratio(kinds[f"right {k}"], kinds[f"gold {k}"])}
                                              for k in LABEL_KINDS if kinds[f"gold {k}"]}}
        # accuracy where a gender is given; coverage of the person claims whose gender the labels show
        result["speaker_gender"] = {"accuracy": ratio(kinds["gender right"], kinds["gender given"]),
                                    "coverage": ratio(kinds["gender given"], kinds["gender labelled"]),
                                    "labelled": kinds["gender labelled"]}
    else:
        del details["wrong_kinds"]
        del details["wrong_genders"]
    details["unlisted_cues"] = unlisted_cues(preds)
    result["details"] = details
    return result
