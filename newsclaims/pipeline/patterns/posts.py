"""Embedded posts: a tweet's text, then its signature line "— Ana Ruiz (@anaruiz) May 3, 2020"."""
from __future__ import annotations

import re

from ...claims import Cue, Speaker
from ..context import Context

_TWEET_SIGNATURE = re.compile(
    r"^[ \t]*[—–-][ \t]*(?P<name>[^\n(]{1,60}?)[ \t]*\((?P<handle>@\w{1,30})\)[ \t]*[A-Za-zé]+\.?[ \t]+[^\n]{1,25}$",
    re.MULTILINE)


def tweets(ctx: Context) -> None:
    """An embedded tweet: its text, then a signature line "— Ana Ruiz (@anaruiz) May 3, 2020".
    The text is a direct claim of the account's owner."""
    for m in _TWEET_SIGNATURE.finditer(ctx.text):
        before = ctx.text[:m.start()].rstrip()
        para_start = before.rfind("\n") + 1
        start, end = para_start, len(before)
        if end - start < 3:
            continue
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        name_start = m.start("name")
        tokens = [t for t in ctx.doc.char_span(name_start, m.end("name"), alignment_mode="expand") or []]
        if span is None or not tokens:
            continue
        sp = ctx.resolver.resolve(tokens, None)
        if sp is not None and sp.label in ("MISC", "LOC"):
            sp = Speaker(sp.name, sp.text, "PER", sp.start, sp.end)
        q = ctx.quote_at(start)
        if q is not None and q.open_mark == start:
            start, end = q.start, q.end
        cue = Cue(m.group("handle"), "tweet", m.start("handle"), m.end("handle"))
        ctx.add("direct", sp, cue, start, end, span, "tweet")
