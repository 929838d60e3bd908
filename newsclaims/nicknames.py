"""People's nicknames as an article introduces them (one job: nickname -> the person's name).

Journalists name a person once with the nickname and then use it alone:

- inside the name, in quote marks: 'Julio "el Halcón" Cortés' is Julio Cortés, "el Halcón" after;
- after the name, with a word that introduces it: "Julio Cortés, alias el Halcón", "…, apodado
  «Halcón»", "…, conocido como 'el Halcón'", "Julio Cortés (a) el Halcón";
- after the name, quoted and set off by a comma: 'Julio Cortés, "el Halcón", …';
- before the name, with "como es conocido": "El Halcón, como es también conocido Cortés, …" (a
  lone surname stands for the full name the article writes for it).

The person's name must open with a given name the lexicon knows (so a body's or a place's name
is never a person's), and a nickname two people share names neither of them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .names import CAP as _CAP
from .names import word_gender, written_full_names
from .rules import fold

_OPEN, _CLOSE = "[\"“«'‘]", "[\"”»'’]"
_NICK = rf"(?:[Ee]l |[Ll]a )?{_CAP}(?: {_CAP}){{0,2}}"
_NAME = rf"{_CAP}(?: (?:de |del |de la )?{_CAP}){{1,3}}"

# 'Julio "el Halcón" Cortés': a given name (or two), the quoted nickname, the surname(s)
_INSIDE = re.compile(rf"\b(?P<given>{_CAP}(?: {_CAP})?) {_OPEN}(?P<nick>{_NICK}){_CLOSE} "
                     rf"(?P<surname>{_CAP}(?: (?:de |del )?{_CAP}){{0,2}})\b")
# "Julio Cortés, alias el Halcón", "…, apodado «Halcón»", "Julio Cortés (a) el Halcón"
_INTRODUCED = re.compile(rf"\b(?P<name>{_NAME}),? (?:alias|apodad[oa]|conocid[oa] como|\(a\)) "
                         rf"{_OPEN}?(?P<nick>{_NICK}){_CLOSE}?")
# "El Halcón, como es también conocido Cortés, …", "…, como le llaman a Julio Cortés": the nickname first
_KNOWN_AS = re.compile(rf"\b(?P<nick>(?:[Ee]l |[Ll]a )?{_CAP}(?: {_CAP}){{0,2}}), como (?:también )?(?:es |se le |le |lo |la )?"
                       rf"(?:también |ya )?(?:conoce|conocen|conocid[oa]|llaman|dicen|apodan) (?:también )?(?:a )?"
                       rf"(?P<name>{_CAP}(?: (?:de |del )?{_CAP}){{0,3}})\b")
# 'Julio Cortés, "el Halcón", perdió': quoted, with its article, between commas
_SET_OFF = re.compile(rf"\b(?P<name>{_NAME}), {_OPEN}(?P<nick>(?:[Ee]l|[Ll]a) {_CAP}(?: {_CAP}){{0,2}}){_CLOSE}")


@dataclass(frozen=True)
class Nickname:
    person: str  # the name without the nickname: "Julio Cortés"
    nickname: str  # as written, article included: "el Halcón"
    start: int  # the whole phrase that introduces it: 'Julio "el Halcón" Cortés'
    end: int
    inside: bool  # written inside the name


def key(words: str) -> str:
    """What a later mention of the nickname is looked up by: "El Halcón", "Halcón" -> "halcon"."""
    return fold(re.sub(r"^(?:el|la|los|las)\s+", "", words.strip(), flags=re.IGNORECASE).lower())


# what each pattern needs, found first at a rarer place than any capital (the patterns are tried only then)
_INSIDE_HINT = re.compile(rf"[a-záéíóúñü] {_OPEN}{_NICK}{_CLOSE} [A-ZÁÉÍÓÚÑ]")
_INTRODUCED_HINT = re.compile(r" (?:alias|apodad[oa]|conocid[oa] como|\(a\)) ")
_SET_OFF_HINT = re.compile(rf", {_OPEN}(?:[Ee]l|[Ll]a) [A-ZÁÉÍÓÚÑ]")
_KNOWN_AS_HINT = re.compile(r", como (?:también )?(?:es |se le |le |lo |la )?(?:también |ya )?(?:conoc|llaman|dicen|apodan)")


def find(text: str) -> list[Nickname]:
    """The nicknames the text introduces, in order."""
    return list(_found(text))


@lru_cache(maxsize=2)
def _found(text: str) -> tuple[Nickname, ...]:
    """``find``, once a document: the entity clustering and the speaker resolver both ask."""
    found = []
    for m in _INSIDE.finditer(text) if _INSIDE_HINT.search(text) else ():
        if word_gender(m.group("given").split()[0]) is not None:
            found.append(Nickname(f"{m.group('given')} {m.group('surname')}", m.group("nick"), m.start(), m.end(),
                                  True))
    for pattern, hint in ((_INTRODUCED, _INTRODUCED_HINT), (_SET_OFF, _SET_OFF_HINT)):
        for m in pattern.finditer(text) if hint.search(text) else ():
            if word_gender(m.group("name").split()[0]) is not None:
                found.append(Nickname(m.group("name"), m.group("nick"), m.start(), m.end(), False))
    for m in _KNOWN_AS.finditer(text) if _KNOWN_AS_HINT.search(text) else ():
        words = m.group("nick").split()
        articles = [k for k, w in enumerate(words) if w.lower() in ("el", "la")]
        nick = " ".join(words[articles[-1]:] if articles else words)  # ("Ayer El Halcón": from its article)
        person = _person_named(text, m.group("name"))
        if person is not None and len(nick.split()) >= (2 if articles else 1):
            found.append(Nickname(person, nick, m.start("nick") + m.group("nick").index(nick), m.end(), False))
    return tuple(sorted(found, key=lambda n: n.start))


def _person_named(text: str, name: str) -> str | None:
    """``name`` when it opens with a given name; a lone surname, the one full name the text writes
    for it ("Cortés" -> "Julio Cortés"); else None (a body's or a place's name)."""
    if word_gender(name.split()[0]) is not None:
        return name
    if " " in name:
        return None
    full = written_full_names(text, name)
    return full.pop() if len(full) == 1 else None


def people(text: str) -> dict[str, str]:
    """Nickname key -> the one person the text gives it to."""
    return people_of(_found(text))


def people_of(nicks: Iterable[Nickname]) -> dict[str, str]:
    found: dict[str, str | None] = {}
    for n in nicks:
        k = key(n.nickname)
        found[k] = n.person if found.get(k, n.person) == n.person else None
    return {k: v for k, v in found.items() if v is not None}
