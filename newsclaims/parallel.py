"""``--jobs N``: N worker processes, each with its own pipeline; output order is kept."""
from __future__ import annotations

import multiprocessing as mp
from typing import Iterable, Iterator

_extractor = None
_min_confidence = 0.0


def _init(model: str, min_confidence: float, verbose: bool) -> None:
    global _extractor, _min_confidence
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: no worker tracebacks
    from .extract import Extractor
    _extractor = Extractor(model, verbose=verbose)
    _min_confidence = min_confidence


def _work(article) -> dict:
    return _extractor.extract_text(article.text, article.doc, min_confidence=_min_confidence)


def extract_parallel(articles: Iterable, model: str, jobs: int, min_confidence: float = 0.0,
                     verbose: bool = False) -> Iterator[dict]:
    ctx = mp.get_context("spawn")
    pool = ctx.Pool(jobs, initializer=_init, initargs=(model, min_confidence, verbose))
    try:
        yield from pool.imap(_work, articles, chunksize=4)
        pool.close()
    except BaseException:  # Ctrl-C, a closed pipe: stop the workers at once
        pool.terminate()
        raise
    finally:
        pool.join()
