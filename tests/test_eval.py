"""newsclaims eval on small gold files written for the tests (fixtures/eval/)."""
import json

import pytest
from typer.testing import CliRunner

from newsclaims.cli import app
from newsclaims.evaluate import Pred, evaluate, load_gold, speaker_lenient, speaker_strict

runner = CliRunner()


def run(*args):
    r = runner.invoke(app, ["eval", *args, "--format", "json"])
    return r, (json.loads(r.stdout) if r.stdout.strip() else None)


def test_figures_computed_by_hand():
    r, d = run("fixtures/eval", "--pred", "fixtures/eval/nota.pred.jsonl", "--details")
    assert r.exit_code == 0, r.stderr
    assert (d["gold_claims"], d["predicted_claims"], d["matched"]) == (4, 4, 3)
    assert d["content"] == {"precision": 0.75, "recall": 0.75, "f1": 0.75}
    assert d["end_to_end"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert d["speaker_accuracy_lenient"] == pytest.approx(2 / 3, abs=1e-4)
    assert d["speaker_accuracy_strict"] == pytest.approx(1 / 3, abs=1e-4)
    assert d["type_accuracy"] == pytest.approx(1 / 3, abs=1e-4)
    assert d["boundaries"] == pytest.approx((1 + 10 / 11 + 1) / 3, abs=1e-4)
    assert d["by_type"]["indirect"] == {"gold": 2, "found": 1, "recall": 0.5, "predicted": 4, "precision": 0.75,
                                        "speaker_accuracy_lenient": 1.0}
    assert [m["content"] for m in d["details"]["missed"]] == ["que el proyecto no tiene presupuesto"]
    assert [m["content"] for m in d["details"]["false_alarms"]] == ["proyecto"]
    assert [m["gold"] for m in d["details"]["wrong_speakers"]] == ["cámara de comercio"]


def test_strict_threshold_changes_matching():
    _, d = run("fixtures/eval", "--pred", "fixtures/eval/nota.pred.jsonl", "--threshold", "0.95")
    assert d["matched"] == 2 and d["threshold"] == 0.95


def test_extracting_the_articles_beside_the_gold():
    r, d = run("fixtures/eval")
    assert r.exit_code == 0, r.stderr
    assert d["content"]["f1"] == 1.0 and d["end_to_end"]["f1"] == 1.0
    assert d["speaker_accuracy_strict"] == 1.0


def test_optional_gold_is_neither_owed_nor_penalised():
    gold = {"a.txt": [{"doc": "a.txt", "speaker": "Ana", "type": "indirect", "content": "que sí", "optional": True},
                      {"doc": "a.txt", "speaker": "Ana", "type": "indirect", "content": "que no vendrá"}]}
    preds = {"a.txt": [Pred("Ana", "Ana", "dijo", "indirect", "que sí"),
                       Pred("Ana", "Ana", "dijo", "indirect", "que no vendrá")]}
    d = evaluate(gold, preds)
    assert (d["gold_claims"], d["predicted_claims"], d["matched"]) == (1, 1, 1)


def test_speaker_leniency():
    g = {"speaker": "Alexander Lukashenko", "speaker_mention": "el líder bielorruso"}
    assert speaker_lenient(g, Pred("Lukashenko", "Lukashenko", None, None, ""))
    assert speaker_lenient(g, Pred(None, "el líder bielorruso", None, None, ""))
    assert not speaker_strict(g, Pred("Lukashenko", "Lukashenko", None, None, ""))
    assert speaker_strict(g, Pred("Alexander Lukashenko", "él", None, None, ""))


def test_errors_are_exit_2(tmp_path):
    r, _ = run(str(tmp_path))
    assert r.exit_code == 2 and "gold" in r.stderr
    bad = tmp_path / "x.gold.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    r, _ = run(str(bad), "--pred", "fixtures/eval/nota.pred.jsonl")
    assert r.exit_code == 2 and "x.gold.jsonl:1" in r.stderr
    r, _ = run("fixtures/eval", "--pred", "fixtures/eval/nota.pred.jsonl", "--articles", "fixtures/eval/nota.txt")
    assert r.exit_code == 2


def test_table_output():
    r = runner.invoke(app, ["eval", "fixtures/eval", "--pred", "fixtures/eval/nota.pred.jsonl", "--format", "table",
                            "--details"])
    assert r.exit_code == 0 and "end-to-end" in r.stdout and "MISSED" in r.stdout


def test_load_gold_lists_articles_without_claims(tmp_path):
    (tmp_path / "vacia.gold.jsonl").write_text("", encoding="utf-8")
    assert load_gold([str(tmp_path)]) == {"vacia.txt": []}


def test_cues_no_table_lists_are_listed_for_the_user(tmp_path, claims_of):
    text = ("Elvira Mora cerró el debate.\n\n“Los vecinos saben quién cumple y quién no”, rubricó la candidata Elvira Mora.\n")
    from newsclaims.claims import CONFIDENCE
    claim = next(c for c in claims_of(text) if c["type"] == "direct")
    assert claim["cue"]["text"] == "rubricó"
    assert CONFIDENCE["direct_unlisted"] < CONFIDENCE["direct_postposed"]  # found by its frame: less sure
    art = tmp_path / "debate.txt"
    art.write_text(text, encoding="utf-8")
    gold = tmp_path / "debate.gold.jsonl"
    gold.write_text(json.dumps({"doc": "debate.txt", "speaker": "Elvira Mora", "speaker_mention": "la candidata",
                                "cue": "rubricó", "type": "direct", "optional": False,
                                "content": "Los vecinos saben quién cumple y quién no"}) + "\n", encoding="utf-8")
    r, d = run(str(gold), "--articles", str(art), "--details")
    assert r.exit_code == 0, r.stderr
    assert d["details"]["unlisted_cues"] == [{"lemma": "rubricar", "claims": 1}]
