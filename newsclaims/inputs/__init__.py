"""Inputs: find article files and read them, one module per kind — ``text`` (.txt, .md), ``html``
(web pages, through trafilatura), ``warc`` (crawl archives) — each yielding the same ``Article``
(or ``LoadError``); the dispatch by kind is here, and nothing below imports it.  Nothing here
knows about spaCy."""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Iterator

from .base import (  # noqa: F401
    KINDS,
    MAX_BYTES,
    MAX_PAGE_BYTES,
    SUFFIXES,
    Article,
    LoadError,
    is_url,
    kind,
    looks_like_html,
    open_binary,
    suffixes,
)
from .text import decode, not_utf8_at, read_bytes  # noqa: F401


def _is_fifo(path: Path) -> bool:
    import stat
    try:
        return stat.S_ISFIFO(path.stat().st_mode)
    except OSError:
        return False


# How long a named pipe given by name may wait for a writer before it is given up.
FIFO_WAIT = 10.0


def _read_pipe(path: str, limit: int) -> bytes | LoadError:
    """The bytes of a named pipe (or process substitution, "<(cat nota.txt)"): opening one blocks
    until something writes to it, so the opening waits in a thread for at most FIFO_WAIT seconds."""
    import threading

    opened = threading.Event()
    box: dict[str, bytes] = {}
    failure: list[OSError] = []

    def reader() -> None:
        try:
            with open(path, "rb") as f:
                opened.set()
                box["data"] = f.read(limit + 1)
        except OSError as e:
            failure.append(e)
            opened.set()

    t = threading.Thread(target=reader, daemon=True, name="newsclaims-pipe")
    t.start()
    if not opened.wait(FIFO_WAIT):
        return LoadError(path, f"named pipe with no writer (nothing opened it for writing in {FIFO_WAIT:.0f} s)")
    t.join()
    if failure:
        return LoadError(path, failure[0].strerror or str(failure[0]))
    return box["data"]


def _link_problem(path: Path) -> str | None:
    """Why a symbolic link cannot be read: dangling, or a loop; None when it is fine."""
    if not path.is_symlink():
        return None
    try:
        os.stat(path)  # "<(cat nota.txt)" is a link to "pipe:[…]" that resolve() cannot follow but stat reads
        return None
    except OSError:
        pass
    try:
        path.resolve(strict=True)
    except FileNotFoundError:
        return "broken symbolic link (its target does not exist)"
    except (RuntimeError, OSError):
        return "symbolic link loop"
    return None


_GLOB = re.compile(r"[*?\[]")


def _expand_url(url: str) -> Iterator[str | LoadError]:
    """Files under a URL (a file, a folder or a glob), through fsspec; sorted."""
    try:
        import fsspec
        fs, root = fsspec.core.url_to_fs(url)
    except ImportError as e:  # s3://, gs://: the filesystem package is an optional extra
        yield LoadError(url, f"cannot read this URL: {e}")
        return
    except ValueError as e:
        yield LoadError(url, str(e))
        return
    try:
        if _GLOB.search(root):
            found = [p for p in sorted(fs.glob(root)) if kind(p) and fs.isfile(p)]
        elif fs.isdir(root):
            found = [p for p in sorted(fs.find(root)) if kind(p)]
        elif fs.exists(root):
            found = [root]
        else:
            yield LoadError(url, "no such file or folder")
            return
    except (OSError, PermissionError) as e:
        yield LoadError(url, str(e) or type(e).__name__)
        return
    if not found:
        yield LoadError(url, f"no articles there ({suffixes()})")
    for p in found:
        yield fs.unstrip_protocol(p)


def expand(paths: list[str]) -> Iterator[str | LoadError]:
    """Paths of article files: files as given, folders searched recursively (sorted), globs (also
    quoted ones) and fsspec URLs expanded."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        if is_url(raw):
            yield from _expand_url(raw)
            continue
        p = Path(raw)
        if not p.exists() and not p.is_symlink() and _GLOB.search(raw):
            import glob
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield LoadError(raw, "no files match")
            for m in matches:
                if Path(m).is_dir() or kind(m):
                    yield from expand([m])
            continue
        problem = _link_problem(p)
        if problem:
            yield LoadError(raw, problem)
        elif p.is_dir():
            found: list[tuple[str, str | None]] = []

            def unreadable(e: OSError) -> None:  # a subfolder that cannot be listed is said, not skipped
                found.append((e.filename or str(p), f"{e.strerror or e} (folder not read)"))

            for folder, dirs, files in os.walk(p, onerror=unreadable):  # symbolic links to folders are not followed
                dirs.sort()
                for name in files + [d for d in dirs if Path(folder, d).is_symlink()]:
                    f = Path(folder, name)
                    bad = _link_problem(f)
                    if bad and kind(f) or bad == "symbolic link loop":
                        found.append((str(f), bad))
                    elif not bad and f.is_file() and kind(f):
                        found.append((str(f), None))
                    elif not bad and kind(f) and _is_fifo(f):
                        found.append((str(f), "a named pipe inside a folder is not read (give it by name)"))
            found.sort(key=lambda item: Path(item[0]).parts)
            if not found:
                yield LoadError(raw, f"folder holds no articles ({suffixes()})")
            for name, bad in found:
                yield LoadError(name, bad) if bad else name
        elif p.exists():
            yield raw
        else:
            yield LoadError(raw, "no such file or folder")


def read(path: str):
    """An Article (text file), a pages.Page (HTML, extracted later) or a LoadError."""
    if path == "-":
        data = sys.stdin.buffer.read()
        if looks_like_html(data):
            from .html import Page
            return Page("-", data)
        return read_bytes("-", data)
    html = kind(path) == "html"
    limit = MAX_PAGE_BYTES if html else MAX_BYTES
    too_big = LoadError(path, f"{'page' if html else 'file'} is larger than {limit // (1024 * 1024)} MB; "
                              "split it into articles")
    if is_url(path):
        data = _fetch(path, limit)
        if data is None:
            return too_big
        if isinstance(data, LoadError):
            return data
        return _decoded(path, data, html)
    problem = _link_problem(Path(path))
    if problem:
        return LoadError(path, problem)
    if _is_fifo(Path(path)):
        data = _read_pipe(path, limit)
        if isinstance(data, LoadError):
            return data
        return too_big if len(data) > limit else _decoded(path, data, html)
    try:
        if Path(path).stat().st_size > limit:
            return too_big
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return LoadError(path, "no such file or folder")
    except IsADirectoryError:
        return LoadError(path, "is a folder")
    except PermissionError:
        return LoadError(path, "permission denied")
    except OSError as e:
        return LoadError(path, e.strerror or str(e))
    return _decoded(path, data, html)


def _fetch(url: str, limit: int) -> bytes | LoadError | None:
    """The bytes at an fsspec URL; None when larger than ``limit``."""
    try:
        with open_binary(url) as f:
            data = f.read(limit + 1)
    except FileNotFoundError:
        return LoadError(url, "no such file or folder")
    except ImportError as e:
        return LoadError(url, f"cannot read this URL: {e}")
    except (OSError, ValueError) as e:
        return LoadError(url, str(e) or type(e).__name__)
    return None if len(data) > limit else data


def _decoded(path: str, data: bytes, html: bool):
    if html:
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return LoadError(path, "binary file (not HTML)")
        from .html import Page
        return Page(path, data)
    return read_bytes(path, data)


def items(path: str) -> Iterator:
    """What one input path holds: one Article, Page or LoadError; for a WARC archive, one Page per
    HTML response record, streamed."""
    if path != "-" and kind(path) == "warc":
        from .warc import records
        yield from records(path)
    else:
        yield read(path)


def articles(paths: list[str]) -> Iterator:
    """Articles, Pages and LoadErrors for ``paths``, in order (pages are not yet extracted)."""
    for item in expand(paths):
        if isinstance(item, LoadError):
            yield item
        else:
            yield from items(item)
