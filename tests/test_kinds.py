"""Speaker kinds: person, group, organisation, document (``newsclaims.pipeline.kinds``).

Every sentence here is written for the tests."""
import json

import pytest
from typer.testing import CliRunner

from newsclaims.cli import app
from newsclaims.pipeline.kinds import KINDS, noun_kind, speaker_kind
from newsclaims.rules import read_table


@pytest.mark.parametrize("word, kind", [
    ("ministra", "person"), ("ministros", "group"), ("fuente", "person"), ("fuentes", "group"),
    ("informe", "document"), ("informes", "document"), ("datos", "document"), ("análisis", "document"),
    ("ministerio", "organisation"), ("diario", "organisation"), ("familia", "group"),
    ("cirujana", "person"), ("manifestantes", "group"),    # agent nouns no table lists
    ("coreógrafa", "person"), ("cartógrafos", "group"),    # (in -ógrafo: who writes or draws)
    ("jueces", "group"), ("actrices", "group"),            # plurals in -ces of nouns in -z
    ("petición", None), ("demoras", None), ("voto", None),  # nothing that can speak
    ("francés", "person"), ("chilena", "person"), ("uruguayos", "group"),  # demonyms (demonyms.tsv)
    ("China", None),                                       # a capitalised demonym form is a name
])
def test_noun_kind(word, kind):
    assert noun_kind(word) == kind


@pytest.mark.parametrize("name, text, label, kind", [
    ("Ana Ruiz", "la ministra", "PER", "person"),
    ("Ana Ruiz y Luis Soto", "Ana Ruiz y Luis Soto", "PER", "group"),
    ("Consejería de Riego y Ganadería", "la CRG", "PER", "organisation"),     # a body's two fields, tagged PER
    ("Secretaría de Pesca", "la Secretaría de Pesca", "PER", "organisation"),  # a body the model tagged PER
    ("Bielorrusia", "Bielorrusia", "LOC", "organisation"),                    # a country acting as a body
    ("informe de la Oficina del Agua", "el informe", "ORG", "document"),
    ("Gaceta del Sur", "el diario", "ORG", "organisation"),                  # the words say what it is
    # the body whose figures are cited is the speaker, not its document
    ("Aerovías Andinas", "cifras publicadas por Aerovías Andinas el lunes", "ORG", "organisation"),
    ("Oficina del Agua", "las cifras de la Oficina del Agua", "ORG", "organisation"),
    # the owner's noun may stand between the document and its owner's name, whatever the label
    ("Voz del Valle", "una información del semanario Voz del Valle", "ORG", "organisation"),
    ("Voz Libre", "el cibersitio Voz Libre", "PER", "organisation"),          # a medium the model tagged PER
    ("Eco Diario", "el tabloide Eco Diario", "PER", "organisation"),
    ("Rutas Claras", "los datos de Rutas Claras", "LOC", "organisation"),
    # the owner named by its acronym, the speaker by its full name
    ("Instituto Andino de Estadística", "la información del IAE", "ORG", "organisation"),
    ("informe del Instituto Andino de Estadística", "el informe del IAE", "ORG", "document"),
    ("Inés Calvo", "las declaraciones de Inés Calvo", "PER", "person"),
    ("Ley de Aguas", "el artículo 3 de la Ley de Aguas", "MISC", "document"),
    # a plural noun for people opening the sentence, tagged as a person's name
    ("Bomberos de la zona", "Bomberos de la zona", "PER", "group"),
    ("Socorristas", "Socorristas", "PER", "group"),
    ("policía regional", "la policía", "ORG", "organisation"), ("Iván Lara", "el policía", "PER", "person"),
    ("Reyes", "Reyes", "PER", "person"), ("Fuentes", "Fuentes", "PER", "person"),  # surnames that are plural nouns
    ("fuentes del ministerio", "fuentes del ministerio", "ANON", "group"),
    ("un funcionario de Hacienda", "un funcionario de Hacienda", "ANON", "person"),
    ("Decenas de participantes", "Decenas de participantes", "MISC", "group"),
    ("alcance del régimen", "el alcance del régimen", "MISC", None),
    # a demonym before a body's name qualifies it
    ("estadounidense Oficina del Agua", "la estadounidense Oficina del Agua", "ORG", "organisation"),
    # an adjective before the noun the tables type; not a demonym after a noun they do not
    (None, "el principal asesor del ministro", "PER", "person"),
    ("gran alianza de vecinos", "la gran alianza de vecinos", "MISC", "organisation"),
    ("gaceta peruana", "la gaceta peruana", "MISC", None),
    ("sistema ferroviario", "el sistema ferroviario", "MISC", None),  # an adjective that looks like an agent
    (None, None, "PER", None),
    # a body's short name the model tagged a person: after "la", or in capitals the article also
    # writes as a word; a surname, a title or an acronym alone stays as it was
    ("Fenaval", "la Fenaval", "PER", "organisation"), ("Fenaval", "FENAVAL", "PER", "organisation"),
    ("Quiroga", "Quiroga", "PER", "person"), ("Viceministra", "la Viceministra", "PER", "person"),
    ("JFK", "JFK", "PER", "person"),
    # a noun no table types is no person for the tag it was given; a person's noun is
    ("discurso", "El discurso", "PER", None), ("avances", "los avances", "PER", None),
    ("vecina", "una vecina", "PER", "person"),
    # one word with a capital inside: a firm's, a medium's or an app's name (as written, or named so);
    # a surname's prefix is a person's
    ("PolyNews", "PolyNews", "PER", "organisation"), ("Tulcadiario", "TulcaDiario", "PER", "organisation"),
    ("McTavish", "McTavish", "PER", "person"), ("DiLuca", "DiLuca", "PER", "person"),
    ("LeRoux", "LeRoux", "PER", "person"), ("McArthur's", "McArthur's", "PER", "organisation"),
    # a body named by its field, an abstract noun, tagged a person; not a given name and a particle
    ("Atención de Emergencias", "Atención de Emergencias", "PER", "organisation"),
    ("Soledad de la Vega", "Soledad de la Vega", "PER", "person"),
    # an institution's noun whose ending is an agent's ("-ano")
    (None, "el órgano colegiado", "MISC", "organisation"),
    # a document's noun alone opening a caption, tagged a person; a surname that is a noun stays a person
    ("Mensaje", "Mensaje", "PER", "document"), ("Informe", "Informe", "PER", "document"),
    ("Rosa", "Rosa", "PER", "person"),
])
def test_speaker_kind(name, text, label, kind):
    assert speaker_kind(name, text, label) == kind


def test_a_name_described_as_a_person_is_one_whatever_its_label():
    assert speaker_kind("Valdemora Quiroga", "Quiroga", "ORG") == "organisation"
    assert speaker_kind("Valdemora Quiroga", "Quiroga", "ORG", {"Valdemora Quiroga"}) == "person"


@pytest.mark.parametrize("name, label, kind", [
    ("Tadeo Quiroga", "MISC", "person"),    # a given name and a surname the model left untyped
    ("Tadeo Quiroga", "LOC", "person"),     # ... or took for a place ("Quiroga" alone at the claim)
    ("Tadeo Quiroga", "ORG", "organisation"),  # the model's ORG stays ("Rosa Náutica", a company)
    ("Fundación Tadeo Quiroga", "LOC", "organisation"),  # a body named after a person
])
@pytest.mark.usefixtures("lexicon")
def test_a_full_name_with_a_given_name_is_a_person(name, label, kind):
    assert speaker_kind(name, name.split()[-1], label) == kind


@pytest.mark.parametrize("noun, kind, example", read_table("speaker_kinds.tsv", 3), ids=lambda v: str(v)[:20])
def test_speaker_kinds_table_rows(noun, kind, example):
    assert kind in KINDS
    assert noun_kind(noun) == kind
    assert noun.lower() in example.lower(), "the example uses the noun"


@pytest.mark.parametrize("text, kind", [
    ("La ministra de Pesca, Dolores Ibáñez, dijo que habrá vedas.", "person"),
    ("Los pescadores del puerto denunciaron que no hay hielo.", "group"),
    ("El ministerio de Pesca informó que la veda empieza en mayo.", "organisation"),
    ("El informe del observatorio advierte que la merluza escasea.", "document"),
    ("Fuentes de la cofradía aseguraron que la flota no saldrá.", "group"),
    ("El principal asesor del ministro dijo que la veda empieza en mayo.", "person"),
])
def test_claims_carry_the_speaker_kind(claims_of, text, kind):
    claims = claims_of(text)
    assert claims and claims[0]["speaker"]["kind"] == kind, claims


def test_a_bodys_short_name_is_the_body_the_article_introduced(claims_of):
    # "el diario Eco de Lima" … "según Eco": the short name of a medium, not a person
    text = ("El diario Eco de Lima informó que el acuerdo está cerca. Según Eco, el gobierno considera que la "
            "negociación fue dura.")
    claim = next(c for c in claims_of(text) if c["type"] == "according_to")
    assert claim["speaker"]["name"] == "Eco" and claim["speaker"]["kind"] == "organisation"


def test_an_adjective_standing_for_a_person_is_that_person(claims_of):
    text = ("La atleta Marta Ibarra ganó los 400 metros. La venezolana dijo que la pista estaba rápida.")
    claim = next(c for c in claims_of(text) if c["cue"]["text"] == "dijo")
    assert claim["speaker"]["name"] == "Marta Ibarra"
    assert claim["speaker"]["text"] == "La venezolana"
    assert claim["speaker"]["kind"] == "person"


def test_this_last_one_is_the_person_named_last(claims_of):
    text = ("El portero Íñigo Salaverri habló con el árbitro. Este último aseguró que la falta fue clara.")
    claim = next(c for c in claims_of(text) if c["cue"]["text"] == "aseguró")
    assert claim["speaker"]["kind"] == "person" and claim["speaker"]["name"] != "último"


def test_eval_reports_kind_accuracy_over_right_speakers():
    r = CliRunner().invoke(app, ["eval", "fixtures/eval", "--pred", "fixtures/eval/nota.kinds.pred.jsonl",
                                 "--speakers", "fixtures/eval/speakers.tsv", "--details", "--format", "json"])
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    # Two matched claims have a right speaker (both Tomás Herrera): one typed person, one organisation.
    assert d["speaker_kind"]["labelled"] == 2
    assert d["speaker_kind"]["accuracy"] == 0.5
    assert d["speaker_kind"]["by_kind"] == {"person": {"gold": 2, "accuracy": 0.5}}
    assert [(m["gold"], m["predicted"]) for m in d["details"]["wrong_kinds"]] == [("person", "organisation")]


def test_eval_without_labels_has_no_kind_figures():
    r = CliRunner().invoke(app, ["eval", "fixtures/eval", "--pred", "fixtures/eval/nota.pred.jsonl", "--details",
                                 "--format", "json"])
    d = json.loads(r.stdout)
    assert "speaker_kind" not in d and "wrong_kinds" not in d["details"]


def test_a_malformed_labels_file_is_a_usage_error(tmp_path):
    bad = tmp_path / "labels.tsv"
    bad.write_text("doc\tspeaker\tkind\nnota.txt\tTomás Herrera\tpersona\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["eval", "fixtures/eval", "--pred", "fixtures/eval/nota.pred.jsonl",
                                 "--speakers", str(bad), "--format", "json"])
    assert r.exit_code == 2
    assert "kind must be one of" in r.stderr


@pytest.mark.parametrize("name, text, kind", [
    ("SAT", "el SAT", "organisation"),     # an article before an acronym: a body, whatever the tag
    ("ONG", "la ONG", "organisation"),
    ("AMLO", "AMLO", "person"),            # an acronym alone may be a person's
])
def test_an_acronym_after_an_article_is_a_body(name, text, kind):
    assert speaker_kind(name, text, "PER") == kind


def test_a_document_the_speaker_owns_is_typed_by_its_owner(claims_of):
    # "según sus cálculos" named for the person whose calculations they are: a person speaks
    text = "La economista Inés Calvo habló ayer en el foro. Según sus cálculos, la deuda se duplicará en diez años."
    claim = next(c for c in claims_of(text) if c["cue"]["text"] == "Según")
    assert (claim["speaker"]["name"], claim["speaker"]["kind"]) == ("Inés Calvo", "person")


def test_a_name_introduced_with_an_organisations_noun_is_an_organisation(claims_of):
    # the model may tag a one-word masthead as a person; "el diario alemán Gaceta" says what it is
    text = "El diario alemán Hoffmann publicó la entrevista ayer. Hoffmann explica que el equipo no tiene defensa."
    claim = next(c for c in claims_of(text) if c["cue"]["text"] == "explica")
    assert (claim["speaker"]["name"], claim["speaker"]["kind"]) == ("Hoffmann", "organisation")


@pytest.mark.parametrize("text, kind", [
    # one of several people is a person
    ("Una de las autoras del informe, Rita Solano, explicó que faltan datos.", "person"),
    ("Uno de los vecinos explicó que faltan datos.", "person"),
    # a share of them is a group
    ("Uno de cada diez vecinos explicó que faltan datos.", "group"),
])
def test_one_of_several_people_is_a_person(claims_of, text, kind):
    (c,) = claims_of(text)
    assert c["speaker"]["kind"] == kind


def test_somebodys_version_speaks_as_a_document_named_with_its_author(claims_of):
    # "versión" ends like an abstract noun, but a version of the facts says things
    (c,) = claims_of("La versión de Tomás Vidal confirmó que la cantante formaba parte de un acuerdo.")
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == ("versión de Tomás Vidal", "document")


def test_a_masthead_opening_with_another_languages_article_is_an_organisation(claims_of):
    # "The" is no given name, whatever a name lexicon lists
    text = "El diario The Morning Ledger publicó la lista de donantes. The Morning Ledger dijo que la lista es pública."
    (c,) = claims_of(text)
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == ("The Morning Ledger", "organisation")


def test_a_name_a_plural_cue_speaks_from_is_an_organisation(claims_of):
    (c,) = claims_of("Desde Roxy Lucero aseguran que ampliarán los horarios.")
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == ("Roxy Lucero", "organisation")


def test_a_force_written_as_a_name_is_an_organisation_an_officer_a_person(claims_of):
    (c,) = claims_of("La Policía Municipal informó que hay dos detenidos.")
    assert c["speaker"]["kind"] == "organisation"
    (c,) = claims_of("El policía Luis Soto dijo que hay dos detenidos.")
    assert c["speaker"]["kind"] == "person"


@pytest.mark.usefixtures("lexicon")
def test_a_given_name_that_is_a_noun_too_opens_a_persons_name():
    # "norma" is a document's noun, "Norma" a given name: the surname alone names the person
    assert speaker_kind("Norma Ibarra Cuéllar", "Ibarra Cuéllar", "PER") == "person"
    assert speaker_kind("Norma de Calidad del Agua", "la Norma de Calidad del Agua", "PER") == "document"


@pytest.mark.parametrize("text, kind", [
    # an indefinite pronoun opening a sentence, which the model may tag as a person's name
    ("Los vecinos protestaron ante el ayuntamiento.\n\nOtros dijeron que la calle lleva meses cortada.", "group"),
    ("Los vecinos protestaron ante el ayuntamiento.\n\nAmbos dijeron que la calle lleva meses cortada.", "group"),
    ("Los vecinos protestaron ante el ayuntamiento.\n\nAlguien gritó que el alcalde debía dimitir.", "person"),
])
def test_an_indefinite_pronoun_is_a_group_or_a_person(claims_of, text, kind):
    assert claims_of(text)[-1]["speaker"]["kind"] == kind


@pytest.mark.parametrize("text, name, kind", [
    # one word the model tagged a thing, with no given name and nobody's name around it: a body
    ("Snapgram anunció el lunes que cerrará dos centros de datos en la región.", "Snapgram", "organisation"),
    # written as no person's name is (a capital inside it)
    ("TecnoVerde anunció que cerrará dos plantas en la región.", "TecnoVerde", "organisation"),
    # a surname of a person the article names in full stays a person
    ("La ministra Ana Ruiz visitó la zona.\n\nRuiz informó que el puente abrirá en mayo.", "Ana Ruiz", "person"),
    # a name described by a person's noun stays a person
    ("La cantante Zelia Arroyo dijo que se retira.", "Zelia Arroyo", "person"),
])
def test_a_one_word_name_with_nothing_of_a_person_is_an_organisation(claims_of, text, name, kind):
    c = claims_of(text)[-1]
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == (name, kind)


@pytest.mark.parametrize("name", ["McCartney", "DiCaprio", "MacArthur", "Sampedro"])
def test_a_surnames_inner_capital_is_no_brands(name):
    from newsclaims.pipeline.kinds import BRAND_SHAPE
    assert BRAND_SHAPE.search(name) is None
    assert BRAND_SHAPE.search("TecnoVerde") is not None and BRAND_SHAPE.search("Grupo7") is not None


@pytest.mark.usefixtures("lexicon")
def test_a_given_name_with_a_plurals_ending_is_a_person():
    # "Panos" ends as a plural agent noun would ("-anos"); the lexicon knows it as a given name
    assert speaker_kind("Panos Vidakis", "Panos Vidakis, de la Oficina de Asuntos Humanitarios", "PER") == "person"
    assert speaker_kind("Panos Vidakis", "Panos Vidakis", "LOC") == "person"


@pytest.mark.parametrize("name, label", [("The Coastal Herald", "PER"), ("Der Kurier", "PER"), ("Il Mattino Sud", "PER")])
def test_a_name_opening_with_another_language_s_article_is_no_person(name, label):
    assert speaker_kind(name, name, label) == "organisation"
