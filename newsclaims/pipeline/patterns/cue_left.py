"""Cue verbs looking left: the content stands before the cue, the speaker after it.

* postposed quotation: "“Vamos a ganar”, dijo el alcalde."
* interrupted quotation: "“Vamos”, dijo el alcalde, “a ganar”." / "«Vamos —dijo el alcalde— a ganar»"
* postposed reported speech: "La obra se retrasa, admitió la ministra."
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ...claims import Claim, Cue
from ...entities import closes_dateline, looks_like_verb
from ...rules import fold
from ..context import DASHES, OPEN, Context, source_from
from ..cues import LINKING_WORDS, cue_kind, cue_lemma
from ..kinds import noun_kind
from ..mentions import adverbial_phrase, np_head, past_adverbial, past_time_words, phrase_after, subject_of
from ..quotes import Quote
from .cue_right import CHANNEL_WHERE


def backward(ctx: Context, tok: Token, cue: Cue, sent: Span, lemma: str) -> bool:
    doc = ctx.doc
    cs = cue.start
    q = ctx.quote_ending_before(cs)
    first = next((t for t in doc[max(sent.start, tok.i - 3):tok.i + 1] if t.idx == cs), tok)
    if q is None and first.i > sent.start and doc[first.i - 1].lower_ == "se" \
            and all(t.pos_ == "AUX" for t in doc[first.i:tok.i]):  # (not "“…”, se le menciona")
        # "“…”, se queja la senadora", "“…”, se ha quejado la senadora": a pronominal verb (with
        # its auxiliary); after the comma that sets the quotation off
        q = ctx.quote_ending_before(doc[first.i - 1].idx)
        if q is not None and not any(c in ctx.text[q.close_mark:doc[first.i - 1].idx] for c in ",—–"):
            q = None
    if q is not None:
        speaker = ctx.speaker_for(tok, sent, postposed=True)
        start, end = q.start, q.end
        if q.orphan:
            start = _orphan_start(ctx, q)
        # “Vamos”, dijo el alcalde, “a ganar”: a second quotation in the same sentence joins.
        after = phrase_after(doc, tok.i + 1 + ctx.clitics(tok), sent.end)
        k = (after[-1].i + 1) if after else tok.i + 1
        while k < len(doc) and (doc[k].is_space and "\n" not in doc[k].text or doc[k].text in (",",) or
                                doc[k].pos_ in ("ADV",) or doc[k].lower_ in ("y",)) and k < tok.i + 12:
            k += 1
        rule = "direct_postposed"
        if k < len(doc) and k > tok.i and doc[k - 1].text == ",":
            q2 = ctx.quote_starting_at(doc[k].idx)
            if q2 is not None and q2.start > q.end and q2.open_mark == doc[k].idx:
                end, rule = q2.end, "direct_interrupted"
        if rule == "direct_postposed" and not after and _source_opens(ctx, sent, q):
            # "Según Ana Ruiz, “…”, dijo en un comunicado": the source the sentence opens with says
            # it; one claim, the attribution's (attribution.phrases)
            return True
        lead = lead_in(ctx, sent, q) if rule == "direct_postposed" and not q.orphan else None
        if lead is not None:
            # "El equipo viajó para “reforzar la coordinación”, precisó la agencia.": the quotation
            # closes a sentence of reported speech; the whole sentence is the (mixed) content.
            end = q.outer[1]  # the closing mark belongs to mixed content
            ctx.add(ctx.kind_of(lead, end), speaker, cue, lead, end, sent, "indirect_postposed", lemma)
            return True
        kind = "direct" if rule == "direct_postposed" else ctx.kind_of(start, end)
        ctx.add("direct" if kind == "mixed" else kind, speaker, cue, start, end, sent, rule, lemma)
        if rule == "direct_postposed" and k + 1 < sent.end and doc[k].lower_ == "que" and doc[k - 1].lower_ == "y":
            # "“…”, confirmó, y que entiende el impacto …": the same act of speech goes on, reported
            end_tok = ctx.content_end(k, sent, cue=tok)
            end_char = doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
            ctx.add(ctx.kind_of(doc[k].idx, end_char), speaker, cue, doc[k].idx, end_char, sent, "indirect_que", lemma)
        return True
    if "VerbForm=Ger" in str(tok.morph):
        return False  # "…, criticando las palabras del exministro, …": a gerund has no subject after it (what
        # follows is its object) and reports no words before it
    prev = tok.i - 1
    while prev >= sent.start and doc[prev].is_space:
        prev -= 1
    if prev >= sent.start and doc[prev].pos_ in ("NOUN", "ADJ", "PROPN") and cue_kind(lemma) != "aside" \
            and _comma_dropped(ctx, tok, cue, sent, lemma):  # ("Los envíos continúan, sin embargo, limitados")
        return True
    if prev < sent.start or doc[prev].text not in (",", "—", "–"):
        return False
    if doc[prev].text in DASHES and sum(t.text in DASHES for t in doc[sent.start:prev]) % 2 == 1:
        return False  # "La Cámara Textil —CTX— rechazó …": the dash closes an aside; the verb is the clause's
    # "…, aseguró la ministra.": content runs from the sentence start (openers dropped).
    start_tok = sent.start
    while start_tok < prev and (doc[start_tok].is_space or doc[start_tok].is_punct and doc[start_tok].text not in OPEN):
        start_tok += 1
    words = tuple(fold(t.text) for t in doc[start_tok:start_tok + 4])
    for p in ctx.openers:
        if words[:len(p)] == p and start_tok + len(p) < prev and doc[start_tok + len(p)].text == ",":
            start_tok += len(p) + 1
            break
    nxt = tok.i + 1 + ctx.clitics(tok)
    after = phrase_after(doc, nxt, sent.end)
    if not (after and ctx.resolver.person_like(after)) and "VerbForm=Fin" in str(tok.morph):
        # "…, dijo a la prensa la alcaldesa.": a prepositional phrase before the inverted subject
        past = past_adverbial(doc, past_time_words(doc, nxt, sent.end), sent.end)
        if past > nxt and ctx.resolver.person_like(phrase_after(doc, past, sent.end)):
            after = phrase_after(doc, past, sent.end)
    if parenthetical(ctx, tok, cue, sent, lemma, start_tok, prev, after):
        return True
    if prev - start_tok < 3:
        return False
    subj = subject_of(tok)
    rest = after[-1].i + 1 if after else nxt
    if subj is not None and start_tok <= subj.i < prev and doc[prev - 1].pos_ == "PROPN" \
            and rest < sent.end and doc[rest].text not in (".", ";", "!", "?"):
        # "que el alcalde, Tomás Vera, sostiene una empresa fantasma desde 2010": the clause's own
        # verb after an apposition, the sentence going on (not "…, reveló el periódico X.")
        return False
    ends_here = nxt >= sent.end or doc[nxt].text in (".", ";", "!", "?", "—", "–")
    # "…, explican desde la consejería.": the body a plural verb speaks from
    from_body = nxt < sent.end and doc[nxt].lower_ == "desde" and source_from(tok, sent) is not None
    if not ends_here and not (after and (ctx.resolver.person_like(after) or _typed_last(after, sent))) and not from_body:
        return False
    if not any("VerbForm=Fin" in str(t.morph) for t in doc[start_tok:prev]) \
            and not (doc[start_tok].pos_ == "PROPN" and looks_like_verb(doc[start_tok])):
        return False  # "La presidenta del consejo, reconoció …": a subject, not reported speech (the
        # tagger may call a sentence's opening verb a name: "Necesitaba tres operaciones, dijeron …")
    # An earlier claim in this sentence ending at this comma owns the speech already when it
    # has the same span; nested speech (a cue inside the content) is still its own claim.
    speaker = ctx.speaker_for(tok, sent, postposed=True)
    start_char = doc[start_tok].idx
    end_char = doc[prev - 1].idx + len(doc[prev - 1].text)
    return ctx.add(ctx.kind_of(start_char, end_char), speaker, cue, start_char, end_char, sent,
                    "indirect_postposed", lemma) is not None


def _typed_last(after: list[Token], sent: Span) -> bool:
    """A phrase with an article (or a bare plural) that closes the sentence, its noun typed a person or
    a group by its ending ("…, dijo el taxista.", "…, dijeron los comerciantes del mercado.", "…,
    denunciaron comerciantes de la zona."): the inverted subject, though no table lists the noun."""
    head = np_head(after)
    end = after[-1].i + 1
    return head is not None and head.pos_ == "NOUN" and head.is_lower \
        and (after[0].pos_ == "DET" or after[0].i == head.i and "Plur" in head.morph.get("Number", [])) \
        and (end >= sent.end or sent.doc[end].text in (".", ";", "!", "?")) \
        and noun_kind(head.text) in ("person", "group")


_OPENING_SOURCES = frozenset({"segun", "de acuerdo con", "de acuerdo a", "conforme a"})


def _source_opens(ctx: Context, sent: Span, q: Quote) -> bool:
    """The sentence opens (after a conjunction at most) with "según X," and the quotation after it."""
    doc = ctx.doc
    lead = sent.start
    while lead < sent.end and (doc[lead].is_punct or doc[lead].is_space or fold(doc[lead].text) in LINKING_WORDS):
        lead += 1
    return any(first == lead and fold(phrase) in _OPENING_SOURCES and doc[last - 1].idx < q.open_mark
               for first, last, phrase, _ in ctx.phrases if sent.start <= first <= lead)


def lead_in(ctx: Context, sent: Span, q: Quote) -> int | None:
    """Where the sentence starts when a quotation closes it but opens mid-sentence after three
    words or more of narration (no colon, no cue verb before it); None otherwise."""
    doc = ctx.doc
    words = [t for t in sent if t.idx < q.open_mark and t.is_alpha]
    gap_has_comma = "," in ctx.text[q.close_mark:q.close_mark + 3]
    if len(words) < 3 or not gap_has_comma or len(ctx.text[q.start:q.end].split()) < 2 or any(t.text == ":" for t in sent if t.idx < q.open_mark):
        return None
    if any(i in ctx.cue_at for i in range(sent.start, words[-1].i + 1)):
        return None  # "X dijo que … “…”": the verb before owns the quotation
    if ctx.quote_at(words[0].idx) is not None:
        return None
    start = sent.start
    while start < sent.end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    return doc[start].idx


def _claim_running_into(ctx: Context, sent: Span, start: int, limit: int) -> Claim | None:
    """An earlier claim of the sentence whose content ends before an unnamed interrupting cue at
    ``limit`` ("Ana Ruiz señaló que el país tiene una deuda, y para ello —dijo— las obras …"): the
    cue interrupts that claim's speech, which runs on past it (rule 10: one claim)."""
    return next((c for c in ctx.claims_near(sent.start_char, limit)
                 if c.cue is not None and sent.start_char <= c.cue.start and start <= c.start < c.end <= limit), None)


def parenthetical(ctx: Context, tok: Token, cue: Cue, sent: Span, lemma: str, start_tok: int, prev: int,
                  after: list[Token]) -> bool:
    """A cue between commas mid-sentence, without quote marks (rule 10: one claim, the
    interruption included): "A partir de ahora, recalcó, los plazos serán más cortos." /
    "La tela, asegura el doctor Ruiz, es un material seguro." """
    doc = ctx.doc
    k = (after[-1].i + 1) if after and ctx.resolver.person_like(after) else tok.i + 1 + ctx.clitics(tok)
    name: list[Token] = []
    if after and ctx.resolver.person_like(after):
        k, name = _past_apposition(ctx, k, sent.end)
    named = bool(name) or bool(after) and ctx.resolver.person_like(after)
    if named and not name:
        k = _past_participle_phrase(doc, k, sent.end)  # ", asegura el informe elaborado por la federación, …"
    if not named and k < sent.end and doc[k].text not in (",",) + tuple(DASHES):
        # "La obra, dijo durante su visita, estará …": past where or when it was said, to the comma
        found = adverbial_phrase(doc, k, sent.end, CHANNEL_WHERE)
        k = found[0] if found is not None and doc[found[0]].text == "," else k
    if named and k + 2 < sent.end and doc[k].text not in (",",) + tuple(DASHES) and doc[prev].text == "," \
            and not any("VerbForm=Fin" in str(t.morph) and t.lower_ != "hace" or t.ent_type_ == "PER"
                        for t in doc[start_tok:prev]) \
            and any("VerbForm=Fin" in str(t.morph) for t in doc[k:k + 3]):
        k -= 1  # "Durante el verano, indicó Ana Ruiz se cerrarán dos carriles": the second comma dropped
    elif k >= sent.end or doc[k].text not in (",",) + tuple(DASHES) or doc[prev].text not in (",",) + tuple(DASHES):
        return False
    if ctx.quote_at(doc[prev].idx) is not None or ctx.quote_at(doc[k].idx) is not None:
        return False
    tail = [t for t in doc[k + 1:sent.end] if t.is_alpha]
    if len(tail) < 2 or prev - start_tok < 1:
        return False
    if _describes_speaker(ctx, tail, doc[prev - 1].pos_ in ("VERB", "AUX")) and not ctx.quotes_opening_in(doc[k].idx, sent.end_char) \
            and not any("VerbForm=Fin" in str(t.morph) for t in _before_relative(tail)):
        # "…, comentó Ana Ruiz, directora general de la empresa.": her title, not more content; so is
        # a relative clause about her ("…, directora de la empresa, quien añadió que …")
        return False
    # The sentence around the cue must be a statement: a finite verb besides the cue, or the
    # speaker's own quoted words after it ("Y más aún, precisa, para asegurar “la vigilancia”.").
    if not any("VerbForm=Fin" in str(t.morph) for t in list(doc[start_tok:prev]) + list(doc[k + 1:sent.end])) \
            and not ctx.quotes_opening_in(doc[k].idx, sent.end_char):
        return False
    end = sent.end
    while end > k + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    start_char, end_char = doc[start_tok].idx, doc[end - 1].idx + len(doc[end - 1].text)
    end_char = ctx.with_closing_mark(start_char, end_char)
    earlier = None if named else _claim_running_into(ctx, sent, start_char, doc[prev].idx)
    if earlier is not None:
        ctx.stretch(earlier, end_char)
        return True
    speaker = ctx.resolver.resolve(name, ctx.current) if name else ctx.speaker_for(tok, sent, postposed=True)
    return ctx.add(ctx.kind_of(start_char, end_char), speaker, cue, start_char, end_char, sent,
                   "indirect_parenthetical", lemma) is not None


def _past_participle_phrase(doc, k: int, limit: int) -> int:
    """The comma closing a participle's phrase that describes the postposed subject ("…, asegura el
    informe elaborado por la federación, …", "…, dijo el alcalde entrevistado por la radio, …"); ``k``
    when no such phrase opens at ``k``."""
    if k >= limit:
        return k
    # (the subject's phrase may have taken the participle in: "el alcalde entrevistado| por la radio")
    at = k - 1 if doc[k].pos_ == "ADP" and "VerbForm=Part" in str(doc[k - 1].morph) else k
    if "VerbForm=Part" not in str(doc[at].morph) or doc[at].pos_ not in ("VERB", "ADJ"):
        return k
    for m in range(at + 1, min(limit, at + 10)):
        t = doc[m]
        if t.text in (",",) + tuple(DASHES):
            return m
        if "VerbForm=Fin" in str(t.morph) or t.is_punct or t.lower_ in ("que", "quien", "quienes"):
            return k
    return k


def _comma_dropped(ctx: Context, tok: Token, cue: Cue, sent: Span, lemma: str) -> bool:
    """A cue set off by one comma only, after the subject of the sentence's own verb ("La participación
    de las mujeres añadió, sin embargo, aún es escasa."): the same interruption as between two
    commas, with its subject dropped; the whole sentence is what was said (rule 10)."""
    doc = ctx.doc
    nxt = tok.i + 1
    if "Person=3" not in str(tok.morph) or "VerbForm=Fin" not in str(tok.morph) or nxt >= sent.end \
            or doc[nxt].text != "," or ctx.quote_at(tok.idx) is not None:
        return False
    if "Tense=Fut" in str(tok.morph) or "Mood=Cnd" in str(tok.morph) or "Mood=Sub" in str(tok.morph):
        return False  # "La obra supondrá, como mínimo, …": an aside reports what was said, not what will be
    start_tok = sent.start
    while start_tok < tok.i and (doc[start_tok].is_space or doc[start_tok].is_punct):
        start_tok += 1
    if tok.i - start_tok < 3 or any("VerbForm=Fin" in str(t.morph) for t in doc[start_tok:tok.i]):
        return False  # the words before must be a subject waiting for its verb
    rest = [t for t in doc[nxt + 1:sent.end] if t.is_alpha]
    if len(rest) < 3 or not any("VerbForm=Fin" in str(t.morph) for t in doc[nxt + 1:sent.end]):
        return False
    subj = subject_of(tok)
    if subj is not None and ctx.resolver.can_speak(ctx.within(subj, sent), listed=True):
        return False  # "La ministra de Salud añadió, además, que …": a speaker, not a subject left waiting
    end = sent.end
    while end > nxt and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    start_char, end_char = doc[start_tok].idx, doc[end - 1].idx + len(doc[end - 1].text)
    end_char = ctx.with_closing_mark(start_char, end_char)
    speaker = ctx.dropped_subject(tok.idx, sent.start_char, tok)
    return ctx.add(ctx.kind_of(start_char, end_char), speaker, cue, start_char, end_char, sent,
                   "indirect_parenthetical", lemma) is not None


def _past_apposition(ctx: Context, k: int, limit: int) -> tuple[int, list[Token]]:
    """The comma that closes a postposed subject described before the person's name: past a place
    ("el subdirector de la Oficina| en la región") and the name between commas ("…, Gilberto Ramos
    Luna,"), with the name's tokens; ``(k, [])`` when no name closes the stretch."""
    doc = ctx.doc
    j = k
    if j < limit and doc[j].lower_ == "en":
        j += 1
        while j < limit and j - k <= 5 and doc[j].text != "," and doc[j].pos_ not in ("VERB", "AUX"):
            j += 1
    if j + 2 < limit and doc[j].text == "," and doc[j + 1].ent_type_ == "PER" and doc[j + 1].ent_iob_ == "B":
        m = j + 2
        while m < limit and doc[m].ent_type_ == "PER" and doc[m].ent_iob_ == "I":
            m += 1
        if m < limit and doc[m].text == ",":
            return m, list(doc[j + 1:m])
    return k, []


def _before_relative(tail: list[Token]) -> list[Token]:
    """The words before a relative pronoun set off by a comma ("directora de la empresa, quien …";
    none when the tail opens with it: "…, contó la empleada, quien prefirió no dar su nombre …")."""
    if tail and tail[0].lower_ in ("quien", "quienes") and tail[0].doc[tail[0].i - 1].text == ",":
        return []
    for n in range(1, len(tail)):
        if tail[n].lower_ in ("quien", "quienes") and tail[n - 1].i + 2 == tail[n].i \
                and tail[n].doc[tail[n].i - 1].text == ",":
            return tail[:n]
    return tail


def _describes_speaker(ctx: Context, tail: list[Token], open_verb: bool = False) -> bool:
    """Whether the words after the cue's phrase describe the speaker in apposition: a role
    ("directora general de …", "la portavoz del ministerio"), an affiliation ("de la Universidad de
    X"), the medium addressed ("a Reuters") or a relative clause about the speaker (``open_verb``: the
    words before the cue end with their verb, whose complement may follow)."""
    first = tail[0]
    if first.lower_ in ("quien", "quienes"):
        return True  # a relative clause about the speaker: "…, contó la empleada, quien prefirió no dar su nombre …"
    if open_verb and first.lower_ == "de" and len(tail) > 1 and tail[1].lower_ in ("un", "una", "unos", "unas"):
        return False  # "Se trata, dijo el ministro, de un desastre …": the verb before the cue wants its complement
    if first.lower_ in ("de", "del") or first.lower_ in ("a", "al") and len(tail) > 1 and tail[1].pos_ == "PROPN":
        return True  # "…, de la Universidad de X." (an affiliation), "…, a Reuters." (the medium told)
    n = 0
    # (past an article and a qualifier: "la ex líder sindical", "actual directora de …")
    while n + 1 < len(tail) and n < 2 and (tail[n].lower_ in ("el", "la", "los", "las", "un", "una", "su", "ex")
                                            or tail[n].pos_ == "ADJ" and not ctx.resolver.is_role(tail[n])):
        n += 1
    return ctx.resolver.is_role(tail[n])


def interrupting(ctx: Context, tok: Token, q: Quote, cue: Cue, sent: Span, lemma: str) -> None:
    """«No vamos —dijo el alcalde— a ceder»: the cue between dashes inside a quotation.

    A cue between commas inside a quotation ("…ningún país, dijo, pero admitió …") means the
    closing mark was forgotten: the quotation ends at the comma, and what follows is narration.
    """
    before = ctx.text[max(q.start, tok.idx - 3):tok.idx]
    if not any(d in before for d in DASHES):
        doc = ctx.doc
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if before.rstrip().endswith(",") and nxt is not None and nxt.text in (",", ".", ";") \
                and tok.i > sent.start:
            end = ctx.text.rindex(",", q.start, tok.idx)
            ctx.cut[q.open_mark] = end
            speaker = ctx.speaker_for(tok, sent, postposed=True)
            ctx.add("direct", speaker, cue, q.start, end, sent, "direct_postposed", lemma)
        return
    after = phrase_after(ctx.doc, tok.i + 1, sent.end)
    speaker = ctx.resolver.resolve(after, ctx.current) if after else ctx.speaker_for(tok, sent, True)
    ctx.add(ctx.kind_of(q.start, q.end), speaker, cue, q.start, q.end, sent, "direct_interrupted", lemma)


def so_said(ctx: Context, tok: Token, cue: Cue, sent: Span, lemma: str) -> bool:
    """ "La presa se desbordó de noche. Así lo informó la Secretaría de Protección Civil.": a
    sentence opening with "Así lo" and the cue attributes what was said just before: the sentence
    before in the paragraph, or the whole paragraph before when it opens one (a lead and its
    source). The inverted subject after the cue speaks."""
    doc = ctx.doc
    j = tok.i - 1
    while j > sent.start and doc[j].pos_ == "AUX":
        j -= 1  # "Así lo ha confirmado …"
    first = ctx.first_word(sent, j, skip=("y", "e"))
    if not (j == first + 1 and doc[j].lower_ == "lo" and doc[first].lower_ == "así"):
        return False
    if any(doc[m].text == ":" for m in range(tok.i + 1, sent.end - 1)):
        return False  # "Así lo explica Ana Ruiz: «…»": "así" points at what follows the colon
    k = ctx.sentence_index(sent)
    if k <= 0:
        return False
    before = [ctx.sents[k - 1]]
    para = ctx.para(before[0].start_char)
    if para != ctx.para(sent.start_char):  # opening a paragraph: the whole paragraph before
        m = k - 2
        while m >= 0 and ctx.para(ctx.sents[m].start_char) == para:
            before.insert(0, ctx.sents[m])
            m -= 1
    start, end = ctx.trim(before[0].start_char, before[-1].end_char)
    dated = [t for t in doc[before[0].start:min(before[0].end, before[0].start + 8)] if closes_dateline(t)]
    if dated:  # "Celaya.- A partir de octubre …": the dateline is not what was said
        start, end = ctx.trim(dated[0].idx + len(dated[0].text), end)
    if end - start < 20 or any(c.start < end and start < c.end for c in ctx.claims_near(start, end)):
        return False  # (already somebody's claim: "Así lo dijo" repeats its source)
    speaker = ctx.speaker_for(tok, sent, postposed=True)
    if speaker is None:
        return False
    return ctx.add(ctx.kind_of(start, end), speaker, cue, start, end, sent, "indirect_postposed", lemma) is not None


def _orphan_start(ctx: Context, q: Quote) -> int:
    """A quotation whose opening mark was lost starts its paragraph, unless that paragraph
    opens with narration: skip leading sentences that hold a cue verb ("Finalmente, la
    ministra pidió calma. Hay que …”, concluyó."). A verb that is a cue only after a quotation
    ("continuó", "se pronunció") makes no sentence narration."""
    start = q.start
    span = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return start
    for sent in ctx.sentences_in(span):
        if sent.end_char >= q.end or not any((lemma := cue_lemma(t)) and cue_kind(lemma) != "aside" for t in sent):
            break
        start = sent.end_char
    while start < q.end and ctx.text[start] in " \n\t":
        start += 1
    return start
