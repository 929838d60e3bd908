"""Claims: who said what.  The ``newsclaims_claims`` component.

Extractors run per sentence in this fixed order, and overlapping findings are de-duplicated once,
at the end (``_dedupe``):

1. cue verbs, looking right for the content:
   que-clause ("La ministra dijo que habrá ayudas"), infinitive ("El diputado negó haber cobrado"),
   colon ("El alcalde dijo: “Vamos a ganar”"), an adjacent quotation ("dijo “vamos a ganar”");
2. cue verbs, looking left (postposed or inverted speaker):
   “Vamos a ganar”, dijo el alcalde  /  La obra se retrasa, admitió la ministra;
   a second quotation after the speaker joins the first ("“Vamos”, dijo, “a ganar”");
   a cue inside a quotation between dashes: «Vamos —dijo el alcalde— a ganar»;
3. attribution phrases: "Según la policía, el conductor huyó", "…, de acuerdo con la fiscalía";
4. floating quotations: a quotation that opens a sentence with no cue continues the current speaker.

Results: ``doc._.claims`` (list of ``newsclaims.claims.Claim``), ``doc._.entities`` and
``doc.spans["newsclaims_claims"]`` (the contents, label = claim type).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..claims import CONFIDENCE, STANCE, Claim, Cue, Speaker
from ..entities import cluster
from ..rules import attribution_phrases, cue_lexicon, fold, phrase_list, singulars, word_set
from .cues import cue_kind, cue_lemma, cue_span, find_phrases
from .quotes import Quote, doc_quotes, quote_source
from .speakers import SpeakerResolver, phrase_after, subject_of, trim_np

_CLOSE = "”»\"’›"
_OPEN = "“«\"‘‹„"
_DASHES = "—–"
_FINAL = {".", "!", "?", "…", ";", "?»", "!»", "...", ".»", ".”"}
_MAX_WINDOW = 16       # tokens between a cue and its "que"
_FLOATING_WORDS = 4    # a floating quotation has at least this many words
_MIXED_WORDS = 2       # quoted words that make reported speech "mixed"
_TWEET_SIGNATURE = re.compile(
    r"^[ \t]*[—–-][ \t]*(?P<name>[^\n(]{1,60}?)[ \t]*\((?P<handle>@\w{1,30})\)[ \t]*[A-Za-zé]+\.?[ \t]+[^\n]{1,25}$",
    re.MULTILINE)
_SPEAKER_REACH = 4       # paragraphs a dropped subject may reach back for its speaker
_NOT_SUBJECTS = {"se", "lo", "la", "le", "les", "uno", "una", "todo", "algo", "nada", "esto", "eso", "ello"}
_SUBJ_PRONOUNS = {"él", "ella", "ellos", "ellas"}


def _install_extensions() -> None:
    if not Doc.has_extension("claims"):
        Doc.set_extension("claims", getter=lambda doc: doc.user_data.get("newsclaims_claims", []))
    if not Doc.has_extension("entities"):
        Doc.set_extension("entities", getter=lambda doc: doc.user_data.get("newsclaims_entities", []))


@Language.factory("newsclaims_claims", assigns=["doc.spans", "doc._.claims", "doc._.entities"],
                  default_config={"spans_key": "newsclaims_claims", "min_confidence": 0.0})
def make_claims(nlp: Language, name: str, spans_key: str, min_confidence: float) -> "ClaimExtractor":
    _install_extensions()
    return ClaimExtractor(spans_key=spans_key, min_confidence=min_confidence)


class ClaimExtractor:
    def __init__(self, *, spans_key: str = "newsclaims_claims", min_confidence: float = 0.0) -> None:
        self.spans_key = spans_key
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        _install_extensions()
        claims = _Extraction(doc).run()
        claims = [c for c in claims if c.confidence >= self.min_confidence]
        doc.user_data["newsclaims_claims"] = claims
        spans = []
        for c in claims:
            span = doc.char_span(c.start, c.end, label=c.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


class _Extraction:
    """One document's extraction state: quotes, entities, resolver, current speaker."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.marks = quote_source(doc, self.text)
        self.quotes: list[Quote] = doc_quotes(doc, self.text)
        self.entities = cluster(doc)
        doc.user_data["newsclaims_entities"] = self.entities
        self.resolver = SpeakerResolver(doc, self.entities, self.text)
        self.current: Speaker | None = None
        self.current_para = -1
        self.current_at = -1
        self.claims: list[Claim] = []
        self.openers = phrase_list("discourse_openers.tsv")
        self.stops = phrase_list("content_stops.tsv")
        self.para_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", self.text)]
        self.phrases = find_phrases(doc)
        self.cut: dict[int, int] = {}  # quotations whose closing mark was forgotten: open mark -> real end

    # --- helpers -------------------------------------------------------------------------------
    def para(self, pos: int) -> int:
        """Index of the paragraph holding character ``pos``."""
        return max(0, bisect_right(self.para_starts, pos) - 1)

    def quote_at(self, pos: int) -> Quote | None:
        for q in self.quotes:
            if q.open_mark <= pos < self.cut.get(q.open_mark, q.outer[1]):
                return q
        return None

    def quote_ending_before(self, pos: int) -> Quote | None:
        """A quotation whose closing mark stands right before ``pos`` (only commas, dashes, spaces between)."""
        for q in self.quotes:
            if not q.balanced or q.close_mark >= pos:
                continue
            gap = self.text[q.close_mark + 1:pos]
            if not gap.strip(" ,\n" + _DASHES) or re.fullmatch(r"\s*[,.]?\s*", gap):
                return q
        return None

    def quote_starting_at(self, pos: int, slack: str = " \t") -> Quote | None:
        for q in self.quotes:
            if q.open_mark >= pos and not self.text[pos:q.open_mark].strip(slack):
                return q
        return None

    def speaker_for(self, verb: Token, sent: Span, postposed: bool) -> Speaker | None:
        """Subject, inverted subject, or the current speaker for a dropped subject."""
        doc = self.doc
        subj = subject_of(verb)
        gerund = "VerbForm=Ger" in str(verb.morph) or re.search(r"ndo(?:le|les|lo|la|los|las|se)?$", verb.lower_)
        gov = verb.head if verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX") else None
        if subj is None and gerund and gov is not None:
            # "La agencia citó al ministro recordándole que …": the quoted person speaks.
            lemma = cue_lexicon().lemma_of(gov.lower_) or gov.lemma_
            if lemma in cue_lexicon().verbs and cue_kind(lemma) == "quoting":
                obj = [c for c in gov.children if c.dep_ in ("obj", "iobj") and c.pos_ in ("PROPN", "NOUN")]
                if obj:
                    return self.resolver.resolve(trim_np(self._within(obj[0], sent)), self.current)
            subj = subject_of(gov)
        if subj is None and gov is not None and verb.dep_ in ("xcomp", "ccomp") and gov.i < verb.i:
            subj = subject_of(gov)  # "quiso aclarar que", "volvió a decir"
        if subj is not None and (not (sent.start <= subj.i < sent.end) or self.quote_at(subj.idx) is not None
                                 or (postposed and subj.i < verb.i) or subj.lower_ in _NOT_SUBJECTS):
            subj = None  # outside this sentence, or words of the content itself
        if subj is not None:
            tokens = trim_np(self._within(subj, sent)) if subj.pos_ != "PRON" else [subj]
            if subj.pos_ == "PRON" and subj.lower_ in _SUBJ_PRONOUNS and self.current is not None:
                return Speaker(self.current.name, subj.text, self.current.label, subj.idx, subj.idx + len(subj.text))
            if tokens:
                return self.resolver.resolve(tokens, self.current)
        after = phrase_after(doc, verb.i + 1 + self._clitics(verb), sent.end)
        if after and not (after[0].i > 0 and doc[after[0].i - 1].lower_ in ("a", "al", "ante", "con", "en", "por", "para")):
            return self.resolver.resolve(after, self.current)
        return self.dropped_subject(verb.idx, sent.start_char)

    def dropped_subject(self, pos: int, sent_start: int) -> Speaker | None:
        """Spanish drops subjects ("…”, agregó."): the latest of the current speaker and the last
        person seen as a subject of an earlier sentence, within a few paragraphs."""
        best, best_para = self.current, self.current_para
        for at, sp in reversed(self.resolver.salient):
            if at < sent_start:
                if best is None or at > self.current_at:
                    best, best_para = sp, self.para(at)
                break
        if best is None or self.para(pos) - best_para > _SPEAKER_REACH:
            return None
        return Speaker(best.name, best.text, best.label, best.start, best.end)

    def _within(self, tok: Token, sent: Span) -> list[Token]:
        """The contiguous part of ``tok``'s subtree around it inside ``sent``."""
        ids = {t.i for t in tok.subtree}
        a = tok.i
        while a - 1 >= sent.start and a - 1 in ids:
            a -= 1
        b = tok.i + 1
        while b < sent.end and b in ids:
            b += 1
        return list(self.doc[a:b])

    def _clitics(self, verb: Token) -> int:
        n, j = 0, verb.i + 1
        while j < len(self.doc) and self.doc[j].lower_ in ("se", "le", "les", "lo", "la", "me", "nos"):
            n += 1
            j += 1
        return n

    def content_end(self, start_tok: int, sent: Span, stop_at_cue: bool = True, cue: Token | None = None) -> int:
        """Token index where reported content that starts at ``start_tok`` ends."""
        doc = self.doc
        end = sent.end
        i = start_tok + 1
        while i < sent.end:
            t = doc[i]
            if t.text in (";",) or (t.is_space and "\n" in t.text):
                end = i
                break
            if t.text in (",", _DASHES[0], _DASHES[1]) and i + 1 < sent.end:
                nxt = doc[i + 1]
                words = tuple(fold(x.text) for x in doc[i + 1: i + 4])
                if stop_at_cue and cue_lemma(nxt) is not None and self.quote_at(t.idx) is None:
                    end = i
                    break
                if any(words[:len(p)] == p for p in self.stops) and self.quote_at(t.idx) is None:
                    end = i
                    break
                if cue is not None and words[:1] in (("y",), ("e",)) and self.quote_at(t.idx) is None and any(
                        x.head.i == cue.i and x.dep_ == "conj" and "VerbForm=Fin" in str(x.morph)
                        for x in doc[i + 2:min(sent.end, i + 5)]):
                    end = i  # "…, y citó otro ejemplo": the speech verb's own next clause
                    break
                if any(words[:len(p)] == p for p in self._phrase_words()):  # "…, según la policía"
                    end = i
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

    def _phrase_words(self) -> list[tuple[str, ...]]:
        return [p for p, pos, _ in attribution_phrases() if pos == "any"]

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Strip spaces and sentence punctuation (not closing quote marks) off a char span."""
        while start < end and (self.text[start].isspace() or self.text[start] in ",;:.—–-"):
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ",;:.—–-"):
            end -= 1
        return start, end

    def kind_of(self, start: int, end: int) -> str:
        """direct / mixed / indirect for a content span, by the quotations it holds."""
        for q in self.quotes:
            if q.start == start and q.end >= end - 1 and q.open_mark >= start - 1:
                return "direct"
        for q in self.quotes:
            if start <= q.open_mark and q.outer[1] <= end + 1:
                words = re.findall(r"\w+", self.text[q.start:q.end])
                if len(words) >= _MIXED_WORDS and not all(w[:1].isupper() for w in words):
                    return "mixed"
        return "indirect"

    def add(self, kind: str, speaker: Speaker | None, cue: Cue | None, start: int, end: int,
            sent: Span, rule: str, lemma: str | None = None) -> Claim | None:
        start, end = self.trim(start, end)
        if end - start < 3 or len(re.findall(r"\w+", self.text[start:end])) < 2:
            return None
        # Stance verbs are optional claims, unless the speaker's own words are quoted (mixed_stance).
        stance = lemma in cue_lexicon().verbs and cue_kind(lemma) == "stance" and rule != "mixed_stance"
        conf = CONFIDENCE[rule] * (STANCE if stance else 1.0)
        # "sentence": the sentence(s) holding the claim, the cue's and the content's.
        claim = Claim(kind, speaker, cue, start, end, min(sent.start_char, start), max(sent.end_char, end), conf, rule)
        self.claims.append(claim)
        if speaker is not None:
            self.current, self.current_para = speaker, self.para(start)
            self.current_at = start
            self.resolver.remember(speaker)
        return claim

    # --- extraction ----------------------------------------------------------------------------
    def sentences(self) -> list[Span]:
        """Sentences for extraction: cut at every line break, and at the parser's sentence starts
        only after sentence-final punctuation (the small model also splits at colons and names)."""
        import numpy
        from spacy.attrs import IS_SPACE, SENT_START

        doc = self.doc
        cuts = {0}
        if len(doc):
            arr = doc.to_array([IS_SPACE, SENT_START])
            for i in numpy.nonzero(arr[:, 0])[0]:
                if "\n" in doc[int(i)].text:
                    cuts.update((int(i), int(i) + 1))
            for i in numpy.nonzero(arr[:, 1] == 1)[0]:
                i = int(i)
                if i == 0 or i in cuts:
                    continue
                prev = doc[i - 1]
                before = doc[i - 2] if i > 1 else prev
                if prev.text in _FINAL or (prev.text in _CLOSE and before.text in _FINAL):
                    cuts.add(i)
        cuts.add(len(doc))
        bounds = sorted(cuts)
        out = []
        for a, b in zip(bounds, bounds[1:]):
            while a < b and doc[a].is_space:
                a += 1
            if a < b:
                out.append(doc[a:b])
        return out

    def _tweets(self) -> None:
        """An embedded tweet: its text, then a signature line "— Ana Ruiz (@anaruiz) May 3, 2020".
        The text is a direct claim of the account's owner."""
        for m in _TWEET_SIGNATURE.finditer(self.text):
            before = self.text[:m.start()].rstrip()
            para_start = before.rfind("\n") + 1
            start, end = para_start, len(before)
            if end - start < 3:
                continue
            span = self.doc.char_span(start, end, alignment_mode="expand")
            name_start = m.start("name")
            tokens = [t for t in self.doc.char_span(name_start, m.end("name"), alignment_mode="expand") or []]
            if span is None or not tokens:
                continue
            sp = self.resolver.resolve(tokens, None)
            if sp is not None and sp.label in ("MISC", "LOC"):
                sp = Speaker(sp.name, sp.text, "PER", sp.start, sp.end)
            q = self.quote_at(start)
            if q is not None and q.open_mark == start:
                start, end = q.start, q.end
            cue = Cue(m.group("handle"), "tweet", m.start("handle"), m.end("handle"))
            self.add("direct", sp, cue, start, end, span, "tweet")

    def _index(self) -> None:
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
        subj = numpy.isin(arr[:, 0], [strings.add("nsubj"), strings.add("nsubj:pass")])
        self.subject_idx = [int(i) for i in numpy.nonzero(subj)[0]]
        self.ser_idx = [int(i) for i in numpy.nonzero(arr[:, 1] == strings.add("ser"))[0]]

    @staticmethod
    def _within_sent(indices: list[int], sent: Span) -> list[int]:
        return indices[bisect_left(indices, sent.start):bisect_left(indices, sent.end)]

    def run(self) -> list[Claim]:
        self._index()
        self._sentences = self.sentences()
        self._tweets()
        for sent in self._sentences:
            self._subjects(sent)
            self._cues(sent)
            self._phrases(sent)
            self._speech_noun(sent)
            self._headline(sent)
            self._floating(sent)
        return _dedupe(self.claims)

    def _subjects(self, sent: Span) -> None:
        """Persons that are subjects become salient for later role nouns ("la diplomática")."""
        for t in (self.doc[i] for i in self._within_sent(self.subject_idx, sent)):
            if t.pos_ in ("PROPN", "NOUN") and self.quote_at(t.idx) is None \
                    and any(x.ent_type_ == "PER" for x in t.subtree):
                sp = self.resolver.resolve(trim_np(self._within(t, sent)), None)
                if sp is not None and sp.label == "PER":
                    self.resolver.remember(sp)

    def _cues(self, sent: Span) -> None:
        for i in self._within_sent(self.cue_idx, sent):
            tok, lemma = self.doc[i], self.cue_at[i]
            if self._impersonal(tok, sent):
                continue
            q_in = self.quote_at(tok.idx)
            if q_in is not None and not self.text[q_in.open_mark + 1:tok.idx].strip():
                q_in = None  # “subrayó que …”: the quotation starts with the cue itself
            cs, ce = cue_span(tok)
            cue = Cue(self.text[cs:ce], lemma, cs, ce)
            if q_in is not None:
                self._interrupting(tok, q_in, cue, sent, lemma)
                continue
            # “…”, señala X, que …: a quotation just before the cue wins over a "que" after it.
            if self.quote_ending_before(cs) is None and self._forward(tok, cue, sent, lemma):
                continue
            if not self._backward(tok, cue, sent, lemma):
                self._object(tok, cue, sent, lemma)

    def _impersonal(self, tok: Token, sent: Span) -> bool:
        """ "Se informó que …", "como se prevé que …": a cue with impersonal "se" and no subject
        before it reports nobody's speech."""
        doc = self.doc
        if tok.i - 1 < sent.start or doc[tok.i - 1].lower_ != "se" or subject_of(tok) is not None:
            return False
        before = doc[tok.i - 2] if tok.i - 2 >= sent.start else None
        return before is None or before.pos_ not in ("NOUN", "PROPN", "PRON")

    def _interrupting(self, tok: Token, q: Quote, cue: Cue, sent: Span, lemma: str) -> None:
        """«No vamos —dijo el alcalde— a ceder»: the cue between dashes inside a quotation.

        A cue between commas inside a quotation ("…ningún país, dijo, pero admitió …") means the
        closing mark was forgotten: the quotation ends at the comma, and what follows is narration.
        """
        before = self.text[max(q.start, tok.idx - 3):tok.idx]
        if not any(d in before for d in _DASHES):
            doc = self.doc
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if before.rstrip().endswith(",") and nxt is not None and nxt.text in (",", ".", ";") \
                    and tok.i > sent.start:
                end = self.text.rindex(",", q.start, tok.idx)
                self.cut[q.open_mark] = end
                speaker = self.speaker_for(tok, sent, postposed=True)
                self.add("direct", speaker, cue, q.start, end, sent, "direct_postposed", lemma)
            return
        after = phrase_after(self.doc, tok.i + 1, sent.end)
        speaker = self.resolver.resolve(after, self.current) if after else self.speaker_for(tok, sent, True)
        self.add(self.kind_of(q.start, q.end), speaker, cue, q.start, q.end, sent, "direct_interrupted", lemma)

    def _forward(self, tok: Token, cue: Cue, sent: Span, lemma: str) -> bool:
        doc = self.doc
        j = tok.i + 1
        commas = 0
        while j < sent.end and j - tok.i <= _MAX_WINDOW:
            t = doc[j]
            low = t.lower_
            if (low == "que" and doc[j - 1].lower_ not in ("el", "la", "lo", "los", "las")) or (
                    low == "si" and j <= tok.i + 2):  # "preguntó si …": an indirect question
                end = self.content_end(j, sent, cue=tok)
                start_char = t.idx
                speaker = self.speaker_for(tok, sent, postposed=False)
                end_char = doc[end - 1].idx + len(doc[end - 1].text)
                kind = self.kind_of(start_char, end_char)
                return self.add("mixed" if kind == "direct" else kind, speaker, cue, start_char, end_char,
                                sent, "indirect_que", lemma) is not None
            if low in ("como", "de") and j + 1 < sent.end and self.quote_starting_at(doc[j + 1].idx) is not None \
                    and self.quote_starting_at(doc[j + 1].idx).open_mark == doc[j + 1].idx:
                # "lo calificó de “irresponsable”", "lo catalogó como “un gran personaje”": the
                # speaker's own words make a stance a full (mixed) claim.
                end = self.content_end(j, sent, cue=tok)
                end_char = doc[end - 1].idx + len(doc[end - 1].text)
                speaker = self.speaker_for(tok, sent, postposed=False)
                return self.add("mixed", speaker, cue, t.idx, end_char, sent, "mixed_stance", lemma) is not None
            if t.text == ":":
                speaker = self.speaker_for(tok, sent, postposed=False)
                q = self.quote_starting_at(t.idx + 1, " \t\n")
                if q is not None:
                    return self.add(self.kind_of(q.start, q.end), speaker, cue, q.start, q.end, sent,
                                    "direct_colon", lemma) is not None
                end = self.content_end(j + 1, sent, stop_at_cue=False)
                if end > j + 2:
                    end_char = doc[end - 1].idx + len(doc[end - 1].text)
                    return self.add(self.kind_of(t.idx + 1, end_char), speaker, cue, t.idx + 1, end_char, sent,
                                    "indirect_colon", lemma) is not None
                return False
            if t.text in _OPEN or self.marks[t.idx] in _OPEN:
                q = self.quote_at(t.idx)
                if q is not None and q.open_mark == t.idx and self.text[q.start:q.start + 1].isupper() \
                        and len(re.findall(r"\w+", self.text[q.start:q.end])) >= 3:
                    speaker = self.speaker_for(tok, sent, postposed=False)
                    return self.add("direct", speaker, cue, q.start, q.end, sent, "direct_preposed", lemma) is not None
                return False
            if (t.pos_ == "VERB" and j == tok.i + 1 + self._clitics(tok) and "VerbForm=Inf" in str(t.morph)) or (
                    t.lower_ in ("haber", "ser", "estar", "tener") and j <= tok.i + 2):  # "negó haber cobrado"
                if doc[j - 1].lower_ in ("a", "de", "por"):
                    return False
                end = self.content_end(j, sent, cue=tok)
                speaker = self.speaker_for(tok, sent, postposed=False)
                end_char = doc[end - 1].idx + len(doc[end - 1].text)
                kind = self.kind_of(t.idx, end_char)
                return self.add("mixed" if kind == "direct" else kind, speaker, cue, t.idx, end_char, sent,
                                "indirect_infinitive", lemma) is not None
            if t.pos_ in ("VERB", "AUX") or t.text in (".", ";", "?", "!") or (t.is_space and "\n" in t.text):
                return False
            if t.text == "," and j + 1 < sent.end:
                nxt = doc[j + 1]
                if nxt.lower_ in ("quien", "quienes", "cuyo", "cuya", "donde", "cuando"):
                    return False
                if nxt.lower_ == "que" and (doc[j - 1].pos_ == "PROPN" or self.resolver.person_like([doc[j - 1]])):
                    return False  # "señala Gates, que realiza …": a relative clause on the speaker
                commas += 1
                if commas > 2:
                    return False
            j += 1
        return False

    def _object(self, tok: Token, cue: Cue, sent: Span, lemma: str) -> None:
        """ "La alcaldesa destacó la labor de los bomberos": for the verbs of object_cues.tsv the
        direct object is the reported content."""
        if lemma not in word_set("object_cues.tsv"):
            return
        objs = [c for c in tok.children if c.dep_ == "obj" and c.pos_ == "NOUN" and c.i > tok.i
                and sent.start <= c.i < sent.end and self.quote_at(c.idx) is None]
        if not objs:
            return
        tokens = self._within(objs[0], sent)
        tokens = [t for t in tokens if t.i > tok.i]
        if len(tokens) < 3 or not any(t.pos_ == "DET" for t in tokens[:2]):
            return
        end = tokens[-1]
        subj = subject_of(tok)
        if subj is not None and sent.start <= subj.i < sent.end and subj.i not in {t.i for t in tokens}:
            speaker = self.resolver.resolve(trim_np(self._within(subj, sent)), self.current)
        else:  # the object is not an inverted subject: a dropped subject is the current speaker
            speaker = self.dropped_subject(tok.idx, sent.start_char)
        self.add(self.kind_of(tokens[0].idx, end.idx + len(end.text)), speaker, cue, tokens[0].idx,
                 end.idx + len(end.text), sent, "indirect_object", lemma)

    def _backward(self, tok: Token, cue: Cue, sent: Span, lemma: str) -> bool:
        doc = self.doc
        cs = cue.start
        q = self.quote_ending_before(cs)
        if q is not None:
            speaker = self.speaker_for(tok, sent, postposed=True)
            start, end = q.start, q.end
            if q.orphan:
                start = self._orphan_start(q)
            # “Vamos”, dijo el alcalde, “a ganar”: a second quotation in the same sentence joins.
            after = phrase_after(doc, tok.i + 1 + self._clitics(tok), sent.end)
            k = (after[-1].i + 1) if after else tok.i + 1
            while k < len(doc) and (doc[k].is_space and "\n" not in doc[k].text or doc[k].text in (",",) or
                                    doc[k].pos_ in ("ADV",) or doc[k].lower_ in ("y",)) and k < tok.i + 12:
                k += 1
            rule = "direct_postposed"
            if k < len(doc) and k > tok.i and doc[k - 1].text == ",":
                q2 = self.quote_starting_at(doc[k].idx)
                if q2 is not None and q2.start > q.end and q2.open_mark == doc[k].idx:
                    end, rule = q2.end, "direct_interrupted"
            kind = "direct" if rule == "direct_postposed" else self.kind_of(start, end)
            self.add("direct" if kind == "mixed" else kind, speaker, cue, start, end, sent, rule, lemma)
            return True
        prev = tok.i - 1
        while prev >= sent.start and doc[prev].is_space:
            prev -= 1
        if prev < sent.start or doc[prev].text not in (",", "—", "–"):
            return False
        # "…, aseguró la ministra.": content runs from the sentence start (openers dropped).
        start_tok = sent.start
        while start_tok < prev and (doc[start_tok].is_space or doc[start_tok].is_punct and doc[start_tok].text not in _OPEN):
            start_tok += 1
        words = tuple(fold(t.text) for t in doc[start_tok:start_tok + 4])
        for p in self.openers:
            if words[:len(p)] == p and start_tok + len(p) < prev and doc[start_tok + len(p)].text == ",":
                start_tok += len(p) + 1
                break
        if prev - start_tok < 3:
            return False
        after = phrase_after(doc, tok.i + 1 + self._clitics(tok), sent.end)
        nxt = tok.i + 1 + self._clitics(tok)
        ends_here = nxt >= sent.end or doc[nxt].text in (".", ";", "!", "?", "—", "–")
        if not ends_here and not (after and self.resolver.person_like(after)):
            return False
        if not any("VerbForm=Fin" in str(t.morph) for t in doc[start_tok:prev]):
            return False  # "La presidenta del consejo, reconoció …": a subject, not reported speech
        # An earlier claim in this sentence ending at this comma owns the speech already when it
        # has the same span; nested speech (a cue inside the content) is still its own claim.
        speaker = self.speaker_for(tok, sent, postposed=True)
        start_char = doc[start_tok].idx
        end_char = doc[prev - 1].idx + len(doc[prev - 1].text)
        return self.add(self.kind_of(start_char, end_char), speaker, cue, start_char, end_char, sent,
                        "indirect_postposed", lemma) is not None

    def _orphan_start(self, q: Quote) -> int:
        """A quotation whose opening mark was lost starts its paragraph, unless that paragraph
        opens with narration: skip leading sentences that hold a cue verb ("Finalmente, la
        ministra pidió calma. Hay que …”, concluyó.")."""
        start = q.start
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            return start
        for sent in self.sentences_in(span):
            if sent.end_char >= q.end or not any(cue_lemma(t) for t in sent):
                break
            start = sent.end_char
        while start < q.end and self.text[start] in " \n\t":
            start += 1
        return start

    def sentences_in(self, span: Span) -> list[Span]:
        return [s for s in self._sentences if span.start_char <= s.start_char < span.end_char]

    def _phrases(self, sent: Span) -> None:
        doc = self.doc
        for first, last, phrase, position in self._sent_phrases(sent):
            if self.quote_at(doc[first].idx) is not None:
                continue
            lead = sent.start
            while lead < first and (doc[lead].is_space or doc[lead].is_punct):
                lead += 1
            initial = lead == first or self._opener_before(lead, first)
            if position == "initial" and lead != first:
                continue
            # The source: a noun phrase up to the next comma (or a cue verb: "según informó la policía").
            k, cue_tok = last, None
            if k < sent.end and cue_lemma(doc[k]) is not None:
                cue_tok = doc[k]
                k += 1
            src = []
            trailing = not initial and doc[first - 1].text in (",", "(", "—")
            while k < sent.end and (doc[k].text not in (",", ".", ";", ":") or (trailing and doc[k].text == ",")) \
                    and not (doc[k].is_space and "\n" in doc[k].text):
                if doc[k].pos_ in ("VERB", "AUX") and src and position == "initial":
                    src = []
                    break
                src.append(doc[k])
                k += 1
            if trailing and any(t.pos_ in ("VERB", "AUX") or t.text in _OPEN + _CLOSE for t in src):
                # "X, según el escrito, subrayó …": a parenthetical source, not a trailing one.
                comma = next((n for n, t in enumerate(src) if t.text == ","), len(src))
                k = src[comma].i if comma < len(src) else k
                src = src[:comma]
            src = trim_np(src)
            if not src or len(src) > 14 or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in src):
                continue
            if position == "initial" and not self._person_like(src):
                continue
            cue = Cue(self.text[doc[first].idx: doc[last - 1].idx + len(doc[last - 1].text)], phrase,
                      doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text))
            if cue_tok is not None:
                cue = Cue(self.text[cue.start: cue_tok.idx + len(cue_tok.text)], cue_lemma(cue_tok) or phrase,
                          cue.start, cue_tok.idx + len(cue_tok.text))
            speaker = self.resolver.resolve(src, self.current)
            if initial and k + 1 < sent.end and doc[k].text == ",":
                start_char = doc[k].idx + 1
                end_tok = self.content_end(k + 1, sent, stop_at_cue=False)
                end_char = doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
                rule = "according_to" if position == "any" else "according_to_para"
            elif not initial and position == "any" and doc[first - 1].text in (",", "(", "—") \
                    and (k >= sent.end or doc[k].text in (".", ";")):
                start_tok = lead
                words = tuple(fold(t.text) for t in doc[start_tok:start_tok + 4])
                for p in self.openers:
                    if words[:len(p)] == p and doc[start_tok + len(p)].text == ",":
                        start_tok += len(p) + 1
                        break
                start_char, end_char = doc[start_tok].idx, doc[first - 1].idx
                rule = "according_to"
            else:
                continue
            if cue_tok is not None and self.claims and self.claims[-1].cue and self.claims[-1].cue.start == cue_tok.idx:
                self.claims.pop()  # "según informó X": the verb's own finding is this one
            self.add("according_to", speaker, cue, start_char, end_char, sent, rule)

    def _opener_before(self, lead: int, first: int) -> bool:
        """ "En tanto, según la policía, …": only a discourse opener stands before the phrase."""
        words = tuple(fold(t.text) for t in self.doc[lead:first] if not t.is_punct)
        return self.doc[first - 1].text == "," and words in self.openers

    def _sent_phrases(self, sent: Span) -> list[tuple[int, int, str, str]]:
        return [(a, b, p, pos) for a, b, p, pos in self.phrases if sent.start <= a < sent.end]

    def _person_like(self, tokens: list[Token]) -> bool:
        """"Para la ministra," / "Para Ana Ruiz," is a source; "Para 2030," is not."""
        return any(t.ent_type_ in ("PER", "ORG") for t in tokens) or self.resolver.person_like(
            [t for t in tokens if t.pos_ != "PROPN"])

    def _speech_noun(self, sent: Span) -> None:
        """ "“Quédense en casa”, fue el mensaje de la doctora Ana Ruiz": a quotation, then a form of
        "ser" and a speech noun (speech_nouns.tsv) with the speaker after "de"."""
        doc = self.doc
        nouns = word_set("speech_nouns.tsv")
        for t in (doc[i] for i in self._within_sent(self.ser_idx, sent)):
            if t.i + 3 >= sent.end:
                continue
            q = self.quote_ending_before(t.idx)
            if q is None or any(c.start == q.start for c in self.claims):
                continue
            k = t.i + 1
            if doc[k].pos_ == "DET":
                k += 1
            if not (set(singulars(doc[k].text)) & nouns or doc[k].lemma_.lower() in nouns):
                continue
            k += 1
            while k < sent.end and doc[k].pos_ == "ADJ":
                k += 1
            if k >= sent.end or doc[k].lower_ not in ("de", "del"):
                continue
            src = phrase_after(doc, k + 1, sent.end)
            if not src:
                continue
            cue = Cue(self.text[t.idx:doc[k - 1].idx + len(doc[k - 1].text)], "ser", t.idx,
                      doc[k - 1].idx + len(doc[k - 1].text))
            self.add(self.kind_of(q.start, q.end), self.resolver.resolve(src, self.current), cue, q.start, q.end,
                     sent, "direct_postposed")

    def _headline(self, sent: Span) -> None:
        """Title lines "Frase: Nombre" and "Nombre: “Frase”" (cue ":")."""
        doc, text = self.doc, self.text
        line_start = sent.start_char == 0 or text[sent.start_char - 1] == "\n"
        line_end = sent.end_char >= len(text.rstrip()) or text[sent.end_char:sent.end_char + 1] in ("\n", "")
        if not (line_start and line_end) or any(sent.start_char <= c.start < sent.end_char for c in self.claims):
            return
        if any(cue_lemma(t) for t in sent):
            return
        colons = [t for t in sent if t.text == ":" and self.quote_at(t.idx) is None]
        if len(colons) != 1:
            return
        colon = colons[0]
        left = [t for t in doc[sent.start:colon.i] if not t.is_space]
        right = [t for t in doc[colon.i + 1:sent.end] if not t.is_space and t.text not in ".!"]
        cue = Cue(":", ":", colon.idx, colon.idx + 1)

        def named(tokens: list[Token]) -> bool:
            """A person or an institution, not a topic ("Precio:", "Mejor actriz:")."""
            return 0 < len(tokens) <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in tokens) and (
                any(t.ent_type_ in ("PER", "ORG") for t in tokens) or self.resolver.person_like(
                    [t for t in tokens if t.pos_ != "PROPN"]))

        def statement(tokens: list[Token], who: list[Token]) -> bool:
            """Three words or more, with a verb unless a named person says them (headline quotes
            are often verbless: "Una crisis con rostro de mujer: Ana Ruiz")."""
            person = sum(1 for t in who if t.ent_type_ == "PER" and t.pos_ == "PROPN") >= 2  # a full name
            return len(tokens) >= 3 and (person or any(t.pos_ in ("VERB", "AUX") for t in tokens))
        if named(right) and statement(left, right):
            who, said = right, left    # "La reforma llegará en mayo: Ana Ruiz"
        elif named(left) and statement(right, left):
            who, said = left, right    # "Ana Ruiz: “La reforma llegará en mayo”"
        else:
            return
        a, b = said[0].idx, said[-1].idx + len(said[-1].text)
        q = self.quote_at(a)
        if q is not None and q.open_mark == a:
            a, b = q.start, q.end
        self.add(self.kind_of(a, b), self.resolver.resolve(who, self.current), cue, a, b, sent, "headline")

    def _question_before(self, pos: int) -> bool:
        """Whether the paragraph before the one at ``pos`` is a question."""
        k = self.para(pos)
        if k < 1:
            return False
        return _ends_question(self.text[self.para_starts[k - 1]:self.para_starts[k]])

    def _floating(self, sent: Span) -> None:
        """A quotation opening a sentence, with no cue, continues the current speaker."""
        if self.current is None:
            return
        for q in self.quotes:
            if not (sent.start_char <= q.open_mark < sent.end_char):
                continue
            if any(c.start <= q.start < c.end or q.start <= c.start < q.end for c in self.claims):
                continue
            if len(re.findall(r"\w+", self.text[q.start:q.end])) < _FLOATING_WORDS:
                continue
            if _ends_question(self.text[q.start:q.end]):
                continue  # the journalist's question in an interview
            before = self.text[max(0, q.open_mark - 3):q.open_mark]
            if before.strip() and before.strip()[-1] not in ".!?:":
                continue
            gap = self.para(q.open_mark) - self.current_para
            if gap > 1 and not (gap == 2 and self._question_before(q.open_mark)):
                continue  # an interview answer may follow the journalist's question
            c = self.current
            self.add(self.kind_of(q.start, q.end), Speaker(c.name, c.text, c.label, c.start, c.end),
                     None, q.start, q.end, sent, "floating")


def _ends_question(text: str) -> bool:
    return text.rstrip(" .»”\"\n").endswith("?")


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per content span (the most confident), and no claim inside another claim of the
    same speaker (the quoted words of mixed speech are not a second claim); sorted by start."""
    best: dict[tuple[int, int], Claim] = {}
    for c in claims:
        key = (c.start, c.end)
        if key not in best or c.confidence > best[key].confidence:
            best[key] = c
    kept = sorted(best.values(), key=lambda c: (c.start, -c.end))
    out = []
    for c in kept:
        if any(o.start <= c.start and c.end <= o.end and (o.start, o.end) != (c.start, c.end)
               and o.speaker is not None and c.speaker is not None and o.speaker.name == c.speaker.name
               and c.type == "direct" for o in kept):
            continue
        out.append(c)
    return sorted(out, key=lambda c: (c.start, c.end))
