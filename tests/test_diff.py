"""newsclaims diff: fixture pairs (the seed and edited copies) with exact expected changes."""
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsclaims.cli import app
from newsclaims.diff import Version, align, diff_versions, similarity, word_diff

SEED = "seeds/000_60d487e66da30a1f.txt"
runner = CliRunner()


def run_diff(old, new, *args):
    r = runner.invoke(app, ["diff", old, new, "--format", "json", *args])
    return r, (json.loads(r.stdout) if r.stdout.strip() else None)


def kinds(data):
    return [(c["kind"], (c["old"] or c["new"])["content"]["text"][:31]) for c in data["changes"]]


EXPECTED = {
    "reworded": [("reworded", "que el pueblo venezolano merece")],
    "speaker": [("speaker_changed", "que continuará apoyando a Venez")],
    "removed": [("removed", "que la oposición había ganado p")],
    "added": [("added", "que Moscú seguirá de cerca la s")],
    "indirect": [("type_changed", "Pero (esa) es una decisión que ")],
    "swapped": [],
    "punctuation": [],
}


@pytest.fixture(scope="module")
def results():
    return {name: run_diff(SEED, f"fixtures/diff/{name}.txt") for name in EXPECTED}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_fixture_changes(results, name):
    r, data = results[name]
    assert kinds(data) == EXPECTED[name]
    assert r.exit_code == (1 if EXPECTED[name] or data["entities"]["added"] or data["entities"]["removed"] else 0)


def test_reworded_has_word_diff(results):
    (change,) = results["reworded"][1]["changes"]
    ops = [(o["op"], o["old"], o["new"]) for o in change["diff"] if o["op"] != "equal"]
    assert ops == [("replace", "absoluto", "todo el")]
    assert 0.5 <= change["similarity"] < 1


def test_speaker_correction_and_new_entity(results):
    data = results["speaker"][1]
    (change,) = data["changes"]
    assert change["old"]["speaker"]["name"] == "Vladimir Putin"
    assert change["new"]["speaker"]["name"] == "Lavrov"
    assert data["entities"]["added"] == [{"name": "Lavrov", "label": "PER"}]


def test_added_person_listed(results):
    assert {"name": "Serguéi Lavrov", "label": "PER"} in results["added"][1]["entities"]["added"]


def test_direct_to_indirect(results):
    (change,) = results["indirect"][1]["changes"]
    assert (change["old"]["type"], change["new"]["type"]) == ("direct", "indirect")


def test_json_shape_and_summary(results):
    data = results["reworded"][1]
    assert list(data) == ["schema_version", "old", "new", "summary", "changes", "entities"]
    assert list(data["summary"]) == ["added", "removed", "reworded", "speaker_changed", "type_changed",
                                     "cue_changed", "unchanged"]
    assert list(data["changes"][0]) == ["kind", "old", "new", "similarity", "diff"]


def test_same_file_exit_0_and_all_lists_unchanged():
    r, data = run_diff(SEED, SEED)
    assert r.exit_code == 0 and data["changes"] == []
    r, data = run_diff(SEED, SEED, "--all")
    assert {c["kind"] for c in data["changes"]} == {"unchanged"}
    assert len(data["changes"]) == data["summary"]["unchanged"] >= 15


def test_mirror(results):
    _, forward = results["speaker"]
    _, backward = run_diff("fixtures/diff/speaker.txt", SEED)
    assert kinds(backward) == kinds(forward)
    assert forward["entities"]["added"] == backward["entities"]["removed"]
    _, fwd = results["added"]
    _, bwd = run_diff("fixtures/diff/added.txt", SEED)
    assert [c["kind"] for c in bwd["changes"]] == ["removed"]


def test_saved_json_and_jsonl_give_the_same_result(tmp_path, results):
    saved = tmp_path / "old.json"
    saved.write_text(runner.invoke(app, ["extract", "--format", "json", SEED]).stdout, encoding="utf-8")
    lines = tmp_path / "old.jsonl"
    lines.write_text(runner.invoke(app, ["extract", "--format", "jsonl", SEED]).stdout, encoding="utf-8")
    _, from_json = run_diff(str(saved), "fixtures/diff/reworded.txt")
    _, from_lines = run_diff(str(lines), "fixtures/diff/reworded.txt")
    _, from_article = results["reworded"]
    assert kinds(from_json) == kinds(from_lines) == kinds(from_article)
    assert from_json["changes"] == from_article["changes"] and from_json["entities"] == from_article["entities"]


def test_folders_pair_by_name_and_report_one_sided(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir(), new.mkdir()
    text = "La alcaldesa Eva Gil dijo que el parque abrirá en mayo.\n"
    (old / "a.txt").write_text(text, encoding="utf-8")
    (new / "a.txt").write_text(text.replace("mayo", "junio"), encoding="utf-8")
    (old / "solo.txt").write_text(text, encoding="utf-8")
    r, data = run_diff(str(old), str(new))
    assert r.exit_code == 1
    assert data["only_old"] == ["solo.txt"] and data["only_new"] == []
    assert [c["kind"] for d in data["documents"] for c in d["changes"]] == ["reworded"]


def test_trouble_is_exit_2(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text("La ministra dijo que sí.\n", encoding="utf-8")
    r, _ = run_diff(str(folder), SEED)
    assert r.exit_code == 2 and "cannot compare" in r.stderr
    r, _ = run_diff(str(tmp_path / "missing.txt"), SEED)
    assert r.exit_code == 2 and "no such file" in r.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "x", "content": {"text": "a"}}\n{oops\n', encoding="utf-8")
    r, _ = run_diff(str(bad), SEED)
    assert r.exit_code == 2 and "line 2" in r.stderr


def test_threshold_controls_alignment():
    old = Version("a", "a", [claim("Ana", "que el puente abrirá en mayo")])
    new = Version("a", "a", [claim("Ana", "que el puente abrirá en junio si llueve poco")])
    assert [c["kind"] for c in diff_versions(old, new)["changes"]] == ["reworded"]
    assert [c["kind"] for c in diff_versions(old, new, threshold=0.9)["changes"]] == ["removed", "added"]


def claim(speaker, text, kind="indirect", start=0):
    return {"type": kind, "speaker": {"name": speaker, "text": speaker}, "cue": {"text": "dijo", "lemma": "decir"},
            "content": {"text": text, "start": start, "end": start + len(text)}}


def test_similarity_ignores_punctuation_and_case():
    assert similarity("«Vamos a ganar», dijo.", "vamos a GANAR dijo") == 1.0
    assert word_diff("a b c", "a x c")[1] == {"op": "replace", "old": "b", "new": "x"}


SENTENCES = st.lists(st.sampled_from([
    "que el puente abrirá en mayo", "que no habrá recortes", "que la obra sigue", "que el río creció",
    "que las clases empiezan el lunes", "que no hay heridos"]), max_size=5)
NAMES = st.sampled_from(["Ana Ruiz", "Luis Soto", "fuentes"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(NAMES, SENTENCES.map(" y ".join)), max_size=6),
       st.lists(st.tuples(NAMES, SENTENCES.map(" y ".join)), max_size=6))
def test_diff_properties(a, b):
    va = Version("x", "x", [claim(n, t or "que sí", start=i * 100) for i, (n, t) in enumerate(a)])
    vb = Version("x", "x", [claim(n, t or "que sí", start=i * 100) for i, (n, t) in enumerate(b)])
    assert diff_versions(va, va)["changes"] == []
    fwd, bwd = diff_versions(va, vb), diff_versions(vb, va)
    swap = {"added": "removed", "removed": "added"}
    assert sorted(swap.get(c["kind"], c["kind"]) for c in fwd["changes"]) == sorted(c["kind"] for c in bwd["changes"])
    assert {(k, v) for k, v in fwd["summary"].items() if k not in swap} == \
        {(k, v) for k, v in bwd["summary"].items() if k not in swap}
    assert len(align(va.claims, vb.claims)) == len(fwd["changes"]) + fwd["summary"]["unchanged"]


def test_table_without_colours_marks_the_words_changed():
    """Saved or piped, the table cannot show red and green: [-old-]{+new+} as git diff --word-diff."""
    import subprocess
    import sys
    r = subprocess.run([sys.executable, "-m", "newsclaims", "diff", "--format", "table",
                        "fixtures/diff/added.txt", "fixtures/diff/reworded.txt"], capture_output=True, text=True,
                       cwd=Path(__file__).resolve().parent.parent)
    assert "[-absoluto-]" in r.stdout and "{+todo el+}" in r.stdout
    assert "\x1b[" not in r.stdout
