"""Speaker mentions: find the words that name who speaks, before any resolution to a name.

* a subject's noun phrase, trimmed of relative clauses: "La ministra, que llegó ayer, dijo …" -> "La ministra";
* an inverted subject after a cue: "…, aseguró este jueves la canciller colombiana." -> "la canciller colombiana";
* the subject of a verb (``subject_of``) and the root of a phrase (``np_head``).

Resolution of a mention to a canonical speaker is ``newsclaims.pipeline.speakers``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..entities import closes_dateline, given_al, institution_nouns
from ..names import word_gender
from ..rules import role_nouns, singulars, title_abbreviation
from .kinds import noun_kind

if TYPE_CHECKING:
    import numpy

DETS = {"el", "la", "los", "las", "un", "una", "unos", "unas", "este", "esta", "estos", "estas", "ese", "esa"}
NP_POS = {"DET", "NOUN", "PROPN", "ADJ", "NUM"}
NP_LINK = {"de", "del", "y", "e"}
# relative pronouns that may stand for a clause's subject ("el informe, que señala …", "Ana Ruiz, quien …")
RELATIVE_PRONOUNS = frozenset({"que", "quien", "quienes", "cual", "cuales"})
# Words skipped between a cue and an inverted subject: "aseguró este jueves por su parte la ministra",
# "según informó este fin de semana la concejalía".
_TIME_WORDS = {"hoy", "ayer", "anoche", "anteayer", "mañana", "madrugada", "mediodía", "fin", "día", "jornada",
               "también", "además", "luego", "después", "entonces",
               "finalmente", "ya", "incluso", "recientemente", "nuevamente", "posteriormente", "anteriormente",
               "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "semana", "mes", "año",
               "tarde", "noche", "pasado", "pasada", "parte", "de", "mayo", "enero", "febrero", "marzo", "abril",
               "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}
_TIME_DETS = {"el", "la", "este", "esta", "por", "su", "ese", "esa"}


_TABLES: dict[str, "numpy.ndarray"] = {}


def hash_table(name: str, doc: Doc, words) -> "numpy.ndarray":
    """The sorted string hashes of ``words`` for ``in_table``, made once under ``name`` (string
    hashes do not depend on the vocabulary, so one table serves every Doc)."""
    if name not in _TABLES:
        import numpy

        _TABLES[name] = numpy.array(sorted({doc.vocab.strings.add(w) for w in words}), dtype="uint64")
    return _TABLES[name]


def in_table(values: "numpy.ndarray", table: "numpy.ndarray") -> "numpy.ndarray":
    """Which of a token array's ``values`` are in the sorted ``table``: a binary search per value
    (``numpy.isin`` sorts both sides at every call, 40 times slower on an article)."""
    import numpy

    if not len(table):
        return numpy.zeros(len(values), dtype=bool)
    at = numpy.searchsorted(table, values)
    at[at == len(table)] = 0
    return table[at] == values


def np_head(tokens: list[Token]) -> Token | None:
    """The token of ``tokens`` whose head lies outside them (the phrase's root)."""
    if not tokens:
        return None
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[0]


def _inside_name(tokens: list[Token], k: int) -> bool:
    """A preposition inside a capitalised name: "los Centros para el Control de Enfermedades"."""
    j = k + 1
    while j < len(tokens) and tokens[j].pos_ == "DET":
        j += 1
    return k > 0 and tokens[k].lower_ in ("para", "contra") and tokens[k - 1].text[:1].isupper() \
        and j < len(tokens) and tokens[j].text[:1].isupper() and tokens[j].pos_ == "PROPN"


def _named_after(tokens: list[Token], k: int) -> bool:
    """Whether the phrase's head has a person's name in apposition after ``tokens[k]``: "la candidata a
    la alcaldía, Marta Gil," keeps its complement and the name."""
    head = np_head_index(tokens)
    return any(x.dep_ == "appos" and x.head.i == head and x.ent_type_ == "PER" for x in tokens[k + 1:])


def trim_np(tokens: list[Token]) -> list[Token]:
    """Cut a subject subtree down to its noun phrase: no relative clause, no trailing punctuation."""
    out: list[Token] = []
    for k, t in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if t.text == "," and nxt is not None and (nxt.lower_ in ("quien", "quienes", "que", "cuyo", "cuya", "el", "la",
                                                                 "donde", "cuando", "mientras")
                                                  and nxt.pos_ != "PROPN" and _relative_after(tokens, k)):
            break
        if t.pos_ in ("VERB", "AUX") and out and t.dep_ in ("acl", "relcl", "acl:relcl", "advcl", "ccomp"):
            break
        if out and t.pos_ == "ADP" and t.lower_ not in ("de", "del") and t.i > np_head_index(tokens) \
                and not (t.lower_ == "por" and nxt is not None and nxt.lower_ == "ciento") \
                and t.head.head.i == np_head_index(tokens) and not _inside_name(tokens, k) \
                and not _named_after(tokens, k) and not given_al(t.doc, t.i, len(t.doc)):
            break  # "fuentes a Reuters": the addressee of the head is not part of the speaker
        if out and t.lower_ in ("que", "quien", "quienes", "cuyo", "cuya"):
            break  # "los mensajes que se difundieron"
        if t.is_space or (t.text in "“”«»\"" and not out):
            if out:
                break
            continue
        out.append(t)
    opened = [k for k, t in enumerate(out) if t.text == "("]
    if opened and not any(t.text == ")" for t in out[opened[-1]:]):
        out = out[:opened[-1]]  # "la Procuraduría General (PGR" cut by the parser: drop the fragment
    while out and (out[-1].is_punct or out[-1].is_space or out[-1].pos_ in ("ADP", "CCONJ", "SCONJ")):
        out.pop()
    dated = [k for k, t in enumerate(out[:6]) if closes_dateline(t)]
    if dated:
        out = out[dated[0] + 1:]  # "Colima.- A Ana Ruiz le …": the person after the dateline
    while out and (out[0].is_punct or out[0].pos_ in ("ADP", "CCONJ") and not _opens_surname(out)
                   or len(out) > 1 and out[0].lower_ in _FOCUS):
        out.pop(0)  # (and a focus adverb: "e incluso los dirigentes", "así como por las autoridades")
    if len(out) > 2 and fronted_participle(out[0]):
        commas = [k for k, t in enumerate(out) if t.text == ","]
        if commas and commas[0] + 1 < len(out):  # "Preguntada por la prensa, la ministra" -> "la ministra"
            out = out[commas[0] + 1:]
    if out and out[-1].ent_type_ == "PER":
        # "el vicepresidente de X Tareck El Soto" parsed with "El Soto" outside the phrase: a person's
        # name the phrase cuts is whole
        doc, k = out[-1].doc, out[-1].i + 1
        while k < len(doc) and doc[k].ent_iob_ == "I" and doc[k].ent_type_ == "PER" and k - out[-1].i <= 4 \
                and (doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper()
                     or doc[k].pos_ in ("DET", "ADP") and k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN"
                     and doc[k + 1].ent_iob_ == "I" and doc[k + 1].ent_type_ == "PER"):
            out.append(doc[k])
            k += 1
    if len(out) > 24:  # a runaway parse: keep the head's own words
        head = np_head(out)
        if head is not None:
            left = [t for t in head.lefts if t.dep_ in ("det", "amod", "nummod", "compound")]
            right = [t for t in head.rights if t.dep_ in ("flat", "amod", "appos", "compound") and t.i - head.i < 6]
            out = sorted(left + [head] + right, key=lambda t: t.i)
    return out


# Focus adverbs before a noun phrase, no part of it ("incluso los dirigentes", "sólo los técnicos").
_FOCUS = frozenset({"incluso", "inclusive", "también", "tampoco", "hasta", "aun", "aún", "sólo", "solo", "solamente",
                    "únicamente", "siquiera", "así", "como", "además"})
_PARTICIPLE_FORM = re.compile(r"(?:ad|id)[oa]s?$")
_OPENING_LINKS = frozenset({"a", "al", "ante", "con", "de", "del", "en", "para", "por", "sobre", "tras", "acerca"})


def fronted_participle(tok: Token) -> bool:
    """ "Consultados al respecto, …", "Preguntada por la prensa, …", "Contrario a lo dicho, …": a
    participle or a bare adjective opening a clause that describes the subject; it is not the
    subject.  The tagger may call a capitalised participle a name ("Entrevistado al llegar, …"):
    without an article, first in its sentence and followed by a preposition or a comma, it is one."""
    if not tok.text[:1].isupper():
        return False
    if tok.pos_ in ("ADJ", "VERB") and "Part" in tok.morph.get("VerbForm", []):
        return True
    doc = tok.doc
    first = tok.i == 0 or doc[tok.i - 1].is_sent_end or doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text \
        or doc[tok.i - 1].is_punct and doc[tok.i - 1].text not in ",;"
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if not first or nxt is None or not (nxt.lower_ in _OPENING_LINKS or nxt.text == ","):
        return False
    if tok.pos_ == "ADJ":
        return True  # a bare adjective is never a subject: "Contrario a la propuesta, …"
    # "Delgado, el portavoz, …" is a name; "Partido de …", "Senado de …" are bodies
    return tok.pos_ == "PROPN" and bool(_PARTICIPLE_FORM.search(tok.lower_)) and tok.ent_type_ in ("", "MISC") \
        and nxt.text != "," and not set(singulars(tok.lower_)) & institution_nouns()


def np_head_index(tokens: list[Token]) -> int:
    head = np_head(tokens)
    return head.i if head is not None else tokens[0].i


def _relative_after(tokens: list[Token], k: int) -> bool:
    """Whether the words after the comma at k open a clause (a verb follows soon)."""
    return any(t.pos_ in ("VERB", "AUX") for t in tokens[k + 1: k + 5])


# Nouns of a part or a collective that agree with a plural verb: "la mayoría de los vecinos opinan".
_COLLECTIVES = frozenset({"mayoría", "minoría", "mitad", "resto", "parte", "totalidad", "grupo", "conjunto",
                          "cantidad", "número", "serie", "tercio", "cuarto", "gente", "pareja", "familia"})


def finite_of(verb: Token) -> Token | None:
    """The finite form that carries a verb's person and number: the verb, or the auxiliary of a
    compound tense ("han dicho" -> "han"); None for an infinitive or a gerund alone."""
    if "Fin" in verb.morph.get("VerbForm", []):
        return verb
    return next((c for c in verb.children if c.dep_ == "aux" and "Fin" in c.morph.get("VerbForm", [])), None)


_PARTITIVES = frozenset({"uno", "una", "ninguno", "ninguna", "alguno", "alguna", "cada", "cualquiera"})


def _number_clash(verb: Token, noun: Token) -> bool:
    """The number of ``noun`` ("quien" singular, "quienes" plural) is not the finite verb's, and the
    noun is no collective ("la mayoría de los vecinos aseguró", "uno de cada diez encuestados dijo")."""
    if noun.lower_ in _COLLECTIVES:
        return False
    before = noun.doc[max(0, noun.i - 4):noun.i]
    if any(t.lower_ in _COLLECTIVES or t.lower_ in _PARTITIVES for t in before):
        return False
    finite = finite_of(verb)
    if finite is None:
        return False  # a participle agrees with nothing here ("han dicho … varios expertos")
    v, n = finite.morph.get("Number", []), noun.morph.get("Number", [])
    if noun.lower_ in ("quien", "quienes"):
        n = ["Sing"] if noun.lower_ == "quien" else ["Plur"]
    return bool(v and n and v != n)


def relative_disagrees(verb: Token, noun: Token) -> bool:
    """A common noun without conjuncts whose number is not that of the relative clause's verb it
    would be the subject of ("la carta cientos de maestros que han advertido …": not "carta")."""
    return noun.pos_ == "NOUN" and not any(c.dep_ == "conj" for c in noun.children) and _number_clash(verb, noun)


def disagrees(verb: Token, noun: Token) -> bool:
    """A common noun whose number is not the verb's cannot be its subject ("Manifestaron su temor de
    …": "su temor" is the object the parser took for the subject). Coordinated nouns and collectives
    may take a plural verb."""
    if not (noun.pos_ == "NOUN" or noun.lower_ in ("quien", "quienes")) or not _number_clash(verb, noun):
        return False
    if sum(1 for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")) > 1:
        return False  # "el presidente …, y la directora …, indicaron": two subjects, parsed flat
    lo, hi = sorted((noun.i, verb.i))
    return not any(c.dep_ == "conj" for c in noun.children) \
        and not any(t.lower_ in ("y", "e") and t.head.pos_ in ("NOUN", "PROPN", "PRON") for t in noun.doc[lo:hi])


def dateline(tok: Token) -> bool:
    """A wire dateline the parser took for a subject: "Tepic, Nayarit.- El alcalde aseguró …",
    "Colima.- A Ana Ruiz le …" — a place (and its region) opening a line, closed by ".-"."""
    doc = tok.doc
    left = tok.left_edge.i
    return any(closes_dateline(t) for t in doc[left:min(len(doc), left + 6)])


_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_APOSTROPHE_WORD = re.compile(r"[^\W\d_]+['’][^\W\d_]+")  # "McArthur's", "O'Neill": a word


def subject_of(verb: Token) -> Token | None:
    subj = _first_subject(verb)
    if subj is not None and subj.lower_ == "que" and subj.i < verb.i:
        # "el párrafo que argumentó el perito": a speaker the parser also made the relative verb's
        # subject, after it, is the subject; "que" is the object (not "el que relata el viaje")
        after = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")
                      and (c.ent_type_ in ("PER", "ORG") or noun_kind(c.text) is not None)), None)
        if after is not None:
            return after
    if subj is not None and subj.i < verb.i:
        later = _nearer_subject(verb, subj)
        if later is not None:
            return later
    return subj


_JOINS = frozenset(("y", "e", "ni", "o", "u"))


def _nearer_subject(verb: Token, subj: Token) -> Token | None:
    """A second subject between the first and the verb, past a clause of its own: "Multa a vecinos
    Sobre la sanción que se impuso a los tres vecinos, quienes …, el alcalde explicó …" — a heading
    glued to its paragraph was parsed as a subject too. Coordinated subjects ("el presidente y la directora")
    are joined by a conjunction and keep the first."""
    doc = verb.doc
    for child in verb.children:
        if child.i <= subj.right_edge.i or child.i >= verb.i:
            continue
        if child.dep_ not in ("nsubj", "nsubj:pass") or child.pos_ not in ("NOUN", "PROPN"):
            continue
        between = doc[subj.i + 1:child.left_edge.i]
        if doc[child.left_edge.i].lower_ in _JOINS \
                or any(t.lower_ in _JOINS and t.head.i in (subj.i, child.i) for t in between):
            return None
        if between and between[-1].text == "," and (any(t.pos_ == "VERB" for t in between) or subj.lower_ in _TIME_WORDS):
            return child  # (or a time the parser took for a subject: "La tarde del martes, en …, el consejero")
    return None


def _first_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass") and child.pos_ not in ("SCONJ", "SPACE", "PUNCT") \
                and not (child.is_sent_start and not any(t.is_alpha or _HYPHENATED.fullmatch(t.text)
                                                         or _APOSTROPHE_WORD.fullmatch(t.text) for t in child.subtree)):
            # ("— Afirma que …": a symbol opening the sentence is nobody, "Coca-Cola" and "McArthur's" are somebody;
            # a bullet opening a line is dropped before parsing, ``normalise._BULLET``)
            if disagrees(verb, child):
                continue
            if child.i < verb.i and dateline(child):
                # "Tepic, Nayarit.- La alcaldesa Rosa Medel aseguró …": the place of the dateline; the
                # subject after it may hang from it ("Saltillo.- Empresarios y políticos consideraron …")
                if not closes_dateline(child) and any(closes_dateline(t) for t in child.doc[child.left_edge.i:child.i]):
                    return child  # "Irapuato.- Empresarios … consideraron": the dateline parsed as its modifier
                after = next((c for c in child.children if c.i > child.i and c.dep_ in ("nsubj", "appos", "flat", "nmod")
                              and c.pos_ in ("NOUN", "PROPN") and not any(closes_dateline(t) for t in c.subtree)), None)
                if after is not None and child.i + 1 <= after.left_edge.i:
                    return after
                continue
            if title_abbreviation().fullmatch(child.text) and child.i + 1 < len(child.doc) \
                    and child.doc[child.i + 1].pos_ == "PROPN":
                continue  # "el Prof. Juan Soto" parsed as two subjects: the name is the subject
            if child.is_lower and child.lower_ in _TIME_WORDS and "Tim" in child.morph.get("AdvType", []):
                continue  # "informó hoy domingo un médico": a day the parser made a subject is when
            if any(c.dep_ == "case" and c.i < child.i and c.lower_ not in ("entre", "hasta", "desde")
                   and not _surname_particle(c, child) for c in child.children):
                continue  # "Y sobre Soto, anunció …": a phrase under a preposition is no subject
                # ("Desde el ministerio sostienen que …" names the source: kept)
            return child
    return _misread_subject(verb)


def _surname_particle(case: Token, noun: Token) -> bool:
    """ "Del Olmo dijo …", "…, De la Vega aseguró …": a capitalised "De"/"Del" right before a
    capitalised name is its surname's particle, not a preposition (not before a body's noun: "Del
    Ministerio de Obras informaron …")."""
    words = noun.doc[case.i + 1:noun.i + 1]
    return case.text in ("Del", "De") and noun.pos_ == "PROPN" and noun.text[:1].isupper() and len(words) <= 2 \
        and all(t.text[:1].isupper() or t.lower_ in ("la", "las", "los") for t in words) \
        and not any(t.lower_ in institution_nouns() for t in words)


def _opens_surname(tokens: list[Token]) -> bool:
    """The phrase opens with a surname's particle ("Del Olmo", "De la Vega")."""
    name = next((t for t in tokens[1:3] if t.pos_ == "PROPN"), None)
    return name is not None and _surname_particle(tokens[0], name)


OBJECT_CLITICS = frozenset("lo la los las le les se me te nos os".split())


def _misread_subject(verb: Token) -> Token | None:
    """A noun phrase right before the verb and its clitics that the parser took for an object: "La
    portavoz lo resumió así" (no preposition, the verb's number, no subject after the verb; a
    fronted object is set off by a comma: "La propuesta, la presentó …")."""
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and doc[k].lower_ in OBJECT_CLITICS and doc[k].pos_ == "PRON":
        k -= 1
    if k < 0 or k == verb.i - 1 or doc[k].pos_ not in ("NOUN", "PROPN") or doc[k].head.i != verb.i \
            or doc[k].dep_ not in ("obj", "iobj") or disagrees(verb, doc[k]):
        return None
    if any(c.dep_ == "case" for c in doc[k].children) or any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children):
        return None
    return doc[k]


def phrase_after(doc: Doc, i: int, limit: int) -> list[Token]:
    """An inverted subject after a cue: "…, aseguró este jueves la canciller colombiana."

    Skips time words and clitics, then takes determiners, nouns, adjectives and "de" links up to a
    comma, another preposition, a verb or the sentence end.
    """
    j = past_addressee(doc, past_time_words(doc, i, limit), limit)
    out: list[Token] = []
    k = j
    while k < limit:
        t = doc[k]
        if t.is_punct and t.text not in ",()":
            break
        if t.pos_ in NP_POS or (t.lower_ in NP_LINK and out and k + 1 < limit and doc[k + 1].pos_ in NP_POS) \
                or given_al(doc, k, limit):
            if t.pos_ == "NUM" and not out and not (k + 1 < limit and doc[k + 1].pos_ == "NOUN"):
                break  # a number, not "dos fuentes", "tres testigos"
            out.append(t)
            k += 1
            continue
        if t.text == "(" and out:  # "la Organización de las Naciones Unidas (ONU)"
            close = next((x for x in range(k + 1, min(limit, k + 8)) if doc[x].text == ")"), None)
            if close is not None:
                out.extend(doc[k:close + 1])
                k = close + 1
                continue
        if t.text == "," and out and k + 1 < limit and doc[k + 1].pos_ == "PROPN" \
                and out[-1].pos_ in ("NOUN", "ADJ", "PROPN", "PUNCT"):
            out.append(t)  # "la portavoz, Ana Ruiz"
            k += 1
            continue
        break
    while out and (out[-1].lower_ in NP_LINK or out[-1].text == "," or out[-1].pos_ == "DET"):
        out.pop()
    if out and all(t.pos_ in ("DET", "ADJ", "NUM") for t in out) \
            and not (out[0].pos_ == "DET" and set(singulars(out[-1].lower_)) & role_nouns().keys()):
        return []  # (but a role the tagger called an adjective: "—recuerda el experto—")
    return out


_ADVERBIAL_PREPS = {"a", "al", "en", "sobre", "durante", "ante", "tras", "con", "desde", "mediante", "entre", "sin"}
_SUBJECT_DETS = {"el", "la", "los", "las", "un", "una", "unos", "unas"}


def _past_det(doc: Doc, k: int, limit: int) -> int:
    """``k``, or past the article or determiner a phrase's noun opens with ("la", "su", "este")."""
    if k < limit and doc[k].pos_ == "DET" and doc[k].lower_ in _SUBJECT_DETS | {"su", "sus", "este", "esta"}:
        return k + 1
    return k


def adverbial_phrase(doc: Doc, j: int, limit: int,
                     prepositions: frozenset[str] | set[str] = _ADVERBIAL_PREPS) -> tuple[int, Token | None] | None:
    """One prepositional phrase of lower-case nouns and adjectives opening at ``j`` ("a la prensa",
    "en rueda de prensa", "durante su visita"), with one of to or with whom after it ("en una
    charla con esta emisora"): (the position after it, its first noun, or the second phrase's), or None."""
    if j >= limit or doc[j].lower_ not in prepositions:
        return None
    k = _past_det(doc, j + 1, limit)
    nouns, head, chained = 0, None, False
    while k < limit and k < j + 8:
        t = doc[k]
        if t.is_lower and t.pos_ in ("NOUN", "ADJ"):
            nouns += t.pos_ == "NOUN"
            head = t if head is None and t.pos_ == "NOUN" else head
            k += 1
        elif t.lower_ in ("de", "del") and nouns and k + 1 < limit and doc[k + 1].is_lower \
                and doc[k + 1].pos_ in ("NOUN", "ADJ"):
            k += 1  # "en rueda de prensa" (not "al respecto de los datos": the phrase goes on)
        elif t.lower_ in ("a", "al", "con") and nouns and not chained and (m := _past_det(doc, k + 1, limit)) < limit \
                and doc[m].is_lower and doc[m].pos_ == "NOUN":
            k, head, chained = m, doc[m], True  # to or with whom: "en una charla con esta emisora", "en
            # declaraciones a la prensa" (its noun the head now: "… a la agencia Reuters" is the agency's name)
        else:
            break
    if not nouns or k >= limit or doc[k - 1].lower_ in ("de", "del"):
        return None
    return k, head


def past_adverbial(doc: Doc, j: int, limit: int) -> int:
    """The position after one prepositional phrase between a postposed cue and its subject:
    "dijo a la prensa la alcaldesa", "señaló en entrevista la jueza", "comentó sobre el tema Luis
    Pardo", "dijo al respecto el médico" -> where the subject starts. Only a phrase of lower-case
    nouns and adjectives, followed by an article or a capitalised name; else ``j`` unchanged."""
    found = adverbial_phrase(doc, j, limit)
    if found is None:
        return j
    k, head = found
    if doc[k].lower_ in _SUBJECT_DETS:
        nxt = doc[k + 1] if k + 1 < limit else None
        # (not "publicado el 3 de mayo": a date; not a capitalised article, a name's own: "con el diario El Eco")
        return k if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ") and not nxt.like_num and doc[k].is_lower else j
    if doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and doc[k].ent_iob_ == "B" and head is not None \
            and ((doc[j].lower_ not in ("a", "al") or head.lower_ == "respecto")
                 and noun_kind(head.text) not in ("person", "group", "organisation") or _press_then_person(doc, k, head)):
        m = k + 1
        while m < limit and doc[m].ent_iob_ == "I":
            m += 1
        if m >= limit or doc[m].is_punct:
            return k  # (not "a su novia Ana", "ante la cadena CNN", "en el programa Despierta con …": the noun's own name)
    return j


def _press_then_person(doc: Doc, k: int, head: Token) -> bool:
    """A person's full name after the press addressed ("dijo a la prensa Ana Ruiz", "a los medios",
    "a periodistas"): the speaker, not the addressee's own name ("a su novia Ana", "a la cadena CNN")."""
    press = head.lower_ == "prensa" or "Plur" in head.morph.get("Number", []) and noun_kind(head.text) in ("group", "organisation")
    return press and doc[k].ent_type_ in ("PER", "MISC") and word_gender(doc[k].text) is not None \
        and k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I" and doc[k + 1].text[:1].isupper()


def past_time_words(doc: Doc, j: int, limit: int) -> int:
    """The position after the time words and adverbs that open ``doc[j:limit]``: "este lunes",
    "el jueves pasado", "por su parte", "ayer"."""
    while j < limit:
        t = doc[j]
        nxt = doc[j + 1].lower_ if j + 1 < limit else ""
        if t.lower_ in _TIME_DETS:  # "el jueves", "este lunes", "por su parte": only before a time word
            if t.lower_ == "por" and nxt in ("su", "otra") and j + 2 < limit and doc[j + 2].lower_ == "parte":
                j += 3  # ("por" before "su parte", "otra parte": a discourse marker)
                continue
            if nxt in _TIME_WORDS or nxt.isdigit():
                j += 1
                continue
            break
        if t.lower_ in _TIME_WORDS or t.pos_ in ("ADV", "SPACE") or (t.pos_ == "NUM" and nxt == "de"):
            j += 1
            continue
        break
    return j


def before_auxiliaries(verb: Token, start: int) -> Token | None:
    """The word before the verb and its auxiliaries ("se" of "se ha denunciado"), not before ``start``."""
    doc, k = verb.doc, verb.i - 1
    while k > start and doc[k].pos_ == "AUX" and doc[k].head.i == verb.i:
        k -= 1
    return doc[k] if k >= start else None


def _given_name_starts(doc: Doc, m: int, limit: int) -> bool:
    """A given name the lexicon knows, before another capitalised word: a person's name starts."""
    return m + 1 < limit and doc[m + 1].text[:1].isupper() and word_gender(doc[m].text) is not None


def _medium_name_end(doc: Doc, k: int, limit: int) -> int:
    """Past a medium's own name in capitals ("BBC Mundo", "The Coastal Times", "Bild") to where a
    person's name starts: a word the model opens a person with, or a given name before another
    capitalised word ("al semanario austral Brisa Kenan Soto")."""
    m = k
    while m < limit and m < k + 6 and (doc[m].pos_ == "PROPN" or m > k and doc[m].lower_ in ("de", "del") and m + 1 < limit
                                        and doc[m + 1].pos_ == "PROPN") \
            and not (m > k and (doc[m].ent_type_ == "PER" and doc[m].ent_iob_ == "B" or _given_name_starts(doc, m, limit))):
        m += 1  # (a link inside the name: "La Gaceta de Tulca")
    return m


def _subject_article(doc: Doc, m: int, limit: int) -> bool:
    """A lower-case article and a common noun or adjective: "el alcalde", "la jueza"."""
    return m + 1 < limit and doc[m].lower_ in _SUBJECT_DETS and doc[m].is_lower and doc[m + 1].is_lower \
        and doc[m + 1].pos_ in ("NOUN", "ADJ")


def _bare_plural_speakers(tok) -> bool:
    """A plural noun of people without an article, as unnamed sources are given: "…, relataron a
    Radio Faro testigos del choque"."""
    return tok.is_lower and tok.pos_ == "NOUN" and tok.lower_.endswith("s") and noun_kind(tok.text) in ("person", "group")


def past_addressee(doc: Doc, j: int, limit: int) -> int:
    """Skip a medium addressed before the inverted subject: "dijo a la agencia estatal Efe Ana
    Ruiz", "declaró al diario local Ana Ruiz" -> the position of the person's name."""
    if j >= limit or doc[j].lower_ not in ("a", "al") or given_al(doc, j, limit):
        return j
    k = j + 1
    if k < limit and doc[k].pos_ == "DET":
        k += 1
    if k < limit and doc[k].pos_ == "PROPN" and (doc[k].ent_type_ != "PER" or word_gender(doc[k].text) is None):
        # "le dice a Radio Brisa Sur Ana Ruiz": a medium's name (tagged a person too, no given name
        # opening it: "explicó a Vexa TV Ana Ruiz"), then the person (after a comma too:
        # "comentó a La Gaceta de Tulca, Ana Ruiz"), or the subject's article: "dijo a Radio Faro el alcalde"
        m = _medium_name_end(doc, k, limit)
        if m + 1 < limit and doc[m].text == "," and (doc[m + 1].ent_type_ == "PER" or _given_name_starts(doc, m + 1, limit)):
            m += 1
        return m if m < limit and (doc[m].ent_type_ == "PER" and doc[m].ent_iob_ == "B" or _given_name_starts(doc, m, limit)
                                   or _subject_article(doc, m, limit) or _bare_plural_speakers(doc[m])) else j
    if k >= limit or not (doc[k].is_lower and set(singulars(doc[k].text)) & institution_nouns()):
        return j
    k += 1
    while k < limit and k < j + 6 and doc[k].pos_ in ("ADJ", "NOUN") and doc[k].is_lower:
        k += 1  # "al medio local", "a la agencia estatal" (the small model may tag the adjective NOUN)
    if k < limit and doc[k].text in "\"'“«‘":  # "al diario local 'El Sol' una vecina": a quoted title
        m = k + 1
        while m < limit and m < k + 8 and doc[m].text not in "\"'”»’":
            m += 1
        return m + 1 if m + 1 < limit and doc[m + 1].pos_ in ("DET", "NOUN", "PROPN") else j
    if k < limit and doc[k].pos_ == "PROPN":
        if doc[k].ent_type_ == "PER" or word_gender(doc[k].text) is not None:
            return k  # "declaró al diario local Ana Ruiz": the person after the medium's noun
        # "le contó al periódico escocés The Coastal Times": the medium's own name, then the subject if any
        m = _medium_name_end(doc, k, limit)
        return m if m < limit and (doc[m].ent_type_ == "PER" or doc[m].pos_ == "DET" or _given_name_starts(doc, m, limit)
                                   or _bare_plural_speakers(doc[m])) else j
    if k + 1 < limit and doc[k].pos_ == "DET" and doc[k].lower_ not in ("este", "esta", "ese", "esa") and (
            doc[k + 1].pos_ == "PROPN" or doc[k + 1].is_lower and noun_kind(doc[k + 1].text) in ("person", "organisation")):
        return k  # "informó a este diario el alcalde Pedro Lima": the subject's article
    return j
