"""The Dask worker plugin that loads the pipeline when a worker joins (imported only with --scheduler,
since Dask is an optional extra)."""
from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin


class LoadPipeline(WorkerPlugin):
    """Load the pipeline as soon as a worker joins, so model loading overlaps with the client
    planning and submitting; ``partitions.extractor`` then finds it in the process cache."""

    name = "newsclaims-pipeline"

    def __init__(self, model: str, verbose: bool = False, weights: str = "") -> None:
        self.model, self.verbose, self.weights = model, verbose, weights

    def setup(self, worker) -> None:  # noqa: ARG002 — the plugin interface
        from .partitions import extractor
        extractor(self.model, self.verbose, self.weights)
