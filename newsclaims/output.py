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
    table.add_column("cue", ratio=1, min_width=8, overflow="fold")
    table.add_column("type", no_wrap=True, min_width=8)
    table.add_column("content", ratio=5)
    for c in document["claims"]:
        sp = c["speaker"]
        who = Text(sp["name"] or sp["text"]) if sp else Text("—", style="dim")
        if sp and sp["name"] and sp["name"] != sp["text"]:
            who.append(f"\n{sp['text']}", style="dim")
        if sp and sp.get("kind"):
            who.append(f"\n{sp['kind']}" + (f" · {sp['gender']}" if sp.get("gender") else ""), style="dim italic")
        # The JSON keeps the article's own whitespace; the table folds it for reading.
        table.add_row(who, c["cue"]["text"] if c["cue"] else "—", c["type"], " ".join(c["content"]["text"].split()))
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
    table.add_column("gender")
    for e in document["entities"]:
        table.add_row(e["name"], e["label"], str(e["count"]), e.get("gender") or "")
    console.print(table)


def diff_document(old: str, new: str, results: list[dict], only_old: list[str], only_new: list[str],
                  single: bool) -> dict:
    """JSON of ``newsclaims diff``: one comparison, or (for folders) one per paired article."""
    head = {"schema_version": SCHEMA_VERSION}
    if single:
        return {**head, **results[0]}
    from .diff import KINDS
    total = {k: sum(r["summary"][k] for r in results) for k in KINDS}
    return {**head, "old": old, "new": new, "summary": total, "documents": results,
            "only_old": only_old, "only_new": only_new}


_KIND_STYLE = {"added": "green", "removed": "red", "reworded": "yellow", "speaker_changed": "magenta",
               "type_changed": "cyan", "cue_changed": "cyan", "unchanged": "dim"}


def _speaker(claim: dict | None) -> str:
    sp = (claim or {}).get("speaker")
    return (sp.get("name") or sp.get("text")) if sp else "—"


def diff_table(results: list[dict], only_old: list[str], only_new: list[str], console) -> None:
    from rich.table import Table
    from rich.text import Text

    # Without colours (saved, piped) deletions and insertions are marked in the text itself, as
    # `git diff --word-diff` does: [-old words-]{+new words+}.
    plain = console.color_system is None
    for r in results:
        table = Table(title=Text(f"{r['old']} → {r['new']}", style="bold"), title_justify="left", expand=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("speaker", ratio=1)
        table.add_column("content", ratio=4)
        for c in r["changes"]:
            kind = Text(c["kind"], style=_KIND_STYLE[c["kind"]])
            if c["old"] is not None and c["new"] is not None:
                who = _speaker(c["old"]) if c["kind"] != "speaker_changed" else f"{_speaker(c['old'])} → {_speaker(c['new'])}"
                body = Text()
                for op in c["diff"]:
                    if op["op"] == "equal":
                        body.append(op["old"] + " ")
                    if op["old"] and op["op"] in ("delete", "replace"):
                        body.append(f"[-{op['old']}-] " if plain else op["old"] + " ", style="red strike")
                    if op["new"] and op["op"] in ("insert", "replace"):
                        body.append(f"{{+{op['new']}+}} " if plain else op["new"] + " ", style="green")
                if c["kind"] == "type_changed":
                    body.append(f"\n[{c['old']['type']} → {c['new']['type']}]", style="cyan")
                if c["kind"] == "cue_changed":
                    body.append(f"\n[{c['old']['cue']['text'] if c['old']['cue'] else '—'} → "
                                f"{c['new']['cue']['text'] if c['new']['cue'] else '—'}]", style="cyan")
            else:
                claim = c["new"] or c["old"]
                who = _speaker(claim)
                body = Text(claim["content"]["text"], style=_KIND_STYLE[c["kind"]])
            table.add_row(kind, who, body)
        if not r["changes"]:
            table.add_row(Text("no changes", style="dim"), "", "")
        console.print(table)
        summary = ", ".join(f"{k} {v}" for k, v in r["summary"].items() if v)
        console.print(Text(summary or "no claims", style="dim"))
        ents = r["entities"]
        for e in ents["added"]:
            console.print(Text(f"+ {e['name']} ({e['label']})", style="green"))
        for e in ents["removed"]:
            console.print(Text(f"- {e['name']} ({e['label']})", style="red"))
    for name in only_old:
        console.print(Text(f"only in old: {name}", style="red"))
    for name in only_new:
        console.print(Text(f"only in new: {name}", style="green"))


def eval_table(result: dict, console) -> None:
    from rich.table import Table
    from rich.text import Text

    c, e = result["content"], result["end_to_end"]
    # The heading is a line of its own: as a table title it would wrap at the table's width.
    console.print(Text(f"{result['documents']} documents · gold {result['gold_claims']} · predicted "
                       f"{result['predicted_claims']} · matched {result['matched']} "
                       f"(threshold {result['threshold']})", style="bold"), soft_wrap=True)
    table = Table()
    for col in ("figure", "P", "R", "F1 / accuracy"):
        table.add_column(col, justify="left" if col == "figure" else "right")
    table.add_row("content", f"{c['precision']:.3f}", f"{c['recall']:.3f}", f"{c['f1']:.3f}")
    table.add_row("end-to-end", f"{e['precision']:.3f}", f"{e['recall']:.3f}", f"{e['f1']:.3f}")
    table.add_row("speaker, lenient", "", "", f"{result['speaker_accuracy_lenient']:.3f}")
    table.add_row("speaker, strict", "", "", f"{result['speaker_accuracy_strict']:.3f}")
    table.add_row("type", "", "", f"{result['type_accuracy']:.3f}")
    table.add_row("boundaries", "", "", f"{result['boundaries']:.3f}")
    if "speaker_kind" in result:
        k = result["speaker_kind"]
        table.add_row(f"speaker kind ({k['labelled']} labelled)", "", "", f"{k['accuracy']:.3f}")
    if "speaker_gender" in result:
        g = result["speaker_gender"]
        table.add_row(f"gender where given ({g['labelled']} labelled)", "", "", f"{g['accuracy']:.3f}")
        table.add_row("gender coverage", "", "", f"{g['coverage']:.3f}")
    console.print(table)
    console.print(Text("by claim type", style="bold"))
    types = Table()
    for col in ("type", "gold", "found", "recall", "predicted", "precision", "speaker"):
        types.add_column(col, justify="left" if col == "type" else "right")
    for k, v in result["by_type"].items():
        types.add_row(k, str(v["gold"]), str(v["found"]), f"{v['recall']:.3f}", str(v["predicted"]),
                      f"{v['precision']:.3f}", f"{v['speaker_accuracy_lenient']:.3f}")
    console.print(types)
    d = result.get("details")
    if d:
        for m in d["missed"]:
            console.print(Text(f"MISSED       {m['doc']}: [{m['speaker']}] {m['content'][:90]}", style="yellow"))
        for m in d["false_alarms"]:
            console.print(Text(f"FALSE ALARM  {m['doc']}: [{m['speaker']}] {m['content'][:90]}", style="red"))
        for m in d["wrong_speakers"]:
            console.print(Text(f"WRONG SPEAKER {m['doc']}: {m['predicted']!r}/{m['mention']!r} "
                               f"(gold {m['gold']!r}) for: {m['content'][:70]}", style="magenta"))
        for m in d.get("unlisted_cues", []):
            console.print(Text(f"UNLISTED CUE {m['lemma']} ({m['claims']} claims): add it to rules/es/cue_verbs.tsv "
                               "if it reports speech", style="blue"))
        for m in d.get("wrong_kinds", []):
            console.print(Text(f"WRONG KIND   {m['doc']}: {m['speaker']!r} is {m['gold']}, not {m['predicted']} "
                               f"for: {m['content'][:60]}", style="cyan"))
