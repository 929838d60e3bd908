"""``--jobs N``: N worker processes, each with its own pipeline; output order is kept."""
from __future__ import annotations

import multiprocessing as mp
from typing import Iterable, Iterator

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


def _work(item):
    """The document of an Article or a Page (a page's text is extracted here, in the worker);
    a LoadError for a page with no article."""
    from .load import LoadError
    from .pages import materialise
    article = materialise(item)
    if isinstance(article, LoadError):
        return article
    return next(_extractor.extract([article], min_confidence=_min_confidence, with_text=_with_text))


def extract_parallel(articles: Iterable, model: str, jobs: int, min_confidence: float = 0.0,
                     verbose: bool = False, with_text: bool = False) -> Iterator:
    """Documents (dicts) in input order; LoadErrors in their place for pages with no article."""
    ctx = mp.get_context("spawn")
    pool = ctx.Pool(jobs, initializer=_init, initargs=(model, min_confidence, verbose, with_text))
    try:
        yield from pool.imap(_work, articles, chunksize=4)
        pool.close()
    except BaseException:  # Ctrl-C, a closed pipe: stop the workers at once
        pool.terminate()
        raise
    finally:
        pool.join()
