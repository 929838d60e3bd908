"""Anonymous sources: the unnamed ("fuentes del ministerio", "un funcionario de Hacienda": label
ANON) and those who asked not to be named ("un técnico que pidió no ser identificado", "bajo
condición de anonimato": ``rules/es/anonymity_formulas.tsv``).  Such a formula is no claim of its
own, and marks the speaker it follows as anonymous."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..claims import Claim
from ..rules import read_table


@lru_cache(maxsize=None)
def _formulas() -> re.Pattern[str]:
    phrases = sorted((row[0] for row in read_table("anonymity_formulas.tsv", 2)), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")\b",
                      re.IGNORECASE)


def anonymity_at(text: str, pos: int) -> bool:
    """Whether an anonymity formula starts at ``pos`` ("pidió no ser identificado")."""
    m = _formulas().match(text, pos)
    return m is not None


def mark_anonymous(claims: list[Claim], text: str) -> None:
    """``speaker.anonymous``: an unnamed source (label ANON), or one the article says asked not to be
    named within a few words of the mention ("Un técnico, que pidió el anonimato, dijo …")."""
    for c in claims:
        sp = c.speaker
        if sp is None:
            continue
        m = _formulas().search(text, sp.end, sp.end + 60)
        asked = m is not None and not re.search(r"[.;:\n]", text[sp.end:m.start()])
        if sp.label == "ANON" or asked:
            c.speaker = replace(sp, anonymous=True)
