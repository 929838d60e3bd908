"""The same input gives the same claims whatever Python's hash seed, alone or in a folder, in any
order and with --jobs 2 (the whole corpus is checked by ``make check-corpus``)."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "fixtures").glob("*.txt")) + sorted((ROOT / "fixtures").glob("*.md")) + \
    sorted((ROOT / "seeds").glob("*.txt"))


def extract(paths: list[str], seed: int, *extra: str) -> dict[str, list]:
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    out = subprocess.run([sys.executable, "-m", "newsclaims", "extract", "--quiet", "--format", "jsonl", *extra, *paths],
                         capture_output=True, text=True, env=env, check=True).stdout
    by_doc: dict[str, list] = {}
    for line in out.splitlines():
        row = json.loads(line)
        by_doc.setdefault(Path(row["doc"]).name, []).append(row)
    return by_doc


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("articles")
    for p in ARTICLES:
        shutil.copy(p, d / p.name)
    return d


def test_same_claims_under_several_hash_seeds(folder):
    runs = [extract([str(folder)], seed) for seed in (0, 1, 2)]
    assert runs[0] and runs[0] == runs[1] == runs[2]


def test_same_claims_alone_in_reverse_order_and_with_two_jobs(folder):
    together = extract([str(folder)], 3)
    alone = {}
    for p in sorted(folder.iterdir()):
        alone.update(extract([str(p)], 4))
    reverse = extract([str(p) for p in sorted(folder.iterdir(), reverse=True)], 5)
    jobs = extract([str(folder)], 6, "--jobs", "2")
    assert together == alone == reverse == jobs
