"""Gender from a given name: the name lexicon of ``gender-guesser`` (Jörg Michael's dictionary of
about 45,000 given names with their frequency per country; the optional ``names`` extra,
GPL-3.0, installed at set-up like the model and never copied here).  Without the extra every
answer is None.  Imports no spaCy: ``newsclaims stats`` uses it too.
"""
from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=1)
def _lexicon():
    """gender-guesser's detector, loaded once (0.2 s), or None without the ``names`` extra."""
    try:
        import gender_guesser.detector as detector
    except ImportError:
        return None
    return detector.Detector(case_sensitive=False)


def has_lexicon() -> bool:
    """Whether the name lexicon is installed (and loaded)."""
    return _lexicon() is not None


def lexicon_name() -> str | None:
    """"gender-guesser 0.4.0" when the name lexicon is installed (said in the output's model
    info), found without loading it."""
    import importlib.util
    from importlib.metadata import PackageNotFoundError, version

    if importlib.util.find_spec("gender_guesser") is None:
        return None
    try:
        return f"gender-guesser {version('gender-guesser')}"
    except PackageNotFoundError:
        return "gender-guesser"


# Capitalised function words and honorifics the lexicon lists as names but a Spanish text never uses
# so: the ones a sentence opens with ("Pero Luis no vino", "Con Ana …", "Hay …", "Ante …").
_NOT_NAMES = frozenset({"el", "la", "los", "las", "lo", "de", "del", "y", "e", "un", "una", "al", "don", "doña",
                        "san", "santa", "santo", "fray", "sor",
                        "pero", "con", "ante", "bajo", "durante", "salvo", "tan", "aun", "aún", "solo", "sólo",
                        "nada", "uno", "ella", "este", "esta", "ese", "esa", "le", "les", "tu", "ha", "hay",
                        "haya", "son", "sean", "era", "eran", "iban", "tiene", "hacer", "saber",
                        "the", "il"})  # articles of other languages opening a name ("The Daily …", "Il Foglio")
_LEXICON_GENDER = {"female": "f", "mostly_female": "f", "male": "m", "mostly_male": "m"}


def word_gender(word: str) -> str | None:
    """"f" or "m" for a capitalised word the lexicon knows as a given name, as it gives it for Spain,
    else over all its countries; None for an acronym, an unknown or androgynous name, or without the
    lexicon."""
    word = word.rstrip(".,")
    if len(word) < 2 or not word[0].isupper() or word.isupper() or not word.isalpha() or word.lower() in _NOT_NAMES:
        return None  # "El Tigre": the lexicon lists "El", an article here
    if _lexicon() is None:
        return None
    return _lexicon_gender(word)


@functools.lru_cache(maxsize=65536)
def _lexicon_gender(word: str) -> str | None:
    """``word_gender``'s lexicon lookup, once per word (the same names recur on every article)."""
    detector = _lexicon()
    found = detector.get_gender(word, "spain")
    if found not in _LEXICON_GENDER:
        found = detector.get_gender(word)
    return _LEXICON_GENDER.get(found)


def given_name_gender(name: str) -> tuple[str, str] | None:
    """("f", "nombre: Rosa") for "Rosa Díaz Soto": the first word of a name of two words or more, by
    ``word_gender``.  None for a lone word (it may be a surname) or two people."""
    words = name.split()
    if len(words) < 2 or " y " in f" {name} ":
        return None
    g = word_gender(words[0])
    return (g, f"nombre: {words[0].rstrip('.,')}") if g else None


CAP = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+"  # a capitalised word, as the name patterns read one


def written_full_names(text: str, surname: str) -> set[str]:
    """Full names the text writes for a surname, tagged or not: a given name (the name lexicon's)
    and at most one more word before it ("La obra de Ronald Quimby llegó …")."""
    found = set()
    for m in re.finditer(rf"\b({CAP})(\s+{CAP})?\s+{re.escape(surname)}\b", text):
        if word_gender(m.group(1)) is not None:
            found.add(" ".join(m.group(0).split()))
        elif m.group(2) and word_gender(m.group(2).strip()) is not None:
            found.add(" ".join(m.group(0).split()[1:]))
    return found
