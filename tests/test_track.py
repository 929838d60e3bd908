"""``newsclaims track``: the claims history store.  The seed and an edited copy with the same URL
(``fixtures/track/seed-edited.txt``: a quotation reworded, one removed, one added, a speaker
corrected, two paragraphs moved, a comma dropped), WARC crawls written by the tests, and real
processes for concurrency and kills."""
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsclaims.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_60d487e66da30a1f.txt"
EDITED = ROOT / "fixtures" / "track" / "seed-edited.txt"
NEWSCLAIMS = str(Path(sys.executable).with_name("newsclaims"))
runner = CliRunner()

FOUR = [("reworded", "que el pueblo venezolano merece"), ("speaker_changed", "que continuará apoyando a Venez"),
        ("removed", "que la oposición había ganado p"), ("added", "que Moscú seguirá de cerca la s")]


def track(*args, ok=(0,)):
    r = runner.invoke(app, ["track", *map(str, args)])
    assert r.exit_code in ok, (r.exit_code, r.stderr)
    return r


def changes(db, *args) -> list[dict]:
    return json.loads(track("changes", "--db", db, "--format", "json", *args).stdout)["changes"]


def kinds(found):
    return [(c["kind"], (c["old"] or c["new"])["content"]["text"][:31]) for c in found]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("track") / "claims.db"
    track("add", SEED, "--db", db)
    track("add", EDITED, "--db", db)
    return db


def test_the_four_edits_and_nothing_else(store):
    found = changes(store)
    assert kinds(found) == FOUR  # moved paragraphs and a dropped comma are no change
    c = found[0]
    assert set(c) == {"key", "from_version", "to_version", "from_seen", "to_seen", "kind", "old", "new"}
    assert c["key"].startswith("https://lanacion.com.ar/") and c["from_version"] != c["to_version"]
    assert c["old"]["speaker"]["name"] == c["new"]["speaker"]["name"] and "absoluto" in c["old"]["content"]["text"]
    assert Path(store).read_bytes()[:16] == b"SQLite format 3\x00"


def test_adding_a_stored_version_again_changes_nothing(store):
    before = Path(store).read_bytes()
    r = track("add", EDITED, "--db", store)
    assert "0 versions added" in r.stderr and "1 already stored" in r.stderr
    assert kinds(changes(store)) == FOUR
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT count(*) FROM versions").fetchone()[0] == 2
    assert len(Path(store).read_bytes()) == len(before)


def test_a_stored_version_is_skipped_before_any_parsing(store, monkeypatch):
    from newsclaims.extract import Extractor

    def boom(*a, **k):
        raise AssertionError("parsed a version the store holds")
    monkeypatch.setattr(Extractor, "extract", boom)
    track("add", SEED, EDITED, "--db", store)


def test_filters_and_formats(store, tmp_path):
    assert kinds(changes(store, "--kind", "removed", "--kind", "added")) == [FOUR[2], FOUR[3]]
    assert changes(store, "--since", "2030-01-01") == []
    assert len(changes(store, "--since", "2025-12-11")) == 4
    assert len(changes(store, "--site", "lanacion.com.ar")) == 4 and changes(store, "--site", "example.org") == []
    lines = track("changes", "--db", store, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(x)["kind"] for x in lines] == [k for k, _ in FOUR]
    page = track("changes", "--db", store, "--format", "html").stdout
    assert "<del>absoluto</del>" in page and "<ins>todo el</ins>" in page
    table = track("changes", "--db", store, "--format", "table").stdout
    assert "speaker_changed" in table and "Lavrov" in table


def test_log_and_list(store):
    log = json.loads(track("log", "nid11122025/", "--db", store, "--format", "json").stdout)
    assert [v["claims"] for v in log["versions"]] == [23, 23] and len(log["changes"]) == 4
    assert log["versions"][0]["doc"].endswith("000_60d487e66da30a1f.txt")
    assert "<del>absoluto</del>" in track("log", log["key"], "--db", store, "--format", "html").stdout
    listed = json.loads(track("list", "--db", store, "--format", "json").stdout)["articles"]
    assert [(a["versions"], a["changes"]) for a in listed] == [(2, 4)]
    r = track("log", "no-such-article", "--db", store, ok=(2,))
    assert "no tracked article" in r.stderr


def test_versions_are_ordered_by_when_they_were_seen(tmp_path):
    """Without a date in the text the file's time orders the versions, whatever order they are added in."""
    old, new = tmp_path / "v1" / "nota.txt", tmp_path / "v2" / "nota.txt"
    for path, text in ((old, "La alcaldesa Rosa Gil dijo que el puente abre en mayo."),
                       (new, "La alcaldesa Rosa Gil dijo que el puente abre en junio.")):
        path.parent.mkdir()
        path.write_text(text + "\n", encoding="utf-8")
    os.utime(old, (1_700_000_000, 1_700_000_000))
    os.utime(new, (1_710_000_000, 1_710_000_000))
    db = tmp_path / "c.db"
    track("add", new, "--db", db)
    track("add", old, "--db", db)
    # two paths, no URL: two articles, each with one version and no changes
    assert [a["versions"] for a in json.loads(track("list", "--db", db, "--format", "json").stdout)["articles"]] == [1, 1]
    # the same key: a URL in the text's header
    for path in (old, new):
        path.write_text("https://diario.example/puente\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    os.utime(old, (1_700_000_000, 1_700_000_000))
    os.utime(new, (1_710_000_000, 1_710_000_000))
    db2 = tmp_path / "d.db"
    track("add", new, "--db", db2)
    track("add", old, "--db", db2)
    found = changes(db2)
    assert [(c["kind"], c["old"]["content"]["text"], c["new"]["content"]["text"]) for c in found] == [
        ("reworded", "que el puente abre en mayo", "que el puente abre en junio")]
    assert found[0]["from_seen"] < found[0]["to_seen"]


def _crawl(path: Path, date: str, body: str) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    page = (f"<html><head><title>El puerto</title></head><body><article><h1>El puerto</h1><p>{body}</p>"
            "<p>La obra empezará en otoño, según el calendario del ministerio.</p></article></body></html>")
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        w.write_record(w.create_warc_record(
            "https://diario.example/puerto", "response", payload=io.BytesIO(page.encode("utf-8")),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": date}))
    return path


def test_two_crawls_give_the_history(tmp_path):
    first = _crawl(tmp_path / "a.warc.gz", "2026-03-01T08:00:00Z",
                   "La ministra Ana Ruiz dijo que el puerto abrirá en julio.")
    second = _crawl(tmp_path / "b.warc.gz", "2026-03-02T08:00:00Z",
                    "La ministra Ana Ruiz dijo que el puerto abrirá en agosto.")
    db = tmp_path / "c.db"
    track("add", first, "--db", db)
    track("add", second, "--db", db)
    found = changes(db)
    assert [(c["kind"], c["from_seen"][:10], c["to_seen"][:10]) for c in found] == [("reworded", "2026-03-01", "2026-03-02")]
    assert found[0]["key"] == "https://diario.example/puerto"
    assert changes(db, "--since", "2026-03-02") and not changes(db, "--since", "2026-03-03")


# --- faults --------------------------------------------------------------------------------

@pytest.mark.parametrize("setup, message", [
    ("missing-folder", "no such folder"),
    ("unwritable", "cannot use the store there"),
    ("folder", "a folder; --db takes a file"),
    ("newer", "written by a newer newsclaims"),
    ("foreign", "not a newsclaims store"),
    ("garbage", "not a newsclaims store"),
])
def test_a_store_that_cannot_be_used_is_one_line(tmp_path, setup, message):
    db = tmp_path / "c.db"
    if setup == "missing-folder":
        db = tmp_path / "no" / "such" / "c.db"
    elif setup == "unwritable":
        db = Path("/proc/newsclaims-test.db")  # no one, root included, creates files there
    elif setup == "folder":
        db = tmp_path
    elif setup == "newer":
        track("add", SEED, "--db", db)
        with sqlite3.connect(db) as con:
            con.execute("PRAGMA user_version = 99")
    elif setup == "foreign":
        with sqlite3.connect(db) as con:
            con.execute("CREATE TABLE notes (x)")
    else:
        db.write_bytes(b"this is not a database at all, just some text" * 20)
    r = track("add", SEED, "--db", db, ok=(2,))
    assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert track("changes", "--db", db, ok=(2,)).stderr.count("\n") == 1


def test_reading_commands_do_not_create_a_store(tmp_path):
    r = track("changes", "--db", tmp_path / "none.db", ok=(2,))
    assert "no such store" in r.stderr and not (tmp_path / "none.db").exists()


def _articles(folder: Path, n: int, tag: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{tag}{i:03d}.txt").write_text(
            f"Nota {tag} {i}\n\nLa concejala Marta Ibáñez dijo que la obra {i} de {tag} termina en mayo. "
            f"El vecino Luis Gómez afirmó que el barrio {i} espera desde hace años.\n", encoding="utf-8")
    return folder


def _consistent(db: Path) -> int:
    """Versions whole: each has its claims rows; the per-article counts agree; SQLite says ok."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for vid, claims in con.execute("SELECT id, claims FROM versions"):
            assert con.execute("SELECT count(*) FROM claims WHERE version_id = ?", (vid,)).fetchone()[0] == claims
        for key, n in con.execute("SELECT key, versions FROM articles"):
            assert con.execute("SELECT count(*) FROM versions WHERE key = ?", (key,)).fetchone()[0] == n
        return con.execute("SELECT count(*) FROM versions").fetchone()[0]
    finally:
        con.close()


def test_two_processes_adding_at_once_both_land(tmp_path):
    db = tmp_path / "c.db"
    a, b = _articles(tmp_path / "a", 12, "a"), _articles(tmp_path / "b", 12, "b")
    procs = [subprocess.Popen([NEWSCLAIMS, "track", "add", "--quiet", str(folder), "--db", str(db)],
                              stderr=subprocess.PIPE, text=True) for folder in (a, b)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    assert _consistent(db) == 24


def _open_store(path, barrier, results):
    from newsclaims.track import Store, StoreError
    barrier.wait()
    try:
        Store(path).close()
        results.put("ok")
    except StoreError as e:
        results.put(str(e))


def test_processes_opening_a_new_store_at_once_all_get_it(tmp_path):
    """Four processes create the same store at the same instant, fifty times: none is told the
    store is locked or half made (SQLite answers "locked" at once, without waiting, to a connection
    meeting another one switching the new file to WAL)."""
    import multiprocessing
    ctx = multiprocessing.get_context("fork")
    failed = []
    for n in range(50):
        path = str(tmp_path / f"s{n}.db")
        results, barrier = ctx.Queue(), ctx.Barrier(4)
        procs = [ctx.Process(target=_open_store, args=(path, barrier, results)) for _ in range(4)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=120)
        failed += [r for r in (results.get(timeout=10) for _ in procs) if r != "ok"]
    assert failed == []
    assert _consistent(tmp_path / "s0.db") == 0


def test_a_killed_add_leaves_no_partial_version(tmp_path):
    db = tmp_path / "c.db"
    folder = _articles(tmp_path / "a", 60, "k")
    p = subprocess.Popen([NEWSCLAIMS, "track", "add", "--quiet", str(folder), "--db", str(db)],
                         stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and p.poll() is None:  # kill once some versions are in
        time.sleep(0.05)
        try:
            with sqlite3.connect(db, timeout=5) as con:
                stored = con.execute("SELECT count(*) FROM versions").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if stored >= 18:
            break
    assert p.poll() is None, "finished before it could be killed"
    p.send_signal(signal.SIGKILL)
    p.wait(timeout=30)
    kept = _consistent(db)
    assert 18 <= kept < 60
    r = subprocess.run([NEWSCLAIMS, "track", "add", str(folder), "--db", str(db)], capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    assert f"{60 - kept} version" in r.stderr and f"{kept} already stored" in r.stderr
    assert _consistent(db) == 60


@pytest.mark.parametrize("how", [["--jobs", "2"], ["--jobs", "2", "--scheduler", "local"]], ids=["jobs", "dask"])
def test_workers_extract_and_one_process_writes(tmp_path, how):
    db = tmp_path / "c.db"
    folder = _articles(tmp_path / "a", 20, "j")
    r = subprocess.run([NEWSCLAIMS, "track", "add", *how, str(folder), "--db", str(db)], capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert _consistent(db) == 20
