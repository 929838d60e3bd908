"""How fast ``newsclaims stats`` answers over a whole corpus, from a Parquet dataset and from saved
JSON Lines, side by side in one run (issue "who gets quoted": under 3 s and under 10 s).

    python bench/stats.py [FOLDER] [--work DIR] [--rounds R]

The corpus is extracted once (``extract --jobs 2``) into WORK (default /tmp/newsclaims-bench-stats:
a dataset folder and claims.jsonl), kept for later runs.  Each round runs the ``stats`` command
in a fresh process on both inputs, ``--by outlet`` included, and checks their figures agree.
Prints the best time of each and its ratio to the issue's bar.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARS = {"parquet": 3.0, "jsonl": 10.0}


def _newsclaims() -> str:
    here = Path(sys.executable).with_name("newsclaims")
    return str(here) if here.exists() else "newsclaims"


def prepare(folder: str, work: Path) -> tuple[Path, Path]:
    dataset, jsonl = work / "dataset", work / "claims.jsonl"
    work.mkdir(parents=True, exist_ok=True)
    if not (dataset / "_newsclaims.json").exists():
        subprocess.run([_newsclaims(), "extract", "--quiet", "--jobs", "2", "--output", str(dataset), folder], check=True)
    if not jsonl.exists():
        with open(jsonl.with_suffix(".tmp"), "w", encoding="utf-8") as out:
            subprocess.run([_newsclaims(), "extract", "--quiet", "--jobs", "2", "--format", "jsonl", folder],
                           stdout=out, check=True)
        jsonl.with_suffix(".tmp").rename(jsonl)
    return dataset, jsonl


def timed(path: Path, meta: str | None) -> tuple[float, dict]:
    args = [_newsclaims(), "stats", "--format", "json", str(path), "--by", "outlet"]
    if meta:
        args += ["--meta", meta]
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, json.loads(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "articles"))
    ap.add_argument("--work", default="/tmp/newsclaims-bench-stats")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    dataset, jsonl = prepare(args.folder, Path(args.work))
    index = Path(args.folder).parent / "index.tsv"
    meta = str(index) if index.exists() else None
    best = {"parquet": float("inf"), "jsonl": float("inf")}
    figures = {}
    for _ in range(args.rounds):  # alternated, so that neither side gets a warmer cache
        for name, path in (("parquet", dataset), ("jsonl", jsonl)):
            seconds, figures[name] = timed(path, meta)
            best[name] = min(best[name], seconds)
    if figures["parquet"] != figures["jsonl"]:
        sys.exit("bench/stats: the Parquet dataset and the JSON Lines gave different figures")
    f = figures["parquet"]
    print(f"stats over {f['articles']:,} articles, {f['claims']:,} claims, {len(f['groups'])} outlets "
          f"(best of {args.rounds}, a new process each, imports included):")
    for name, seconds in best.items():
        print(f"  {name:8} {seconds:6.2f} s   bar {BARS[name]:.0f} s   ratio {seconds / BARS[name]:.2f}")
    print("  figures identical from both inputs")


if __name__ == "__main__":
    main()
