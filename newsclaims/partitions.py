"""Partitions: the unit of work of a run that writes ``--output DIR`` or runs on a Dask cluster.

A partition is a group of consecutive input files (``--partition-size``, default 64) or one WARC
archive.  ``process`` runs where the work runs (this process, a ``--jobs`` worker, a Dask worker):
it reads its files itself (so a cluster reads ``s3://…`` from the workers), extracts them with the
process's one pipeline (loaded once per process, never pickled), and either writes the part files
or returns the documents.  The same inputs give the same partitions, numbered in input order; this
is what ``--resume`` relies on.
"""
from __future__ import annotations

from dataclasses import dataclass, field

_extractors: dict = {}  # (model name, weights) -> Extractor: one pipeline per process


@dataclass(frozen=True)
class Options:
    model: str
    command: str = "extract"           # "extract" or "entities"
    min_confidence: float = 0.0
    with_text: bool = False
    verbose: bool = False
    output: str | None = None          # --output DIR (a path or fsspec URL)
    format: str = "jsonl"              # of the part files: "parquet" or "jsonl"
    weights: str = ""                  # --weights FILE: the speaker choice ("" the packaged one)

    @property
    def tables(self) -> tuple[str, ...]:
        return ("documents", "claims", "entities") if self.command == "extract" else ("documents", "entities")


@dataclass(frozen=True)
class Partition:
    index: int
    paths: tuple[str, ...]


@dataclass
class Result:
    index: int
    documents: list[dict] | None            # None when written to --output
    written: int = 0                        # documents written to --output
    errors: list[tuple[str, str, str | None]] = field(default_factory=list)  # (doc, reason, archive)
    pages: dict[str, int] = field(default_factory=dict)                      # archive -> HTML pages seen


def plan(paths: list[str], size: int) -> list[Partition]:
    """Consecutive files in groups of ``size``; a WARC archive is a partition of its own."""
    from .inputs import kind

    parts: list[Partition] = []
    group: list[str] = []

    def close() -> None:
        if group:
            parts.append(Partition(len(parts), tuple(group)))
            group.clear()

    for p in paths:
        if p != "-" and kind(p) == "warc":
            close()
            parts.append(Partition(len(parts), (p,)))
            continue
        group.append(p)
        if len(group) >= size:
            close()
    close()
    return parts


def extractor(model: str, verbose: bool = False, weights: str = ""):
    """This process's pipeline for ``model``, loaded on first use."""
    if (model, weights) not in _extractors:
        from .extract import Extractor
        _extractors[model, weights] = Extractor(model, verbose=verbose, weights=weights)
    return _extractors[model, weights]


def process(part: Partition, options: Options) -> Result:
    """Extract one partition; write its part files when ``options.output`` is set."""
    from . import inputs as load
    from .inputs.html import Page, materialise

    result = Result(part.index, None)

    def articles():
        for path in part.paths:
            for item in load.items(path):
                if isinstance(item, Page) and item.archive is not None:
                    result.pages[item.archive] = result.pages.get(item.archive, 0) + 1
                item = materialise(item)
                if isinstance(item, load.LoadError):
                    result.errors.append((item.doc, item.reason, item.archive))
                    continue
                yield item

    ex = extractor(options.model, options.verbose, options.weights)
    def failed(article, e: Exception) -> None:
        result.errors.append((article.doc, f"internal error: {type(e).__name__}: {e} (its claims are left out)", None))

    documents = list(ex.extract(articles(), min_confidence=options.min_confidence, with_text=options.with_text,
                                on_error=failed))
    if options.output is None:
        result.documents = documents
        return result
    from .sink import Sink
    Sink(options.output, options.format, options.tables).write(part.index, documents)
    result.written = len(documents)
    return result
