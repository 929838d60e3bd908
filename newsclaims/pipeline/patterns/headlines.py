"""Headlines "Frase: Nombre" and "Nombre: “Frase”" (cue ":")."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ...claims import Cue
from ..context import Context
from ..cues import cue_lemma


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


def headline(ctx: Context, sent: Span) -> None:
    """Title lines "Frase: Nombre" and "Nombre: “Frase”" (cue ":")."""
    doc, text = ctx.doc, ctx.text
    line_start = sent.start_char == 0 or text[sent.start_char - 1] == "\n"
    line_end = sent.end_char >= len(text.rstrip()) or text[sent.end_char:sent.end_char + 1] in ("\n", "")
    near = ctx.claims_near(sent.start_char, sent.end_char)
    if not (line_start and line_end) or any(sent.start_char <= c.start < sent.end_char for c in near):
        return
    if any(cue_lemma(t) for t in sent):
        return
    colons = [t for t in sent if t.text == ":" and ctx.quote_at(t.idx) is None and not _in_time(t)]
    if len(colons) != 1:
        return
    colon = colons[0]
    left = [t for t in doc[sent.start:colon.i] if not t.is_space]
    right = [t for t in doc[colon.i + 1:sent.end] if not t.is_space and t.text not in ".!"]
    cue = Cue(":", ":", colon.idx, colon.idx + 1)

    def named(tokens: list[Token]) -> bool:
        """A person or an institution, not a topic ("Precio:", "Mejor actriz:")."""
        return 0 < len(tokens) <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in tokens) and (
            any(_entity_label(ctx, t) in ("PER", "ORG") for t in tokens) or ctx.resolver.person_like(
                [t for t in tokens if t.pos_ != "PROPN"]) or full_name(tokens))

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
    ctx.add(ctx.kind_of(a, b), ctx.resolver.resolve(who, ctx.current), cue, a, b, sent, "headline")
