"""One person, one row across a corpus: which speaker names are variants of another.

Inside an article the resolver already gives every mention the fullest name the article spells
("Ruiz" -> "Ana María Ruiz Soto").  Across articles the same person may still appear under
several names; ``merge`` finds them, from the names alone, and says why:

* the same name but for accents, case or spacing ("Jorge Pena", "jorge peña");
* the first words of exactly one longer name ("Jorge Peña" -> "Jorge Peña Vidal");
* the last words of exactly one longer name, when they do not begin with a given name
  ("Ruiz Soto" -> "Ana María Ruiz Soto"; "Pedro Soto" is a full name of its own);
* an acronym that an article of the corpus resolves to a name, or whose initials a name has in
  the same article ("AMRS" -> "Ana María Ruiz Soto").

A lone word that is no acronym is never merged: two people share surnames.  A variant that fits
two different longer names stays as it is.  A longer name that adds a generation ("Jr.", "hijo",
"III") is another person; one that is not a clean name (a lower-case word, a function or role
word, an acronym glued on, a word twice) absorbs nothing.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

_PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "e", "da", "van", "von", "di"})
_ACRONYM = re.compile(r"^[A-ZÁÉÍÓÚÑ]{2,8}$")
_GENERATIONS = frozenset({"jr", "jr.", "junior", "hijo", "sr", "sr.", "senior", "ii", "iii", "iv"})


@dataclass(frozen=True)
class Alias:
    variant: str
    name: str
    reason: str


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(folded.casefold().replace(".", " ").split())


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _PARTICLES and w[:1].isalpha()).upper()


def _given(word: str) -> bool:
    from .names import word_gender
    return word_gender(word) is not None


# Function words that stand capitalised at a sentence start and get glued to names.
_FUNCTION_WORDS = frozenset("""el la los las lo un una unos unas este esta estos estas ese esa esos esas aquel aquella
su sus mi mis nuestro nuestra según con sin por para en a al del desde hasta entre sobre tras ante pero o ni que
como cuando donde quien ya no sí también tampoco muy más menos hoy ayer mañana aquí allí así pues luego además
él ella ellos ellas usted ustedes""".split())


@functools.lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    from .rules import role_nouns
    return _FUNCTION_WORDS | frozenset(role_nouns())


def _clean(name: str) -> bool:
    """A name fit to stand for others: capitalised words (particles aside), none a function or
    role word, no acronym, no word twice."""
    words = name.split()
    lowered = [w.lower() for w in words]
    if len(set(lowered)) < len(lowered):
        return False
    for w, low in zip(words, lowered):
        if low in _PARTICLES:
            continue
        if not w[:1].isupper() or _ACRONYM.match(w) or low in _not_name_words():
            return False
    return True


def _adds_no_generation(longer: list[str], shorter: list[str]) -> bool:
    """The words ``longer`` adds after ``shorter`` (its first words) name no other generation of
    the family ("Tomás Vera Jr." is not "Tomás Vera")."""
    return not set(longer[len(shorter):]) & _GENERATIONS


def _unique_target(variant: str, found: list[str], names: dict[str, int]) -> str | None:
    """The one longer name a variant fits; several that extend one another count as one (the most
    quoted of them); two that differ make the variant ambiguous."""
    if not found:
        return None
    longest = max(found, key=lambda n: (len(n.split()), n))
    lw = _key(longest).split()
    for n in found:
        w = _key(n).split()
        if not (lw[:len(w)] == w or lw[-len(w):] == w):
            return None
    return max(found, key=lambda n: (names.get(n, 0), len(n.split()), n))


def merge(names: dict[str, int], resolved: list[tuple[str, str]], together: list[tuple[str, str]]) -> list[Alias]:
    """Aliases among person names.  ``names``: name -> claims; ``resolved``: (words at a claim,
    the name an article resolved them to); ``together``: pairs of names that spoke in one article."""
    aliases: dict[str, Alias] = {}
    # 1. accents, case, spacing: the most quoted spelling stands for all
    by_key: dict[str, list[str]] = {}
    for n in names:
        by_key.setdefault(_key(n), []).append(n)
    canonical: dict[str, str] = {}
    for spellings in by_key.values():
        best = max(spellings, key=lambda n: (names[n], sum(ch.isupper() for ch in n), n))
        for n in spellings:
            canonical[n] = best
            if n != best:
                aliases[n] = Alias(n, best, "the same name but for accents, case or spacing")
    heads = sorted(set(canonical.values()))
    words = {n: _key(n).split() for n in heads}
    by_first: dict[str, list[str]] = {}
    by_last: dict[str, list[str]] = {}
    for n in heads:
        by_first.setdefault(words[n][0], []).append(n)
        by_last.setdefault(words[n][-1], []).append(n)
    # 2, 3. first or last words of one longer name
    for n in heads:
        w = words[n]
        if len(w) < 2:
            continue
        longer = [m for m in by_first.get(w[0], []) if len(words[m]) > len(w) and words[m][:len(w)] == w
                  and _adds_no_generation(words[m], w) and _clean(m)]
        target = _unique_target(n, longer, names)
        reason = f"the first words of \"{target}\""
        if target is None and not _given(n.split()[0]):
            longer = [m for m in by_last.get(w[-1], []) if len(words[m]) > len(w) and words[m][-len(w):] == w
                      and _clean(m)]
            target = _unique_target(n, longer, names)
            reason = f"the surnames of \"{target}\""
        if target is not None:
            aliases[n] = Alias(n, target, reason)
    # 4. acronyms an article spells out
    spelled: dict[str, set[str]] = {}
    for text, name in resolved:
        if _ACRONYM.match(text.strip()) and name in canonical:
            spelled.setdefault(text.strip(), set()).add(canonical[name])
    for a, b in together:
        for acr, full in ((a, b), (b, a)):
            if _ACRONYM.match(acr) and full in canonical and len(full.split()) >= 2 and _initials(full) == acr:
                spelled.setdefault(acr, set()).add(canonical[full])
    for n in heads:
        if not _ACRONYM.match(n) or n in aliases:
            continue
        targets = {_final(t, aliases) for t in spelled.get(n, set())} - {n}
        if len(targets) == 1:
            target = targets.pop()
            aliases[n] = Alias(n, target, f"an article of the corpus spells \"{n}\" out as \"{target}\"")
    # chains end at a name that is no variant
    return sorted((Alias(a.variant, _final(a.name, aliases), a.reason) for a in aliases.values()),
                  key=lambda a: (a.name, a.variant))


def _final(name: str, aliases: dict[str, Alias]) -> str:
    seen = {name}
    while name in aliases and aliases[name].name not in seen:
        name = aliases[name].name
        seen.add(name)
    return name
