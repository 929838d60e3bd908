"""A surname alone gets the full name the article gives that person elsewhere.

The resolver already names "Ruiz" by the entity the model found for "Ana Ruiz".  Where the model
missed the full name as a person (a source after "según", a name it tagged as something else), the
claims still hold it: "Según Jerónimo Gil, director de …" names "Jerónimo Gil", and a later
"…, explica Gil" is the same person.  Exactly one candidate is needed: a full name (a given name
first, two words or more) among the article's person speakers and person entities whose words
after the first include the surname.  Two candidates ("Ana Gil", "Luis Gil") leave it alone.
"""
from __future__ import annotations

from dataclasses import replace

from ..claims import Claim
from ..entities import Entity
from ..names import given_name_gender


def complete(claims: list[Claim], entities: list[Entity]) -> None:
    full = {c.speaker.name for c in claims if c.speaker is not None and c.speaker.name and c.speaker.kind == "person"}
    full |= {e.name for e in entities if e.label == "PER"}
    full = {n for n in full if len(n.split()) >= 2 and " y " not in f" {n} " and given_name_gender(n) is not None}
    for c in claims:
        sp = c.speaker
        if sp is None or sp.kind != "person" or not sp.name or len(sp.name.split()) != 1 or sp.name.isupper() \
                or not sp.name[:1].isupper():
            continue
        found = {n for n in full if sp.name in n.split()[1:]}
        if len(found) == 1:
            c.speaker = replace(sp, name=found.pop())
