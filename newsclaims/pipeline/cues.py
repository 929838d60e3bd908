"""Cues: verbs of communication (by lemma, robust to the tagger) and attribution phrases.

The small Spanish model lemmatises some forms wrongly and tags sentence-initial verbs as proper
nouns, so a token is a cue when the form table of ``rules/es/cue_verbs.tsv`` knows its form (with
enclitics removed: "recordándole" -> recordar) or the model's lemma is a cue lemma on a verb.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..rules import attribution_phrases, cue_lexicon, fold, word_set


def cue_lemma(token: Token) -> str | None:
    """The cue lemma of ``token``, or None.  "había dicho": "dicho" -> "decir" (with its auxiliary)."""
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
    if token.pos_ not in ("VERB", "AUX") and low not in lex.strong and not (initial and token.text[:1].isupper()) \
            and not token.text.endswith(("le", "les", "lo", "la")):
        return None
    if "VerbForm=Inf" in str(token.morph) or low == lemma:
        # An infinitive reports speech only in a periphrasis ("volvió a decir que"), not in
        # "es ofensivo pensar que" or "se negó a decir si".
        if not _in_periphrasis(token):
            return None
    if low.endswith(("ado", "ada", "ido", "ida", "to", "cho")) and lex.forms.get(low) == lemma:
        # A participle counts only in a compound tense: "ha dicho", "había declarado".
        if not any(c.dep_ == "aux" and c.lemma_ == "haber" for c in token.children) and not (
                token.i > 0 and token.doc[token.i - 1].lemma_ == "haber"):
            return None
    return lemma


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


def cue_kind(lemma: str) -> str:
    return cue_lexicon().verbs[lemma].kind


def cue_span(token: Token) -> tuple[int, int]:
    """Character span of the cue with its auxiliaries ("había dicho", "ha declarado")."""
    start = token
    doc = token.doc
    j = token.i - 1
    while j >= 0 and doc[j].pos_ == "AUX" and doc[j].lemma_ in ("haber",) and j >= token.i - 2:
        start = doc[j]
        j -= 1
    return start.idx, token.idx + len(token.text)


_CONTRACTIONS = {"de": ("de", "del"), "a": ("a", "al")}


def _matches(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    """Word-by-word match; a final "de"/"a" also matches "del"/"al" ("a juicio del experto")."""
    if i + len(phrase) > len(words):
        return False
    for k, w in enumerate(phrase):
        if words[i + k] != w and not (k == len(phrase) - 1 and words[i + k] in _CONTRACTIONS.get(w, ())):
            return False
    return True


def find_phrases(doc: Doc) -> list[tuple[int, int, str, str]]:
    """Attribution phrases as (first token, end token, phrase, position rule)."""
    out = []
    words = [fold(t.lower_) for t in doc]
    by_first: dict[str, list] = {}
    for row in attribution_phrases():
        by_first.setdefault(row[0][0], []).append(row)
    i = 0
    while i < len(doc):
        for phrase, position, written in by_first.get(words[i], ()):
            n = len(phrase)
            if _matches(words, i, phrase):
                out.append((i, i + n, written, position))
                i += n - 1
                break
        i += 1
    return out


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
        for t in doc:
            lemma = cue_lemma(t)
            if lemma is not None and cue_kind(lemma) != "quoting":
                spans.append(Span(doc, t.i, t.i + 1, label=lemma))
        for start, end, _phrase, _pos in find_phrases(doc):
            spans.append(Span(doc, start, end, label="according_to"))
        doc.spans[self.spans_key] = sorted(spans, key=lambda s: s.start)
        return doc
