"""``--jobs N``: N worker processes, each with its own pipeline; output order is kept."""
from __future__ import annotations

import multiprocessing as mp
from typing import Iterable, Iterator

BATCH = 8  # articles a worker takes at a time: small enough to balance, large enough for nlp.pipe
_extractor = None
_min_confidence = 0.0
_with_text = False


def _init(model: str, min_confidence: float, verbose: bool, with_text: bool = False) -> None:
    global _extractor, _min_confidence, _with_text
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: no worker tracebacks
    from .extract import Extractor
    _extractor = Extractor(model, verbose=verbose)
    _min_confidence, _with_text = min_confidence, with_text


def _work(batch: list) -> list:
    """Documents of a batch of Articles and Pages (a page's text is extracted here, in the worker),
    a LoadError in the place of a page with no article.  A batch goes through ``nlp.pipe`` at once."""
    from .load import LoadError
    from .pages import materialise
    items = [materialise(item) for item in batch]
    docs = iter(_extractor.extract([a for a in items if not isinstance(a, LoadError)],
                                   min_confidence=_min_confidence, with_text=_with_text))
    return [a if isinstance(a, LoadError) else next(docs) for a in items]


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_parallel(articles: Iterable, model: str, jobs: int, min_confidence: float = 0.0,
                     verbose: bool = False, with_text: bool = False) -> Iterator:
    """Documents (dicts) in input order; LoadErrors in their place for pages with no article."""
    ctx = mp.get_context("spawn")
    pool = ctx.Pool(jobs, initializer=_init, initargs=(model, min_confidence, verbose, with_text))
    try:
        for done in pool.imap(_work, _batches(articles, BATCH)):
            yield from done
        pool.close()
    except BaseException:  # Ctrl-C, a closed pipe: stop the workers at once
        pool.terminate()
        raise
    finally:
        pool.join()
