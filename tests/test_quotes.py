import pytest

from newsclaims.pipeline.quotes import find_quotes


def contents(text):
    return [(text[q.start:q.end], q.balanced) for q in find_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ("Dijo: “Vamos a ganar”.", [("Vamos a ganar", True)]),
    ("Dijo: «Vamos a ganar».", [("Vamos a ganar", True)]),
    ('Dijo: "Vamos a ganar".', [("Vamos a ganar", True)]),
    ("Dijo: ‘Vamos a ganar’.", [("Vamos a ganar", True)]),
    ("«El lema “nunca más” sigue vivo», afirmó.", [("El lema “nunca más” sigue vivo", True)]),
    ("«No vamos —dijo el alcalde— a ceder»", [("No vamos —dijo el alcalde— a ceder", True)]),
    ("La ONG l’Escola dijo ‘basta’ hoy.", [("basta", True)]),
])
def test_marks(text, expected):
    assert contents(text) == expected


def test_nested_quote_is_listed_inside():
    text = "«El lema “nunca más” sigue vivo»"
    (q,) = find_quotes(text)
    assert [text[a:b] for a, b in q.inner] == ["nunca más"]


def test_unbalanced_quote_stops_at_paragraph_end():
    text = "Dijo “esto no se cierra\n\nOtro párrafo con “una cita” completa."
    assert contents(text) == [("esto no se cierra", False), ("una cita", True)]


def test_quote_reopened_in_next_paragraph_continues():
    text = "«Primera parte.\n\n«Segunda parte», dijo."
    (q,) = find_quotes(text)
    assert text[q.start:q.end].startswith("Primera parte.") and text[q.start:q.end].endswith("Segunda parte")


def test_a_straight_mark_left_open_before_a_straight_pair_does_not_run_into_the_next_paragraph():
    # the source lost a closing mark; the next paragraph's quotation is its own, not a continuation
    text = ('Dijo que habrá "ayudas para los pescadores, así como "para los agricultores" que lo pidan.\n\n'
            '"Son ayudas de emergencia. Llegarán en mayo", añadió.')
    assert [text[q.start:q.end] for q in find_quotes(text)][-1] == "Son ayudas de emergencia. Llegarán en mayo"


def test_a_straight_quotation_reopened_in_the_next_paragraph_still_continues():
    text = '"Primera parte.\n\n"Segunda parte", dijo.'
    (q,) = find_quotes(text)
    assert text[q.start:q.end].startswith("Primera parte.") and text[q.start:q.end].endswith("Segunda parte")


def test_stray_closing_mark_is_ignored():
    assert contents("Un cierre suelto” y luego “una cita”.") == [("una cita", True)]


def test_odd_straight_quotes_do_not_swallow_the_article():
    text = 'Dijo "uno dos" y "tres\n\nPárrafo siguiente sin comillas.'
    assert contents(text) == [("uno dos", True), ("tres", False)]


def test_lost_opening_mark_before_comma_closes_a_paragraph_quotation():
    text = "Intro.\n\nTodas las escuelas abrirán el lunes con normalidad. Gracias”, dijo.\n\nOtro “ok”."
    qs = find_quotes(text)
    assert [(text[q.start:q.end], q.orphan) for q in qs] == [
        ("Todas las escuelas abrirán el lunes con normalidad. Gracias", True), ("ok", False)]


def test_opening_mark_typed_for_a_closing_one_closes():
    text = "“Subir el presupuesto reducirá el riesgo“, apunta la economista. Luego “otra cita” más."
    assert contents(text) == [("Subir el presupuesto reducirá el riesgo", True), ("otra cita", True)]


@pytest.mark.parametrize("text, expected", [
    # a straight mark closed by a curly one, and the other way round
    ('La pista se cerró. "Las piedras pueden dañar los aviones”, explicó el piloto. Luego “otra cita” más.',
     [("Las piedras pueden dañar los aviones", True), ("otra cita", True)]),
    ('La pista se cerró. “Las piedras pueden dañar los aviones", explicó el piloto. Luego "otra cita" más.',
     [("Las piedras pueden dañar los aviones", True), ("otra cita", True)]),
    # a straight pair inside a curly quotation is still nested in it
    ('“El llamado "plan B" no sirve”, dijo.', [('El llamado "plan B" no sirve', True)]),
    ('"El llamado “plan B” no sirve", dijo.', [("El llamado “plan B” no sirve", True)]),
])
def test_a_quotation_whose_marks_are_of_two_kinds_closes(text, expected):
    assert contents(text) == expected


def test_nested_opening_mark_before_a_word_still_nests():
    text = "«El lema “nunca más” sigue vivo», afirmó."
    assert contents(text) == [("El lema “nunca más” sigue vivo", True)]


def test_closing_mark_typed_for_an_opening_one_at_a_sentence_start_opens():
    text = "La empresaria lo sabe bien. ” Ya estamos viendo cómo cambia todo”. Fin del párrafo."
    assert contents(text) == [(" Ya estamos viendo cómo cambia todo", True)]
    assert contents("Un cierre suelto” y luego “una cita”.") == [("una cita", True)]


def test_a_nested_quote_closing_at_the_paragraph_end_closes_the_outer_one():
    text = ('"No es tarea del club opinar de política, dijo, pero admitió que hay "socios que simpatizan con el alcalde".\n\n'
            '"No haremos campaña en el estadio", dijo después.')
    qs = find_quotes(text)
    assert [text[q.start:q.end] for q in qs] == [
        'No es tarea del club opinar de política, dijo, pero admitió que hay "socios que simpatizan con el alcalde',
        "No haremos campaña en el estadio"]


def test_an_open_quotation_still_continues_into_a_reopened_paragraph():
    text = "«Primera parte, con “una cita” dentro.\n\n«Segunda parte», dijo."
    (q,) = find_quotes(text)
    assert text[q.start:q.end].endswith("Segunda parte")


def test_the_medium_addressing_its_reader_is_no_cue(claims_of):
    text = ("El puente viejo cerró el lunes.\n\nLa obra durará un mes. Te recomendamos: Cierran el puente viejo por "
            "obras \"Nadie nos avisó del corte\", dijo la vecina Lidia Marcos.")
    claims = claims_of(text)
    assert [c["cue"]["text"] for c in claims] == ["dijo"]
    assert claims[0]["content"]["text"] == "Nadie nos avisó del corte"
    assert not [c for c in claims_of("Te contamos que el festival vuelve en agosto.") if c["cue"]]


@pytest.mark.parametrize("text, expected", [
    # the narrator's interruption closing the paragraph is no speech
    ("—No cederemos en nada —dijo el alcalde—.", ["No cederemos en nada"]),
    ("—No cederemos en nada —dijo el alcalde.", ["No cederemos en nada"]),
    # closing a sentence: the next sentence is a quotation of its own
    ("—Llegarán en marzo sin falta —dijo el ministro—. Todo depende del proveedor.",
     ["Llegarán en marzo sin falta", "Todo depende del proveedor."]),
    # inside a sentence: one statement, the interruption included (guidelines rule 2)
    ("—No cederemos —dijo el alcalde— en nada de lo que pidan.",
     ["No cederemos —dijo el alcalde— en nada de lo que pidan."]),
    ("—Llegarán en marzo —dijo el ministro—, pero todo depende del proveedor.",
     ["Llegarán en marzo —dijo el ministro—, pero todo depende del proveedor."]),
])
def test_dialogue_dash_and_the_narrators_interruption(text, expected):
    assert [text[q.start:q.end] for q in find_quotes(text)] == expected


def test_a_mark_opened_again_before_any_closing_one_was_left_open():
    # the source forgot to close the first quotation; the same mark opened again is no nesting
    text = ("Contó su caso un vecino, “me operaron rápido y volví a casa. “El trato fue bueno, aunque la espera fue "
            "larga”, dijo su hija. “Faltan camas en invierno”, añadió la enfermera.\n\nOtro párrafo.")
    assert contents(text) == [("me operaron rápido y volví a casa.", False),
                              ("El trato fue bueno, aunque la espera fue larga", True), ("Faltan camas en invierno", True)]


def test_an_opening_mark_before_a_comma_closes():
    # «…« typed for the closing mark: no quotation opens on a comma
    text = "El club dijo: «Nadie nos avisó del cambio «, dijo un portavoz.\n\n«Lo sabremos mañana», añadió."
    assert contents(text) == [("Nadie nos avisó del cambio", True), ("Lo sabremos mañana", True)]


def test_a_short_phrase_quoted_at_the_paragraphs_end_stays_nested():
    # one mark typed for two: “… por culpa del “ahorro”. closes both
    text = "Indicó: “Cerraron la escuela del barrio por culpa del “ahorro”.\n\nOtro párrafo."
    assert [c for c, _ in contents(text)] == ["Cerraron la escuela del barrio por culpa del “ahorro”."]


def test_a_quotation_after_a_short_adverbial_lead_continues_the_current_speaker(claims_of):
    text = ("“El festival crecerá este año”, dijo la directora Irene Salas. Por ejemplo, “la última edición fue un "
            "éxito de público y de crítica”.")
    found = [(c["speaker"]["name"], c["content"]["text"]) for c in claims_of(text)]
    assert ("Irene Salas", "la última edición fue un éxito de público y de crítica") in found


def test_a_quotation_after_a_lead_with_a_verb_or_a_name_is_no_floating_quotation(claims_of):
    text = ("“El festival crecerá este año”, dijo la directora Irene Salas. En Lima, “la última edición fue un éxito "
            "de público y de crítica”.")
    assert [c["content"]["text"] for c in claims_of(text)] == ["El festival crecerá este año"]


@pytest.mark.parametrize("q, a", [("P.", "R."), ("P:", "R:"), ("Pregunta.", "Respuesta.")])
def test_an_interview_set_as_questions_and_answers_gives_the_answers_to_the_interviewee(claims_of, q, a):
    text = (f"La escultora Marta Ibáñez expone en Bilbao.\n\n{q} ¿Cómo empezó todo?\n\n{a} Empezó en el taller de "
            f"mi padre, entre virutas y herramientas viejas.\n\n{q} ¿Y ahora?\n\n{a} Ahora trabajo el hierro, que es "
            "lo que siempre quise hacer.")
    found = [(c["speaker"]["name"], c["content"]["text"]) for c in claims_of(text)]
    assert found == [("Marta Ibáñez", "Empezó en el taller de mi padre, entre virutas y herramientas viejas"),
                     ("Marta Ibáñez", "Ahora trabajo el hierro, que es lo que siempre quise hacer")]


def test_answer_markers_without_questions_are_plain_text(claims_of):
    assert not claims_of("R. Martín ganó la carrera de ayer en el circuito del norte.")


def test_a_quotation_never_closed_ends_before_a_sentence_that_opens_with_a_cue(claims_of):
    # the closing mark was forgotten; "Dijo que …" is narration again, its own claim
    text = ("La alcaldesa Marta Gil pidió un voto “libre y sin miedo en los doce distritos. "
            "Dijo que la jornada electoral será tranquila en toda la provincia.")
    claims = [c for c in claims_of(text) if c["cue"] and c["cue"]["text"] == "Dijo"]
    assert len(claims) == 1 and claims[0]["content"]["text"].startswith("que la jornada")
    assert claims[0]["speaker"]["name"] == "Marta Gil"
