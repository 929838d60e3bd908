"""Speed benchmark: newsclaims against a bare ``nlp.pipe`` over the same texts, in one run.

    python bench/bench.py [FOLDER] [--limit N] [--rounds R]

Prints articles/s, words/s, peak memory (RSS) and the ratio newsclaims time / bare time.  All
sides read the same decoded texts from memory.  The bare side is the model as installed
(``spacy.load`` and ``nlp.pipe`` over the raw texts); the newsclaims side is the full path:
normalise, parse, quotes, cues, claims, entities, metadata and JSON-ready dicts.  A third line
times the model as newsclaims runs it (its attribute ruler and lemmatizer on the token arrays,
``newsclaims.pipeline.model_paths``; our components off), so that the ratio's two parts show:
what the model costs in our hands, and what our components add.

The sides take turns chunk by chunk (``--chunk`` articles, 64 by default: the bare side's batch),
in an order that rotates from chunk to chunk, so that the shared machine's drift in speed, which
lasts seconds to minutes, falls on all three alike; each round's ratio is its own sums', and the
ratio printed is the median round's (every round's is printed too).  Timing whole passes one after
another instead let a ratio of the same code move by 0.2 between runs.
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
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "articles"))
    ap.add_argument("--limit", type=int, default=400, help="articles to use (0: all)")
    ap.add_argument("--rounds", type=int, default=3, help="passes over the articles (the median round's ratio counts)")
    ap.add_argument("--chunk", type=int, default=64, help="articles per turn of a side")
    args = ap.parse_args()

    from newsclaims.extract import Extractor
    from newsclaims.inputs import Article, read

    files = sorted(Path(args.folder).glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        sys.exit(f"bench: no articles in {args.folder}")
    articles = [a for a in (read(str(f)) for f in files) if isinstance(a, Article)]
    words = sum(len(a.text.split()) for a in articles)
    ex = Extractor()
    ours = [n for n in ex.nlp.pipe_names if n.startswith("newsclaims_")]
    import warnings

    import spacy

    from newsclaims.pipeline import choose_model

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        installed = spacy.load(choose_model())

    def bare(part: list) -> float:
        t = time.perf_counter()
        for _ in installed.pipe([a.text for a in part], batch_size=64):
            pass
        return time.perf_counter() - t

    def model(part: list) -> float:
        t = time.perf_counter()
        with ex.nlp.select_pipes(disable=ours):
            for _ in ex.nlp.pipe([a.text for a in part], batch_size=64):
                pass
        return time.perf_counter() - t

    def full(part: list) -> float:
        t = time.perf_counter()
        counted[0] += sum(len(d["claims"]) for d in ex.extract(part))
        return time.perf_counter() - t

    sides = {"bare": bare, "model": model, "full": full}
    bare(articles)  # warm-up: model weights and caches (the lemmatizers' among them)
    model(articles)
    parts = [articles[i:i + args.chunk] for i in range(0, len(articles), args.chunk)]
    counted = [0]
    rounds = []  # per round: side -> seconds over all chunks
    turn = 0
    for _ in range(args.rounds):
        spent = dict.fromkeys(sides, 0.0)
        counted[0] = 0
        for part in parts:
            order = list(sides)[turn % 3:] + list(sides)[:turn % 3]
            turn += 1
            for side in order:
                spent[side] += sides[side](part)
        rounds.append(spent)
    claims = counted[0]
    ratios = sorted(r["full"] / r["bare"] for r in rounds)
    mid = rounds[[r["full"] / r["bare"] for r in rounds].index(ratios[(len(ratios) - 1) // 2])]
    b, m, f = mid["bare"], mid["model"], mid["full"]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles          {len(articles)}  ({words} words, {claims} claims)")
    print(f"newsclaims        {len(articles) / f:8.1f} articles/s  {words / f:10.0f} words/s  ({f:.2f} s)")
    print(f"bare nlp.pipe     {len(articles) / b:8.1f} articles/s  {words / b:10.0f} words/s  ({b:.2f} s)")
    print(f"model as we run it{len(articles) / m:8.1f} articles/s  {words / m:10.0f} words/s  ({m:.2f} s)")
    print(f"ratio             {f / b:8.3f}  (newsclaims time / bare nlp.pipe time; target <= 1.10; "
          f"median of {len(rounds)} rounds: {', '.join(f'{r:.3f}' for r in ratios)})")
    print(f"  of which        {m / b:8.3f}  (the model as we run it / as installed) x {f / m:.3f} (newsclaims / "
          "the model as we run it)")
    print(f"peak memory       {peak_mb:8.0f} MB RSS")


if __name__ == "__main__":
    main()
