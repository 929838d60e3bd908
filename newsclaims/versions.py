"""Read the two sides of ``newsclaims diff``: article files (extracted here), saved outputs of
``newsclaims extract`` (JSON or JSON Lines), or folders of articles.

Every version is keyed by its path: relative to the folder for a folder, the ``doc`` path as saved
for a saved output.  Two keys pair when they are equal or one ends with the other's path
components ("A/sub/x.txt" and "sub/x.txt"), so same-named files in different subfolders never
collide.  A saved output that is not one of ``newsclaims extract`` is a ``VersionError`` (exit 2).
"""
from __future__ import annotations

import json
from collections import OrderedDict
from pathlib import Path, PurePosixPath
from typing import Callable

from . import inputs as load
from .diff import Version
from .inputs.html import materialise


class VersionError(Exception):
    """An input of diff cannot be read (exit status 2)."""


def _not_ours(path: Path, why: str) -> VersionError:
    return VersionError(f"{path}: not an output of newsclaims extract ({why})")


def _check_claim(path: Path, row: object, where: str) -> dict:
    if not isinstance(row, dict):
        raise _not_ours(path, f"{where} is not an object")
    if not isinstance(row.get("doc"), str):
        raise _not_ours(path, f"{where} has no \"doc\" path")
    content = row.get("content")
    if not isinstance(content, dict) or not isinstance(content.get("text"), str):
        raise _not_ours(path, f"{where}: \"content\" is not an object with \"text\"")
    for key in ("speaker", "cue"):
        if row.get(key) is not None and not isinstance(row.get(key), dict):
            raise _not_ours(path, f"{where}: \"{key}\" is not an object or null")
    return row


def _saved_output(path: Path, text: str) -> list[Version] | None:
    """Versions from a saved extract output, None when the text is not JSON at all."""
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        if path.suffix.lower() in (".json", ".jsonl"):
            raise _not_ours(path, "not JSON")
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    if isinstance(data, dict) and "documents" in data:
        docs = data["documents"]
        if not isinstance(docs, list):
            raise _not_ours(path, "\"documents\" is not a list")
        out = []
        for k, d in enumerate(docs, 1):
            if not isinstance(d, dict) or not isinstance(d.get("doc"), str):
                raise _not_ours(path, f"document {k} has no \"doc\" path")
            claims, entities = d.get("claims", []), d.get("entities", [])
            if not isinstance(claims, list) or not isinstance(entities, list):
                raise _not_ours(path, f"document {k}: \"claims\" and \"entities\" must be lists")
            claims = [_check_claim(path, c, f"claim {n} of document {k}") for n, c in enumerate(claims, 1)]
            out.append(Version(_key(d["doc"]), d["doc"], claims, entities))
        return out
    if data is not None and not isinstance(data, dict):
        raise _not_ours(path, "a JSON value that is neither an extract output nor a claim")
    if isinstance(data, dict):
        rows = [_check_claim(path, data, "line 1")]
    else:
        rows = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise _not_ours(path, f"line {n} is not JSON: {e.msg}") from None
            rows.append(_check_claim(path, row, f"line {n}"))
    grouped: OrderedDict[str, list[dict]] = OrderedDict()
    for row in rows:
        grouped.setdefault(row["doc"], []).append(row)
    # JSON Lines carry claims only: the entities of these versions are unknown, not empty.
    return [Version(_key(doc), doc, claims, None) for doc, claims in grouped.items()]


def _key(doc: str) -> str:
    return PurePosixPath(doc.replace("\\", "/")).as_posix().lstrip("./") or doc


def read_side(path: str, extract: Callable[[list[load.Article]], list[dict]]) -> tuple[list[Version], str]:
    """(versions, kind) for one side, kind being "folder", "saved" or "article"; ``extract``
    turns articles into extract documents."""
    p = Path(path)
    if p.is_dir():
        items = list(load.expand([path]))
        errors = [i for i in items if isinstance(i, load.LoadError)]
        if errors:
            raise VersionError(f"{errors[0].doc}: {errors[0].reason}")
        articles = []
        for item in items:
            assert isinstance(item, str)  # (load errors were raised above)
            if load.kind(item) == "warc":
                raise VersionError(f"{item}: a WARC archive holds many pages; extract it and compare "
                                   "the saved outputs")
            for art in map(materialise, load.items(item)):
                if isinstance(art, load.LoadError):
                    raise VersionError(f"{art.doc}: {art.reason}")
                articles.append(art)
        docs = extract(articles)
        return [Version(Path(d["doc"]).relative_to(p).as_posix(), d["doc"], d["claims"], d["entities"])
                for d in docs], "folder"
    if load.kind(path) == "warc":
        raise VersionError(f"{path}: a WARC archive holds many pages; extract it and compare the saved outputs")
    art = materialise(load.read(path))
    if isinstance(art, load.LoadError):
        raise VersionError(f"{art.doc}: {art.reason}")
    saved = _saved_output(p, art.text) if art.meta is None else None
    if saved is not None:
        return saved, "saved"
    (doc,) = extract([art])
    return [Version(p.name, path, doc["claims"], doc["entities"])], "article"


def _same_path(a: str, b: str) -> bool:
    """Equal, or one path ends with all the components of the other."""
    pa, pb = PurePosixPath(a).parts, PurePosixPath(b).parts
    n = min(len(pa), len(pb))
    return n > 0 and pa[-n:] == pb[-n:]


def pair(old: list[Version], new: list[Version], old_kind: str, new_kind: str
         ) -> tuple[list[tuple[Version, Version]], list[str], list[str]]:
    """Pairs to compare, and the keys found on one side only."""
    if len(old) == 1 and len(new) == 1 and "folder" not in (old_kind, new_kind):
        return [(old[0], new[0])], [], []
    if "article" in (old_kind, new_kind):
        raise VersionError("cannot compare a folder (or a multi-article output) with a single article")
    pairs, used = [], set()
    for v in old:
        match = next((w for w in new if w.name == v.name and id(w) not in used), None) or next(
            (w for w in new if id(w) not in used and _same_path(v.name, w.name)), None)
        if match is not None:
            used.add(id(match))
            pairs.append((v, match))
    paired_old = {id(a) for a, _ in pairs}
    return (pairs, [v.name for v in old if id(v) not in paired_old],
            [w.name for w in new if id(w) not in used])
