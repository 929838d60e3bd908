"""The per-document context that every claim pattern reads and writes.

One ``Context`` per Doc: the quotations, entity clusters and speaker resolver, the sentences and
token indexes, the current speaker (for dropped subjects and floating quotes), the claims found so
far, and the helpers the patterns share (quotation lookups, content ends, speaker of a cue verb).
The patterns themselves live in ``newsclaims.pipeline.patterns``; their order and the
de-duplication are in ``newsclaims.pipeline.claims``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..claims import CONFIDENCE, STANCE, UNTYPED, Claim, Cue, Speaker
from ..doc_tokens import doc_text
from ..entities import cluster, institution_nouns
from ..names import word_gender
from ..rules import attribution_phrases, cue_lexicon, fold, phrase_list, singulars, word_set
from .candidates import gather
from .confidence import claim_features
from .cues import (
    after_al,
    cue_kind,
    cue_lemma,
    find_phrases,
    fronted_al_comma,
    fronted_clause_comma,
    pronominal,
    source_verb,
    speech_purpose,
)
from .features import describe
from .kinds import listed_kind, noun_kind, speaker_kind
from .mentions import (
    before_auxiliaries,
    disagrees,
    finite_of,
    fronted_participle,
    np_head,
    past_adverbial,
    past_time_words,
    phrase_after,
    subject_of,
    trim_np,
)
from .quotes import Quote, doc_quotes, quote_source
from .speakers import SpeakerResolver

CLOSE = "”»\"’›"
OPEN = "“«\"‘‹„"
DASHES = "—–"
FINAL = {".", "!", "?", "…", ";", "?»", "!»", "...", ".»", ".”"}
_MIXED_WORDS = 2         # quoted words that make reported speech "mixed"
_SPEAKER_REACH = 4       # paragraphs a dropped subject may reach back for its speaker
_NOT_SUBJECTS = {"se", "lo", "la", "le", "les", "uno", "una", "todo", "algo", "nada", "esto", "eso", "ello"}
_SUBJ_PRONOUNS = {"él", "ella", "ellos", "ellas"}


# Words opening a clause after a comma or semicolon; reported content runs on past them ("…, pero
# también …", "…; sin embargo, …") unless a speech verb follows ("…, pero no precisó …").
_CLAUSE_LINKS = frozenset({"pero", "aunque", "mientras", "y", "e", "sin", "no", "aun"})


def _speaker_next(doc, a: int, b: int) -> bool:
    """A cue verb in doc[a:b] whose own subject stands between ``a`` and it: "…, mientras el portavoz
    del grupo, Aitor Esteban, ha criticado que …" (another speaker's act, not more content)."""
    for x in doc[a:b]:
        lemma = cue_lemma(x)
        if lemma is None and "VerbForm=Fin" in str(x.morph) and (
                x.pos_ == "VERB" or x.pos_ == "AUX" and not x.dep_.startswith("aux")):
            return False  # the clause's own verb comes first ("pero el problema reside en que …")
        if lemma is not None and x.pos_ == "VERB":
            subj = subject_of(x)
            if subj is None or not a <= subj.i < x.i or cue_kind(lemma) == "aside" \
                    or "Mood=Sub" in str(x.morph) or any("Mood=Sub" in str(c.morph) for c in x.children if c.dep_ == "aux"):
                return False  # ("sin que la usuaria lo haya denunciado": no act of its own)
            # a person, a body or people speak ("el portavoz", "Ana Ruiz", "los que la defienden");
            # not "las curvas se mantienen estables"
            if subj.lower_ == "que" and subj.i > a and doc[subj.i - 1].lower_ in ("los", "las", "el", "la", "aquellos", "aquellas"):
                return True  # "…, mientras que los que lo defienden dicen …": people, the next act
            if subj.lower_ in ("que", "lo", "la", "le", "les", "se", "me", "te", "nos"):
                return False  # ("pero que ya le habían avisado que …": the same speech goes on)
            return subj.pos_ in ("PROPN", "PRON") or subj.ent_type_ in ("PER", "ORG") \
                or noun_kind(subj.text) in ("person", "group", "organisation")
    return False


def _addressed_medium(tok: Token) -> bool:
    """A name right after "a/al" and a medium's noun: "al medio El Tiempo", "a la cadena Radio Sur";
    or right after "a/al" ("explicó a Vexa TV Ana Ruiz": the parser's subject "TV" is the medium's)."""
    doc, j = tok.doc, tok.i - 1
    while j >= 0 and (doc[j].pos_ in ("DET", "PROPN") and doc[j].text[:1].isupper()):
        j -= 1  # the name's own words and article
    if j >= 0 and j < tok.i - 1 and doc[j].lower_ in ("a", "al") and tok.text[:1].isupper() \
            and word_gender(tok.text) is None:
        return True  # (not a given name after the medium's: "afirmó a Efe Germán Soto")
    while j >= 0 and doc[j].pos_ == "ADJ" and doc[j].is_lower:
        j -= 1  # "al diario local"
    if j < 1 or not (doc[j].is_lower and set(singulars(doc[j].text)) & institution_nouns()):
        return False
    k = j - 1
    if k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    return k >= 0 and doc[k].lower_ in ("a", "al")


def _fronted_lead(tokens: list[Token], head: Token) -> list[Token]:
    """The subject without an opening phrase the parser hung on it, up to the comma that sets it off:
    a participle's clause ("Interrogado sobre el plan del tesorero X, Cordero recalcó …" is Cordero's:
    the clause is about him, it does not name him) or a prepositional phrase ("Tras el partido, Irene
    Salas comentó …", "Sin embargo, los vecinos …", "Por su parte, la jueza …"), when a noun phrase
    follows the comma."""
    if len(tokens) < 3 or tokens[0].i >= head.i:
        return tokens
    first = tokens[0]
    participle = "VerbForm=Part" in str(first.morph)
    if not participle and first.pos_ != "ADP" and not (first.i > 0 and first.doc[first.i - 1].pos_ == "ADP"):
        return tokens
    comma = max((k for k, t in enumerate(tokens) if t.text == "," and t.i < head.i), default=None)
    if comma is None or comma + 1 >= len(tokens):
        return tokens
    if not participle and tokens[comma + 1].pos_ not in ("DET", "PROPN", "NOUN", "NUM"):
        return tokens  # ("En el documento, titulado …": no noun phrase after the comma)
    return tokens[comma + 1:]


def _one_of(tok: Token) -> bool:
    """ "Uno de cada diez encuestados", "una de las vecinas": a member of a named group."""
    return tok.lower_ in ("uno", "una") and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("de", "del")


def _singular_speaker(speaker: Speaker) -> bool:
    """A single person's name ("Ana Gil"; not "Ana Gil y Luis Soto", not "los vecinos"), or one
    document ("la imagen", "el informe": its authors may speak in the plural, not the document itself):
    never the dropped subject of a plural verb."""
    kind = speaker_kind(speaker.name, speaker.text, speaker.label)
    if kind == "document":
        words = f"{speaker.text or speaker.name or ''}".lower().split()
        return bool(words) and words[0] in ("el", "la", "este", "esta", "ese", "esa", "dicho", "dicha", "un", "una") \
            and not any(w.endswith("s") for w in words[1:2])
    return speaker.label == "PER" and kind == "person" and "los " not in f"{speaker.text} ".lower()


# plural agent nouns that name people by their trade or cause ("los futbolistas", "los inspectores",
# "los mineros"); not every agent ending does ("las variantes", "los restaurantes")
_PEOPLE_BY_TRADE = re.compile(r"(?:istas|[dts]ores|[dts]oras|eros|eras)$")


def _clause_with_subject(head: Token) -> Token | None:
    """``head`` when it heads a clause of its own joined to the sentence's main one (subordinate or
    coordinate) with a noun as its subject: the one that speaks in "al + infinitive" hung on it
    ("Cerraron la plaza, pues la alcaldesa fue abucheada al decir que …"); None otherwise."""
    if head.dep_ not in ("advcl", "conj") or head.pos_ not in ("VERB", "AUX") \
            and not any(c.dep_ == "cop" for c in head.children):
        return None
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < head.i), None)
    return head if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None


def _past_que(verb: Token, subj: Token) -> bool:
    """A subject after the verb past the "que" that opens its content: a word of what was said, which
    the parser hung on the verb (a postposed subject comes before the "que": "Recuerda el bracero que …")."""
    return subj.i > verb.i and any(t.lower_ == "que" and t.dep_ == "mark" and t.head.i != subj.i
                                   for t in verb.doc[verb.i + 1:subj.i])


def _plural_verb(verb: Token) -> bool:
    """A third-person plural finite verb, or a participle whose auxiliary is one ("han dicho")."""
    finite = finite_of(verb)
    return finite is not None and finite.morph.get("Number", []) == ["Plur"] and finite.morph.get("Person", []) == ["3"]


def source_from(verb: Token, sent: Span) -> Token | None:
    """The head of a "desde" phrase before an impersonal verb (plural, or with "se"): "Desde la
    Fiscalía explicaron que …", "Por parte de la Secretaría, se informó que …" (a body, a place that
    stands for its government, a named person's office); "por parte de" may also follow the verb
    ("Se informó por parte de la Secretaría que …")."""
    # (a paragraph break the parser made the subject may hold the phrase: "¶Desde la Secretaría se informó")
    children = [g for c in verb.children for g in ([c] if c.pos_ != "SPACE" else list(c.children))]
    for child in children:
        if not (sent.start <= child.i < sent.end and child.pos_ in ("NOUN", "PROPN")):
            continue
        cases = {" ".join([c.lower_] + [f.lower_ for f in c.children if f.dep_ == "fixed"])
                 for c in child.children if c.dep_ == "case"}
        body = noun_kind(child.text) in ("organisation", "group") or child.ent_type_ == "ORG"
        if child.i > verb.i and not (cases & {"por parte de", "de parte de"} or child.lower_ == "parte"
                                     or "desde" in cases and body):
            continue  # ("“…”, explican desde la consejería": after the verb, a body only; not "desde Lima")
        if cases & {"desde", "por parte de", "de parte de"}:  # "Desde la Fiscalía explicaron …"
            return child
        if child.lower_ == "parte" and cases & {"por", "de"}:  # "Por parte de la Secretaría, informaron …",
            # parsed with "parte" as the head
            owner = next((g for g in child.children if g.pos_ in ("NOUN", "PROPN") and g.i > child.i
                          and any(c.dep_ == "case" and c.lower_ in ("de", "del") for c in g.children)), None)
            if owner is not None:
                return owner
        # "En la Secretaría de Salud explicaron que …": a body's own noun or name after "en"; so is a
        # document's before the verb ("En el estudio se afirma que …": the study says it)
        if "en" in cases and (noun_kind(child.text) == "organisation" or child.ent_type_ == "ORG"
                              or noun_kind(child.text) == "document" and child.i < verb.i):
            return child
    if verb.dep_ in ("acl", "relcl", "acl:relcl") and verb.head.i < verb.i and noun_kind(verb.head.text) == "document" \
            and any(_where_relative(c) for c in children) and (se := before_auxiliaries(verb, sent.start)) is not None \
            and se.lower_ == "se":
        # "un boletín en el cual se sostiene que …", "un vídeo donde se explica que …": the document's words
        # (not a plural's: "Desde la cofradía emitieron una nota donde aseguran …" is the brotherhood's)
        return verb.head
    owner = verb.head.head
    if verb.dep_.startswith("acl") and verb.head.dep_ in ("obj", "obl") and owner.pos_ in ("VERB", "AUX") \
            and owner.i < verb.i and _plural_verb(owner) == _plural_verb(verb):
        # "Desde la Secretaría publicaron una nota en la que explican que …": the relative clause
        # speaks from where its noun's verb does
        return source_from(owner, sent)
    return None


def _where_relative(tok: Token) -> bool:
    """A relative pronoun of place: "en el que", "en la cual", "(en) donde"."""
    if tok.lower_ == "donde":
        return True
    return tok.lower_ in ("que", "cual", "cuales") and any(c.dep_ == "case" and c.lower_ == "en" for c in tok.children)


def _postposed_cue(tok: Token) -> bool:
    """A finite speech verb that closes its sentence ("…, publicó el diario X.", "…, dijo."), not one
    that opens a clause of its own ("…, sostienen que …", "…, argumentando que …")."""
    if cue_lemma(tok) is None or "VerbForm=Fin" not in str(tok.morph):
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.lower_ not in ("que", "a", "al", "se", "lo", "la", "le", "les") and nxt.pos_ != "SCONJ"


def _given_name(tok: Token) -> bool:
    """A given name opening a name the model tagged as a place or a thing ("el diputado Tomás Varela"
    tagged LOC): the name lexicon knows it and a capitalised word follows."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("LOC", "MISC") and nxt is not None \
        and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and word_gender(tok.text) is not None


def ends_question(text: str) -> bool:
    return text.rstrip(" .»”\"\n").endswith("?")


class Context:
    """One document's extraction state: quotes, entities, resolver, current speaker, claims."""

    def __init__(self, doc: Doc, scorer=None, record: bool = False, calibrator=None,
                 known: frozenset[str] = frozenset(), verbs: frozenset[str] = frozenset()) -> None:
        self.doc = doc
        self.scorer = scorer          # scorer.Scorer: the fitted choice among speaker candidates
        self.record = record          # keep each claim's candidates and features (newsclaims train)
        self.calibrator = calibrator  # confidence.Calibrator: the claim's fitted probability
        self.text = doc_text(doc)
        self.marks = quote_source(doc, self.text)
        self.quotes: list[Quote] = doc_quotes(doc, self.text)
        self.entities = cluster(doc, self.text, known, verbs)
        doc.user_data["newsclaims_entities"] = [e.to_plain() for e in self.entities]
        self.resolver = SpeakerResolver(doc, self.entities, self.text,
                                        quoted=lambda position: self.quote_at(position) is not None)
        self.current: Speaker | None = None
        self.current_para = -1
        self.current_at = -1
        self.plural_agents: list[tuple[int, Token, Span]] = []  # plural subjects that acted (position, head, sentence)
        self.claims: list[Claim] = []
        # Indexes that keep every lookup local, so that cost grows linearly with the length of the
        # document: quotations by opening and closing mark, claims by start.
        self._q_opens = [q.open_mark for q in self.quotes]
        self._q_reach: list[int] = []  # the furthest end of quotations 0..k
        for q in self.quotes:
            self._q_reach.append(max(q.outer[1], self._q_reach[-1] if self._q_reach else 0))
        closed = sorted((q.close_mark, k) for k, q in enumerate(self.quotes) if q.balanced)
        self._q_closes = [c for c, _ in closed]
        self._q_closed = [k for _, k in closed]
        self._claim_starts: list[tuple[int, int]] = []  # (start, serial), sorted
        self._claim_by_serial: dict[int, Claim] = {}
        self._claim_reach = 0  # the longest claim so far
        self._serial = -1
        self._serials: list[int] = []  # serial of each claim in self.claims
        self.openers = phrase_list("discourse_openers.tsv")
        self.stops = phrase_list("content_stops.tsv")
        self.para_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", self.text)]
        self.phrases = find_phrases(doc)
        self.phrase_firsts = [first for first, *_ in self.phrases]
        self.sents: list[Span] = []
        self._sent_starts: list[int] = []
        self.cut: dict[int, int] = {}  # quotations whose closing mark was forgotten: open mark -> real end

    def para(self, pos: int) -> int:
        """Index of the paragraph holding character ``pos``."""
        return max(0, bisect_right(self.para_starts, pos) - 1)

    def quote_at(self, pos: int) -> Quote | None:
        """The first quotation (in text order) whose marks hold ``pos``."""
        found = None
        k = bisect_right(self._q_opens, pos) - 1
        while k >= 0 and self._q_reach[k] > pos:  # no quotation before k reaches pos: stop
            q = self.quotes[k]
            if pos < self.cut.get(q.open_mark, q.outer[1]):
                found = q
            k -= 1
        return found

    def quote_ending_before(self, pos: int) -> Quote | None:
        """A quotation whose closing mark stands right before ``pos`` (only commas, dashes, spaces
        between).  Only the last closing mark before ``pos`` can qualify: any earlier one has that
        mark in its gap."""
        k = bisect_left(self._q_closes, pos) - 1
        if k < 0:
            return None
        q = self.quotes[self._q_closed[k]]
        gap = self.text[q.close_mark + 1:pos]
        if "." in gap and "\n" in gap:
            return None  # “…”.¶Indicó que …: a new paragraph's cue looks right, not back
        if not gap.strip(" ") and self._names_a_work(q):
            return None  # "La autora de “Viento del sur” dijo que …": a title inside the subject
        if not gap.strip(" ,\n" + DASHES) or re.fullmatch(r"\s*[,.]?\s*", gap):
            return q
        return None

    def _names_a_work(self, q: Quote) -> bool:
        """The quotation is a noun's complement inside a sentence: it opens right after "de" or a
        common noun ("el intérprete de “Luna de papel”", "la canción “Otoño”"), the way a title is
        written, not speech."""
        mark = self.doc.char_span(q.open_mark, q.open_mark + 1, alignment_mode="expand")
        if mark is None or mark.start == 0:
            return False
        prev = self.doc[mark.start - 1]
        if prev.whitespace_ == "" or prev.is_sent_start:
            return False
        return prev.lower_ in ("de", "del") or prev.pos_ == "NOUN" and prev.is_lower

    def quote_starting_at(self, pos: int, slack: str = " \t") -> Quote | None:
        """The next quotation when only ``slack`` characters stand between ``pos`` and its mark."""
        k = bisect_left(self._q_opens, pos)
        if k < len(self.quotes) and not self.text[pos:self.quotes[k].open_mark].strip(slack):
            return self.quotes[k]
        return None

    def quotes_opening_in(self, start: int, end: int) -> list[Quote]:
        """Quotations whose opening mark lies in [start, end)."""
        return self.quotes[bisect_left(self._q_opens, start):bisect_left(self._q_opens, end)]

    def claims_near(self, start: int, end: int) -> list[Claim]:
        """Claims that may overlap [start, end): those starting before ``end`` and within the
        longest claim's length before ``start``."""
        a = bisect_left(self._claim_starts, (start - self._claim_reach, -1))
        b = bisect_left(self._claim_starts, (end, -1))
        return [self._claim_by_serial[n] for _, n in self._claim_starts[a:b]]

    def pop_claim(self) -> Claim:
        """Take back the latest claim ("según informó X": the phrase's claim replaces the verb's)."""
        claim = self.claims.pop()
        serial = self._serials.pop()
        del self._claim_by_serial[serial]
        self._claim_starts.remove((claim.start, serial))
        return claim

    def speaker_for(self, verb: Token, sent: Span, postposed: bool) -> Speaker | None:
        """Subject, inverted subject, or the current speaker for a dropped subject."""
        doc = self.doc
        subj = subject_of(verb)
        gerund = "VerbForm=Ger" in str(verb.morph) or re.search(r"ndo(?:le|les|lo|la|los|las|se)?$", verb.lower_)
        # A copular main clause's predicate heads it: "Ana fue la coordinadora de la brigada y contó que …"
        copular = verb.dep_ == "conj" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "ADJ", "PROPN") \
            and any(c.dep_ == "cop" for c in verb.head.children) \
            and not any(c.dep_ == "parataxis" and c.i < verb.i for c in verb.head.children)
        # (not a clause the speaker is quoted saying: "La ciudad está lista, dijo, y reconoció que …")
        gov = verb.head if verb.head.i != verb.i and (verb.head.pos_ in ("VERB", "AUX") or copular) else None
        if gov is None and gerund:
            # "tuiteó al respecto asegurando que …": a gerund the parser hung on a word of the phrase
            # before it; the verb that phrase belongs to
            h = verb.head
            for _ in range(3):
                if h.pos_ in ("VERB", "AUX") and h.i < verb.i:
                    gov = h
                    break
                if h.head.i == h.i:
                    break
                h = h.head
        if subj is None and gerund and gov is not None:
            # "La agencia citó al ministro recordándole que …": the quoted person speaks.
            lemma = cue_lexicon().lemma_of(gov.lower_) or gov.lemma_
            if lemma in cue_lexicon().verbs and cue_kind(lemma) == "quoting":
                obj = [c for c in gov.children if c.dep_ in ("obj", "iobj") and c.pos_ in ("PROPN", "NOUN")]
                if obj:
                    return self.resolver.resolve(trim_np(self.within(obj[0], sent)), self.current)
            subj = subject_of(gov)
        if "VerbForm=Inf" in str(verb.morph) and (act := speech_purpose(verb)) is not None:
            # "la actriz emitió un mensaje para aclarar que …": who made the act (the infinitive has no
            # subject of its own; a noun after "que" the parser hung on it is the content's)
            subj = subject_of(act)
        if "VerbForm=Inf" in str(verb.morph) and after_al(verb):
            # "Ana pidió calma a los vecinos, al explicar que …": the main clause's subject speaks (the
            # infinitive has none of its own; a noun after "que" is the content's)
            subj = None
            comma = fronted_al_comma(verb)
            if comma is not None:  # "Al afirmar que …, la diputada pidió …": the main clause's, after it
                rest = trim_np(list(doc[comma + 1:verb.head.i]))
                if rest and not any(t.pos_ in ("VERB", "AUX") for t in rest) and self.resolver.can_speak(rest):
                    return self.resolver.resolve(rest, self.current)
                subj = subject_of(verb.head)
            own = _clause_with_subject(next((a for a in verb.ancestors if a.i < verb.i), verb))
            if own is not None:
                gov = own  # "…, pues la obispa fue criticada al decir que …": the clause it hangs on
            elif sent.root.i < verb.i and sent.root.pos_ in ("VERB", "AUX"):
                gov = sent.root
        if subj is None and gov is not None and gov.i < verb.i and (verb.dep_ in ("xcomp", "ccomp", "conj") or (
                verb.dep_ == "advcl" and (after_al(verb) or any(c.lower_ == "para" for c in verb.children)
                                          and gov.lemma_.lower() in word_set("periphrasis_verbs.tsv")))):
            # ("aprovechó la visita para recordar que …")
            subj = subject_of(gov)  # "quiso aclarar que", "volvió a decir", "visitó la planta y dijo que"
            if subj is None and verb.dep_ == "conj":
                # "Se supo que …, pero él lo negó y afirmó que …": both verbs hung on a clause
                # without a subject; the verb joined just before it has the subject
                sibling = max((c for c in gov.children if c.dep_ == "conj" and c.i < verb.i and c.pos_ in ("VERB", "AUX")),
                              key=lambda c: c.i, default=None)
                subj = subject_of(sibling) if sibling is not None else None
            if copular and subj is not None and not (subj.ent_type_ == "PER" or self.resolver.is_role(subj)
                                                     or self.resolver.is_title(subj)):
                subj = None  # (only a person is "the coordinator" who then spoke; not "La ciudad está lista y …")
            if subj is not None and verb.dep_ == "conj" and disagrees(verb, subj):
                # "Los rescatistas revisaron al anciano, quien aguardaba … e indicaron que": the verb was
                # joined to the wrong clause; the main clause's subject, if its number fits
                root = sent.root
                subj = subject_of(root) if root.i < verb.i and root.pos_ in ("VERB", "AUX") else None
                if subj is not None and disagrees(verb, subj):
                    subj = None
        if subj is not None and (not (sent.start <= subj.i < sent.end) or self.quote_at(subj.idx) is not None
                                 or (postposed and subj.i < verb.i) or subj.lower_ in _NOT_SUBJECTS
                                 and not _one_of(subj) or _past_que(verb, subj)):
            subj = None  # outside this sentence, or words of the content itself ("Recuerda que cuando
            # trabajaba en Tulca, Merlo …": a name after the "que" that opens what was said)
        if subj is None:
            source = self._impersonal_source(verb, sent)
            if source is not None and self.quote_at(source.idx) is None:
                clause = min(t.i for t in verb.subtree)
                tokens = [t for t in trim_np(self.within(source, sent)) if source.i >= clause or t.i < clause]
                # (the document whose relative clause the verb heads: "un boletín en el cual se sostiene")
                while tokens and tokens[0].dep_ in ("case", "fixed"):
                    tokens = tokens[1:]  # "desde", "en", "por parte de"
                if tokens and self.resolver.can_speak(tokens):
                    # "Desde la consejería aseguraron que …": the body the impersonal plural speaks from
                    sp = self.resolver.resolve(tokens, self.current)
                    desde = any(c.dep_ == "case" and c.lower_ == "desde" for c in source.children)
                    if desde and sp is not None and sp.label in ("PER", "MISC") and sp.name and sp.name[:1].isupper() \
                            and not any(self.resolver.is_role(t) for t in tokens):
                        # ("Desde Bar Lucero remarcan …": a name one speaks from is a body's, whatever its tag)
                        sp = replace(sp, label="ORG")
                    return sp
        if subj is not None and subj.i > verb.i and _addressed_medium(subj):
            subj = None  # "declaró al medio El Tiempo que …": the medium addressed, not the speaker
        if subj is not None and fronted_participle(subj) and subj.i < verb.i:
            # "Cuestionados al respecto, los equipos … respondieron": the phrase after the comma
            tokens = self.within(subj, sent)
            # the verb the participle's clause leads to: the cue, or the verb it is joined to ("…, X
            # dijo que … y dijo no …")
            bound = subj.head.i if subj.head.pos_ in ("VERB", "AUX") and subj.i < subj.head.i <= verb.i else verb.i
            # (the comma may hang from the participle itself: "Consultada por la prensa, la senadora …")
            comma = next((t.i for t in doc[max(t.i for t in tokens if not t.is_punct) + 1:bound] if t.text == ","), None)
            rest = trim_np(list(doc[comma + 1:bound])) if comma is not None else []
            if rest and not any(t.pos_ in ("VERB", "AUX") for t in rest) and self.resolver.can_speak(rest):
                return self.resolver.resolve(rest, self.current)
            if not rest:  # "Cuestionado sobre el tema, dijo que …": the subject is dropped
                return self.dropped_subject(verb.idx, sent.start_char, verb)
        if subj is not None and subj.lower_ == "que" and subj.i < verb.i:
            antecedent = self.resolver.antecedent(subj)
            if antecedent is not None and not self.resolver.can_speak(antecedent, listed=True):
                # "una frase que defendió la fiscal": "que" is the object, the subject comes after
                after = trim_np(phrase_after(doc, verb.i + 1 + self.clitics(verb), sent.end))
                cut = next((k for k in range(1, len(after)) if after[k].pos_ == "DET"
                            and after[k - 1].pos_ in ("NOUN", "PROPN")), len(after))
                after = after[:cut]  # "la fiscal de la causa el martes": the time is not the speaker's
                head = np_head(after) if after else None
                if head is not None and self.resolver.can_speak(after, listed=True) and not disagrees(verb, head) \
                        and doc[after[0].i - 1].lower_ not in ("a", "al", "ante", "con", "en", "por", "para", "de", "del"):
                    return self.resolver.resolve(after, self.current)
        if subj is not None and subj.pos_ == "PRON":
            antecedent = self.resolver.antecedent(subj)
            if antecedent is not None and not self.resolver.can_speak(antecedent):
                # "su recelo hacia un plan que considera que …": the person the sentence is about
                return self.dropped_subject(verb.idx, sent.start_char, verb)
        if subj is not None:
            tokens = trim_np(_fronted_lead(self.within(subj, sent), subj)) \
                if subj.pos_ != "PRON" or _one_of(subj) else [subj]
            other = [c for c in verb.children if c.dep_ == "nsubj" and c.i > subj.i and c.i < verb.i
                     and any(x.dep_ == "cc" and x.lower_ in ("y", "e") for x in c.children)]
            if other and tokens:  # "Ana Ruiz, directora de …, y Luis Soto, su adjunto, explicaron": two subjects
                last = self.within(other[0], sent)
                tokens = [t for t in self.doc[tokens[0].i:last[-1].i + 1]]
                while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
                    tokens.pop()
            if tokens and not self.resolver.can_speak(tokens):
                # "La propuesta, dijo, …", a mis-parsed object: not a speaker; the current one speaks
                return self.dropped_subject(verb.idx, sent.start_char, verb)
            if subj.pos_ == "PRON" and subj.lower_ in _SUBJ_PRONOUNS and self.current is not None:
                gender = {"él": "m", "ella": "f"}.get(subj.lower_)
                if gender is not None and self.resolver.named_before(subj.idx, gender) not in (None, self.current.name):
                    # "Se supo que Luis Soto había dimitido, pero él lo negó": the resolver's rule for a
                    # pronoun written out after another person of its gender is named
                    return self.resolver.resolve([subj], self.current)
                if gender is not None and self.current.label == "PER" \
                        and self.resolver.gender(self.current.name) not in ("-", gender):
                    # "ella" after a man spoke: the person of her gender the text is about, when the
                    # article tells that gender (the resolver's)
                    by_gender = self.resolver.resolve([subj], self.current)
                    if by_gender is not None and by_gender.name and self.resolver.gender(by_gender.name) == gender:
                        return by_gender
                return Speaker(self.current.name, subj.text, self.current.label, subj.idx, subj.idx + len(subj.text))
            if tokens:
                return self.resolver.resolve(tokens, self.current)
        if subj is None and not postposed:
            named = self._fronted_name(verb, sent) or self._name_right_before(gov if gerund and gov is not None else verb, sent)
            if named is not None:
                return named
        after = phrase_after(doc, verb.i + 1 + self.clitics(verb), sent.end)
        if after and not self.resolver.can_speak(after):
            after = []
        if after and after[-1].i + 2 < len(doc) and doc[after[-1].i + 1].lower_ == "de" \
                and doc[after[-1].i + 2].lower_ == "que" and after[-1].is_lower:
            after = []  # "expresó la esperanza de que …": a noun whose clause is what was said
        if not after and postposed and "VerbForm=Fin" in str(verb.morph):
            # "…, dijo a la prensa la alcaldesa.": past a prepositional phrase
            start = verb.i + 1 + self.clitics(verb)
            past = past_adverbial(doc, past_time_words(doc, start, sent.end), sent.end)
            after = phrase_after(doc, past, sent.end) if past > start else []
            if after and not self.resolver.can_speak(after, listed=True):
                after = []
        head = np_head(after) if after else None
        if head is not None and disagrees(verb, head):
            after = []  # "Manifestaron su temor de …": the object, not a subject after the verb
        elif head is not None and after[0].lower_ in ("su", "sus") and head.pos_ == "NOUN" and noun_kind(head.text) is None:
            after = []  # "reiteró su respaldo a …": what the speaker gives, not who speaks
        if after and not (after[0].i > 0 and doc[after[0].i - 1].lower_ in ("a", "al", "ante", "con", "en", "por", "para")):
            return self.resolver.resolve(after, self.current)
        return self._source_before(verb, sent) or (None if postposed else self._fronted_phrase(verb, sent)) \
            or self.dropped_subject(verb.idx, sent.start_char, verb)

    def _fronted_phrase(self, verb: Token, sent: Span) -> Speaker | None:
        """The subject the parser lost when it is no name: "En el foro, vecinos del barrio, denunciaron
        que …", "Fuentes próximas a la familia reprochan que …" — before the cue no finite verb, at most
        an opening phrase with its preposition and a comma, then a noun phrase that can speak and
        agrees with the verb."""
        doc = self.doc
        before = [t for t in doc[sent.start:verb.i] if not t.is_space]
        while before and before[-1].is_punct:
            before.pop()
        if not before or any("VerbForm=Fin" in str(t.morph) or self.quote_at(t.idx) is not None for t in before):
            return None
        comma = max((k for k, t in enumerate(before) if t.text == ","), default=-1)
        if comma >= 0 and before[0].pos_ != "ADP":
            return None  # (only an opening phrase of place or time before the subject: "En redes, …")
        rest = before[comma + 1:]
        if not rest or rest[0].pos_ == "ADP" or rest[0].lower_ in ("al", "del"):
            return None  # ("En una carta, aseguró …": where it was said)
        tokens = trim_np(rest)
        # its first word a common noun (the tagger may call it an adjective: "usuarios del tranvía") the
        # speaker tables list for people or bodies (names are _fronted_name's; not "Asimismo, dijo …")
        head = next((t for t in tokens if t.pos_ in ("NOUN", "ADJ", "PROPN")), None)
        if head is None or head.pos_ == "PROPN" and not (head.i == sent.start and head.text[1:].islower()) \
                or disagrees(verb, head) \
                or listed_kind(head.text) not in ("person", "group", "organisation") \
                or not self.resolver.can_speak(tokens, listed=True):
            return None
        return self.resolver.resolve(tokens, self.current)

    def _source_before(self, verb: Token, sent: Span) -> Speaker | None:
        """A source named earlier in the sentence with its own speech verb is the subject a later
        verb drops: "…, según advierten los autores, al tiempo que recuerdan que …"."""
        doc, found = self.doc, None
        k = bisect_left(self.phrase_firsts, sent.start)
        while k < len(self.phrases) and self.phrases[k][0] < verb.i:
            last = self.phrases[k][1]
            if last < verb.i and source_verb(doc[last]) is not None:
                tokens = trim_np(phrase_after(doc, last + 1, verb.i))
                if tokens and self.resolver.can_speak(tokens):
                    found = tokens
            k += 1
        return self.resolver.resolve(found, self.current) if found else None

    def _name_right_before(self, verb: Token, sent: Span) -> Speaker | None:
        """A body's or a person's name right before a verb the parser gave no subject, after a comma
        or opening the sentence, no preposition before it: "…, tres horas tras la lectura del tuit,
        Transparencia por Vexa emitió un comunicado recalcando que …" (the name hung on a noun before)."""
        if subject_of(verb) is not None:
            return None
        mention = next(((m, e) for m, e in self.resolver.index.mentions_in(sent.start_char, verb.idx)
                        if e.label in ("PER", "ORG") and not self.text[m.end:verb.idx].strip()), None)
        if mention is None:
            return None
        span = self.doc.char_span(mention[0].start, mention[0].end, alignment_mode="expand")
        if span is None or span.start > sent.start and self.doc[span.start - 1].text != ",":
            return None
        return self.resolver.resolve(list(span), self.current)

    def _fronted_name(self, verb: Token, sent: Span) -> Speaker | None:
        """The subject the parser lost: "A su vez, Ana Ruiz, académica de la Facultad de Medicina
        (FM) y vocera de la comisión, explicó que …": before the cue only a comma-closed stretch
        without a finite verb, holding a person's name that no preposition governs."""
        doc = self.doc
        before = [t for t in doc[sent.start:verb.i] if not t.is_space]
        finite = [k for k, t in enumerate(before) if "VerbForm=Fin" in str(t.morph)]
        if finite:
            # "Mientras la multitud buscaba a …, uno, Tomás Liendo, respondió": the stretches after the
            # clause before, set off by commas, without a verb of their own
            comma = next((k for k in range(finite[-1] + 1, len(before) - 1) if before[k].text == ","), None)
            before = before[comma + 1:] if comma is not None else []
            if before and (before[0].pos_ == "ADP" or "VerbForm=Part" in str(before[0].morph)):
                return None  # ("…, acompañado por el vocero, Ana Ruiz, detalló", "sobre el hijo de X, Luis Soto, …")
        if len(before) < 2 or before[-1].text != "," or self.quote_at(before[0].idx) is not None:
            return None
        for m, e in self.resolver.index.mentions_in(before[0].idx, before[-1].idx):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            if e.label != "PER":
                # a name the model mislabelled, described by a role right after it: "…, académico de …"
                role = doc[span.end + 1] if span.end + 1 < sent.end and doc[span.end].text == "," else None
                if role is None or not self.resolver.is_role(role) or not any(t.pos_ == "PROPN" for t in span):
                    continue
            prev = doc[span.start - 1] if span.start > sent.start else None
            if prev is not None and (prev.pos_ == "ADP" or prev.lower_ in ("de", "del", "a", "al", "sobre", "y", "e", "según")):
                continue
            nxt = doc[span.end] if span.end < len(doc) else None
            if nxt is None or nxt.text != ",":
                return None
            if finite and span.start == before[0].i and all(t.is_punct or t.is_space for t in doc[span.end:verb.i]):
                return None  # "… contra el sobrino del tesorero, Luis Soto, reiteró": the name closes the clause before
            tokens = [t for t in doc[span.start:verb.i - 1] if not t.is_space]
            return self.resolver.resolve(tokens, self.current)
        return None

    def dropped_subject(self, pos: int, sent_start: int, verb: Token | None = None) -> Speaker | None:
        """Spanish drops subjects ("…”, agregó."): the latest of the current speaker and the last
        person seen as a subject of an earlier sentence, within a few paragraphs.  The verb's number
        must fit: "Puntualizaron que …" is never said by one person named before."""
        best, best_para = self.current, self.current_para
        for at, sp in reversed(self.resolver.salient):
            if at < sent_start:
                if best is None or at > self.current_at:
                    best, best_para = sp, self.para(at)
                break
        if best is None:
            # "La Secretaría de Salud actualizó las normas. … Explicó que …": nobody has spoken and no
            # person acted; the body that did, within two paragraphs
            person_at = next((at for at, e in self.resolver.index.before(pos) if e.label == "PER"), -1)
            for at, sp in reversed(self.resolver.agents):
                if at < sent_start:
                    # (no person named since; one body says, never "Dicen que …")
                    if self.para(pos) - self.para(at) <= 2 and person_at < at \
                            and not (verb is not None and _plural_verb(verb)):
                        best, best_para = sp, self.para(at)
                    break
        if verb is not None and _plural_verb(verb) and (best is None or _singular_speaker(best)):
            # "… se reunieron con ellos. Señalaron que …": several that acted in the sentences just
            # before, after anybody spoke, speak for a plural verb
            acted = next(((at, t, s) for at, t, s in reversed(self.plural_agents) if at < sent_start), None)
            if acted is not None and self.para(pos) - self.para(acted[0]) <= 1 \
                    and acted[0] > (self.current_at if self.current else -1):
                group = self.resolver.resolve(trim_np(self.within(acted[1], acted[2])), None)
                if group is not None and group.name and self.kind(group) in ("group", "organisation"):
                    best, best_para = group, self.para(acted[0])
        if best is None or self.para(pos) - best_para > _SPEAKER_REACH:
            return None
        if verb is not None and _plural_verb(verb) and _singular_speaker(best):
            return None
        return Speaker(best.name, best.text, best.label, best.start, best.end)

    def _impersonal_se(self, verb: Token, sent: Span) -> bool:
        """An impersonal "se" before the verb ("Por parte de la Secretaría, se informó …"); not a
        pronominal one whose subject the parser lost ("Cezary Soto se pregunta")."""
        prev = before_auxiliaries(verb, sent.start)
        return prev is not None and prev.lower_ == "se" and prev.dep_ != "obj" \
            and not any(t.ent_type_ == "PER" for t in self.doc[sent.start:verb.i])

    def _impersonal_source(self, verb: Token, sent: Span) -> Token | None:
        """Where an impersonal verb speaks from (``source_from``): for a plural or one with
        impersonal "se"; for any "se" before the verb (the parser may take it for an object), a
        document's noun after "en" before it ("En el estudio se afirma que …": the study says it)."""
        if _plural_verb(verb) or self._impersonal_se(verb, sent):
            return source_from(verb, sent)
        if (prev := before_auxiliaries(verb, sent.start)) is not None and prev.lower_ == "se":
            source = source_from(verb, sent)
            if source is not None and source.i < verb.i and (noun_kind(source.text) == "document" or (
                    noun_kind(source.text) == "organisation" or source.ent_type_ == "ORG")
                    and not pronominal(cue_lexicon().lemma_of(verb.lower_) or verb.lemma_)):
                return source  # ("En el Ayuntamiento se ha explicado que …": not "se quejó")
        return None

    def within(self, tok: Token, sent: Span) -> list[Token]:
        """The contiguous part of ``tok``'s subtree around it inside ``sent``."""
        ids = {t.i for t in tok.subtree}
        a = tok.i
        while a - 1 >= sent.start and a - 1 in ids:
            a -= 1
        b = tok.i + 1
        while b < sent.end and b in ids:
            b += 1
        return list(self.doc[a:b])

    def clitics(self, verb: Token) -> int:
        """The object pronouns right after ``verb`` (not the article of a subject that closes the
        sentence: "…”, expuso la nutrióloga.")."""
        n, j = 0, verb.i + 1
        while j < len(self.doc) and self.doc[j].lower_ in ("se", "le", "les", "lo", "la", "me", "nos") \
                and not self._closing_subject(j):
            n += 1
            j += 1
        return n

    def _closing_subject(self, j: int) -> bool:
        """Whether the word at ``j`` is the article of the verb's subject after it ("la" of "…,
        expuso la nutrióloga."), not of a phrase a quotation or a dash follows ("añade la directora,
        “…”", "-dice la circular-": the frames the quotation patterns read)."""
        doc = self.doc
        det, noun = doc[j], doc[j + 1] if j + 1 < len(doc) else None
        if det.pos_ != "DET" or noun is None or noun.pos_ not in ("NOUN", "ADJ") or det.head.i != noun.i:
            return False
        after = [t.text for t in doc[noun.i + 1:noun.i + 3]]
        return not (after and (after[0] in OPEN or after[0] in "-–—"
                               or after[0] == "," and len(after) > 1 and after[1] in OPEN))

    def content_end(self, start_tok: int, sent: Span, stop_at_cue: bool | None = True, cue: Token | None = None) -> int:
        """Token index where reported content that starts at ``start_tok`` ends.  ``stop_at_cue``: at a
        speech verb after a comma (True), never (False), or only at one that closes the sentence with
        its subject after it (None: the content has a verb of its own there, "…, sostienen que …")."""
        doc = self.doc
        end = sent.end
        if cue is not None and cue.dep_ in ("acl", "acl:relcl", "relcl") and start_tok in range(cue.i, sent.end) \
                and (clause_end := max(t.i for t in cue.subtree)) + 1 < sent.end and clause_end >= start_tok \
                and doc[clause_end + 1].pos_ in ("VERB", "AUX") and "VerbForm=Fin" in str(doc[clause_end + 1].morph) \
                and (doc[start_tok].lower_ != "que" or any("VerbForm=Fin" in str(t.morph) for t in doc[start_tok:clause_end + 1])):
            # "uno de los que ha pedido revisar las tarifas habló …", "La edil, quien opina que el río sigue
            # sucio, votó …": a cue in a relative clause says no more than its clause (a "que" clause with its
            # own verb in it); the main verb after it is the sentence's
            end = clause_end + 1
        i = start_tok + 1
        fronted = fronted_clause_comma(cue) if cue is not None else None
        while i < sent.end:
            t = doc[i]
            if t.is_space and "\n" in t.text:
                end = i
                break
            if cue is not None and i == fronted and self.quote_at(t.idx) is None:
                end = i  # "Al afirmar que …, la diputada pidió …": the main clause is no content
                break
            if cue is not None and t.text == ":" and self.colon_quote(t) is not None:
                end = i  # "dijo que es grave: “No tenemos camas”": the quotation is a claim of its own
                break
            if cue is not None and t.lower_ in ("y", "e") and stop_at_cue and self.quote_at(t.idx) is None and any(
                    x.head.i == cue.i and x.dep_ == "conj" and "VerbForm=Fin" in str(x.morph)
                    and cue_lemma(x) is not None for x in doc[i + 1:min(sent.end, i + 3)]):
                end = i  # "consideró que … y dijo que …": the speaker's next speech act, a claim of its own
                break
            if cue is not None and t.lower_ in ("y", "e") and self.quote_at(t.idx) is None \
                    and i + 1 < sent.end and doc[i + 1].lower_ != "que" and any(
                    x.head.i == cue.i and x.dep_ == "conj" and x.pos_ in ("VERB", "AUX") and "VerbForm=Fin" in str(x.morph)
                    and any(c.dep_ == "nsubj" and c.left_edge.i == i + 1 and c.i < x.i for c in x.children)
                    for x in doc[i + 2:min(sent.end, i + 9)]):
                end = i  # "le propuso cerrar la calle y el concejal le contestó: …": a clause opening with its own subject,
                break  # joined to the cue's
            if t.text in DASHES and sum(doc[k].text in DASHES for k in range(start_tok, i)) % 2 == 1:
                i += 1  # "que —claro— supone una amenaza": the dash closes an aside; the clause goes on
                continue
            if t.text in (",", ";", DASHES[0], DASHES[1]) and i + 1 < sent.end:
                nxt = doc[i + 1]
                words = tuple(fold(x.text) for x in doc[i + 1: i + 5])  # (the longest stop phrase: four words)
                # "…, destacando la labor de los peritos": a gerund with a plain object goes on
                # with what was said; with "que" after it, or quoted words of its own ("…, calificando
                # la medida de “inútil”"), it opens the next claim
                going_on = "VerbForm=Ger" in str(nxt.morph) \
                    and not any(x.lower_ in ("que", ":") for x in doc[i + 2:min(sent.end, i + 5)]) \
                    and not self.quotes_opening_in(nxt.idx, doc[sent.end - 1].idx)
                # "que el tesorero, Julio Soria, mantiene dos cuentas …": the content's own verb, its
                # subject inside the content, is no cue of the speaker's next act
                own_verb = cue_lemma(nxt) is not None and doc[start_tok].head.i == nxt.i \
                    and (subj := subject_of(nxt)) is not None and start_tok <= subj.i < i
                if stop_at_cue and not going_on and not own_verb and self.quote_at(t.idx) is None and (cue_lemma(nxt) is not None or (
                        fold(nxt.text) in _CLAUSE_LINKS and any(cue_lemma(x) is not None for x in doc[i + 2:min(sent.end, i + 6)]))
                        or fold(nxt.text) in _CLAUSE_LINKS and _speaker_next(doc, i + 2, min(sent.end, i + 16))
                        or nxt.lower_ in ("al", "tras") and i + 2 < sent.end and after_al(doc[i + 2])
                        and cue_lemma(doc[i + 2]) is not None):
                    end = i  # "…, dijo", "…, pero no precisó cuándo", "…, al explicar que": the speaker's next act
                    break
                if stop_at_cue is None and self.quote_at(t.idx) is None and _postposed_cue(nxt):
                    end = i  # "Según el instituto, el paro bajó, publicó el diario X": who relays it
                    break
                if any(words[:len(p)] == p for p in self.stops) and self.quote_at(t.idx) is None:
                    end = i
                    break
                if cue is not None and words[:1] in (("y",), ("e",)) and self.quote_at(t.idx) is None and any(
                        x.head.i == cue.i and x.dep_ == "conj" and "VerbForm=Fin" in str(x.morph)
                        for x in doc[i + 2:min(sent.end, i + 5)]):
                    end = i  # "…, y citó otro ejemplo": the speech verb's own next clause
                    break
                if words[:1] == ("segun",) and i + 3 < sent.end and cue_lemma(doc[i + 2]) is not None \
                        and doc[i + 3].text == "," and self.quote_at(t.idx) is None:
                    i += 4  # "…, según dijo, para que …": the speaker's own aside; the content goes on
                    continue
                if any(words[:len(p)] == p for p in self.phrase_words()) and i - start_tok > 2:
                    end = i  # "…, según la policía" (not "que, según la policía, …": the clause goes on)
                    break
            i += 1
        # Never cut inside a quotation: extend to its closing mark.
        if start_tok >= len(doc):
            return len(doc)
        last = doc[end - 1] if end > start_tok else doc[start_tok]
        q = self.quote_at(last.idx)
        if q is not None and q.balanced:
            while end < len(doc) and doc[end - 1].idx + len(doc[end - 1].text) <= q.close_mark:
                end += 1
        return end

    def colon_quote(self, colon: Token) -> Quote | None:
        """A quoted sentence right after a colon: a capital, three words or more, outside any quotation."""
        if self.quote_at(colon.idx) is not None:
            return None
        q = self.quote_starting_at(colon.idx + 1, " \t")
        if q is None or not self.text[q.start:q.start + 1].isupper() or len(re.findall(r"\w+", self.text[q.start:q.end])) < 3:
            return None
        return q

    def phrase_words(self) -> list[tuple[str, ...]]:
        return [p for p, pos, _ in attribution_phrases() if pos == "any"]

    def with_closing_mark(self, start: int, end: int) -> int:
        """``end`` past the closing mark of a quotation that opened inside [start, end) and closes
        after it with only punctuation between ("es que “nadie paga”." ends at the mark: quote
        marks inside mixed content are kept)."""
        q = self.quote_at(end)
        if q is not None and q.balanced and start <= q.open_mark < end <= q.close_mark \
                and not self.text[end:q.close_mark].strip(".,;:!?…)» \n"):
            return q.outer[1]
        return end

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Strip spaces and sentence punctuation (not closing quote marks) off a char span."""
        while start < end and (self.text[start].isspace() or self.text[start] in ",;:.—–-■•·"):
            start += 1  # (a bullet or dash left inside a line is not what was said; one opening a
            # line is dropped before parsing, ``normalise._BULLET``)
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ",;:.—–-"):
            end -= 1
        return start, end

    def kind_of(self, start: int, end: int) -> str:
        """direct / mixed / indirect for a content span, by the quotations it holds."""
        for q in self.quotes_opening_in(start - 1, start + 1):
            if q.start == start and q.end >= end - 1:
                return "direct"
        for q in self.quotes_opening_in(start, end + 2):
            if q.outer[1] <= end + 1:
                words = re.findall(r"\w+", self.text[q.start:q.end])
                if len(words) >= _MIXED_WORDS and not all(w[:1].isupper() for w in words):
                    return "mixed"
        return "indirect"

    def add(self, kind: str, speaker: Speaker | None, cue: Cue | None, start: int, end: int,
            sent: Span, rule: str, lemma: str | None = None) -> Claim | None:
        start, end = self.trim(start, end)
        words = len(re.findall(r"\w+", self.text[start:end]))
        if end - start < 3 or words < 2:
            return None
        if cue is not None and self._asked(cue.start, sent) and not start <= cue.start < end:
            return None  # "¿Hubo vecinos que le advirtieron que el puente cedía?": a question asserts nothing
        speaker, candidates = self.choose_speaker(speaker, cue, start, end, sent, rule)
        # A speaker that is no known person, group, organisation or document ("el voto", "el
        # alcance del régimen") is kept with kind null and a weaker claim: dropping it lowered the
        # blind check (0.849 -> 0.831), since the lexicons do not type every real speaker.
        untyped = speaker is not None and speaker.kind is None
        # Stance verbs are optional claims, unless the speaker's own words are quoted (mixed_stance).
        stance = lemma in cue_lexicon().verbs and cue_kind(lemma) == "stance" and rule != "mixed_stance"
        conf = CONFIDENCE[rule] * (STANCE if stance else 1.0) * (UNTYPED if untyped else 1.0)
        features = None
        if self.calibrator is not None or self.record:
            features = claim_features(rule, kind, speaker, cue is not None, stance, words)
            if self.calibrator is not None:
                conf = self.calibrator.probability(features)
        # "sentence": the sentence(s) holding the claim, the cue's and the content's.
        claim = Claim(kind, speaker, cue, start, end, min(sent.start_char, start), max(sent.end_char, end), conf, rule,
                      candidates, features if self.record else None)
        self.claims.append(claim)
        serial = self._serial = self._serial + 1
        self._claim_by_serial[serial] = claim
        self._serials.append(serial)
        insort(self._claim_starts, (claim.start, serial))
        self._claim_reach = max(self._claim_reach, claim.end - claim.start)
        nested = cue is not None and any(c is not claim and c.speaker is not None and c.start <= cue.start < c.end
                                         for c in self.claims_near(cue.start, cue.end)) \
            or rule == "according_to" and speaker is not None and any(
                c is not claim and c.speaker is not None and c.start <= speaker.start < c.end
                for c in self.claims_near(speaker.start, speaker.end))
        cited = rule.startswith("according_to") and speaker is not None and speaker.kind == "document"
        if speaker is not None and not untyped and not nested and not cited:
            # (a speaker no lexicon types, "estas obras", does not go on speaking in the
            # sentences whose subject is dropped: the last typed one does; nor does one named inside
            # another's reported speech: "La ministra señaló que las regiones han comunicado que …"; nor a
            # document a phrase cites: "De acuerdo con la teoría X, continuó, …" is the person's)
            self.current, self.current_para = speaker, self.para(start)
            self.current_at = start
            self.resolver.remember(speaker)
        return claim

    def stretch(self, claim: Claim, end: int) -> None:
        """Let ``claim``'s content run on to ``end`` (past a cue that interrupts it); quoted words
        it takes in make indirect speech mixed."""
        claim.end = end
        claim.sentence_end = max(claim.sentence_end, end)
        self._claim_reach = max(self._claim_reach, claim.end - claim.start)
        if claim.type == "indirect" and self.kind_of(claim.start, end) != "indirect":
            claim.type = "mixed"

    def _asked(self, pos: int, sent: Span) -> bool:
        """Whether ``pos`` lies inside a question of its sentence ("¿… ?") outside any quotation."""
        text = self.text
        opened = text.rfind("¿", sent.start_char, pos)
        if opened == -1 or self.quote_at(pos) is not None:
            return False
        closed = text.find("?", pos, sent.end_char)
        return closed != -1 and "¿" not in text[pos:closed] and not any(m in text[opened:pos] for m in ".!")

    def kind(self, speaker: Speaker | None) -> str | None:
        """The kind of a speaker in this article (None: no speaker, or one nothing types)."""
        if speaker is None:
            return None
        if speaker.kind is not None:
            return speaker.kind
        kind = speaker_kind(speaker.name, speaker.text, speaker.label, self.resolver.described_people())
        if kind == "person" and speaker.name is not None and any(
                body == speaker.name or body.startswith(speaker.name + " ") for body in self.resolver.named_body_names()):
            # "el diario alemán Gaceta" … "Gaceta explica", "el diario Eco de Lima" … "según Eco": a body
            kind = "organisation"  # (or its short name) the model tagged a person
        elif kind == "person" and speaker.label == "PER" and self.resolver.no_person_named(speaker.name, speaker.text):
            kind = "organisation"  # "Tecnova anunció …": one word, no given name, nobody's name in the article
        return kind

    def _typed(self, speaker: Speaker | None) -> Speaker | None:
        if speaker is None or speaker.kind is not None:
            return speaker
        return replace(speaker, kind=self.kind(speaker))

    def choose_speaker(self, picked: Speaker | None, cue: Cue | None, start: int, end: int, sent: Span,
                       rule: str) -> tuple[Speaker | None, list | None]:
        """The claim's speaker, typed: the fitted choice among its candidates (the rule's pick and
        the context's, ``candidates``) when a scorer is set, else the rule's pick.  With
        ``record``, also the candidates with their features (for ``newsclaims train``)."""
        picked = self._typed(picked)
        if (self.scorer is None or not self.scorer.enabled) and not self.record:
            return picked, None
        cands = gather(self, picked, cue.start if cue is not None else start, start, end, sent)
        offered = len(cands)  # (a candidate left alone by the filter below was not offered alone)
        if self._plural_cue(cue):
            # The verb's number must fit a subject the context offers: "aducían que …" is never said
            # by one person (the rule's own pick stands: "Ana Gil y su equipo afirmaron …" may be cut
            # to her name). (A singular verb after a group may be one of its members speaking.)
            cands = [c for c in cands if "rule" in c.sources or not _singular_speaker(c.speaker)]
        people = self.resolver.described_people()
        rule_none = picked is None
        described = [describe(c, rule, picked.kind if picked else None, rule_none, offered, people) for c in cands]
        chosen = picked
        if self.scorer is not None and self.scorer.enabled:
            k = self.scorer.choose(described, rule_none)
            chosen = self._typed(cands[k].speaker) if k is not None else None
        recorded = None
        if self.record:
            recorded = [{"name": c.speaker.name, "text": c.speaker.text, "features": f} for c, f in zip(cands, described)]
        return chosen, recorded

    def _plural_cue(self, cue: Cue | None) -> bool:
        """Whether the cue's finite verb is a third-person plural ("afirmaron", "han dicho"); not
        for a phrase ("según") or a colon."""
        span = self.doc.char_span(cue.start, cue.end, alignment_mode="expand") if cue is not None else None
        finite = next((f for t in span or () if t.pos_ in ("VERB", "AUX") and (f := finite_of(t)) is not None
                       and f.morph.get("Person", []) == ["3"]), None)
        return finite is not None and _plural_verb(finite)

    def _forgotten_periods(self) -> list[int]:
        """Sentence starts whose period was forgotten: a capitalised word right after a closing
        quote mark ("…necesarios” Se refirió a …"), or a capitalised verb right after a lower-case
        word ("…de manera responsable Dijo también que …")."""
        import numpy
        from spacy.attrs import IS_TITLE, POS
        from spacy.symbols import ADP, ADV, AUX, DET, PRON, SCONJ, VERB

        doc = self.doc
        out: list[int] = []
        # (both kinds are a capitalised word of these parts of speech: only those are looked at)
        arr = doc.to_array([IS_TITLE, POS]) if len(doc) else numpy.zeros((0, 2), dtype="uint64")
        wanted = (arr[:, 0] == 1) & numpy.isin(arr[:, 1], [PRON, DET, VERB, AUX, ADV, SCONJ, ADP])
        for i in numpy.nonzero(wanted)[0].tolist():
            if i < 2:
                continue
            tok, prev = doc[i], doc[i - 1]
            if prev.is_space:
                if "\n" in prev.text:
                    continue
                prev = doc[i - 2]
            q = self.quote_at(prev.idx) if prev.text in CLOSE and self.marks[prev.idx] in CLOSE else None
            if q is not None and q.balanced and q.close_mark == prev.idx and tok.is_alpha and tok.pos_ in ("PRON", "DET", "VERB", "AUX", "ADV", "SCONJ", "ADP") \
                    and len(re.findall(r"\w+", self.text[q.start:q.end])) >= 4:
                out.append(i)
            elif tok.pos_ in ("VERB", "AUX") and prev.is_alpha and prev.is_lower and cue_lemma(tok) is not None:
                out.append(i)
        return out

    def sentences(self) -> list[Span]:
        """Sentences for extraction: cut at every line break, and at the parser's sentence starts
        only after sentence-final punctuation (the small model also splits at colons and names)."""
        import numpy
        from spacy.attrs import IS_SPACE, SENT_START

        doc = self.doc
        cuts = {0}
        if len(doc):
            arr = doc.to_array([IS_SPACE, SENT_START])
            for n in numpy.nonzero(arr[:, 0])[0].tolist():
                if "\n" in doc[n].text:
                    cuts.update((n, n + 1))
            for i in numpy.nonzero(arr[:, 1] == 1)[0].tolist():
                if i == 0 or i in cuts:
                    continue
                prev = doc[i - 1]
                before = doc[i - 2] if i > 1 else prev
                if prev.text in FINAL or (prev.text in CLOSE and before.text in FINAL):
                    cuts.add(i)
            cuts.update(self._forgotten_periods())
        cuts.add(len(doc))
        bounds = sorted(cuts)
        out = []
        for a, b in zip(bounds, bounds[1:]):
            while a < b and doc[a].is_space:
                a += 1
            if a < b:
                out.append(doc[a:b])
        return out

    def index(self) -> None:
        """Token positions each extractor looks at, found once on the token arrays (iterating
        every token of every sentence in Python costs more than the rules themselves)."""
        import numpy
        from spacy.attrs import DEP, LEMMA

        doc = self.doc
        found = doc.user_data.get("newsclaims_cue_tokens")  # set by newsclaims_cues when it ran
        if found is None:
            from .cues import _candidates
            found = {t.i: lemma for t in _candidates(doc) if (lemma := cue_lemma(t)) is not None}
        self.cue_at = {i: lemma for i, lemma in found.items() if cue_kind(lemma) != "quoting"}
        self.cue_idx = sorted(self.cue_at)
        strings = doc.vocab.strings
        arr = doc.to_array([DEP, LEMMA]) if len(doc) else numpy.zeros((0, 2), dtype="uint64")
        subj = (arr[:, 0] == strings.add("nsubj")) | (arr[:, 0] == strings.add("nsubj:pass"))
        self.subject_idx = [int(i) for i in numpy.nonzero(subj)[0]]
        self.ser_idx = [int(i) for i in numpy.nonzero(arr[:, 1] == strings.add("ser"))[0]]
        self.que_idx = [int(i) for i in numpy.nonzero(arr[:, 1] == strings.add("que"))[0]]

    @staticmethod
    def within_sent(indices: list[int], sent: Span) -> list[int]:
        return indices[bisect_left(indices, sent.start):bisect_left(indices, sent.end)]

    def sentences_in(self, span: Span) -> list[Span]:
        if len(self._sent_starts) != len(self.sents):
            self._sent_starts = [s.start_char for s in self.sents]
        a, b = bisect_left(self._sent_starts, span.start_char), bisect_left(self._sent_starts, span.end_char)
        return self.sents[a:b]

    def first_word(self, sent: Span, limit: int, skip: tuple[str, ...] = ()) -> int:
        """The index of ``sent``'s first word before ``limit`` (past spaces, punctuation and the
        lower-case words in ``skip``); ``limit`` when none stands before it."""
        first = sent.start
        while first < limit and (self.doc[first].is_space or self.doc[first].is_punct or self.doc[first].lower_ in skip):
            first += 1
        return first

    def sentence_index(self, sent: Span) -> int:
        """The position of ``sent`` in ``sents`` (-1 if it is not one of them)."""
        if len(self._sent_starts) != len(self.sents):
            self._sent_starts = [s.start_char for s in self.sents]
        k = bisect_left(self._sent_starts, sent.start_char)
        return k if k < len(self.sents) and self._sent_starts[k] == sent.start_char else -1

    def question_before(self, pos: int) -> bool:
        """Whether the paragraph before the one at ``pos`` is a question."""
        k = self.para(pos)
        if k < 1:
            return False
        return ends_question(self.text[self.para_starts[k - 1]:self.para_starts[k]])

    def _surname(self, tok: Token) -> bool:
        """A lone capitalised word the model did not tag as a person that is part of a person's full name
        given elsewhere ("pero Soto diferenció que …" after "el diácono Luis Soto")."""
        if tok.pos_ != "PROPN" or tok.ent_type_ == "PER" or not tok.text[:1].isupper() or tok.is_sent_start:
            return False
        ent = self.resolver.index.named(tok.text, "PER")
        return ent is not None and len(ent.name.split()) >= 2

    def note_subjects(self, sent: Span) -> None:
        """Persons that are subjects become salient for later role nouns ("la diplomática"); named
        organisations that are subjects, agents a later dropped subject may fall back on."""
        for t in (self.doc[i] for i in self.within_sent(self.subject_idx, sent)):
            if t.pos_ in ("PROPN", "NOUN") and self.quote_at(t.idx) is None \
                    and (any(x.ent_type_ == "PER" for x in t.subtree) or self._surname(t)
                         or any(_given_name(x) and (x.i == t.i or x.head.i == t.i and x.dep_ in ("appos", "flat"))
                                for x in t.subtree)):
                sp = self.resolver.resolve(trim_np(self.within(t, sent)), None)
                if sp is not None and sp.label == "PER":
                    self.resolver.remember(sp)
            elif t.pos_ in ("PROPN", "NOUN") and t.ent_type_ in ("ORG", "MISC") and t.head.pos_ == "VERB" \
                    and self.quote_at(t.idx) is None:
                sp = self.resolver.resolve(trim_np(self.within(t, sent)), None)
                if sp is not None and sp.name and sp.name[:1].isupper() and self.kind(sp) == "organisation":
                    self.resolver.agents.append((sp.start, sp))
            elif t.pos_ in ("NOUN", "ADJ") and t.head.pos_ == "VERB" and self.resolver.is_role(t) and self.quote_at(t.idx) is None:
                # "El alcalde visitó la obra. Dijo que …": a person the article has not named acts
                sp = self.resolver.resolve(trim_np(self.within(t, sent)), None)
                if sp is not None and self.kind(sp) == "person":
                    self.resolver.agents.append((sp.start, sp))
            if t.pos_ == "NOUN" and t.is_lower and t.lower_.endswith("s") and t.head.pos_ in ("VERB", "AUX") \
                    and (listed_kind(t.text) in ("group", "organisation") or _PEOPLE_BY_TRADE.search(t.lower_)) \
                    and _plural_verb(t.head) and self.quote_at(t.idx) is None:
                # "Los delegados de ambos clubes se reunieron ayer. Aseguraron que …": people or bodies
                # the tables know (or named by their trade: "los inspectores"), several, act (resolved
                # only when a plural verb's subject is dropped: ``dropped_subject``)
                self.plural_agents.append((t.idx, t, sent))
