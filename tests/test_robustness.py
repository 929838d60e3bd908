"""Reliability, second pass: no input loses the run, no closed pipe prints a traceback, usage
mistakes are one line (exit 2), encodings are said only when they were wrong.  Real processes
where the point is a process (pipes, signals, exit codes); texts written for the tests."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclaims.extract import MAX_PIECE, pieces

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))
SENTENCE = "La comisión revisó el informe del puerto y dijo que las obras seguirán en invierno. "


def newsclaims(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsclaims", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, **kw)


# --- overlong paragraphs ------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .,;\n”"), max_size=400), st.integers(min_value=5, max_value=60))
def test_pieces_join_back_and_respect_the_limit(text, limit):
    parts = pieces(text, limit)
    assert "".join(parts) == text
    assert all(len(p) <= limit for p in parts)
    assert all(parts[:-1]) and len(parts) >= 1


def test_pieces_cut_after_a_sentence_end_when_there_is_one():
    text = SENTENCE * 400
    parts = pieces(text, 2000)
    assert len(parts) > 1
    assert all(p.endswith(". ") for p in parts[:-1])


def test_a_paragraph_longer_than_the_parser_takes_loses_nothing(tmp_path):
    """A 1.05 MB paragraph on one line (spaCy refuses texts over 10^6 characters) between two good
    files: all three documents, valid JSON, exit 0."""
    a, b, big = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "big.txt"
    a.write_text("Título\n\nLa ministra de Pesca dijo que habrá vedas.\n", encoding="utf-8")
    b.write_text("Título\n\nEl alcalde aseguró que el puerto abrirá en mayo.\n", encoding="utf-8")
    big.write_text("Título\n\n" + SENTENCE * (1_050_000 // len(SENTENCE) + 1) + "\n", encoding="utf-8")
    assert len(big.read_text(encoding="utf-8")) > 1_050_000 > MAX_PIECE
    r = newsclaims("extract", "--quiet", "--format", "json", a, big, b, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    docs = json.loads(r.stdout)["documents"]
    assert [Path(d["doc"]).name for d in docs] == ["a.txt", "big.txt", "b.txt"]
    assert docs[0]["claims"] and docs[2]["claims"]
    assert len(docs[1]["claims"]) > 1000
    text = big.read_text(encoding="utf-8")
    assert all(text[c["content"]["start"]:c["content"]["end"]] == c["content"]["text"] for c in docs[1]["claims"])


def test_an_error_in_one_article_leaves_the_others(extractor, monkeypatch):
    """A bug met on one article is told to on_error; the articles around it are extracted."""
    from newsclaims.inputs import Article
    from newsclaims.pipeline import claims as claims_module

    real = claims_module.extract_claims

    def flaky(doc, *args):
        if "REVIENTA" in doc.text:
            raise RuntimeError("boom")
        return real(doc, *args)

    monkeypatch.setattr(claims_module, "extract_claims", flaky)
    arts = [Article("a.txt", "La ministra dijo que habrá ayudas.", "utf-8"),
            Article("b.txt", "REVIENTA dijo que no.", "utf-8"),
            Article("c.txt", "El alcalde aseguró que el puerto abrirá.", "utf-8")]
    failed = []
    docs = list(extractor.extract(arts, on_error=lambda art, e: failed.append((art.doc, str(e)))))
    assert [d["doc"] for d in docs] == ["a.txt", "c.txt"]
    assert failed == [("b.txt", "boom")]


# --- closed pipes -------------------------------------------------------------------------------

def _closed_pipe(args: list[str]) -> tuple[int, str]:
    p = subprocess.Popen([sys.executable, "-m", "newsclaims", *args], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, cwd=ROOT)
    p.stdout.readline()
    p.stdout.close()  # the reader goes away, as `| head -1` does
    err = p.stderr.read().decode()
    p.wait(timeout=120)
    return p.returncode, err


def test_diff_table_into_a_closed_pipe_is_quiet():
    code, err = _closed_pipe(["diff", "--format", "table", "fixtures/diff/added.txt", "fixtures/diff/reworded.txt"])
    # 0 when the write met the closed pipe; 1 ("the versions differ") when the whole table reached the
    # pipe's buffer before the reader left (a race the operating system decides). Quiet either way.
    assert code in (0, 1) and "Error" not in err and "Traceback" not in err, (code, err)


def test_eval_table_into_a_closed_pipe_is_quiet():
    code, err = _closed_pipe(["eval", "fixtures/eval", "--pred", "fixtures/eval/nota.pred.jsonl", "--details",
                              "--format", "table"])
    assert code == 0 and "Error" not in err and "Traceback" not in err, err


# --- usage mistakes -----------------------------------------------------------------------------

def test_output_that_looks_like_a_file_is_a_usage_error(tmp_path):
    target = tmp_path / "claims.json"
    r = newsclaims("extract", "--output", target, "seeds/")
    assert r.returncode == 2
    assert "--output takes a folder" in r.stderr and "--format json >" in r.stderr
    assert not target.exists() and r.stdout == ""


def test_written_counts_say_singular_and_plural(tmp_path):
    r = newsclaims("extract", "--quiet", "--output", tmp_path / "ds", "--format", "jsonl", SEED)
    assert r.returncode == 0, r.stderr
    assert "wrote 1 document in 1 part to" in r.stderr


def test_a_malformed_scheduler_is_a_usage_error():
    r = newsclaims("extract", "--format", "json", "--scheduler", "bogus", "seeds/")
    assert r.returncode == 2 and r.stdout == ""
    assert "--scheduler 'bogus'" in r.stderr and "internal error" not in r.stderr


def test_an_unreachable_scheduler_writes_nothing_to_stdout():
    r = newsclaims("extract", "--format", "json", "--scheduler", "tcp://127.0.0.1:9", "seeds/", timeout=120)
    assert r.returncode == 2
    assert r.stdout == "", "no JSON header before the run can start"
    assert "cannot reach the Dask scheduler" in r.stderr


# --- signals ------------------------------------------------------------------------------------

def _interrupted(args: list[str], out: Path, flowing) -> tuple[subprocess.Popen, bytes]:
    """Run ``newsclaims extract --quiet ARGS`` into ``out``, send Ctrl-C to its process group once
    ``flowing(output so far)`` holds (however long the model takes to load); (process, stderr)."""
    with open(out, "wb") as sink:
        p = subprocess.Popen([sys.executable, "-m", "newsclaims", "extract", "--quiet", *args], stdout=sink,
                             stderr=subprocess.PIPE, start_new_session=True, cwd=ROOT)
        deadline = time.monotonic() + 180
        while not flowing(out.read_bytes()) and p.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        os.killpg(p.pid, signal.SIGINT)
        _, err = p.communicate(timeout=120)
    return p, err


def test_interrupted_json_is_a_closed_document(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(300):
        (folder / f"{k:04d}.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out.json"
    p, err = _interrupted(["--format", "json", str(folder)], out, lambda data: data.count(b'"doc"') >= 2)
    assert p.returncode == 130, err.decode()[-2000:]
    assert b"Traceback" not in err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert 0 < len(data["documents"]) < 300


# --- encodings ----------------------------------------------------------------------------------

_PAGE = ("<html><head>{meta}<title>Biblioteca</title></head><body><article><h1>La biblioteca abrirá</h1>"
         "<p>La alcaldesa de la villa dijo que la biblioteca municipal abrirá en junio con más libros y horarios.</p>"
         "<p>El concejal de Cultura afirmó que el presupuesto está asegurado para el próximo año sin recortes.</p>"
         "</article></body></html>")


def _page(tmp_path, name: str, meta: str) -> Path:
    f = tmp_path / name
    f.write_bytes(_PAGE.format(meta=meta).encode("cp1252"))
    return f


def test_a_truthful_charset_is_not_warned_about(tmp_path):
    r = newsclaims("extract", "--format", "jsonl", _page(tmp_path, "ok.html", '<meta charset="windows-1252">'))
    assert r.returncode == 0 and r.stderr == "", r.stderr
    assert "abrirá" in r.stdout


def test_a_page_without_charset_names_the_byte(tmp_path):
    r = newsclaims("extract", "--format", "jsonl", _page(tmp_path, "none.html", ""))
    assert r.returncode == 0
    assert "none.html: no charset declared and byte 0xe1 at offset" in r.stderr
    assert "is not UTF-8; read as cp1252 (detected)" in r.stderr
    assert "()" not in r.stderr


def test_a_lying_charset_is_named(tmp_path):
    r = newsclaims("extract", "--format", "jsonl", _page(tmp_path, "liar.html", '<meta charset="utf-8">'))
    assert "liar.html: the page declares utf-8 but byte 0xe1 at offset" in r.stderr


# --- claim ids ----------------------------------------------------------------------------------

def _claim(cid, cue=True, start=0):
    return {"id": cid, "cue": {"text": "dijo"} if cue else None, "content": {"start": start}}


def test_claim_ids_are_unique_in_a_document():
    from newsclaims.extract import unique_claims
    out = unique_claims([_claim("a", start=0), _claim("b", start=10), _claim("a", cue=False, start=20),
                         _claim("c", cue=False, start=30), _claim("c", cue=False, start=40), _claim("b", start=50)])
    # the cue-less repeat of a cued claim (a pull-quote) goes; other repeats are numbered
    assert [c["id"] for c in out] == ["a", "b", "c", "c-2", "b-2"]


def test_every_fixture_document_has_unique_claim_ids(tmp_path):
    from test_golden import build_warc
    r = newsclaims("extract", "--quiet", "--format", "json", "fixtures", "seeds", build_warc(tmp_path))
    docs = json.loads(r.stdout)["documents"]
    assert len(docs) > 10
    for d in docs:
        ids = [c["id"] for c in d["claims"]]
        assert len(ids) == len(set(ids)), d["doc"]


def test_a_pull_quote_is_not_a_second_claim(extractor):
    text = ("El puerto cerrará en invierno\n\n"
            "La directora del puerto, Amparo Liñán, explicó la decisión. “No podemos mantener abiertos los "
            "muelles sin barcos”, dijo Liñán.\n\n"
            "“No podemos mantener abiertos los muelles sin barcos”\n\n"
            "El ayuntamiento estudiará la medida el lunes.\n")
    claims = extractor.extract_text(text)["claims"]
    said = [c for c in claims if c["content"]["text"] == "No podemos mantener abiertos los muelles sin barcos"]
    assert len(said) == 1 and said[0]["cue"]["text"] == "dijo"


# --- odd paths ----------------------------------------------------------------------------------

ARTICLE = "Título\n\nLa consejera de Pesca, Inés Lago, dijo que habrá ayudas para la flota.\n"


def test_process_substitution_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    r = subprocess.run(["bash", "-c", f"{sys.executable} -m newsclaims extract --format jsonl <(cat {tmp_path}/a.txt)"],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout.splitlines()[0])["content"]["text"] == "que habrá ayudas para la flota"


def test_a_named_pipe_is_read_when_written_and_given_up_without_a_writer(tmp_path):
    fifo = tmp_path / "nota.txt"
    os.mkfifo(fifo)
    good = tmp_path / "b.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    writer = subprocess.Popen(["bash", "-c", f"sleep 1; cat {good} > {fifo}"])
    r = newsclaims("extract", "--format", "jsonl", fifo, timeout=120)
    writer.wait(timeout=30)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout.splitlines()[0])["doc"] == str(fifo)
    # no writer: one line for the pipe after the wait, the rest processed, valid JSON
    r = newsclaims("extract", "--format", "json", fifo, good, timeout=120)
    assert r.returncode == 1
    assert f"{fifo}: named pipe with no writer" in r.stderr
    assert [d["doc"] for d in json.loads(r.stdout)["documents"]] == [str(good)]


def test_a_named_pipe_inside_a_folder_is_said_not_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    r = newsclaims("extract", "--format", "jsonl", tmp_path, timeout=120)
    assert r.returncode == 1
    assert "b.txt: a named pipe inside a folder is not read" in r.stderr
    assert json.loads(r.stdout.splitlines()[0])["doc"].endswith("a.txt")


def test_an_unreadable_subfolder_is_said(tmp_path, monkeypatch):
    """(Root reads every folder, so the refusal is simulated where os.walk reports it.)"""
    from newsclaims import inputs as load
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    real_walk = os.walk

    def walk(top, onerror=None, **kw):
        if onerror is not None:
            onerror(PermissionError(13, "Permission denied", str(tmp_path / "cerrada")))
        yield from real_walk(top, onerror=onerror, **kw)

    monkeypatch.setattr(load.os, "walk", walk)
    found = list(load.expand([str(tmp_path)]))
    errors = [f for f in found if isinstance(f, load.LoadError)]
    assert [(e.doc, e.reason) for e in errors] == [(str(tmp_path / "cerrada"), "Permission denied (folder not read)")]
    assert str(tmp_path / "a.txt") in found


# --- any mix of inputs ----------------------------------------------------------------------------

_KINDS_OF_INPUT = {
    "good": ("Título\n\nLa ministra de Pesca, Dolores Ibáñez, dijo que habrá vedas en otoño.\n").encode("utf-8"),
    "empty": b"",
    "blank": b"  \n\n \t\n",
    "binary": b"\x00\x01\x02PK\x03\x04" * 20,
    "long": ("Título\n\n" + SENTENCE * (30_000 // len(SENTENCE) + 1) + "\n").encode("utf-8"),  # past MAX_PIECE
}


@settings(max_examples=12, deadline=None)
@given(st.lists(st.sampled_from(sorted(_KINDS_OF_INPUT)), min_size=1, max_size=5))
def test_any_mix_of_inputs_gives_valid_json_and_one_line_per_bad_input(tmp_path_factory, mix):
    from typer.testing import CliRunner

    from newsclaims.cli import app
    folder = tmp_path_factory.mktemp("mix")
    paths = []
    for n, name in enumerate(mix):
        p = folder / f"{n:02d}-{name}.txt"
        p.write_bytes(_KINDS_OF_INPUT[name])
        paths.append(str(p))
    r = CliRunner().invoke(app, ["extract", "--quiet", "--format", "json", *paths])
    data = json.loads(r.stdout)  # valid JSON whatever came in
    good = [p for p, name in zip(paths, mix) if name in ("good", "long")]
    bad = [p for p, name in zip(paths, mix) if name not in ("good", "long")]
    assert [d["doc"] for d in data["documents"]] == good
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == len(bad) and all(any(line.startswith(f"newsclaims: {p}:") for line in lines) for p in bad)
    assert "internal error" not in r.stderr
    assert r.exit_code == (1 if bad else 0)


def test_ctrl_c_on_a_local_dask_cluster_is_quiet(tmp_path):
    """The workers of --scheduler local leave Ctrl-C to the parent: exit 130, no worker tracebacks
    or cancellation warnings, whole lines."""
    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(120):
        (folder / f"{k:04d}.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out.jsonl"
    p, err = _interrupted(["--format", "jsonl", "--scheduler", "local", "--jobs", "2", str(folder)], out,
                          lambda data: b"\n" in data)
    assert p.returncode == 130, err.decode()[-2000:]
    assert err.decode().strip() == "", err.decode()[-2000:]
    assert all(json.loads(line)["doc"] for line in out.read_text(encoding="utf-8").splitlines())
