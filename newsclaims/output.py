"""Writers: JSON (one document), JSON Lines (one claim or entity a line) and Rich tables.

Keys keep a fixed order, missing values are ``null``, accents are kept (``ensure_ascii=False``):
the same input gives byte-identical output.
"""
from __future__ import annotations

import json
from typing import IO, Iterable

from . import SCHEMA_VERSION, __version__


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def envelope(model: dict) -> dict:
    return {"schema_version": SCHEMA_VERSION, "newsclaims_version": __version__, "model": model}


class JsonWriter:
    """Streams ``{"schema_version": …, "documents": [ … ]}`` one document at a time."""

    def __init__(self, out: IO[str], model: dict, key: str = "documents") -> None:
        self.out, self.first = out, True
        head = dumps(envelope(model))[:-1]
        out.write(f'{head}, "{key}": [')

    def write(self, document: dict) -> None:
        self.out.write(("\n  " if self.first else ",\n  ") + dumps(document))
        self.first = False

    def close(self) -> None:
        self.out.write("\n]}\n" if not self.first else "]}\n")


def jsonl_lines(rows: Iterable[dict]) -> Iterable[str]:
    for row in rows:
        yield dumps(row) + "\n"


def claims_table(document: dict, console) -> None:
    from rich.table import Table
    from rich.text import Text

    title = document.get("title") or document["doc"]
    caption = " · ".join(x for x in (document["doc"], document.get("date")) if x)
    table = Table(title=Text(title, style="bold"), caption=caption, show_lines=False, expand=True,
                  title_justify="left")
    table.add_column("speaker", ratio=2, min_width=14)
    table.add_column("cue", ratio=1, min_width=8)
    table.add_column("type", no_wrap=True, min_width=8)
    table.add_column("content", ratio=5)
    for c in document["claims"]:
        sp = c["speaker"]
        who = Text(sp["name"] or sp["text"]) if sp else Text("—", style="dim")
        if sp and sp["name"] and sp["name"] != sp["text"]:
            who.append(f"\n{sp['text']}", style="dim")
        table.add_row(who, c["cue"]["text"] if c["cue"] else "—", c["type"], c["content"]["text"])
    if not document["claims"]:
        table.add_row("—", "", "", Text("no claims found", style="dim"))
    console.print(table)


def entities_table(document: dict, console) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(document.get("title") or document["doc"], style="bold"), caption=document["doc"],
                  title_justify="left")
    table.add_column("name")
    table.add_column("label")
    table.add_column("count", justify="right")
    for e in document["entities"]:
        table.add_row(e["name"], e["label"], str(e["count"]))
    console.print(table)
