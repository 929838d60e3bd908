"""Claims: who said what.  The ``newsclaims_claims`` component.

Each pattern family has its own module in ``newsclaims.pipeline.patterns``, over one shared
per-document ``Context`` (``newsclaims.pipeline.context``).  This file holds only their order and
the de-duplication.  Per sentence, in this fixed order:

1. ``cue_right``   cue verbs looking right: "La ministra dijo que habrá ayudas", "negó haber cobrado",
                   "dijo: “Vamos a ganar”", "dijo “Vamos a ganar”";
2. ``cue_left``    cue verbs looking left: "“Vamos a ganar”, dijo el alcalde", "La obra se retrasa,
                   admitió la ministra", "“Vamos”, dijo, “a ganar”", "«Vamos —dijo— a ganar»";
   ``object_cues`` when neither finds content: "La alcaldesa destacó la labor de los bomberos";
   ``unlisted``    a verb no table lists before an asserted "que" clause: "La diputada aportó que …";
3. ``attribution`` "Según la policía, el conductor huyó", "…, de acuerdo con la fiscalía";
4. ``speech_nouns`` "“Quédense en casa”, fue el mensaje de la doctora Ana Ruiz", "Les dedicó lo
                   siguiente: “…”", "Sus primeras palabras fueron “…”";
5. ``headlines``   "La reforma llegará en mayo: Ana Ruiz", "Destaca Ana Ruiz la labor de …";
6. ``floating``    a quotation that opens a sentence with no cue continues the current speaker.
Embedded posts (``posts``: "— Ana Ruiz (@anaruiz) May 3, 2020") are found first, over the whole text.

Overlapping findings are de-duplicated once, at the end (``dedupe``).

Results: ``doc._.claims`` (list of ``newsclaims.claims.Claim``), ``doc._.entities`` and
``doc.spans["newsclaims_claims"]`` (the contents, label = claim type).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..claims import Claim, Cue
from ..entities import Entity
from ..rules import word_set
from . import gender, naming
from .anonymous import anonymity_at, mark_anonymous
from .context import Context, source_from
from .cues import cue_kind, cue_span, pronominal
from .mentions import RELATIVE_PRONOUNS, finite_of, subject_of
from .model_paths import known_words
from .patterns import attribution, cue_left, cue_right, floating, headlines, object_cues, posts, speech_nouns, unlisted


def _claims_of(doc: Doc) -> list[Claim]:
    return [Claim.from_plain(d) for d in doc.user_data.get("newsclaims_claims", [])]


def _entities_of(doc: Doc) -> list[Entity]:
    return [Entity.from_plain(d) for d in doc.user_data.get("newsclaims_entities", [])]


def _install_extensions() -> None:
    """``doc._.claims`` and ``doc._.entities``: views over plain data kept in ``doc.user_data``, so
    that a Doc serialises (``to_bytes``, ``DocBin(store_user_data=True)``, ``nlp.pipe(n_process=2)``)."""
    if not Doc.has_extension("claims"):
        Doc.set_extension("claims", getter=_claims_of)
    if not Doc.has_extension("entities"):
        Doc.set_extension("entities", getter=_entities_of)


@Language.factory("newsclaims_claims", assigns=["doc.spans", "doc._.claims", "doc._.entities"],
                  default_config={"spans_key": "newsclaims_claims", "min_confidence": 0.0, "weights": "",
                                  "record": False})
def make_claims(nlp: Language, name: str, spans_key: str, min_confidence: float, weights: str,
                record: bool) -> "ClaimExtractor":
    """``weights``: a file of ``newsclaims train`` ("" for the packaged one, "none" for the rules'
    choice alone); ``record``: keep each claim's speaker candidates and features in user_data."""
    _install_extensions()
    return ClaimExtractor(spans_key=spans_key, min_confidence=min_confidence, weights=weights, record=record,
                          nlp=nlp)


class ClaimExtractor:
    def __init__(self, *, spans_key: str = "newsclaims_claims", min_confidence: float = 0.0, weights: str = "",
                 record: bool = False, nlp: Language | None = None) -> None:
        from .scorer import load_calibrator, load_scorer

        self.spans_key = spans_key
        self.min_confidence = min_confidence
        self.scorer = None if weights == "none" else load_scorer(weights or None)
        self.calibrator = None if weights == "none" else load_calibrator(weights or None)
        self.record = record
        self._nlp = nlp
        self._known: tuple[frozenset[str], frozenset[str]] | None = None

    @property
    def known(self) -> tuple[frozenset[str], frozenset[str]]:
        """The model lemmatizer's common nouns and adjectives, and its verbs, read at the first
        document (a pipeline loaded from disk fills its lemmatizer after making this component)."""
        if self._known is None:
            self._known = (frozenset(), frozenset()) if self._nlp is None \
                else (known_words(self._nlp), known_words(self._nlp, ("verb",)))
        return self._known

    def __call__(self, doc: Doc) -> Doc:
        _install_extensions()
        claims = extract_claims(doc, self.scorer, self.record, self.calibrator, *self.known)
        claims = [c for c in claims if c.confidence >= self.min_confidence]
        doc.user_data["newsclaims_claims"] = [c.to_plain() for c in claims]
        spans = []
        for c in claims:
            span = doc.char_span(c.start, c.end, label=c.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


def extract_claims(doc: Doc, scorer=None, record: bool = False, calibrator=None,
                   known: frozenset[str] = frozenset(), verbs: frozenset[str] = frozenset()) -> list[Claim]:
    """Every pattern over the document, in the documented order, then de-duplicated (``known``,
    ``verbs``: the model lemmatizer's common nouns and adjectives, and verbs, ``model_paths.known_words``)."""
    ctx = Context(doc, scorer, record, calibrator, known, verbs)
    ctx.index()
    ctx.sents = ctx.sentences()
    posts.tweets(ctx)
    for sent in ctx.sents:
        ctx.note_subjects(sent)
        cue_verbs(ctx, sent)
        unlisted.unlisted_que(ctx, sent)
        attribution.phrases(ctx, sent)
        attribution.possessive(ctx, sent)
        speech_nouns.speech_noun(ctx, sent)
        speech_nouns.speech_noun_before(ctx, sent)
        headlines.headline(ctx, sent)
        headlines.verb_first(ctx, sent)
        floating.floating(ctx, sent)
    claims = dedupe(ctx.claims)
    title_speakers(claims, ctx.text)
    naming.unglue(claims)
    naming.complete(claims, ctx.entities, ctx.text)
    naming.fullest(claims, ctx.entities)
    naming.fullest_body(claims, ctx.entities)
    naming.body_named(claims)
    naming.national(claims, ctx.text)
    naming.with_article(claims, ctx.text)
    naming.described(claims)
    doc.user_data["newsclaims_genders"] = gender.assign(
        claims, [(r.person, r.gender, r.role) for r in ctx.resolver.appositions])
    mark_anonymous(claims, ctx.text)
    return claims


_TITLE_LINE = 300  # characters: longer lines are the body's paragraphs


def title_speakers(claims: list[Claim], text: str) -> None:
    """A claim of the article's title lines whose subject is dropped ("■ Faltan médicos en
    los hospitales, dice") is the article's source's, named below it: the speaker of the first claim after
    those lines, of the verb's number (a person or a body for "dice", a group for "dicen")."""
    body = 0
    for line in text.split("\n"):
        if len(line.strip()) > _TITLE_LINE:
            break
        body += len(line) + 1
    for c in claims:
        if c.start >= body or c.cue is None or c.type == "according_to" \
                or c.speaker is not None and (c.speaker.name or c.speaker.text):
            continue
        kinds = ("group",) if re.search(r"[aeií]n$", c.cue.text.split()[-1].lower()) else ("person", "organisation")
        source = next((o.speaker for o in claims if o.start >= body and o.speaker is not None and o.speaker.name
                       and o.speaker.kind in kinds), None)
        if source is not None:
            c.speaker = source


def cue_verbs(ctx: Context, sent: Span) -> None:
    """Each cue verb of the sentence: inside a quotation (interrupting it), else looking right,
    else looking left, else its object."""
    for i in ctx.within_sent(ctx.cue_idx, sent):
        tok, lemma = ctx.doc[i], ctx.cue_at[i]
        if _impersonal(ctx, tok, sent) or _questioned(ctx.doc, tok, sent) or anonymity_at(ctx.text, tok.idx) \
                or _relative_unsaid(tok):
            continue  # ("que pidió no ser identificado": a source asking not to be named says nothing here)
        if lemma in word_set("belief_verbs.tsv") and _past(tok):
            continue  # "creyó que …", "pensaba que …": what somebody believed then, narrated
        q_in = ctx.quote_at(tok.idx)
        if q_in is not None and not ctx.text[q_in.open_mark + 1:tok.idx].strip():
            q_in = None  # “subrayó que …”: the quotation starts with the cue itself
        if q_in is not None and not q_in.balanced and _opens_sentence(ctx, tok, sent) and q_in.open_mark < sent.start_char:
            # "… un voto “en el que exista legalidad. Dijo que …": a quotation never closed, and a
            # sentence that opens with a cue is narration again; the quotation ends before it
            ctx.cut[q_in.open_mark] = ctx.trim(q_in.start, sent.start_char)[1]
            q_in = None
        cs, ce = cue_span(tok)
        cue = Cue(ctx.text[cs:ce], lemma, cs, ce)
        if q_in is not None:
            cue_left.interrupting(ctx, tok, q_in, cue, sent, lemma)
            continue
        # “…”, señala X, que …: a quotation just before the cue wins over a "que" after it; not
        # across a period ("“…”. Recordó que …": a new sentence's cue looks right).
        q_before = ctx.quote_ending_before(cs)
        if cue_left.so_said(ctx, tok, cue, sent, lemma):
            continue  # "… Así lo informó la Secretaría.": the sentence before is what it said
        if cue_kind(lemma) == "aside" and not _colon_quote_after(ctx, tok, sent):
            # "“…”, continuó la jueza" / "…, prosiguió, …": never before content but a colon's quotation
            cue_left.backward(ctx, tok, cue, sent, lemma)
            continue
        if (q_before is None or "." in ctx.text[q_before.close_mark:cs] or _claimed_before_que(ctx, tok, q_before, sent)) \
                and cue_right.forward(ctx, tok, cue, sent, lemma):
            continue
        if not cue_left.backward(ctx, tok, cue, sent, lemma):
            object_cues.object_content(ctx, tok, cue, sent, lemma)


def _opens_sentence(ctx: Context, tok: Token, sent: Span) -> bool:
    """The cue is the sentence's first word, capitalised ("Dijo que …", "Agregó que …")."""
    return ctx.first_word(sent, tok.i) == tok.i and tok.text[:1].isupper()


def _past(verb: Token) -> bool:
    """A verb in a past tense: preterite or imperfect ("creyó", "pensaba"), or a compound past
    ("había creído")."""
    finite = finite_of(verb)
    return finite is not None and bool({"Past", "Imp"} & set(finite.morph.get("Tense", []))) \
        or "Part" in verb.morph.get("VerbForm", []) and finite is not None and finite.lemma_ == "haber"


def _colon_quote_after(ctx: Context, tok: Token, sent: Span) -> bool:
    """ "Remató: “…”", "Y continuó: «…»": right after the cue, a colon and a quotation."""
    j = tok.i + 1 + ctx.clitics(tok)
    return j + 1 < sent.end and ctx.doc[j].text == ":" and ctx.quote_starting_at(ctx.doc[j].idx + 1, " \t\n") is not None


def _claimed_before_que(ctx: Context, tok: Token, q, sent: Span) -> bool:
    """ "calificó la obra como “un desastre”, diciendo que …": the quotation before the cue is
    another claim's already, and the cue reports its own "que" clause."""
    nxt = tok.i + 1 + ctx.clitics(tok)
    return nxt < sent.end and ctx.doc[nxt].lower_ == "que" and any(
        c.start <= q.start and q.end <= c.end for c in ctx.claims if c.start >= sent.start_char)


def _relative_unsaid(tok: Token) -> bool:
    """A cue whose subject is a relative pronoun, in the subjunctive ("otro discurso que nos
    diga", "mensajes que les indiquen que …") or standing for
    a matter ("lo que garantiza que …", "lo cual indica que …"): a description or an inference,
    nobody's statement."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass") and c.lower_ in RELATIVE_PRONOUNS
                 and c.i < tok.i), None)
    if subj is None:
        return False
    finite = finite_of(tok)
    if finite is None:
        return False
    if "Sub" in finite.morph.get("Mood", []) and "Pres" in finite.morph.get("Tense", []):
        return True  # (not "-ra": "fue el propio ministro quien confirmara que …" narrates the past)
    k = subj.i - 1
    if k >= 0 and tok.doc[k].lower_ in ("el", "la", "los", "las") and subj.lower_ in ("cual", "cuales"):
        k -= 1
    # the neuter antecedent takes a singular verb ("lo que consideran que …" is what they consider);
    # "por lo que", "por lo cual" are "so", "en lo que" is "in what"
    return k >= 1 and tok.doc[k].lower_ == "lo" and tok.doc[k - 1].lower_ not in ("por", "en") \
        and "Sing" in finite.morph.get("Number", [])


def _questioned(doc, tok: Token, sent: Span) -> bool:
    """ "le pregunta si cree que …", "si dijo que …": a cue under "si" is asked about or supposed,
    not asserted."""
    j = tok.i - 1
    while j >= sent.start and (doc[j].lower_ in ("no", "ya", "se", "le", "les", "lo", "la") or doc[j].pos_ == "AUX"):
        j -= 1
    return j >= sent.start and doc[j].lower_ == "si"


def _impersonal(ctx: Context, tok: Token, sent: Span) -> bool:
    """ "Se informó que …", "como se prevé que …": a cue with impersonal "se" and no subject
    before it reports nobody's speech."""
    doc = ctx.doc
    se = tok.i - 1
    if se > sent.start and doc[se].lower_ in ("le", "les") and doc[se - 1].lower_ == "se":
        se -= 1  # "A los vecinos se les dijo que …": the dative between
    while se > sent.start and doc[se].lower_ != "se" and doc[se].pos_ == "AUX" and doc[se].lemma_ == "haber":
        se -= 1  # "Tampoco se había aclarado si …": past "haber" only (a modal's "se puede afirmar que …"
    if se < sent.start or doc[se].lower_ != "se":  # is left as it reads; cf. mentions.before_auxiliaries)
        return False
    lemma = ctx.cue_at.get(tok.i)
    if lemma is not None and pronominal(lemma):
        return False  # "“…”, se quejó.": the verb's own "se"
    q = ctx.quote_ending_before(doc[se].idx)
    if lemma == "preguntar" and q is not None and "?" in ctx.text[q.start:q.outer[1]]:
        return False  # "“¿Quién lo hará?”, se preguntó.": asking oneself aloud
    subj = subject_of(tok)
    if subj is not None and subj.lower_ in ("que", "cual", "cuales") and subj.i < tok.i:
        return True  # "las obras que se prevén", "y que además se prevé que …": passive, nobody speaks
    if subj is not None:
        # "se ratifica el llamado de alerta": passive "se" with a thing as subject, nobody speaks
        # ("el contagio se explica por …": the same before the verb)
        return subj.pos_ == "NOUN" and not ctx.resolver.known_speaker(subj)
    if any(c.dep_ == "obj" and c.i > tok.i and c.pos_ in ("NOUN", "ADJ") and c.lower_ != "que"
           and not ctx.resolver.known_speaker(c) for c in tok.children):
        return True  # the same, with the thing parsed as an object
    if tok.i + 1 < sent.end and doc[tok.i + 1].lower_ in ("a", "al", "en", "sobre"):
        return False  # "Se refirió a que …": a pronominal verb with its preposition, not impersonal "se"
    if source_from(tok, sent) is not None:
        return False  # "Por parte de la Secretaría, se informó que …": the body it speaks from
    before = doc[se - 1] if se - 1 >= sent.start else None
    return before is None or before.pos_ not in ("NOUN", "PROPN", "PRON") or _adjunct(before)


def _adjunct(tok: Token) -> bool:
    """Whether the phrase ``tok`` ends is a preposition's or an earlier verb's object, never a
    subject: "A lo largo del pleno se recalcó que …", "Al cerrar el acta se indicó que …"."""
    head = tok
    while head.dep_ in ("flat", "amod", "nmod", "appos", "compound", "det") and head.head.i < head.i:
        head = head.head
    if any(c.dep_ == "case" and c.i < head.i for c in head.children):
        return True
    return head.dep_ == "obj" and head.head.i < head.i and head.head.pos_ in ("VERB", "AUX")


def dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per content span (one whose cue has a typed speaker before a quotation taken as
    floating, then the most confident), and no claim inside another claim of the same speaker (the
    quoted words of mixed speech are not a second claim); sorted by start."""
    def rank(c: Claim) -> tuple[bool, float]:
        return c.cue is not None and c.speaker is not None and c.speaker.kind is not None, c.confidence

    best: dict[tuple[int, int], Claim] = {}
    for c in claims:
        key = (c.start, c.end)
        if key not in best or rank(c) > rank(best[key]):
            best[key] = c
    kept = sorted(best.values(), key=lambda c: (c.start, -c.end))
    starts = [c.start for c in kept]
    reach = max((c.end - c.start for c in kept), default=0)
    out = []
    for c in kept:
        if c.type == "direct" and c.speaker is not None:
            # Only claims starting within the longest claim's length before c can hold it.
            window = kept[bisect_left(starts, c.start - reach):bisect_right(starts, c.start)]
            if any(o.start <= c.start and c.end <= o.end and (o.start, o.end) != (c.start, c.end)
                   and o.speaker is not None and o.speaker.name == c.speaker.name for o in window):
                continue
        if c.speaker is not None and c.speaker.kind is None and c.cue is not None:
            # nested speech whose subject nothing types ("que el voto … responde a …"): a verb of the
            # reported content, not a second speaker
            window = kept[bisect_left(starts, c.cue.start - reach):bisect_right(starts, c.cue.start)]
            if any(o.start <= c.cue.start < o.end and o is not c and o.speaker is not None
                   and o.speaker.kind is not None for o in window):
                continue
        out.append(c)
    return sorted(out, key=lambda c: (c.start, c.end))
