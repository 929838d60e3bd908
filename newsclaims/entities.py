"""Named entities of an article: the model's mentions, cleaned and clustered under one name.

A mention joins the cluster of the longest name whose words contain its words ("Lukashenko" ->
"Alexander Lukashenko"); a cluster's label is a vote of its mentions weighted by their length in
words, so "Donald Trump" (PER) outvotes a stray "Trump" (LOC).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from . import nicknames
from .doc_tokens import doc_text, tokens
from .rules import (
    ABSTRACT_ENDING,
    body_classes,
    cue_lexicon,
    fold,
    name_words,
    phrase_list,
    role_nouns,
    singulars,
    title_abbreviation,
    word_set,
)
from .rules import NAME_STOP as STOP

_DEBRIS = re.compile(r"https?:|www\.|[\[\]()<>{}#*_|=@\\/]|\d{3,}")
# Nouns of media, whose name may stand glued before a person's ("la agencia Efe Marta Soto").
_MEDIA_NOUNS = frozenset({"agencia", "medio", "diario", "periódico", "cadena", "canal", "emisora", "radio",
                          "revista", "semanario", "televisión", "televisora", "portal", "rotativo"})
# Nouns that take a person's name as their own: "Escuela Benito Juárez", "Avenida Juan Soto".
_NAMED_AFTER = frozenset({"escuela", "colegio", "liceo", "instituto", "universidad", "hospital", "clinica", "sanatorio",
                          "estadio", "avenida", "calle", "paseo", "parque", "plaza", "teatro", "museo", "premio",
                          "aeropuerto", "centro", "fundacion", "biblioteca", "puente", "presa", "rey", "reina",
                          "san", "santa", "santo", "club", "doctor", "general", "presidente", "beato", "catedra"})
_LEADING = {"el", "la", "los", "las", "lo", "un", "una", "del", "al"}
LABELS = ("PER", "ORG", "LOC", "MISC")


@dataclass
class Mention:
    text: str
    start: int  # doc character offsets
    end: int
    label: str


@dataclass
class Entity:
    name: str
    label: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.mentions)

    def to_plain(self) -> dict:
        """Plain data for ``doc.user_data`` (serialisable by msgpack)."""
        return {"name": self.name, "label": self.label,
                "mentions": [[m.text, m.start, m.end, m.label] for m in self.mentions]}

    @classmethod
    def from_plain(cls, d: dict) -> "Entity":
        return cls(d["name"], d["label"], [Mention(*m) for m in d["mentions"]])


@lru_cache(maxsize=None)
def institution_nouns() -> frozenset[str]:
    """Nouns naming a medium or institution ("la agencia Efe", "el medio local")."""
    return word_set("organisation_nouns.tsv") | word_set("anonymous_sources.tsv")


@lru_cache(maxsize=None)
def _common_person_nouns() -> frozenset[str]:
    """Unnamed sources and titles: "Testigos", "Observadores" are not names."""
    return word_set("anonymous_sources.tsv") | frozenset(role_nouns())


# Lower-case words inside names: "María de los Ángeles", "Ludwig van Beethoven", "Omar al Bashir".
NAME_PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "e", "i", "van", "von", "der", "den", "da",
                             "das", "do", "dos", "di", "du", "le", "bin", "ben", "al", "el", "ibn"})
# "los datos de Eurostat publicados por …": a participle after a name starts a clause about it.
_PARTICIPLE = re.compile(r"(?:ad|id)[oa]s?$")
# The end of a dateline: "MADRID.-", ".-", "(EFE).-", "—".
_DATELINE_END = re.compile(r"^[A-ZÁÉÍÓÚÑ]*\)?\.?[-–—]+$")
_GLUED_DATELINE = re.compile(r"\w\)?\.[-–—]+$")  # "Nayarit.-", "(EFE).-": the tokenizer keeps ".-" on the word


def given_al(doc: Doc, k: int, limit: int) -> bool:
    """ "Al" capitalised inside a sentence before a capitalised name is a given name ("el reverendo
    Al Ferrer", "dijo Al Pacheco"), not the contraction "al"."""
    t = doc[k]
    return t.text == "Al" and not t.is_sent_start and k > 0 and not doc[k - 1].is_space \
        and k + 1 < limit and doc[k + 1].pos_ == "PROPN" and doc[k + 1].text[:1].isupper()


def closes_dateline(tok) -> bool:
    """``tok`` is a place with the ".-" that closes a dateline glued on, and it opens a line or only a
    place and a region stand before it there ("Tepic, Nayarit.-", "LIMA (EFE).-")."""
    if not _GLUED_DATELINE.search(tok.text):
        return False
    doc = tok.doc
    k = tok.i
    while k > 0 and k > tok.i - 5 and not (doc[k - 1].is_space and "\n" in doc[k - 1].text):
        k -= 1
        if not (doc[k].text[:1].isupper() or doc[k].text in ",()"):
            return False
    return k == 0 or doc[k - 1].is_space and "\n" in doc[k - 1].text


_PRETERITE = re.compile(r"^[A-ZÁÉÍÓÚÑ][a-záéíúñ]{2,}ó$")  # "Llegó", "Anunció": a capitalised verb in the preterite
_OPENING = frozenset({"pero", "y", "e", "o", "u", "ni", "mas", "aunque", "pues", "entonces", "ahora", "además",
                      "también", "incluso", "según"})
_THIS = frozenset({"este", "esta", "ese", "esa", "nuestro", "nuestra"})


# Endings of a verb's present, third person ("Urge", "Documentan", "Abre"), and its infinitives
_PRESENT = (("an", ("ar",)), ("a", ("ar",)), ("en", ("er", "ir")), ("e", ("er", "ir")))


def _headline_verb(tok, known: frozenset[str], verbs: frozenset[str]) -> bool:
    """A headline's verb the model ran into the name after it ("Urge Tomás Liendo a …",
    "Documentan Vexa …"): a capitalised word opening a line or sentence in the present, third person, of a
    verb the model's lemmatizer lists, no noun or adjective it lists ("Costa Rica", "Baja
    California", "Reforma Educativa") and no given name ("Reina")."""
    low = tok.lower_
    if not verbs or not tok.text[:1].isupper() or tok.text.isupper() or not _line_start(tok) \
            or low in known or _given_name(tok):
        return False
    return any(low.endswith(end) and any(low[:-len(end)] + inf in verbs for inf in infs) for end, infs in _PRESENT)


def _clean(span: Span, known: frozenset[str] = frozenset(), verbs: frozenset[str] = frozenset()) -> Span | None:
    """Trim determiners and punctuation off a mention; None for obvious non-names (``known``,
    ``verbs``: the model lemmatizer's words, for a headline's verb run into the name)."""
    doc = span.doc
    toks = tokens(doc)
    start, end = span.start, span.end
    for k in range(start, end):  # a name never crosses a line ("Soto\n\nAun" is "Soto"), a person's or a body's
        # never a colon ("Ana Ruiz: No me rindo"; a work's title may: "Misión: Rescate")
        if toks[k].is_space and "\n" in toks[k].text or "\n" in toks[k].text \
                or toks[k].text == ":" and k > start and span.label_ in ("PER", "ORG", "LOC"):
            end = k
            break
    half = (end - start) // 2
    if half >= 1 and (end - start) % 2 == 0 and [t.text for t in toks[start:start + half]] == [t.text for t in toks[start + half:end]]:
        end = start + half  # "Ana Ruiz Ana Ruiz": a headline run into its first line repeats the name
    if span.label_ == "PER":
        for k in range(start + 1, end):  # 'Julio Cortés "el Halcón': a nickname the model began, not the name
            if toks[k].text in "“«\"" and not any(toks[j].text in "”»\"" for j in range(k + 1, end)):
                end = k
                break
    while start < end and (toks[start].is_punct or toks[start].is_space or toks[start].lower_ in _LEADING
                           and not given_al(doc, start, end)
                           or toks[start].text in "“”«»\"'‘’—–-"
                           or end - start > 1 and title_abbreviation().fullmatch(toks[start].text) and toks[start + 1].text != "."):
        start += 1
    # A sentence's opening conjunction and what was not capitalised: "Pero según Tomás Gil" is "Tomás Gil"
    while end - start > 1 and toks[start].lower_ in _OPENING and (toks[start].is_lower or start == 0 or toks[start].is_sent_start
                                                                 or _line_start(toks[start])):
        start += 1
    while end > start and (toks[end - 1].is_punct or toks[end - 1].is_space or toks[end - 1].text in "“”«»\"'‘’"
                           or (end - start > 1 and toks[end - 1].pos_ in ("VERB", "AUX"))
                           or (end - start > 1 and toks[end - 1].lower_ in ("de", "del", "y", "e", "que", "quien", "como"))
                           or (end - start > 1 and looks_like_verb(toks[end - 1]))):
        end -= 1  # "Belta citó": the model took the verb into the name
    titled = False
    while end - start > 1 and toks[start].lower_ in role_nouns() and (
            toks[start].is_lower or end - start >= 3 and _given_name(toks[start + 1])
            or end - start >= 4 and toks[start + 1].is_title and not _given_name(toks[start + 1])
            and toks[start + 1].lower_ not in NAME_PARTICLES and _given_name(toks[start + 2])):
        start += 1  # "la jueza María Soto", "el Gobernador Miguel Soto": the title is not part of the name
        titled = True
        if toks[start].is_title and not _given_name(toks[start]) and _given_name(toks[start + 1]):
            start += 1  # and its capitalised qualifier: "el Presidente Municipal Raúl Soto"
        # (the model tags some titled names as bodies: "la Diputada Ana Soto")
        while start < end and toks[start].lower_ in STOP:
            start += 1
        # and the title's own modifiers: "el diputado local Ana Soto", "la jueza federal Ana Soto"
        while end - start > 1 and toks[start].is_lower and toks[start].is_alpha and toks[start].pos_ in ("ADJ", "NOUN", "ADV") \
                and toks[start].lower_ not in NAME_PARTICLES and toks[start + 1].text[:1].isupper():
            start += 1
    if span.label_ == "PER" or titled:
        for k in range(start + 2, end - 1):  # "(la ginecóloga) Ana Ruiz del Hospital Central": her workplace,
            if toks[k].lower_ in ("de", "del") and _body_after(toks, k + 1, end) and _given_name(toks[start]):
                end = k  # not her surname
                break
    if start >= end:
        return None  # nothing but marks and titles ("‘‘’" tagged a name)
    # The rest of a title: "el secretario General de Gobierno, Ana Ruiz" (tagged PER) is no name.
    if start > 0 and toks[start].lower_ in role_nouns() and toks[start - 1].is_lower \
            and toks[start - 1].lower_ in role_nouns() and not any(_given_name(t) for t in toks[start:end]):
        return None
    # A capitalised title the model tagged a person, with no given name before its complement: "el
    # Presidente Municipal de San Telmo, Ana Ruiz" is described by it, not named.
    if span.label_ == "PER" and start < end and toks[start].text[:1].isupper() and toks[start].lower_ in role_nouns():
        link = next((k for k in range(start, end) if toks[k].lower_ in ("de", "del")), end)
        if not any(_given_name(t) for t in toks[start:link]):
            return None
    # A capitalised title before a body's name the model tagged a body or a thing: "Presidenta de la
    # Corte Suprema" -> "Corte Suprema", "Rector de la UNSUR" -> "UNSUR" (not "Defensor del Pueblo", "Fiscal
    # General de la Nación": an office whose complement is no name of its own)
    if span.label_ != "PER" and toks[start].text[:1].isupper() and toks[start].lower_ in role_nouns() \
            and start + 2 < end and toks[start + 1].lower_ in ("de", "del"):
        rest = start + 2
        while rest < end and toks[rest].lower_ in ("la", "las", "los", "el"):
            rest += 1
        if rest < end and _ministry_field(toks[rest:end]) is None and toks[rest].lower_ != "estado" and (
                end - rest >= 2 and all(t.text[:1].isupper() or t.lower_ in STOP for t in toks[rest:end])
                or end - rest == 1 and toks[rest].is_upper and len(toks[rest].text) >= 2):
            start = rest  # (not a ministry's field: "Secretario de Relaciones Exteriores" names the office)
    # A capitalised common noun opening a sentence or heading: "Oferta de Colombia" -> "Colombia".
    while end - start > 1 and _line_start(toks[start]) and toks[start].pos_ in ("NOUN", "ADJ", "VERB") \
            and span.label_ != "PER":  # a person's given name may be tagged a noun: "Orlando Soto"
        start += 1
        while start < end and (toks[start].lower_ in STOP or toks[start].is_punct):
            start += 1
    # An interview's answer marker before a word of the answer: "R. Ahora escribo …" (where the
    # article asks "P. ¿…?" too), never a name's initial.
    if toks[start].text in ("R.", "P.", "R", "P") and _line_start(toks[start]) and _interview(doc):
        start += 1
        while start < end and toks[start].is_punct:
            start += 1
        if start >= end or not _given_name(toks[start]) and end - start == 1:
            return None
    if end - start == 1 and INITIAL.fullmatch(toks[start].text):
        return None  # a lone initial names nobody
    # A headline's speech verb before the name: "Asegura Ana Ruiz que …", "Destaca Ana Ruiz la labor …".
    first_in_line = start == 0 or toks[start - 1].is_space and "\n" in toks[start - 1].text
    if end - start > 1 and (_line_start(toks[start]) and end - start > 2 and _given_name(toks[start + 1])
                            or first_in_line and toks[start + 1].text[:1].isupper()) \
            and not _given_name(toks[start]) and (cue_lexicon().lemma_of(toks[start].lower_) is not None
                                                 or _PRETERITE.search(toks[start].text) and _given_name(toks[start + 1])):
        start += 1  # a headline's verb before the name: "Anuncia Ana Ruiz …", "Llegó Luis Soto a …"
    elif end - start > 1 and toks[start + 1].text[:1].isupper() and _headline_verb(toks[start], known, verbs):
        start += 1  # any verb in the present: "Urge Tomás Liendo a …", "Documentan Vexa …"
    # A dateline before the name: "MADRID.- España", "LIMA (EFE).- Ana Ruiz", and at a line's start
    # "Colima.- A Ana Ruiz le …", "Tepic, Nayarit.- El alcalde …" (the tokenizer keeps ".-" on the word).
    for k in range(start, min(end, start + 6)):
        if k < end - 1 and _DATELINE_END.match(toks[k].text) and all(t.is_upper or t.is_punct or t.is_space for t in toks[start:k]) \
                and (toks[k].text[:1].isupper() or k > start) or closes_dateline(toks[k]):
            start = k + 1
            while start < end and toks[start].lower_ in ("a", "al", "el", "la", "los", "las"):
                start += 1
            break
    if start >= end:
        return None
    # A place glued before a person's name: "el alcalde de Villarreal Adrián Soto" -> "Adrián Soto"
    # (a complement's name, then a given name and a surname; not "la escuela Benito Juárez").
    label = span.label_
    titled = label == "ORG" and start > 1 and toks[start - 2].lower_ in role_nouns()  # "la portavoz del Departamento …"
    after_link = start > 0 and toks[start - 1].lower_ in ("de", "del", "en") or start > 1 \
        and toks[start - 1].lower_ in ("los", "las", "el", "la") and toks[start - 2].lower_ in ("de", "en")
    if (label in ("PER", "MISC", "LOC") or titled) and end - start >= 3 and after_link and not _given_name(toks[start]) \
            and _place_glued(toks, span, start):
        for k in range(start + 1, end - 1):
            t = toks[k]
            if toks[k - 1].lower_ in ("de", "del") and k - 1 > start:
                continue  # "el portavoz del Departamento de Obras Públicas Ana Ruiz": the body's name has its particles
            if not (toks[k - 1].pos_ == "PROPN" and toks[k - 1].text[:1].isupper()) \
                    or fold(toks[k - 1].lower_) in _NAMED_AFTER:
                break
            if _given_name(t) and (toks[k + 1].text[:1].isupper() or toks[k + 1].lower_ in NAME_PARTICLES
                                   and 1 <= end - k - 2 <= 2 and all(x.text[:1].isupper() and x.lower_ not in institution_nouns()
                                                                    for x in toks[k + 2:end])):
                start, label = k, "PER"  # "el jefe de Logística Jorge Soto" (tagged MISC), "… Jorge del Río": a person
                break
    # A name is capitalised words and their particles: the model runs some into the words after
    # them ("María Soto aún tenía", "Fan a Efe"); the name ends before the first other lower-case word.
    # Other names hold lower-case nouns and links ("Encuesta sobre la Salud", "Gazzetta dello Sport")
    # but no verb, adverb or pronoun ("Pekín rechazó firmemente …").
    person = label == "PER"
    for k in range(start + 1, end):
        t = toks[k]
        if t.is_lower and t.is_alpha and t.lower_ not in NAME_PARTICLES and (
                person or t.pos_ in ("VERB", "AUX", "ADV", "PRON", "SCONJ", "NUM") or "PronType=Dem" in str(t.morph)
                or t.pos_ == "ADJ" and _PARTICIPLE.search(t.lower_)
                or t.lower_ in ("a", "al") and t.pos_ == "ADP" and t.head.dep_ in ("iobj", "obl", "obj")
                and t.head.head.pos_ in ("VERB", "AUX") and not start <= t.head.head.i < end
                and not (k + 2 < end and toks[k + 1].lower_ in ("la", "las", "los", "el") and toks[k + 2].text[:1].isupper())):
            end = k  # (and "a" opening the verb's addressee: "ha dicho Wen a Vexa" is Wen told Vexa; not a
            break  # name's own "a la": "Atención a la Fauna")
    while end - start > 1 and toks[end - 1].lower_ in NAME_PARTICLES:
        end -= 1
    if start >= end:
        return None
    # "dijo al medio argentino Efe Juan Pérez": a media or institution name glued to the person's.
    before = [t for t in toks[max(0, start - 3):start] if t.is_lower and t.pos_ in ("ADJ", "NOUN", "NUM")]
    if end - start >= 3 and label == "PER" and any(t.lower_ in institution_nouns() for t in before) \
            and (any(t.lower_ in _MEDIA_NOUNS for t in before) or not _given_name(toks[start])) \
            and not (_given_name(toks[start]) and start > 1 and toks[start - 2].lower_ in _THIS):
        # (but "la pediatra Noelia Rivas Ferrán": a given name after no medium; "dijo a este diario
        # Noelia Rivas": the medium writing is not named)
        start += 1
    elif end - start >= 3 and label in ("ORG", "MISC") and any(t.lower_ in _MEDIA_NOUNS for t in before) \
            and _given_name(toks[start + 1]) and toks[start + 2].text[:1].isupper():
        start, label = start + 1, "PER"  # "dijo a la agencia Efe Ana Ruiz" tagged as one body
    span = Span(doc, start, end, label=label)
    text = span.text
    if _DEBRIS.search(text) or "\n" in text or len(text) < 2 or not text[0].isupper():
        return None
    first = span[0]
    # Capitalised function words and verbs at a sentence start: "Según", "Acordamos", "Aseguró".
    if len(span) == 1 and (first.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ", "ADV", "PRON", "DET")
                           or first.is_stop or looks_like_verb(first)):
        return None
    if len(span) > 1 and first.pos_ == "ADP" and _line_start(first) and span[1].pos_ == "PROPN" \
            and span[1].text[:1].isupper():
        span = Span(doc, start + 1, end, label=label)  # "A José María Soto, ministro …, le suenan …"
        first = span[0]
    if first.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "ADV") and _line_start(first):
        return None
    if len(span) == 1 and first.pos_ == "NOUN" and _line_start(first):
        return None  # "Apoyo" opening a heading
    if len(span) == 1 and first.lower_.endswith("mente") and len(first.text) > 7:
        return None  # "Lógicamente, añadió …": an adverb opening a sentence
    if len(span) == 1 and not _common_person_nouns().isdisjoint(singulars(first.text)):
        return None  # "Testigos", "Observadores" opening a sentence: a common noun, not a name
    if len(span) > 8:
        return None
    return span


def _place_glued(toks, span: Span, start: int) -> bool:
    """Whether the capitalised word after "de" may be a place or a body glued before a person's
    name: after a title or a body's noun ("el alcalde de Villarreal Adrián Soto"), or a word the
    article writes elsewhere too; else a given name the lexicon does not know opens the name ("a
    favor de Yerlin Mauricio Ostos")."""
    from .pipeline.kinds import noun_kind  # (here: the pipeline's modules import this one)

    link = start - 1 if toks[start - 1].lower_ in ("de", "del", "en") else start - 2
    k = link - 1
    while k > 0 and k > link - 3 and toks[k].pos_ == "ADJ" and toks[k].is_lower:
        k -= 1  # "la alcaldesa interina de …"
    if k >= 0 and (noun_kind(toks[k].lower_) in ("person", "organisation") or fold(toks[k].lower_) in institution_nouns()
                   or toks[k].text[:1].isupper() and toks[k].is_alpha):
        return True  # ("el exgobernador de …": a title with a prefix too)
    word = toks[start].text
    doc = span.doc
    text = doc_text(doc)
    return any(not (span.start_char <= m.start() < span.end_char)
               for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text))


def _split_glued(doc: Doc, spans: list[Span | None], text: str) -> list[Span | None]:
    """Two names the model ran together, each written alone elsewhere in the article: "cuenta a
    Radio Cumbre Elvira, una maestra …" with "contó a Radio Cumbre" and "afirma Elvira" elsewhere is the medium
    and the person. The second part must start with a given name, the first must not."""
    out: list[Span | None] = []
    named = [s for s in spans if s is not None]
    texts = [s.text for s in named]
    for span in spans:
        if span is None or len(span) < 2 or _given_name(span[0]):
            out.append(span)
            continue
        k = _body_then_person(span)
        if k:
            body = k - 1 if span[k - 1].is_punct else k
            out += [Span(doc, span.start, span.start + body, label="ORG"), Span(doc, span.start + k, span.end, label="PER")]
            continue
        k = _place_then_surname(span, named, texts)
        if k:
            out += [Span(doc, span.start, span.start + k, label=span.label_ if span.label_ in ("LOC", "ORG") else "LOC"),
                    Span(doc, span.start + k, span.end, label="PER")]
            continue
        for k in range(1, len(span)):
            rest = span[k:]
            if not _given_name(rest[0]) or span[k - 1].lower_ in NAME_PARTICLES:
                continue
            prefix = span[:k].text
            alone = [m.end() for m in re.finditer(re.escape(prefix) + r"\b", text)
                     if not text.startswith(rest[0].text, m.end() + 1)]
            rest_alone = [m for m in re.finditer(r"\b" + re.escape(rest.text) + r"\b", text)
                          if not text[:m.start()].rstrip().endswith(prefix)]
            if alone and rest_alone:
                out += [Span(doc, span.start, span.start + k, label="ORG" if span.label_ != "PER" else "MISC"),
                        Span(doc, span.start + k, span.end, label="PER")]
                break
        else:
            out.append(span)
    return out


_BEFORE_PLACE = frozenset({"a", "al", "de", "del", "desde", "en", "hacia", "hasta", "para", "por", "el", "la"})


def _place_then_surname(span: Span, named: list[Span], texts: list[str]) -> int:
    """Where the surname starts of a person the article names in full elsewhere, after a place the
    model ran into it over a lost period: "volver pronto a Tarma Ortega recorrerá …" with "el
    alcalde de Tarma" and "Iván Ortega Quispe" written elsewhere; 0 for none. The span follows
    a preposition or an article (a person's name does not); the words before the surname are a
    place or body the article writes alone after a preposition or tagged so, and no title or
    initials ("Secretario Chuayffet", "JC Chávez"); the person's full name is written elsewhere
    with a given name or the surname is written alone as a person's, and it has none of the words
    before ("Ulloa Barragán" of "Julio Ulloa Barragán" stays whole).  ``texts``: the texts of ``named``."""
    doc, last = span.doc, span[-1]
    if not span.start or doc[span.start - 1].lower_ not in _BEFORE_PLACE or not last.is_title \
            or any(not t.is_title or t.lower_ in role_nouns() or title_abbreviation().fullmatch(t.text)
                   or _given_name(t) for t in span[:-1]):
        return 0
    prefix = span[:-1].text
    if not any(t == prefix and (s.label_ in ("LOC", "ORG") or s.start and doc[s.start - 1].lower_ in _BEFORE_PLACE)
               for s, t in zip(named, texts)):
        return 0  # ("la Iniciativa Global Clinton", "Grupo Salinas": bodies named after a person)
    alone = Counter(s.label_ == "PER" for s, t in zip(named, texts) if t == last.text)
    if alone[False] > alone[True]:
        return 0  # ("de Cisco México": the last word is mostly a place's name)
    words = {t.text for t in span[:-1]}
    for full in named:
        if full.label_ == "PER" and len(full) >= 2 and all(t.is_title for t in full) \
                and last.text in {t.text for t in full[1:]} and not words & {t.text for t in full} \
                and (alone[True] > 0 or _given_name(full[0])):
            return len(span) - 1
    return 0


def _body_then_person(span: Span) -> int:
    """Where a person's name starts after a body's the model ran into it: "el geógrafo de la
    Universidad Ramón Llull Teresa Oliva", "dijo a RTN Noticias Rosa Vidal" — a body's noun
    or an acronym, then a given name and at most three capitalised words to the end; 0 for none.
    Not "la Fundación Carlos Ortega Ruiz": a body named after a person."""
    if len(span) < 4 and not (len(span) == 3 and span[0].is_upper and len(span[0].text) >= 2):
        return 0  # ("a la BBC Ana Ruiz": an acronym, then the person)
    named_after = -1  # where the name of the person a body is named after starts
    for k in range(1, len(span) - 1):
        prev = span[k - 1]
        if fold(prev.lower_) in _NAMED_AFTER:
            named_after = k
            continue
        if prev.text == "," and k > 1 and (_given_name(span[k]) or _given_name(span[k + 1])) \
                and span[k + 1].text[:1].isupper() and len(span) - k <= 4 \
                and all(t.text[:1].isupper() or t.lower_ in NAME_PARTICLES for t in span[k:]):
            return k  # "la Oficina de Cultura, Marta Pineda Ríos": a person set off after the body, tagged as one
        if prev.lower_ in NAME_PARTICLES or prev.is_punct or 0 <= named_after and k < named_after + 2:
            continue  # ("Fundación Carlos Ortega Ruiz": "Ortega" is still the named person's)
        if _given_name(span[k]) and span[k + 1].text[:1].isupper() and len(span) - k <= 4 \
                and all(t.text[:1].isupper() or t.lower_ in NAME_PARTICLES for t in span[k:]) \
                and any(t.lower_ in institution_nouns() or t.is_upper and len(t.text) >= 2 for t in span[:k]):
            return k
    # "le dice a BBC Radio Peggy": a medium's acronym, then a lone given name closing the span
    last = span[-1]
    if len(span) >= 2 and _given_name(last) and last.text[1:].islower() and named_after < 0 \
            and any(t.is_upper and t.is_alpha and len(t.text) >= 2 for t in span[:-1]) \
            and span[-2].lower_ not in NAME_PARTICLES:
        return len(span) - 1
    return 0


def _without_common_words(doc: Doc, spans: list[Span | None]) -> list[Span | None]:
    """A lone capitalised word opening a line or a sentence that the same article also writes in
    lower case is a common word, not a name: "Sarampión: …", "Sequía en …", "Aviso" — unless
    it is a given name or part of a longer name the article gives ("Paz" of "Octavio Paz")."""
    lone = [s for s in spans if s is not None and len(s) == 1 and _line_start(s[0]) and not s[0].is_upper]
    if not lone:
        return spans
    from spacy.attrs import LOWER, ORTH

    arr = doc.to_array([ORTH, LOWER])
    lower_words = set(arr[arr[:, 0] == arr[:, 1], 1].tolist())
    in_longer = {t.lower for s in spans if s is not None and len(s) > 1 for t in s}
    common = {id(s) for s in lone if s[0].lower in lower_words and s[0].lower not in in_longer
              and not _given_name(s[0])}
    return [None if s is not None and id(s) in common else s for s in spans]


def _given_name(tok) -> bool:
    """A capitalised given name (by the name lexicon), not a title nor a function word: "Noelia"
    of "Noelia Rivas Ferrán"."""
    from .names import word_gender
    if tok.is_space or tok.is_punct or tok.lower_ in STOP or tok.lower_ in role_nouns() \
            or title_abbreviation().fullmatch(tok.text):
        return False
    return word_gender(tok.text) is not None


def names_body(tok) -> bool:
    """A body's capitalised noun ("Hospital", "Universidad"): after "de" it opens a workplace, never
    a surname ("Ana Ruiz del Hospital Central")."""
    return tok.text[:1].isupper() and tok.lower_ in institution_nouns()


def _body_after(toks, k: int, end: int) -> bool:
    """A body's capitalised noun at ``k`` (after an article at most) before ``end``: "del Hospital
    Central", "de la Universidad de Tulca" after a person's name."""
    if k < end and toks[k].lower_ in ("la", "las", "los", "el"):
        k += 1
    return k < end and names_body(toks[k])


def _with_particle_surname(span: Span) -> Span:
    """ "Decio" + " de María" the model left untagged: a surname with its particle ("de", "del")
    right after a given name is part of the name (not a body's: "del Hospital Central")."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or doc[end].lower_ not in ("de", "del") or span[-1].whitespace_ == "" \
            or _body_after(tokens(doc), end + 1, len(doc)):
        return span
    j = end + 1
    if j < len(doc) and doc[j].lower_ in ("la", "las", "los"):
        j += 1
    k = j
    while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and doc[k].ent_iob_ == "O":
        k += 1
    return Span(doc, span.start, k, label=span.label_) if k > j else span


def _joined(span: Span, nxt: Span) -> bool:
    """Two mentions the model split at a particle: a person's given name and surnames ("María" "de"
    "Lourdes García"), an institution and its place ("Ministerio de Sanidad" "de la" "RDC") or its
    field ("Consejería" "de" "Pesca")."""
    if not 1 <= nxt.start - span.end <= 2:
        return False
    gap = [t.lower_ for t in span.doc[span.end:nxt.start]]
    if gap not in (["de"], ["del"], ["de", "la"], ["de", "los"], ["de", "las"]):
        return False
    if span.label_ == "PER" and nxt.label_ == "PER":
        if span[0].lower_ in institution_nouns() and _given_name(nxt[0]):
            return False  # "el Gobierno" + "de" + "Ana Ruiz": her government, and she is named
        return len(span) == 1 or gap == ["de"]
    # an institution and its place or its one-word field, whatever the model took the word for
    # ("Consejería" + "de" + "Pesca", tagged a person)
    return span[0].lower_ in institution_nouns() and (
        nxt.label_ == "LOC" or len(nxt) == 1 and nxt[0].pos_ == "PROPN" and gap == ["de"])


def _ministry_field(words) -> tuple[str, ...] | None:
    """The ministry's field (``ministry_fields.tsv``) the tokens ``words`` open with, folded
    ("Defensa", "Relaciones Exteriores"), or None."""
    return _opens_with_field([t.text for t in words])


def _opens_with_field(texts: list[str]) -> tuple[str, ...] | None:
    """``_ministry_field`` of words given as strings."""
    folded = tuple(fold(t) for t in texts)
    return next((p for p in phrase_list("ministry_fields.tsv") if folded[:len(p)] == p), None)


def _without_field(span: Span) -> Span:
    """ "el ministro de Defensa Tomás Liendo" tagged "Defensa Tomás Liendo": a ministry's field
    (``ministry_fields.tsv``) after "de" and before the name of the person who holds it is no part of
    the name; the rest is the person when a role precedes ("ministro", "secretaria")."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ not in ("de", "del"):
        return span
    found = _ministry_field(span)
    if found is None or len(span) - len(found) < 1:
        return span
    rest = span[len(found):]
    if len(rest) < 2 and not _given_name(rest[0]):
        return span  # ("Salud Federal", "Hacienda Municipal": the field's own adjective, no person's name)
    if not all(t.text[:1].isupper() or t.lower_ in NAME_PARTICLES for t in rest) or not rest[0].text[:1].isupper():
        return span
    before = doc[max(0, span.start - 4):span.start - 1]
    if not any(t.lower_ in role_nouns() or any(t.lower_.startswith(p) and t.lower_[len(p):] in role_nouns()
                                               for p in ("ex", "vice", "sub")) for t in before):
        return span  # ("la Secretaría de Salud Pública": no role, a body's name)
    return Span(doc, rest.start, rest.end, label="PER")


# Words that join the pieces of a body's long name the model split: "Oficina| para la |Defensa|
# y la |Gestión Forestal", "Comisión| para la |Igualdad", "Centro| contra las |Adicciones"
_BODY_LINKS = frozenset(("para", "contra", "sobre", "de", "del", "la", "el", "los", "las"))


def _field_word(tok, known: frozenset[str]) -> bool:
    """A capitalised common noun or adjective, as the words of a body's field are ("Ganadería",
    "Montes", "Costera"): its form or its singular in ``known`` (the model lemmatizer's nouns and
    adjectives) or an abstract noun's ending; never a place or a surname ("Tulca", "Merlo": no
    common word)."""
    if not tok.text[:1].isupper() or tok.text.isupper():
        return False
    return any(f in known for f in singulars(tok.lower_)) or ABSTRACT_ENDING.search(tok.lower_) is not None


def _field_pair(doc: Doc, start: int, end: int, nxt: Span, known: frozenset[str]) -> bool:
    """Whether "y" + ``nxt`` is the second field of the body named from ``start`` (its pieces so
    far end at ``end``; words the model left untagged may follow them): "Instituto Comarcal de
    Pesca" "y" "Navegación Costera", "Consejería" "de Riego y" "Ganadería" (the model tags
    the pieces anything, a person too).  Both fields are common words, the second is no
    institution of its own ("la Secretaría de Salud y Banco Central") nor a given name ("Paz"); "y"
    stands alone on the line."""
    conj = nxt.start - 1
    if conj < end or doc[conj].lower_ not in ("y", "e") or doc[conj - 1].whitespace_ != " " \
            or doc[conj].whitespace_ != " " or nxt[0].lower_ in institution_nouns():
        return False
    chain = doc[start:conj]
    if not any(t.lower_ in ("de", "del") for t in chain[1:-1]) \
            or not all(t.text[:1].isupper() or t.lower_ in ("de", "del") for t in doc[end:conj]):
        return False
    return _field_word(chain[-1], known) and _field_word(nxt[0], known) and not _given_name(nxt[0])


def _joined_bodies(doc: Doc, spans: list[Span | None], known: frozenset[str] = frozenset()) -> list[Span | None]:
    """A body's name the model cut into pieces at its function words ("Oficina" "para la"
    "Defensa" "y la" "Gestión Forestal", each tagged a place): one organisation. The chain
    opens with an institution's noun; "y" joins only a piece that is no body of its own ("el
    Ministerio de Sanidad y el Ayuntamiento", "la Fiscalía y Cruz Roja" stay two), or a second field
    (``_field_pair``; ``known``: the common nouns and adjectives of the model's lemmatizer)."""
    out = list(spans)
    for k, span in enumerate(out):
        if span is None:
            continue
        opens = span[0].lower_ in institution_nouns() and span[0].text[:1].isupper()
        # "Consejería" "de" + "Riego" + "y" + "Ganadería": the institution's noun before
        # (untagged, or a piece of its own) opens the chain of a second field
        back = span.start - 2 if span.start >= 2 and doc[span.start - 1].lower_ in ("de", "del") \
            and doc[span.start - 2].lower_ in institution_nouns() and doc[span.start - 2].text[:1].isupper() else None
        if not opens and back is None:
            continue
        start, end, last, linked = span.start, span.end, k, False
        for m in range(k + 1, len(out)):
            nxt = out[m]
            if nxt is None:
                continue
            # (from the noun before only for the first piece joined)
            froms = (start,) if back is None or last > k else (start, back)
            pair = next((f for f in froms if _field_pair(doc, f, end, nxt, known)), None) if known else None
            if pair is not None:
                start, linked = pair, True
                end, last = nxt.end, m
                continue
            if not opens:
                break
            gap = [t.lower_ for t in doc[end:nxt.start]]
            if not 1 <= len(gap) <= 3 or not nxt[0].text[:1].isupper() or nxt.label_ == "PER" \
                    or nxt.label_ == "ORG" and len(nxt) == 1 and gap[0] == "contra":
                break  # (not "la Liga Costera| contra el |Tulca": a body of its own)
            if gap[0] in ("y", "e"):
                if not linked or len(gap) < 2 or not set(gap[1:]) <= _BODY_LINKS or nxt[0].lower_ in institution_nouns():
                    break
            elif not set(gap) <= _BODY_LINKS or gap[0] not in ("para", "contra", "sobre"):
                break
            linked = True
            end, last = nxt.end, m
        if last > k:
            out[k] = Span(doc, start, end, label="ORG")
            for m in range(k + 1, last + 1):
                out[m] = None
            if start < span.start and k > 0 and (before := out[k - 1]) is not None and before.end > start:
                out[k - 1] = None  # ("Secretaría", its own piece)
    return out


def _without_medium(span: Span, text: str) -> Span:
    """ "Sergio Soto de Quadratin" in a list of reporters: the tail after "de" is a medium the article
    names elsewhere ("la agencia Quadratin"), not part of the name ("María de los Ángeles", "Ponce de León")."""
    for k, t in enumerate(span[1:-1], 1):
        if t.lower_ not in ("de", "del") or not all(x.pos_ == "PROPN" for x in span[k + 1:]):
            continue
        tail = span[k + 1:].text
        for m in re.finditer(r"(\w+)\s+" + re.escape(tail) + r"\b", text):
            if m.group(1).islower() and m.group(1) in institution_nouns():
                return span[:k]
    return span


# A lone initial ("R.", "P.") is never a name; an interview set as questions and answers asks in
# lines "P. ¿…?" / "Pregunta: …" (read here and by the quotation finder).
INITIAL = re.compile(r"[A-ZÁÉÍÓÚÑ]\.")
QUESTION_LINE = re.compile(r"(?m)^[ \t]*(?:P|Pregunta)[ \t]*[.:\-–—]+[ \t]+\S")


def _interview(doc: Doc) -> bool:
    """Whether the article is set as questions and answers ("P. ¿…?" / "R. …"), read once per Doc."""
    key = "newsclaims_interview"
    if key not in doc.user_data:
        doc.user_data[key] = QUESTION_LINE.search(doc_text(doc)) is not None
    return bool(doc.user_data[key])


def _line_start(tok) -> bool:
    return tok.i == 0 or bool(tok.is_sent_start) or (tok.doc[tok.i - 1].is_space and "\n" in tok.doc[tok.i - 1].text)


def looks_like_verb(tok) -> bool:
    """A verb the model took into a name ("Belta citó", "Acordamos" opening a sentence); a verb's
    form or ending on a capitalised word inside a sentence is a name's ("Ana García", "Sergio Ramos",
    "Irene Narro")."""
    word, low = tok.text, tok.lower_
    if cue_lexicon().lemma_of(low) is not None and (tok.is_lower or tok.is_sent_start or _line_start(tok)
                                                    or not tok.text[1:].islower()):
        return True  # (a cue's form capitalised inside a sentence is a surname: "Irene Narro", "Elena Revelo")
    return re.search(r"(amos|emos|imos|aron|ieron|ó|aba|aban|ía|ían)$", low) is not None \
        and not word[1:].isupper() and (tok.is_lower or _line_start(tok))


@dataclass
class _Cluster:
    words: frozenset[str]
    members: list[Mention] = field(default_factory=list)
    labels: Counter = field(default_factory=Counter)
    first: int = 1 << 62

    def add(self, m: Mention) -> None:
        self.members.append(m)
        self.labels[m.label] += 1
        self.first = min(self.first, m.start)


def cluster(doc: Doc, text: str | None = None, known: frozenset[str] = frozenset(),
            verbs: frozenset[str] = frozenset()) -> list[Entity]:
    """Entities of ``doc`` with their mentions, in order of first mention (``text``: ``doc.text``, which
    spaCy rebuilds from the tokens at every access, when the caller has read it already; ``known``,
    ``verbs``: the common nouns and adjectives, and the verbs, of the model's lemmatizer,
    ``model_paths.known_words``)."""
    mentions: list[Mention] = []
    text = doc_text(doc) if text is None else text
    spans: list[Span | None] = [span for span in (_clean(e, known, verbs) for e in doc.ents) if span is not None]
    spans = _without_common_words(doc, spans)
    spans = _split_glued(doc, spans, text)
    spans = _joined_bodies(doc, spans, known)
    spans = [_without_field(s) if s is not None else None for s in spans]
    nicks = nicknames.find(text)
    inside = [n for n in nicks if n.inside]
    for k, span in enumerate(spans):
        if span is None or any(n.start < span.end_char and span.start_char < n.end for n in inside):
            continue  # 'Julio "el Halcón" Cortés': the model's pieces give way to the whole name below
        label = span.label_ if span.label_ in LABELS else "MISC"
        if label == "PER" and any(t.lower_ in ("de", "del") for t in span[1:-1]):
            span = _without_medium(span, text)
        elif k + 1 < len(spans) and (nxt := spans[k + 1]) is not None and _joined(span, nxt):
            # "María" + "de" + "Lourdes García", "Ministerio de Sanidad" + "de la" + "RDC": one name
            span, spans[k + 1] = Span(doc, span.start, nxt.end, label=span.label_), None
        elif k + 1 < len(spans) and (nxt := spans[k + 1]) is not None and nxt.label_ == "PER" \
                and nxt.start == span.end and len(span) <= 2 and span.label_ in ("MISC", "PER") \
                and _given_name(span[-1]):
            # "Fermín" (tagged MISC) + "José Salas Rey": a given name split off a person's name
            # (not "la agencia Efe" + "Marta Giménez": the model's ORG is a medium)
            span, spans[k + 1] = Span(doc, span.start, nxt.end, label="PER"), None
            label = "PER"
        elif label == "PER":
            span = _with_particle_surname(span)
        mentions.append(Mention(span.text, span.start_char, span.end_char, label))
    if nicks:
        mentions = _with_nicknames(mentions, nicks, inside)
    # Longest names first, so that a short mention finds the full name it belongs to.
    order = sorted(range(len(mentions)), key=lambda i: (-len(name_words(mentions[i].text)), mentions[i].start))
    clusters: list[_Cluster] = []
    by_word: dict[str, list[int]] = {}  # word -> clusters whose name has it, so a lookup stays local
    for i in order:
        m = mentions[i]
        words = name_words(m.text)
        if not words:
            continue
        home, home_key = None, None
        postings = min((by_word.get(w, []) for w in words), key=len)
        for k in postings:
            c = clusters[k]
            if not words <= c.words or not _compatible(m, c.members[0]):
                continue
            # Prefer the same label, then the most mentions of that label, then the name the
            # article gave first (journalists spell a name out in full on first mention).
            # A name that only completes another ("Ejecutiva de Sánchez") is a last resort.
            key = (not _governed(words, c.members[0].text), c.members[0].label == m.label, c.labels[m.label], -c.first)
            if home_key is None or key > home_key:
                home, home_key = c, key
        if home is None:
            home = _Cluster(words)
            for w in words:
                by_word.setdefault(w, []).append(len(clusters))
            clusters.append(home)
        home.add(m)
    entities = []
    for c in clusters:
        members = c.members
        members.sort(key=lambda m: m.start)
        fullest = max(members, key=lambda m: (len(name_words(m.text)), len(m.text), -m.start))
        name = fullest.text
        votes: Counter[str] = Counter()
        for m in members:
            votes[m.label] += len(name_words(m.text))
        label = max(LABELS, key=lambda lab: (votes[lab], lab == "PER"))
        if fullest.label == "PER" and len(name_words(name)) >= 2:
            label = "PER"  # "Ana Ortega" once, then "Ortega" tagged a body or a place three times: a person
        entities.append(Entity(name, label, members))
    entities.sort(key=lambda e: e.mentions[0].start)
    return entities


def _with_nicknames(mentions: list[Mention], nicks: list[nicknames.Nickname],
                    inside: list[nicknames.Nickname]) -> list[Mention]:
    """A person named with a nickname inside the name is one mention under the name without it; a
    mention of a nickname alone ("Halcón", tagged a place or a body) is that person's."""
    people = nicknames.people_of(nicks)
    out = [Mention(people.get(nicknames.key(m.text), m.text), m.start, m.end, "PER")
           if nicknames.key(m.text) in people else m for m in mentions]
    out += [Mention(n.person, n.start, n.end, "PER") for n in inside]
    return sorted(out, key=lambda m: m.start)


def _governed(words: frozenset[str], name: str, articles: bool = False) -> bool:
    """Whether ``words`` stand after "de" in ``name``: "Sánchez" in "Ejecutiva de Sánchez";
    ``articles``: an article may stand between ("Costa Azul" in "Oficina de Turismo de la Costa
    Azul")."""
    written = re.findall(r"\w+", name)
    for k, w in enumerate(written):
        if name_words(w) and name_words(w) <= words:
            if articles and k > 1 and written[k - 1].lower() in ("la", "las", "los", "el"):
                k -= 1
            return k > 0 and written[k - 1].lower() in ("de", "del")
    return False


def _field_of_ministry(name: str, words: frozenset[str]) -> bool:
    """Whether ``words`` are the field a ministry's name gives first: "Hacienda" in "Secretaría de
    Hacienda y Crédito Público", not "Chile" in "Ministerio de Pesca de Chile"."""
    written = name.split()
    if body_classes().get(written[0].lower()) != "ministry":
        return False
    k = next((k for k, w in enumerate(written) if w.lower() in ("de", "del")), None)
    if k is None:
        return False
    k += 1
    while k < len(written) and written[k].lower() in ("la", "las", "los", "el"):
        k += 1
    return k < len(written) and name_words(written[k]) == words


def _compatible(mention: Mention, head: Mention) -> bool:
    """A person's name never joins an institution named after someone ("Fundación Ana Ruiz"), nor
    a body's name the title of one of its people ("Radio Sur" is not "Director General de Radio
    Sur": the model tags a capitalised title as a name)."""
    bodies = word_set("organisation_nouns.tsv")
    first = head.text.split()[0].lower()
    own = mention.text.split()[0].lower()  # "Registraduría" tagged a person is the body's short name
    words = name_words(mention.text)
    if first in role_nouns() and first not in bodies and own not in role_nouns() and _governed(words, head.text):
        return False
    if mention.label == "LOC" and _governed(words, head.text, articles=len(words) > 1):
        # a place is not what is named after it ("México" is not "Ciudad de México" nor "Banco de
        # México", "Nueva Zelanda" not "Senado de Nueva Zelanda", "Costa Azul" not "Oficina de
        # Turismo de la Costa Azul"), unless a person's name runs on with a particle ("Luis de
        # Guindos") or the words are a body's field, its short name ("Hacienda" of "Secretaría de
        # Hacienda", "Relaciones Exteriores" of "Secretaría de Relaciones Exteriores", tagged a place)
        from .names import word_gender
        return word_gender(head.text.split()[0]) is not None or _field_of_ministry(head.text, words) \
            or len(words) > 1 and _opens_with_field(mention.text.split()) is not None
    return not (mention.label == "PER" and first in bodies and own not in bodies)


def entity_covering(entities: list[Entity], pos: int) -> Entity | None:
    """The entity with a mention covering character ``pos``."""
    for e in entities:
        for m in e.mentions:
            if m.start <= pos < m.end:
                return e
    return None


def entity_at(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention inside [start, end) (the longest one)."""
    best, size = None, 0
    for e in entities:
        for m in e.mentions:
            if start <= m.start and m.end <= end and m.end - m.start > size:
                best, size = e, m.end - m.start
    return best


def entity_named(entities: list[Entity], text: str, label: str | None = None) -> Entity | None:
    """The entity whose name's words contain ``text``'s words (most mentioned first)."""
    words = name_words(text)
    if not words:
        return None
    found = [e for e in entities if words <= name_words(e.name) and (label is None or e.label == label)]
    return max(found, key=lambda e: e.count) if found else None


class EntityIndex:
    """The lookups of ``entity_covering``, ``entity_at`` and ``entity_named`` over one document's
    entities, indexed by mention offset and name word so that each stays local in a long document
    (same answers, ties included)."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        # (start, end, entity rank, mention number): the mention is found without a search
        rows = sorted((m.start, m.end, rank, k) for rank, e in enumerate(entities) for k, m in enumerate(e.mentions))
        self._starts = [r[0] for r in rows]
        self._rows = rows
        self._longest = max((r[1] - r[0] for r in rows), default=0)
        self._by_word: dict[str, list[int]] = {}
        for rank, e in enumerate(entities):
            for w in name_words(e.name):
                self._by_word.setdefault(w, []).append(rank)
        self._named: dict[tuple[frozenset[str], str | None], Entity | None] = {}

    def covering(self, pos: int) -> Entity | None:
        a = bisect_left(self._starts, pos - self._longest)
        b = bisect_right(self._starts, pos)
        ranks = [rank for start, end, rank, _ in self._rows[a:b] if start <= pos < end]
        return self.entities[min(ranks)] if ranks else None

    def at(self, start: int, end: int) -> Entity | None:
        a, b = bisect_left(self._starts, start), bisect_left(self._starts, end)
        best = None  # (size, -rank)
        for s, e, rank, _ in self._rows[a:b]:
            if e <= end and (best is None or (e - s, -rank) > best):
                best = (e - s, -rank)
        return self.entities[-best[1]] if best else None

    def named(self, text: str, label: str | None = None) -> Entity | None:
        words = name_words(text)
        if not words:
            return None
        key = (words, label)
        if key not in self._named:
            ranks = sorted(set.intersection(*(set(self._by_word.get(w, ())) for w in words)))
            found = [self.entities[r] for r in ranks if label is None or self.entities[r].label == label]
            self._named[key] = max(found, key=lambda e: e.count) if found else None
        return self._named[key]

    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, Entity]]:
        """Mentions lying inside [start, end), in text order, with their entity."""
        a, b = bisect_left(self._starts, start), bisect_left(self._starts, end)
        out = []
        for _, e, rank, k in self._rows[a:b]:
            if e <= end:
                ent = self.entities[rank]
                out.append((ent.mentions[k], ent))
        return out

    def before(self, pos: int):
        """(mention start, entity) of the mentions starting before ``pos``, nearest first."""
        for k in range(bisect_left(self._starts, pos) - 1, -1, -1):
            start, _, rank, _ = self._rows[k]
            yield start, self.entities[rank]
