"""Gender of a person speaker, from Spanish grammar only (issue "who gets quoted", first layer).

Evidence, strongest first, gathered over every mention of the person in the article:

* a role noun with a gendered form in a description tied to the person ("la ministra de Pesca,
  Ana Ruiz", "Ruiz, el portavoz del partido"; ``role_nouns.tsv`` gives the gender of each form);
* the words naming the speaker at a claim: a gendered role ("dijo la exdiputada"), or the
  article agreeing with an agent noun ("la vocera", "el politólogo");
* a subject pronoun standing for the person ("ella", "él").

Nouns whose gender is only grammatical ("la persona", "una fuente", "la víctima") say nothing;
neither does a surname.  Organisations, groups and documents have no gender.  Where the
article does not tell, the gender is null (never a guess from a given name: that layer needs a
name lexicon and is not built yet).
"""
from __future__ import annotations

from ..claims import Claim, Speaker
from ..rules import fold, role_nouns, singulars, word_set
from .kinds import AGENTIVE

GENDERS = {"f": "female", "m": "male"}
_FEMININE = {"la", "una", "esta", "esa", "aquella"}
_MASCULINE = {"el", "un", "este", "ese", "aquel"}
# Nouns of one grammatical gender whatever the person's: "la persona", "la víctima", "el testigo".
_EPICENE = frozenset({"persona", "victima", "fuente", "testigo", "personaje", "individuo", "criatura",
                      "miembro", "integrante", "paciente", "joven", "estudiante", "representante"})


def _words_gender(text: str) -> tuple[str, str] | None:
    """(gender, evidence) from the words naming a speaker: "la exdiputada" -> ("f", "la exdiputada")."""
    words = text.split()
    if not words:
        return None
    if len(words) == 1 and words[0].lower() in ("ella", "él"):
        return ("f" if words[0].lower() == "ella" else "m"), text
    roles = role_nouns()
    for k, w in enumerate(words[:4]):
        forms = singulars(w.lower())
        if any(fold(f) in _EPICENE for f in forms):
            return None
        g = next((roles[f] for f in forms if f in roles), None)
        if g in ("f", "m"):
            return g, " ".join(words[:k + 1])
        if k > 0 and words[k - 1].lower() in _FEMININE | _MASCULINE and AGENTIVE.search(w.lower()) \
                and not set(forms) & word_set("anonymous_sources.tsv"):
            return ("f" if words[k - 1].lower() in _FEMININE else "m"), " ".join(words[:k + 1])
    return None


def assign(claims: list[Claim], described: list[tuple[str, str, str]]) -> None:
    """Set ``gender`` and ``gender_evidence`` on the person speakers of ``claims``.  ``described``:
    (person name, gender, role) of the article's descriptions of people ("la ministra, Ana Ruiz")."""
    votes: dict[str, dict[str, str]] = {}
    for name, g, role in described:
        if g in GENDERS:
            votes.setdefault(name, {}).setdefault(g, role)
    for c in claims:
        sp = c.speaker
        if sp is None or sp.kind != "person" or not sp.name or " y " in sp.name:
            continue
        found = _words_gender(sp.text)
        if found is not None:
            votes.setdefault(sp.name, {}).setdefault(found[0], found[1])
    for c in claims:
        sp = c.speaker
        if sp is None or sp.kind != "person" or not sp.name:
            continue
        seen = votes.get(sp.name, {})
        if len(seen) == 1:  # two genders for one name: the article does not settle it
            g, words = next(iter(seen.items()))
            c.speaker = _with(sp, GENDERS[g], words)


def _with(sp: Speaker, gender: str, evidence: str) -> Speaker:
    from dataclasses import replace
    return replace(sp, gender=gender, gender_evidence=evidence)
