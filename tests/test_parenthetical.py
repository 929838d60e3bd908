"""Cues and sources between commas mid-sentence, without quote marks: one claim, the interruption
included (guidelines rule 10).  Sentences written for these tests."""
import pytest

CASES = [
    # (text, cue, speaker name, content)
    ("La arquitecta Marta Ibáñez presentó la obra. A partir de ahora, recalcó, los plazos serán más cortos.",
     "recalcó", "Marta Ibáñez", "A partir de ahora, recalcó, los plazos serán más cortos"),
    ("La madera, afirma el arquitecto Pablo Ortiz, envejece bien en los climas húmedos.",
     "afirma", "Pablo Ortiz", "La madera, afirma el arquitecto Pablo Ortiz, envejece bien en los climas húmedos"),
    ("La subida, según el sindicato, afectará a miles de familias.",
     "según", "sindicato", "La subida, según el sindicato, afectará a miles de familias"),
    ("El retraso, según la ingeniera, obedece a la falta de acero en el puerto.",
     "según", None, "El retraso, según la ingeniera, obedece a la falta de acero en el puerto"),
    # a discourse marker between the cue and its subject
    ("La cosecha, dijo por su parte el agrónomo Luis Soto, será la mejor en diez años.",
     "dijo", "Luis Soto", "La cosecha, dijo por su parte el agrónomo Luis Soto, será la mejor en diez años"),
    # quote marks inside mixed content are kept: the closing mark ends it
    ("El problema, explicó la tesorera Ana Gil, es que “nadie quiere pagar la obra”.",
     "explicó", "Ana Gil", "El problema, explicó la tesorera Ana Gil, es que “nadie quiere pagar la obra”"),
    ("Los vecinos, recordó el párroco Tomás Vera, llevan años pidiendo \"una plaza con sombra\".",
     "recordó", "Tomás Vera", "Los vecinos, recordó el párroco Tomás Vera, llevan años pidiendo \"una plaza con sombra\""),
]


@pytest.mark.parametrize("text, cue, name, content", CASES, ids=[c[1] + str(i) for i, c in enumerate(CASES)])
def test_parenthetical(claims_of, text, cue, name, content):
    claims = [c for c in claims_of(text) if c["cue"] and c["cue"]["text"] == cue]
    assert len(claims) == 1, claims_of(text)
    c = claims[0]
    assert c["content"]["text"] == content
    if name is not None:
        assert c["speaker"]["name"] == name


def test_a_source_between_commas_before_a_speech_verb_is_not_a_second_claim(claims_of):
    text = "El portavoz Jaime Ortega, según el comunicado, lamentó que no haya acuerdo."
    assert [c["cue"]["text"] for c in claims_of(text)] == ["lamentó"]


def test_a_subject_between_commas_is_not_a_parenthetical_cue(claims_of):
    # "La presidenta del consejo, reconoció …": no finite verb before the comma, no claim of that shape
    text = "La presidenta del consejo, reconoció ayer, tiene problemas."
    assert not [c for c in claims_of(text) if c["content"]["text"].startswith("La presidenta")]


def test_a_source_ends_at_the_comma_before_a_predicate_the_model_took_for_an_adjective(claims_of):
    text = ("El precio del trigo, que subió un tercio este año, según el Consejo Cerealista Andino, desemboca en "
            "la escasez de harina en los mercados.")
    (c,) = claims_of(text)
    assert c["speaker"]["text"] == "el Consejo Cerealista Andino"
    assert c["content"]["text"] == text[:-1]  # the whole sentence, the interruption included (rule 10)


def test_source_between_commas_in_a_relative_clause_vouches_for_the_clause_only(claims_of):
    (claim,) = claims_of("La costa vive una ola de calor que, según el servicio meteorológico, durará hasta "
                         "el domingo por la noche.")
    assert claim["type"] == "according_to"
    assert claim["content"]["text"] == "durará hasta el domingo por la noche"
    assert claim["speaker"]["text"] == "el servicio meteorológico"


def test_a_fragment_around_the_cue_counts_when_it_quotes_the_speaker(claims_of):
    text = ("La alcaldesa Nuria Vidal pidió más fondos para el puerto. Y sobre todo, subrayó, para "
            "garantizar “el mantenimiento de los muelles” cada invierno.")
    (c,) = [c for c in claims_of(text) if c["cue"] and c["cue"]["text"] == "subrayó"]
    assert c["type"] == "mixed" and c["speaker"]["name"] == "Nuria Vidal"
    assert c["content"]["text"].startswith("Y sobre todo, subrayó, para garantizar")


def test_a_fragment_around_the_cue_without_quoted_words_is_no_claim(claims_of):
    text = "La alcaldesa Nuria Vidal pidió más fondos. Y sobre todo, subrayó, para el puerto."
    assert not [c for c in claims_of(text) if c["cue"] and c["cue"]["text"] == "subrayó"]


@pytest.mark.parametrize("phrase", ["Según el", "A decir del", "De acuerdo con el"])
def test_a_described_source_named_between_commas_is_not_content(claims_of, phrase):
    # the small model tags this name as something other than a person; its given name tells
    text = f"{phrase} director del hospital, Andrés Quiroga, los pacientes están estables."
    (c,) = claims_of(text)
    assert c["content"]["text"] == "los pacientes están estables"
    assert c["speaker"]["name"] == "Andrés Quiroga"


def test_a_place_after_a_data_source_is_content(claims_of):
    (c,) = claims_of("De acuerdo con datos del portal Vía Rápida, Reino Unido e Italia son los países más afectados.")
    assert c["content"]["text"] == "Reino Unido e Italia son los países más afectados"


def test_an_attributed_sentence_ends_before_the_medium_that_relays_it(claims_of):
    text = "Según el Instituto de Censos, el paro bajó dos puntos en la región, publicó el diario La Costa."
    c = next(c for c in claims_of(text) if c["type"] == "according_to")
    assert c["content"]["text"] == "el paro bajó dos puntos en la región"
    # a speech verb that opens a clause of the content's own subject does not end it
    text = "Según el sociólogo Tomás Llano, los gremios, “cansados de esperar”, sostienen que el salario no alcanza."
    c = next(c for c in claims_of(text) if c["type"] == "according_to")
    assert c["content"]["text"].endswith("sostienen que el salario no alcanza")


def test_what_was_reported_by_a_body_names_the_body(claims_of):
    (c,) = claims_of("Titular.\n\nDe acuerdo con lo informado por la Secretaría de Pesca, hay 40 barcos varados.")
    assert c["speaker"]["name"] == "Secretaría de Pesca"
    (c,) = claims_of("Titular.\n\nDe acuerdo a lo narrado, el hombre huyó.")
    assert c["speaker"] is None or c["speaker"]["name"] is None


def test_a_verb_in_the_future_before_one_comma_is_no_aside(claims_of):
    # "suponer" is a cue ("supuso que …"), but an aside reports what was said, never what will be
    text = "La nueva tarifa supondrá, como mínimo, un ahorro que notarán quienes viajan a diario."
    assert not [c for c in claims_of(text) if c["cue"] and c["cue"]["text"] == "supondrá"]


def test_a_relative_clause_about_the_speaker_is_not_more_of_the_content(claims_of):
    text = ("El museo abrirá los lunes, comentó Lucía Ferrer, directora del patronato, quien dijo que la "
            "entrada seguirá siendo gratuita.")
    found = {c["cue"]["text"]: c["content"]["text"] for c in claims_of(text)}
    assert found == {"comentó": "El museo abrirá los lunes", "dijo": "que la entrada seguirá siendo gratuita"}


def test_a_relative_clause_after_an_adjective_inside_the_interrupted_sentence(claims_of):
    text = ("De hecho, explicó la rectora Sara Gil, en el laboratorio químico que reabrió en marzo, solo hay "
            "tres microscopios.")
    (c,) = claims_of(text)
    assert c["content"]["text"] == text.rstrip(".") and c["speaker"]["name"] == "Sara Gil"
