"""Speakers: resolve a speaker mention to a canonical speaker (finding the mention is ``mentions``).

Resolution, in order (each step with a Spanish example):
1. A person named inside the phrase by apposition: "La vocera del ministerio, Ana Ruiz" -> Ana Ruiz.
2. A proper noun: the entity cluster that contains it: "Ruiz" -> "Ana Ruiz".
3. An anonymous-source noun: "fuentes", "testigos" -> label ANON, the phrase as name.
4. An institution noun: "la cancillería de Colombia" -> "cancillería de Colombia", ORG.
5. A role noun: "la canciller" -> the person an apposition gave that role ("La canciller de Chile,
   Ana Ruiz"), or sharing its modifiers ("el líder chileno" ~ "el presidente chileno, Juan Soto"),
   else the most salient person of matching gender.
6. A pronoun ("él", "ella", "quien") or no subject at all: the current speaker (but "él", "ella"
   written out after another person of that gender is named in the sentence: that person).
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from spacy.tokens import Doc, Span, Token

if TYPE_CHECKING:
    import numpy

from .. import nicknames
from ..claims import Speaker
from ..doc_tokens import tokens
from ..entities import INITIAL, NAME_PARTICLES, Entity, EntityIndex, closes_dateline, institution_nouns, names_body
from ..names import given_name_gender, has_lexicon, word_gender
from ..rules import (
    ABSTRACT_ENDING,
    body_classes,
    demonyms,
    fold,
    name_words,
    role_class,
    role_nouns,
    singulars,
    title_abbreviation,
    word_set,
)
from .kinds import AGENTIVE as _AGENTIVE
from .kinds import BRAND_SHAPE, noun_kind
from .mentions import DETS as _DETS
from .mentions import NP_LINK as _NP_LINK
from .mentions import NP_POS as _NP_POS
from .mentions import RELATIVE_PRONOUNS, finite_of, hash_table, in_table, np_head, past_addressee, relative_disagrees

# Adjectives that take a complement of their own: "fuentes conocedoras del caso", "fuentes próximas
# al ministro" (not "fuentes oficiales del banco", where the complement is the noun's).
_COMPLEMENTED = re.compile(r"(?:dor|dora|dores|doras)$|^(?:proxim|cercan|afin|ajen|fiel|leal|partidari|contrari)")
_PRONOUNS = {"yo", "nosotros", "nosotras", "él", "ella", "ellos", "ellas", "usted", "ustedes", "este", "esta", "éste", "ésta", "quien", "quienes",
             "que", "cual", "cuales"}
# Abstract-noun endings: "la posibilidad", "el crecimiento", "la tendencia", "la petición".
# ", " or ", el doctor " between a description and the name; a place or time between commas may
# come first ("La vecina del barrio, en la calle Mayor, Ana Ruiz, …").
_APPOSITION_GAP = re.compile(r"(?:\s+(?:en|de|del|desde)\s+(?:[^\s,.;:]+\s+){0,3}[^\s,.;:]+"  # "el líder en Tabasco, …"
                             r"(?:\s*,\s*[A-ZÁÉÍÓÚÑ][^\s,.;:]*(?:\s+[A-ZÁÉÍÓÚÑ][^\s,.;:]*){0,2})?)?"  # "… en Dallas, Texas, …"
                             r"\s*,\s*(?:(?:en|desde|de|por)\s+(?:[^\s,.;:]+\s+){0,4}[^\s,.;:]+\s*,\s*)?"
                             r"(?:(?:el|la)\s+(?:\w+\.?\s+){1,2})?")
# The rest of a description cut off by the parse, then the name: "el subdirector de la OMS| para
# Preparación y Respuesta, Peter Soto", "el copresidente del equipo| que llevó a cabo el estudio, el doctor …"
_LONG_GAP = re.compile(r"\s+(?:para|de|del|en|sobre|que)\s+[^,.;:\n“”«»\"]{1,100}?\s*,\s*(?:(?:el|la)\s+(?:\w+\.?\s+){1,2})?")
# A person's field, bare, between a role and the name: "el licenciado| en Ciencias Políticas y experto
# en pesca |Andrés Soto" (no article nor other preposition: not "el ministro| en la reunión con |Ana Gil")
_FIELD_GAP = re.compile(r"\s+en\s+(?:(?!(?:el|la|los|las|lo|un|una|unos|unas|su|sus|con|a|al|por|para|que|ante|"
                        r"sobre|tras|desde|entre)\s)[^\s,.;:()“”«»\"]+\s+){1,12}", re.IGNORECASE)
_QUANTIFIERS = {"varios", "varias", "algunos", "algunas", "muchos", "muchas", "otros", "otras", "diversos",
                "diversas", "numerosos", "numerosas", "ciertos", "ciertas", "distintos", "distintas"}
# "Decenas de participantes", "miles de vecinos": a count before "de", not part of a group's name
_QUANTITY_NOUNS = {"decenas", "docenas", "cientos", "centenares", "miles", "millares", "millones", "cantidad",
                   "mayoría", "mayoria", "parte", "mitad", "uno", "una", "ninguno", "ninguna",
                   # a share: "el 40 % de los encuestados", "un tercio de los vecinos", "el 30 por ciento de …"
                   "%", "ciento", "porcentaje", "tercio", "tercios", "cuarto", "cuartos", "quinto", "quintos",
                   "resto"}  # ("el resto de los consultados")
_SHARE = re.compile(r"\d+(?:[.,]\d+)?\s?%")  # "el 62% de los encuestados", a share written as one word


def _quantity(tok: Token) -> bool:
    """A count or a share before "de": "decenas", "la mayoría", "el 62%"."""
    return tok.lower_ in _QUANTITY_NOUNS or bool(_SHARE.fullmatch(tok.text))


# Adjectives that do not describe which body it is: qualifiers and participles ("el estudio publicado")
_QUALIFIER_RE = re.compile(r"^(?:mism[oa]s?|propi[oa]s?|últim[oa]s?|primer[oa]?s?|nuev[oa]s?|dich[oa]s?)$|(?:ad|id|ch|st)[oa]s?$")
_DATA_NOUNS = {"datos", "cifras", "numeros", "estadisticas", "registros", "informacion"}
_PARTICIPLE = re.compile(r"(?:ad|id)[oa]s?$")
_ORDINALS = {"primero": 0, "primera": 0, "segundo": 1, "segunda": 1}
_PARTITIVE = {"esos", "esas", "estos", "estas", "aquellos", "aquellas", "ellos", "ellas", "cada", "todos", "todas"}
_DEFINITE = {"el", "la", "los", "las", "este", "esta", "ese", "esa", "dicho", "dicha"}
_CURRENT_REACH = 1500  # characters: how far back the current speaker still stands for a description
_INDEFINITE = {"un", "una", "unos", "unas", "otro", "otra", "algún", "alguna"}
_NAME_LINKS = {"de", "del", "la", "las", "los"}
_FEMININE_DETS = {"la", "las", "una", "unas", "esta", "estas", "esa", "esas"}
_MASCULINE_DETS = {"el", "los", "un", "unos", "este", "estos", "ese", "esos", "del", "al"}


_LISTED = re.compile(r", | y ")  # the names of a list of speakers: "Ana Gil, Luis Soto y Eva Paz"


def _as_list(names: list[str]) -> str:
    """Names written as a list: "Ana Gil y Luis Soto", "Ana Gil, Luis Soto y Eva Paz"."""
    return ", ".join(names[:-1]) + " y " + names[-1]


def _conjunctions(tokens: list[Token]) -> list[Token]:
    """The words that join a subject's names: "y"/"e", and "como" after an opening "tanto" ("Tanto
    Ana Gil como Luis Soto afirman …")."""
    both = bool(tokens) and tokens[0].lower_ == "tanto"
    return [t for t in tokens if t.lower_ in ("y", "e") or both and t.lower_ == "como"]


def _fold_lemma(tok: Token) -> str:
    return fold(tok.lemma_ or tok.text)


def _unclosed(text: str) -> bool:
    """A quotation opens in ``text`` and does not close there."""
    return text.count('"') % 2 == 1 or text.count("“") + text.count("«") > text.count("”") + text.count("»")


def _forms(tok: Token) -> tuple[str, ...]:
    """Lower-case forms to look a noun up in the tables: its singulars (the word itself first), then
    its lemma.  Ordered, so that a choice among them never depends on the hash seed."""
    return tuple(dict.fromkeys(singulars(tok.text) + (tok.lemma_.lower(),)))


def _plural(tok: Token) -> bool:
    return "Number=Plur" in str(tok.morph) or tok.lower_.endswith("s")


@dataclass
class Role:
    person: str
    role: str
    words: frozenset[str]
    gender: str
    position: int


# A body's name: a capitalised word, then its particles and capitalised words; and an acronym.
_NAME_FIRST = r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]+"
_NAME_NEXT = r"[ \t]+(?:de|del|la|las|los|el|para|y|e|en|[A-ZÁÉÍÓÚÑ][\wáéíóúñü.-]*)"
_ACRONYM = r"(?P<acr>[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑ]{1,9})"
_SPELLED_OUT = re.compile(
    rf"(?P<full>{_NAME_FIRST}(?:{_NAME_NEXT}"
    r"|,[ \t]+[A-ZÁÉÍÓÚÑ][\wáéíóúñü.-]*){1,12})"  # "Cámara de Industria, Pesca y Minería (Carinsur)"
    rf"[ \t]*\([ \t]*{_ACRONYM}[ \t]*\)")
# "la Agencia Andina para los Refugiados, Acandi, pidió …": the acronym set off by commas
_SET_OFF_ACRONYM = re.compile(rf"(?P<full>{_NAME_FIRST}(?:{_NAME_NEXT}){{1,12}}),[ \t]+{_ACRONYM},")
_CONNECTORS = {"de", "del", "la", "las", "los", "el", "para", "y", "e", "en"}


def acronyms(text: str) -> dict[str, str]:
    """Acronyms the text spells out: "el Instituto Nacional de Vivienda Social (Invis)" -> {"Invis":
    "Instituto Nacional de Vivienda Social"}.  The capitals of the full name must appear, in order, among
    the acronym's letters, or the name must open with a body's noun: "los Servicios de Sanidad Vegetal
    de Canadá (CPHS)" translates an English name, "Juan Pérez (PRI)" names his party, not him.  An
    acronym set off by commas after the name ("el Instituto …, Invis, anunció") needs the capitals."""
    found: dict[str, str] = {}
    matches = [(m, True) for m in _SPELLED_OUT.finditer(text)] + [(m, False) for m in _SET_OFF_ACRONYM.finditer(text)]
    for m, parenthesised in matches:
        acr, words = m.group("acr"), m.group("full").split()
        for k, w in enumerate(words):  # the longest tail starting with the acronym's first letter
            if k > 1 and words[k - 1][:1].isupper():
                break  # never from the middle of a name ("… Naciones Unidas para la Infancia (Unicef)")
            if w[:1] != acr[0] or w.lower() in _CONNECTORS:
                continue
            initials = [x[0].lower() for x in words[k:] if x.lower() not in _CONNECTORS]
            letters = iter(acr.lower())
            if len(initials) >= 2 and all(c in letters for c in initials):
                found.setdefault(acr, " ".join(words[k:]))
            break
        if acr not in found and len(words) >= 2 and parenthesised:
            # a body's name in another language's order: from its first noun of a body on
            body = next((k for k, w in enumerate(words) if noun_kind(w) == "organisation"), None)
            if body is not None and len(words) - body >= 2:
                found[acr] = " ".join(words[body:])
    return found


_CAPITAL_RUN = re.compile(r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]*(?:[ \t]+(?:(?:de|del|la|las|los|el|para|y|e|en)[ \t]+)*"
                          r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]*)+")


def written_in_full(text: str, acronym: str) -> str | None:
    """The one name the text writes whose capitals are the acronym's letters, with no parentheses to
    pair them: "la Federación Andina de Remo" … "según la FAR" -> "Federación Andina de Remo".  A
    name that goes on with "de" and more capitals is kept whole ("el Tribunal Superior de Lisboa" for
    "el TS").  Two different names with those capitals: neither."""
    if not 2 <= len(acronym) <= 6 or not acronym.isupper():
        return None
    found: set[str] = set()
    for m in _CAPITAL_RUN.finditer(text):
        words = m.group(0).split()
        if any(w.isupper() and len(w) > 1 for w in words):
            continue  # a run holding acronyms or a headline in capitals
        i = 0
        while i < len(words):  # every name in the run ("la Liga X y la Liga Y" holds two)
            initials, j = "", i
            while j < len(words) and len(initials) < len(acronym):
                if words[j].lower() not in _CONNECTORS:
                    initials += words[j][0]
                j += 1
            if words[i].lower() in _CONNECTORS or initials != acronym or j - i < 2 \
                    or j < len(words) and words[j].lower() not in ("de", "del", "y", "e"):
                i += 1  # (more capitals than the acronym has letters: another name; "Oficina de Pesca
                continue  # Artesanal para la Costa …" is no "OPA")
            if j < len(words) and words[j].lower() in ("de", "del"):
                j = next((k for k in range(j, len(words)) if words[k].lower() in ("y", "e")), len(words))
            found.add(" ".join(words[i:j]))  # (whole after "de": "Tribunal Superior de Lisboa")
            i = j
    return found.pop() if len(found) == 1 else None


def people_initials(entities: list[Entity]) -> dict[str, str]:
    """People known by their initials: "REVT" for "Rosa Elena Vidal de Torres" named in the article
    (three names or more, connectors skipped; two people with the same initials: neither)."""
    found: dict[str, str | None] = {}
    for ent in entities:
        words = [w for w in ent.name.split() if w.lower() not in _CONNECTORS]
        if ent.label != "PER" or len(words) < 3 or not all(w[:1].isupper() for w in words):
            continue
        key = "".join(w[0] for w in words).upper()
        found[key] = ent.name if found.get(key, ent.name) == ent.name else None
    return {k: v for k, v in found.items() if v is not None}


def _gender(tokens: list[Token], role: str | None) -> str:
    g = role_nouns().get(role or "", "-")
    if g == "m" and tokens and tokens[0].lower_ in _FEMININE_DETS and tokens[0].pos_ == "DET":
        return "f"  # "la presidente", "la jefe": a masculine form a feminine article makes a woman's
    if g != "-":
        return g
    for k, t in enumerate(tokens):
        if k and (t.pos_ == "ADP" or t.lower_ in ("de", "del", "al")):
            break  # a complement's words are not the described one's: "responsable de compras del centro"
        if t.lower_ in _FEMININE_DETS:
            return "f"
        if t.lower_ in _MASCULINE_DETS:
            return "m"
        if "Gender=Fem" in str(t.morph) and t.pos_ in ("DET", "ADJ", "NOUN"):
            return "f"
        if "Gender=Masc" in str(t.morph) and t.pos_ in ("DET", "ADJ", "NOUN"):
            return "m"
    return "-"


_OPEN_QUOTES = frozenset("“«‘")
_CLOSE_QUOTES = frozenset("”»’")


def _quoted(tokens: list[Token]) -> set[int]:
    """Indexes of the tokens inside quotation marks or parentheses in a phrase: a title ("“Luna”")
    or an aside ("el secretario de Pesca (Secpes)") names no person."""
    inside, depth, out = False, 0, set()
    for t in tokens:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif t.text in _OPEN_QUOTES or t.text in ('"', "'") and not inside:
            inside = True
        elif t.text in _CLOSE_QUOTES or t.text in ('"', "'") and inside:
            inside = False
        elif inside or depth:
            out.add(t.i)
    return out


def _complement(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]`` follows "de"/"del" (and articles): "el boletín de la Policía"."""
    j = k - 1
    while j >= 0 and tokens[j].pos_ == "DET":
        j -= 1
    return j >= 0 and tokens[j].lower_ in ("de", "del")


def _role_in(tokens: list[Token]) -> tuple[str | None, frozenset[str]]:
    """The role noun in a description and its other content words ("presidente", {"bielorruso"})."""
    roles = role_nouns()
    role = None
    words = set()
    for k, t in enumerate(tokens):
        two = f"{t.lower_} {tokens[k + 1].lower_}" if k + 1 < len(tokens) else ""
        if role is None and two in roles:
            role = two
            continue
        lem = _fold_lemma(t)
        hit = [f for f in _forms(t) if f in roles]
        if role is None and hit and t.pos_ in ("NOUN", "ADJ", "PROPN") and not _complement(tokens, k) \
                and not (t.ent_iob_ == "I" and t.ent_type_ == "PER" and t.text[:1].isupper()) \
                and not (k > 0 and t.text[:1].isupper() and tokens[k - 1].text[:1].isupper()
                         and tokens[k - 1].pos_ in ("PROPN", "NOUN") and fold(tokens[k - 1].text) not in _DETS
                         and not any(f in roles for f in _forms(tokens[k - 1]))):
            # (a surname inside a person's name is no role: "Nieto" of "Luis Peña Nieto"; nor a word
            # of a body's or a law's name: "General" of "Ley General de Aguas")
            role = t.lower_ if t.lower_ in roles else hit[0]
        elif t.pos_ in ("ADJ", "NOUN") and fold(t.text) not in _DETS:
            words.add(lem)
    return role, frozenset(words)


def _role_class(role: str, words: frozenset[str]) -> str | None:
    """The class of a role (role_classes.tsv), or of a role and one of its words: "presidente
    municipal" is a mayor though "presidente" alone is a head of state or of a body."""
    for w in words:
        cls = role_class(f"{role} {w}")
        if cls is not None:
            return cls
    return role_class(role)


def _same_role(role: str, words: frozenset[str], other: str, other_words: frozenset[str]) -> bool:
    """Whether two descriptions give the same title: the same role, one of its class ("el edil",
    "el alcalde X"), or a title the other one's two words hold ("el director" for "el director
    general X")."""
    if role == other or role in other.split() or other in role.split():
        return True
    cls = _role_class(role, words)
    return cls is not None and _role_class(other, other_words) == cls


@lru_cache(maxsize=None)
def _qualifiers() -> frozenset[str]:
    """Adjectives before a noun that a canonical name drops ("el último informe" -> "informe")."""
    return word_set("name_qualifiers.tsv")


@lru_cache(maxsize=None)
def _body_nouns() -> frozenset[str]:
    """Nouns that head the description of a body or document ("informe", "ministerio"), folded."""
    return frozenset(fold(w) for w in word_set("organisation_nouns.tsv") | word_set("speaker_nouns.tsv"))


@lru_cache(maxsize=None)
def _body_words() -> frozenset[str]:
    """The body nouns as written in the tables (lower case, accents kept) and folded."""
    words = word_set("organisation_nouns.tsv") | word_set("speaker_nouns.tsv")
    return frozenset(words | {fold(w) for w in words})


def _partitive_whole(tokens: list[Token]) -> list[Token]:
    """The whole a share is taken of, when the phrase is a share: "el 40 % de los encuestados", "el
    30 por ciento de los socios", "un tercio de los vecinos" -> "los encuestados" …; else ``tokens``."""
    k = 0
    while k < len(tokens) and (tokens[k].lower_ in _DETS or tokens[k].like_num):
        k += 1
    if k < len(tokens) - 1 and tokens[k].lower_ == "por" and tokens[k + 1].lower_ == "ciento":
        k += 1
    if not 0 < k < len(tokens) - 2:
        return tokens
    of = k + 1 if tokens[k].lower_ in _QUANTITY_NOUNS else k if tokens[k - 1].like_num else None
    if of is None or tokens[of].lower_ not in ("de", "del"):
        return tokens
    rest = tokens[of + 1:]
    if len(rest) > 2 and rest[0].lower_ == "cada" and rest[1].like_num:
        rest = rest[2:]  # "uno de cada diez encuestados"
    return rest


class SpeakerResolver:
    """Resolves speaker phrases of one document; keeps the salience list and current speaker."""

    def __init__(self, doc: Doc, entities: list[Entity], text: str | None = None,
                 quoted: Callable[[int], bool] | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text is rebuilt on every access: read it once
        self.entities = list(entities)
        self.index = EntityIndex(self.entities)
        self.anon = word_set("anonymous_sources.tsv")
        self.orgs = word_set("organisation_nouns.tsv")
        self.speakers = word_set("speaker_nouns.tsv")
        self.non_speakers = word_set("non_speaker_nouns.tsv")
        self._body_nouns = _body_nouns()
        self._bodies_at: list[Token] | None = None
        self._lowers: numpy.ndarray | None = None  # the tokens' lower-case hashes (``_lower_array``)
        self._positions: dict[str, list[int]] = {}  # the tokens of some words (``positions``)
        self.bodies: dict[str, str] = self._first_descriptions()  # noun -> the first full description of that body or document
        self.roles = role_nouns()
        self.appositions: list[Role] = self._find_appositions()
        self.gender_of: dict[str, str] = {}
        for r in self.appositions:
            if r.gender != "-":
                self.gender_of.setdefault(r.person, r.gender)
        self.salient: list[tuple[int, Speaker]] = []  # (position, speaker) of persons seen as subjects
        self.agents: list[tuple[int, Speaker]] = []  # (position, speaker) of organisations seen as subjects
        self.bodies_seen: list[tuple[int, str]] = []  # (position, name) of named organisations that spoke
        self.documents_seen: list[tuple[int, str]] = []  # (position, name) of described documents that spoke
        self.named_bodies: list[tuple[int, str, str]] = self._find_named_bodies()
        self._body_names: frozenset[str] | None = None
        self._acronym_map: dict[str, str] | None = None
        self._written: dict[str, str | None] = {}  # acronyms looked up among the names written in full
        self.nicknames = nicknames.people(self.text)  # nickname -> the person the article gives it to
        self._initialled: set[str] = set()  # people the acronym map names by their initials
        self._people: frozenset[str] | None = None
        # whether a character lies inside a quotation (the context's index; none known when used alone)
        self.quoted: Callable[[int], bool] = quoted or (lambda position: False)

    def described_people(self) -> frozenset[str]:
        """Names the article describes with a person's role ("la ministra de Salud, Ana Ruiz")."""
        if self._people is None:
            self._people = frozenset(r.person for r in self.appositions)
        return self._people

    def no_person_named(self, name: str | None, text: str | None) -> bool:
        """Whether a one-word name that the resolver took for a person's shows nothing of one and
        something of a body: no given name, never part of a person's longer name nor described by a
        person's noun in the article ("Ruiz" of "Ana Ruiz", "la cantante Zelia" stay people), and
        the model tagged it a thing or an organisation, never a person, or it is written as no
        person's name is ("TecnoVerde", "Grupo7": a brand, a medium, a movement)."""
        if not name or " " in name or not name[:1].isupper() or len(name) < 3 or name.isupper() \
                or word_gender(name) is not None or name in self.described_people() \
                or any(w.islower() and noun_kind(w) == "person" for w in (text or "").split()):
            return False
        labels = set()
        for e in self.entities:
            words = e.name.split()
            if name in words and (e.label == "PER" or len(words) > 1 and given_name_gender(e.name) is not None):
                return False
            if e.name == name:
                labels.add(e.label)
                for m in e.mentions:
                    span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                    prev = self.doc[span.start - 1] if span is not None and span.start > 0 else None
                    if prev is not None and prev.is_lower and noun_kind(prev.text) == "person":
                        return False  # "la cantante Zelia"
        return bool(labels & {"MISC", "ORG"}) or BRAND_SHAPE.search(name) is not None

    def gender(self, name: str | None) -> str:
        """A person's gender for matching descriptions: from a description the article gives ("la
        ministra Ana Ruiz"), else the given name's (the name lexicon's, else its ending in -a or -o:
        "Ana Ruiz", "Mario Soto"); "-" unknown."""
        if not name:
            return "-"
        known = self.gender_of.get(name, "-")
        if known != "-":
            return known
        words = name.split()
        if len(words) < 2 or not words[0][:1].isupper() or not words[0][1:].islower():
            return "-"
        given = word_gender(words[0])  # the name lexicon, when installed ("Jaime", "Carmen")
        if given is not None or has_lexicon():
            return given or "-"  # a first word the lexicon does not know is a surname ("Pereira Soto")
        return {"a": "f", "o": "m"}.get(words[0][-1], "-")

    # --- document scan -------------------------------------------------------------------------
    def _find_appositions(self) -> list[Role]:
        """Role descriptions tied to a person: "La canciller de Chile, Ana Ruiz", "el presidente Juan Soto",
        "Soto, el veterano líder del partido,"."""
        doc = self.doc
        found = []
        for ent in self.entities:
            if ent.label not in ("PER", "MISC") and not (  # the small model tags some names MISC; a title makes a person
                    ent.label == "LOC" and len(ent.name.split()) >= 2 and word_gender(ent.name.split()[0]) is not None):
                continue  # (or LOC: "la ministra de Pesca, Dolores Ibáñez" tagged a place)
            if ent.label == "MISC" and ent.name.isupper():
                continue  # "el presidente de Grupo Asesor, GAV": the body's acronym, not a person
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                before = self._before(span)
                follows = self.text[m.end:m.end + 3].lstrip(" ")
                if before and "," in self.text[before[-1].idx:m.start] and follows and follows[0] not in ",.;:)—–\n" \
                        and before[0].i > 0 and (doc[before[0].i - 1].pos_ == "ADP" or doc[before[0].i - 1].lower_ == "según"):
                    # "Según la ingeniera, Nadia Web ha sido …": the name opens the clause the phrase
                    # introduces, no apposition (unlike "El también edil, Luis Soto dijo …", a comma dropped)
                    before = []
                for side in (before, self._after(span)):
                    role, words = _role_in(side)
                    if role and " y " not in f" {ent.name} " and any(
                            role in _forms(t) and t.lower_ != role and "Number=Plur" in str(t.morph) for t in side):
                        continue  # "Junto a las juezas, Ana Ruiz …": a plural describes no one person
                    if role:
                        if side[0].lower_ not in _DETS:
                            # no article to tell: the role's own gender, if it has one ("directora");
                            # not a noun before it ("foto periodista") nor a common-gender noun's
                            # tag ("su titular Ana Ruiz")
                            side = []
                        described = _gender(side, role)
                        given = given_name_gender(ent.name) if side is before and follows[:1].isalpha() \
                            and "," in self.text[before[-1].idx:m.start] else None
                        if given is not None and described != "-" and given[0] != described:
                            continue  # "aseguró la entrevistada, Luis Soto ya emitía …": a name of the other
                            # gender opening a clause after the phrase is no apposition
                        found.append(Role(ent.name, role, words, described, m.start))
        found += self._untagged_appositions()
        return sorted(found, key=lambda r: r.position)

    def _lower_array(self) -> numpy.ndarray:
        """The tokens' lower-case hashes, read once: words are found on it, not by a pass over the tokens."""
        if self._lowers is None:
            from spacy.attrs import LOWER

            self._lowers = self.doc.to_array(LOWER)
        return self._lowers

    def positions(self, name: str, words: frozenset[str]) -> list[int]:
        """Indices of the tokens whose lower-case form is one of ``words`` (the same set each time
        under ``name``), found once on the token array."""
        if name not in self._positions:
            import numpy

            found = in_table(self._lower_array(), hash_table(name, self.doc, words))
            self._positions[name] = numpy.flatnonzero(found).tolist()
        return self._positions[name]

    def _body_tokens(self) -> list[Token]:
        """The tokens written as a body or document noun, found on the token array (not every token)."""
        if self._bodies_at is None:
            import numpy

            doc = self.doc
            if not len(doc):
                self._bodies_at = []
            else:
                hashes = hash_table("body words", doc, _body_words())
                self._bodies_at = [doc[int(i)] for i in numpy.nonzero(in_table(self._lower_array(), hashes))[0]]
        return self._bodies_at

    def _first_descriptions(self) -> dict[str, str]:
        """The first description of each body or document noun: "el memorándum presidencial", "un
        informe de la Organización X" — what a later bare "el memorándum" or "el informe" names."""
        doc, found = self.doc, {}
        for t in self._body_tokens():
            if t.pos_ != "NOUN" or t.i == 0 or doc[t.i - 1].pos_ != "DET":
                continue
            key = fold(t.lower_)
            if key in found:
                continue
            j = t.i + 1
            while j < len(doc) and j <= t.i + 2 and doc[j].pos_ == "ADJ" and doc[j].is_lower and not _QUALIFIER_RE.search(doc[j].lower_):
                j += 1
            if j == t.i + 1 and j + 1 < len(doc) and doc[j].lower_ in ("de", "del"):
                k = j + 1
                if k < len(doc) and doc[k].pos_ == "DET":
                    k += 1
                m = k
                while m < len(doc) and (doc[m].pos_ == "PROPN" or doc[m].lower_ in _NAME_LINKS and m + 1 < len(doc)
                                        and doc[m + 1].pos_ == "PROPN"):
                    m += 1
                if m > k:
                    j = m
            if j > t.i + 1:
                found[key] = doc[t.i:j].text
        return found

    def _find_named_bodies(self) -> list[tuple[int, str, str]]:
        """(position, noun, name) for a body or medium named right after its noun: "el diario El
        Sol", "la revista médica Salud Austral", "la compañía Acme" — so that a later "el diario" or
        "la prestigiosa revista" is that body."""
        doc, found = self.doc, []
        for t in self._body_tokens():
            if t.pos_ != "NOUN" or fold(t.lower_) not in self._body_nouns:
                continue
            j = t.i + 1
            while j < len(doc) and j - t.i <= 3 and doc[j].pos_ == "ADJ" and doc[j].text[:1].islower():
                j += 1
            k = j
            # capitalised words ("Frente" of "Frente Ribereño" may be parsed a noun), an article that
            # opens the name ("El Eco"), "de"/"del" between capitals ("Petróleos del Valle")
            while k < len(doc) and k - j < 6 and (doc[k].text[:1].isupper() and (
                    doc[k].pos_ in ("PROPN", "NOUN", "ADJ") or (doc[k].pos_ == "DET" and k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN"))
                    or k > j and doc[k].lower_ in ("de", "del") and k + 1 < len(doc) and doc[k + 1].text[:1].isupper()):
                k += 1
            if k > j and doc[k - 1].pos_ == "PROPN":
                found.append((t.idx, t.lower_, doc[j:k].text))
        return found

    def named_body_names(self) -> frozenset[str]:
        """Names the article introduces with an organisation's noun ("el diario alemán Gaceta", "el
        partido Luz Nueva"), not a person's name after it ("el partido de Ana Ruiz" is no such
        introduction; "el partido Ana Ruiz" would open with a given name)."""
        if self._body_names is None:
            self._body_names = frozenset(
                name for _pos, noun, name in self.named_bodies
                if noun_kind(noun) == "organisation" and word_gender(name.split()[0]) is None)
        return self._body_names

    def _named_body(self, noun: str, position: int) -> str | None:
        """The body last named with ``noun`` (lower case) before ``position``, or with another noun of
        its class (body_classes.tsv): "el rotativo" after "el diario Eco Austral", "la cartera" after
        "el Ministerio de Pesca" (a body whose name opens with such a noun)."""
        classes = body_classes()
        cls = classes.get(noun)
        names = [(pos, name) for pos, n, name in self.named_bodies
                 if pos < position and (fold(n) == fold(noun) or cls is not None and classes.get(n) == cls)]
        if cls is not None:
            for at, ent in self.index.before(position):
                if position - at > 3000:
                    break
                if ent.label != "PER" and len(ent.name.split()) > 1 and classes.get(ent.name.split()[0].lower()) == cls:
                    names.append((at, ent.name))
                    break
        return max(names)[1] if names else None

    def _untagged_appositions(self) -> list[Role]:
        """Names the model missed, written between commas after a person's title: "la directora
        del instituto, María Luisa Pardo Vega, presentó …" (two capitalised words or more)."""
        doc, found = self.doc, []
        toks = tokens(doc)
        k = 0
        for comma in self.positions("commas", frozenset({","})):
            if comma < k:
                continue
            k = comma
            if k >= len(doc) - 2:
                break
            if not (toks[k + 1].pos_ == "PROPN" and toks[k + 1].text[:1].isupper()):
                continue
            j = k + 1
            while j < len(doc) and toks[j].pos_ == "PROPN" and toks[j].text[:1].isupper():
                j += 1
            run = doc[k + 1:j]
            covered = self.index.covering(run.start_char) or self.index.covering(run[-1].idx)
            # The small model tags some long names LOC; a place is seldom three capitalised words
            # between commas right after a person's title.
            untagged = covered is None or (covered.label == "LOC" and len(run) >= 3)
            if len(run) >= 2 and j < len(doc) and toks[j].text == "," and untagged:
                before = self._before(run)
                role, words = _role_in(before)
                if role and _gender(before, role) != "-":  # a person's title, not "el informe, …"
                    found.append(Role(run.text, role, words, _gender(before, role), run.start_char))
            k = j
        return found

    def _before(self, span: Span) -> list[Token]:
        doc, j = self.doc, span.start - 1
        toks = tokens(doc)
        comma = j >= 0 and toks[j].text == ","
        if comma:
            j -= 1
            if j >= 0 and toks[j].text == ")":  # "el secretario general de la ONU (Naciones Unidas), Ana Ruiz"
                k = j
                while k > max(0, j - 8) and toks[k].text != "(":
                    k -= 1
                if toks[k].text == "(":
                    j = k - 1
        elif j >= 0 and toks[j].lower_ in ("de", "del"):
            return []  # "la política del gobierno de X": X completes a noun, it is not described
        out: list[Token] = []
        while j >= 0 and len(out) < 14 and not toks[j].is_sent_end:
            t = toks[j]
            fields = t.text == "," and comma and out and out[0].text[:1].isupper() and j > 0 \
                and toks[j - 1].text[:1].isupper() and any(x.lower_ in ("y", "e") for x in out)
            # ("la ministra de Agricultura, Pesca y Alimentación, Ana Ruiz": the complement lists its fields)
            if t.pos_ in _NP_POS or t.dep_ == "amod" or fields or ((t.lower_ in _NP_LINK or t.lower_ in ("en", "al")) and comma):
                # ("la Comisión de Atención al Turista, Ana Ruiz"; an adjective the tagger calls an
                # adverb modifies the title all the same: "el diputado local Ana Ruiz")
                out.insert(0, t)
                # "El jefe de Gobierno de la Ciudad, Ana Ruiz", "el líder en la región, …": a
                # determiner after a preposition opens a complement; the description's own article
                # is further left.
                if t.pos_ == "DET" and t.lower_ in _DETS and not (j > 0 and toks[j - 1].lower_ in ("de", "del", "en")):
                    break
                j -= 1
                continue
            break
        while comma and out and out[0].pos_ == "ADP":
            out.pop(0)  # "A decir del juez decano …, Ana Ruiz": the preposition governs the description
        if out and out[0].pos_ == "PROPN" and len(out) == 1:
            return []
        return out

    def _after(self, span: Span) -> list[Token]:
        doc, j = self.doc, span.end
        if j >= len(doc) or doc[j].text != ",":
            return []
        j += 1
        if j >= len(doc):
            return []
        # "Ana Ruiz, la directora del centro, …", or a title with no article: "…, explicó Ana Ruiz,
        # directora estatal del centro." (the role opens the description; it may end the sentence)
        bare = doc[j].lower_ not in _DETS
        if bare and not (doc[j].pos_ in ("NOUN", "ADJ", "PROPN") and doc[j].is_lower and _role_in(list(doc[j:j + 2]))[0]):
            return []
        out: list[Token] = []
        while j < len(doc) and len(out) < 10 and doc[j].text not in ",.;:":
            if doc[j].pos_ in ("VERB", "AUX"):
                return []
            out.append(doc[j])
            j += 1
        if bare and out and (j >= len(doc) or doc[j].text in ".;" or doc[j].is_sent_start):
            return out
        return out if j < len(doc) and doc[j].text == "," else []

    # --- resolution ----------------------------------------------------------------------------
    def remember(self, speaker: Speaker | None) -> None:
        if speaker is None or not speaker.name or INITIAL.fullmatch(speaker.name):
            return  # (a lone initial, "R." of an interview's answer, names nobody to go on speaking)
        if speaker.label == "PER" and speaker.kind != "organisation" or self._untagged_person(speaker):
            self.salient.append((speaker.start, speaker))
            return
        if speaker.name[:1].isupper() and (speaker.label == "ORG" or speaker.label in ("MISC", "PER") and speaker.kind == "organisation"):
            # for a later "el organismo", "la compañía" (a body the model tagged a thing or a person,
            # typed by kind; not a place: a country speaking is typed an organisation too)
            self.bodies_seen.append((speaker.start, speaker.name))
        if len(speaker.name.split()) > 2 and noun_kind(speaker.name.split()[0]) == "document":
            self.documents_seen.append((speaker.start, speaker.name))  # for a later "el documento"
        if len(speaker.name.split()) > 1 and "," not in speaker.name:
            # "un informe de la Organización X" … "el informe": the first full description of a
            # body or document names it for later bare mentions of the same noun.
            first = fold(speaker.name.split()[0])
            if first in self._body_nouns:
                self.bodies.setdefault(first, speaker.name)

    def _untagged_person(self, speaker: Speaker) -> bool:
        """A full name the model tagged a place or a thing, typed a person by its given name and
        written as such inside a line ("…”, dijo Panos Vidakis, de la Oficina X"); a line's first
        words may be a verb or a common noun the model ran into a name ("Cierra Grupo Astor")."""
        if not speaker.name or speaker.kind != "person" or speaker.label not in ("LOC", "MISC") \
                or not self._full_name(speaker.name) \
                or not (speaker.text or "").startswith(speaker.name) or speaker.start == 0 \
                or self.text[speaker.start - 1] == "\n":
            return False
        first = self.doc.char_span(speaker.start, speaker.start + 1, alignment_mode="expand")
        return first is not None and not first[0].is_sent_start

    def resolve(self, tokens: list[Token], current: Speaker | None) -> Speaker | None:
        """The canonical speaker of a mention; an acronym the article spells out ("Registro
        Nacional de Vivienda Social (Invis)") is named in full."""
        sp = self._resolve(tokens, current)
        if sp is not None and sp.name and self.nicknames:
            person = self.nicknames.get(nicknames.key(sp.name))
            if person is not None:  # "el Halcón" after 'Julio "el Halcón" Cortés'
                return Speaker(person, sp.text, "PER", sp.start, sp.end)
        if sp is not None and sp.name:
            full = self._acronyms().get(sp.name)
            if full is None and sp.name.isupper():  # "la FAR" after "la Federación Andina de Remo", unpaired
                if sp.name not in self._written:
                    self._written[sp.name] = written_in_full(self.text, sp.name)
                full = self._written[sp.name]
            if full is not None:
                label = "PER" if full in self._initialled \
                    else "ORG" if sp.label in ("PER", "MISC") else sp.label
                return Speaker(full, sp.text, label, sp.start, sp.end)
        return sp

    def _acronyms(self) -> dict[str, str]:
        """The article's acronyms spelled out, then its people's initials ("REVT")."""
        if self._acronym_map is None:
            self._acronym_map = acronyms(self.text)
            for initials, person in people_initials(self.entities).items():
                if self._acronym_map.setdefault(initials, person) == person:
                    self._initialled.add(person)
        return self._acronym_map

    def _resolve(self, tokens: list[Token], current: Speaker | None) -> Speaker | None:
        tokens = [t for t in tokens if not t.is_space]
        if not tokens:
            return None
        after = tokens[-1].i + 1
        if after < len(self.doc) and self.doc[after].text in ('"', "”", "»") and tokens[-1].whitespace_ == "" \
                and _unclosed("".join(t.text for t in tokens)):
            tokens = tokens + [self.doc[after]]  # "la autora de “Viento del sur”": the title's closing mark
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        text = self.text[start:end]
        head = np_head(tokens) or tokens[0]
        if title_abbreviation().fullmatch(head.text) and head.i + 1 <= tokens[-1].i and self.doc[head.i + 1].pos_ == "PROPN":
            head = self.doc[head.i + 1]  # "el Sr. Tomás Vela": the name, not the title, heads the phrase
        lower = head.lower_
        if len(tokens) == 1 and lower in _PRONOUNS:
            antecedent = self.antecedent(head)
            if antecedent is not None and self.can_speak(antecedent, listed=lower == "que"):
                return self.resolve(antecedent, current)
            # "su recelo hacia un plan que considera …": "que" stands for what cannot speak; the
            # speaker is the one the sentence is about
            gender = {"él": "m", "ella": "f"}.get(lower)
            named = self.named_before(start, gender) if gender is not None else None
            if named is not None and (current is None or named != current.name):
                # "Se supo que Luis Soto había dimitido, pero él lo negó …": Spanish drops a subject
                # that goes on with the same person; one written out points at the one just named
                return Speaker(named, text, "PER", start, end)
            if current is not None and (gender is None or current.label == "PER" and self.gender(current.name) in ("-", gender)):
                return Speaker(current.name, text, current.label, start, end)
            if gender is not None:  # "Según ella, …": the person of that gender the text is about
                person = self._person_for("", frozenset(), gender, start, current)
                if person is not None:
                    return Speaker(person, text, "PER", start, end)
            return Speaker(None, text, "PER", start, end)
        if tokens[0].lower_ in ("su", "sus") and len(tokens) >= 2 and head.lower_ in word_set("possessed_groups.tsv") \
                and not any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tokens[head.i - tokens[0].i + 1:]):
            # ("su abogado Ramiro Lucena" is named: the name, not "abogado … de <owner>")
            owner = self._possessor(start, current)
            if owner is not None:  # "En el caso de Ana Ruiz, su equipo informó …": "equipo de Ana Ruiz"
                own = self.text[tokens[1].idx:end]
                return Speaker(f"{own} de {owner}", text, "ORG", start, end)
        people = self._coordinated_people(tokens)
        if len(people) >= 2:  # "Ana Ruiz, directora del centro, y Luis Soto, su adjunto, indicaron que …"
            return Speaker(_as_list(people), text, "PER", start, end)
        bodies = self._coordinated_names(tokens)
        if len(bodies) >= 2:  # "Italia y Malta", "Tanto el Banco Austral como la Junta de Pesca advirtieron …"
            return Speaker(_as_list(bodies), text, "ORG", start, end)
        bare = self._strip_det(tokens)
        bare_text = self.text[bare[0].idx: bare[-1].idx + len(bare[-1].text)] if bare else text
        if INITIAL.fullmatch(bare_text):
            return None  # a lone initial ("P." of an interview's question) names nobody
        forms = set(_forms(head))
        is_org = bool(forms & self.orgs)
        has_det = any(t.pos_ == "DET" and t.i < head.i for t in tokens)
        # A role from the table, or an agent noun with a definite article that no other table
        # lists: "la exmoderadora", "el copresidente del equipo" name one person described earlier.
        is_role = bool(forms & self.roles.keys()) or (
            has_det and head.pos_ in ("NOUN", "ADJ") and tokens[0].lower_ in _DEFINITE
            and bool(_AGENTIVE.search(head.lower_)) and not (forms & self.orgs or forms & self.anon or forms & self.speakers))
        # A noun the speaker lexicons type as a person, singular after a definite article ("el músico",
        # "la politóloga"), stands for somebody the article named before, as a role does; unlike a
        # role it keeps its own words when nobody fits.
        described = not is_role and has_det and tokens[0].lower_ in _DEFINITE and head.pos_ == "NOUN" \
            and not _plural(head) and noun_kind(head.text) == "person" \
            and not (forms & self.orgs or forms & self.anon or forms & self.non_speakers)
        # "Testigos", "fuentes del ministerio": plural or bare; "el experto" is one person (a role).
        is_anon = bool(forms & self.anon) and (_plural(head) or not has_det or not is_role)
        if is_org and is_role:  # "la policía" (the force) / "el policía" (an officer)
            is_org = _gender(tokens, None) == "f"
            is_role = not is_org
        if is_role and not has_det and bare and bare[0].i == head.i and head.text[:1].isupper() \
                and not head.text.isupper() and not _plural(head) and (person := self._by_surname(head.text)) is not None:
            # "Coronel, casada con …", "Coronel dijo …" after "Lucía Coronel": a role's word written
            # capitalised without an article is the surname of the person the article names so
            return Speaker(person, text, "PER", start, end)
        if tokens[0].lower_ in _DEFINITE and len(tokens) == 2 and (
                head.pos_ == "ADJ" and not _plural(head) and (noun_kind(head.text) is None or fold(head.lower_) in _ORDINALS)
                or head.is_lower and head.lower_ in demonyms()):  # ("el francés" is singular)
            # "el uruguayo", "la chilena" (demonyms.tsv), "este último", "la segunda": an adjective
            # standing for a person named before; "este último" is the last one named, whoever spoke
            person = self._last_named(_gender(tokens, None), start) if fold(head.lower_) in ("ultimo", "ultima") \
                else None
            # a demonym is the person an earlier description gives that nationality ("el ciclista peruano X")
            nationality = frozenset({_fold_lemma(head)}) if head.lower_ in demonyms() else frozenset()
            person = person or (self._of_nationality(_fold_lemma(head), start) if nationality else None) \
                or self._person_for(head.lower_, nationality, _gender(tokens, None), start)
            ordinal = _ORDINALS.get(fold(head.lower_))
            if person is not None and ordinal is not None and " y " in person:
                pair = _LISTED.split(person)
                if len(pair) == 2:  # "Ana Gil y Luis Soto … El segundo dijo …": one of the two
                    person = pair[ordinal]
            if person is not None:
                return Speaker(person, text, "PER", start, end)
        appos = self._appositive_entity(tokens, head)
        named = None if is_org or is_anon else (self._leading_name(tokens) or self._named_person(tokens))
        if named is not None:  # "el ministro de Salud, Ana Ruiz", "el Prof. Juan Soto, director de …"
            return Speaker(named, text, "PER", start, end)
        if tokens[0].lower_ in _DEFINITE and not _plural(head) and head.lower_ in body_classes() \
                and head.lower_ not in word_set("generic_bodies.tsv") \
                and all(t.i == head.i or t.pos_ in ("DET", "ADJ") for t in tokens):
            # (a generic body's noun, "la empresa", is first the organisation that spoke last, below)
            named = self._named_body(head.lower_, start) or self._medium_speaking(head.lower_, start, current)
            if named is not None:  # "el rotativo" after "el diario Eco Austral", "la cartera" after a ministry
                return Speaker(named, text, "ORG", start, end)
        if (seen := self._document_before(tokens, head, start)) and self._described_before(tokens, head) is None:
            return Speaker(seen, text, "MISC", start, end)
        if is_anon and appos is None:
            return Speaker(self._group_described(tokens, head) or self._head_words(bare, head) or bare_text, text,
                           "ANON", start, end)
        if head.pos_ == "PROPN" and not (is_role or is_org or is_anon) or (
                appos is None and not (is_role or is_org or is_anon) and text[:1].isupper() and head.ent_type_
                and not _SHARE.fullmatch(head.text)):  # ("El 62% de los encuestados": a share, no name)
            ent = appos or self.index.covering(head.idx) or self._at_head(start, end, head) \
                or self.index.named(bare_text)
            if ent is not None and ent.label != "PER" and len(ent.name.split()) == 1 and head.i + 2 < tokens[-1].i + 1 \
                    and self.doc[head.i + 1].lower_ in ("de", "del") and self.doc[head.i + 2].is_lower:
                # "el Portal de información de enfermedades raras": a capitalised common noun whose
                # description is its name
                return Speaker(bare_text, text, ent.label, start, end)
            if ent is not None:
                place = self._branch_place(ent, tokens) if ent.label == "ORG" else None
                if place is not None:  # "el Partido Verde de Lima": the body's branch is the speaker
                    return Speaker(f"{ent.name} {place}", text, ent.label, start, end)
                return Speaker(self._fuller(ent.name, tokens, head), text, ent.label, start, end)
            comma = next((k for k, t in enumerate(bare) if t.text == "," and k > 0), None)
            if comma is not None and bare[0].i <= head.i < bare[comma].i \
                    and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in bare[:comma]):
                # "Lilian, la tía de la joven" (a name the model tagged with the verb before it): a person
                # named before the role that describes them
                desc_head = np_head([t for t in bare[comma + 1:] if not t.is_punct])
                affiliation = comma + 1 < len(bare) and bare[comma + 1].lower_ in ("de", "del")
                # ("Liendo, de la cancillería": a person named with the body they speak for)
                if desc_head is not None and self.is_role(desc_head) or affiliation:
                    first, last = bare[0], bare[comma - 1]
                    return Speaker(self.text[first.idx:last.idx + len(last.text)], text, "PER", start, end)
            return Speaker(bare_text, text, "MISC" if len(bare) > 1 else "PER", start, end)
        if is_anon and appos is not None:
            return Speaker(appos.name, text, appos.label, start, end)
        if is_org:
            if appos is not None:
                return Speaker(appos.name, text, "ORG", start, end)
            if head.pos_ == "PROPN":  # "el Ministerio de Sanidad": the fullest name the article gives it
                ent = self.index.covering(head.idx) or self.index.at(start, end)
                if ent is not None and (ent.label != "PER" or noun_kind(ent.name.split()[0]) == "organisation") \
                        and name_words(bare_text) <= name_words(ent.name):  # (a body the model took for a person)
                    return Speaker(ent.name, text, "ORG", start, end)
            if has_det and tokens[0].lower_ not in _INDEFINITE and not any(t.pos_ == "PROPN" for t in tokens):
                # "la organización" after "la Organización Iberoamericana de Puertos": the named body
                body = self.index.named(head.text)
                if body is not None and body.label != "PER" and body.mentions[0].start < start:
                    return Speaker(body.name, text, "ORG", start, end)
            named = self._described_before(tokens, head)
            if named is not None:  # "el informe" after "un informe de la Organización X"
                return Speaker(named, text, "ORG", start, end)
            if tokens[0].lower_ in _DEFINITE and head.lower_ in word_set("generic_bodies.tsv") and head.i == tokens[1].i:
                spoke = [name for pos, name in self.bodies_seen if pos < start and start - pos < 3000
                         and not name_words(name) & name_words(bare_text)]
                if spoke:  # "la agencia de la ONU" after the agency named by name spoke
                    return Speaker(spoke[-1], text, "ORG", start, end)
                if all(t.i == head.i or t.pos_ in ("DET", "ADJ") for t in tokens):
                    # the body the article introduced with this noun or one of its class ("la asociación
                    # Mar Abierto"), else the one named last ("la compañía sueca" after "Vextor anunció")
                    named = self._named_body(head.lower_, start) or self._body_named_before(start, head.lower_)
                    if named is not None:  # "la compañía sueca" after "la tecnológica Vextor"
                        return Speaker(named, text, "ORG", start, end)
            if tokens[0].lower_ in _DEFINITE and all(t.i == head.i or t.pos_ in ("DET", "ADJ") for t in tokens):
                named = self._named_body(head.lower_, start)
                if named is not None:  # "la prestigiosa asociación" after "la asociación Mar Abierto"
                    return Speaker(named, text, "ORG", start, end)
            return Speaker(self._without_agent(bare, head) or bare_text, text, "ORG", start, end)
        if appos is not None:  # "el ingeniero Pablo Ortiz": the name the phrase gives; a title makes a person
            return Speaker(appos.name, text, "PER" if is_role else appos.label, start, end)
        role, words = _role_in(tokens)
        if (role is not None or is_role) and tokens[0].lower_ in _INDEFINITE:
            # "un funcionario de Hacienda": somebody new and unnamed, never a person named earlier
            return Speaker(self._head_words(bare, head) or bare_text, text, "ANON", start, end)
        if (role is not None or is_role) and _plural(head) and (head.pos_ == "NOUN" and "Number=Plur" in str(head.morph) or (
                head.pos_ == "PROPN" and (head.is_sent_start or head.i > 0 and closes_dateline(self.doc[head.i - 1]))
                and head.lower_ not in self.roles
                and len(getattr(self.index.named(head.text, "PER"), "name", "").split()) < 2)):
            # (a plural role opening the sentence, parsed a name: "Alcaldes y legisladores señalaron …";
            # not a surname: "Reyes" of "Irene Reyes")
            # "ambos mandatarios", "los ministros": several people, never one named earlier
            return Speaker(self._group_described(tokens, head) or self._head_words(bare, head) or bare_text, text,
                           "ANON", start, end)
        if role is not None or is_role:
            gender = _gender(tokens, role)
            # "su abuela" (kin_nouns.tsv): somebody's relative, never that person nor whoever spoke
            # last; a person described earlier as such, else the noun itself
            possessed = tokens[0].lower_ in ("su", "sus") and head.lower_ in word_set("kin_nouns.tsv")
            article = _gender(tokens[:1], None) if tokens[0].pos_ == "DET" else "-"  # ("la entrevistada")
            person = self._named_right_after(end, self._governed(tokens), article) or self._person_for(
                role or head.lower_, words, gender, start, None if possessed else current, loose=not possessed,
                alone=not _plural(head))
            several = _plural(head) and not any(e.label == "PER" and head.text in e.name.split()[1:]
                                                and given_name_gender(e.name) is not None for e in self.entities)
            # (not "Reyes" of "Irene Reyes": her surname; "Abogados" of a firm "Ferrer y Ferrer Abogados"
            # the model tagged a person is no surname)
            if person is not None and several and not _LISTED.search(person):
                person = None  # "Los Hermanos Musulmanes", "los técnicos": several, never one person named before
                name = list(itertools.takewhile(lambda t: t.text[:1].isupper() or t.lower_ in _NAME_LINKS,
                                                tokens[tokens.index(head):]))
                while name and not name[-1].text[:1].isupper():
                    name.pop()
                if head.text[:1].isupper() and len(name) > 1:
                    return Speaker(" ".join(t.text for t in name), text, "ORG", start, end)  # the body's name
            person = person or self._written_name(tokens)
            if person is None and several and bare and bare[0].i == head.i:
                return Speaker(self._head_words(bare, head) or bare_text, text, "ANON", start, end)
            of = self._person_of(tokens, head)
            if of is not None and person is not None and name_words(person) & name_words(of):
                # "el abogado de Ruiz", "la representante de Gil": somebody's lawyer is not that
                # person; unnamed, the role's words name the speaker (as for "su abuela")
                return Speaker(self._head_words(bare, head) or bare_text, text, "PER", start, end)
            if person is None and possessed:
                return Speaker(self._head_words(bare, head) or bare_text, text, "PER", start, end)
            if person is not None and " y " in person and gender != "-":
                # "Los ministros Ana Gil y Luis Soto … la ministra": the one of the pair of her gender
                fits = [p for p in _LISTED.split(person) if self.gender(p) == gender]
                person = fits[0] if len(fits) == 1 else person
            return Speaker(person, text, "PER", start, end)
        if described:
            person = self._named_right_after(end, self._governed(tokens)) or self._person_for(head.lower_, words, _gender(tokens, None), start,
                                                                      current, loose=False)
            if person is not None:
                return Speaker(person, text, "PER", start, end)
        ent = self.index.at(start, end)
        if ent is not None and ent.label in ("ORG", "LOC"):
            return Speaker(self._without_agent(bare, head) or bare_text, text, ent.label, start, end)
        named = self._described_before(tokens, head)
        if named is not None:  # "dice el memorándum" after "firmó el memorándum presidencial"
            return Speaker(named, text, "MISC", start, end)
        return Speaker(self._without_agent(bare, head) or bare_text, text, "MISC", start, end)

    def _medium_speaking(self, noun: str, start: int, current: Speaker | None) -> str | None:
        """For "el diario", "el periódico" (a medium's noun): the source speaking in the same
        paragraph when its name is no person's — a capitalised name with no given name, which the
        article never writes as part of a person's full name ("Gaceta explica … 'Habrá otro
        juicio', señala el diario", the masthead the model tagged as a person)."""
        if current is None or not current.name or body_classes().get(noun) != "medium" \
                or not current.name[:1].isupper() or given_name_gender(current.name) is not None \
                or "\n\n" in self.text[current.start:start] or start - current.start > 800:
            return None
        words = current.name.split()
        if any(noun_kind(w) is not None for w in words) or any(
                e.label == "PER" and e.name != current.name and len(e.name.split()) > len(words)
                and e.name.split()[-len(words):] == words for e in self.entities):
            return None  # ("Ruiz" of "Ana Ruiz" is a person; "Oficina Andina" a body, named by _named_body)
        return current.name

    def _document_before(self, tokens: list[Token], head: Token, start: int) -> str | None:
        """For "el documento", "el texto" (generic_documents.tsv, with adjectives at most): the
        document described in full that spoke last, within a few paragraphs ("el informe anual de
        la Oficina X" … "El documento advierte …"); its own noun's description is found before."""
        if tokens[0].lower_ not in _DEFINITE or head.lower_ not in word_set("generic_documents.tsv") \
                or not all(t.i == head.i or t.pos_ in ("DET", "ADJ") for t in tokens):
            return None
        seen = [name for pos, name in self.documents_seen if pos < start and start - pos < 3000]
        return seen[-1] if seen else None

    def _body_named_before(self, position: int, noun: str = "") -> str | None:
        """The organisation the text named last before ``position``, within a few paragraphs and
        with no other organisation between: "el organismo" after "la Oficina Meteorológica Austral";
        "la compañía" after a brand the model tagged a thing ("Zumbo ha detectado un fallo …")."""
        company = body_classes().get(noun) == "company"
        for at, ent in self.index.before(position):
            if position - at > 1500:
                return None
            first = ent.name.split()[0]
            if ent.label == "ORG" or len(first) > 1 and (noun_kind(first) == "organisation" or first.isupper()) \
                    or company and ent.label == "MISC" and self.no_person_named(ent.name, ent.name) \
                    and self._acted(ent):
                return ent.name  # the model may tag a body a place ("Organización Mundial de la Salud")
            if ent.label == "PER":
                return None  # a person between: the noun may describe what the person leads
        return None

    def _acted(self, ent: Entity) -> bool:
        """Whether a mention of ``ent`` is a verb's subject ("Zumbo ha detectado …"), not a place
        after a preposition ("una conferencia en Japón")."""
        for m in ent.mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.root.dep_ == "nsubj":
                return True
        return False

    def _of_nationality(self, demonym: str, position: int) -> str | None:
        """The person named last before ``position`` with ``demonym`` (a folded lemma) right before or
        after the name: "la tenista chilena Rosa Pardo", "Rubén Galindo, peruano de 40 años"."""
        doc = self.doc
        for at, ent in self.index.before(position):
            if ent.label != "PER" or not self._full_name(ent.name):
                continue
            span = doc.char_span(at, next(m.end for m in ent.mentions if m.start == at), alignment_mode="expand")
            if span is None:
                continue
            near = list(doc[max(span.sent.start, span.start - 3):span.start]) + list(doc[span.end:min(span.sent.end, span.end + 3)])
            if any(t.pos_ in ("ADJ", "NOUN") and _fold_lemma(t) == demonym for t in near):
                return ent.name
        return None

    def _last_named(self, gender: str, position: int, reach: int | None = 1500) -> str | None:
        """The person named last before ``position`` (a full name, of ``gender`` unless "-"), within
        ``reach`` characters (a paragraph or two; None: any): "… Ana Gil, jueza, y Luis Soto, fiscal.
        Este último dijo …" -> Luis Soto."""
        for at, ent in self.index.before(position):
            if reach is not None and position - at > reach:
                return None
            if ent.label != "PER" or not self._full_name(ent.name):
                continue
            g = self.gender(ent.name)
            if gender == "-" or g in ("-", gender):
                return ent.name
        return None

    def _described_before(self, tokens: list[Token], head: Token) -> str | None:
        """For "el NOUN" alone, the first full description of that body or document noun."""
        if tokens[0].lower_ in _DEFINITE and len(tokens) == 2 and tokens[1].i == head.i:
            return self.bodies.get(fold(head.text))
        return None

    def _possessor(self, position: int, current: Speaker | None) -> str | None:
        """Whose "su" is: a person named earlier in the same sentence, else the current speaker."""
        named = self.named_earlier_in_sentence(position)
        if named is not None:
            return named
        return current.name if current is not None and current.label == "PER" and current.name else None

    def named_earlier_in_sentence(self, position: int) -> str | None:
        """The person last named in full before ``position`` in its sentence (within 300 characters)."""
        at_pos = self.doc.char_span(position, position + 1, alignment_mode="expand")
        sent_start = self.doc[at_pos.start].sent.start_char \
            if at_pos is not None and self.doc.has_annotation("SENT_START") else position
        for at, ent in self.index.before(position):
            if at < sent_start or position - at > 300:
                break
            if (ent.label == "PER" or ent.label in ("MISC", "LOC") and given_name_gender(ent.name) is not None) \
                    and self._full_name(ent.name):
                return ent.name  # (the small model tags some full names a thing or a place)
        return None

    def _at_head(self, start: int, end: int, head: Token) -> Entity | None:
        """An entity in the phrase that starts at its head: "los Centros para el Control de X de
        Estados Unidos" is not "Estados Unidos" when the model tagged only the country."""
        ent = self.index.at(start, end)
        if ent is None or any(m.start <= head.idx < m.end or m.start == start for m in ent.mentions):
            return ent
        return None

    def can_speak(self, tokens: list[Token], listed: bool = False) -> bool:
        """Whether a subject can be a speaker: a name, a pronoun, a noun of the speaker tables
        (people, roles, institutions, unnamed sources, documents and media) or an agent noun
        ("los manifestantes"); not an abstract or inanimate noun ("los avances", "la posibilidad",
        "la petición", non_speaker_nouns.tsv) that no speaker table lists."""
        tokens = _partitive_whole([t for t in tokens if not t.is_space])
        head = np_head(tokens)
        if head is None:
            return False
        if len(tokens) >= 2 and tokens[0].lower_ == "lo" and not any(t.pos_ == "PROPN" for t in tokens):
            return False  # the neuter article names a matter, never a speaker: "Lo anterior, consideró que …"
        if len(tokens) == 1 and len(head.text) > 6 and head.lower_.endswith("mente") and head.ent_type_ != "PER":
            return False  # an adverb opening the sentence, capitalised: "Obviamente hay …, y precisó que …"
        if head.is_lower and head.pos_ == "NOUN" and set(_forms(head)) & self.non_speakers \
                and not any(t.ent_type_ == "PER" for t in tokens):
            return False  # "El lunes aseguró …" though the model ran an entity over it
        if head.pos_ in ("PROPN", "PRON") or head.ent_type_ in ("PER", "ORG", "LOC", "MISC") \
                or head.lower_ in _PRONOUNS or any(t.ent_type_ == "PER" for t in tokens):
            return True
        if head.pos_ not in ("NOUN", "ADJ"):  # an adjective with an article is a noun: "la diplomática"
            return head.text[:1].isupper() and head.pos_ not in ("VERB", "AUX")
        forms = set(_forms(head))
        if forms & self.roles.keys() or forms & self.anon or forms & self.orgs or forms & self.speakers \
                or _AGENTIVE.search(head.lower_) or noun_kind(head.text) in ("person", "group", "organisation"):
            return True  # (people and bodies the kinds table types: "la comunidad científica"; not its documents)
        if listed:
            return noun_kind(head.text) is not None  # ("las lluvias que anuncian …": only a noun the tables know speaks through "que")
        return not (forms & self.non_speakers or ABSTRACT_ENDING.search(head.lower_))

    def is_title(self, tok: Token) -> bool:
        """A role noun written capitalised as a title ("el Director General", "la Ministra")."""
        return tok.text[:1].isupper() and bool(set(_forms(tok)) & self.roles.keys())

    def is_role(self, tok: Token) -> bool:
        """A title or profession of role_nouns.tsv ("académico", "vocera")."""
        return tok.pos_ in ("NOUN", "ADJ") and bool(set(_forms(tok)) & self.roles.keys())

    def known_speaker(self, tok: Token) -> bool:
        """A noun a speaker table lists (role, institution, unnamed source, document, medium) or an
        agent noun: "el cierre" is none, "el informe" and "los vecinos" are."""
        forms = set(_forms(tok))
        return bool(forms & self.roles.keys() or forms & self.anon or forms & self.orgs or forms & self.speakers
                    or _AGENTIVE.search(tok.lower_))

    def person_like(self, tokens: list[Token]) -> bool:
        """Whether a phrase can name a speaker: a name, a role, an institution or an unnamed source
        ("la canciller", "fuentes", "el ministerio"; not "su segunda reunión")."""
        if any(t.ent_type_ in ("PER", "ORG", "LOC", "MISC") or t.pos_ == "PROPN" for t in tokens):
            return True
        head = np_head(tokens)
        if (head is None or head.pos_ not in ("NOUN", "PROPN")) and len(tokens) >= 2 and tokens[0].pos_ == "DET" \
                and tokens[-1].pos_ == "ADJ":
            head = tokens[-1]  # "el experto" with the noun tagged an adjective: a nominalised role
        forms = set(_forms(head)) if head is not None else set()
        return bool(forms & self.roles.keys() or forms & self.anon or forms & self.orgs)

    def _coordinated_people(self, tokens: list[Token]) -> list[str]:
        """Names of people joined by "y"/"e" (or "tanto … como …") in a subject, each not a complement
        ("de Ana Ruiz")."""
        joins = [t.idx for t in _conjunctions(tokens)]
        if not joins:
            return []
        ids = {t.i for t in tokens}
        found: dict[str, int] = {}
        quoted = _quoted(tokens)
        for m, e in self.index.mentions_in(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)):
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if not self._names_person(e, span, tokens):
                continue
            if span is not None and span[0].i in quoted:
                continue  # "el secretario de Pesca (Secpes)": an aside, not the person
            if span is None or span.start not in ids or span.end - 1 not in ids:
                continue
            prev = self.doc[span.start - 1] if span.start > 0 else None
            if prev is not None and prev.lower_ in ("de", "del", "a", "al", "con", "por", "para"):
                continue
            since = [t for t in tokens if t.i < span.start]
            comma = max((k for k, t in enumerate(since) if t.text == ","), default=-1)
            if any(t.pos_ == "ADP" for t in since[comma + 1:]):
                continue  # "director de Ciencia e Innovación y …": words of a description, not people
            found.setdefault(e.name, m.start)
        if found:
            # a second name the model left untagged: "Ana Gil y Luis Soto" with only "Ana Gil" tagged (not
            # after "junto con": "Ana Gil, junto con Eva Paz y Luis Soto, dijo …" is hers)
            for k, t in enumerate(tokens[:-2]):
                if t.lower_ not in ("y", "e") or any(x.lower_ in ("con", "junto") for x in tokens[:k]) \
                        or word_gender(tokens[k + 1].text) is None \
                        or not tokens[k + 2].text[:1].isupper() or any(p <= tokens[k + 1].idx < p + len(n) for n, p in found.items()):
                    continue
                run = [tokens[k + 1]]
                for x in tokens[k + 2:]:
                    if not (x.text[:1].isupper() and x.is_alpha):
                        break
                    run.append(x)
                if 2 <= len(run) <= 4:
                    found.setdefault(" ".join(x.text for x in run), run[0].idx)
        people = sorted(found.items(), key=lambda kv: kv[1])
        if len(people) < 2 or not any(people[0][1] < j < people[-1][1] for j in joins):
            return []
        return [name for name, _ in people]

    def _coordinated_names(self, tokens: list[Token]) -> list[str]:
        """Names of bodies or places joined by "y"/"e" (or "tanto … como …") when the phrase is
        nothing else: each part, past a lower-case article, is one name the model tagged other than a
        person ("Italia y Malta", "el Banco Austral y la Junta de Pesca"); [] otherwise."""
        joins = {t.i for t in _conjunctions(tokens)}
        if not joins:
            return []
        parts: list[list[Token]] = [[]]
        for t in tokens[1:] if tokens[0].lower_ == "tanto" else tokens:
            if t.text == "," or t.i in joins:
                if parts[-1]:
                    parts.append([])
            elif not t.is_space:
                parts[-1].append(t)
        names = []
        for part in parts:
            while part and part[0].pos_ == "DET" and part[0].is_lower:
                part = part[1:]
            if not part:
                return []
            a, b = part[0].idx, part[-1].idx + len(part[-1].text)
            found = self.index.mentions_in(a, b)
            if len(found) != 1 or (found[0][0].start, found[0][0].end) != (a, b) or found[0][1].label == "PER":
                return []
            names.append(self.text[a:b])
        return names if len(names) >= 2 else []

    def _leading_name(self, tokens: list[Token]) -> str | None:
        """The person's name that opens a phrase, after any article and title, before its first
        comma: "el médico Lorenzo Ibarra", "María de los Ángeles Soto Ruiz, subdirectora de …",
        "el Prof. Juan Soto, director de Ciencia e Innovación …" -> the name, never a complement."""
        k = 0
        while k < len(tokens) and tokens[k].text != "," and tokens[k].pos_ != "PROPN":
            t = tokens[k]
            if not (t.pos_ in ("DET", "NOUN", "ADJ") and t.is_lower or title_abbreviation().fullmatch(t.text)):
                return None  # "el gobierno de Chile": a preposition before the name
            k += 1
        while k < len(tokens) and (title_abbreviation().fullmatch(tokens[k].text) or tokens[k].text == "."):
            k += 1  # "el Prof. Juan Soto": the title is not part of the name
        run: list[Token] = []
        while k < len(tokens) and tokens[k].text != ",":
            t = tokens[k]
            if t.pos_ == "PROPN" and t.text[:1].isupper():
                run.append(t)
            elif t.lower_ in _NAME_LINKS and run and k + 1 < len(tokens) and tokens[k + 1].pos_ == "PROPN" \
                    and not names_body(tokens[k + 1]):
                run.append(t)  # (not "del" before her workplace: "Ana Ruiz del Hospital Central")
            else:
                break
            k += 1
        if not run or self.is_title(run[0]):
            return None  # "La Ministra de Turismo, Carla Vidal": a capitalised title, not a name
        a, b = run[0].idx, run[-1].idx + len(run[-1].text)
        found = self.index.mentions_in(a, b)
        people = [(m, e) for m, e in found if e.label in ("PER", "MISC")]
        if not people:
            # a name the model mislabelled, described by a role after the comma: "Eva Soto, directora de …"
            if len(run) >= 2 and k + 1 < len(tokens) and tokens[k].text == "," and self.is_role(tokens[k + 1]):
                return self.text[a:b]
            return None
        m, e = people[0]
        # Widen the mention over the run's name words that belong to no other entity: the model may
        # tag only part of a long name ("Pilar" in "María del Pilar Soto Soto").
        others = [(x.start, x.end) for x, _ in found if x is not m]
        lo, hi = m.start, m.end
        doc = self.doc
        glued = any(t.is_lower and t.lower_ in institution_nouns()
                    for t in doc[max(0, run[0].i - 3):run[0].i])  # "al medio argentino Efe Ana Ruiz"
        for t in ([] if glued else reversed(run)):
            if t.idx < lo and not any(s <= t.idx < f for s, f in others) and (t.pos_ == "PROPN" or t.idx + len(t.text) < lo):
                if any(s < lo and s > t.idx for s, _ in others):
                    break
                lo = t.idx
        for t in run:
            if t.idx >= hi and not any(s <= t.idx < f for s, f in others):
                if any(hi <= s < t.idx for s, _ in others):
                    break
                hi = t.idx + len(t.text)
        written = self.text[lo:hi]
        while written.split() and written.split()[-1].lower() in _NAME_LINKS:
            written = written.rsplit(None, 1)[0]
        if name_words(e.name) < name_words(written) and len(name_words(written)) <= 6:
            return written
        return e.name

    def _names_person(self, e: Entity, span: Span | None, tokens: list[Token]) -> bool:
        """Whether a mention in a description names a person: tagged one, a full name set off by
        commas (``_set_off_full_name``), or a full name with a given name the model tagged a thing
        ("Los aspirantes Rodrigo Feliu (MPV) y …")."""
        return e.label == "PER" or self._set_off_full_name(e, span, tokens) \
            or e.label == "MISC" and given_name_gender(e.name) is not None

    def _set_off_full_name(self, e: Entity, span: Span | None, tokens: list[Token]) -> bool:
        """Whether a name the model tagged other than a person is a person's in a description: a full
        name with a given name set off by commas ("el representante de la cooperativa Tolvac, Israel
        Montoya" with "Israel Montoya" tagged a place; "los fiscales de A, X, y de B, Y")."""
        return span is not None and given_name_gender(e.name) is not None and span.start > 0 \
            and self.doc[span.start - 1].text == "," and (span.end > tokens[-1].i or self.doc[span.end].text == ",")

    def _named_person(self, tokens: list[Token]) -> str | None:
        """The first person named in a description that opens with a common noun, not as a
        complement ("de Ana Ruiz"): "el ministro de Salud bonaerense, Ana Ruiz" -> Ana Ruiz."""
        head = np_head(tokens) if tokens else None
        if head is None or (tokens[0].pos_ == "PROPN" or head.pos_ == "PROPN" and not head.is_lower) \
                and not self.is_title(head):
            return None  # (a lower-case head the tagger called a name is the noun it is: "el estratega")
        quoted = _quoted(tokens)
        for m, e in self.index.mentions_in(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)):
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if not self._names_person(e, span, tokens):
                continue
            if span is not None and span[0].i in quoted:
                continue  # "el secretario de Pesca (Secpes)": an aside, not the person
            prev = self.doc[span.start - 1] if span is not None and span.start > 0 else None
            if prev is not None and prev.pos_ == "DET" and span is not None and span.start > 1:
                prev = self.doc[span.start - 2]  # "de la Alianza X": past the article
            if prev is not None and prev.lower_ in ("de", "del", "a", "al", "con", "por", "para", "y", "e"):
                continue
            opening = span.start if span is not None else 0
            while opening > 0 and self.doc[opening - 1].pos_ == "PROPN" and self.doc[opening - 1].text[:1].isupper():
                opening -= 1  # (from where the capitalised words start: "la coalición Unidos Venceremos Ya")
            before = self.doc[opening - 1] if opening > 0 and span is not None else prev
            if before is not None and before.is_lower and noun_kind(before.text) == "organisation":
                continue  # "de la cooperativa Surco Verde, Ana Ruiz": the body's name, tagged a person
            if before is not None and before.is_lower and before.pos_ == "NOUN" and span is not None \
                    and any(x.dep_ == "case" for x in before.children) and self._set_off_at_end(tokens, m.end):
                continue  # "el presidente de la productora Nube Films, Ana Ruiz": a complement's name before the person's
            if self._titled_complement(head, prev):
                continue  # "el asesor, primo del alcalde Juan Soto": the person a complement names
            return self._fuller(e.name, tokens, span[0]) if span is not None else e.name
        return None

    def _set_off_at_end(self, tokens: list[Token], after: int) -> bool:
        """Whether a name tagged a person or a thing closes the description ``tokens`` after a comma,
        past the character ``after``: "…, Ana Ruiz" (the apposition that names the one described)."""
        end = tokens[-1].idx + len(tokens[-1].text)
        return any(m.end == end and m.start > after and self.text[after:m.start].rstrip().endswith(",")
                   and e.label in ("PER", "MISC") for m, e in self.index.mentions_in(after, end))

    def _titled_complement(self, head: Token, title: Token | None) -> bool:
        """Whether ``title``, right before a name, is a person's title inside a complement of a
        person's noun ``head`` ("del alcalde", "de su ministro"): the name is the complement's, not
        the speaker ("el portavoz del ministro Julián Mora", "el asesor, primo del alcalde Juan
        Soto"). A document's or an act's author keeps naming it ("la ponencia del juez X")."""
        if title is None or not title.is_lower or _plural(title) or not self.is_role(title) \
                or not (self.is_role(head) or noun_kind(head.text) == "person"):
            return False
        k = title.i - 1
        if k >= 0 and self.doc[k].pos_ == "DET":
            k -= 1
        return k >= 0 and self.doc[k].lower_ in ("de", "del", "a", "al", "para", "con")

    def _fuller(self, name: str, tokens: list[Token], head: Token) -> str:
        """The name as written here when it is fuller than the cluster's and contains it: the model
        may tag only part of "María de los Ángeles Soto Ruiz"."""
        ids = {t.i for t in tokens}
        a = b = head.i
        doc = self.doc
        own = self.index.covering(head.idx)

        def free(k: int) -> bool:  # a place's or a body's words are not the person's ("de Villarreal Adrián Soto")
            other = self.index.covering(doc[k].idx)
            return doc[k].pos_ == "PROPN" and (other is None or other is own or other.label not in ("LOC", "ORG"))

        while a - 1 in ids and not title_abbreviation().fullmatch(doc[a - 1].text) and not self.is_title(doc[a - 1]) and (
                free(a - 1) or doc[a - 1].lower_ in _NAME_LINKS and a - 2 in ids and free(a - 2)):
            a -= 1
        if a < head.i and a > 0 and doc[a - 1].lower_ in ("de", "del", "en"):
            a = head.i  # "la jefa de Catastro Ana Soto": the words before the name are a complement's
        if a < head.i and word_gender(head.text) is not None and any(doc[k].lower_ in institution_nouns() for k in range(a, head.i)):
            a = head.i  # "el titular de la Secretaría de Obras Ana Soto": a body's name the model ran into hers
        while b + 1 in ids and (free(b + 1) or doc[b + 1].lower_ in _NAME_LINKS and b + 2 in ids and free(b + 2)
                                and not names_body(doc[b + 2])):
            b += 1  # (not "Ana Ruiz del Hospital Central": her workplace)
        run = doc[a:b + 1].text
        if head.pos_ != "PROPN" or not run[:1].isupper():
            return name
        have, written = name_words(name), name_words(run)
        if have < written and len(written) <= 6:
            return run
        return name

    def _person_of(self, tokens: list[Token], head: Token) -> str | None:
        """The person a role is related to, named after "de" right after the role noun: "el abogado
        de Ruiz" -> the person "Ruiz" names; "el portavoz del ministro Julián Mora" -> Julián Mora."""
        k = head.i + 1
        if k + 1 > tokens[-1].i or self.doc[k].lower_ not in ("de", "del"):
            return None
        first = self.doc[k + 1]
        if first.pos_ == "DET" and k + 2 <= tokens[-1].i:
            first = self.doc[k + 2]  # "de la ministra Ana Gil"
        if first.is_lower and self.is_role(first) and first.i + 1 <= tokens[-1].i:
            first = self.doc[first.i + 1]  # the complement's title before its name
        ent = self.index.covering(first.idx)
        if ent is None or ent.label != "PER" or not first.text[:1].isupper() or noun_kind(first.text) is not None \
                or not any(m.start == first.idx for m in ent.mentions):
            return None  # (not "el ministro de Gobierno Eduardo Soto": a body's word the model ran into the name)
        return ent.name

    def _governed(self, tokens: list[Token]) -> bool:
        """Whether a preposition ("según", "para", "de acuerdo con") governs the phrase."""
        i = tokens[0].i
        return i > 0 and (self.doc[i - 1].pos_ == "ADP" or self.doc[i - 1].lower_ == "según")

    def _named_right_after(self, end: int, governed: bool = False, gender: str = "-") -> str | None:
        """A person named in apposition right after a description: "según el copresidente del
        equipo, el doctor Juan Soto, …" -> Juan Soto. After a description a preposition governs
        (``governed``), the name must close as an apposition does: "Según la ingeniera, Nadia Web
        ha sido …" opens the clause with another name; so must a given name of the other gender
        than the description's article (``gender``): "aseguró la entrevistada, Luis Soto ya …"."""
        for m, e in self.index.mentions_in(end, end + 160):
            gap = self.text[end:m.start]
            follows = self.text[m.end:m.end + 3].lstrip(" ")
            opens = bool(follows) and follows[0] not in ",.;:)—–\n\"”»"
            given = given_name_gender(e.name) if opens and gender != "-" else None
            if e.label == "PER" and (_APPOSITION_GAP.fullmatch(gap) or _LONG_GAP.fullmatch(gap) or _FIELD_GAP.fullmatch(gap)) \
                    and not (governed and opens) and not (given is not None and given[0] != gender):
                return e.name
            if re.search(r"[.;:\n“”«»\"]", gap) or gap.count(",") > 2:
                break  # past the sentence or the description
        return None

    def _written_name(self, tokens: list[Token]) -> str | None:
        """A name written in a description that the model did not tag: "el doctor Ruiz" -> "Ruiz"."""
        run: list[Token] = []
        in_complement = False  # inside "de la Casa Almería": every word of that name is the complement's
        quoted = _quoted(tokens)
        for k, t in enumerate(tokens):
            if t.i in quoted:
                if run:
                    break
                continue  # the title of a work ("la autora de “Luna”"), an aside: no person's name
            j = k - 1
            while j >= 0 and tokens[j].pos_ == "DET":
                j -= 1  # "de la OMS": a complement, not the person's name
            capitalised = t.pos_ == "PROPN" and t.text[:1].isupper()
            if in_complement and capitalised and self._name_starts(tokens, k) and not (t.ent_iob_ == "I" and t.ent_type_ != "PER"):
                in_complement = False  # "el alcalde de Villarreal Adrián Soto": the person's name follows
                # (not inside a body's name the model tagged whole: "de la Liga Andina Rural")
            elif capitalised and not run and (j >= 0 and tokens[j].pos_ == "ADP" or in_complement or (
                    j > 0 and tokens[j].is_lower and noun_kind(tokens[j].text) == "organisation"
                    and any(x.pos_ == "ADP" for x in tokens[:j]) and not self._name_starts(tokens, k))):
                in_complement = True  # (and "el candidato de la coalición Unidos Venceremos": the body's name)
                continue
            in_complement = in_complement and (capitalised or t.lower_ in _NAME_LINKS or not run and (
                t.text == "," and self._lists_fields(tokens, k)
                or t.lower_ in ("y", "e") and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper()))
            if not run and t.is_upper and len(t.text) > 1 and k > 0:
                continue  # a body's acronym after a title ("el presidente de Grupo Asesor, GAV")
            if capitalised and not (not run and self.is_title(t)):  # "La Ministra de Turismo, Carla Vidal": the title is no name
                run.append(t)
            elif run:
                break
        return " ".join(t.text for t in run) if run else None

    def _lists_fields(self, tokens: list[Token], k: int) -> bool:
        """Whether the comma ``tokens[k]`` goes on with a complement's list of fields: "la ministra
        de Agricultura, Pesca y Alimentación" (a capitalised word that opens no person's name, and
        "y" before another capitalised word further on)."""
        return k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper() and not self._name_starts(tokens, k + 1) \
            and any(tokens[m].lower_ in ("y", "e") and tokens[m + 1].text[:1].isupper() for m in range(k + 2, len(tokens) - 1))

    @staticmethod
    def _name_starts(tokens: list[Token], k: int) -> bool:
        """Whether a person's name starts at ``tokens[k]``: the model opens a person there, or a given
        name the lexicon knows comes before another capitalised word."""
        t = tokens[k]
        if t.ent_type_ == "PER" and t.ent_iob_ == "B":
            return True
        return k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper() and word_gender(t.text) is not None

    def _person_name(self, name: str) -> bool:
        """One person's name as people are named: two capitalised words or more, the first no noun of
        any table ("Ana Ruiz", not "Director de la Junta X", "Consultado", "Ana Ruiz y Luis Soto")."""
        words = name.split()
        return len(words) >= 2 and " y " not in f" {name} " and noun_kind(words[0]) is None \
            and all(w[:1].isupper() or w in NAME_PARTICLES for w in words)

    def _full_name(self, name: str) -> bool:
        """A person's full name: two capitalised words or more, not an institution's ("Fundación X")."""
        words = name.split()
        return len(words) >= 2 and words[0][:1].isupper() and words[0].lower() not in self.orgs

    def _without_agent(self, bare: list[Token], head: Token) -> str | None:
        """A document's name without who made it public: "informe publicado ayer por la Agencia X" ->
        "informe", "reciente informe difundido por la Oficina Y" -> "reciente informe"."""
        head = np_head(bare) or head  # "datos de un informe …": the document, past the data noun
        if not bare or noun_kind(head.text) != "document" or not bare[0].i <= head.i <= bare[-1].i:
            return None
        for t in bare[head.i - bare[0].i + 1:]:
            participle = "VerbForm=Part" in str(t.morph) or bool(_PARTICIPLE.search(t.lower_)) or t.lower_ in ("dado", "dada")
            if participle and t.is_lower and any(x.lower_ == "por" for x in self.doc[t.i + 1:min(t.i + 6, bare[-1].i + 1)]):
                last = self.doc[t.i - 1]
                return self.text[bare[0].idx:last.idx + len(last.text)] if t.i > bare[0].i else None
        return None

    def _group_described(self, tokens: list[Token], head: Token) -> str | None:
        """ "Los geólogos" and "los geólogos del Instituto Andino" in the same article: a plural
        group named by its noun alone is the group the article describes with that noun and a complement
        (the first such description, before or after: the fullest name the article gives)."""
        if len(tokens) != 2 or tokens[0].lower_ not in ("los", "las") or tokens[1].i != head.i \
                or "Number=Plur" not in str(head.morph):
            return None
        import numpy

        doc = self.doc
        first = None  # the article's first description, not the nearest (a repetition may be shorter)
        for i in numpy.nonzero(self._lower_array() == head.lex.lower)[0]:
            t = doc[int(i)]
            if t.i == head.i or t.i + 2 >= len(doc) or doc[t.i + 1].lower_ not in ("de", "del"):
                continue
            before = doc[t.i - 2] if t.i >= 2 and doc[t.i - 1].pos_ == "DET" else doc[t.i - 1] if t.i else None
            if before is not None and before.pos_ == "ADP" and before.lower_ not in ("a", "al"):
                continue  # "huyeron con los manifestantes de la plaza": a complement of something else
            j = t.i + 2
            while j < len(doc) and j - t.i <= 9 and doc[j].ent_type_ != "PER" and not self._person_starts(j) and (
                    doc[j].pos_ in ("DET", "PROPN", "NOUN", "ADJ") or doc[j].lower_ in _NAME_LINKS and j + 1 < len(doc)
                    and doc[j + 1].pos_ in ("DET", "PROPN", "NOUN")):
                j += 1  # (not into the people's own names: "los diputados del PAN Ana Gil y …")
            while j > t.i + 2 and doc[j - 1].pos_ in ("DET", "ADP"):
                j -= 1
            if j > t.i + 2 and any(x.pos_ in ("PROPN", "NOUN") for x in doc[t.i + 2:j]):
                first = self.text[t.idx: doc[j - 1].idx + len(doc[j - 1].text)]
                break
        return first[:1].lower() + first[1:] if first else None

    def _branch_place(self, ent: Entity, tokens: list[Token]) -> str | None:
        """ "de Madrid" when the phrase ends with "de"/"del" and a place right after the body's name
        ("la Cruz Azulada de Valencia", "el Partido Verde de Lima"): the branch speaks, guidelines' "cancillería de
        Colombia"."""
        end = tokens[-1].idx + len(tokens[-1].text)
        mention = next((m for m in ent.mentions if tokens[0].idx <= m.start < end), None)
        if mention is None or mention.end >= end:
            return None
        rest = self.text[mention.end:end].strip()
        m = re.fullmatch(r"(de|del) ((?:la |el |los |las )?[A-ZÁÉÍÓÚÑ][\w\s]*)", rest)
        if m is None:
            return None
        place = self.index.named(m.group(2))
        if place is None or place.label != "LOC" or name_words(place.name) != name_words(m.group(2)):
            return None
        return rest

    def _person_starts(self, j: int) -> bool:
        """A given name and a capitalised word after a name's capital ("… Partido Verde Ana Gil"), not
        a body named after a person ("la Universidad Ramón Llull")."""
        doc = self.doc
        return 0 < j < len(doc) - 1 and doc[j - 1].text[:1].isupper() and doc[j + 1].text[:1].isupper() \
            and word_gender(doc[j].text) is not None and doc[j - 1].lower_ not in institution_nouns()

    def _head_words(self, bare: list[Token], head: Token) -> str | None:
        """An unnamed source's name: its phrase up to a participle or an adjective that takes a
        complement ("fuentes consultadas por este diario" -> "fuentes", "fuentes conocedoras del
        caso" -> "fuentes"); the noun's own complement stays ("un funcionario de Hacienda",
        "especialistas de la universidad").  None when the head is not in the phrase."""
        if not bare or not bare[0].i <= head.i <= bare[-1].i or noun_kind(head.text) == "document":
            return None  # a document keeps its description: "el reporte dado a conocer por …"
        end = bare[-1].i
        for t in bare[head.i - bare[0].i + 1:]:
            nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
            participle = t.pos_ in ("ADJ", "VERB") and ("VerbForm=Part" in str(t.morph)
                                                       or bool(_PARTICIPLE.search(t.lower_)))
            if participle or (t.pos_ == "ADJ" and _COMPLEMENTED.search(fold(t.lower_)) and nxt is not None and nxt.pos_ == "ADP"
                              and t.i < bare[-1].i):
                end = t.i - 1
                break
        if end < head.i:
            return None
        return self.text[bare[0].idx: self.doc[end].idx + len(self.doc[end].text)]

    def _strip_det(self, tokens: list[Token]) -> list[Token]:
        """The phrase as a name: no leading article, no trailing participle ("consultados"), no
        parenthesis ("el Partido Verde (PV)" -> "Partido Verde")."""
        out = list(tokens)
        if any(t.text == "(" for t in out[1:]):
            out = out[:next(k for k, t in enumerate(out) if t.text == "(" and k > 0)]
        qualifiers = _qualifiers()
        while len(out) > 1 and out[0].lower_ in _DETS and len(out) > 3 and out[1].lower_ in _QUANTITY_NOUNS:
            out.pop(0)  # "la mayoría de los vecinos"
        if len(out) > 3 and out[0].pos_ == "ADJ" and out[1].lower_ in _QUANTITY_NOUNS and out[2].lower_ in ("de", "del"):
            out.pop(0)  # "buena parte de los vecinos", "gran parte de …": how large the share is
        while len(out) > 1 and (not _quantity(out[0]) or out[1].lower_ not in ("de", "del")) and (out[0].lower_ in _DETS or out[0].pos_ in ("DET", "NUM") or out[0].lower_ in _QUANTIFIERS
                                or out[0].lower_ == "por" and out[1].lower_ == "ciento" or out[0].like_num
                                or any(f in qualifiers for f in singulars(out[0].lower_))
                                or out[0].is_lower and out[0].lower_ in demonyms() and out[1].pos_ == "PROPN"
                                and out[1].text[:1].isupper()):
            out.pop(0)  # "su agenda" -> "agenda", "dos fuentes" -> "fuentes", "el último informe" -> "informe"
            # ("el estadounidense Centro de Estudios Hídricos": a nationality before the body's name)
        # "Decenas de participantes", "la mayoría de los vecinos", "uno de cada diez encuestados"
        while len(out) > 2 and _quantity(out[0]) and out[1].lower_ in ("de", "del"):
            out = out[2:]
            if len(out) > 2 and out[0].lower_ == "cada" and out[1].pos_ == "NUM":
                out = out[2:]
            while len(out) > 1 and (out[0].lower_ in _DETS or out[0].pos_ in ("DET", "NUM")):
                out.pop(0)
        comma = next((k for k, t in enumerate(out) if t.text == "," and 0 < k < len(out) - 1), None)
        if comma is not None and out[0].pos_ != "PROPN" and out[comma + 1].pos_ != "PROPN":
            # "participantes de una marcha, desarrollada este domingo": the group, not the aside
            # (a list of names stays: "los participantes de Austria, Alemania y Suiza")
            out = out[:comma]
        # "los datos del Anuario Estadístico", "datos ofrecidos por el Instituto": the figures'
        # source is the body or document named
        by = 3 if len(out) > 3 and _PARTICIPLE.search(out[1].lower_) and out[2].lower_ == "por" else 2
        if len(out) > by and fold(out[0].text) in _DATA_NOUNS and out[by - 1].lower_ in ("de", "del", "por") \
                and any(t.pos_ == "PROPN" or fold(t.text) in self._body_nouns for t in out[by:]):
            out = out[by:]
            while out and (out[0].lower_ in _DETS or out[0].pos_ == "DET"):
                out.pop(0)
        for k in range(1, len(out)):
            # a name ends before a participle ("Observatorio Rural recogidas por …") or a partitive
            # complement ("la FAO de esas cuatro mil granjas")
            if out[k - 1].pos_ == "PROPN" and (
                    (_PARTICIPLE.search(out[k].lower_) and out[k].pos_ in ("ADJ", "VERB"))
                    or (out[k].lower_ in ("de", "del") and k + 1 < len(out) and out[k + 1].lower_ in _PARTITIVE)):
                out = out[:k]
                break
        while len(out) > 1 and out[-1].lower_ in ("hoy", "ayer", "anteayer"):
            out.pop()  # "datos facilitados por la Junta Portuaria ayer"
        while len(out) > 1 and re.search(r"(ad|id)[oa]s?$", out[-1].lower_) and out[-1].pos_ in ("ADJ", "VERB"):
            out.pop()
        head_of_out = np_head(out)
        for k in range(2, len(out) - 1):
            # "una investigación internacional publicada este jueves", "documentos de la fiscalía
            # obtenidos por este diario": a participle clause after the description ends the name
            # (right after the noun it is the description: "las pruebas realizadas en el instituto")
            t = out[k]
            if re.search(r"(ad|id)[oa]s$|(ad|id)[oa]$", t.lower_) and t.pos_ in ("ADJ", "VERB") \
                    and out[k - 1].pos_ in ("ADJ", "PROPN", "NOUN") and (head_of_out is None or out[k - 1].i != head_of_out.i) \
                    and out[k + 1].pos_ in ("ADP", "DET", "ADV", "NOUN", "NUM"):
                out = out[:k]
                break
        return out or list(tokens)

    def _appositive_entity(self, tokens: list[Token], head: Token) -> Entity | None:
        """A named entity in the phrase not introduced by a preposition ("la agencia estatal Efe")."""
        if head.pos_ == "PROPN":
            return None
        ids = {t.i for t in tokens}
        quoted = _quoted(tokens)
        for t in tokens:
            if t.pos_ != "PROPN" or t.i == head.i or t.i in quoted:
                continue  # a title in quotation marks names no speaker ("la autora de “Luna”")
            # The name's first word: "de"/"del" before it (or a case child) makes it a complement
            # ("el gobierno de Chile"); otherwise it stands in apposition ("la agencia estatal Efe").
            first = t
            while first.dep_ == "flat" and first.head.i < first.i and first.head.i in ids and first.head.i != head.i:
                first = first.head  # (never up to the phrase's own head: "Paramédicos de Cruz Azulada" parsed flat)
            prev = self.doc[first.i - 1] if first.i > 0 else None
            # (for people named by a plural noun: a body's or a document's description keeps its name)
            between: list[Token] = list(self.doc[head.i + 1:first.i]) \
                if head.i < first.i and noun_kind(head.text) == "group" else []
            if any(c.dep_ == "case" for c in first.children) or (prev is not None and prev.lower_ in ("de", "del")) \
                    or self._titled_complement(head, prev) or (
                        # "la candidata de la coalición Unidos Venceremos": the complement's own name
                        noun_kind(head.text) == "person" and prev is not None and prev.i != head.i and prev.i in ids
                        and prev.is_lower and prev.pos_ == "NOUN" and not t.is_upper
                        and (t.ent_type_ != "PER" or noun_kind(prev.text) == "organisation"
                             or self._set_off_at_end(tokens, t.idx + len(t.text)))
                        and word_gender(first.text) is None
                        and any(c.dep_ == "case" for c in prev.children)) \
                    or first.dep_ == "conj" or (not any(x.text == "," for x in between) and any(
                        x.pos_ == "ADP" and (x.lower_ in ("del", "al") or x.nbor(1).pos_ == "DET") for x in between)):
                # a complement, or one of a list ("los participantes de Austria, Alemania y Suiza"); a name
                # after the head's complement is the complement's ("vecinos de la colonia Centro"), not
                # after a bare noun ("los reporteros de agencia Efe")
                continue
            if prev is not None and prev.text == "," and first.i >= 2 and self.doc[first.i - 2].text[:1].isupper() \
                    and any(x.lower_ in ("y", "e") and x.i + 1 in ids and self.doc[x.i + 1].text[:1].isupper()
                            for x in tokens if x.i > t.i):
                continue  # "la ministra de Industria, Comercio y Turismo": the complement lists its fields
            ent = self.index.at(t.idx, t.idx + len(t.text) + 40)
            ent = ent if ent is not None and any(m.start <= t.idx < m.end for m in ent.mentions) else None
            ent = ent or self.index.named(t.text)
            if ent is not None and ent.name.isupper() and self.is_role(head):
                continue  # "el presidente de Grupo Asesor, GAV": the body's acronym, not the person
            if ent is not None:
                return ent
        return None

    def antecedent(self, pron: Token) -> list[Token] | None:
        """ "quien dijo", "el informe, que señala …": the noun phrase the relative clause hangs from."""
        if pron.lower_ not in RELATIVE_PRONOUNS:
            return None
        verb = pron.head
        while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i \
                and verb.head.dep_ in ("acl", "relcl", "acl:relcl"):
            verb = verb.head  # "musulmanes que rezaban y que recriminaron …": the first relative's noun
        noun = verb.head if verb.dep_ in ("acl", "relcl", "acl:relcl", "advcl", "conj") else None
        found = None if noun is None or noun.pos_ not in ("PROPN", "NOUN") or noun.i >= pron.i \
            else self._relative_phrase(noun, pron)
        if pron.lower_ == "que" and found is not None and (
                not self.can_speak(found, listed=True) or pron.dep_ == "nsubj" and noun is not None and relative_disagrees(verb, noun)):
            # "sus reproches a los periódicos locales que cuestionaron …": the clause hung on a
            # noun that cannot speak, or not of the verb's number ("firmaron la carta maestros y
            # expertos que han advertido …"); the nearest one before "que" that can, of the verb's number
            near = self._speaking_before(pron, verb)
            if near is not None:
                return self._relative_phrase(near, pron)
        if pron.lower_ in ("quien", "quienes") and not (found and any(t.ent_type_ == "PER" or self._personal(t) for t in found)):
            # "quien" is somebody: "habló con vecinos suyos quienes …" hangs the clause on a verb,
            # "acudieron bomberos del cuartel norte, quienes …" on a thing; the nearest people before it
            near = self._personal_before(pron)
            if near is not None:
                return self._relative_phrase(near, pron)
        return found

    def _relative_phrase(self, noun: Token, pron: Token) -> list[Token]:
        """The phrase of ``noun``, the antecedent of the relative pronoun ``pron``."""
        if pron.lower_ in ("quien", "quienes") and noun.ent_type_ != "PER":
            # "quien" is a person: "Luis Mora, miembro del Comité Obrero, quien …" is Luis Mora's
            # clause, however the parser hung it on the body
            up = noun
            while up.dep_ in ("nmod", "conj", "appos", "flat") and up.head.i < up.i and up.head.pos_ in ("PROPN", "NOUN"):
                up = up.head
                if up.ent_type_ == "PER":
                    return next((list(e) for e in self.doc.ents if e.start <= up.i < e.end), [up])
        left = [t for t in noun.subtree if t.i <= noun.i or (t.i < pron.i and t.dep_ in ("flat", "appos", "amod"))]
        left = [t for t in left if t.i < pron.i and t.text != ","]
        if left and left[0].lower_ in ("a", "al"):  # "lo dijo a La Gaceta Ana Ruiz, quien …": past the medium
            left = [t for t in left if t.i >= past_addressee(self.doc, left[0].i, left[-1].i + 1)]
        while left and (left[0].pos_ in ("ADP", "CCONJ") or left[0].dep_ in ("case", "fixed", "cc")):  # "hacia un plan que …"
            left.pop(0)  # -> "un plan"; "a cargo de Ana Ruiz, quien …", "junto con Ana Ruiz, quien …" -> "Ana Ruiz";
            # a conjunct's conjunction: "el club y los socios, que piden …" -> "los socios"
        if left:  # the phrase as written, without gaps: "el ministro para América Latina, Ana Ruiz, quien …"
            left = [t for t in self.doc[left[0].i:left[-1].i + 1] if not t.is_space]
            while left and left[-1].is_punct:
                left.pop()
            glued = [k for k, t in enumerate(left) if k and t.text.islower() and left[k - 1].pos_ == "PROPN"
                     and t.pos_ == "NOUN" and (t.dep_ == "flat" or self._personal(t))]
            if glued:  # "lo confirmaron a El Eco autoridades federales, quienes …": a common noun the parser
                left = left[glued[-1]:]  # ran into the medium's name before it opens the antecedent
            commas = [k for k, t in enumerate(left) if t.text == ","]
            tail = left[commas[-1] + 1:] if commas else []
            if tail and all(t.ent_type_ == "PER" or t.lower_ in _NAME_LINKS for t in tail) and tail[0].ent_type_ == "PER":
                return tail  # "…, Ana Ruiz, quien …": the name set off before the relative
        return left or [noun]

    @staticmethod
    def _personal(tok: Token) -> bool:
        """A word that names people: a person's name or a noun the tables type as a person or group."""
        return tok.ent_type_ == "PER" or tok.pos_ in ("NOUN", "ADJ") and noun_kind(tok.text) in ("person", "group")

    def _word_before(self, pron: Token, reach: int, fits) -> Token | None:
        """The nearest word before a relative pronoun, within ``reach`` words and its clause (no verb,
        no sentence end between), for which ``fits`` holds."""
        for k in range(pron.i - 1, max(pron.sent.start, pron.i - reach) - 1, -1):
            t = self.doc[k]
            if t.pos_ in ("VERB", "AUX") or t.text in ".;:":
                return None
            if fits(t):
                return t
        return None

    def _personal_before(self, pron: Token) -> Token | None:
        """The nearest word naming people before a relative pronoun, of its number ("quienes" are
        several, "quien" one): "bomberos" of "acudieron bomberos del cuartel norte, quienes …"."""
        t = self._word_before(pron, 20, lambda t: self._personal(t) and (
            t.ent_type_ == "PER" or _plural(t) == (pron.lower_ == "quienes")))
        # a name's first word (not a medium's name the parser ran a common noun into: "lo confirmaron a
        # El Eco autoridades federales, quienes …")
        while t is not None and t.dep_ == "flat" and t.head.i < t.i and (t.pos_ == "PROPN" or t.text[:1].isupper()):
            t = t.head
        return t

    def _speaking_before(self, pron: Token, verb: Token) -> Token | None:
        """The nearest noun before a relative pronoun that can speak and takes the relative verb's
        number (not "frente" of "hacer frente a")."""
        finite = finite_of(verb)
        number = finite.morph.get("Number", []) if finite is not None else []
        return self._word_before(pron, 8, lambda t: bool(number) and t.pos_ == "NOUN" and t.dep_ != "compound"
                                 and t.morph.get("Number", []) == number and self.can_speak([t], listed=True))

    def _by_surname(self, word: str) -> str | None:
        """The one person the article names in full with ``word`` among the words after the first."""
        found = {e.name for e in self.entities if e.label == "PER" and word in e.name.split()[1:]
                 and self._person_name(e.name)}
        return found.pop() if len(found) == 1 else None

    def _sentence_start(self, position: int) -> int:
        """Where the sentence holding ``position`` starts (after ". " or a line break, 400 characters back at most)."""
        return max(self.text.rfind(". ", 0, position), self.text.rfind("\n", 0, position), position - 400) + 1

    def named_before(self, position: int, gender: str) -> str | None:
        """The person of ``gender`` named last in the sentence before ``position``, when nobody of
        another gender is named after them there (not inside parentheses: a list of names there is
        no one the sentence goes on about)."""
        start = self._sentence_start(position)
        people = [(m, e) for m, e in self.index.mentions_in(start, position) if e.label == "PER"
                  and self.text.count("(", start, m.start) == self.text.count(")", start, m.start)]
        if not people:
            return None
        _, last = max(people, key=lambda pair: pair[0].start)
        return last.name if self.gender(last.name) == gender else None

    def _named_in_sentence(self, position: int) -> frozenset[str]:
        """The people named between the start of the sentence holding ``position`` and it."""
        start = self._sentence_start(position)
        return frozenset(e.name for _, e in self.index.mentions_in(start, position) if e.label == "PER")

    def _person_for(self, role: str, words: frozenset[str], gender: str, position: int,
                    current: Speaker | None = None, loose: bool = True, alone: bool = False) -> str | None:
        """The person a role noun or description refers back to: the one an earlier description
        matches ("el líder chileno" ~ "el presidente chileno, Juan Soto"), else the current speaker,
        else (``loose``) the latest person of its gender or the most salient one, else (``alone``:
        a singular description) the one person the article names in full."""
        best, best_score = None, 0.0
        just_named: frozenset[str] | None = None
        for r in self.appositions:
            if gender != "-" and r.gender != "-" and gender != r.gender:
                continue
            same = _same_role(role, words, r.role, r.words)
            if r.position > position and (not same or self.quoted(r.position)):
                continue  # a later description helps only with the same title ("el líder" … "Soto, el líder"),
                # and never from a quotation: a speaker's words name someone else ("el presidente afirmó
                # que «el presidente Liendo …»")
            score = 0.0
            if same:  # the same title, or one of its class ("el edil" for "el alcalde X", role_classes.tsv)
                score += 3
            shared = len(words & r.words)
            score += 2 * shared
            if words and r.words and not shared:
                score -= 3
            if score < 2:
                continue
            # The nearest earlier description wins a tie; a later one counts a little less; one of the
            # people the sentence has just named wins over both ("Tras la moción que firmó Pineda, la
            # senadora señaló …": Pineda, though another was described as a senator since).
            score += 0.5 if r.position < position else 0.0
            if just_named is None:
                just_named = self._named_in_sentence(position)
            score += 1.0 if r.person in just_named else 0.0
            score -= abs(position - r.position) / 1e6
            if score > best_score:
                best, best_score = r.person, score
        if best is not None:
            return best
        if current is not None and current.name and current.label == "PER" and current.start < position \
                and position - current.start < _CURRENT_REACH and self._person_name(current.name):
            g = self.gender(current.name)
            if gender == "-" or g in ("-", gender):
                # "…, destacó Ana Ruiz. Después, la especialista añadió …": a description no earlier
                # one matches continues the person who has just spoken
                return current.name
        if not loose:
            return None
        if gender != "-":
            # "la trabajadora": the latest person of that gender, described or seen as a subject.
            seen = [(r.position, r.person) for r in self.appositions if r.position < position
                    and (r.gender if r.gender != "-" else self.gender(r.person)) == gender]
            seen += [(pos, sp.name) for pos, sp in self.salient
                     if pos < position and sp.name and self.gender(sp.name) == gender]
            if seen:
                return max(seen)[1]
        def salient(strict: bool) -> str | None:
            for pos, sp in reversed(self.salient):
                if pos >= position:
                    continue
                g = self.gender(sp.name)
                if gender != "-" and g != "-" and g != gender:
                    continue
                if strict and g == "-" and len((sp.name or "").split()) < 2:
                    continue  # "la presidenta": a full name or one of her gender before a lone word
                return sp.name
            return None

        # else the nearest person named before ("… dijo Ana Ruiz. La experta …"), however far
        if gender != "-":
            found = salient(True) or self._last_named(gender, position, None) or salient(False)
        else:
            found = salient(False) or self._last_named(gender, position, None)
        return found or (self._only_person(gender) if alone else None)

    def _only_person(self, gender: str) -> str | None:
        """The one person the article names in full, of ``gender`` unless "-", for a description
        before any name ("El diplomático advirtió …" in the lead, "Eva Soto, embajadora …" below)."""
        people = {e.name for e in self.entities if e.label == "PER" and self._full_name(e.name)}
        if len(people) != 1:
            return None
        person = people.pop()
        return person if gender == "-" or self.gender(person) in ("-", gender) else None
