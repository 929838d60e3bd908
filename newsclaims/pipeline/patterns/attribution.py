"""Attribution phrases: "Según la policía, el conductor huyó", "…, de acuerdo con la fiscalía",
"Para la economista, la deuda es alta" (attribution_phrases.tsv); possessive opinion phrases
"en su opinión", "a su juicio" (opinion_phrases.tsv), whose source is the current speaker."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from spacy.tokens import Span, Token

from ...claims import Cue, Speaker
from ...doc_tokens import tokens
from ...entities import NAME_PARTICLES
from ...names import word_gender
from ...rules import fold, phrase_list, role_nouns, singulars, word_set
from ..context import CLOSE, OPEN, Context
from ..cues import LINKING_WORDS, PROCLITICS, cue_lemma, source_verb
from ..kinds import AGENTIVE, noun_kind
from ..mentions import OBJECT_CLITICS, np_head, past_addressee, past_adverbial, past_time_words, subject_of, trim_np

# First- and second-person possessives: "según mis cuentas", "de acuerdo a nuestras normas" name no source
_OWN = frozenset({"mi", "mis", "tu", "tus", "nuestro", "nuestra", "nuestros", "nuestras", "vuestro", "vuestra",
                  "vuestros", "vuestras"})


def phrases(ctx: Context, sent: Span) -> None:
    doc = ctx.doc
    for first, last, phrase, position in _sent_phrases(ctx, sent):
        if ctx.quote_at(doc[first].idx) is not None:
            continue
        if fold(phrase).startswith("citad") and any(
                c.cue is not None and sent.start_char <= c.cue.start < doc[first].idx
                for c in ctx.claims_near(sent.start_char, doc[first].idx)):
            continue  # "“…”, agregó el ministro, citado por agencias rusas": the agency relays his claim
        lead = sent.start
        while lead < first and (doc[lead].is_space or doc[lead].is_punct):
            lead += 1
        # (or right after the "que" that opens a clause: "Añadió que según el observatorio se tiene …")
        initial = lead == first or _opener_before(ctx, lead, first) \
            or first - 1 > sent.start and doc[first - 1].lower_ == "que" and doc[first - 1].pos_ == "SCONJ"
        # "…, y según la ministra, el plan …": a new clause opens with the phrase
        joined = not initial and first - 2 >= sent.start and doc[first - 1].lower_ in ("y", "e", "pero", "aunque") \
            and (doc[first - 2].text == "," or not any("VerbForm=Fin" in str(t.morph) for t in doc[lead:first]))
        # "…, y, según el médico, su estado …": the same with the phrase set off by commas (or after a
        # causal conjunction: "…porque, según los técnicos, el puente …")
        joined = joined or not initial and first - 2 > sent.start and doc[first - 1].text == "," \
            and doc[first - 2].lower_ in ("y", "e", "pero", "aunque", "pues", "porque")
        linked = _linking(doc, lead, first)
        if position == "initial" and lead != first and not linked or position == "verb" and not initial and not joined:
            # (a trailing "…, como dijo X" often contrasts: "el puente no cerrará, como dijo el alcalde";
            # "…, y como indicó la jueza, …" opens a clause)
            continue
        # The source: a noun phrase up to the next comma (or a cue verb: "según informó la policía").
        k, cue_tok = last, None
        if fold(phrase) == "segun" and k < sent.end and _depending_on(doc[k]):
            continue  # "según qué tarifa elija", "según si llueve", "según sea el caso": "depending on"
        if position == "verb" and doc[k].lower_ == "lo":
            k += 1  # "como lo explicó la ministra"
        if fold(phrase) == "segun" and k + 1 < sent.end and doc[k].lower_ in PROCLITICS and doc[k].pos_ == "PRON":
            k += 1  # "según me contó un experto", "según le dijo a su abogado"
        finite = doc[k] if k < sent.end else None
        if k + 1 < sent.end and doc[k].lower_ in _HABER and doc[k + 1].pos_ in ("VERB", "AUX"):
            k += 1  # "según ha informado la empresa", "según habían explicado": the participle is the verb
        if k < sent.end and cue_lemma(doc[k]) is not None:
            cue_tok = doc[k]
            k += 1
        elif fold(phrase) == "segun" and k + 1 < sent.end and doc[k].pos_ in ("VERB", "AUX") and (
                "VerbForm=Fin" in str(doc[k].morph) or source_verb(doc[k]) is not None
                or finite is not doc[k]) and doc[k + 1].pos_ == "DET":
            # "según refleja una encuesta": any verb there introduces the source, listed or not (a listed
            # form is finite whatever the tagger says: "según advierten los autores")
            cue_tok = doc[k]
            k += 1
        if position == "verb" and cue_tok is None:
            continue  # "como" is a source's phrase only before a speech verb (cues.find_phrases)
        src: list[Token] = []
        depth = 0  # "según los Centros de Control (CDC, por sus siglas en inglés), …": commas inside count not
        trailing = not initial and doc[first - 1].text in (",", "(", "—")
        if not initial and doc[first - 1].lower_ in _RELATIVES and position == "any":
            # ("que según apuntan los autores, aún debe …": past the phrase's own verb)
            _relative_source(ctx, sent, first, last if cue_tok is None else cue_tok.i + 1, phrase)
            continue
        if cue_tok is None and last + 1 < sent.end and doc[last].lower_ in _ARTICLES \
                and doc[last + 1].lower_ in ("cual", "cuales"):
            _source_before_relative(ctx, sent, first, last + 2, phrase)
            continue
        while k < sent.end and (doc[k].text not in (",", ".", ";", ":") or (trailing and doc[k].text == ",")
                                or (depth > 0 and doc[k].text == ",")) \
                and not (doc[k].is_space and "\n" in doc[k].text):
            if doc[k].pos_ in ("VERB", "AUX") and depth == 0 and (
                    position == "initial" and src or position == "verb" and not any(t.text == "," for t in src)):
                if cue_tok is None and fold(phrase) == "para" and _judged_by(ctx, src, doc[k]):
                    _add_from(ctx, sent, trim_np(src), first, last, phrase, k)  # "Para Ana Ruiz es difícil que …"
                src = []  # ("Como dijo que no vendría, …": a cause, not a source)
                break
            depth += (doc[k].text == "(") - (doc[k].text == ")")
            src.append(doc[k])
            k += 1
            if position == "initial" and len(src) > 1 and (q := ctx.quote_at(src[-1].idx)) is not None \
                    and q.open_mark == src[-1].idx:
                break  # "Para Figueroa “es …”": the quotation opens the clause (below)
        if cue_tok is None and src and src[0].lower_ in _OWN:
            continue  # "De acuerdo a mis cuentas, el puesto cierra …": the one speaking, no source named
        split = _commaless(src) if initial and cue_tok is None and fold(phrase) in _COMMALESS else None
        quoted = _quote_opens(ctx, src) if initial and cue_tok is None and split is None else None
        if quoted is not None and _person_like(ctx, trim_np(src[:quoted])):
            split = quoted  # "Para Figueroa “es inexplicable …”": the quotation opens the clause
        if split is not None:
            # "Según los datos del ministerio el paro bajó …": no comma; the source ends where the
            # clause's subject opens
            source = trim_np(_without_asides(src[:split]))
            if source and len(source) <= 14 and (split == quoted or ctx.quote_at(src[split].idx) is None):
                end_tok = ctx.content_end(src[split].i, sent, stop_at_cue=None)
                end_char = doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
                cue = Cue(ctx.text[doc[first].idx: doc[last - 1].idx + len(doc[last - 1].text)], phrase,
                          doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text))
                ctx.add("according_to", _source(ctx, source, sent), cue, src[split].idx, end_char, sent, "according_to")
            continue
        if trailing and any(t.pos_ in ("VERB", "AUX") or t.text in OPEN + CLOSE or _predicate_after(src, n)
                            for n, t in enumerate(src)):
            # "X, según el escrito, subrayó …": a parenthetical source, not a trailing one.
            comma = next((n for n, t in enumerate(src) if t.text == ","), len(src))
            k = src[comma].i if comma < len(src) else k
            src = src[:comma]
        named = None
        # a name and a description set off by commas, in either order; in a source set off mid-sentence,
        # one ("El plan, según contó la jefa del puerto, Rebeca Olmedo, es viable")
        steps = 3 if initial or joined else 1 if trailing else 0
        while steps and k + 2 < sent.end and doc[k].text == ",":
            steps -= 1
            head = np_head(src) if src else None
            name_end = _apposed_name(ctx, k + 1, sent.end, head is not None and ctx.resolver.is_role(head))
            if name_end is not None:  # "Según la presidenta de la Comisión, Ana Ruiz, el plan …"
                src = src + list(doc[k:name_end])
                k = named = name_end
                continue
            described = _apposed_description(ctx, k + 1, sent.end) if any(t.pos_ == "PROPN" for t in src) else None
            if described is None:
                break
            k = described  # "Según Ana Ruiz, portavoz del ministerio, el plan …"
        if (initial or joined) and cue_tok is None and k + 1 < sent.end and doc[k].text == "," \
                and doc[k + 1].lower_ in ("que", "quien", "quienes", "cuyo", "cuya") and named is None:
            # "Según la fuente, que pidió no ser identificada, el diseño …": the relative clause is
            # about the source, the clause after it is what the source says
            close = next((j for j in range(k + 2, min(sent.end, k + 30)) if doc[j].text in (",", ";", ".")
                          or doc[j].text in OPEN + CLOSE), None)
            if close is not None and doc[close].text == "," \
                    and sum(1 for t in doc[close + 1:sent.end] if t.is_alpha) >= 3:
                k = close
        if cue_tok is None and fold(phrase) == "segun" and len(src) == 1 and src[0].is_lower and src[0].is_alpha \
                and initial and k + 1 < sent.end and doc[k].text == "," and not ctx.resolver.can_speak(src, listed=True):
            # "Según entiende, …": one lower-case word no table types is the verb of a dropped subject
            # (the tagger may call it a noun), never the source's name
            cue_tok, src = src[0], []
            _dropped_source(ctx, sent, first, cue_tok, k)
            continue
        if cue_tok is not None and not src and initial and k + 1 < sent.end and doc[k].text == "," \
                and "Person=3" in str(finite.morph if finite is not None else cue_tok.morph) and position != "verb":
            # ("Como prometió, el alcalde cerró …": the clause's own subject, not the current speaker)
            # "Según explicó, la obra terminará …": the subject is dropped; the current speaker vouches
            _dropped_source(ctx, sent, first, cue_tok, k)
            continue
        if cue_tok is not None and not initial and cue_tok.i + 1 < sent.end and doc[cue_tok.i + 1].text == ",":
            continue  # "ha revelado, según dicen, sus planes …": nobody named; what follows is content
        if cue_tok is not None:
            src = _after_the_verb(src)  # "según informó este lunes la concejalía en un comunicado"
        channel_only = False
        if cue_tok is not None and src and (src[0].lower_ in _CHANNEL or (src[0].pos_ == "ADP" or src[0].lower_ in ("al", "del"))
                                            and src[0].lower_ not in ("desde", "por")):
            # ("según indican desde el Consistorio": where a body speaks from names it)
            past = past_adverbial(doc, src[0].i, src[-1].i + 1)
            if past > src[0].i:
                src = list(doc[past:src[-1].i + 1])  # "según explicó en rueda de prensa la ministra"
            elif (n := _subject_past_phrase(src)) is not None:
                src = src[n:]  # "según dijo a Reuters el portavoz"
            else:
                # "…, según declaró en el portal del partido", "Según comentó al respecto, …": the
                # subject is dropped
                channel_only = True
        elif cue_tok is not None and src and src[0].lower_ in _PERSONAL and src[0].pos_ == "PRON":
            channel_only = True  # "…, según dijo ella en la entrevista": the person the sentence is about
        by = next((n for n, t in enumerate(src) if t.lower_ == "por"), None) if src and src[0].lower_ == "lo" else None
        if by is not None and 1 <= by <= 3 and by + 1 < len(src):
            src = src[by + 1:]  # "de acuerdo con lo informado por la Secretaría": the agent is the source
        src = trim_np(_without_asides(src))
        # A long description is a source when the person's name follows it between commas.
        # So is one that ends the sentence ("…, según cifras de un informe difundido por la Agencia X.").
        closing = trailing and (k >= sent.end or doc[k].text in (".", ";")) and _one_phrase(src)
        if not channel_only and (not src or len(src) > (24 if named is not None or closing else 14)
                                 or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in src)):
            continue
        if position == "initial" and not channel_only and not _person_like(ctx, src):
            continue
        cue = Cue(ctx.text[doc[first].idx: doc[last - 1].idx + len(doc[last - 1].text)], phrase,
                  doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text))
        if cue_tok is not None:
            cue = Cue(ctx.text[cue.start: cue_tok.idx + len(cue_tok.text)], cue_lemma(cue_tok) or phrase,
                      cue.start, cue_tok.idx + len(cue_tok.text))
        # "según se informó", "de acuerdo a lo narrado": an impersonal source names nobody
        if channel_only and cue_tok is not None:
            # the subject of the verb the phrase hangs on, else of the sentence's root ("Además —los
            # socios cobran poco—, Soler presenta dos programas, según ha declarado en …": Soler)
            governors = [v for v in (cue_tok.head, sent.root) if trailing and v.i < first and v.i != cue_tok.i]
            subj = next((x for x in map(subject_of, governors) if x is not None), None)
            tokens = trim_np(ctx.within(subj, sent)) if subj is not None and subj.pos_ != "PRON" else []
            plural = "Number=Plur" in str((finite or cue_tok).morph)
            head = np_head(tokens) if tokens else None
            typed = head is not None and (head.pos_ == "PROPN" or head.ent_type_ in ("PER", "ORG")
                                          or noun_kind(head.text) in ("person", "group", "organisation"))
            if typed and ctx.resolver.person_like(tokens) and not plural:
                speaker = ctx.resolver.resolve(tokens, ctx.current)  # "Kaká cree que …, según dijo en una entrevista"
            elif plural:
                speaker = None  # "…, según afirman en un estudio": they, nobody named
            else:
                speaker = ctx.dropped_subject(cue_tok.idx, sent.start_char)
        else:
            speaker = None if src[0].lower_ in ("se", "lo") and len(src) <= 2 else _source(ctx, src, sent)
        if (initial or joined) and k + 1 < sent.end and doc[k].text == ",":
            if k + 3 < sent.end and cue_lemma(doc[k + 1]) is not None and doc[k + 2].text == ",":
                k += 2  # "Según el informe, añadió, el cometa …": the speaker's cue set off after the source
            start_char = doc[k].idx + 1
            end_tok = ctx.content_end(k + 1, sent, stop_at_cue=None, cue=doc[first])
            end_char = doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
            rule = "according_to_para" if position == "initial" else "according_to"
        elif not initial and position != "initial" and doc[first - 1].text in (",", "(", "—") \
                and (k >= sent.end or doc[k].text in (".", ";") or doc[k].text == "," and k + 1 < sent.end
                     and doc[k + 1].lower_ in _NEXT_ACT and any(cue_lemma(x) is not None for x in doc[k + 1:min(sent.end, k + 5)])
                     and any("VerbForm=Fin" in str(x.morph) for x in doc[lead:first])):
            # (a clause, then the source going on with its next act: "…, según advierten los autores,
            # al tiempo que recuerdan …", "…, según explicó el alcalde, quien añadió …")
            start_tok = lead
            words = tuple(fold(t.text) for t in doc[start_tok:start_tok + 4])
            for p in ctx.openers:
                if words[:len(p)] == p and doc[start_tok + len(p)].text == ",":
                    start_tok += len(p) + 1
                    break
            start_char, end_char = doc[start_tok].idx, doc[first - 1].idx
            rule = "according_to"
        elif not initial and position != "initial" and doc[first - 1].text == "," and k < sent.end \
                and doc[k].text == "," and ctx.quote_at(doc[first].idx) is None \
                and sum(1 for t in doc[k + 1:sent.end] if t.is_alpha) >= 3 \
                and not _claim_cue_in(ctx, doc[k].idx, sent.end_char) \
                and "\n" not in ctx.text[doc[lead].idx:sent.end_char]:
            # "Se debe, según la experta, a que …": a source between commas mid-sentence; the whole
            # sentence is attributed, the interruption included (guidelines rule 10).
            end = sent.end
            while end > k + 1 and (doc[end - 1].is_punct and doc[end - 1].text not in CLOSE or doc[end - 1].is_space):
                end -= 1
            start_char, end_char = doc[lead].idx, doc[end - 1].idx + len(doc[end - 1].text)
            if first >= 2 and doc[first - 2].lower_ in _RELATIVES:
                # "… una ola de calor que, según el servicio meteorológico, durará …": the source vouches for
                # the relative clause only
                nxt = k + 1
                while nxt < end and doc[nxt].is_space:
                    nxt += 1
                start_char = doc[nxt].idx
            rule = "according_to"
        else:
            continue
        if cue_tok is not None and ctx.claims and ctx.claims[-1].cue and ctx.claims[-1].cue.start == cue_tok.idx:
            ctx.pop_claim()  # "según informó X": the verb's own finding is this one
        ctx.add("according_to", speaker, cue, start_char, end_char, sent, rule)


def _claim_cue_in(ctx: Context, start: int, end: int) -> bool:
    """A claim's cue verb between ``start`` and ``end`` ("La ministra, según fuentes del partido,
    anunció que …": the verb's own claim); a cue's form that made none is no act of speech there
    ("La demanda, según los comerciantes, se ha mantenido …")."""
    return any(c.cue is not None and start <= c.cue.start < end for c in ctx.claims)


_HABER = frozenset({"ha", "han", "había", "habían", "habría", "habrían", "haya", "hayan", "hubiera", "hubieran"})


_COMMALESS = frozenset({"segun", "de acuerdo con", "de acuerdo a", "conforme a"})
_CLAUSE_DETS = frozenset({"el", "la", "los", "las", "un", "una", "unos", "unas"})


def _commaless(src: list[Token]) -> int | None:
    """Where the attributed clause starts in the words after "según" when no comma closes the
    source: an article or an infinitive right after the source's last noun or name (or a parenthesis),
    before the clause's finite verb ("los datos del ministerio | el paro bajó", "Ana Ruiz | la región
    corre …", "la médica | beber tanta agua es inútil").
    None when there is no finite verb or no such boundary."""
    verb = next((n for n, t in enumerate(src) if t.pos_ in ("VERB", "AUX") and "VerbForm=Fin" in str(t.morph)), None)
    if verb is None or verb < 2:
        return None
    depth = 0
    for n in range(1, verb):
        t, prev = src[n], src[n - 1]
        depth += (prev.text == "(") - (prev.text == ")")
        if depth or not (prev.pos_ in ("NOUN", "PROPN") or prev.text == ")"):
            continue
        if t.lower_ in _CLAUSE_DETS or t.pos_ == "ADV" and n + 1 < verb and src[n + 1].pos_ in ("DET", "NUM") \
                or t.pos_ in ("VERB", "AUX") and "VerbForm=Inf" in str(t.morph):
            return n  # (or an infinitive opening the clause: "Según la médica | beber tanta agua es inútil")
    n = _clause_opening(src, verb, 0)  # its clitic or adverb first: "Según el instituto | se tiene identificado …"
    if (src[n - 1].pos_ in ("NOUN", "PROPN") or src[n - 1].text == ")") and src[verb].is_lower \
            and cue_lemma(src[verb]) is None and not any(t.pos_ == "PRON" for t in src[:n]):
        return n  # a clause with its verb first: "Según la Aduana | hay más controles …" (not "según fuentes que …",
        # "según las autoridades quienes …")
    return None


_COPULAS = frozenset({"ser", "resultar", "parecer"})


def _clause_opening(toks, verb: int, floor: int) -> int:
    """Where the clause of the verb at ``toks[verb]`` opens: before its clitics and adverbs ("aún se
    debe …"), never at or before ``floor``."""
    k = verb
    while k - 1 > floor and (toks[k - 1].lower_ in OBJECT_CLITICS and toks[k - 1].pos_ == "PRON"
                             or toks[k - 1].pos_ == "ADV" and toks[k - 1].is_lower):
        k -= 1
    return k


def _judged_by(ctx: Context, src: list[Token], verb: Token) -> bool:
    """ "Para Ana Ruiz es difícil que …", "Para los expertos resulta evidente …": after "para" and no
    comma, a person's name or a role right before a copula in the present or past is whose judgement
    follows (not "Para los niños es importante jugar": no role, no name)."""
    if verb.lemma_.lower() not in _COPULAS or "Mood=Ind" not in str(verb.morph):
        return False  # (not "Para Ana Ruiz sea …": "para que" with its "que" dropped)
    source = trim_np(src)
    head = np_head(source) if source else None
    named = all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ != "LOC" for t in source) and (
        head is not None and head.ent_type_ == "PER" or word_gender(source[0].text) is not None)  # (not "América Latina")
    return head is not None and (named or ctx.resolver.is_role(head))


def _quote_opens(ctx: Context, src: list[Token]) -> int | None:
    """Where a quotation of three words or more opens in the words after the phrase, no comma
    before it ("Para Figueroa “es inexplicable …”"): after a name or a noun, no verb before."""
    for n, t in enumerate(src[1:], 1):
        if t.pos_ in ("VERB", "AUX"):
            return None
        q = ctx.quote_at(t.idx)
        if q is not None and q.open_mark == t.idx:
            prev = src[n - 1]
            ok = prev.pos_ in ("NOUN", "PROPN") and len(re.findall(r"\w+", ctx.text[q.start:q.end])) >= 3
            return n if ok else None
    return None


def _depending_on(tok: Token) -> bool:
    """"según" followed by an interrogative word, "si" or a verb in the subjunctive means "depending
    on" ("según cuánto cueste", "según si llueve", "según convenga"), never a source."""
    if tok.lower_ in _INTERROGATIVES:
        return True
    return tok.pos_ in ("VERB", "AUX") and "Mood=Sub" in str(tok.morph)


_INTERROGATIVES = frozenset({"qué", "cuál", "cuáles", "cómo", "cuánto", "cuánta", "cuántos", "cuántas", "dónde",
                             "cuándo", "quién", "quiénes", "si"})
_RELATIVES = {"que", "quien", "quienes", "cual", "cuales", "donde"}
_NEXT_ACT = frozenset({"quien", "quienes", "que", "al", "a", "y", "e", "mientras", "aunque", "pero", "además"})


def _one_phrase(src: list[Token]) -> bool:
    """A source that is one noun phrase, or one and the name after it ("cifras de la oficina regional
    de aduanas, OFRA"), not a run of clauses between commas."""
    commas = [n for n, t in enumerate(src) if t.text == ","]
    if not commas:
        return True
    return len(commas) == 1 and commas[0] > 0 and all(t.pos_ == "PROPN" or t.is_punct for t in src[commas[0] + 1:])


def _predicate_after(src: list[Token], n: int) -> bool:
    """Whether the comma at ``src[n]`` closes the source and the sentence's predicate follows: a bare
    lower-case word that names nobody, then a preposition ("según el Fondo X, deriva en …": the verb
    tagged as a noun), not "…, portavoz del ministerio", "…, publicado ayer" or "…, y otros …"."""
    if src[n].text != "," or n + 2 >= len(src):
        return False
    word = src[n + 1]
    return word.is_lower and word.pos_ in ("NOUN", "ADJ") and "VerbForm" not in str(word.morph) \
        and src[n + 2].pos_ == "ADP" and noun_kind(word.text) is None


def _dropped_source(ctx: Context, sent: Span, first: int, cue_tok: Token, comma: int) -> None:
    """ "Según explicó, …": an attribution whose speaker is the one the text is about."""
    doc = ctx.doc
    speaker = ctx.dropped_subject(cue_tok.idx, sent.start_char)
    end_tok = ctx.content_end(comma + 1, sent, stop_at_cue=False)
    if end_tok <= comma + 2:
        return
    cue = Cue(ctx.text[doc[first].idx: cue_tok.idx + len(cue_tok.text)], cue_lemma(cue_tok) or "según",
              doc[first].idx, cue_tok.idx + len(cue_tok.text))
    end_char = doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
    ctx.add("according_to", speaker, cue, doc[comma].idx + 1, end_char, sent, "according_to")


# Through what a source spoke: not part of its name ("en un comunicado", "ante la prensa").
_CHANNEL = frozenset({"en", "mediante", "durante", "tras", "ante"})


_PERSONAL = frozenset({"él", "ella", "ellos", "ellas"})


def _subject_past_phrase(src: list[Token]) -> int | None:
    """Where a subject starts after the prepositional phrase that opens ``src``: an article or a
    name right after the phrase's noun or name ("a Reuters | el portavoz"); None when the phrase
    is all there is ("al respecto", "a su hermana en la entrevista")."""
    for n in range(2, min(len(src), 6)):
        t, prev = src[n], src[n - 1]
        if prev.pos_ not in ("NOUN", "PROPN", "ADJ", "DET"):
            return None  # ("en una entrevista publicada por el diario X": a phrase that goes on)
        if prev.lower_.endswith(("ado", "ada", "ido", "ida")):
            return None  # "en un artículo publicado el 9 de junio": a participle's phrase, a date
        nxt = src[n + 1] if n + 1 < len(src) else None
        if prev.pos_ in ("NOUN", "PROPN", "ADJ") and (
                t.pos_ == "DET" and t.lower_ in _CLAUSE_DETS and nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ")
                or t.pos_ == "PROPN" and t.text[:1].isupper() and prev.pos_ != "PROPN"):
            return n
    return None


def _after_the_verb(src: list[Token]) -> list[Token]:
    """The source after "según informó": past the time words before it ("este lunes", "ayer"; as
    for any inverted subject) and up to the channel after it ("en un comunicado", "ante la prensa")."""
    if not src:
        return src
    first = past_addressee(src[0].doc, past_time_words(src[0].doc, src[0].i, src[-1].i + 1), src[-1].i + 1)
    out = src[first - src[0].i:] or src
    for n, t in enumerate(out):
        if n > 0 and t.lower_ in _CHANNEL and any(x.pos_ in ("NOUN", "PROPN") for x in out[:n]):
            return out[:n]
    return out


def _without_asides(src: list[Token]) -> list[Token]:
    """A source without a parenthetical aside that has a comma ("(CDC, por sus siglas en inglés)")."""
    if not any(t.text == "(" for t in src):
        return src
    out: list[Token] = []
    group: list[Token] = []
    for t in src:
        if t.text == "(" or group:
            group.append(t)
            if t.text == ")":
                if not any(x.text == "," for x in group):
                    out.extend(group)
                group = []
            continue
        out.append(t)
    return out + group


def _apposed_name(ctx: Context, i: int, limit: int, role: bool = False) -> int | None:
    """Where a person's name between commas starting at token ``i`` ends (the index of the comma
    after it), or None: "…, Ana Ruiz, …".  After a ``role`` ("Según el director del hospital, …") a
    name the model tagged otherwise counts when it opens with a given name."""
    doc = ctx.doc
    if i + 2 < limit and doc[i].pos_ == "DET" and doc[i + 1].is_lower and doc[i + 1].lower_ in role_nouns():
        i += 2  # "Según el director del puerto, el capitán Karim Haddad, …": the title before the name
    elif i + 1 < limit and doc[i].is_lower and doc[i].lower_ in role_nouns() and doc[i + 1].text[:1].isupper():
        i += 1  # "…, coronel Andrés Pinto, …": a rank without its article
    j = i
    while j < limit and (doc[j].pos_ == "PROPN" or j > i and doc[j].lower_ in NAME_PARTICLES
                         and j + 1 < limit and doc[j + 1].pos_ == "PROPN"):
        j += 1
    if j == i or j >= limit or doc[j].text != ",":
        return None
    if not any(doc[x].ent_type_ == "PER" for x in range(i, j)) and not (role and j - i >= 2 and (
            word_gender(doc[i].text) or all(t.text[:1].isupper() and not t.is_upper for t in doc[i:j] if t.pos_ == "PROPN"))):
        return None  # a person's name, or after a role one the model tagged otherwise: capitalised words
        # ("Según un responsable de la asociación, Karim Haddad, …": a given name the lexicon need not know)
    return j


def _role_word(tok: Token) -> bool:
    """A lower-case role or agent noun: "portavoz", "psicóloga", "investigador"."""
    return tok.is_lower and (not role_nouns().keys().isdisjoint(singulars(tok.lower_)) or bool(AGENTIVE.search(tok.lower_)))


def _apposed_description(ctx: Context, i: int, limit: int) -> int | None:
    """Where a description of the person just named ends (the index of the comma after it), or
    None: "Según Ana Ruiz, portavoz del ministerio, el plan …" — a role or agent noun (after an
    article at most) and its complements, no verb, no quotation, then a clause."""
    doc = ctx.doc
    if i + 1 < limit and doc[i].is_lower and (doc[i].pos_ == "ADJ" or "VerbForm=Part" in str(doc[i].morph)) \
            and _role_word(doc[i + 1]):
        i += 1  # "Según Ana Ruiz, reconocida psicóloga, …": a qualifier before the role
    j = i
    while j < limit and j - i <= 15 and doc[j].text != ",":
        if doc[j].pos_ in ("VERB", "AUX") or doc[j].text in OPEN + CLOSE or doc[j].is_space and "\n" in doc[j].text:
            return None
        j += 1
    if j >= limit or doc[j].text != "," or j == i:
        return None
    head = doc[i + 1] if doc[i].pos_ == "DET" and i + 1 < j else doc[i]
    # (or where the person works: "Según Ana Ruiz, de la Universidad Austral, el plan …")
    affiliation = doc[i].lower_ in ("de", "del") and any(t.text[:1].isupper() for t in doc[i + 1:min(i + 3, j)])
    if not affiliation and (head.pos_ not in ("NOUN", "ADJ") or not _role_word(head)):
        return None
    while True:  # "…, investigadora de la universidad, en la capital, y coautora del estudio, …"
        k = j + 1
        while k < limit and k - i <= 40 and doc[k].text != "," and doc[k].pos_ not in ("VERB", "AUX") \
                and doc[k].text not in OPEN + CLOSE:
            k += 1
        if k >= limit or doc[k].text != "," or k == j + 1 or doc[j + 1].pos_ not in ("ADP", "CCONJ", "NOUN", "ADJ"):
            break
        j = k
    rest = doc[j + 1:limit]
    if sum(1 for t in rest if t.is_alpha) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    return j


def _relative_source(ctx: Context, sent: Span, first: int, last: int, phrase: str) -> None:
    """ "la farmacéutica, que según el artista ha causado víctimas": a source right after a relative
    pronoun, no comma before it; the source vouches for the relative clause (its verb to the clause
    end), which may follow a comma ("el mercado, donde según testigos, se oyeron …")."""
    doc = ctx.doc
    k = last
    while k < sent.end and doc[k].pos_ not in ("VERB", "AUX") and doc[k].text not in (",", ".", ";", ":"):
        k += 1
    before = _clause_opening(doc, k, last)  # "que según los autores aún se debe …": adverb and clitic open the clause
    src = trim_np(list(doc[last:before]))
    start = before if k < sent.end and doc[k].pos_ in ("VERB", "AUX") else k
    if k + 1 < sent.end and doc[k].text == ",":
        start = k + 1
        k = next((v for v in range(start, min(sent.end, start + 3)) if doc[v].pos_ in ("VERB", "AUX")), sent.end)
        if any(doc[x].pos_ not in ("PRON", "ADV") for x in range(start, k)):
            return  # (the clause opens with its verb, a clitic or "no" at most before it)
    if not src or k >= sent.end or doc[k].pos_ not in ("VERB", "AUX") or src[0].lower_ in ("se", "lo", "le") \
            or not ctx.resolver.can_speak(src):
        return  # ("que según se ha informado …": nobody named)
    verb = doc[k] if doc[k].dep_ not in ("aux", "cop") else doc[k].head
    # the relative clause ends with its verb's phrase ("El mercado, donde según testigos, se oyeron
    # disparos, sigue cerrado": not the main clause after it)
    _add_from(ctx, sent, src, first, last, phrase, start, max(t.i for t in verb.subtree) + 1 if verb.i >= k else None)


def _add_from(ctx: Context, sent: Span, src: list[Token], first: int, last: int, phrase: str, start: int,
              limit: int | None = None) -> None:
    """The "según" claim of ``src`` whose cue runs over tokens ``first``..``last`` and whose content
    starts at token ``start`` and runs to where its clause ends (before token ``limit`` at most)."""
    doc = ctx.doc
    end = ctx.content_end(start, sent, stop_at_cue=False)
    if limit is not None and start < limit < end:
        end = limit
        while end > start + 1 and (doc[end - 1].text in (",", ";", ":", ".") or doc[end - 1].is_space):
            end -= 1
    end_char = doc[end - 1].idx + len(doc[end - 1].text)
    cue = Cue(ctx.text[doc[first].idx: doc[last - 1].idx + len(doc[last - 1].text)], phrase,
              doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text))
    ctx.add("according_to", _source(ctx, src, sent), cue, doc[start].idx, end_char, sent, "according_to")


_ARTICLES = {"el": ("Masc", "Sing"), "la": ("Fem", "Sing"), "los": ("Masc", "Plur"), "las": ("Fem", "Plur")}


def _source_before_relative(ctx: Context, sent: Span, first: int, after: int, phrase: str) -> None:
    """ "un informe publicado en una gaceta, según el cual los atletas …": the source is the noun
    "el cual" refers back to (the nearest before it of its gender and number), the content what
    follows the relative."""
    doc = ctx.doc
    gender, number = _ARTICLES[doc[after - 2].lower_]
    noun = next((t for t in reversed(doc[max(sent.start, first - 14):first])
                 if t.pos_ == "NOUN" and t.morph.get("Gender", []) == [gender] and t.morph.get("Number", []) == [number]),
                None)
    if noun is None or after >= sent.end:
        return
    src = trim_np([t for t in noun.subtree if t.i < first])
    while src and src[0].pos_ == "ADP":
        src.pop(0)
    if not src or not ctx.resolver.can_speak(src):
        return
    _add_from(ctx, sent, src, first, after, phrase, after)


def _source(ctx: Context, src: list[Token], sent: Span) -> Speaker | None:
    """The speaker a source phrase names; "según sus cálculos", "de acuerdo con sus datos": the
    possessor, the current speaker (the words as written stay the speaker's text); a document of
    its own after the possessive speaks itself ("según su informe"), a reckoning never
    (reckoning_nouns.tsv)."""
    speaker = ctx.resolver.resolve(src, ctx.current)
    head = np_head(src)
    if src[0].lower_ in ("su", "sus") and head is not None and (
            not ctx.resolver.known_speaker(head) or _reckoning(head)):
        # (a person the sentence has named before it: "X calificó …, que según su versión …")
        named = ctx.resolver.named_earlier_in_sentence(src[0].idx) if _reckoning(head) else None
        held = ctx.dropped_subject(src[0].idx, sent.start_char) if named is None else None
        who = (named, "PER") if named is not None else (held.name, held.label) if held is not None else None
        if who is not None:
            s0, s1 = src[0].idx, src[-1].idx + len(src[-1].text)
            speaker = Speaker(who[0], ctx.text[s0:s1], who[1], s0, s1)
    return speaker


@lru_cache(maxsize=None)
def _reckonings() -> frozenset[str]:
    return frozenset(fold(w) for w in word_set("reckoning_nouns.tsv"))


def _reckoning(head: Token) -> bool:
    """ "cálculos", "estimaciones": a reckoning (reckoning_nouns.tsv), in any number."""
    return any(fold(f) in _reckonings() for f in singulars(head.lower_))


@lru_cache(maxsize=None)
def opinion_phrases() -> list[tuple[str, ...]]:
    return phrase_list("opinion_phrases.tsv")


@lru_cache(maxsize=None)
def _opinion_seconds() -> frozenset[str]:
    """The phrases' second words (the possessives: "en su opinión", "a su juicio")."""
    return frozenset(p[1] for p in opinion_phrases() if len(p) > 1)


def possessive(ctx: Context, sent: Span) -> None:
    """ "Estas obras son, en su opinión, una inversión segura", "A su juicio, el museo …": an
    opinion phrase with a possessive names no source; the current speaker holds the opinion."""
    doc = ctx.doc
    toks = tokens(doc)
    seconds = _opinion_seconds()
    if not ctx.within_sent(ctx.resolver.positions("opinion seconds", seconds), sent):
        return  # no possessive ("su", …): no opinion phrase here, nothing to fold
    words = [fold(t.text) for t in toks[sent.start:sent.end]]
    for phrase in opinion_phrases():
        n = len(phrase)
        for k in range(len(words) - n + 1):
            if tuple(words[k:k + n]) != phrase:
                continue
            first, last = sent.start + k, sent.start + k + n
            if ctx.quote_at(toks[first].idx) is not None or last >= sent.end or toks[last].text != ",":
                continue
            if any(sent.start_char <= c.start < sent.end_char for c in ctx.claims_near(sent.start_char, sent.end_char)):
                continue  # "dijo que, en su opinión, …": the verb's claim holds it already
            lead = sent.start
            while lead < first and (toks[lead].is_space or toks[lead].is_punct):
                lead += 1
            end = sent.end
            while end > last and (toks[end - 1].is_space or toks[end - 1].is_punct and toks[end - 1].text not in CLOSE):
                end -= 1
            if lead == first:  # "A su juicio, el museo …": what follows the comma
                start_tok = last + 1
                while start_tok < end and toks[start_tok].is_space:
                    start_tok += 1
            elif toks[first - 1].text == ",":  # between commas: the whole sentence
                start_tok = lead
            else:
                continue
            if start_tok >= end or sum(1 for t in toks[start_tok:end] if t.is_alpha) < 3:
                continue
            speaker = ctx.dropped_subject(toks[first].idx, sent.start_char)
            if speaker is None:
                continue
            cue_text = ctx.text[toks[first].idx:toks[last - 1].idx + len(toks[last - 1].text)]
            cue = Cue(cue_text, cue_text.lower(), toks[first].idx, toks[last - 1].idx + len(toks[last - 1].text))
            ctx.add("according_to", speaker, cue, toks[start_tok].idx, toks[end - 1].idx + len(toks[end - 1].text),
                    sent, "according_to_opinion")
            return


def _linking(doc, lead: int, first: int) -> bool:
    """ "Pero según …", "Y, de acuerdo con …": one linking word alone before the phrase."""
    words = [fold(t.text) for t in doc[lead:first] if not t.is_punct]
    return len(words) == 1 and words[0] in LINKING_WORDS


def _opener_before(ctx: Context, lead: int, first: int) -> bool:
    """ "En tanto, según la policía, …": only a discourse opener stands before the phrase, or a short
    adverbial set off by a comma ("En efecto, según …", "En 2019, de acuerdo con …", "Actualmente, según
    …"); not a subject ("El alcalde, según fuentes municipales, dimitirá": the whole sentence is theirs)."""
    doc = ctx.doc
    words = tuple(fold(t.text) for t in doc[lead:first] if not t.is_punct)
    return _linking(doc, lead, first) or doc[first - 1].text == "," and (
        words in ctx.openers or _adverbial(doc[lead:first - 1]))


_LEADING_PREPS = frozenset({"en", "por", "con", "desde", "tras", "durante", "hasta", "de", "sin", "a", "al", "ante"})


def _adverbial(words: Span) -> bool:
    """A sentence's opening adverbial: one adverb ("Actualmente"), or up to five words led by a
    preposition ("En efecto", "Por ello", "En la última década"), with no comma, verb or
    quotation mark in it."""
    if not 1 <= len(words) <= 5 or any(t.is_punct or t.is_space or t.pos_ in ("VERB", "AUX") for t in words):
        return False
    opening = words[0]
    if len(words) == 1:
        return opening.pos_ == "ADV" and opening.lower_ not in ("no", "ya", "así")
    return opening.lower_ in _LEADING_PREPS and opening.pos_ == "ADP"


def _sent_phrases(ctx: Context, sent: Span) -> list[tuple[int, int, str, str]]:
    """The attribution phrases starting in ``sent`` (ctx.phrases is in token order)."""
    firsts = ctx.phrase_firsts
    return ctx.phrases[bisect_left(firsts, sent.start):bisect_left(firsts, sent.end)]


def _person_like(ctx: Context, tokens: list[Token]) -> bool:
    """"Para la ministra," / "Para Ana Ruiz," is a source; "Para 2030," is not, nor a purpose ("Para
    finalizar, Ana Ruiz …", "Para evaluar los datos, …") nor a document, which holds no opinion ("Para
    el nuevo informe, los técnicos revisaron …")."""
    if not tokens or "VerbForm=Inf" in str(tokens[0].morph) or tokens[0].pos_ in ("VERB", "AUX") \
            and re.fullmatch(r"[a-záéíóúñ]+(?:ar|er|ir)(?:l[aeo]s?|se)?", tokens[0].text):
        return False
    if len(tokens) == 1 and tokens[0].lower_ in ("él", "ella", "ellos", "ellas"):
        return True  # "Para ella, …": the person the text is about
    head = np_head(tokens)
    if head is not None and head.is_lower and noun_kind(head.text) == "document":
        return False
    names = [t for t in tokens if t.pos_ == "PROPN"]
    # (a surname the model tags a place here, of a person the article names: "Para Figueroa, …")
    known = bool(names) and ctx.resolver.index.named(" ".join(t.text for t in names), "PER") is not None
    return any(t.ent_type_ in ("PER", "ORG") for t in tokens) or known or ctx.resolver.person_like(
        [t for t in tokens if t.pos_ != "PROPN"])
