"""Cost against a document's length: the seed article repeated 1, 4, 16 and 64 times as one
document, extraction time for each and the ratio between steps (linear: about 4 per 4x of text;
the target is at most 5).

    python bench/scaling.py [--big FILE]

``--big FILE`` also extracts one large file (for instance the corpus joined into one file under
the 5 MB limit) and prints its time and the process's peak memory.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", help="one large file to extract after the repeats")
    args = ap.parse_args()

    from newsclaims.extract import Extractor
    from newsclaims.inputs import Article

    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    ex = Extractor()
    ex.extract_text(seed)  # warm up
    previous = None
    print(f"{'copies':>6} {'chars':>9} {'seconds':>8} {'claims':>7} {'ratio':>6}")
    for k in (1, 4, 16, 64):
        text = "\n\n".join([seed] * k)
        t0 = time.perf_counter()
        doc = next(ex.extract([Article("bench", text, "utf-8")]))
        secs = time.perf_counter() - t0
        ratio = f"{secs / previous:6.2f}" if previous else "     -"
        print(f"{k:>6} {len(text):>9} {secs:>8.2f} {len(doc['claims']):>7} {ratio}")
        previous = secs
    if args.big:
        text = Path(args.big).read_text(encoding="utf-8")
        t0 = time.perf_counter()
        doc = next(ex.extract([Article(args.big, text, "utf-8")]))
        secs = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"big file: {len(text):,} chars, {secs:.1f} s, {len(doc['claims'])} claims, peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
