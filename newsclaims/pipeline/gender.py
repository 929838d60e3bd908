"""Gender of a person speaker, from Spanish grammar only (issue "who gets quoted", first layer).

Evidence, strongest first, gathered over every mention of the person in the article:

* a role noun with a gendered form in a description tied to the person ("la ministra de Pesca,
  Ana Ruiz", "Ruiz, el portavoz del partido"; ``role_nouns.tsv`` gives the gender of each form);
* the words naming the speaker at a claim: a gendered role ("dijo la exdiputada"), or the
  article agreeing with an agent noun ("la vocera", "el politólogo");
* a subject pronoun standing for the person ("ella", "él").

Nouns whose gender is only grammatical ("la persona", "una fuente", "la víctima") say nothing;
neither does a surname.  Organisations, groups and documents have no gender.

Then, for a person the grammar leaves open, the given name of a full name ("Rosa Díaz" ->
female, evidence "nombre: Rosa") from the name lexicon of ``gender-guesser`` (Jörg Michael's
dictionary with frequencies for Spain; the optional ``names`` extra, GPL-3.0, installed at set-up
like the model, never copied here).  A lone word is never looked up: it may be a surname.  Where
neither tells, the gender is null.
"""
from __future__ import annotations

from ..claims import Claim, Speaker
from ..names import given_name_gender
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
        if w[:1].isupper() and (k == 0 or words[k - 1].lower() not in _FEMININE | _MASCULINE) and (
                k > 0 and words[k - 1][:1].isupper() and not any(f in roles for f in singulars(words[k - 1].lower()))
                or k + 1 < len(words) and words[k + 1][:1].isupper()):
            continue  # a word of a name ("Reyes" of "Irene Reyes", "Reyes Vidal" is no king)
        forms = singulars(w.lower())[:1] if w.lower().endswith("s") else singulars(w.lower())
        # (a plural is nobody's gender: "Reyes" alone is no king either)
        if any(fold(f) in _EPICENE for f in forms):
            return None
        g = next((roles[f] for f in forms if f in roles), None)
        if g == "m" and k > 0 and words[k - 1].lower() in _FEMININE:
            g = "f"  # "la presidente": the article says whose the masculine form is
        if g in ("f", "m"):
            return g, " ".join(words[:k + 1])
        if k > 0 and words[k - 1].lower() in _FEMININE | _MASCULINE and AGENTIVE.search(w.lower()) \
                and not set(forms) & word_set("anonymous_sources.tsv"):
            return ("f" if words[k - 1].lower() in _FEMININE else "m"), " ".join(words[:k + 1])
    return None


def assign(claims: list[Claim], described: list[tuple[str, str, str]]) -> dict[str, tuple[str, str]]:
    """Set ``gender`` and ``gender_evidence`` on the person speakers of ``claims``.  ``described``:
    (person name, gender, role) of the article's descriptions of people ("la ministra, Ana Ruiz").
    Returns what the grammar settled for every person named: {name: (gender, evidence)}."""
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
    settled = {name: next(iter(seen.items())) for name, seen in votes.items() if len(seen) == 1}
    for c in claims:
        sp = c.speaker
        if sp is None or sp.kind != "person" or not sp.name:
            continue
        if sp.name in votes:  # two genders for one name: the article does not settle it
            found = settled.get(sp.name)
        else:
            found = given_name_gender(sp.name)
        if found is not None:
            c.speaker = _with(sp, GENDERS[found[0]], found[1])
    return settled


def person_gender(name: str, settled: dict[str, tuple[str, str]]) -> tuple[str | None, str | None]:
    """(gender, evidence) of a person entity: what the article's grammar settled, else its given
    name; (None, None) when neither tells."""
    found = settled.get(name) if name in settled else given_name_gender(name)
    return (GENDERS[found[0]], found[1]) if found else (None, None)


def _with(sp: Speaker, gender: str, evidence: str) -> Speaker:
    from dataclasses import replace
    return replace(sp, gender=gender, gender_evidence=evidence)
