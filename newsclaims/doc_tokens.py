"""A Doc's Token objects, made once; its text, read once.

``doc[k]`` builds a new Token object at every call (about a microsecond); the rules read the
same tokens many times over, so the hot ones read ``tokens(doc)[k]``: one list per Doc, kept for
the Doc read last (one article at a time per process or thread; another Doc just makes its own).
``doc.text`` joins every token's text at each access: ``doc_text`` reads the text the Doc was
parsed from where the caller kept it in ``doc.user_data`` (``TEXT_KEY``).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

_last: tuple[Doc | None, list[Token]] = (None, [])


def tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, the same list while ``doc`` is the one read last."""
    global _last
    held, toks = _last
    if held is doc and len(toks) == len(doc):
        return toks
    toks = list(doc)
    _last = (doc, toks)
    return toks


TEXT_KEY = "newsclaims_text"


def doc_length(doc: Doc) -> int:
    """``len(doc.text)`` without building the text."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def doc_text(doc: Doc) -> str:
    """``doc.text``: the text kept under ``TEXT_KEY`` when it is as long as the Doc's, else built
    from the tokens."""
    kept = doc.user_data.get(TEXT_KEY)
    if isinstance(kept, str) and len(kept) == doc_length(doc):
        return kept
    return doc.text
