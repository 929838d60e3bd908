"""Scale-out benchmark: one process, ``--jobs N`` and ``--scheduler local`` with N Dask workers, side by
side in one run, on the same corpus articles.

    python bench/cluster.py [FOLDER] [--limit 300] [--workers 2] [--rounds 2]

A fourth line runs two independent one-process commands side by side, each on half the
articles: the speed-up this machine allows two processes at all (its ceiling).  Each mode runs
the whole command (``newsclaims extract --format jsonl``, start-up and model loading
included) as a subprocess; rounds alternate the modes so that none gets a quieter machine, and the
best round of each counts (a shared machine's noise only ever adds time).  Printed: articles/s,
speed-up over one process, scaling efficiency (speed-up / workers), the Dask run against --jobs,
and whether the three outputs are byte-identical.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "articles"))
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--partition-size", type=int, default=8)
    args = ap.parse_args()

    files = sorted(Path(args.folder).glob("*.txt"))[: args.limit]
    if not files:
        sys.exit(f"bench: no articles in {args.folder}")
    exe = [sys.executable, "-m", "newsclaims", "extract", "--quiet", "--format", "jsonl"]
    w = str(args.workers)
    modes = {
        "one process": [],
        f"--jobs {w}": ["--jobs", w],
        f"--scheduler local, {w} workers": ["--scheduler", "local", "--jobs", w,
                                            "--partition-size", str(args.partition_size)],
    }
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for f in files:
            shutil.copy(f, corpus / f.name)
        halves = [Path(tmp) / "half0", Path(tmp) / "half1"]
        for k, half in enumerate(halves):
            half.mkdir()
            for f in files[k::2]:
                shutil.copy(f, half / f.name)
        best: dict[str, float] = {}
        outputs: dict[str, bytes] = {}
        ceiling = "two 1-process runs on halves"
        for _ in range(args.rounds):
            for name, extra in modes.items():
                t = time.perf_counter()
                r = subprocess.run(exe + extra + [str(corpus)], capture_output=True, check=True)
                elapsed = time.perf_counter() - t
                best[name] = min(best.get(name, elapsed), elapsed)
                outputs[name] = r.stdout
            # The machine's own ceiling: two independent processes side by side, each on half.
            t = time.perf_counter()
            procs = [subprocess.Popen(exe + [str(h)], stdout=subprocess.DEVNULL) for h in halves]
            for p in procs:
                p.wait()
            elapsed = time.perf_counter() - t
            best[ceiling] = min(best.get(ceiling, elapsed), elapsed)
    one = best["one process"]
    print(f"{len(files)} articles, best of {args.rounds} rounds, whole command:")
    for name, t in best.items():
        workers = 1 if name == "one process" else args.workers  # the ceiling line: 2 processes
        speedup = one / t
        print(f"  {name:32s} {t:6.1f} s  {len(files) / t:5.1f} articles/s  speed-up {speedup:4.2f}x  "
              f"efficiency {speedup / workers:4.2f}")
    jobs, dask = list(best)[1], list(best)[2]
    print(f"  Dask time / --jobs time: {best[dask] / best[jobs]:.2f} (target <= 1.10); "
          f"--jobs speed-up {one / best[jobs]:.2f}x (target >= 1.7); this machine's ceiling "
          f"(independent processes): {one / best[ceiling]:.2f}x")
    same = len(set(outputs.values())) == 1
    print(f"  outputs byte-identical across the three modes: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
