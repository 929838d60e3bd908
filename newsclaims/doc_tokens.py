"""A Doc's Token objects, made once.

``doc[k]`` builds a new Token object at every call (about a microsecond); the rules read the
same tokens many times over, so the hot ones read ``tokens(doc)[k]``: one list per Doc, kept for
the Doc read last (one article at a time per process or thread; another Doc just makes its own).
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

