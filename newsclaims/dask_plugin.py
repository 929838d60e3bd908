"""The Dask worker plugin that loads the pipeline when a worker joins (imported only with --scheduler,
since Dask is an optional extra)."""
from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin


class LoadPipeline(WorkerPlugin):
    """Load the pipeline as soon as a worker joins, so model loading overlaps with the client
    planning and submitting; ``partitions.extractor`` then finds it in the process cache."""

    name = "newsclaims-pipeline"

    def __init__(self, model: str, verbose: bool = False, weights: str = "", local: bool = False) -> None:
        self.model, self.verbose, self.weights, self.local = model, verbose, weights, local

    def setup(self, worker) -> None:  # noqa: ARG002 — the plugin interface
        if self.local and not self.verbose:
            # On the CLI's own LocalCluster, Ctrl-C cancels the running partitions on purpose: not a
            # warning for the user to read.
            import logging
            logging.getLogger("distributed.worker.state_machine").setLevel(logging.ERROR)
        from .partitions import extractor
        extractor(self.model, self.verbose, self.weights)
