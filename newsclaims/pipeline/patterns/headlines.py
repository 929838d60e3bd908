"""Headlines "Frase: Nombre" and "Nombre: “Frase”" (cue ":"), and headlines that open with their
speech verb: "Destaca Ana Ruiz la labor de los bomberos"."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ...claims import Cue
from ...names import word_gender
from ...rules import cue_lexicon, word_set
from ..context import Context
from ..cues import cue_kind, cue_lemmas


def _in_time(colon: Token) -> bool:
    """ "a las 18:30 horas": a colon between numbers (or number placeholders) is no headline's."""
    doc = colon.doc
    prev = doc[colon.i - 1] if colon.i > 0 else None
    nxt = doc[colon.i + 1] if colon.i + 1 < len(doc) else None
    return prev is not None and nxt is not None and not colon.whitespace_ and (
        prev.like_num or prev.text.endswith("*")) and (nxt.like_num or nxt.text.startswith("*"))


def _entity_label(ctx: Context, tok: Token) -> str | None:
    """The label of the article's entity over ``tok`` (after cleaning: "Sarampión" opening a title
    and written in lower case elsewhere is none)."""
    ent = ctx.resolver.index.covering(tok.idx)
    return ent.label if ent is not None else None


def _quoted_line_start(ctx: Context, sent: Span) -> int | None:
    """Where the title line opens when it is a quotation of several sentences the model split, the
    last of them holding its closing mark and the colon ("“No era mi día. Toca avanzar”: Ana Ruiz")."""
    text = ctx.text
    start = text.rfind("\n", 0, sent.start_char) + 1
    q = ctx.quote_at(start)
    if q is None or q.open_mark != start or not sent.start_char <= q.close_mark < sent.end_char:
        return None
    return start


def _name_shaped(tokens: list[Token]) -> bool:
    """A name whatever the model tagged it: a given name and capitalised words ("Tomás Liendo", tagged
    a place), or a body's acronym ("SEP", "MDMZ")."""
    if len(tokens) == 1:
        return tokens[0].is_upper and tokens[0].is_alpha and len(tokens[0].text) >= 3
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tokens) and word_gender(tokens[0].text) is not None


def _free_line(ctx: Context, sent: Span, start: int | None = None) -> bool:
    """Whether the sentence (from ``start`` when given) is a whole line (a title) with no claim
    found in it yet."""
    text = ctx.text
    start = sent.start_char if start is None else start
    line_start = start == 0 or text[start - 1] == "\n"
    line_end = sent.end_char >= len(text.rstrip()) or text[sent.end_char:sent.end_char + 1] in ("\n", "")
    near = ctx.claims_near(start, sent.end_char)
    return line_start and line_end and not any(start <= c.start < sent.end_char for c in near)


# In a title these say what happened more often than what was said: "Celebra Ana Ruiz su cumpleaños".
_EVENT_VERBS = frozenset({"celebrar", "agradecer"})


def verb_first(ctx: Context, sent: Span) -> None:
    """A title that opens with a speech verb whose object is what was said, then its named subject
    and the object: "Destaca Ana Ruiz la labor de los bomberos", "Reconoce la Fiscalía ‘fallas’ en
    el operativo" (the model reads such a verb as a name; a plural verb, "Reconocen …", names nobody)."""
    if not _free_line(ctx, sent):
        return
    tokens = [t for t in sent if not t.is_space]
    if len(tokens) < 5:
        return
    first = tokens[0]
    lemma = cue_lexicon().lemma_of(first.lower_)
    if lemma is None or lemma not in word_set("object_cues.tsv") or lemma in _EVENT_VERBS \
            or not first.text[:1].isupper() or first.lower_.endswith(("n", "s")):
        return
    ent = ctx.resolver.index.covering(tokens[1].idx)
    mention = next((m for m in ent.mentions if m.start <= tokens[1].idx < m.end), None) if ent is not None else None
    if ent is None or ent.label not in ("PER", "ORG") or mention is None or mention.start != tokens[1].idx:
        return  # (a name the model ran the verb into, "Reconoce Protección", is no name to trust)
    who = [t for t in tokens if mention.start <= t.idx < mention.end]
    said = [t for t in tokens if t.idx >= mention.end]
    while said and (said[-1].is_punct and said[-1].text not in "”»’\"'"):
        said.pop()
    if len(said) < 3 or said[0].pos_ in ("ADP", "SCONJ", "CCONJ", "VERB", "AUX", "PRON") or said[0].lower_ == "que":
        return
    a, b = said[0].idx, said[-1].idx + len(said[-1].text)
    cue = Cue(first.text, lemma, first.idx, first.idx + len(first.text))
    ctx.add(ctx.kind_of(a, b), ctx.resolver.resolve(who, ctx.current), cue, a, b, sent, "headline_verb", lemma)


def headline(ctx: Context, sent: Span) -> None:
    """Title lines "Frase: Nombre" and "Nombre: “Frase”" (cue ":")."""
    doc = ctx.doc
    if ":" not in ctx.text[sent.start_char:sent.end_char]:
        return  # (no colon, no title line: the cheap test first)
    first = sent.start
    opened = _quoted_line_start(ctx, sent)
    span = doc.char_span(opened, sent.start_char, alignment_mode="expand") \
        if opened is not None and opened < sent.start_char else None
    if span is not None:
        first = span.start
    if not _free_line(ctx, sent, doc[first].idx):
        return
    if any(cue_kind(lemma) != "aside" for lemma in cue_lemmas(doc, first, sent.end)):
        return  # (an aside verb speaks only after a quotation: "Cierre de escuelas: Ortega" is a title)
    colons = [t for t in sent if t.text == ":" and ctx.quote_at(t.idx) is None and not _in_time(t)]
    if len(colons) != 1:
        return
    colon = colons[0]
    left = [t for t in doc[first:colon.i] if not t.is_space]
    right = [t for t in doc[colon.i + 1:sent.end] if not t.is_space and t.text not in ".!"]
    cue = Cue(":", ":", colon.idx, colon.idx + 1)

    def named(tokens: list[Token]) -> bool:
        """A person or an institution, not a topic ("Precio:", "Mejor actriz:")."""
        return 0 < len(tokens) <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in tokens) and (
            any(_entity_label(ctx, t) in ("PER", "ORG") for t in tokens) or ctx.resolver.person_like(
                [t for t in tokens if t.pos_ != "PROPN"]) or full_name(tokens) or _name_shaped(tokens))

    def full_name(tokens: list[Token]) -> bool:
        """A surname whose full name the article gives, whatever the model tagged it."""
        if not all(t.pos_ == "PROPN" for t in tokens):
            return False
        sp = ctx.resolver.resolve(tokens, None)
        return sp is not None and sp.label == "PER" and len((sp.name or "").split()) >= 2

    def statement(tokens: list[Token], who: list[Token]) -> bool:
        """Three words or more, with a verb unless a named person says them (headline quotes
        are often verbless: "Una crisis con rostro de mujer: Ana Ruiz")."""
        person = sum(1 for t in who if t.ent_type_ == "PER" and t.pos_ == "PROPN") >= 2  # a full name
        if not person and who:
            person = full_name(who)  # "Listas de espera, falso: Ortega"
        return len(tokens) >= 3 and (person or any(t.pos_ in ("VERB", "AUX") for t in tokens))
    if named(right) and statement(left, right):
        who, said = right, left    # "La reforma llegará en mayo: Ana Ruiz"
    elif named(left) and statement(right, left):
        who, said = left, right    # "Ana Ruiz: “La reforma llegará en mayo”"
    else:
        return
    a, b = said[0].idx, said[-1].idx + len(said[-1].text)
    q = ctx.quote_at(a)
    if q is not None and q.open_mark == a:
        a, b = q.start, q.end
    speaker = ctx.resolver.resolve(who, ctx.current)
    if speaker is None or ctx.kind(speaker) is None:
        return  # "Los caprichos de la ministra: lo que pagan los vecinos", "12-marzo-2020: …": a topic or a date, nobody
    ctx.add(ctx.kind_of(a, b), speaker, cue, a, b, sent, "headline")
