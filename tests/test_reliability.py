"""Promises of the README that once broke (issue 12): each test failed before its fix."""
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsclaims.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_60d487e66da30a1f.txt"
runner = CliRunner()


def invoke(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    d = tmp_path_factory.mktemp("saved")
    shutil.copy(SEED, d / "v1.txt")
    (d / "A" / "sub").mkdir(parents=True)
    shutil.copy(SEED, d / "A" / "sub" / "x.txt")
    r = invoke("extract", "--format", "jsonl", d / "v1.txt")
    (d / "v1.jsonl").write_text(r.stdout, encoding="utf-8")
    r = invoke("extract", "--format", "json", d / "A")
    (d / "A.json").write_text(r.stdout, encoding="utf-8")
    return d


def test_diff_of_json_lines_and_its_article_has_no_entity_changes(saved):
    r = invoke("diff", "--format", "json", saved / "v1.jsonl", saved / "v1.txt")
    assert r.exit_code == 0, r.stdout[:500]
    assert json.loads(r.stdout)["entities"] == {"added": [], "removed": []}


def test_saved_output_and_folder_pair_by_relative_path(saved):
    r = invoke("diff", "--format", "json", saved / "A.json", saved / "A")
    assert r.exit_code == 0, r.stdout[:500]
    data = json.loads(r.stdout)
    assert data["only_old"] == [] and data["only_new"] == []


def test_same_names_in_different_subfolders_do_not_collide(tmp_path):
    for sub in ("uno", "dos"):
        (tmp_path / "old" / sub).mkdir(parents=True)
        (tmp_path / "new" / sub).mkdir(parents=True)
    text_a = "La ministra Ana Ruiz dijo que el hospital abrirá en junio.\n"
    text_b = "El alcalde Luis Soto dijo que la calle se cerrará en mayo.\n"
    for side in ("old", "new"):
        (tmp_path / side / "uno" / "nota.txt").write_text(text_a, encoding="utf-8")
        (tmp_path / side / "dos" / "nota.txt").write_text(text_b, encoding="utf-8")
    r = invoke("diff", "--format", "json", tmp_path / "old", tmp_path / "new")
    assert r.exit_code == 0, r.stdout[:500]


@pytest.mark.parametrize("content, why", [
    ('{"documents":[{"claims":[]}]}', 'no "doc"'),
    ('{"documents":"oops"}', "not a list"),
    ('[1,2,3]', "neither"),
    ('{"documents":[{"doc":"x.txt","claims":[{"doc":"x.txt","content":"hola"}]}]}', '"content"'),
    ('{"documents":[{"doc":"x.txt","claims":[{"content":{"text":"hola"}}]}]}', 'no "doc"'),
])
def test_malformed_saved_output_is_a_usage_error(saved, tmp_path, content, why):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    r = invoke("diff", bad, saved / "v1.txt")
    assert r.exit_code == 2
    assert f"{bad}: not an output of newsclaims extract (" in r.stderr and why in r.stderr


def _gold(tmp_path, name="nota"):
    gold = tmp_path / f"{name}.gold.jsonl"
    gold.write_text(json.dumps({"doc": f"{name}.txt", "speaker": "Ana Ruiz", "speaker_mention": "Ana Ruiz",
                                "cue": "dijo", "type": "indirect", "content": "que el hospital abrirá en junio"},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    return gold


def test_eval_names_a_gold_file_whose_article_is_missing(tmp_path):
    _gold(tmp_path)
    r = invoke("eval", "--format", "json", tmp_path)
    assert r.exit_code == 1
    assert "nota.txt: article not found" in r.stderr


def test_eval_names_gold_absent_from_the_predictions(tmp_path):
    gold = _gold(tmp_path)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"doc": "otra.txt", "type": "indirect", "speaker": None, "cue": None,
                                "content": {"text": "que sí", "start": 0, "end": 6}}) + "\n", encoding="utf-8")
    r = invoke("eval", "--format", "json", gold, "--pred", pred)
    assert r.exit_code == 1
    assert f"nota.txt: not in {pred}" in r.stderr


def test_eval_of_a_complete_prediction_exits_zero(tmp_path):
    gold = _gold(tmp_path)
    (tmp_path / "nota.txt").write_text("La ministra Ana Ruiz dijo que el hospital abrirá en junio.\n", encoding="utf-8")
    r = invoke("eval", "--format", "json", gold)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["end_to_end"]["f1"] == 1.0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_quietly_with_output_so_far(tmp_path, jobs):
    """Ctrl-C reaches the whole process group (workers too): exit 130, no traceback, whole lines."""
    import os
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(400):
        shutil.copy(SEED, folder / f"{k:04d}.txt")
    out_file = tmp_path / "out.jsonl"
    with open(out_file, "wb") as sink:
        p = subprocess.Popen([sys.executable, "-m", "newsclaims", "extract", "--quiet", "--format", "jsonl",
                              "--jobs", jobs, str(folder)], stdout=sink, stderr=subprocess.PIPE,
                             start_new_session=True, cwd=ROOT)
        deadline = time.monotonic() + 120
        while not out_file.read_bytes() and p.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)  # interrupt once claims are flowing, however long the model takes to load
        time.sleep(1)
        os.killpg(p.pid, signal.SIGINT)
        _, err = p.communicate(timeout=60)
    out = out_file.read_bytes()
    assert p.returncode == 130, err.decode()[-2000:]
    assert b"Traceback" not in err, err.decode()[-2000:]
    lines = out.decode().splitlines()
    assert 0 < len(lines) < 400 * 22
    assert all(json.loads(line)["doc"] for line in lines)


def test_table_into_a_closed_pipe_exits_like_json(tmp_path):
    import subprocess
    import sys
    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(30):
        shutil.copy(SEED, folder / f"{k:04d}.txt")
    codes = {}
    for fmt in ("table", "json", "jsonl"):
        p = subprocess.Popen([sys.executable, "-m", "newsclaims", "extract", "--quiet", "--format", fmt, str(folder)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
        p.stdout.readline()
        p.stdout.close()  # the reader goes away, as `| head -1` does
        p.wait(timeout=120)
        codes[fmt] = p.returncode
    assert codes == {"table": 0, "json": 0, "jsonl": 0}


def test_utf16_with_bom_is_decoded(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes("La ministra Ana Ruiz dijo que habrá ayudas.".encode("utf-16"))
    r = invoke("extract", "--format", "jsonl", f)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout.splitlines()[0])["speaker"]["name"] == "Ana Ruiz"


def test_cp1252_fallback_is_said_without_verbose(tmp_path):
    f = tmp_path / "cp.txt"
    f.write_bytes("La ministra Ana Ruiz dijo que habrá ayudas.".encode("cp1252"))
    r = invoke("extract", "--format", "jsonl", f)
    assert r.exit_code == 0
    assert "cp.txt: not UTF-8 (byte 0xe1 at offset 34), read as cp1252" in r.stderr


def test_a_nul_byte_anywhere_is_binary(tmp_path):
    f = tmp_path / "late.txt"
    f.write_bytes(("La ministra dijo que sí. " * 800).encode() + b"\x00")
    r = invoke("extract", "--format", "jsonl", f)
    assert r.exit_code == 1 and "late.txt: binary file" in r.stderr


def test_broken_links_inside_a_folder_are_one_line_each(tmp_path):
    import os
    folder = tmp_path / "L"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    os.symlink(tmp_path / "nowhere.txt", folder / "b.txt")
    os.symlink(folder / "loop2.txt", folder / "loop1.txt")
    os.symlink(folder / "loop1.txt", folder / "loop2.txt")
    inside = invoke("extract", "--format", "jsonl", folder)
    direct = invoke("extract", "--format", "jsonl", folder / "b.txt", folder / "loop1.txt")
    assert inside.exit_code == 1 and direct.exit_code == 1
    assert "b.txt: broken symbolic link" in inside.stderr and "b.txt: broken symbolic link" in direct.stderr
    assert "loop1.txt: symbolic link loop" in inside.stderr and "loop1.txt: symbolic link loop" in direct.stderr
    assert inside.stdout  # a.txt was still read


@pytest.mark.parametrize("model, says", [("/tmp", "not a spaCy model"), ("es_core_news_lg", "es-core-news-lg")])
def test_a_wrong_model_is_a_usage_error_naming_it(model, says):
    r = invoke("extract", "--model", model, SEED)
    assert r.exit_code == 2 and says in r.stderr
