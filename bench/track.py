"""The claims history store at corpus scale (issue "track articles over time"): the corpus added,
every tenth article edited in place by this script, added again, then added a third time unchanged.

    python bench/track.py [FOLDER] [--work DIR] [--jobs N]

Prints the time of each add, how many versions each stored, the time `track changes` takes to
answer over the whole store (best of 3, a new process each; bar: under 1 s) and the ratio of the
unchanged re-add (hash first: nothing parsed) to the first add.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_QUOTE = re.compile(r"“(\w)")


def _newsclaims() -> str:
    here = Path(sys.executable).with_name("newsclaims")
    return str(here) if here.exists() else "newsclaims"


def edit(path: Path) -> None:
    """A quotation reworded where the article has one, else a claim added."""
    text = path.read_text(encoding="utf-8")
    if _QUOTE.search(text):
        text = _QUOTE.sub(lambda m: "“realmente " + m.group(1).lower(), text, count=1)
    else:
        text = text.rstrip("\n") + "\n\nLa portavoz Elena Ríos dijo que el plan seguirá adelante.\n"
    path.write_text(text, encoding="utf-8")


def add(folder: Path, db: Path, jobs: int) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([_newsclaims(), "track", "add", "--jobs", str(jobs), str(folder), "--db", str(db)],
                          capture_output=True, text=True, check=True)
    return time.perf_counter() - start, done.stderr.strip().splitlines()[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "articles"))
    ap.add_argument("--work", default="/tmp/newsclaims-bench-track")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    articles = work / "articles"
    shutil.copytree(args.folder, articles)
    db = work / "claims.db"
    files = sorted(articles.glob("*.txt"))
    first, said1 = add(articles, db, args.jobs)
    for f in files[::10]:
        edit(f)
    second, said2 = add(articles, db, args.jobs)
    third, said3 = add(articles, db, args.jobs)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        done = subprocess.run([_newsclaims(), "track", "changes", "--db", str(db), "--format", "json"],
                              capture_output=True, text=True, check=True)
        best = min(best, time.perf_counter() - start)
    found = json.loads(done.stdout)["changes"]
    kinds: dict[str, int] = {}
    for c in found:
        kinds[c["kind"]] = kinds.get(c["kind"], 0) + 1
    print(f"track over {len(files):,} articles ({db.stat().st_size / 2**20:.1f} MB store, --jobs {args.jobs}):")
    print(f"  first add            {first:7.1f} s   {said1.split(': ', 2)[-1]}")
    print(f"  tenth edited, re-add {second:7.1f} s   {said2.split(': ', 2)[-1]}")
    print(f"  unchanged re-add     {third:7.1f} s   {said3.split(': ', 2)[-1]}   ratio to the first add {third / first:.3f}")
    print(f"  track changes        {best:7.2f} s   (best of 3, a new process each; bar 1 s, ratio {best:.2f})   "
          f"{len(found):,} changes: {', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}")


if __name__ == "__main__":
    main()
