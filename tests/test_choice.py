"""The fitted choice among speaker candidates: candidates, features, scorer, `newsclaims train`.

Articles and gold under fixtures/train/ are written for the tests."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsclaims.cli import app
from newsclaims.pipeline.scorer import DEFAULT_WEIGHTS, Scorer, WeightsError, load_scorer
from newsclaims.train import Example, cross_validate, train

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def test_scorer_takes_the_best_candidate_and_the_rules_on_a_tie():
    s = Scorer({"src=rule": 1.0, "kind=none": -3.0, "src=current": 0.5})
    assert s.choose([{"src=rule": 1, "kind=person": 1}, {"src=current": 1, "kind=person": 1}], False) == 0
    assert s.choose([{"src=rule": 1, "kind=none": 1}, {"src=current": 1, "kind=person": 1}], False) == 1
    assert Scorer({}).choose([{"src=rule": 1}, {"src=current": 1}], False) == 0


def test_without_a_rule_pick_another_candidate_needs_probability_over_a_half():
    assert Scorer({"bias": -1.0}).choose([{"bias": 1, "src=current": 1}], True) is None
    assert Scorer({"bias": -1.0, "src=current": 2.0}).choose([{"bias": 1, "src=current": 1}], True) == 0


def test_packaged_weights_load_and_record_how_they_were_made():
    data = json.loads(DEFAULT_WEIGHTS.read_text(encoding="utf-8"))
    assert data["command"].startswith("newsclaims train")
    choice, conf = data["speaker_choice"], data["confidence"]
    assert choice["enabled"] == (choice["cross_validation"]["fitted_accuracy"] > choice["cross_validation"]["rules_accuracy"])
    assert conf["enabled"] == (conf["cross_validation"]["fitted_log_loss"] < conf["cross_validation"]["rules_log_loss"])
    assert load_scorer().weights == choice["weights"]


def test_confidence_is_a_probability_that_orders_claims():
    from newsclaims.claims import Speaker
    from newsclaims.pipeline.confidence import Calibrator, claim_features
    cal = Calibrator({"bias": 1.0, "no_speaker": -3.0})
    named = claim_features("direct_postposed", "direct", Speaker("Ana Ruiz", "la ministra", "PER", 0, 11, "person"),
                           True, False, 12)
    anonymous = claim_features("floating", "direct", None, False, False, 12)
    assert {"rule=direct_postposed", "type=direct", "kind=person", "label=PER", "resolved", "words<30"} <= set(named)
    assert {"no_speaker", "no_cue"} <= set(anonymous)
    assert 0 < cal.probability(anonymous) < 0.5 < cal.probability(named) < 1


def test_a_bad_weights_file_is_a_usage_error(tmp_path):
    bad = tmp_path / "w.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(WeightsError):
        load_scorer(str(bad))
    r = runner.invoke(app, ["extract", "--format", "jsonl", "--weights", str(bad), "fixtures/train/a1.txt"])
    assert r.exit_code == 2 and "not a newsclaims weights file" in r.stderr
    r = runner.invoke(app, ["extract", "--format", "jsonl", "--weights", str(tmp_path / "nope.json"),
                            "fixtures/train/a1.txt"])
    assert r.exit_code == 2 and "nope.json" in r.stderr


def test_candidates_are_recorded_with_their_sources():
    from newsclaims.extract import Extractor
    from newsclaims.normalise import normalise
    from newsclaims.pipeline import load_pipeline
    nlp = load_pipeline(claims_config={"weights": "none", "record": True})
    rec = Extractor(nlp=nlp)
    text = "La jueza Marta Lobo visitó la cárcel. “Faltan funcionarios”, advirtió."
    ((_, doc),) = list(rec.parse([(0, normalise(text))]))
    (claim,) = doc.user_data["newsclaims_claims"]
    cands = claim["candidates"]
    assert cands[0]["name"] == "Marta Lobo"
    sources = {k for c in cands for k in c["features"] if k.startswith("src=")}
    assert "src=current" in sources or "src=salient" in sources
    assert all("bias" in c["features"] for c in cands)


def _rows():
    from newsclaims.train import ClaimRow
    return [ClaimRow(f"d{k}", {"bias": 1.0, "no_speaker": float(k % 2)}, 0.8, k % 2 == 0) for k in range(20)]


def _example(doc, right_index, n=2, rule_right=None):
    feats = [{"bias": 1.0, "src=rule": 1.0, "kind=none": 1.0}] + [{"bias": 1.0, "src=current": 1.0, "kind=person": 1.0}] * (n - 1)
    right = [k == right_index for k in range(n)]
    return Example(doc, feats, right, right[0] if rule_right is None else rule_right)


def test_cross_validation_holds_articles_out_and_learns_a_better_choice():
    # In these articles an untyped rule pick is always wrong and the current speaker right.
    examples = [_example(f"d{k}", 1) for k in range(10)] + [_example(f"e{k}", 0, 1) for k in range(10)]
    cv = cross_validate(examples, folds=5)
    assert cv["articles"] == 20 and cv["claims"] == 20
    assert cv["rules_accuracy"] == 0.5
    assert cv["fitted_accuracy"] == 1.0
    content = train(examples, _rows(), "newsclaims train test")
    assert content["speaker_choice"]["enabled"] is True and content["speaker_choice"]["weights"]["kind=none"] < 0
    conf = content["confidence"]
    assert conf["enabled"] is True and conf["weights"]["no_speaker"] < 0  # claims without a speaker were wrong
    assert conf["cross_validation"]["fitted_log_loss"] < conf["cross_validation"]["rules_log_loss"]


def test_train_refuses_gold_without_a_choice():
    with pytest.raises(ValueError):
        train([_example("d", 0, 1)], _rows(), "x")


def test_train_command_writes_weights_that_extract_reads(tmp_path):
    out = tmp_path / "house.json"
    r = runner.invoke(app, ["train", "fixtures/train", "--folds", "3", "--output", str(out)])
    assert r.exit_code == 0, r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    cv = data["speaker_choice"]["cross_validation"]
    assert cv["articles"] == 3 and cv["claims"] == 9
    assert "claims of 3 articles" in r.stderr and "confidence" in r.stderr
    r = runner.invoke(app, ["extract", "--format", "jsonl", "--weights", str(out), "fixtures/train/a2.txt"])
    assert r.exit_code == 0, r.stderr
    speakers = [json.loads(line)["speaker"]["name"] for line in r.stdout.splitlines()]
    assert speakers == ["Elena Garcés", "Tomás Vidal", "Tomás Vidal"]


def test_eval_takes_weights():
    r = runner.invoke(app, ["eval", "fixtures/train", "--weights", "none", "--format", "json"])
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["end_to_end"]["f1"] == 1.0
