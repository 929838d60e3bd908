"""Diff the claims of two versions of an article: what changed in who said what?

Claims are aligned by speaker and content similarity (token F1 of their words, accents and case
folded), never by offsets or ids alone: moving paragraphs, editing other sentences or changing
punctuation and whitespace reports nothing.  Pairs are chosen best-first, one-to-one, with a
tie-break that does not depend on which side is "old", so ``diff(B, A)`` mirrors ``diff(A, B)``.

Kinds, checked in this order for an aligned pair:
``speaker_changed`` (another speaker: a correction), ``type_changed`` (direct <-> indirect),
``cue_changed`` ("dijo" -> "admitió"), ``reworded`` (same speaker, other words), ``unchanged``;
unaligned claims are ``removed`` (old only) or ``added`` (new only).
"""
from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from .rules import fold, name_words

THRESHOLD = 0.5  # token F1 two contents need to be aligned (same as the evaluation scorer)
KINDS = ("added", "removed", "reworded", "speaker_changed", "type_changed", "cue_changed", "unchanged")
ENTITY_LABELS = ("PER", "ORG")


@dataclass
class Version:
    """One side of a comparison: the claims and entities of one article version."""
    name: str
    path: str
    claims: list[dict]
    entities: list[dict] | None = field(default_factory=list)  # None: not known (a JSON Lines output)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text or ""))


def similarity(a: str, b: str) -> float:
    """Token F1 of two texts' words (1.0: the same words, whatever the punctuation)."""
    ca, cb = Counter(words(a)), Counter(words(b))
    common = sum((ca & cb).values())
    if not common:
        return 0.0
    p, r = common / sum(cb.values()), common / sum(ca.values())
    return 2 * p * r / (p + r)


def same_speaker(a: dict | None, b: dict | None) -> bool:
    """Speakers agree when their names' words nest ("Lukashenko" / "Alexander Lukashenko")."""
    na = name_words((a or {}).get("name") or (a or {}).get("text"))
    nb = name_words((b or {}).get("name") or (b or {}).get("text"))
    if not na and not nb:
        return True
    return bool(na and nb) and (na <= nb or nb <= na)


def word_diff(old: str, new: str) -> list[dict]:
    """Word-level operations turning ``old`` into ``new``: equal, delete, insert, replace."""
    a = re.findall(r"\w+|[^\w\s]", old)
    b = re.findall(r"\w+|[^\w\s]", new)
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        ops.append({"op": tag, "old": join_words(a[i1:i2]) or None, "new": join_words(b[j1:j2]) or None})
    return ops


def join_words(tokens: list[str]) -> str:
    """Words and punctuation back to text: no space before ",.;:!?)»”" or after "(«“"."""
    out = ""
    for t in tokens:
        if out and not (t in ",.;:!?)]}»”’…" or out[-1] in "([{«“‘¿¡"):
            out += " "
        out += t
    return out


def _kind(old: dict, new: dict) -> str:
    if not same_speaker(old.get("speaker"), new.get("speaker")):
        return "speaker_changed"
    if old.get("type") != new.get("type"):
        return "type_changed"
    cue_old = ((old.get("cue") or {}).get("lemma") or (old.get("cue") or {}).get("text") or "").lower()
    cue_new = ((new.get("cue") or {}).get("lemma") or (new.get("cue") or {}).get("text") or "").lower()
    if cue_old != cue_new:
        return "cue_changed"
    if words(old["content"]["text"]) != words(new["content"]["text"]):
        return "reworded"
    return "unchanged"


def align(old: list[dict], new: list[dict], threshold: float = THRESHOLD) -> list[tuple[int | None, int | None, float | None]]:
    """One-to-one pairs (old index, new index, similarity); unpaired claims with None."""
    pairs = []
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            score = similarity(a["content"]["text"], b["content"]["text"])
            if score >= threshold:
                # A pair with the same speaker is preferred at equal similarity; the tie-break is
                # symmetric in old/new so that diff(B, A) mirrors diff(A, B).
                bonus = 0.001 if same_speaker(a.get("speaker"), b.get("speaker")) else 0.0
                pairs.append((-(score + bonus), i + j, abs(i - j), min(i, j), i, j, score))
    pairs.sort(key=lambda p: p[:4])
    used_old: set[int] = set()
    used_new: set[int] = set()
    out: list[tuple[int | None, int | None, float | None]] = []
    for *_k, i, j, score in pairs:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        out.append((i, j, round(score, 4)))
    out += [(i, None, None) for i in range(len(old)) if i not in used_old]
    out += [(None, j, None) for j in range(len(new)) if j not in used_new]
    return out


def _start(claim: dict) -> int:
    return claim["content"]["start"]


def diff_versions(old: Version, new: Version, threshold: float = THRESHOLD, include_unchanged: bool = False) -> dict:
    """The comparison of two versions as a JSON-ready dict (see README, "diff")."""
    changes: list[dict] = []
    counts: Counter = Counter()
    for i, j, score in align(old.claims, new.claims, threshold):
        a = old.claims[i] if i is not None else None
        b = new.claims[j] if j is not None else None
        kind = "added" if a is None else "removed" if b is None else _kind(a, b)
        counts[kind] += 1
        if kind == "unchanged" and not include_unchanged:
            continue
        ops = word_diff(a["content"]["text"], b["content"]["text"]) if a is not None and b is not None else None
        changes.append({"kind": kind, "old": a, "new": b, "similarity": score, "diff": ops})
    # Order: by position in the new version, removed claims where they stood in the old one.
    changes.sort(key=lambda c: (_start(c["new"] or c["old"]), c["new"] is not None))
    return {
        "old": old.path,
        "new": new.path,
        "summary": {k: counts[k] for k in KINDS},
        "changes": changes,
        "entities": entity_changes(old.entities, new.entities),
    }


def entity_changes(old: list[dict] | None, new: list[dict] | None) -> dict:
    """People and organisations that appear or disappear (matched by nested name words); nothing
    when either side does not carry its entities (JSON Lines holds claims only)."""
    if old is None or new is None:
        return {"added": [], "removed": []}
    def keep(ents):
        return [{"name": e["name"], "label": e["label"]} for e in ents if e["label"] in ENTITY_LABELS]

    def names(ents):
        return [{"name": e["name"], "label": e["label"]} for e in ents]

    def present(e, others):  # by name: a label the model flips between versions is no change
        return any(same_speaker({"name": e["name"]}, {"name": o["name"]}) for o in others)

    a, b = keep(old), keep(new)
    return {"added": [e for e in b if not present(e, names(old))],
            "removed": [e for e in a if not present(e, names(new))]}


def has_changes(result: dict) -> bool:
    s = result["summary"]
    return any(s[k] for k in KINDS if k != "unchanged") or bool(result["entities"]["added"] or result["entities"]["removed"])
