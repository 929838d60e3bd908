"""Gender of person speakers from Spanish grammar (newsclaims.pipeline.gender); sentences written
for the tests."""
import json

import pytest
from typer.testing import CliRunner

from newsclaims.cli import app


def speaker_of(claims_of, text, content_start):
    for c in claims_of(text):
        if c["content"]["text"].startswith(content_start):
            return c["speaker"]
    raise AssertionError([c["content"]["text"] for c in claims_of(text)])



@pytest.mark.parametrize("text, content, gender, evidence", [
    # a gendered role in apposition, then a bare surname: agreement across mentions
    ("La ministra de Pesca, Dolores Ibáñez, dijo que habrá vedas. Ibáñez añadió que el plan empieza en mayo.",
     "que el plan", "female", "ministra"),
    # the article agreeing with an agent noun no table lists
    ("La cirujana Irene Vela afirmó que la operación fue un éxito.", "que la operación", "female", "La cirujana"),
    ("El politólogo Iván Mora afirmó que el gobierno caerá.", "que el gobierno", "male", "politólogo"),  # (a role of the table)
    # the role wins over the given name: a woman whose name the lexicon gives as male
    ("La diputada Ariel Campos dijo que el juicio será público.", "que el juicio", "female", "diputada"),
    # a role's masculine form with a feminine article: the article tells (also for a name the
    # lexicon gives as male), and "la presidente" later is she
    ("La presidente Ariel Campos dijo que el juicio será público.", "que el juicio", "female", "presidente"),
    ("El alcalde Luis Soto habló primero. La presidente del patronato, Nora Gil, inauguró la sala. "
     "La presidente dijo que habrá más talleres.", "que habrá", "female", "presidente"),
    # where the grammar is silent, the given name of a full name
    ("Rosa Olmedo Vera explicó que el puente se abre en julio.", "que el puente", "female", "nombre: Rosa"),
    ("Fermín Laguna afirmó que la cosecha fue buena.", "que la cosecha", "male", "nombre: Fermín"),
    # a surname that is a role's plural ("Reyes") is no role: the given name tells
    ("Nuria Reyes Olmedo, jefa de la brigada, llegó tarde. Reyes Olmedo explicó que el fuego sigue activo.",
     "que el fuego", "female", "jefa"),
])
def test_gender_from_grammar(claims_of, text, content, gender, evidence):
    sp = speaker_of(claims_of, text, content)
    assert (sp["gender"], sp["gender_evidence"]) == (gender, evidence)


@pytest.mark.parametrize("text, content", [
    ("La persona que llamó al servicio dijo que vio el barco hundirse.", "que vio"),       # epicene noun
    ("Fuentes del ministerio dijeron que el plan sigue.", "que el plan"),                  # a group
    ("El ministerio de Pesca informó que la veda empieza en mayo.", "que la veda"),        # an organisation
    ("Gómez dijo que el plan sigue adelante.", "que el plan"),                             # a surname says nothing
    ("Ana Ruiz y Luis Soto explicaron que el acuerdo está cerrado.", "que el acuerdo"),     # two people
    ("Yatziri Olmos dijo que el plan sigue adelante.", "que el plan"),                     # a name the lexicon lacks
])
def test_no_gender_where_the_article_does_not_tell(claims_of, text, content):
    sp = speaker_of(claims_of, text, content)
    assert sp["gender"] is None and sp["gender_evidence"] is None


def test_without_the_name_lexicon_only_grammar_tells(extractor, monkeypatch):
    from newsclaims import names
    monkeypatch.setattr(names, "_lexicon", lambda: None)

    def fresh(text):  # not the cached claims_of: the lexicon is gone for this test only
        return extractor.extract_text(text, "t.txt")["claims"][0]["speaker"]
    assert fresh("Rosa Olmedo Vera explicó que el puente se abre en julio.")["gender"] is None
    assert fresh("La diputada Ariel Campos dijo que el juicio será público.")["gender"] == "female"


@pytest.mark.parametrize("name, expected", [
    ("Rosa Olmedo", ("f", "nombre: Rosa")),
    ("Olmedo", None),            # a lone word may be a surname
    ("ONU Mujeres", None),       # an acronym is no given name
    ("Rosa y Luis", None),       # two people
])
def test_given_name_gender(name, expected):
    from newsclaims.names import given_name_gender
    assert given_name_gender(name) == expected


def test_person_entities_have_a_gender(extractor):
    text = "La senadora Marta Gil se reunió con Pedro Vela en el puerto de Vigo. Gil dijo que el acuerdo llega pronto."
    d = extractor.extract_text(text, "t.txt")
    people = {e["name"]: (e["gender"], e["gender_evidence"]) for e in d["entities"] if e["label"] == "PER"}
    assert people.get("Marta Gil") == ("female", "senadora"), people
    assert people.get("Pedro Vela") == ("male", "nombre: Pedro"), people
    assert all(e["gender"] is None for e in d["entities"] if e["label"] != "PER")


def test_eval_reports_gender_accuracy_and_coverage():
    r = CliRunner().invoke(app, ["eval", "fixtures/eval", "--speakers", "fixtures/eval/speakers.tsv",
                                 "--format", "json", "--details"])
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    g = d["speaker_gender"]
    assert set(g) == {"accuracy", "coverage", "labelled"} and g["labelled"] >= 1
    assert 0 <= g["coverage"] <= 1 and d["details"]["wrong_genders"] == []


# --- anonymous sources (the same issue: who is given a voice) --------------------------------------

from newsclaims.rules import examples  # noqa: E402


@pytest.mark.parametrize("phrase, example", examples("anonymity_formulas.tsv"))
def test_a_source_asking_not_to_be_named_is_anonymous_and_says_nothing_else(claims_of, phrase, example):
    claims = claims_of(example)
    assert len(claims) == 1, [c["content"]["text"] for c in claims]  # the formula is no claim
    assert claims[0]["speaker"]["anonymous"] is True


def test_named_speakers_are_not_anonymous_and_unnamed_sources_are(claims_of):
    text = "La ministra Ana Ruiz dijo que habrá ayudas. Fuentes del ministerio dijeron que llegarán en mayo."
    by_name = {c["speaker"]["name"]: c["speaker"]["anonymous"] for c in claims_of(text)}
    assert by_name == {"Ana Ruiz": False, "Fuentes del ministerio": True}
