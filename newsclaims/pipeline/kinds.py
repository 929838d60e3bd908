"""Speaker kinds: ``person``, ``group``, ``organisation`` or ``document``.

A speaker is typed from what the article says of it, never from who it is:

* the entity label: a person's name is a ``person`` ("Ana Ruiz"), two people joined by "y" a
  ``group`` ("Ana Ruiz y Luis Soto"), any other proper name an ``organisation`` ("Bielorrusia",
  "Acme", a country or a medium acting as a body);
* the head noun's lexicon: roles and unnamed sources are people (``role_nouns.tsv``,
  ``anonymous_sources.tsv``: "la ministra", "una fuente"), institutions are organisations
  (``organisation_nouns.tsv``: "el ministerio"), and ``speaker_kinds.tsv`` types the rest
  ("el informe" a document, "la familia" a group, "la revista" an organisation);
* morphology: a plural person noun is a group ("las fuentes", "los fiscales"), and an agent noun
  not listed anywhere names people by what they do ("la cirujana", "los manifestantes").

A phrase that none of these types ("las demoras del trámite", "la petición") gets kind ``None``;
the claim keeps it as speaker with a weaker confidence (dropping such speakers lowered the blind
check: the lexicons do not type every real speaker), but it does not go on speaking in the later
sentences whose subject is dropped (the last typed speaker does; not a document an attribution
phrase cites, "según el informe": ``Context.add``) — unless its cue lies inside another claim
of a typed speaker: "explicó que las lluvias aseguran que …" is the minister's claim only
(``pipeline.claims.dedupe``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..names import given_name_gender, word_gender
from ..rules import (
    ABSTRACT_ENDING,
    RuleTableError,
    body_classes,
    demonyms,
    fold,
    read_table,
    role_nouns,
    singulars,
    word_set,
)

KINDS = ("person", "group", "organisation", "document")
# Spanish agent-noun endings: a noun that names a person by what they do ("la beneficiaria", "los
# manifestantes", "el politólogo", "la cirujana").
AGENTIVE = re.compile(r"(?:[ií]sta|ari[oa]|[dts]or|[dts]ora|ante|ente|ient[ea]|er[oa]|ólog[oa]|ógraf[oa]|an[oa])s?$")
# Words before the head of a name that do not say what it is: articles, numbers, quantifiers,
# qualifiers ("los dos primeros informes", "Decenas de participantes" keep "informes", "participantes").
_SKIP = frozenset({"el", "la", "los", "las", "un", "uno", "una", "unos", "unas", "lo", "su", "sus", "este", "esta",
                   "estos", "estas", "ese", "esa", "esos", "esas", "aquel", "aquella", "dicho", "dicha",
                   "otro", "otra", "otros", "otras", "varios", "varias", "algunos", "algunas", "muchos",
                   "muchas", "ciertos", "ciertas", "diversos", "diversas", "numerosos", "numerosas",
                   "distintos", "distintas", "ambos", "ambas", "todos", "todas", "cada", "dos", "tres",
                   "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "decenas", "docenas",
                   "cientos", "centenares", "miles", "millares", "de", "del", "nuevo", "nueva", "nuevos",
                   "nuevas", "ultimo", "ultima", "ultimos", "ultimas", "primer", "primero", "primera",
                   "mismo", "misma", "propio", "propia", "pertinente", "pertinentes", "prestigioso",
                   "prestigiosa", "reciente", "recientes"})
_PREFIXES = ("sub", "vice", "ex", "co", "pro", "viceprimer")
# pronouns standing for the speaker, indefinite ones too ("Alguien gritó …", "Otros dicen …")
_PERSON_PRONOUNS = {"él", "ella", "yo", "usted", "quien", "alguien", "otro", "otra", "uno", "una"}
_GROUP_PRONOUNS = {"ellos", "ellas", "nosotros", "nosotras", "ustedes", "quienes", "algunos", "algunas",
                   "otros", "otras", "unos", "unas", "varios", "varias", "muchos", "muchas", "todos", "todas",
                   "ambos", "ambas"}
_LINK = re.compile(r"\s(?:y|e)\s")
_ARTICLE_ACRONYM = re.compile(r"^(?:el|la|los|las|del|al)\s+[A-ZÁÉÍÓÚÑ0-9&-]{2,}$", re.IGNORECASE)


# Articles of other languages opening a name: a medium's, a band's or a body's, never a person's
# ("Le" is left out: "Le Roy" may be a given name)
_FOREIGN_ARTICLES = frozenset(("The", "Der", "Die", "Das", "Il"))
# A one-word name written as no person's is: a digit, a capital inside it that no surname's prefix
# explains ("Grupo7", "TecnoVerde"; not "McTavish", "DiCaprio", "MacArthur", "LaGuardia"), or an
# English possessive, as shops and firms are named ("McArthur's")
BRAND_SHAPE = re.compile(r"\d|^(?!(?:Mc|Mac|Di|De|Da|Du|Le|La|Van|Von|Fitz)[A-ZÁÉÍÓÚÑ]).+[a-záéíóúñ][A-ZÁÉÍÓÚÑ]"
                         r"|[^\W\d_]['’]s$")


@lru_cache(maxsize=None)
def noun_kinds() -> dict[str, str]:
    """Lower-case singular noun -> kind, from the speaker tables; ``speaker_kinds.tsv`` has the last
    word.  Accents are kept ("secretaría" is a body, "secretaria" a person); the folded spelling is
    added where it names one kind only, for text typed without accents."""
    table: dict[str, str] = {}
    for word in word_set("organisation_nouns.tsv"):
        table[word] = "organisation"
    for word in word_set("anonymous_sources.tsv"):
        table[word] = "person"
    for word in role_nouns():
        table[word] = "person"
    for noun, kind, _example in read_table("speaker_kinds.tsv", 3):
        if kind not in KINDS:
            raise RuleTableError(f"speaker_kinds.tsv: {noun}: kind must be one of {', '.join(KINDS)}")
        table[noun.lower()] = kind
    folded: dict[str, set[str]] = {}
    for word, kind in table.items():
        folded.setdefault(fold(word), set()).add(kind)
    for word, kinds in folded.items():
        if len(kinds) == 1:
            table.setdefault(word, next(iter(kinds)))
    return table


@lru_cache(maxsize=65536)
def listed_kind(word: str) -> str | None:
    """The kind the speaker tables give a noun (singular or plural, with a prefix, accented or
    not); ``None`` for a word they do not list, whatever its ending ("Panos" is no agent noun)."""
    table = noun_kinds()
    low = word.lower()
    # "subsecretaría", "vicepresidenta", "exministro": the noun without its prefix, when no table has it
    stems = [low] + [low[len(p):] for p in _PREFIXES if low.startswith(p) and len(low) - len(p) >= 4]
    # accents first ("secretaría" is a body, "secretaria" a person), then the folded spellings
    for forms in [singulars(stem) for stem in stems] + [singulars(fold(stem)) for stem in stems]:
        for k, form in enumerate(forms):
            kind = table.get(form)
            if kind is not None:
                return "group" if kind == "person" and k > 0 else kind
    return None


@lru_cache(maxsize=65536)
def noun_kind(word: str) -> str | None:
    """The kind a head noun names: "informe" -> document, "fuentes" -> group, "vocera" -> person;
    ``None`` for a noun no table lists and no agent ending marks ("petición", "demoras")."""
    kind = listed_kind(word)
    if kind is not None:
        return kind
    low = word.lower()
    if any(AGENTIVE.search(form) for form in singulars(low)):  # "pescadores" by "pescador"
        return "group" if low.endswith("s") else "person"
    if word[:1].islower() and any(form in demonyms() for form in singulars(low)):
        return "person" if low in demonyms() else "group"  # "la chilena", "el francés", "los uruguayos" (not "China")
    return None


def _head(words: list[str]) -> str | None:
    """The first word of a phrase that is not an article, a number or a quantifier; past an adjective
    before a noun the tables type ("el principal asesor", "la alta comisionada")."""
    for k, w in enumerate(words):
        w = w.strip(".,;:()«»“”\"'")
        if w and fold(w) not in _SKIP and not w.isdigit() and w != "*NUMBER*" \
                and not (k + 1 < len(words) and w in demonyms()):  # "el estadounidense Instituto …"
            after = words[k + 1].strip(".,;:()«»“”\"'") if k + 1 < len(words) else ""
            if w.islower() and after.islower() and noun_kind(w) is None and noun_kind(after) is not None \
                    and any(f in noun_kinds() for f in singulars(after.lower())):
                # (a noun the tables list, not an adjective after a noun: "la gaceta peruana",
                # "el sistema ferroviario", "la tormenta gigante")
                return after
            return w
    return None


def _noun_kind_as_written(noun: str, text: str | None, name: str | None) -> str | None:
    """``noun_kind`` of a description's head, with its article: "la policía" is the force, not "el
    policía" (an officer); "la consultora Nexo" a firm, not "la consultora Ana Ruiz"."""
    kind = noun_kind(noun)
    first = (text or "").split()[:1]
    if kind == "person" and _force(noun) and first and first[0].lower() in ("la", "esta", "esa", "dicha", "una") \
            and given_name_gender(name or "") is None:
        return "organisation"
    return kind


def _force(noun: str) -> bool:
    """A noun the organisation table lists too: "policía", the force or (``noun_kind``'s person) an
    officer; or a firm's feminine agent noun (``firm_nouns.tsv``: "la consultora", "la naviera")."""
    return noun.lower() in word_set("organisation_nouns.tsv") or noun.lower() in word_set("firm_nouns.tsv")


def initials(words: list[str]) -> str:
    """The capitals a name's words open with: "INE" for "Instituto Nacional Electoral"."""
    return "".join(w[0] for w in words if w[:1].isupper())


def _acronym_of(name: str) -> tuple[str, ...]:
    """The acronym of a body's name of three or more capitalised words ("INE" for "Instituto
    Nacional Electoral"): the form "información del INE" names it by."""
    acronym = initials(name.split())
    return (acronym,) if len(acronym) >= 3 else ()


def speaker_kind(name: str | None, text: str | None, label: str | None,
                 people: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The kind of a resolved speaker from its canonical name (else its words) and entity label:
    ``speaker_kind("Ana Ruiz", "la ministra", "PER")`` -> "person"; ("informe de la OMS", …,
    "ORG") -> "document"; ("fuentes", …, "ANON") -> "group"."""
    phrase = name or text or ""
    words = phrase.split()
    if not words:
        return None
    # The words at the claim say what the speaker is when they describe it: "el diario" is a
    # medium whatever label its name carries, "la diputada" a person.
    said = _head((text or "").split()) if name and text and text != name else None
    if said is not None and said.islower():
        kind = _noun_kind_as_written(said, text, name)
        # "cifras de la Oficina Andina" named "Oficina Andina": the body whose figures they are speaks
        named, written = name or "", text or ""
        # ("una información del diario Sur" named "Sur": the owner's noun may stand between)
        authored = kind == "document" and label in ("ORG", "LOC", "MISC", "PER") and fold(said) not in fold(named) \
            and any(re.search(rf"\b(?:de|del|por)\s+(?:el\s+|la\s+|los\s+|las\s+)?(?:[a-záéíóúñ]+\s+){{0,2}}"
                              rf"{re.escape(form)}\b", written) is not None for form in (named, *_acronym_of(named))) \
            and (named[:1].isupper() or noun_kind(named.split()[0]) in (None, "organisation")) \
            or kind == "document" and written.split()[0].lower() in ("su", "sus") and fold(said) not in fold(named)
        # ("según sus cálculos" named for the person or body whose calculations they are: the owner speaks)
        if kind in ("document", "group") and said.lower() in body_classes() and named[:1].isupper():
            kind = "organisation"  # "la publicación", "el equipo" standing for a medium or a club named before
        opening = [w.lower() for w in written.split()[:3]] if kind == "group" else []
        if opening[:2] in (["uno", "de"], ["una", "de"]) and "cada" not in opening:
            kind = "person"  # "Una de las autoras del informe, Ana Ruiz": one of them (not "uno de cada diez")
        if kind is not None and not authored and not (kind == "person" and _LINK.search(f" {name} ")):
            return kind
    if name and len(words) == 1 and name.isupper() and len(name) >= 2 and text \
            and _ARTICLE_ACRONYM.match(text) and not _LINK.search(f" {text} "):
        return "organisation"  # "el SAT", "la ONG", "los CDC": an article before an acronym names a body
    if name and label in ("LOC", "MISC") and 2 <= len(words) <= 5 \
            and all(w[:1].isupper() or w in ("de", "del", "la", "y") for w in words) and " y " not in f" {name} " \
            and listed_kind(words[0]) is None and given_name_gender(name):
        # "Tadeo Quiroga" whose surname alone the model took for a place (an ORG stays); a given name
        # with an agent noun's ending is still a name ("Panos")
        return "person"
    if len(words) == 1 and words[0].lower() in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
        # ("él" would read as an article; "Otros", opening a sentence, as a person's name)
        return "person" if words[0].lower() in _PERSON_PRONOUNS else "group"
    if name and len(words) >= 2 and words[0] in _FOREIGN_ARTICLES:
        return "organisation"  # "The Guardian", "Der Spiegel" tagged a person: a medium's or a body's name
    if name and (label == "PER" or name in people):
        if len(words) == 1 and any(BRAND_SHAPE.search(w) for w in (name, text or "") if w and " " not in w):
            return "organisation"  # "PolyNews" tagged a person (or named so, "Polynews"): a brand's name
        if _LINK.search(f" {name} ") and sum(1 for w in words if w[:1].isupper()) >= 2 \
                and noun_kind(words[0]) != "organisation":
            return "group"  # "Ana Ruiz y Luis Soto" (not "Consejería de Riego y Ganadería")
        head = _head(words)
        if head is not None and head.islower():
            # "vecina" of "una vecina" when nobody is named; a noun no table types ("el discurso", "los
            # resultados") is no person for the tag the resolver gave it
            return _noun_kind_as_written(head, text or name, name)
        if len(words) == 1 and noun_kind(name) == "document" and word_gender(name) is None \
                and given_name_gender(name) is None:
            return "document"  # "Mensaje que dice …" opening a caption, tagged a person: a document's noun
        body = noun_kind(head) if head is not None and len(words) > 1 else None
        if body is not None and given_name_gender(name) is not None and words[1] not in ("de", "del"):
            body = None  # "Norma Ibarra": a given name that is a noun too ("Norma de Calidad" is a document)
        if body in ("organisation", "document"):
            return body  # "Secretaría de Salud", "Código Penal" tagged as a person
        said_words = (text or "").split()
        if len(words) == 1 and word_gender(name) is None and noun_kind(name) is None and (
                len(said_words) == 2 and said_words[0].lower() == "la" and fold(said_words[1]) == fold(name)
                or len(said_words) == 1 and said_words[0].isupper() and not name.isupper() and len(name) >= 3):
            # "la Fenaval", "FENAVAL" the article writes "Fenaval" too: a body's short name tagged a person
            return "organisation"
        if head is not None and head == words[0] and noun_kind(head) == "group" and given_name_gender(name) is None \
                and (len(words) > 1 or not (
                set(singulars(head)) & (role_nouns().keys() | word_set("anonymous_sources.tsv")))):
            # "Socorristas", "Vecinos de la zona" opening a sentence, tagged as a person; alone, not a
            # plural a surname shares with a title or a source ("Reyes", "Fuentes"); not a given name
            # with a plural's ending ("Panos Vidakis")
            return "group"
        if len(words) >= 3 and words[1] in ("de", "del") and ABSTRACT_ENDING.search(words[0].lower()) \
                and words[2][:1].isupper() and given_name_gender(name) is None:
            return "organisation"  # "Gestión de Riesgos", "Atención de Emergencias" tagged a person: a body
            # named by its field (not "Soledad de la Vega": a given name, then a particle)
        if len(words) > 1 and any(w[:1].isupper() and w.lower() in word_set("institution_adjectives.tsv") for w in words[1:]):
            return "organisation"  # "Tránsito Municipal", "Salud Pública" tagged a person: a body (whose first
            # word may be a given name too: "Salud", "Amparo")
        return "person"
    head = _head(words)
    if head is None:
        return None
    kind = _noun_kind_as_written(head, text, name) if head.islower() else noun_kind(head)
    if kind == "person" and head[:1].isupper() and _force(head) and label == "ORG":
        return "organisation"  # "la Policía Municipal" written as a name: the force, not an officer
    if kind is not None:
        return kind
    if name and label not in ("ORG", "LOC", "ANON") and 2 <= len(words) <= 5 \
            and all(w[:1].isupper() or w in ("de", "del", "la", "y") for w in words) and given_name_gender(name):
        return "person"  # "Baltasar Quiles" after "según", a full name the model tagged as something else
    if head[:1].isupper():
        return "group" if label == "ANON" else "organisation"
    if label == "ANON":
        return "group" if head.lower().endswith("s") else "person"
    return None
