"""The command line, through Typer's CliRunner (stdout and stderr apart)."""
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from newsclaims.cli import app

runner = CliRunner()
SEED = "seeds/000_60d487e66da30a1f.txt"
ARTICLE = "La ministra Ana Ruiz dijo que el hospital abrirá en junio.\n"


def invoke(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def test_json_document_shape():
    r = invoke("extract", "--format", "json", SEED)
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert list(data) == ["schema_version", "newsclaims_version", "model", "documents"]
    assert data["schema_version"] == 1 and data["model"]["name"].startswith("es_core_news")
    (doc,) = data["documents"]
    assert list(doc) == ["doc", "title", "date", "authors", "url", "site", "entities", "claims"]
    assert doc["doc"] == SEED and doc["date"] == "2025-12-11"
    claim = doc["claims"][0]
    assert list(claim) == ["id", "doc", "type", "speaker", "cue", "content", "sentence", "confidence"]
    assert len(claim["id"]) == 12


def test_jsonl_one_claim_per_line_with_doc():
    r = invoke("extract", "--format", "jsonl", SEED)
    lines = r.stdout.splitlines()
    assert len(lines) >= 15
    assert all(json.loads(line)["doc"] == SEED for line in lines)


def test_output_is_byte_identical_across_runs():
    a = invoke("extract", "--format", "json", SEED).stdout
    b = invoke("extract", "--format", "json", SEED).stdout
    assert a == b


def test_accents_kept_not_escaped():
    r = invoke("extract", "--format", "jsonl", SEED)
    assert "Bielorrusia" in r.stdout and "\\u00" not in r.stdout and "á" in r.stdout


def test_table_format():
    r = invoke("extract", "--format", "table", SEED)
    assert r.exit_code == 0
    assert "speaker" in r.stdout and "Lukashenko" in r.stdout


def test_stdin_dash():
    r = invoke("extract", "--format", "jsonl", "-", input=ARTICLE)
    (line,) = r.stdout.splitlines()
    claim = json.loads(line)
    assert claim["doc"] == "-" and claim["speaker"]["name"] == "Ana Ruiz"


def test_min_confidence_filters():
    all_ = invoke("extract", "--format", "jsonl", SEED).stdout.splitlines()
    high = invoke("extract", "--format", "jsonl", "--min-confidence", "0.9", SEED).stdout.splitlines()
    assert 0 < len(high) < len(all_)
    assert all(json.loads(x)["confidence"] >= 0.9 for x in high)


def test_bad_inputs_reported_and_others_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    r = invoke("extract", "--format", "json", str(tmp_path), str(tmp_path / "missing.txt"))
    assert r.exit_code == 1
    data = json.loads(r.stdout)  # still one valid document
    assert [d["doc"] for d in data["documents"]] == [str(good)]
    errors = r.stderr.strip().splitlines()
    assert len(errors) == 3 and all(line.startswith("newsclaims: ") for line in errors)
    assert any("missing.txt: no such file or folder" in line for line in errors)
    assert "Traceback" not in r.stderr


def test_folder_without_articles_is_exit_1(tmp_path):
    r = invoke("extract", "--format", "json", str(tmp_path))
    assert r.exit_code == 1 and "folder holds no articles" in r.stderr
    assert json.loads(r.stdout)["documents"] == []


def test_usage_error_is_exit_2():
    r = invoke("extract", "--format", "xml", SEED)
    assert r.exit_code == 2


def test_unknown_model_is_exit_2_with_install_hint():
    r = invoke("extract", "--model", "xx_no_such_model", SEED)
    assert r.exit_code == 2
    assert "pip install" in r.stderr and r.stdout == ""


def test_entities_command():
    r = invoke("entities", "--format", "jsonl", SEED)
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    names = {row["name"]: row for row in rows}
    assert names["Alexander Lukashenko"]["label"] == "PER"
    assert names["Donald Trump"]["label"] == "PER"
    assert "Según" not in names and "Acordamos" not in names
    assert all(list(row) == ["doc", "name", "label", "count", "gender", "gender_evidence", "mentions"] for row in rows)
    assert names["Donald Trump"]["gender"] == "male" and names["Bielorrusia"]["gender"] is None


def test_jobs_keep_order(tmp_path):
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(f"El alcalde número {i} dijo que la obra {i} sigue.\n", encoding="utf-8")
    one = invoke("extract", "--format", "jsonl", str(tmp_path)).stdout
    two = invoke("extract", "--format", "jsonl", "--jobs", "2", str(tmp_path)).stdout
    assert one == two and len(one.splitlines()) == 4


def test_help_and_version_do_not_import_spacy():
    code = ("import sys; from newsclaims.cli import main; sys.argv=['newsclaims','--version'];\n"
            "try: main()\nexcept SystemExit: pass\nassert 'spacy' not in sys.modules, 'spacy imported'")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "newsclaims 0." in out.stdout


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"]])
def test_help(args):
    r = invoke(*args)
    assert r.exit_code == 0 and "Usage" in r.stdout


def test_crlf_and_cp1252_offsets_point_into_the_decoded_text(tmp_path):
    text = "## Título\r\n\r\nLa ministra Ana Ruiz dijo que el hospital abrirá en junio.\r\n\r\n“Será el mejor”, añadió.\r\n"
    f = tmp_path / "win.txt"
    f.write_bytes(text.encode("cp1252"))
    r = invoke("extract", "--format", "jsonl", str(f))
    claims = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(claims) == 2
    for c in claims:
        assert text[c["content"]["start"]:c["content"]["end"]] == c["content"]["text"]
    assert claims[1]["speaker"]["name"] == "Ana Ruiz"


def test_help_offers_what_each_command_does():
    """Formats and file names come from one place (inputs.KINDS, each command's own formats)."""
    from newsclaims.inputs import KINDS
    runner = CliRunner()
    extract = runner.invoke(app, ["extract", "--help"], terminal_width=200).stdout
    assert all(suffix in extract for suffix in KINDS)
    entities = runner.invoke(app, ["entities", "--help"], terminal_width=200).stdout
    assert "html" not in entities.split("--format")[1].split("\n")[0]
    ev = runner.invoke(app, ["eval", "--help"], terminal_width=200).stdout
    assert "<auto|table|json>" in ev
    r = runner.invoke(app, ["entities", "--format", "html", "seeds/"])
    assert r.exit_code == 2


def test_an_empty_folder_names_every_input_kind(tmp_path):
    from newsclaims.inputs import KINDS
    r = CliRunner().invoke(app, ["extract", "--format", "json", str(tmp_path)])
    assert r.exit_code == 1
    assert all(suffix in r.stderr for suffix in KINDS)
