"""Cue verbs looking right for their content.

* que-clause: "La ministra dijo que habrá ayudas."
* infinitive: "El diputado negó haber cobrado."
* colon: "El alcalde dijo: “Vamos a ganar”." / "El alcalde dijo: vamos a ganar."
* an adjacent quotation: "El alcalde dijo “Vamos a ganar”."
* a stance with the speaker's own words: "Lo calificó de “irresponsable”."
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ...claims import Cue
from ...rules import word_set
from ..context import OPEN, Context
from ..cues import cue_kind, phrase_words
from ..mentions import past_time_words

_MAX_WINDOW = 16       # tokens between a cue and its "que"
# "lo que", "aquella que": words after which "que" opens a relative clause, not the content
_BEFORE_RELATIVE = frozenset("el la lo los las aquel aquella aquello aquellos aquellas ese esa eso esos esas "
                             "este esta esto estos estas".split())
# prepositions of where or when something was said ("destacó en una entrevista que …")
_SAID_WHERE = frozenset("en tras durante ante mediante desde con sobre a al".split())
_INDEFINITE = frozenset("un una unos unas".split())
_DEFINITE = frozenset("el la los las lo su sus nuestro nuestra nuestros nuestras".split())
# "ya que", "puesto que", "así que", "mientras que": a conjunction of cause, consequence or time,
# not the content of the cue before it ("bromeaba, ya que sus amigos …"; "así" right after the cue is
# how it was said: "Expresó así que …").
_SUBORDINATORS = frozenset("ya puesto dado así mientras desde hasta siempre modo manera sino sin vez medida luego".split())
# "más que", "mejor que", "mayor que": the "que" of a comparison after the cue (not "antes": "anunció poco antes que …")
_COMPARATIVES = frozenset("más menos mejor peor mayor menor".split())
# "después de que", "a pesar de que", "en caso de que": the same with "de" (not "advirtió de que …")
_BEFORE_DE_QUE = frozenset("después antes luego pesar fin caso".split())


def forward(ctx: Context, tok: Token, cue: Cue, sent: Span, lemma: str) -> bool:
    doc = ctx.doc
    j = first = tok.i + 1 + phrase_words(tok, lemma) + ctx.clitics(tok)  # past "claro" in "dejó claro que"
    if cue_kind(lemma) == "stance" and _exhortation(ctx, tok, cue, sent, lemma, first):
        return True
    commas = 0
    while j < sent.end and j - tok.i <= _MAX_WINDOW:
        t = doc[j]
        low = t.lower_
        ago = _ago_end(doc, j, sent.end)
        if ago is not None:  # "pidió hace dos semanas que …": a time, not a verb of the clause
            first = ago if j == first else first  # (what follows is right after the cue)
            j = ago
            continue
        if _aside_mark(doc, j):
            close = _aside_end(doc, j, sent.end)
            if close is not None:  # "admitió —como han adelantado los críticos— que …": past the aside
                j = close + 1
                continue
            if _closes(doc[j]):
                return False  # the cue sits inside an aside that closes here ("—como han adelantado los críticos—")
        if low == "que" and commas and _relative(t):
            return False  # "confirmaron dos fuentes, un plan que enfrenta …": a relative clause, not content
        if low == "que" and _object_relative(ctx, tok, t):
            return False  # "recordó el impacto que tuvo la crisis": the cue already has its object
        if low == "que" and doc[j - 1].lower_ in _COMPARATIVES and j - 1 > tok.i:
            j += 1  # "aguantan mejor que los rivales el calor", "dijo más que nunca que …": a comparison's
            continue  # "que", not the content's
        if low == "que" and _subject_relative(tok, t, sent):
            return False  # "…, lamentaron los jóvenes que convocaron la marcha.": who they are, not what was said
        if low == "que" and (doc[j - 1].lower_ in _SUBORDINATORS and not (doc[j - 1].lower_ == "así" and j - 1 == first)
                             or doc[j - 1].text == "tiempo" and doc[j - 2].lower_ == "al"  # ("al tiempo que")
                             or doc[j - 1].lower_ == "de" and doc[j - 2].lower_ in _BEFORE_DE_QUE):
            return False
        if low == "que" and j == first and doc[j - 1].lower_ == "lo" \
                and (colon := _colon_after_free_relative(ctx, j, min(sent.end, tok.i + _MAX_WINDOW + 1))) is not None:
            j = colon  # "explicó lo que pasó: “…”" ("lo" is counted with the clitics): the colon's quotation, below
            continue
        if (low == "que" and doc[j - 1].lower_ not in _BEFORE_RELATIVE) or (
                low == "si" and j <= tok.i + 2):  # "preguntó si …": an indirect question
            end = ctx.content_end(j, sent, cue=tok)
            start_char = t.idx
            speaker = ctx.speaker_for(tok, sent, postposed=False)
            end_char = doc[end - 1].idx + len(doc[end - 1].text)
            kind = ctx.kind_of(start_char, end_char)
            added = ctx.add("mixed" if kind == "direct" else kind, speaker, cue, start_char, end_char,
                            sent, "indirect_que", lemma) is not None
            _colon_quote(ctx, end, speaker, cue, sent, lemma)
            return added
        opening = ctx.quote_starting_at(doc[j + 1].idx) if low in ("como", "de") and j + 1 < sent.end else None
        if opening is not None and opening.open_mark == doc[j + 1].idx:
            # "lo calificó de “irresponsable”", "lo catalogó como “un gran personaje”": the
            # speaker's own words make a stance a full (mixed) claim.
            end = ctx.content_end(j, sent, cue=tok)
            end_char = doc[end - 1].idx + len(doc[end - 1].text)
            speaker = ctx.speaker_for(tok, sent, postposed=False)
            return ctx.add("mixed", speaker, cue, t.idx, end_char, sent, "mixed_stance", lemma) is not None
        if t.text == ":":
            speaker = ctx.speaker_for(tok, sent, postposed=False)
            q = ctx.quote_starting_at(t.idx + 1, " \t\n")
            if q is not None:
                return ctx.add(ctx.kind_of(q.start, q.end), speaker, cue, q.start, q.end, sent,
                                "direct_colon", lemma) is not None
            end = ctx.content_end(j + 1, sent, stop_at_cue=False)
            if end > j + 2:
                end_char = doc[end - 1].idx + len(doc[end - 1].text)
                return ctx.add(ctx.kind_of(t.idx + 1, end_char), speaker, cue, t.idx + 1, end_char, sent,
                                "indirect_colon", lemma) is not None
            return False
        if t.text in OPEN or ctx.marks[t.idx] in OPEN:
            q = ctx.quote_at(t.idx)
            if q is None or q.open_mark != t.idx:
                return False
            words = len(re.findall(r"\w+", ctx.text[q.start:q.end]))
            if words >= 3 and (ctx.text[q.start:q.start + 1].isupper() or _channel_before(doc, tok, first, j)):
                speaker = ctx.speaker_for(tok, sent, postposed=False)
                return ctx.add("direct", speaker, cue, q.start, q.end, sent, "direct_preposed", lemma) is not None
            # 'reconoció "haber decidido sin supervisión"', 'incidió en "no crear expectativas"',
            # 'se refirió a un "espacio de coordinación"': the speaker's words are the content; so are
            # quoted words in the object of a directive, or of a verb whose object is what was said
            # ('pidió “calma” a las familias', 'lamentó la “falta de palabra” del club': guidelines
            # rules 6-8, mixed)
            follows = words >= 3 and _quote_follows(doc, first, j)
            # ("expresó su “más firme condena”": any speech verb whose object, a determiner and a
            # noun's start, opens the speaker's quoted words; or whose object is quoted whole from
            # its article on: "señaló “la soberbia” del productor")
            own_object = cue_kind(lemma) == "speech" and (
                1 <= j - first <= 3 and doc[first].pos_ == "DET" and doc[first].lower_ not in _INDEFINITE
                and doc[j - 1].pos_ != "ADP"
                or j == first and j + 1 < sent.end and doc[j + 1].lower_ in _DEFINITE)
            if not follows and not ((cue_kind(lemma) == "stance" or lemma in word_set("object_cues.tsv") or own_object)
                                    and not tok.lower_.endswith("rse") and _noun_object(doc, first, j)
                                    and _own_words(ctx, q, doc, j)):
                return False
            speaker = ctx.speaker_for(tok, sent, postposed=False)
            if follows and doc[j - 1].text in (",", ":") and j > first:  # the object, then its words quoted
                return ctx.add(ctx.kind_of(q.start, q.end), speaker, cue, q.start, q.end, sent,
                               "direct_preposed", lemma) is not None
            end = ctx.content_end(j, sent, cue=tok)
            end_char = max(doc[end - 1].idx + len(doc[end - 1].text), q.outer[1])
            # "pidió al Ministerio “…”": who is asked is not the content (before an object's quoted
            # words, "a" alone marks them: "calificó al “…” de …")
            addressee = first < j and doc[first].lower_ in ("a", "al") and (not follows or any(
                t.pos_ in ("NOUN", "PROPN") for t in doc[first:j]))
            first = _with_article(doc, tok, lemma, first)
            first = min(past_time_words(doc, first, j), j)  # ("ha preguntado este jueves “para qué …”")
            start_char = doc[first].idx if first < j and not addressee else q.open_mark
            if follows:
                kind = ctx.kind_of(start_char, end_char) if first < j and not addressee else ctx.kind_of(q.start, end_char)
                if kind == "direct" and end_char <= q.end + 1:
                    return ctx.add(kind, speaker, cue, q.start, q.end, sent, "direct_preposed", lemma) is not None
            return ctx.add("mixed", speaker, cue, start_char, end_char, sent, "mixed_stance", lemma) is not None
        if low == "no" and j == tok.i + 1 + ctx.clitics(tok) and j + 1 < sent.end and doc[j + 1].pos_ in ("VERB", "AUX") \
                and "VerbForm=Inf" in str(doc[j + 1].morph):
            return _clause_from(ctx, tok, cue, sent, lemma, j)  # "dijo no saber nada del contrato"
        if j == first and _clause_without_que(ctx, tok, j, sent.end, lemma):
            return _clause_from(ctx, tok, cue, sent, lemma, j)  # "afirmó habrá más fondos", "dijeron no hay heridos"
        if "VerbForm=Inf" in str(t.morph) and t.pos_ in ("VERB", "AUX") and j > first and not commas \
                and doc[j - 1].pos_ in ("NOUN", "PROPN", "ADJ") and _prepositional(doc, first, j):
            return _clause_from(ctx, tok, cue, sent, lemma, j)  # "aseguró en su informe estar segura de …"
        if (t.pos_ == "VERB" and j == tok.i + 1 + ctx.clitics(tok) and "VerbForm=Inf" in str(t.morph)) or (
                t.lower_ in ("haber", "ser", "estar", "tener") and j <= tok.i + 2):  # "negó haber cobrado"
            if doc[j - 1].lower_ in ("a", "de", "por"):
                return False
            return _clause_from(ctx, tok, cue, sent, lemma, j)
        if (t.pos_ == "ADJ" or t.lower_ in ("igual", "muy", "más", "tan", "poco")) and j == tok.i + 1 + ctx.clitics(tok) \
                and _adjective_clause(doc, j, sent.end):
            # "consideró necesario ampliar la red", "estimó urgente que se actúe": the judgement and
            # its clause are the content.
            return _clause_from(ctx, tok, cue, sent, lemma, j)
        if j == first + 1 and doc[first].text == "," and (close := _gerund_aside_end(doc, j, sent.end)) is not None:
            j = close + 1  # "dijo, sonriendo, que …", "afirmó, mirando a los diputados, que …": past the aside
            continue
        if t.pos_ in ("VERB", "AUX") and not (commas and doc[j - 1].pos_ == "DET") \
                or t.text in (".", ";", "?", "!") or (t.is_space and "\n" in t.text):
            return False  # (a "verb" after an article inside an aside is a noun: "…, mediante una circular, que …")
        if t.text == "," and j + 1 < sent.end:
            nxt = doc[j + 1]
            if nxt.lower_ in ("quien", "quienes", "cuyo", "cuya", "donde", "cuando"):
                return False
            # "aseguró a su colega, Pierre Duval, que …": after the addressee the cue's own clause
            addressed = doc[first].lower_ in ("a", "al") and nxt.dep_ == "mark" \
                and nxt.head.dep_ == "ccomp" and nxt.head.head.i == tok.i \
                or commas == 1 and doc[first].text == "," and doc[first + 1].lower_ in _CHANNEL_PREPOSITIONS \
                or commas == 0 and doc[first].lower_ in CHANNEL_WHERE
            # (or a phrase of to whom, where or when, set off by commas right after the cue or opening
            # right after it, however parsed: "explicó, a los agentes, que …", "precisó, ante las
            # preguntas del diputado Ortiz, que …", "informó ante los líderes de la Casa Tulca, que …")
            if nxt.lower_ == "que" and (doc[j - 1].pos_ == "PROPN" or ctx.resolver.person_like([doc[j - 1]])) \
                    and not addressed and not _channel_phrase(doc[j - 1]):
                return False  # "señala Ortiz, que dirige …": a relative clause on the speaker
            commas += 1
            if commas > 2:
                return False
        j += 1
    return False


def _exhortation(ctx: Context, tok: Token, cue: Cue, sent: Span, lemma: str, first: int) -> bool:
    """ "exhortó a los vecinos a votar “sin miedo”": a directive to an addressee whose content carries
    the speaker's quoted words is a full (mixed) claim, the addressee included (guidelines rule 6);
    so is an accusation, from its "de" ("acusó al ministro de pretender “armar una guerra”", rule 7)."""
    doc = ctx.doc
    second: int | None
    if first < sent.end - 1 and doc[first].lower_ == "de" and "VerbForm=Inf" in str(doc[first + 1].morph):
        second = start = first  # "lo acusó de pretender “…”"
    else:
        if first >= sent.end or doc[first].lower_ not in ("a", "al"):
            return False
        second = next((k for k in range(first + 2, min(sent.end - 1, first + 10))
                       if doc[k].lower_ in ("a", "de") and ("VerbForm=Inf" in str(doc[k + 1].morph) or doc[k + 1].text in OPEN)),
                      None)
        if second is None or any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in doc[first + 1:second]):
            return False
        start = second if doc[second].lower_ == "de" else first
    end = ctx.content_end(second, sent, cue=tok)
    end_char = doc[end - 1].idx + len(doc[end - 1].text)
    quoted = ctx.quotes_opening_in(doc[second].idx, end_char)
    if not quoted:
        return False  # without the speaker's words, an optional claim (rule 6): not made
    end_char = max(end_char, quoted[-1].outer[1])
    speaker = ctx.speaker_for(tok, sent, postposed=False)
    return ctx.add("mixed", speaker, cue, doc[start].idx, end_char, sent, "mixed_stance", lemma) is not None


_AGO_UNITS = frozenset("segundos minuto minutos hora horas día días semana semanas mes meses año años "
                       "década décadas siglo siglos tiempo rato poco".split())


def _gerund_aside_end(doc, j: int, limit: int) -> int | None:
    """The comma that closes an aside opening at ``j`` with a gerund, right before "que": "dijo,
    sonriendo, que …", "afirmó, mirando a los diputados, que …" (how it was said, no verb of its own
    but the gerund); None otherwise."""
    if doc[j].pos_ not in ("VERB", "AUX") or "VerbForm=Ger" not in str(doc[j].morph):
        return None
    for k in range(j + 1, min(limit - 1, j + 12)):
        t = doc[k]
        if t.text == ",":
            return k if doc[k + 1].lower_ == "que" else None
        if t.pos_ in ("VERB", "AUX") and "VerbForm=Fin" in str(t.morph) or t.is_punct or t.lower_ == "que":
            return None
    return None


def _ago_end(doc, j: int, limit: int) -> int | None:
    """After "hace dos semanas", "hace unos días", "hace poco" (a time ago) opening at ``j``."""
    if doc[j].lower_ != "hace":
        return None
    for k in range(j + 1, min(limit, j + 4)):
        if doc[k].lower_ in _AGO_UNITS:
            return k + 1
        if doc[k].pos_ not in ("NUM", "DET", "ADJ", "ADV"):
            return None
    return None


_CHANNEL_PREPOSITIONS = frozenset("a al ante en por durante desde tras vía mediante".split())
# the same but "a": where, when or through what it was said (not to whom: "dijo a Ortiz, que …")
CHANNEL_WHERE = _CHANNEL_PREPOSITIONS - {"a", "al"}
_TOPIC_PREPOSITIONS = frozenset("sobre acerca respecto".split())  # "comentó sobre el caso, “…”"


def _channel_before(doc, tok: Token, first: int, j: int) -> bool:
    """Only a comma, or a prepositional phrase of where, to whom or about what it was said and a
    comma (or a channel's phrase and a quotation opening with a clause), between the cue and a
    quotation in lower case: "aseguró, “es el mejor”", "dijo por la
    radio del equipo, “lo volvimos a lograr”", "opinó sobre la sentencia, “no la entiendo”" (a
    sentence quoted whole, its capital dropped). Not a cue set off by
    commas itself ("Realizar esta labor, dijo, “es …”": the whole sentence is the content) or
    inside "según dijo"."""
    between = list(doc[first:j])
    if not between:
        return False
    if between[-1].text == ",":
        phrase = between[:-1]
    elif between[0].lower_ in _CHANNEL_PREPOSITIONS and any(t.pos_ in ("NOUN", "PROPN") for t in between) \
            and _opens_clause_quoted(doc, j + 1):
        phrase = between  # "aseguró en la radio “no vamos a votar …”": no comma, the quoted words
        # open with a clause's pronoun, adverb or verb (not an object: "criticó en el pleno “la falta …”")
    else:
        return False
    k = tok.i - 1
    while k >= 0 and (doc[k].pos_ == "AUX" or doc[k].lower_ in ("se", "le", "les", "me", "nos", "lo", "la")):
        k -= 1
    if k >= 0 and doc[k].lower_ in (",", "según", "como"):
        return False
    return not phrase or len(phrase) <= 8 and phrase[0].lower_ in _CHANNEL_PREPOSITIONS | _TOPIC_PREPOSITIONS \
        and all(t.pos_ in ("ADP", "DET", "NOUN", "PROPN", "ADJ") for t in phrase[1:])


def _opens_clause_quoted(doc, k: int) -> bool:
    """The quoted words at ``k`` open with a clause's pronoun, adverb or finite verb in lower case
    ("no estamos …", "hay que …"), not an object ("la falta de …") nor a directive's infinitive ("no
    caer en …")."""
    if k >= len(doc) or not doc[k].is_lower or doc[k].pos_ not in ("PRON", "ADV", "VERB", "AUX"):
        return False
    verb = doc[k + 1] if doc[k].lower_ == "no" and k + 1 < len(doc) else doc[k]
    return "VerbForm=Inf" not in str(verb.morph)


def _quote_follows(doc, first: int, j: int) -> bool:
    """Nothing but a preposition and an article between the cue and the quotation at ``j``, the
    addressee ("pidió al Ministerio “…”"), or a short object the quotation spells out: "aceptó su
    debilidad, “no tuvimos eficacia”"."""
    between = list(doc[first:j])
    if len(between) <= 2 and all(t.pos_ in ("ADP", "DET") for t in between) and (
            not between or between[0].lower_ in ("a", "al", "en", "de", "del", "sobre", "con")):
        return True  # "se explica por “…”" is a cause, not the speaker's words
    if 2 <= len(between) <= 6 and between[0].lower_ in ("a", "al") and all(
            t.pos_ in ("ADP", "DET", "NOUN", "PROPN", "ADJ") for t in between[1:]):
        return True  # "pidió al Ministerio «un plan de choque»": the addressee, then the words asked for
    return 3 <= len(between) <= 4 and between[-1].text in (",", ":") and between[0].pos_ == "DET" \
        and all(t.pos_ in ("DET", "NOUN", "ADJ") for t in between[:-1]) and any(t.pos_ == "NOUN" for t in between)


# words that introduce a name, title or slogan in quotation marks, not the speaker's own words
_NAMING = frozenset("llamado llamada llamados llamadas denominado denominada denominados denominadas "
                    "conocido conocida conocidos conocidas apodado apodada bautizado bautizada titulado "
                    "titulada lema etiqueta programa plan operativo campaña proyecto libro película "
                    "canción disco serie obra".split())


def _aside_mark(doc, j: int) -> bool:
    """The edge of an aside: a parenthesis, or a dash set off by a space (the tokenizer may keep a
    hyphen used as a dash on the word: "-como", "críticos-")."""
    t = doc[j]
    if t.text in ("(", ")", "—", "–"):
        return True
    before = j > 0 and bool(doc[j - 1].whitespace_)
    return t.text == "-" and (bool(t.whitespace_) or before) or len(t.text) > 1 and (
        t.text[0] == "-" and before or t.text[-1] == "-" and bool(t.whitespace_))


def _closes(t) -> bool:
    """An aside's closing mark: ")", or a dash with a space after it and none before it."""
    return t.text == ")" or t.text[-1] in "-—–" and bool(t.whitespace_) and (len(t.text) > 1 or t.i > 0 and not t.doc[t.i - 1].whitespace_)


def _aside_end(doc, j: int, limit: int) -> int | None:
    """Where the aside opened at ``j`` closes (the same dash, or ")"), within 30 tokens; None for a
    closing mark."""
    opening = doc[j].text
    if opening == ")" or _closes(doc[j]) and opening != "(":
        return None
    for k in range(j + 1, min(limit, j + 30)):
        text = doc[k].text
        if _aside_mark(doc, k) and (text == ")" if opening == "(" else text[-1] == opening[0] and text != "("):
            return k
    return None


def _with_article(doc, tok: Token, lemma: str, first: int) -> int:
    """Where the cue's object starts: ``first``, or the article before it that ``Context.clitics``
    took for a pronoun ("lamentó la “falta de palabra” del club": "la" opens the object)."""
    own = tok.i + 1 + phrase_words(tok, lemma)
    return own if own < first and doc[own].lower_ in ("la", "las", "los") else first


def _noun_object(doc, first: int, j: int) -> bool:
    """Tokens ``first``..``j`` are at most a noun phrase and its complements, no verb and no
    punctuation ("calma a las familias y sobre todo", "el plan de obras por"), or nothing."""
    between = list(doc[first:j])
    return len(between) <= 10 and all(
        t.pos_ in ("DET", "NOUN", "ADJ", "ADP", "CCONJ", "NUM") or t.lower_ in ("sobre", "todo", "también", "más")
        for t in between)


def _own_words(ctx: Context, q, doc, j: int) -> bool:
    """A quotation that holds words of the speaker's, not a name, title or slogan: its first word is
    not capitalised and no naming word ("el llamado", "el programa") stands right before it."""
    quoted = ctx.text[q.start:q.end]
    words = re.findall(r"\w+", quoted)
    if not words or not words[0][:1].islower() or "\n" in quoted:
        return False
    return not (j > 0 and doc[j - 1].lower_ in _NAMING) and not (j > 1 and doc[j - 1].lower_ in ("como", "de")
                                                                 and doc[j - 2].lower_ in _NAMING)


def _colon_after_free_relative(ctx: Context, que: int, limit: int) -> int | None:
    """The colon a free relative as the cue's object announces, when a quotation follows it: "La
    arquitecta explica lo que pasó: “El techo cedió”" (no other cue before the colon, which would
    be its own); ``limit``: the token the cue's window ends before."""
    doc = ctx.doc
    colon = next((k for k in range(que + 1, limit) if doc[k].text == ":"), None)
    if colon is None or any(k in ctx.cue_at for k in range(que + 1, colon)) \
            or ctx.quote_starting_at(doc[colon].idx + 1, " \t\n") is None:
        return None
    return colon


def _clause_without_que(ctx: Context, tok: Token, j: int, limit: int, lemma: str) -> bool:
    """A reported clause the writer did not open with "que" (common in the Mexican press): right
    after a speech verb, a finite verb ("afirmó habrá más fondos"), or "no"/"se" and one ("dijeron
    no hay heridos", "explicó se abrirán dos aulas").  Not when the cue itself sits in a
    relative clause ("lo que dijo fue …")."""
    doc = ctx.doc
    # (a sentence opening with the verb is no clausal subject, whatever the parse: "Señaló es necesario …")
    opening = all(not t.is_alpha for t in tok.sent[:tok.i - tok.sent.start])
    if cue_kind(lemma) != "speech" or tok.dep_ in ("acl", "relcl", "acl:relcl") or tok.dep_ == "csubj" and not opening \
            or tok.pos_ != "VERB" or tok.morph.get("Mood", []) != ["Ind"] \
            or tok.i > 0 and doc[tok.i - 1].lower_ in ("que", "quien", "quienes", "cual", "como", "lo", "la", "los",
                                                      "las", "el", "un", "una"):
        return False  # "sin ofrecer detalle dijo", "los mantienen no …", "el resumen no …"
    k = j
    while k < limit and k - j < 2 and doc[k].lower_ in ("no", "se", "ya"):
        k += 1
    if k >= limit or k + 1 >= limit:
        return False
    t = doc[k]
    return t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", [])


def _prepositional(doc, first: int, j: int) -> bool:
    """Tokens ``first``..``j`` are prepositional phrases only ("en un informe sobre la red")."""
    between = list(doc[first:j])
    return bool(between) and between[0].pos_ == "ADP" and all(
        t.pos_ in ("ADP", "DET", "NOUN", "PROPN", "ADJ", "NUM") for t in between)


_ADJECTIVE_ENDINGS = ("nte", "ble", "rio", "ria", "ivo", "iva", "oso", "osa")


def _adjective_clause(doc, j: int, limit: int) -> bool:
    """Adjectives (joined by "y", "e", ","), then an infinitive or "que": "necesario y pertinente salir"."""
    k = j
    while k < limit and (doc[k].pos_ == "ADJ" or doc[k].lower_ in ("y", "e", ",", "muy", "más", "igual", "de", "tan", "poco")
                         or k > j and doc[k - 1].lower_ in ("y", "e", ",") and doc[k].pos_ == "ADV"
                         and doc[k].lower_.endswith(_ADJECTIVE_ENDINGS)):  # ("pertinente" tagged an adverb)
        k += 1
    return k < limit and any(doc[x].pos_ == "ADJ" for x in range(j, k)) \
        and (doc[k].lower_ == "que" or "VerbForm=Inf" in str(doc[k].morph))  # ("igual de importante mantener …")


def _subject_first(que: Token) -> bool:
    """The clause after "que" has a subject of its own before its verb ("que las visitas se reanudan")."""
    return any(c.dep_ == "nsubj" and que.i < c.i < que.head.i for c in que.head.children)


def _channel_phrase(noun: Token) -> bool:
    """A noun in a phrase of how or where something was said ("informó, mediante un comunicado, que
    …", "a través de una carta", "en rueda de prensa"): no speaker a relative clause could be about
    ("señala Ortiz, que dirige …"); "a" and "de" alone mark an addressee or a body's complement, "con"
    a companion ("junto con Vexa, que …")."""
    case = next((c for c in noun.children if c.dep_ == "case"), None)
    return case is not None and (case.lower_ in CHANNEL_WHERE or case.lower_ == "a" and any(
        c.dep_ == "fixed" and c.lower_ == "través" for c in case.children))


def _relative(que: Token) -> bool:
    """A relative "que" (subject or object of a clause that modifies a noun), not a complementiser."""
    prev = que.doc[que.i - 1]
    if que.dep_ == "nsubj" and _subject_first(que):
        return False  # "informó a las familias que las visitas se reanudan": the clause has its own subject
        # before its verb (not "la demanda que investiga la Fiscalía": an object relative, its subject after)
    # ", que el quirófano abrirá" after a long aside is the complement even when parsed as a relative;
    # "un plan que enfrenta" (the noun right before) is a relative.
    if prev.pos_ in ("NOUN", "PROPN") and que.head.dep_ in ("acl", "acl:relcl", "relcl") and que.head.head.i == prev.i:
        return True
    # "actos de acoso sexual que se reportan": the noun's adjective or complement before it, the clause
    # on a noun before ("la oferta de calidad que llevan prestando")
    noun = que.head.head
    return (prev.pos_ == "ADJ" or prev.head.i == noun.i) and que.pos_ == "PRON" \
        and que.head.dep_ in ("acl", "acl:relcl", "relcl") and noun.pos_ in ("NOUN", "PROPN") and que.i - 6 <= noun.i < que.i


def _subject_relative(cue: Token, que: Token, sent: Span) -> bool:
    """"que" opening a relative clause on the postposed subject of a cue that follows what was said
    ("La obra seguirá, dijo el alcalde que visitó la planta."; not "…, dijo el alcalde que la planta
    abrirá", a clause with its own subject, nor "Asimismo, recordó el portero que …": no clause
    before the cue)."""
    doc = que.doc
    prev = doc[que.i - 1]
    return cue.i > sent.start and doc[cue.i - 1].text in (",", "”", "»", '"') and prev.dep_ == "nsubj" \
        and prev.head.i == cue.i and prev.i > cue.i and _relative(que) \
        and any("VerbForm=Fin" in str(t.morph) for t in doc[sent.start:cue.i - 1])


def _object_relative(ctx: Context, cue: Token, que: Token) -> bool:
    """"que" right after the cue's own direct object, a thing ("destacó el esfuerzo que hicieron
    los vecinos"): a relative clause on that object. A person there is a postposed subject or the
    addressee ("recordó el ministro que …"), whom the parser may also read as an object."""
    prev = que.doc[que.i - 1]
    if prev.pos_ in ("ADJ", "NOUN") and prev.i != que.head.head.i and _relative(que):
        prev = que.head.head  # "destacó el esfuerzo enorme que hicieron …", "mantendrán la oferta de calidad que …"
    if prev.pos_ == "NOUN" and prev.head.i == cue.i and _relative(que):
        marks = {c.lower_ for c in prev.children if c.dep_ in ("case", "mark")}
        if "como" in marks:
            return True  # what the object is taken for, a person too: "la describió como la actriz que mejor …"
        if not ctx.resolver.person_like([prev]) and (prev.dep_ == "obj" or marks & {"sobre", "acerca"} and not _subject_first(que)):
            return True  # (or the topic: "informó sobre el caso que sigue abierto"; not "dijo sobre su disco que
            # las canciones nacieron …", a clause with its own subject first)
    # deeper in the object or an adverbial ("reveló la existencia de programas que juntan …", "pidió
    # disculpas por el escándalo que involucró …"): a clause the parser hangs on a noun between the
    # cue and "que", not on the addressee ("pidió a las autoridades que investiguen")
    noun = que.head.head
    if que.pos_ != "PRON" or que.head.dep_ not in ("acl", "acl:relcl", "relcl") or noun.pos_ not in ("NOUN", "PROPN") \
            or not cue.i < noun.i < que.i:
        return False
    up = noun
    while up.head.i != cue.i and up.head.i != up.i and cue.i < up.head.i < que.i:
        up = up.head
    if prev.text == ",":
        # ", que …" after where or when it was said is the complement ("declaró tras la publicación,
        # que …"); after the cue's object or its postposed subject, a clause without a subject of its
        # own is a relative on it ("publicó un reportaje, que quedó guardado …", "dijeron fuentes
        # oficiales, que dieron cifras distintas …"; not "explicó el alcalde, que la obra seguirá")
        return up.head.i == cue.i and up.dep_ in ("obj", "nsubj") and not _subject_first(que) \
            and not any(t.lower_ in ("a", "al") for t in que.doc[up.left_edge.i:up.i])
    if noun.head.i == cue.i:
        return False
    opening = que.doc[up.left_edge.i].lower_
    # (not after where or when it was said: "destacó en una de sus intervenciones que …")
    # (the subject of a passive "se" after the cue is its object: "exigir se les reconozca el paro iniciado en una fábrica que …")
    passive = up.dep_ == "nsubj" and up.i > cue.i and any(c.lower_ == "se" for c in cue.children) \
        and not ctx.resolver.person_like([up])
    return up.head.i == cue.i and (up.dep_ in ("obj", "obl", "nmod") or passive) and opening not in _SAID_WHERE \
        and not any(t.lower_ in ("a", "al") for t in que.doc[up.left_edge.i:up.i])


def _clause_from(ctx: Context, tok: Token, cue: Cue, sent: Span, lemma: str, j: int) -> bool:
    """Reported content from token ``j`` (an infinitive or a judgement) to where the clause ends."""
    doc = ctx.doc
    if cue_kind(lemma) == "decision" and ("VerbForm=Inf" in str(doc[j].morph) or doc[j].lower_ == "no"):
        return False  # "descartó subir los impuestos", "consideró demandar al club": the act, not a statement
        # (a judgement is one: "consideró necesario ampliar la red")
    end = ctx.content_end(j, sent, cue=tok)
    speaker = ctx.speaker_for(tok, sent, postposed=False)
    end_char = doc[end - 1].idx + len(doc[end - 1].text)
    kind = ctx.kind_of(doc[j].idx, end_char)
    added = ctx.add("mixed" if kind == "direct" else kind, speaker, cue, doc[j].idx, end_char, sent,
                    "indirect_infinitive", lemma) is not None
    _colon_quote(ctx, end, speaker, cue, sent, lemma)
    return added


def _colon_quote(ctx: Context, end: int, speaker, cue: Cue, sent: Span, lemma: str) -> None:
    """Reported speech that ends at a colon before a quoted sentence ("dijo que es grave: “No
    tenemos camas”"): the quotation is the same speaker's direct claim."""
    if end < len(ctx.doc) and ctx.doc[end].text == ":":
        q = ctx.colon_quote(ctx.doc[end])
        if q is not None:
            ctx.add(ctx.kind_of(q.start, q.end), speaker, cue, q.start, q.end, sent, "direct_colon", lemma)
