"""Read the two sides of ``newsclaims diff``: article files (extracted here), saved outputs of
``newsclaims extract`` (JSON or JSON Lines), or folders of articles."""
from __future__ import annotations

import json
from collections import OrderedDict
from pathlib import Path
from typing import Callable

from . import load
from .diff import Version


class VersionError(Exception):
    """An input of diff cannot be read (exit status 2)."""


def _saved_output(path: Path, text: str) -> list[Version] | None:
    """Versions from a saved extract output, or None when the file is not one."""
    stripped = text.lstrip()
    if not stripped.startswith("{"):
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    if isinstance(data, dict) and "documents" in data:
        return [Version(Path(d["doc"]).name, d["doc"], d.get("claims", []), d.get("entities", []))
                for d in data["documents"]]
    if isinstance(data, dict) and "content" in data:  # a JSON Lines file of one claim
        rows = [data]
    else:
        rows = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise VersionError(f"{path}: line {n} is not JSON ({e.msg})") from None
        if not all(isinstance(r, dict) and "content" in r and "doc" in r for r in rows):
            raise VersionError(f"{path}: not an output of newsclaims extract (JSON or JSON Lines)")
    grouped: OrderedDict[str, list[dict]] = OrderedDict()
    for row in rows:
        grouped.setdefault(row["doc"], []).append(row)
    return [Version(Path(doc).name, doc, claims) for doc, claims in grouped.items()]


def read_side(path: str, extract: Callable[[list[load.Article]], list[dict]]) -> tuple[list[Version], bool]:
    """(versions, is_folder) for one side; ``extract`` turns articles into extract documents."""
    p = Path(path)
    if p.is_dir():
        items = list(load.expand([path]))
        errors = [i for i in items if isinstance(i, load.LoadError)]
        if errors:
            raise VersionError(f"{errors[0].doc}: {errors[0].reason}")
        articles = []
        for item in items:
            art = load.read(item)
            if isinstance(art, load.LoadError):
                raise VersionError(f"{art.doc}: {art.reason}")
            articles.append(art)
        docs = extract(articles)
        return [Version(str(Path(d["doc"]).relative_to(p)), d["doc"], d["claims"], d["entities"]) for d in docs], True
    art = load.read(path)
    if isinstance(art, load.LoadError):
        raise VersionError(f"{art.doc}: {art.reason}")
    saved = _saved_output(p, art.text) if p.suffix.lower() in (".json", ".jsonl") or art.text.lstrip()[:1] == "{" else None
    if saved is not None:
        return saved, len(saved) != 1
    (doc,) = extract([art])
    return [Version(p.name, path, doc["claims"], doc["entities"])], False


def pair(old: list[Version], new: list[Version], old_folder: bool, new_folder: bool
         ) -> tuple[list[tuple[Version, Version]], list[str], list[str]]:
    """Pairs to compare, and the names found on one side only."""
    if not old_folder and not new_folder:
        return [(old[0], new[0])], [], []
    if old_folder != new_folder:
        raise VersionError("cannot compare a folder (or a multi-article output) with a single article")
    by_new = {v.name: v for v in new}
    by_old = {v.name: v for v in old}
    pairs = [(v, by_new[v.name]) for v in old if v.name in by_new]
    return pairs, [n for n in by_old if n not in by_new], [n for n in by_new if n not in by_old]
