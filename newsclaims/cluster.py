"""Where partitions run: this process, ``--jobs N`` worker processes, or a Dask cluster.

Every runner yields ``partitions.Result`` in partition order, whatever order the work finishes in,
so stdout formats keep the input order.  On Dask (``--scheduler tcp://HOST:8786`` or ``local``)
each worker loads the pipeline once — a worker plugin loads it when the worker joins, and
``partitions.extractor`` keeps it per process — and the scheduler reruns the partitions of a worker
that dies (its results are gathered once: nothing is lost or doubled; a part file written twice is
the same file, renamed into place).
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterable, Iterator

from .partitions import Options, Partition, Result, process


class ClusterError(Exception):
    """The scheduler cannot be reached or Dask is not installed."""


def run_here(parts: Iterable[Partition], options: Options) -> Iterator[Result]:
    for part in parts:
        yield process(part, options)


def _init_worker(model: str, verbose: bool, weights: str = "") -> None:
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    from .partitions import extractor
    extractor(model, verbose, weights)


@contextmanager
def worker_pool(jobs: int, model: str, verbose: bool, weights: str = "") -> Iterator:
    """``jobs`` spawned worker processes, each with its pipeline loaded; closed when the work is
    done, terminated when it stops early (an error, Ctrl-C, a reader that stopped reading)."""
    import multiprocessing as mp
    pool = mp.get_context("spawn").Pool(jobs, initializer=_init_worker, initargs=(model, verbose, weights))
    try:
        yield pool
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def run_pool(parts: Iterable[Partition], options: Options, jobs: int) -> Iterator[Result]:
    with worker_pool(jobs, options.model, options.verbose, options.weights) as pool:
        yield from pool.imap(_process_star, ((p, options) for p in parts))


def _process_star(args) -> Result:
    return process(*args)


def connect(scheduler: str, jobs: int):
    """A Dask Client: ``local`` starts a LocalCluster of ``jobs`` single-threaded worker processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--scheduler needs Dask distributed: pip install 'newsclaims[cluster]'") from None
    if scheduler == "local":
        # Measured with bench/cluster.py: Dask's defaults cost a pure-Python pipeline a quarter of its
        # speed here.  MALLOC_TRIM_THRESHOLD_=65536 (set for numpy workloads) makes glibc hand memory
        # back to the system after nearly every spaCy document (sys time 4x); the statistical profiler
        # samples every thread's stack each 10 ms, for a dashboard no one opens in a CLI run.
        import signal

        import dask
        # Ctrl-C is the parent's to handle (it cancels the work and closes the cluster): worker
        # processes started while SIGINT is ignored keep ignoring it, and print no tracebacks.
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            # The workers' own log lines (a heartbeat that finds the scheduler gone while the cluster
            # closes) are no message for a CLI user: a task's error reaches the parent and is said there.
            with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
                                  "distributed.nanny.pre-spawn-environ.DASK_LOGGING__DISTRIBUTED": "critical",
                                  "distributed.worker.profile.enabled": False,
                                  "distributed.admin.system-monitor.gil.enabled": False}):
                cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        finally:
            signal.signal(signal.SIGINT, previous)
        # The parent's nanny says "Worker process still alive after 4.0 seconds, killing" when a
        # loaded machine is slow to stop a worker after Ctrl-C: it is killed as meant, no message.
        import logging
        logging.getLogger("distributed.nanny").setLevel(logging.ERROR)
        return Client(cluster)
    try:
        return Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None


def run_dask(client, parts: Iterable[Partition], options: Options, window: int | None = None) -> Iterator[Result]:
    """Submit partitions, at most ``window`` ahead of the one being gathered (memory stays bounded),
    and yield their results in partition order."""
    from collections import deque

    from .dask_plugin import LoadPipeline

    local = getattr(client, "cluster", None) is not None  # the LocalCluster of --scheduler local
    client.register_plugin(LoadPipeline(options.model, options.verbose, options.weights, local),
                           name=LoadPipeline.name)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    window = window or 4 * workers
    pending: deque = deque()
    source = iter(parts)
    try:
        for part in source:
            pending.append(client.submit(process, part, options, pure=False, retries=2,
                                         key=f"newsclaims-part-{part.index:05d}-{id(pending):x}"))
            if len(pending) >= window:
                future = pending.popleft()
                yield future.result()
                future.release()
        while pending:
            future = pending.popleft()
            yield future.result()
            future.release()
    finally:
        for future in pending:
            future.cancel()
