"""``newsclaims track``: add article versions to a claims history store, list the changes in who said
what between versions, one article's log, the tracked articles.  Registered on the main app by
``cli.py``; the store itself is ``track.py``."""
from __future__ import annotations

import sys
from enum import Enum
from typing import Iterator, List, Optional

import typer

from .cli import (
    EXIT_OK,
    JobsOpt,
    ModelOpt,
    PathsArg,
    QuietOpt,
    Run,
    SchedulerOpt,
    VerboseOpt,
    WeightsOpt,
    _count,
    _guard,
    _stdout_console,
    fail,
)

track_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                        help="Keep every version of articles in a store and list what changed in who said what.")

DbOpt = typer.Option("claims.db", "--db", metavar="FILE", envvar="NEWSCLAIMS_DB",
                     help="The store: one SQLite file (made by the first `track add`).")
BATCH = 16  # articles extracted together (and sent to a worker together)


class ChangesFormat(str, Enum):
    auto = "auto"
    table = "table"
    json = "json"
    jsonl = "jsonl"
    html = "html"


class ListFormat(str, Enum):
    auto = "auto"
    table = "table"
    json = "json"


def _open(db: str, create: bool = False):
    from .track import Store, StoreError
    try:
        return Store(db, create=create)
    except StoreError as e:
        fail(str(e))


def _format(value: str) -> str:
    if value == "auto":
        return "table" if sys.stdout.isatty() else "json"
    return value


def _pending(run: Run, store, counts: dict) -> Iterator:
    """Each article version read, identified and hashed; those already stored are skipped here,
    before any parsing."""
    from .track import identify

    for article, record_date in run.read():
        p = identify(article, record_date)
        if store.has(p.key, p.version):
            counts["stored"] += 1
            continue
        yield p


def _batches(items: Iterator, size: int) -> Iterator[list]:
    batch: list = []
    for x in items:
        batch.append(x)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _reported(run: Run, result: tuple[list[dict], list[tuple[str, str]]]) -> list[dict]:
    """A worker's documents; its errors said as this run's."""
    docs, errors = result
    for doc, reason in errors:
        run.error(doc, reason)
    return docs


def _extracted(run: Run, batches: Iterator[list]) -> Iterator[tuple[list, list[dict]]]:
    """(pending batch, its documents): here, in --jobs worker processes, or on a Dask cluster; the
    writes stay in this process, the one that owns the store."""
    from .track import extract_batch

    def in_order(submit, result, size: int) -> Iterator[tuple[list, list[dict]]]:
        """Batches submitted from this thread (the store is read here only), a window of ``size``
        in flight, results in input order."""
        flight: list = []
        for batch in batches:
            flight.append((batch, submit([p.article for p in batch])))
            if len(flight) >= size:
                done, pending = flight.pop(0)
                yield done, _reported(run, result(pending))
        for done, pending in flight:
            yield done, _reported(run, result(pending))

    if run.scheduler:
        run.start()
        client = run.client
        try:
            yield from in_order(lambda arts: client.submit(extract_batch, arts, run.model_name, run.verbose,
                                                           run.weights, pure=False), lambda fut: fut.result(), 4)
        finally:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
    elif run.jobs > 1:
        from .cluster import worker_pool
        with worker_pool(run.jobs, run.model_name, run.verbose, run.weights) as pool:
            yield from in_order(lambda arts: pool.apply_async(extract_batch, (arts, run.model_name, run.verbose,
                                                                              run.weights)),
                                lambda res: res.get(), 2 * run.jobs)
    else:
        ex = run._extractor()
        for batch in batches:
            docs = list(ex.extract([p.article for p in batch], on_error=run.internal_error))
            yield batch, docs


@track_app.command("add")
@_guard
def add(
    paths: Optional[List[str]] = PathsArg,
    db: str = DbOpt,
    jobs: int = JobsOpt,
    scheduler: Optional[str] = SchedulerOpt,
    model: Optional[str] = ModelOpt,
    weights: str = WeightsOpt,
    verbose: bool = VerboseOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Store each version of each article (key: canonical URL, else path; version: hash of the text)."""
    store = _open(db, create=True)
    run = Run(paths, model, verbose, quiet, jobs, command="track", scheduler=scheduler, weights=weights)
    counts = {"stored": 0, "added": 0, "new": 0, "raced": 0}
    try:
        for batch, docs in _extracted(run, _batches(_pending(run, store, counts), BATCH)):
            waiting: dict[str, list] = {}
            for p in batch:
                waiting.setdefault(p.article.doc, []).append(p)
            for d in docs:
                status = store.add(waiting[d["doc"]].pop(0), d)
                counts["added"] += bool(status)
                counts["new"] += status == "new"
                counts["raced"] += not status
    except KeyboardInterrupt:
        typer.echo(f"newsclaims: interrupted; {_count(counts['added'], 'version')} stored (each whole)", err=True)
        raise typer.Exit(130) from None
    finally:
        store.close()
    run._say_no_article()
    stored = counts["stored"] + counts["raced"]
    if not quiet:
        typer.echo(f"newsclaims: {db}: {_count(counts['added'], 'version')} added ({_count(counts['new'], 'new article')}, "
                   f"{counts['added'] - counts['new']:,} changed), {stored:,} already stored", err=True)
    raise typer.Exit(run.exit_code())


def _results(changes: list[dict]) -> list[dict]:
    """Stored changes grouped as `diff` results (one per pair of versions), for its table and page."""
    from .diff import KINDS, word_diff
    out: list[dict] = []
    for c in changes:
        head = (c["key"], c["from_version"], c["to_version"])
        if not out or out[-1]["_pair"] != head:
            out.append({"_pair": head, "old": f"{c['key']} @ {c['from_seen']} ({c['from_version'][:8]})",
                        "new": f"{c['key']} @ {c['to_seen']} ({c['to_version'][:8]})",
                        "summary": {k: 0 for k in KINDS}, "changes": [], "entities": {"added": [], "removed": []}})
        r = out[-1]
        r["summary"][c["kind"]] += 1
        both = c["old"] is not None and c["new"] is not None
        r["changes"].append({"kind": c["kind"], "old": c["old"], "new": c["new"], "similarity": None,
                             "diff": word_diff(c["old"]["content"]["text"], c["new"]["content"]["text"]) if both else None})
    for r in out:
        r.pop("_pair")
    return out


def _show_changes(changes: list[dict], fmt: str, extra: dict | None = None) -> None:
    from . import SCHEMA_VERSION, output
    if fmt == "json":
        sys.stdout.write(output.dumps({"schema_version": SCHEMA_VERSION, **(extra or {}), "changes": changes}) + "\n")
    elif fmt == "jsonl":
        for line in output.jsonl_lines(changes):
            sys.stdout.write(line)
    elif fmt == "html":
        from .report import render_diff
        sys.stdout.write(render_diff(_results(changes), [], []))
    else:
        output.diff_table(_results(changes), [], [], _stdout_console())
        if not changes:
            _stdout_console().print("no changes in who said what")


@track_app.command("changes")
@_guard
def changes(
    db: str = DbOpt,
    since: Optional[str] = typer.Option(None, "--since", metavar="DATE", help="Only changes to versions seen on or after DATE (YYYY-MM-DD)."),
    site: Optional[str] = typer.Option(None, "--site", metavar="SITE", help="Only articles of this site (host name)."),
    kind: Optional[List[str]] = typer.Option(None, "--kind", metavar="KIND",
                                             help="reworded, removed, added, speaker_changed, type_changed or "
                                                  "cue_changed; repeatable."),
    format: ChangesFormat = typer.Option(ChangesFormat.auto, "--format", "-f", help="auto: a table on a terminal, JSON otherwise."),
    verbose: bool = VerboseOpt,
) -> None:
    """Every claim change between consecutive versions of every tracked article."""
    from .track import change_kinds
    wrong = [k for k in kind or [] if k not in change_kinds()]
    if wrong:
        fail(f"--kind {wrong[0]}: one of {', '.join(change_kinds())}")
    if since is not None:
        from datetime import date
        try:
            date.fromisoformat(since[:10])
        except ValueError:
            fail(f"--since {since}: give a date as YYYY-MM-DD")
    with _open(db) as store:
        found = list(store.changes(since=since, site=site, kinds=kind or ()))
    _show_changes(found, _format(format.value))


@track_app.command("log")
@_guard
def log(
    key: str = typer.Argument(..., metavar="KEY", help="An article's key (URL or path; its last part is enough when unique)."),
    db: str = DbOpt,
    format: ChangesFormat = typer.Option(ChangesFormat.auto, "--format", "-f", help="auto: a table on a terminal, JSON otherwise."),
    verbose: bool = VerboseOpt,
) -> None:
    """The versions of one article and the changes between each pair."""
    with _open(db) as store:
        found = store.find_key(key)
        if found is None:
            fail(f"{key}: no tracked article has this key (see `newsclaims track list --db {db}`)")
        versions = [{k: v for k, v in x.items() if k not in ("id", "document")} for x in store.versions(found)]
        changes = list(store.changes(key=found))
    fmt = _format(format.value)
    if fmt in ("json", "jsonl", "html"):
        _show_changes(changes, fmt, {"key": found, "versions": versions})
        return
    from rich.table import Table
    console = _stdout_console()
    t = Table(title=found, title_justify="left")
    for col in ("version", "seen", "added", "claims", "read from"):
        t.add_column(col, justify="right" if col == "claims" else "left")
    for v in versions:
        t.add_row(v["version"], v["seen"], v["added"], str(v["claims"]), v["doc"])
    console.print(t)
    _show_changes(changes, "table")


@track_app.command("list")
@_guard
def list_(
    db: str = DbOpt,
    format: ListFormat = typer.Option(ListFormat.auto, "--format", "-f", help="auto: a table on a terminal, JSON otherwise."),
    verbose: bool = VerboseOpt,
) -> None:
    """The tracked articles, their number of versions and of claim changes."""
    from . import SCHEMA_VERSION, output
    with _open(db) as store:
        rows = store.articles()
    if _format(format.value) == "json":
        sys.stdout.write(output.dumps({"schema_version": SCHEMA_VERSION, "articles": rows}) + "\n")
        return
    from rich.table import Table
    t = Table(title=f"{db}: {len(rows):,} articles", title_justify="left")
    for col in ("key", "versions", "changes", "first seen", "last seen"):
        t.add_column(col, justify="right" if col in ("versions", "changes") else "left")
    for r in rows:
        t.add_row(r["key"], str(r["versions"]), str(r["changes"]), r["first_seen"], r["last_seen"])
    _stdout_console().print(t)
    raise typer.Exit(EXIT_OK)

