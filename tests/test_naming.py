"""Naming the right speaker right (issue 17, class 6): sources after "según", descriptions after a
name, surnames alone, full names the model did not tag as people.  Sentences written for the tests."""
from dataclasses import replace

import pytest

from newsclaims.claims import Claim, Speaker
from newsclaims.entities import Entity
from newsclaims.names import written_full_names
from newsclaims.pipeline import naming
from newsclaims.pipeline.kinds import speaker_kind


def first(claims_of, text):
    c = claims_of(text)[0]
    return (c["speaker"] or {}).get("name"), c["content"]["text"]


@pytest.mark.parametrize("text, name, content", [
    # a description after the name is the name's, not the content's
    ("Según Ana Ruiz, portavoz del ministerio, el plan empieza en mayo.", "Ana Ruiz", "el plan empieza en mayo"),
    ("Según Irene Sáez Campos, bióloga del Instituto del Mar (IDM), en la costa norte, y autora del informe, "
     "dos de cada tres corales están dañados.", "Irene Sáez Campos", "dos de cada tres corales están dañados"),
    # a clause after the comma is content
    ("Según Ana Ruiz, el plan, que es caro, empieza en mayo.", "Ana Ruiz", "el plan, que es caro, empieza en mayo"),
    # any verb between "según" and an article introduces the source
    ("Según refleja una encuesta regional difundida el martes, los jóvenes leen más que antes.",
     "encuesta regional", "los jóvenes leen más que antes"),
    # the body behind the figures, not the figures or the day
    ("Según datos facilitados por la Junta Portuaria ayer, el tráfico de barcos creció en otoño.",
     "Junta Portuaria", "el tráfico de barcos creció en otoño"),
    ("Según cifras del Observatorio Rural recogidas por la Mesa del Campo, la cosecha cayó en abril.",
     "Observatorio Rural", "la cosecha cayó en abril"),
    # a partitive the article forgot to set off with a comma is no part of the name
    ("Según la FAO de esas cuatro mil granjas, mil cerraron en invierno.", "FAO", "mil cerraron en invierno"),
])
def test_sources_after_segun(claims_of, text, name, content):
    assert first(claims_of, text) == (name, content)


def test_a_surname_alone_takes_the_full_name_the_claims_give(claims_of):
    text = ("Según Baltasar Quiles, gerente de la cooperativa Trigo Limpio, lo más sensato es vender en otoño. "
            "\"Nadie quiere perder la cosecha\", añade Quiles.")
    names = [(c["speaker"]["name"], c["speaker"]["text"], c["speaker"]["kind"]) for c in claims_of(text)]
    assert names == [("Baltasar Quiles", "Baltasar Quiles", "person"), ("Baltasar Quiles", "Quiles", "person")]


def _claim(name: str, kind: str = "person") -> Claim:
    return Claim("direct", Speaker(name, name, "PER", 0, len(name), kind=kind), None, 0, 1, 0, 1, 0.9, "test")


def test_two_full_names_with_the_surname_leave_it_alone():
    claims = [_claim("Ana Gil"), _claim("Luis Gil"), _claim("Gil")]
    naming.complete(claims, [])
    assert [c.speaker.name for c in claims] == ["Ana Gil", "Luis Gil", "Gil"]
    claims = [_claim("Gil"), _claim("Gil", kind="organisation")]
    claims[1].speaker = replace(claims[1].speaker, text="la Gil")
    naming.complete(claims, [Entity("Ana Gil", "PER", [])])
    assert [c.speaker.name for c in claims] == ["Ana Gil", "Gil"]  # a body written with its article is no surname


@pytest.mark.usefixtures("lexicon")
def test_a_given_name_alone_is_the_one_person_named_in_full_with_it():
    claims = [_claim("Rebeca la Torre"), _claim("Rebeca")]
    naming.complete(claims, [])
    assert [c.speaker.name for c in claims] == ["Rebeca la Torre"] * 2
    claims = [_claim("Rebeca la Torre"), _claim("Rebeca Olmedo"), _claim("Rebeca")]
    naming.complete(claims, [])
    assert claims[2].speaker.name == "Rebeca"  # two of that name: left alone


def test_a_surname_taken_for_a_body_written_without_article_is_the_person():
    """ "…, aseveró Barca" after "el director, Tomás Barca": the model's body is his surname."""
    claims = [_claim("Barca", kind="organisation"), _claim("Barca", kind="organisation")]
    claims[1].speaker = replace(claims[1].speaker, text="Barca, quien")
    naming.complete(claims, [Entity("Tomás Barca", "PER", [])])
    assert [(c.speaker.name, c.speaker.kind) for c in claims] == [("Tomás Barca", "person")] * 2


@pytest.mark.parametrize("name, label, kind", [
    ("Baltasar Quiles", "MISC", "person"),       # a given name first: a person, whatever the tag
    ("Datos Claros", "MISC", "document"),        # no given name: what its head says
    ("Rosa Náutica", "ORG", "organisation"),     # the model's ORG stays
])
def test_a_full_name_is_a_person_whatever_its_tag(name, label, kind):
    assert speaker_kind(name, name, label) == kind


@pytest.mark.parametrize("text, name", [
    ("Los pescadores Ramiro Oliva y Teodoro Blasco recorrieron el muelle. El segundo dijo que la lonja abre en junio.",
     "Teodoro Blasco"),
    ("Los pescadores Ramiro Oliva y Teodoro Blasco recorrieron el muelle. El primero dijo que la lonja abre en junio.",
     "Ramiro Oliva"),
])
def test_the_first_or_the_second_of_two_people(claims_of, text, name):
    assert claims_of(text)[-1]["speaker"]["name"] == name


def test_an_institution_and_its_field_split_by_the_model_are_one_name(extractor):
    from spacy.tokens import Span

    from newsclaims.entities import cluster
    doc = extractor.nlp("El alcalde citó a la Consejería de Pesca en el pleno.")
    doc.ents = [Span(doc, 5, 6, "ORG"), Span(doc, 7, 8, "PER")]  # as the small model splits such names
    assert [(e.name, e.label) for e in cluster(doc)] == [("Consejería de Pesca", "ORG")]


def test_a_given_name_the_model_split_off_joins_the_persons_name(extractor):
    from spacy.tokens import Span

    from newsclaims.entities import cluster
    doc = extractor.nlp.make_doc("Ayer Fermín José Salas Rey visitó la planta.")
    doc.ents = [Span(doc, 1, 2, "MISC"), Span(doc, 2, 5, "PER")]  # as the small model splits such names
    assert [(e.name, e.label) for e in cluster(doc)] == [("Fermín José Salas Rey", "PER")]
    doc = extractor.nlp.make_doc("Ayer Madrid Ortiz Lara visitó la planta.")
    doc.ents = [Span(doc, 1, 2, "LOC"), Span(doc, 2, 4, "PER")]  # no given name: two names
    assert sorted(e.name for e in cluster(doc)) == ["Madrid", "Ortiz Lara"]


def test_a_title_noun_before_a_given_name_is_no_medium(claims_of):
    text = "La pediatra Noelia Rivas Ferrán habló en la jornada. Rivas aconseja dormir nueve horas y comer fruta."
    assert claims_of(text)[-1]["speaker"]["name"] == "Noelia Rivas Ferrán"


def test_a_name_never_runs_on_into_the_sentence():
    claims = [_claim("Fondo Forestal la tala de los pinos"), _claim("Organización de las Naciones Unidas"),
              _claim("Isabel la Católica")]
    naming.unglue(claims)
    assert [c.speaker.name for c in claims] == ["Fondo Forestal", "Organización de las Naciones Unidas",
                                                "Isabel la Católica"]


@pytest.mark.parametrize("name, kind, cut", [
    # a body's short name set off by a comma
    ("Agencia Andina de Aguas, Andagua", "organisation", "Agencia Andina de Aguas"),
    # a description after a comma
    ("Dirección de Deportes, presidida por Laura Gil", "organisation", "Dirección de Deportes"),
    ("Peralta, de la alcaldía", "person", "Peralta"),
    # a person's name before a capitalised word after a comma is left alone (it may be a place)
    ("Peralta, Rosario", "person", "Peralta, Rosario"),
    # a body whose name lists its fields keeps the list
    ("Secretaría de Pesca, Caza y Montes", "organisation", "Secretaría de Pesca, Caza y Montes"),
])
def test_an_aside_set_off_by_a_comma_is_not_part_of_the_name(name, kind, cut):
    claims = [_claim(name, kind)]
    naming.unglue(claims)
    assert claims[0].speaker.name == cut


@pytest.mark.usefixtures("lexicon")
def test_a_persons_name_its_bodys_description_typed_an_organisation_is_a_person_again():
    claims = [_claim("Lucía Marín Sosa, diputada del Partido Verde", "organisation")]
    naming.unglue(claims)
    assert (claims[0].speaker.name, claims[0].speaker.kind) == ("Lucía Marín Sosa", "person")


def test_a_bodys_short_name_after_a_comma_is_not_the_speakers_name(claims_of):
    text = "La Agencia Andina de Aguas, Andagua, pidió este martes a los alcaldes “medidas urgentes” para los ríos."
    assert first(claims_of, text)[0] == "Agencia Andina de Aguas"


@pytest.mark.parametrize("text, name", [
    ("Los vecinos protestaron, e incluso los dirigentes del sindicato advirtieron que habrá huelga.",
     "dirigentes del sindicato"),
    ("Los médicos firmaron la carta, y también los enfermeros de la clínica afirmaron que faltan camas.",
     "enfermeros de la clínica"),
])
def test_a_focus_adverb_before_the_subject_is_not_part_of_its_name(claims_of, text, name):
    c = claims_of(text)[0]
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == (name, "group")


def test_an_unnamed_surname_takes_the_full_name():
    c = Claim("indirect", Speaker(None, "Rivas", "PER", 0, 5, kind="group"), None, 0, 1, 0, 1, 0.5, "test")
    naming.complete([c], [Entity("Noelia Rivas Ferrán", "PER", [])])
    assert (c.speaker.name, c.speaker.kind) == ("Noelia Rivas Ferrán", "person")


@pytest.mark.parametrize("word, kind", [
    ("subsecretaría", "organisation"), ("vicepresidencia", "organisation"),  # a body, by its noun
    ("subdirectora", "person"), ("exministro", "person"),                     # a person, by hers or his
    ("subasta", None),                                                        # no prefix there
])
def test_a_prefixed_noun_has_the_kind_of_its_noun(word, kind):
    from newsclaims.pipeline.kinds import noun_kind
    assert noun_kind(word) == kind


@pytest.mark.parametrize("text, name", [
    # a place or a body the model glued before the person's name is a complement's, not the name's
    ("El alcalde de Villarreal Anselmo Quirós dijo que el mercado abrirá en enero.", "Anselmo Quirós"),
    ("La jefa de Catastro Rebeca Lozada Ibarra anunció que habrá una feria de trámites.",
     "Rebeca Lozada Ibarra"),
    ("El jefe de Logística Gonzalo Marín Serra dijo que los camiones llegarán tarde.", "Gonzalo Marín Serra"),
    # a place the title names in full, then the person between commas
    ("Tras la gira, la directora del Centro Andino en Denver, Colorado, Débora Ulloa, explicó que "
     "faltan fondos para los talleres.", "Débora Ulloa"),
    # a long description and the name between commas after "a decir de"
    ("A decir del juez decano de la Sala Quinta de lo Penal del Circuito de Valdeolmos (SQP), "
     "Teodoro Aranda Gil, el fallo llegará en marzo.", "Teodoro Aranda Gil"),
])
def test_the_person_is_named_not_the_complement_before_the_name(claims_of, text, name):
    assert first(claims_of, text)[0] == name


def test_a_role_the_tagger_called_a_name_still_takes_the_name_set_off_after_it(claims_of):
    # "estratega" before a body's name is tagged a proper noun by the small model: the name after
    # the comma is still the speaker's, not the person the role was linked to before
    text = ("Para el coordinador del Centro de la Universidad Central, Ramón Gil Ortega, la ciudad no ha "
            "usado bien sus recursos.\n\nPor su parte, el estratega de la Universidad La Merced, Tomás Ibarra, "
            "aseguró que el alcalde ha \"cambiado mucho\" en su trato con los vecinos.")
    names = [(c["speaker"] or {}).get("name") for c in claims_of(text)]
    assert names == ["Ramón Gil Ortega", "Tomás Ibarra"]


@pytest.mark.parametrize("text, name", [
    # a club named by its words, one of them also a given name: the role of the club speaks
    ("El presidente del Club Toros de San Isidro anunció que el estadio cerrará en verano.",
     "presidente del Club Toros de San Isidro"),
    ("La directiva del Club Toros de San Isidro anunció que el estadio cerrará en verano.",
     "directiva del Club Toros de San Isidro"),
    # a word of a body's name that is also a given name ("Andina") starts no person's name
    ("El portavoz de la Liga Andina Rural dijo que habrá paro.", "portavoz de la Liga Andina Rural"),
    # a role described by a body's name of three capitalised words is named by its description
    ("El secretario de la Federación Minera Andina dijo que habrá paro.",
     "secretario de la Federación Minera Andina"),
    ("El presidente de la Asociación Civil Nueva Aurora dijo que habrá paro.",
     "presidente de la Asociación Civil Nueva Aurora"),
])
def test_a_role_of_a_named_body_is_named_by_its_description(claims_of, text, name):
    assert first(claims_of, text)[0] == name


def test_a_name_in_a_complement_is_no_speaker(claims_of):
    """ "el director de la Casa Almería": without a person named, "Almería" speaks for nobody."""
    name, _ = first(claims_of, "El director de la Casa Almería dijo que las visitas siguen abiertas.")
    assert name != "Almería"


def test_a_headline_role_takes_the_person_the_article_describes_later(claims_of):
    text = ("Falta diálogo en la reforma agraria, asegura juez del Tribunal Agrario de Sierra Alta\n\n"
            "A decir del juez decano del Tribunal Agrario de Sierra Alta (TASA), Ulises Carmona "
            "Vidal, faltan jueces en la región.")
    names = [(c["speaker"] or {}).get("name") for c in claims_of(text)]
    assert names == ["Ulises Carmona Vidal", "Ulises Carmona Vidal"]


@pytest.mark.parametrize("opener", [
    "Entrevistado al salir de la reunión",
    "Cuestionado sobre el tema",
    "Contrario a la propuesta del alcalde",
])
def test_a_fronted_participle_or_adjective_is_not_the_speaker(claims_of, opener):
    """ "Cuestionado sobre el tema, dijo que …": the clause describes the dropped subject."""
    text = f"La senadora Ofelia Tamez Ruiz visitó el puerto.\n\n{opener}, dijo que la obra seguirá."
    assert [(c["speaker"] or {}).get("name") for c in claims_of(text)] == ["Ofelia Tamez Ruiz"]


def test_a_body_noun_with_a_participle_form_is_still_a_speaker(claims_of):
    name, _ = first(claims_of, "Senado de Valcarria niega haber cobrado dietas dobles")
    assert name == "Senado de Valcarria"


@pytest.mark.usefixtures("lexicon")
def test_a_surname_takes_a_full_name_the_model_did_not_tag(claims_of):
    """ "La obra de Ronald Quimby llegó …" — no entity for it, but the text writes a given
    name before the surname the claim names."""
    text = "La obra de Ronald Quimby llegó a Lima en marzo.\n\n\"Fue un sueño\", dijo Quimby."
    assert first(claims_of, text)[0] == "Ronald Quimby"


def test_function_words_are_never_given_names():
    from newsclaims.names import lexicon_name, word_gender
    assert word_gender("El") is None and word_gender("Santa") is None
    # words a sentence opens with, which the lexicon lists as given names elsewhere
    for word in ("Pero", "Con", "Ante", "Durante", "Hay", "Este", "Ella"):
        assert word_gender(word) is None, word
    # another language's article opening a medium's name ("The Morning Ledger")
    for word in ("The", "Il"):
        assert word_gender(word) is None, word
    if lexicon_name() is not None:
        assert word_gender("Dolores") == "f" and word_gender("Domingo") == "m"  # real names stay


@pytest.mark.usefixtures("lexicon")
def test_a_sentence_opening_conjunction_is_no_given_name_of_a_surname():
    text = "Pero Quimby llegó tarde a la cita. Con Quimby vino la calma."
    assert written_full_names(text, "Quimby") == set()


@pytest.mark.parametrize("text, name", [
    ("El Gobernador Anselmo Ruiz Tapia dijo que habrá obras en el puerto.", "Anselmo Ruiz Tapia"),
    ("La Presidenta Rosa Elena Quintanar aseguró que no habrá cortes de agua.", "Rosa Elena Quintanar"),
    # with a capitalised qualifier of the title
    ("El Presidente Municipal Raúl de la Vega Olmos informó que el mercado abrirá el lunes.", "Raúl de la Vega Olmos"),
    ("La Fiscal General Marta Quiroga Lenz afirmó que el caso sigue abierto.", "Marta Quiroga Lenz"),
])
@pytest.mark.usefixtures("lexicon")
def test_a_capitalised_title_is_not_part_of_the_name(claims_of, text, name):
    assert first(claims_of, text)[0] == name


def test_the_antecedent_of_quien_is_the_phrase_as_written(claims_of):
    """ "… al comisario sueco para Europa Central, Hugo Swan, quien consideró …": the name, not
    the words the parse tree happens to join ("Central, Hugo Swan")."""
    text = ("La carta llegó al comisario sueco para Europa Central, Hugo Swan, quien consideró que "
            "los acuerdos son claros.")
    assert first(claims_of, text)[0] == "Hugo Swan"


def test_a_title_in_quotation_marks_names_no_speaker(claims_of):
    """ "La autora de novelas como “Luna” …": the novel is no person."""
    text = ("La escritora Inés Barral habló con la prensa.\n\nLa autora de novelas como \"Luna\", de 1998, "
            "o \"Brisa\", de 2004, ha insistido en que no dejará de escribir.")
    assert first(claims_of, text)[0] != "Luna"


def test_a_quoted_medium_addressed_before_the_source_is_not_the_source(claims_of):
    text = ("Las redes se perdieron en la tormenta, según contó al semanario local 'La Ola' un pescador "
            "que vio el temporal.")
    claim = [c for c in claims_of(text) if c["type"] == "according_to"][0]
    assert claim["speaker"]["text"].startswith("un pescador")


@pytest.mark.parametrize("text, name", [
    ("La Organización Mundial de Meteorología publicó un informe el lunes. Según el organismo "
     "internacional, el verano será más seco.", "Organización Mundial de Meteorología"),
    ("El Instituto Nacional de Suelos presentó sus datos. La institución advierte que la erosión avanza.",
     "Instituto Nacional de Suelos"),
])
def test_a_generic_body_noun_names_the_body_named_just_before(claims_of, text, name):
    """ "el organismo", "la institución" with nothing but adjectives: the organisation the text
    named last, within a few paragraphs and with no person between."""
    assert first(claims_of, text)[0] == name


def test_a_generic_body_noun_after_a_person_stays_unresolved(claims_of):
    text = ("El Instituto Nacional de Suelos presentó sus datos. Su director, Aurelio Benavente Gil, "
            "habló después. La institución advierte que la erosión avanza.")
    assert first(claims_of, text)[0] != "Instituto Nacional de Suelos"


@pytest.mark.parametrize("text, not_name", [
    ("El secretario de Pesca (Secpes) dijo que la veda será corta.", "Secpes"),
    ("El presidente de Grupo Asesor Valdés, GAV, agregó que la inversión crecerá.", "GAV"),
])
def test_an_aside_or_a_bodys_acronym_after_a_title_is_no_persons_name(claims_of, text, not_name):
    assert first(claims_of, text)[0] != not_name


@pytest.mark.usefixtures("lexicon")
def test_a_role_takes_the_person_whose_given_name_has_its_gender(claims_of):
    """ "la youtuber" after a man and a woman are named: the woman, by her given name in the
    lexicon (neither ends in -a/-o)."""
    text = ("Raquel Montiel Ruiz grabó un video con Jaime Lozano Peña.\n\n"
            "La youtuber escribió que el video sale el lunes.")
    assert first(claims_of, text)[0] == "Raquel Montiel Ruiz"


def test_an_adverb_opening_a_sentence_is_no_name():
    from newsclaims.entities import cluster
    from newsclaims.pipeline import load_pipeline
    doc = load_pipeline()("El técnico Julio Paz habló. Lógicamente, añadió, el equipo necesita descanso.")
    assert "Lógicamente" not in {e.name for e in cluster(doc)}


@pytest.mark.usefixtures("lexicon")
def test_a_gendered_role_takes_the_latest_person_of_that_gender_by_given_name(claims_of):
    """ "la funcionaria" with no description of anyone: the latest woman seen as a subject, her gender
    known from her given name."""
    text = ("Raquel Montiel Ruiz visitó el albergue el lunes. Jaime Lozano Peña llegó después.\n\n"
            "La funcionaria explicó que faltan camas.")
    assert first(claims_of, text)[0] == "Raquel Montiel Ruiz"


@pytest.mark.usefixtures("lexicon")
def test_full_names_written_before_a_surname():
    assert written_full_names("La obra de Ronald Quimby llegó a Lima. Quimby sonrió.", "Quimby") == {"Ronald Quimby"}
    assert written_full_names("El Museo Quimby abrió ayer.", "Quimby") == set()


def test_both_surnames_take_the_full_name_written_with_the_given_name(claims_of):
    text = ("Titular.\n\nEl candidato Julio César Ulloa llegó al registro. Tras registrarse, Ulloa Barragán "
            "destacó que se juega el futuro.")
    c = next(c for c in claims_of(text) if c["cue"]["text"] == "destacó")
    assert (c["speaker"]["name"], c["speaker"]["text"]) == ("Julio César Ulloa", "Ulloa Barragán")


def test_both_surnames_of_two_people_are_left_alone(claims_of):
    text = ("Titular.\n\nJulio Ulloa y Ana Ulloa llegaron al registro. Tras registrarse, Ulloa Barragán "
            "destacó que se juega el futuro.")
    c = next(c for c in claims_of(text) if c["cue"]["text"] == "destacó")
    assert c["speaker"]["name"] == "Ulloa Barragán"


@pytest.mark.parametrize("text, name", [
    ("“Seguiremos buscando”, precisó el vocero de la cofradía.", "vocero de la cofradía"),
    ("Las vecinas del barrio aseguraron que el agua no llega.", "vecinas del barrio"),
])
def test_an_unnamed_speaker_is_named_by_its_words_without_the_article(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name


def test_an_aside_cut_off_is_not_part_of_a_descriptions_name():
    sp = Speaker(None, "el secretario de Pesca (Sepes", "PER", 0, 29, kind="person")
    c = Claim("indirect", sp, None, 40, 60, 0, 60, 0.9, "indirect_que")
    naming.described([c])
    assert c.speaker.name == "secretario de Pesca"


def test_a_description_holding_a_name_is_not_named_by_its_words():
    sp = Speaker(None, "el ministro de Relaciones Exteriores Kim Soo", "PER", 0, 44, kind="person")
    c = Claim("indirect", sp, None, 50, 60, 0, 60, 0.9, "indirect_que")
    naming.described([c])
    assert c.speaker.name is None


@pytest.mark.parametrize("text, name", [
    # a body's name and a nationality adjective: the form the article writes with the country
    ("El Consejo Electoral de Bolivia validó el recuento. Ayer, el Consejo Electoral boliviano aseguró que "
     "no hubo fraude.", "Consejo Electoral de Bolivia"),
    # its acronym and the adjective: the capitalised words whose initials it spells, with the country
    ("El Consejo Electoral de Bolivia validó el recuento. Ayer, el CE boliviano aseguró que no hubo fraude.",
     "Consejo Electoral de Bolivia"),
])
def test_a_body_with_a_nationality_adjective_takes_the_name_with_its_country(claims_of, text, name):
    assert first(claims_of, text)[0] == name


def test_a_nationality_adjective_without_the_country_written_stays(claims_of):
    text = "El Consejo Electoral boliviano aseguró que no hubo fraude en el recuento."
    assert first(claims_of, text)[0] == "Consejo Electoral boliviano"


@pytest.mark.parametrize("text, name, content", [
    # a conjunction opening the sentence before the phrase, with or without a comma
    ("Pero según la consejera, el hospital abrirá en junio.", "consejera", "el hospital abrirá en junio"),
    ("Pero, según Nuria Vidal, el hospital abrirá en junio.", "Nuria Vidal", "el hospital abrirá en junio"),
    ("Y de acuerdo con el censo, la ciudad perdió vecinos.", "censo", "la ciudad perdió vecinos"),
    ("Y para la arquitecta, el edificio no tiene arreglo.", "arquitecta", "el edificio no tiene arreglo"),
])
def test_an_attribution_phrase_after_an_opening_conjunction(claims_of, text, name, content):
    (c,) = claims_of(text)
    assert (c["type"], c["speaker"]["name"], c["content"]["text"]) == ("according_to", name, content)


def test_a_purpose_after_an_opening_conjunction_is_no_source(claims_of):
    assert claims_of("Y para llegar a tiempo, el alcalde salió temprano.") == []


@pytest.mark.parametrize("text, name, content", [
    # a short adverbial set off by a comma opens the sentence before the phrase: the clause after the
    # source is what it says
    ("En efecto, según la Aduana, hay más controles en el puerto.", "Aduana", "hay más controles en el puerto"),
    ("En la última década, de acuerdo con el censo, la comarca perdió vecinos.", "censo", "la comarca perdió vecinos"),
    ("Actualmente, según la ministra, el plan sigue en marcha.", "ministra", "el plan sigue en marcha"),
    # and with no comma after the source either: where the clause's article opens it
    ("Por lo demás, según un informe de la Cámara de Tulca la deuda con los talleres sube cada mes.",
     "informe de la Cámara de Tulca", "la deuda con los talleres sube cada mes"),
])
def test_an_attribution_phrase_after_an_opening_adverbial(claims_of, text, name, content):
    (c,) = claims_of(text)
    assert (c["type"], c["speaker"]["name"], c["content"]["text"]) == ("according_to", name, content)


@pytest.mark.parametrize("text, name, content", [
    # a source after a relative pronoun, past the phrase's own verb, with or without a comma after it
    ("Un tratamiento novedoso, que según apuntan los autores del ensayo, aún debe probarse en caballos.",
     "autores del ensayo", "aún debe probarse en caballos"),
    ("Es un fármaco que según apuntan los autores del ensayo aún debe probarse en caballos.",
     "autores del ensayo", "aún debe probarse en caballos"),
    # the relative clause ends where its verb's phrase ends, before the main clause's verb
    ("El mercado, donde según testigos, se oyeron varios disparos, sigue cerrado.", "testigos",
     "se oyeron varios disparos"),
    # after the "que" that opens a reported clause the phrase opens it; a clitic may open its verb
    ("Irene Salas añadió que según el Observatorio Vial se tiene localizado el tramo más peligroso.",
     "Observatorio Vial", "se tiene localizado el tramo más peligroso"),
    ("La guardia costera avisó que según datos del Servicio de Mareas (SMA) subirá el oleaje en la bahía, debido "
     "al temporal.", "Servicio de Mareas", "subirá el oleaje en la bahía, debido al temporal"),
    # a relative clause on the source is none of the content ("quienes …")
    ("Según las autoridades quienes atribuyeron los robos a la falta de vigilancia, ocho de los robos fueron a "
     "mano armada.", "autoridades", "ocho de los robos fueron a mano armada"),
])
def test_an_attribution_phrase_inside_a_clause(claims_of, text, name, content):
    c = next(c for c in claims_of(text) if c["type"] == "according_to")
    assert (c["speaker"]["name"], c["content"]["text"]) == (name, content)


def test_an_impersonal_source_after_a_relative_names_nobody(claims_of):
    assert claims_of("Es un fármaco que según se ha informado aún debe probarse en caballos.") == []


def test_the_speakers_cue_set_off_after_the_source_is_none_of_its_content(claims_of):
    text = ("La física Irene Salas habló en el congreso. Según el informe del observatorio, añadió, el cometa pasará "
            "en mayo.")
    c = next(c for c in claims_of(text) if c["type"] == "according_to")
    assert (c["speaker"]["name"], c["content"]["text"]) == ("informe del observatorio", "el cometa pasará en mayo")


def test_a_subject_before_the_phrase_keeps_the_whole_sentence(claims_of):
    # a noun phrase before the comma is the clause's subject, not an adverbial: the source vouches for it all
    (c,) = claims_of("El concejal, según fuentes del partido, dimitirá el lunes.")
    assert c["content"]["text"] == "El concejal, según fuentes del partido, dimitirá el lunes"


@pytest.mark.parametrize("text, name, content", [
    # no comma after the source, and the clause opens with its verb
    ("Según la Aduana hay más controles en el puerto.", "Aduana", "hay más controles en el puerto"),
    ("Además, según la ministra existe un riesgo de sequía en el sur.", "ministra",
     "existe un riesgo de sequía en el sur"),
])
def test_a_source_without_a_comma_before_the_verb(claims_of, text, name, content):
    (c,) = claims_of(text)
    assert (c["type"], c["speaker"]["name"], c["content"]["text"]) == ("according_to", name, content)


@pytest.mark.parametrize("text, name, content", [
    ("Según la fuente del puerto, que prefirió no dar su nombre, el barco zarpó sin permiso.",
     "fuente del puerto", "el barco zarpó sin permiso"),
    ("Según el informe de la Mesa del Turismo, que reúne a cuarenta agencias, las reservas caerán.",
     "informe de la Mesa del Turismo", "las reservas caerán"),
])
def test_a_relative_clause_on_the_source_is_not_the_content(claims_of, text, name, content):
    (c,) = claims_of(text)
    assert (c["speaker"]["name"], c["content"]["text"]) == (name, content)


def test_a_quotation_after_pero_segun_and_an_unnamed_cue_is_the_sources(claims_of):
    text = ("La Cámara rechazó las palabras de Andrés Mac Lean sobre el arancel. Pero según Tomás Gil, director "
            "de la Mesa Textil, “el arancel salva empleos”, escribió en una carta.")
    (c,) = [c for c in claims_of(text) if "salva" in c["content"]["text"]]
    assert (c["type"], c["speaker"]["name"]) == ("according_to", "Tomás Gil")


@pytest.mark.parametrize("text, name", [
    ("El semanario El Eco Austral publicó la lista. Según El Eco Austral, faltan tres nombres.", "El Eco Austral"),
    ("El puerto cerrará en mayo, informó La Voz del Valle.", "La Voz del Valle"),
])
def test_a_masthead_keeps_the_capital_article_written_inside_a_sentence(claims_of, text, name):
    assert {c["speaker"]["name"] for c in claims_of(text)} == {name}


def test_an_article_opening_a_sentence_or_a_paragraph_is_not_part_of_the_name(claims_of):
    text = "Titular sobre salud\nLa Secretaría de Salud informó que hay diez casos."
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == "Secretaría de Salud"


def test_a_name_takes_the_fullest_form_the_article_gives():
    # the model's span after a sentence-opening given name, and a second surname given once
    claims = [_claim("María del Rocío Vidal Tena"), _claim("Rocío Vidal Tena"), _claim("Ana Frías")]
    naming.fullest(claims, [Entity("Ana Frías Lobo", "PER", []), Entity("Rocío Vidal Tena", "PER", [])])
    assert [c.speaker.name for c in claims] == ["María del Rocío Vidal Tena", "María del Rocío Vidal Tena",
                                                "Ana Frías Lobo"]


@pytest.mark.parametrize("names, entities", [
    # two different longer forms: which person is meant is unknown
    (["Rocío Vidal", "Ana Rocío Vidal", "Rocío Vidal Tena Ruiz Soto"], []),
    # words before a name come from another speaker's name only, never from an entity the model
    # glued ("dijo a Efe Ana Frías": a medium, and a given name in the lexicon)
    (["Ana Frías"], [Entity("Efe Ana Frías", "PER", [])]),
    # nor from a noun's words ("Casa Blanca Obama") or two people
    (["Rocío Vidal", "Oficina Rocío Vidal"], [Entity("Luis Soto y Rocío Vidal", "PER", [])]),
    # an organisation, or a name of one word (complete's job), is left alone
    (["Vidal"], [Entity("Rocío Vidal", "PER", [])]),
])
def test_a_name_keeps_its_form_without_one_fuller_form(names, entities):
    claims = [_claim(n) for n in names]
    naming.fullest(claims, entities)
    assert [c.speaker.name for c in claims] == names


def test_a_fuller_form_is_never_an_organisations():
    claims = [_claim("Grupo Vidal", kind="organisation"), _claim("Grupo Vidal Tena")]
    naming.fullest(claims, [])
    assert [c.speaker.name for c in claims] == ["Grupo Vidal", "Grupo Vidal Tena"]


def test_a_surname_pair_takes_the_full_name_the_model_cut(claims_of):
    # the model tags "Rocío Vidal Tena" after the sentence-opening "María del"
    text = ("María del Rocío Vidal Tena, secretaria del sindicato, denunció que en marzo no hubo pagos.\n\n"
            "Vidal Tena añadió que la huelga seguirá hasta el lunes.")
    assert [c["speaker"]["name"] for c in claims_of(text)] == ["María del Rocío Vidal Tena"] * 2


@pytest.mark.parametrize("name, kind, person", [
    ("Tomás Irigoyen, Director Digital de Radio Sur", "organisation", "Tomás Irigoyen"),
    ("Partido Verde Austral, María del Pilar Osuna", "organisation", "María del Pilar Osuna"),
    # a body's name with a comma in it stays whole
    ("Cámara de Pesca, Puertos y Astilleros", "organisation", "Cámara de Pesca, Puertos y Astilleros"),
    # two names with a given name each: no title to drop
    ("Tomás Irigoyen, Lucía Marín", "person", "Tomás Irigoyen, Lucía Marín"),
])
@pytest.mark.usefixtures("lexicon")
def test_a_person_and_a_capitalised_title_set_off_by_a_comma_is_the_person(name, kind, person):
    claims = [_claim(name, kind=kind)]
    naming.unglue(claims)
    assert claims[0].speaker.name == person
    assert claims[0].speaker.kind == (kind if person == name else "person")


def test_a_fuller_form_with_jr_may_be_another_person():
    claims = [_claim("Lucas Prado"), _claim("Lucas Prado Jr"), _claim("Ana Frías")]
    naming.fullest(claims, [Entity("Ana Frías hijo", "PER", [])])
    assert [c.speaker.name for c in claims] == ["Lucas Prado", "Lucas Prado Jr", "Ana Frías"]


@pytest.mark.parametrize("text, name", [
    # "los fiscales de A, X, y de B, Y": the second name (tagged a place by the model) too
    ("Los fiscales del distrito norte, Elena Robles, y del distrito sur, Tomás Vidal, anunciaron que no "
     "procesarán esos casos.", "Elena Robles y Tomás Vidal"),
    ("Las juezas de la sala primera, Irene Campos, y de la sala segunda, Lucía Ferrán, anunciaron que "
     "revisarán el fallo.", "Irene Campos y Lucía Ferrán"),
])
@pytest.mark.usefixtures("lexicon")
def test_people_each_set_off_by_commas_after_a_plural_title_are_all_named(claims_of, text, name):
    assert claims_of(text)[0]["speaker"]["name"] == name


_LEAD = "Multas para los visitantes\n\n{} advirtió que habrá sanciones para quien no cumpla las normas del estadio.\n\n"


@pytest.mark.parametrize("subject, later, name", [
    # a description in the lead, before any name: the one person the article names in full
    ("El diplomático", "Según Ivo Karlsen Dahl, embajador en la capital, las reglas se conocen desde marzo.",
     "Ivo Karlsen Dahl"),
    # two people named: which one is meant is unknown
    ("El diplomático", "Según Ivo Karlsen Dahl, cónsul en la capital, y Marta Lindqvist, su asesora, "
     "las reglas se conocen desde marzo.", "diplomático"),
    # unless one is described later by a role of its class (role_classes.tsv: an ambassador is a diplomat)
    ("El diplomático", "Según Ivo Karlsen Dahl, embajador en la capital, y Marta Lindqvist, su asesora, "
     "las reglas se conocen desde marzo.", "Ivo Karlsen Dahl"),
])
def test_a_description_before_any_name_is_the_one_person_named(claims_of, subject, later, name):
    assert claims_of(_LEAD.format(subject) + later)[0]["speaker"]["name"] == name


def test_a_plural_description_is_never_the_one_person_named(claims_of):
    text = _LEAD.format("Los diplomáticos").replace("advirtió", "advirtieron") + \
        "Según Ivo Karlsen Dahl, embajador en la capital, las reglas se conocen desde marzo."
    assert claims_of(text)[0]["speaker"]["name"] == "diplomáticos"


_MEDIUM = "Kurier explica que el equipo llega cansado al torneo.{}\"¿Podremos defender el título?\", se pregunta el diario."


@pytest.mark.parametrize("before, gap, names", [
    # the masthead the model tags a person speaks, then "el diario" in the same paragraph: the
    # medium, and a body in every claim
    ("", " ", [("Kurier", "organisation"), ("Kurier", "organisation")]),
    # a person's surname is no medium's name
    ("La entrenadora Ana Kurier habló tras el partido. ", " ", [("Ana Kurier", "person"), ("diario", "organisation")]),
    # nor is a source of another paragraph
    ("", "\n\n", [("Kurier", "person"), ("diario", "organisation")]),
])
@pytest.mark.usefixtures("lexicon")
def test_a_medium_noun_is_the_source_speaking_in_its_paragraph(claims_of, before, gap, names):
    claims = claims_of(before + _MEDIUM.format(gap))
    assert [(c["speaker"]["name"], c["speaker"]["kind"]) for c in claims][-2:] == names


@pytest.mark.parametrize("text, name", [
    # a body's name after its noun, tagged a person by the model, then the person set off by commas
    ("La sequía afecta a 300 familias, dijo el vocero de la cooperativa Surco Verde, Israel Ochoa.",
     "Israel Ochoa"),
    ("Las heladas dañaron el maíz, explicó la tesorera de la asociación Tierra Fértil, Victoria Salcedo.",
     "Victoria Salcedo"),
])
def test_a_bodys_name_after_its_noun_is_not_the_person_of_the_description(claims_of, text, name):
    assert claims_of(text)[0]["speaker"]["name"] == name


@pytest.mark.parametrize("text, name", [
    # a person's title inside a complement names the complement's person, not the speaker
    ("El portavoz del ministro Julián Mora dijo que no hubo fraude.", "portavoz del ministro Julián Mora"),
    ("El consejero de Hacienda, Martín Oller, explicó que el paro apenas se nota en las oficinas.\n\n"
     "\"Seguimos dispuestos a negociar\", añadió el funcionario, sobrino del alcalde Sergio Paredes.", "Martín Oller"),
    # titles joined by "y" are the same person's
    ("La cantante y actriz Lucía Berrocal dijo que volverá a los escenarios.", "Lucía Berrocal"),
    # the author of a document or an act keeps naming it
    ("Según la ponencia del magistrado Elías Carranza, el recurso no procede.", "Elías Carranza"),
])
def test_a_name_after_a_title_in_a_complement_is_the_complements(claims_of, text, name):
    assert claims_of(text)[-1]["speaker"]["name"] == name


@pytest.mark.usefixtures("lexicon")
def test_a_full_name_the_model_tagged_a_place_is_named_by_a_later_role(claims_of):
    text = ("\"Los campamentos ya no dan abasto\", advirtió Panos Vidakis, de la Oficina "
            "Humanitaria del Sur.\n\nEl representante de la oficina calculó que unas diez mil familias "
            "dejaron sus casas en marzo.")
    assert [(c["speaker"]["name"], c["speaker"]["kind"]) for c in claims_of(text)] == [
        ("Panos Vidakis", "person"), ("Panos Vidakis", "person")]


def test_a_body_the_model_tagged_otherwise_is_the_company_that_spoke(claims_of):
    text = ("Snapgram anunció el lunes que cerrará dos centros de datos en la región.\n\n"
            "\"Fue una decisión difícil\", señaló la compañía por medio de su blog.")
    assert [c["speaker"]["name"] for c in claims_of(text)] == ["Snapgram", "Snapgram"]


def test_an_acronym_set_off_by_commas_after_the_name_is_named_in_full():
    from newsclaims.pipeline.speakers import acronyms
    text = "La Agencia Andina para los Desplazados, Acandes, pidió ayuda. Según Acandes, faltan mantas."
    assert acronyms(text) == {"Acandes": "Agencia Andina para los Desplazados"}
    # a person set off by commas after a body is no acronym of it
    assert acronyms("El Ministerio de Pesca, Elena, dijo que no.") == {}


def _claims_with_tag(extractor, text, word, tag):
    """The claims of ``text`` with ``word`` the one entity, tagged ``tag`` (as the model may tag it)."""
    return _claims_with_tags(extractor, text, {word: tag})


def _claims_with_tags(extractor, text, tags):
    """The claims of ``text`` whose entities are the phrases of ``tags``, each with its label."""
    from spacy.tokens import Span
    nlp = extractor.nlp
    ours = [n for n in nlp.pipe_names if n.startswith("newsclaims")]
    with nlp.select_pipes(disable=ours):
        doc = nlp(text)
    ents = []
    for phrase, tag in tags.items():
        words = phrase.split()
        k = [t.i for t in doc if [x.text for x in doc[t.i:t.i + len(words)]] == words][0]
        ents.append(Span(doc, k, k + len(words), label=tag))
    doc.ents = sorted(ents, key=lambda e: e.start)
    for n in ours:
        doc = nlp.get_pipe(n)(doc)
    return doc._.claims


def test_a_company_noun_names_the_brand_tagged_a_thing_that_acted_before(extractor):
    text = ("Zumbo sufrió una avería en su servidor que mostró fotos privadas. La avería tocó a novecientas "
            "cuentas, según admitió la compañía.")
    (c,) = _claims_with_tag(extractor, text, "Zumbo", "MISC")
    assert c.speaker.name == "Zumbo" and c.cue.text == "según admitió"


def test_a_company_noun_never_names_a_place_tagged_a_thing(extractor):
    text = "La consola se lanzó durante una feria en Zumbo. Según explicó la compañía, el juego saldrá en abril."
    (c,) = _claims_with_tag(extractor, text, "Zumbo", "MISC")
    assert c.speaker.name == "compañía"


def test_a_surname_spelled_like_a_role_noun_is_no_role(claims_of):
    # "Nieto" (a grandson) of "Vidal Nieto": the document is his, not the woman who spoke last
    text = ("La periodista Katia Ruiz entrevistó al alcalde Rosendo Vidal Nieto.\n\n\"¿Quién la eligió?\", preguntó "
            "la reportera.\n\nLa versión de Vidal Nieto sobre el contrato confirmó que la actriz formaba parte de un "
            "acuerdo.")
    (c,) = [c for c in claims_of(text) if c["cue"] and c["cue"]["text"] == "confirmó"]
    assert c["speaker"]["name"] == "versión de Vidal Nieto"


@pytest.mark.parametrize("text, tags, name", [
    # a bare field after the role ("en" with no article) stands between the role and the name, even
    # when the model tags the field a person too
    ("“Faltan controles”, asegura el licenciado en Ciencias Marinas y experto en pesca Andrés Lucena Prieto, "
     "director de la cofradía.", {"Ciencias Marinas": "PER", "Andrés Lucena Prieto": "PER"}, "Andrés Lucena Prieto"),
    ("“Faltan controles”, asegura el ingeniero en Oceanografía Andrés Lucena Prieto.",
     {"Oceanografía": "PER", "Andrés Lucena Prieto": "PER"}, "Andrés Lucena Prieto"),
    # a long field, with the body and the place the person works in
    ("Lo explicó Marta Quiroga. “Faltan controles”, asegura el experto en biología marina y pesca artesanal del "
     "Instituto Costero de Vigo Andrés Lucena Prieto.",
     {"Marta Quiroga": "PER", "Instituto Costero": "ORG", "Vigo": "LOC", "Andrés Lucena Prieto": "PER"},
     "Andrés Lucena Prieto"),
])
def test_a_role_s_field_stands_before_the_name(extractor, text, tags, name):
    (c,) = [c for c in _claims_with_tags(extractor, text, tags) if text[c.start:c.end] == "Faltan controles"]
    assert c.speaker.name == name


def test_a_place_where_the_role_was_is_no_field(extractor):
    text = ("El ministro Pablo Ortega llegó tarde. “No habrá cortes”, aseguró el ministro en la reunión de "
            "Oceanografía con Andrés Lucena Prieto.")
    (c,) = _claims_with_tags(extractor, text, {"Pablo Ortega": "PER", "Oceanografía": "PER",
                                                "Andrés Lucena Prieto": "PER"})
    assert c.speaker.name == "Pablo Ortega"


@pytest.mark.parametrize("text, name", [
    # a nationality before a body's name is no part of it
    ("“El agua del embalse es segura”, indica en su portal el estadounidense Centro de Estudios Hídricos.",
     "Centro de Estudios Hídricos"),
    ("“El agua del embalse es segura”, indica el estadounidense Instituto de Estudios del Agua.",
     "Instituto de Estudios del Agua"),
])
def test_a_nationality_before_a_body_s_name_is_no_part_of_it(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name


@pytest.mark.parametrize("text, name", [
    # a plural role written as a name is a body of several, never the one person named before
    ("El alcalde Omar Saleh habló en la plaza. Los Hermanos Ribereños aseguraron que el puente caerá.",
     "Hermanos Ribereños"),
    # a surname with a plural's ending stays the person's
    ("La doctora Carla Reyes Ocampo visitó el centro de salud. Reyes recomienda beber mucha agua.",
     "Carla Reyes Ocampo"),
])
def test_a_plural_role_written_as_a_name_is_no_person_named_before(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name


def test_quienes_reaches_the_people_past_a_long_complement(claims_of):
    text = ("Al lugar llegaron socorristas de la ambulancia número tres del Servicio Regional de Atención Médica de "
            "Urgencias (SRAMU), quienes certificaron que la mujer estaba bien.")
    (c,) = claims_of(text)
    assert c["speaker"]["name"].startswith("socorristas de la ambulancia")


@pytest.mark.parametrize("text", [
    'Marta Salinas visitó la feria. En una entrevista radial, la candidata presidencial de la alianza Unidos '
    'Venceremos afirmó: "Nada ha cambiado. Todo es un montaje".',
    'Mario Salinas visitó la feria. El candidato de la alianza Paso Firme a la alcaldía dijo que apoya a los '
    'pescadores.',
])
def test_a_bodys_name_in_a_roles_complement_is_not_the_person(claims_of, text):
    # the coalition's name belongs to the complement; the candidate is the person named before
    claim = claims_of(text)[-1]
    assert claim["speaker"]["name"] in ("Marta Salinas", "Mario Salinas") and claim["speaker"]["kind"] == "person"


def test_a_bodys_name_tagged_a_person_in_a_roles_complement(extractor):
    text = ("Mario Salinas visitó la feria. En una entrevista radial, el candidato de la coalición Paso Firme Ahora "
            "dijo que respeta a todos los credos.")
    (c,) = _claims_with_tags(extractor, text, {"Mario Salinas": "PER", "Paso Firme Ahora": "PER"})
    assert c.speaker.name == "Mario Salinas"


def test_the_name_set_off_after_a_complement_with_its_own_name(extractor):
    # "el presidente de la productora X, Y,": Y is the president, X the complement's name
    text = "A su vez, el director de la productora Nube Films, Tobi Larrea, manifestó estar satisfecho."
    (c,) = _claims_with_tags(extractor, text, {"Nube Films": "PER", "Tobi Larrea": "MISC"})
    assert c.speaker.name == "Tobi Larrea"


def test_a_member_of_a_mediums_staff_is_no_medium(claims_of):
    (c,) = claims_of('"No hubo aviso", contó un camarógrafo del semanario Flashes.')
    assert c["speaker"]["name"] == "camarógrafo del semanario Flashes" and c["speaker"]["kind"] == "person"


def test_a_name_of_the_other_gender_after_a_description_opens_a_clause(claims_of):
    # "aseguró la entrevistada, Mario Pineda ya …": no apposition; she is the woman who spoke before
    text = ("Lucía Ferrer informó que dejó la subdirección de Parques en mayo, tras denunciar a su jefe, Mario "
            "Pineda Ortiz, director estatal de Parques.\n\nDesde entonces, aseguró la entrevistada, Mario Pineda ya la "
            "hostigaba con comentarios sobre su físico.\n\nNo obstante, la exsubdirectora advierte que la nueva "
            "medida no resolverá el problema.")
    claims = claims_of(text)
    said = {c["cue"]["text"]: c["speaker"]["name"] for c in claims}
    assert said == {"informó": "Lucía Ferrer", "aseguró": "Lucía Ferrer", "advierte": "Lucía Ferrer"}


@pytest.mark.parametrize("text, name", [
    # a common noun the parser ran into the medium addressed before it opens the antecedent
    ("Así lo relataron a El Vigía policías estatales, quienes explicaron que el detenido portaba un arma.",
     "policías estatales"),
    # the medium addressed is passed to the person named after it
    ("Lo contó a la agencia Telenova Marta Ruiz, quien explicó que la obra terminará en mayo.", "Marta Ruiz"),
])
def test_quien_after_a_medium_addressed_is_the_person_named_after_it(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name


def test_people_joined_with_a_full_name_tagged_a_thing_speak_together(extractor):
    text = "Los aspirantes Rodrigo Feliu (MPV) y Tomasa Quiroga (UCR) negaron haber repartido cargos entre sus aliados."
    (c,) = _claims_with_tags(extractor, text, {"Rodrigo Feliu": "MISC", "MPV": "MISC", "Tomasa Quiroga": "PER",
                                               "UCR": "ORG"})
    assert c.speaker.name == "Rodrigo Feliu y Tomasa Quiroga"


@pytest.mark.parametrize("text, name", [
    # a role's word inside a law's or a body's name is no role: the article speaks, not the person before
    ("El candidato Tomás Liendo Vera visitó la ciudad.\n\nSegún el artículo 11 de la vigente Ley General de Aguas, "
     "se impondrán multas a quien contamine un río.", "artículo 11 de la vigente Ley General de Aguas"),
    # a capitalised title after the article is still the role
    ("El Subsecretario de Pesca, Tomás Liendo Vera, visitó el puerto.\n\nEl subsecretario aseguró que la veda "
     "terminará en mayo.", "Tomás Liendo Vera"),
])
def test_a_role_s_word_inside_a_name_is_no_role(claims_of, text, name):
    assert claims_of(text)[-1]["speaker"]["name"] == name


def test_a_given_name_after_the_medium_addressed_opens_the_speaker_s_name(extractor):
    text = "“La venta de ropa creció este año”, le dice a Onda Norte Tierra Lozada, quien trabaja en mascotas."
    (c,) = _claims_with_tags(extractor, text, {"Onda Norte": "ORG", "Tierra Lozada": "MISC"})
    assert c.speaker.name == "Tierra Lozada"


@pytest.mark.parametrize("text, tags, name", [
    # a name set off by commas right before the cue, after a clause with its own verb, is the speaker
    ("El alcalde Pablo Ortega Ruiz visitó el puerto.\n\nMientras la multitud buscaba a los vigilantes, "
     "uno, Tomás Liendo, respondió: “Yo soy el vigilante ahora”.",
     {"Pablo Ortega Ruiz": "PER", "Tomás Liendo": "PER"}, "Tomás Liendo"),
    ("El alcalde Pablo Ortega Ruiz visitó el puerto.\n\nA pesar de que nadie lo esperaba, un conocido empresario, "
     "Tomás Liendo Vera, calificó el plan de “desastre”.",
     {"Pablo Ortega Ruiz": "PER", "Tomás Liendo Vera": "PER"}, "Tomás Liendo Vera"),
    # a name that closes the clause before (the object's apposition) is not
    ("El alcalde Pablo Ortega Ruiz visitó el puerto.\n\nEn relación con la denuncia que la concejala hizo contra el "
     "sobrino del tesorero, Tomás Liendo Vera, reiteró que no hubo irregularidades.",
     {"Pablo Ortega Ruiz": "PER", "Tomás Liendo Vera": "PER"}, "Pablo Ortega Ruiz"),
])
def test_a_name_set_off_before_the_cue_after_a_clause(extractor, text, tags, name):
    c = _claims_with_tags(extractor, text, tags)[-1]
    assert c.speaker.name == name


def test_the_neuter_article_names_no_speaker(claims_of):
    text = ("La rectora Elena Prado presentó la feria. Lo anterior, consideró que supone un avance para los "
            "estudiantes de ingeniería.")
    claim = next(c for c in claims_of(text) if c["cue"]["text"] == "consideró")
    assert claim["speaker"]["name"] == "Elena Prado"


@pytest.mark.parametrize("text, cue, name", [
    # the clause hung on a noun that cannot speak: the nearest one before "que" that can, of the verb's number
    ("La alcaldesa repitió sus reproches a los diarios de la capital que cuestionaron el cierre del muelle.",
     "cuestionaron", "diarios"),
    # a second relative joined to the first speaks for the same antecedent
    ("El plan fue explicado por Tomás Urías, de la firma Grupo Norte, quien dirige las obras y quien opinó que "
     "las empresas locales deben crecer.", "opinó", "Tomás Urías"),
])
def test_the_antecedent_of_a_relative_that_can_speak(claims_of, text, cue, name):
    claim = next(c for c in claims_of(text) if c["cue"]["text"] == cue)
    assert claim["speaker"]["name"] == name


def test_a_verbal_locutions_noun_is_no_antecedent(claims_of):
    text = ('La directora del fondo, Marta Gil, instó a los gobiernos a hacer frente a la sequía, que considera '
            '"su mayor reto".')
    claim = next(c for c in claims_of(text) if c["cue"]["text"] == "considera")
    assert claim["speaker"]["name"] == "Marta Gil"


def test_an_adverb_opening_the_sentence_is_no_speaker(claims_of):
    text = ("La dentista Inés Lorca destacó que el implante es seguro. Obviamente hay molestias los primeros "
            "días, y precisó que el dolor cede en una semana.")
    claim = next(c for c in claims_of(text) if c["cue"]["text"] == "precisó")
    assert claim["speaker"]["name"] == "Inés Lorca"


def test_a_generic_body_is_the_one_introduced_with_its_noun_before_the_last_one_named(claims_of):
    text = ("La asociación Mar Abierto presentó una denuncia contra las navieras.\n\nSin control del Gobierno\n\n"
            "La asociación recuerda que las tarifas subieron tres veces este año.")
    claim = next(c for c in claims_of(text) if c["cue"]["text"] == "recuerda")
    assert claim["speaker"]["name"] == "Mar Abierto"


@pytest.mark.parametrize("text, name", [
    # a role's word capitalised with no article is the surname of the person named so
    ("La jueza Lucía Coronel llegó tarde. La cantante Rita Salas también vino.\n\n"
     "Coronel dijo que el juicio seguirá.", "Lucía Coronel"),
    ("La jueza Lucía Obispo llegó tarde. La cantante Rita Salas también vino.\n\n"
     "Obispo, casada desde hace años, dijo que el juicio seguirá.", "Lucía Obispo"),
])
def test_a_capitalised_roles_word_without_article_is_a_named_persons_surname(claims_of, text, name):
    assert [c["speaker"]["name"] for c in claims_of(text)] == [name]


@pytest.mark.parametrize("text, name", [
    # with its article it is the role; two people of that surname leave it to the role's rules (the
    # person named last)
    ("La jueza Lucía Coronel llegó tarde. La cantante Rita Salas también vino.\n\n"
     "El coronel dijo que el juicio seguirá.", "coronel"),
    ("La jueza Lucía Coronel llegó tarde. Su hermano Pedro Coronel también vino.\n\n"
     "Coronel dijo que el juicio seguirá.", "Pedro Coronel"),
])
def test_a_roles_word_with_an_article_or_two_people_of_the_surname_is_no_surname(claims_of, text, name):
    assert [c["speaker"]["name"] for c in claims_of(text)] == [name]


def test_a_surname_set_off_before_the_body_he_speaks_for_is_a_person(claims_of):
    """ "Liendo, de la cancillería, dijo …": the person named with the body, not a body."""
    text = ("El portavoz del ministerio, Tomás Liendo, dijo que la cumbre será en abril.\n\n"
            "Liendo, de la cancillería, dijo que el viaje del ministro se aplaza hasta mayo.")
    second = claims_of(text)[1]["speaker"]
    assert (second["name"], second["kind"]) == ("Tomás Liendo", "person")


@pytest.mark.parametrize("names, entities, expected", [
    # a body takes the fullest name a claim or an entity gives it, whatever its first letter's case
    (["Junta Portuaria"], ["Junta Portuaria de Tulca"], ["Junta Portuaria de Tulca"]),
    (["subsecretaría de Pesca", "Subsecretaría de Pesca Artesanal"], [],
     ["Subsecretaría de Pesca Artesanal"] * 2),
    (["fuerzas"], ["Fuerzas Navales del Sur"], ["Fuerzas Navales del Sur"]),
    # two different longer forms, words the model ran on, more description, an acronym: as it is
    (["Junta Portuaria"], ["Junta Portuaria de Tulca", "Junta Portuaria del Sur"], ["Junta Portuaria"]),
    (["Junta Portuaria"], ["Junta Portuaria hasta la tarde"], ["Junta Portuaria"]),
    (["autoridades"], ["autoridades portuarias de Tulca"], ["autoridades"]),
    (["JPT"], ["JPT de Tulca"], ["JPT"]),
])
def test_a_body_takes_the_fullest_name_the_article_gives_it(names, entities, expected):
    claims = [_claim(n, kind="organisation") for n in names]
    naming.fullest_body(claims, [Entity(e, "ORG", []) for e in entities])
    assert [c.speaker.name for c in claims] == expected


def test_a_persons_name_is_not_taken_for_a_bodys_fuller_form():
    claims = [_claim("Ana Ruiz")]
    naming.fullest_body(claims, [Entity("Ana Ruiz Foundation", "ORG", [])])
    assert claims[0].speaker.name == "Ana Ruiz"


def test_a_headlines_short_name_of_a_body_is_its_full_name(claims_of):
    text = ("Fiscalía confirma que hay un detenido por el robo\n\n"
            "La Fiscalía General de Tulca informó ayer que el caso sigue abierto.")
    assert [c["speaker"]["name"] for c in claims_of(text)] == ["Fiscalía General de Tulca"] * 2


def test_forces_that_a_relative_pronoun_stands_for_speak(claims_of):
    """ "las fuerzas de seguridad de la provincia, que aseguraron que …": the forces, not the last speaker."""
    text = ("Según un cálculo conservador de la Oficina Andina de Migraciones, mil personas cruzaron el mar.\n\n"
            "El cierre del paso fronterizo lo decidieron las fuerzas de seguridad de la provincia, que "
            "aseguraron que la medida durará una semana.")
    speaker = claims_of(text)[1]["speaker"]
    assert speaker["kind"] == "organisation" and speaker["name"].startswith("fuerzas")


def test_a_description_after_the_cue_with_its_article_is_the_person_named_before(claims_of):
    """The article of the subject that closes the sentence is no object pronoun: "expuso la nutrióloga"."""
    text = ("La nutrióloga que atiende a la familia, Rebeca Olmedo, visitó ayer el penal.\n\n"
            "Rebeca Olmedo señaló que el paciente sigue débil.\n\n"
            "\"La dieta debe cambiar poco a poco\", expuso la nutrióloga.")
    speaker = claims_of(text)[-1]["speaker"]
    assert (speaker["name"], speaker["text"]) == ("Rebeca Olmedo", "la nutrióloga")


@pytest.mark.parametrize("noun", ["la esperanza", "la sospecha", "la hipótesis"])
def test_a_noun_with_a_de_que_clause_after_the_cue_is_what_was_said(claims_of, noun):
    """ "expresó la esperanza de que …": the noun is the object, the subject is dropped."""
    text = (f"El embajador Tomás Liendo visitó ayer la capital.\n\n"
            f"Asimismo, expresó {noun} de que el nuevo gobierno atienda la cooperación.")
    assert claims_of(text)[-1]["speaker"]["name"] == "Tomás Liendo"


@pytest.mark.parametrize("text", [
    "Para Tomás Liendo, reconocido psicólogo e investigador, la terapia funciona mejor en grupo.",
    "Según Irene Salas, destacada investigadora de la universidad, el plan sigue en marcha.",
])
def test_a_qualified_role_after_the_source_is_not_content(claims_of, text):
    # "reconocido psicólogo": a qualifier before the role still describes the source named
    (c,) = claims_of(text)
    assert c["type"] == "according_to" and c["content"]["text"] in ("la terapia funciona mejor en grupo",
                                                                     "el plan sigue en marcha")


@pytest.mark.parametrize("text, source, content", [
    ("El plan fracasó porque, según los técnicos, el puente no resiste el peso de los camiones.", "técnicos",
     "el puente no resiste el peso de los camiones"),
    ("La obra se detuvo pues, según la ingeniera Irene Salas, el suelo cedió bajo los pilares.", "Irene Salas",
     "el suelo cedió bajo los pilares"),
])
def test_a_source_set_off_after_a_causal_conjunction_opens_its_clause(claims_of, text, source, content):
    # "…porque, según X, …": the source vouches for the reason it opens, not for the whole sentence
    (c,) = [c for c in claims_of(text) if c["type"] == "according_to"]
    assert (c["speaker"]["name"], c["content"]["text"]) == (source, content)
