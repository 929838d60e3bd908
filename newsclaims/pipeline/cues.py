"""Cues: verbs of communication (by lemma, robust to the tagger) and attribution phrases.

The small Spanish model lemmatises some forms wrongly and tags sentence-initial verbs as proper
nouns, so a token is a cue when the form table of ``rules/es/cue_verbs.tsv`` knows its form (with
enclitics removed: "recordándole" -> recordar) or the model's lemma is a cue lemma on a verb.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..rules import attribution_phrases, cue_lexicon, cue_verb_non_senses, cue_verb_phrases, fold, word_set
from .mentions import hash_table, in_table

# cue_lemma's answers for the Doc read last, by token index, and the tokens that may be cues at
# all: the rules ask about the same tokens many times over, most of them no cue (as
# doc_tokens.tokens, one Doc at a time; another Doc starts afresh).
_memo: tuple[Doc | None, int, dict[int, str | None], set[int]] = (None, 0, {}, set())


def _memo_of(doc: Doc) -> tuple[dict[int, str | None], set[int]]:
    """``cue_lemma``'s answers so far for ``doc`` and the tokens that may be cues (made afresh for
    another Doc than the one read last)."""
    global _memo
    held, n, memo, possible = _memo
    if held is not doc or n != len(doc):
        memo, possible = {}, _possible(doc)
        _memo = (doc, len(doc), memo, possible)
    return memo, possible


def cue_lemma(token: Token) -> str | None:
    """The cue lemma of ``token``, or None.  "había dicho": "dicho" -> "decir" (with its auxiliary)."""
    memo, possible = _memo_of(token.doc)
    i = token.i
    if i not in memo:
        memo[i] = _cue_lemma(token) if i in possible else None
    return memo[i]


def cue_lemmas(doc: Doc, start: int, end: int) -> Iterator[str]:
    """The cue lemmas of ``doc[start:end]``, in order (only the tokens that may be cues are read)."""
    _, possible = _memo_of(doc)
    for i in range(start, end):
        if i in possible:
            lemma = cue_lemma(doc[i])
            if lemma is not None:
                yield lemma


_FORM_IS_CUE: dict[int, bool] = {}  # a lower-case form's hash -> whether the cue table knows it


def _possible(doc: Doc) -> set[int]:
    """Indices of the tokens whose form the cue table knows (enclitics removed) and of the verbs
    whose lemma is a cue's: only these can be cues (found on the token arrays, each form once)."""
    import numpy
    from spacy.attrs import LEMMA, LOWER, POS
    from spacy.symbols import AUX, VERB

    if not len(doc):
        return set()
    lex, strings, seen = cue_lexicon(), doc.vocab.strings, _FORM_IS_CUE
    if len(seen) > 500_000:
        seen.clear()  # (a bound on a long run's memory: the forms met again are looked up again)
    arr = doc.to_array([LOWER, POS, LEMMA])
    known = []
    for h in numpy.unique(arr[:, 0]).tolist():  # (sorted, as in_table wants its table)
        is_cue = seen.get(h)
        if is_cue is None:
            is_cue = seen[h] = lex.lemma_of(strings[h]) is not None
        if is_cue:
            known.append(h)
    verbs = ((arr[:, 1] == VERB) | (arr[:, 1] == AUX)) & in_table(arr[:, 2], hash_table("cue lemmas", doc, lex.verbs))
    return set(numpy.flatnonzero(in_table(arr[:, 0], numpy.array(known, dtype="uint64")) | verbs).tolist())


def _cue_lemma(token: Token) -> str | None:
    lex = cue_lexicon()
    low = token.lower_
    lemma = lex.lemma_of(low)
    if lemma is None and token.pos_ in ("VERB", "AUX") and token.lemma_ in lex.verbs:
        lemma = token.lemma_
    if lemma is None:
        return None
    # The tagger calls sentence-initial verbs proper nouns ("Recuerda que …", "Destaca la ministra …"):
    # trust the form table there, and for unambiguous past-tense forms anywhere.
    initial = token.i == 0 or token.is_sent_start or token.doc[token.i - 1].is_space or token.doc[token.i - 1].text in "\"“«"
    # So is a lower-case form right after a quotation and its comma ("“…”, asevera Luis Pardo").
    after_quote = token.i >= 2 and token.is_lower and token.doc[token.i - 1].text == "," \
        and token.doc[token.i - 2].text in ("\"", "”", "»")
    if token.pos_ not in ("VERB", "AUX") and low not in lex.strong and not (initial and token.text[:1].isupper()) \
            and not after_quote and not _after_segun(token) \
            and not (token.is_lower and token.text.endswith(("le", "les", "lo", "la"))):
        return None  # (an enclitic form in lower case: "Revelo" inside a name is no "revelo")
    if low.endswith(("amos", "emos", "imos")) and token.i > 0 and token.doc[token.i - 1].lower_ in ("te", "os"):
        return None  # "Te recomendamos: …", "te contamos que …": the medium addressing its reader
    if "Person=1" in str(token.morph) and token.pos_ in ("VERB", "AUX") \
            and low.endswith(("o", "é", "í", "amos", "emos", "imos", "ía", "aba")) and not low.endswith("ó"):
        return None  # "creo que …", "pedimos que …": the speaker's own words inside a quotation, or the
        # journalist's; reported speech is in the third person
    if lemma in cue_verb_phrases() and not phrase_words(token, lemma):
        return None  # "dejó a su hijo": "dejar" speaks only in "dejó claro que …"
    if lemma == "recordar" and token.i > 0 and token.doc[token.i - 1].lower_ in ("no", "ni"):
        return None  # "no recuerda haber salido", "no recuerda que …": to remember, not to remind
    for words in cue_verb_non_senses().get(lemma, ()):
        after = token.doc[token.i + 1:token.i + 1 + len(words)]
        if len(after) == len(words) and tuple(fold(t.text) for t in after) == words:
            return None  # "cuenta con dos quirófanos que …": "contar con" is to have
    if "VerbForm=Inf" in str(token.morph) and _INFINITIVE.search(low) or low == lemma:
        # (the tagger's infinitive on a finite form, "Expuso que …", is a slip: the form says)
        # An infinitive reports speech only in a periphrasis ("volvió a decir que"), not in
        # "es ofensivo pensar que" or "se negó a decir si".
        if not _in_periphrasis(token) and not after_al(token) and speech_purpose(token) is None:
            return None
    if "VerbForm=Part" in str(token.morph) or (low.endswith(("ado", "ada", "ido", "ida", "to", "cho")) and lex.forms.get(low) == lemma) or \
            (low.endswith(("ados", "adas", "idos", "idas", "tos", "tas", "chos", "chas")) and lex.forms.get(low[:-1]) == lemma):
        # A participle counts only in a compound tense: "ha dicho", "había declarado".
        if not any(c.dep_ == "aux" and c.lemma_ == "haber" for c in token.children) and not (
                token.i > 0 and token.doc[token.i - 1].lemma_ == "haber"):
            return None
        if token.i > 0 and token.doc[token.i - 1].lower_ == "sido" \
                or any(c.dep_ == "aux:pass" or c.lower_ == "sido" for c in token.children):
            return None  # "ha sido mencionado en miles de mensajes": a passive, its subject is who is spoken of
    return lemma


# an infinitive's ending, with its enclitics ("decir", "decirle", "reírse", "explicárselo")
_INFINITIVE = re.compile(r"(?:ar|er|ir|ír)(?:se|me|te|le|les|lo|la|los|las|nos)*$")

_PAST_ENDINGS = (("aron", ("ar",)), ("ieron", ("ir", "er")), ("aban", ("ar",)), ("aba", ("ar",)),
                 ("ían", ("ir", "er")), ("ía", ("ir", "er")), ("ió", ("ir", "iar", "er")), ("ó", ("ar",)))


def past_lemmas(form: str) -> list[str]:
    """The infinitives a regular third-person past form may come from, the likeliest first, for verbs
    the small model does not know or lemmatises wrongly: "zanjó" -> zanjar; "aturdió" -> aturdir,
    aturdiar, aturder ("obvió" -> obviar is the second); "hallaron" -> hallar; [] for no such form."""
    for ending, infinitives in _PAST_ENDINGS:
        if form.endswith(ending):
            stem = form[:-len(ending)]
            return [stem + inf for inf in infinitives]
    return []


def phrase_words(token: Token, lemma: str | None = None) -> int:
    """How many words after a cue verb belong to it ("dejó en claro que" -> 2), 0 for most verbs."""
    phrases = cue_verb_phrases().get(lemma or cue_lexicon().lemma_of(token.lower_) or token.lemma_, ())
    doc = token.doc
    for phrase in phrases:
        end = token.i + 1 + len(phrase)
        if end <= len(doc) and tuple(fold(t.text) for t in doc[token.i + 1:end]) == phrase:
            return len(phrase)
    return 0


def after_al(token: Token) -> bool:
    """ "…, al señalar que …", "tras afirmar que", "luego de asegurar que": "al" (or a word of time)
    and an infinitive of speech report what the main clause's subject said as it acted (the content
    must open with "que" right after)."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "que" or token.i == 0 or token.lower_.endswith("se"):
        return False  # "tras concluirse que …": impersonal, nobody speaks
    prev = doc[token.i - 1].lower_
    return prev in ("al", "tras") or prev == "de" and token.i > 1 and doc[token.i - 2].lower_ in ("luego", "después", "antes")


def fronted_al_comma(token: Token) -> int | None:
    """ "Al afirmar que el plan es caro, la diputada pidió …": the comma that ends the fronted
    clause of an "al" infinitive opening its sentence (the last one before the main verb it hangs
    on), where the reported content ends and the main clause with the speaker starts; None else."""
    doc = token.doc
    if not after_al(token) or token.head.i <= token.i + 2 or token.dep_ != "advcl":
        return None
    first = token.i - 1 if doc[token.i - 1].lower_ == "al" else token.i - 2
    if not (doc[first].is_sent_start or doc[first - 1].is_space and "\n" in doc[first - 1].text
            or doc[first - 1].lower_ in ("y", "pero", "e") and doc[first - 1].is_sent_start):
        return None
    commas = [t.i for t in doc[token.i + 2:token.head.i] if t.text == ","]
    return commas[-1] if commas else None


def fronted_clause_comma(token: Token) -> int | None:
    """ "Aunque reconoció que no hay planes, la empresa dependerá …", "Luego de que circularan
    rumores que decían que …, el ministro envió …": the comma that ends a subordinate clause opening
    its sentence, when the cue is inside it and the main clause follows; None else."""
    r = fronted_al_comma(token)
    if r is None and token.pos_ in ("VERB", "AUX"):
        r = _advcl_comma(token)
        if r is None:
            r = _subordinate_cue_comma(token)
    return r


def _opens_clause(tok: Token) -> bool:
    """The word opens its sentence or line, or follows only a short opener and its comma ("Entonces,
    aunque …")."""
    doc = tok.doc
    if tok.is_sent_start or tok.i > 0 and doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text:
        return True
    start = tok.sent.start
    return tok.i > start and doc[tok.i - 1].text == "," and tok.i - start <= 4 \
        and not any(t.pos_ in ("VERB", "AUX") for t in doc[start:tok.i])


def _advcl_comma(token: Token) -> int | None:
    """The cue inside a fronted adverbial clause, the main verb after it (parsed so)."""
    doc = token.doc
    h = token
    for _ in range(4):
        if h.dep_ == "advcl" or h.head.i == h.i:
            break
        h = h.head
    if h.dep_ != "advcl":
        return None
    main, first = h.head, h.left_edge
    if main.i < h.i and main.dep_ == "advmod" and main.i == h.left_edge.i - 1 - sum(
            c.dep_ == "mark" and c.i < h.left_edge.i for c in h.children):
        # "Luego de que …": the adverb was parsed the clause's head
        main, first = main.head, main
    if main.i <= token.i + 2 or not _opens_clause(first):
        return None
    close = h.right_edge.i if doc[h.right_edge.i].text == "," else h.right_edge.i + 1
    if close <= token.i + 1 or close >= main.i or doc[close].text != ",":
        return None
    return close


def _subordinate_cue_comma(token: Token) -> int | None:
    """The cue governs the subordinator opening the sentence ("Aunque el alcalde dijo que …", "Cuando
    el juez explicó que …": the parser made it the root): the main clause starts after the first
    comma followed by a subject and its finite verb ("…, los vecinos siguen sin agua")."""
    doc = token.doc
    mark = next((c for c in token.children if c.dep_ == "mark" and c.i < token.i), None)
    if mark is None or mark.lower_ == "que" or not _opens_clause(mark):
        return None
    end = token.sent.end
    for i in range(token.i + 2, end - 2):
        if doc[i].text != ",":
            continue
        j = i + 1
        while j < end and doc[j].pos_ in ("DET", "NUM", "ADJ"):
            j += 1
        if j >= end or doc[j].pos_ not in ("NOUN", "PROPN"):
            continue
        verb = next((t for t in doc[j + 1:min(end, j + 8)] if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or "Fin" not in verb.morph.get("VerbForm", []) \
                or any(t.lower_ in ("que", "y", "e", "o", "u", "ni") or t.text in ",;:" for t in doc[i + 1:verb.i]):
            continue
        if any(c.dep_ in ("nsubj", "nsubj:pass") and i < c.i < verb.i for c in verb.children) \
                or verb.head.i == verb.i or any(c.dep_ in ("nsubj", "nsubj:pass") and i < c.i < verb.i
                                                for c in verb.head.children):
            return i
    return None


def _in_periphrasis(token: Token) -> bool:
    """Whether an infinitive hangs from a periphrastic verb ("volvió a decir") or has one as its
    auxiliary (UD: "pudo confirmar", "va a anunciar")."""
    table = word_set("periphrasis_verbs.tsv")
    governors = [c for c in token.children if c.dep_ == "aux"]
    if token.head.i != token.i:
        governors.append(token.head)
    for g in governors:
        low = g.lower_
        if g.lemma_.lower() in table or any(len(v) > 3 and low.startswith(v[:-2]) for v in table):
            return True
    return False


def speech_purpose(token: Token) -> Token | None:
    """The verb of the speech act an infinitive after "para" states the purpose of, or None:
    "emitió un mensaje para aclarar que …", "pidió la palabra para advertir que …" (the verb's object a
    noun of ``speech_acts.tsv``, the verb not negated, the infinitive's "que" or colon right after it;
    not "firmó el acuerdo para asegurar que …")."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in ("que", ":") \
            or not any(c.lower_ == "para" and c.i < token.i for c in token.children):
        return None  # (its own "que" clause or a colon right after it: "… para aclarar que …")
    acts = word_set("speech_acts.tsv")

    def spoken(noun: Token) -> bool:
        return noun.pos_ == "NOUN" and (noun.lemma_.lower() in acts or noun.lower_ in acts)

    head = token.head
    if token.dep_ == "acl" and spoken(head) and head.dep_ in ("obj", "obl") and head.i < token.i:
        act = head.head  # ("emitió un mensaje para aclarar …": the parser may hang the purpose on the noun)
    elif token.dep_ == "advcl" and any(c.dep_ in ("obj", "obl") and c.i < token.i and spoken(c) for c in head.children):
        act = head
    else:
        return None
    if act.pos_ != "VERB" or act.i == token.i or any(c.lower_ in ("no", "nunca", "ni") for c in act.children
                                                     if c.dep_ == "advmod"):
        return None
    return act


def cue_kind(lemma: str) -> str:
    return cue_lexicon().verbs[lemma].kind


@lru_cache(maxsize=None)
def pronominal(lemma: str) -> bool:
    """Whether the cue verb is spoken with "se" of its own ("se quejó", "se jactó"): its table
    example says so. Such a "se" never makes the verb impersonal ("“…”, se quejó.")."""
    lex = cue_lexicon()
    verb = lex.verbs.get(lemma)
    if verb is None:
        return False
    words = [fold(w.strip(".,:;“”\"")) for w in verb.example.lower().split()]
    return any(a == "se" and lex.lemma_of(b) == lemma for a, b in zip(words, words[1:]))


# clitics of the person told, right before a speech verb ("le dice", "según me contó")
PROCLITICS = frozenset({"le", "les", "nos", "me", "te", "os"})


def cue_span(token: Token) -> tuple[int, int]:
    """Character span of the cue with its auxiliaries ("había dicho", "ha declarado")."""
    start = token
    doc = token.doc
    j = token.i - 1
    while j >= 0 and doc[j].pos_ == "AUX" and doc[j].lemma_ in ("haber",) and j >= token.i - 2:
        start = doc[j]
        j -= 1
    while j >= 0 and j >= start.i - 2 and doc[j].pos_ == "PRON" and doc[j].lower_ in PROCLITICS:
        start = doc[j]  # "“…”, le dice a la radio X": the clitic belongs to the cue
        j -= 1
    last = doc[token.i + phrase_words(token)]
    return start.idx, last.idx + len(last.text)


_CONTRACTIONS = {"de": ("de", "del"), "a": ("a", "al")}


def _matches(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    """Word-by-word match; a final "de"/"a" also matches "del"/"al" ("a juicio del experto")."""
    if i + len(phrase) > len(words):
        return False
    for k, w in enumerate(phrase):
        if words[i + k] != w and not (k == len(phrase) - 1 and words[i + k] in _CONTRACTIONS.get(w, ())):
            return False
    return True


@lru_cache(maxsize=None)
def _phrases_by_first() -> tuple[dict[str, list], dict[str, int], frozenset[str]]:
    """The attribution phrases by their first (folded) word, the longest phrase's length per word,
    and the forms a first word is written in ("segun" opens "según" too)."""
    by_first: dict[str, list] = {}
    for row in attribution_phrases():
        by_first.setdefault(row[0][0], []).append(row)
    return (by_first, {w: max(len(r[0]) for r in rows) for w, rows in by_first.items()},
            frozenset(by_first) | {w.replace("u", "ú") for w in by_first})


@lru_cache(maxsize=None)
def _second_words() -> dict[str, frozenset[str] | None]:
    """For each first word, the words that may follow it in one of its phrases (None where a phrase
    is that word alone): most of the tokens a first word opens ("de", "en") are then left at once."""
    out: dict[str, frozenset[str] | None] = {}
    for first, rows in _phrases_by_first()[0].items():
        if any(len(phrase) == 1 for phrase, *_ in rows):
            out[first] = None
            continue
        seconds = set()
        for phrase, *_ in rows:
            seconds.add(phrase[1])
            if len(phrase) == 2:
                seconds.update(_CONTRACTIONS.get(phrase[1], ()))
        out[first] = frozenset(seconds)
    return out


def find_phrases(doc: Doc) -> list[tuple[int, int, str, str]]:
    """Attribution phrases as (first token, end token, phrase, position rule); found once per Doc."""
    import numpy

    key = "newsclaims_phrases"
    if key in doc.user_data:
        return doc.user_data[key]
    by_first, longest, openers = _phrases_by_first()
    # Only tokens whose lower-case form could open a phrase are looked at (found on the token array).
    firsts = hash_table("phrase openers", doc, openers)
    strings = doc.vocab.strings
    lowers = doc.to_array("LOWER")
    out: list[tuple[int, int, str, str]] = []
    after = 0  # the token after the last phrase found: phrases do not overlap
    for i in numpy.nonzero(in_table(lowers, firsts))[0].tolist():
        if i < after:
            continue
        first = fold(strings[int(lowers[i])])
        seconds = _second_words()[first]
        if seconds is not None and (i + 1 >= len(lowers) or fold(strings[int(lowers[i + 1])]) not in seconds):
            continue
        words = [fold(strings[int(x)]) for x in lowers[i:i + longest[first]]]
        for phrase, position, written in by_first[first]:
            if _matches(words, 0, phrase) and (position != "verb" or _speech_verb_after(doc, i, i + len(phrase))):
                out.append((i, i + len(phrase), written, position))
                after = i + len(phrase)
                break
    doc.user_data[key] = out
    return out


# a conjunction or connective that may open a sentence before its attribution phrase, a comma or
# not ("Pero según la ministra, …", "Y, de acuerdo con el informe, …"), folded
LINKING_WORDS = frozenset({"pero", "y", "e", "mas", "aunque", "pues", "ahora", "entonces", "ademas", "asimismo",
                           "tambien", "incluso"})


def _after_segun(token: Token) -> bool:
    """A lower-case cue form right after "según" (and a clitic) is the verb whatever the tag: "según
    cuenta en la entrevista", "según me contó"; not a noun with its complement ("según informe de …")."""
    doc, k = token.doc, token.i - 1
    if k >= 0 and doc[k].lower_ in PROCLITICS:
        k -= 1
    return k >= 0 and token.is_lower and fold(doc[k].text) == "segun" \
        and not (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("de", "del"))


def source_verb(token: Token) -> str | None:
    """The lemma of a speech verb right after a source phrase ("según advierten los autores"): a cue,
    or a listed form that is no infinitive whatever the tagger made of it."""
    lemma = cue_lemma(token)
    if lemma is None and token.pos_ in ("VERB", "AUX") and not token.lower_.endswith(("ar", "er", "ir")):
        lemma = cue_lexicon().lemma_of(token.lower_)
    return lemma


def _speech_verb_after(doc: Doc, first: int, end: int) -> bool:
    """A "verb" phrase ("como", "tal como") introduces a source only before a finite speech verb
    ("Como explicó la ministra, …", "como lo señaló el juez"), never after "así" ("así como")."""
    if first > 0 and doc[first - 1].lower_ == "así":
        return False
    k = end + 1 if end < len(doc) and doc[end].lower_ == "lo" else end
    if k >= len(doc):
        return False
    lemma = cue_lemma(doc[k])
    morph = str(doc[k].morph)
    return lemma is not None and cue_kind(lemma) == "speech" and "VerbForm=Fin" in morph and "Person=3" in morph


def _candidates(doc: Doc):
    """Tokens that may be cues: verbs, and words whose form the cue table knows (the tagger's
    mistakes), among those ``_possible`` keeps. Selected on the token arrays, so the other tokens
    are never built in Python."""
    import numpy
    from spacy.symbols import AUX, VERB

    if not len(doc):
        return
    arr = doc.to_array(["POS", "LOWER"])
    mask = (arr[:, 0] == VERB) | (arr[:, 0] == AUX) | in_table(arr[:, 1], hash_table("cue forms", doc, cue_lexicon().forms))
    _, possible = _memo_of(doc)
    for i in numpy.nonzero(mask)[0].tolist():
        if i in possible:  # (the others are no cue: ``cue_lemma`` would say None)
            yield doc[i]


@Language.factory("newsclaims_cues", assigns=["doc.spans"], default_config={"spans_key": "newsclaims_cues"})
def make_cues(nlp: Language, name: str, spans_key: str) -> "CueFinder":
    return CueFinder(spans_key=spans_key)


class CueFinder:
    """Sets ``doc.spans[spans_key]``: cue verbs (label = lemma) and attribution phrases
    (label "according_to").  "Según la policía, el conductor huyó" marks "Según"."""

    def __init__(self, *, spans_key: str = "newsclaims_cues") -> None:
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for t in _candidates(doc):
            lemma = cue_lemma(t)
            if lemma is not None and cue_kind(lemma) != "quoting":
                spans.append(Span(doc, t.i, t.i + 1, label=lemma))
        doc.user_data["newsclaims_cue_tokens"] = {s.start: s.label_ for s in spans}
        for start, end, _phrase, _pos in find_phrases(doc):
            spans.append(Span(doc, start, end, label="according_to"))
        doc.spans[self.spans_key] = sorted(spans, key=lambda s: s.start)
        return doc
