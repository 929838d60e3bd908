"""Claim patterns, each with sentences written for the test: (text, speaker name, cue, content, type)."""
import pytest

from newsclaims.rules import cue_lexicon, fold


def find(claims, content_start):
    for c in claims:
        if fold(c["content"]["text"]).startswith(fold(content_start)):
            return c
    raise AssertionError(f"no claim starting {content_start!r} in {[c['content']['text'] for c in claims]}")


CASES = [
    # an affiliation or the medium told after an inverted cue is not content either
    ("Las turbulencias serán más frecuentes, dijo Pablo Wills, de la Universidad de Reading.",
     "Pablo Wills", "dijo", "Las turbulencias serán más frecuentes", "indirect"),
    ("Las turbulencias serán más frecuentes, dijo el meteorólogo Pablo Wills a Reuters.",
     "Pablo Wills", "dijo", "Las turbulencias serán más frecuentes", "indirect"),
    # the speaker's title after the cue is not more content (an inverted cue, not a parenthetical)
    ("Las tarifas del agua subirán, comentó Eusebio Lanza, director general de la compañía en la región.",
     "Eusebio Lanza", "comentó", "Las tarifas del agua subirán", "indirect"),
    # a request to an addressee, with the words asked for quoted: a full mixed claim from the quotation
    ("La alcaldesa Rosa Prieto pidió al Ministerio «un plan de choque inmediato» para el puerto.",
     "Rosa Prieto", "pidió", "«un plan de choque inmediato» para el puerto", "mixed"),
    # "y, según X," opens the attributed clause; the narration before it is not content
    ("La enferma llegó el lunes al hospital comarcal y, según el galeno, su estado es estable desde entonces.",
     None, "según", "su estado es estable desde entonces", "according_to"),
    # preposed speaker, que-clause
    ("La ministra Ana Ruiz dijo que el hospital abrirá en junio.",
     "Ana Ruiz", "dijo", "que el hospital abrirá en junio", "indirect"),
    # compound tense, addressee and time between cue and que
    ("El alcalde había dicho a los vecinos el lunes que el agua volvería pronto.",
     None, "había dicho", "que el agua volvería pronto", "indirect"),
    # infinitive complement
    ("El senador Luis Pardo negó haber recibido dinero de la empresa.",
     "Luis Pardo", "negó", "haber recibido dinero de la empresa", "indirect"),
    # a negated infinitive complement
    ("El concejal Íñigo Prats dijo no conocer el contrato del alumbrado.",
     "Íñigo Prats", "dijo", "no conocer el contrato del alumbrado", "indirect"),
    # postposed speaker after a quotation
    ("“Nadie quedará sin atención”, dijo la directora del hospital, Marta Sosa.",
     "Marta Sosa", "dijo", "Nadie quedará sin atención", "direct"),
    # inverted speaker after reported speech without marks
    ("El puente estará listo en mayo, aseguró este jueves el ingeniero Pablo Ortiz.",
     "Pablo Ortiz", "aseguró", "El puente estará listo en mayo", "indirect"),
    # colon-introduced quotation
    ("La jueza Clara Ibáñez dijo a la prensa el viernes: «La audiencia será pública».",
     "Clara Ibáñez", "dijo", "La audiencia será pública", "direct"),
    # interrupted quotation, one claim spanning both parts
    ("“No vamos a ceder”, dijo el sindicalista Tomás Vera, “ni un solo día”.",
     "Tomás Vera", "dijo", "No vamos a ceder”, dijo el sindicalista Tomás Vera, “ni un solo día", "direct"),
    ("«No pensamos irnos —afirmó la vecina Rosa Gil— hasta que nos escuchen».",
     "Rosa Gil", "afirmó", "No pensamos irnos —afirmó la vecina Rosa Gil— hasta que nos escuchen", "direct"),
    # mixed speech
    ("El técnico Julio Paz afirmó que el equipo está “más unido que nunca”.",
     "Julio Paz", "afirmó", "que el equipo está “más unido que nunca”", "mixed"),
    # enclitic gerund under a quoting verb: the object is the speaker
    ("La agencia citó al ministro Raúl Soto recordándole a la prensa que el plan sigue vigente.",
     "Raúl Soto", "recordándole", "que el plan sigue vigente", "indirect"),
    # attribution phrases
    ("Según la policía, el conductor huyó a pie.", "policía", "Según", "el conductor huyó a pie", "according_to"),
    ("El conductor huyó a pie, de acuerdo con la fiscalía.", "fiscalía", "de acuerdo con", "El conductor huyó a pie",
     "according_to"),
    ("Para la economista Lucía Mora, la inflación seguirá alta.", "Lucía Mora", "Para",
     "la inflación seguirá alta", "according_to"),
    ("En palabras del rector Mario Soto, la universidad es de todos.", "Mario Soto", "En palabras del",
     "la universidad es de todos", "according_to"),
    # anonymous sources
    ("Fuentes del ministerio dijeron que la reunión fue tensa.", "Fuentes del ministerio", "dijeron",
     "que la reunión fue tensa", "indirect"),
    # organisation
    ("El gobierno de Chile anunció que subirá el salario mínimo.", "gobierno de Chile", "anunció",
     "que subirá el salario mínimo", "indirect"),
]


@pytest.mark.parametrize("text, speaker, cue, content, kind", CASES, ids=[c[2] + "-" + c[4] for c in CASES])
def test_pattern(claims_of, text, speaker, cue, content, kind):
    claim = find(claims_of(text), content)
    assert claim["content"]["text"] == content
    assert claim["type"] == kind
    assert claim["cue"]["text"] == cue
    if speaker is None:
        assert claim["speaker"] is not None
    else:
        assert claim["speaker"]["name"] == speaker


def test_nested_speech_is_two_claims(claims_of):
    text = "Fuentes oficiales dijeron que el ministro le había dicho al presidente que renunciaría."
    claims = claims_of(text)
    outer = find(claims, "que el ministro le había dicho")
    inner = find(claims, "que renunciaría")
    assert outer["speaker"]["label"] == "ANON"
    assert inner["speaker"]["text"] == "el ministro"


def test_postposed_cue_after_nested_speech(claims_of):
    text = "El ministro le había dicho al presidente que renunciaría, dijeron fuentes oficiales."
    claims = claims_of(text)
    outer = find(claims, "El ministro le había dicho")
    assert outer["speaker"]["text"] == "fuentes oficiales" and outer["speaker"]["label"] == "ANON"
    assert outer["content"]["text"].endswith("renunciaría")
    find(claims, "que renunciaría")


def test_role_noun_resolved_through_apposition(claims_of):
    text = ("La canciller de Perú, Elsa Navarro, dijo que habrá diálogo. "
            "“Queremos una salida pacífica”, insistió la canciller. "
            "“No hay otra opción”, añadió la diplomática.")
    claims = claims_of(text)
    assert [c["speaker"]["name"] for c in claims] == ["Elsa Navarro"] * 3
    assert [c["speaker"]["text"] for c in claims] == ["La canciller de Perú, Elsa Navarro", "la canciller", "la diplomática"]


def test_surname_resolves_to_full_name(claims_of):
    text = "El alcalde Jorge Ferrer visitó el barrio. Ferrer afirmó que el parque abrirá en abril."
    assert find(claims_of(text), "que el parque")["speaker"]["name"] == "Jorge Ferrer"


def test_dropped_subject_takes_current_speaker(claims_of):
    text = "La gobernadora Inés Castro dijo que habrá elecciones. Además, aseguró que no será candidata."
    claim = find(claims_of(text), "que no será candidata")
    assert claim["speaker"]["name"] == "Inés Castro"


def test_floating_quote_continues_current_speaker(claims_of):
    text = ("“El agua llegará a todos los barrios”, explicó el ingeniero Mario Gil. "
            "“Los trabajos empiezan la semana que viene y durarán tres meses.”")
    claims = claims_of(text)
    floating = find(claims, "Los trabajos empiezan")
    assert floating["speaker"]["name"] == "Mario Gil"
    assert floating["type"] == "direct" and floating["cue"] is None


def test_quoted_scare_term_without_speaker_is_not_a_claim(claims_of):
    assert claims_of("El llamado “plan B” quedó archivado en el cajón del ministerio.") == []


def test_request_without_content_is_not_a_claim(claims_of):
    assert claims_of("La agencia solicitó comentarios a la oficina del alcalde.") == []


def test_unbalanced_marks_do_not_swallow_the_article(claims_of):
    text = ("La ministra dijo: “vamos a revisar todo\n\n"
            "El alcalde Juan Rey afirmó que la obra sigue adelante.")
    claims = claims_of(text)
    assert find(claims, "que la obra sigue")["speaker"]["name"] == "Juan Rey"
    assert all("\n\n" not in c["content"]["text"] for c in claims)


def test_headline_with_speaker_after_colon(claims_of):
    text = "La reforma llegará antes del verano: Ana Ruiz\n\nLa ministra habló en el Congreso."
    claim = find(claims_of(text), "La reforma llegará")
    assert claim["speaker"]["name"] == "Ana Ruiz" and claim["cue"]["text"] == ":"


def test_claims_sorted_and_offsets_slice_original(extractor):
    text = open("seeds/000_60d487e66da30a1f.txt", encoding="utf-8").read()
    doc = extractor.extract_text(text, "seed")
    starts = [c["content"]["start"] for c in doc["claims"]]
    assert starts == sorted(starts) and len(starts) >= 15
    for c in doc["claims"]:
        for part in (c["content"], c["speaker"], c["cue"]):
            if part:
                assert text[part["start"]:part["end"]] == part["text"]


@pytest.mark.parametrize("form, lemma", [
    ("dijo", "decir"), ("había", None), ("recordándole", "recordar"), ("diciéndoselo", "decir"),
    ("advirtió", "advertir"), ("sostuvo", "sostener"), ("explique", "explicar"), ("Aseguró", "asegurar"),
    ("concluyeron", "concluir"), ("manifestó", "manifestar"), ("añadiendo", "añadir"),
])
def test_cue_forms_robust_to_lemmatiser(form, lemma):
    assert cue_lexicon().lemma_of(form) == lemma


def test_lost_opening_mark_still_gives_a_direct_quote(claims_of):
    text = ("La directora Eva Mora visitó la escuela.\n\n"
            "Las aulas nuevas estarán listas en abril y los alumnos volverán a clase\", indicó.")
    claim = find(claims_of(text), "Las aulas nuevas")
    assert claim["type"] == "direct" and claim["speaker"]["name"] == "Eva Mora"


def test_wire_dateline(claims_of):
    claim = find(claims_of("LIMA, 2 de mayo (Agencia) - El ministro Luis Soto dijo que habrá lluvias."), "que habrá")
    assert claim["speaker"]["name"] == "Luis Soto"
    assert claim["speaker"]["text"] == "El ministro Luis Soto"


@pytest.mark.parametrize("text, name, content", [
    # after a role, capitalised words set off by commas name the source, known given name or not
    ("Según un responsable de la asociación, Nabil Sarraf, hubo diez heridos en el puerto.", "Nabil Sarraf",
     "hubo diez heridos"),
    ("Según un responsable de la asociación, Yusuf al Sarraf, hubo diez heridos en el puerto.", "Yusuf al Sarraf",
     "hubo diez heridos"),
    # a description, then the name, both set off by commas
    ("Según una experta consultada por Radio Centro, la directora del laboratorio, Olga Ferrán, el corte se "
     "debió a la tormenta.", "Olga Ferrán", "el corte se debió"),
    # a rank or title without its article before the name
    ("Según el vocero de la guardia costera, capitán Andrés Pinto, hubo dos heridos.", "Andrés Pinto",
     "hubo dos heridos"),
    # where the person works, set off by commas, is no part of what was said
    ("Según Olga Ferrán, de la Universidad Austral, el corte se debió a la tormenta.", "Olga Ferrán",
     "el corte se debió"),
])
def test_segun_source_with_appositions(claims_of, text, name, content):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name and c["content"]["text"].startswith(content)


@pytest.mark.parametrize("text, content, name", [
    # a place and its region closed by ".-" (the tokenizer keeps it on the word) are no subject
    ("Tepic, Nayarit.- La alcaldesa Rosa Medel aseguró que las obras terminarán en mayo.", "que las obras",
     "Rosa Medel"),
])
def test_a_dateline_glued_to_its_place_is_not_the_speaker(claims_of, text, content, name):
    assert find(claims_of(text), content)["speaker"]["name"] == name


def test_a_subject_phrase_loses_the_dateline_before_it(extractor):
    from newsclaims.pipeline.mentions import trim_np
    doc = extractor.nlp("Colima.- A Tomás Urrutia le sorprendió la noticia.")
    assert " ".join(t.text for t in trim_np(list(doc[:4]))) == "Tomás Urrutia"


@pytest.mark.parametrize("text", [
    "Es absurdo pensar que el río se desborde este año.",
    "La ministra se negó a decir si habrá elecciones anticipadas.",
])
def test_infinitive_outside_periphrasis_is_not_a_cue(claims_of, text):
    assert claims_of(text) == []


def test_the_infinitive_is_no_cue_but_para_a_role_is_a_source(claims_of):
    # "pensar" is still no cue; "Para el vecino es …" is the neighbour's judgement
    (c,) = claims_of("Para el vecino es absurdo pensar que el río se desborde.")
    assert c["type"] == "according_to" and c["cue"]["text"] == "Para" and c["speaker"]["name"] == "vecino"


def test_commas_between_cue_and_que(claims_of):
    text = ("El director del hospital, Pedro Lara, indicó durante la visita de los inspectores, "
            "que el nuevo quirófano abrirá en junio.")
    claim = find(claims_of(text), "que el nuevo quirófano")
    assert claim["speaker"]["name"] == "Pedro Lara"


def test_relative_clause_after_inverted_speaker_is_not_content(claims_of):
    text = "“Habrá más controles en las rutas”, señala Marcos Vidal, que dirige la policía de tráfico."
    claims = claims_of(text)
    assert [c["content"]["text"] for c in claims] == ["Habrá más controles en las rutas"]
    assert claims[0]["speaker"]["name"] == "Marcos Vidal"


def test_content_stops_at_the_speakers_next_clause(claims_of):
    text = ("La jueza Ana Prieto consideró que el proceso fue limpio, y citó como ejemplo "
            "el recuento de votos de la capital.")
    claim = find(claims_of(text), "que el proceso")
    assert claim["content"]["text"] == "que el proceso fue limpio"


def test_quoted_words_inside_mixed_speech_are_not_a_second_claim(claims_of):
    text = "El alcalde Raúl Pinto dijo que la ciudad cambiará, pues “vamos a invertir como nunca en los barrios”."
    claims = claims_of(text)
    assert len(claims) == 1 and claims[0]["type"] == "mixed"


def test_role_noun_resolves_by_gender_to_a_described_person(claims_of):
    text = ("El hospital vacunó primero a la enfermera, Lucía Pardo. El gerente, Mario Ruiz, dijo que "
            "hay dosis para todos. La trabajadora del hospital contó que se siente afortunada.")
    claim = find(claims_of(text), "que se siente")
    assert claim["speaker"]["name"] == "Lucía Pardo"


def test_apposition_after_parenthesis(claims_of):
    text = ("La pobreza bajó este año, afirmó el secretario general de la Organización Mundial "
            "del Trabajo (OMT), Julián Castro.")
    claim = find(claims_of(text), "La pobreza bajó")
    assert claim["speaker"]["name"] == "Julián Castro"


def test_media_name_glued_to_a_person_is_split(extractor):
    text = "La vacuna funciona, dijo a la agencia estatal Efe Marta Giménez, directora del laboratorio."
    names = [e["name"] for e in extractor.extract_text(text)["entities"] if e["label"] == "PER"]
    assert "Marta Giménez" in names and not any(n.startswith("Efe") for n in names)


@pytest.mark.parametrize("text", [
    "“El déficit es enorme”, le dice a la BBC Teodoro Almeida, economista jefe del banco.",  # an acronym
    "“El déficit es enorme”, dijo a la agencia Efe Teodoro Almeida, economista jefe del banco.",  # tagged one body
])
def test_a_medium_glued_before_the_speaker_is_not_his_name(claims_of, text):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == "Teodoro Almeida" and c["speaker"]["kind"] == "person"


def test_object_claim_with_dropped_subject(claims_of):
    text = "La alcaldesa Sara Núñez inauguró el puente. Además, destacó el esfuerzo de los obreros durante la obra."
    claim = find(claims_of(text), "el esfuerzo")
    assert claim["speaker"]["name"] == "Sara Núñez" and claim["cue"]["text"] == "destacó"


def test_embedded_tweet_is_a_claim_of_its_author(claims_of):
    text = ("La polémica siguió en las redes.\n\n"
            "No pienso pedir perdón por decir la verdad pic.twitter.com/AbC123\n\n"
            "— Laura Vidal (@lauravidal) May 3, 2020\n\n"
            "Otros usuarios respondieron con memes.")
    claim = find(claims_of(text), "No pienso pedir perdón")
    assert claim["speaker"]["name"] == "Laura Vidal" and claim["cue"]["text"] == "@lauravidal"
    assert claim["content"]["text"] == "No pienso pedir perdón por decir la verdad"


def test_relative_que_subject_resolves_to_its_antecedent(claims_of):
    text = "El informe del banco central, que publicó ayer la entidad, señala que la inflación bajará."
    claim = find(claims_of(text), "que la inflación")
    assert claim["speaker"]["text"] != "que" and "informe" in claim["speaker"]["text"]


def test_quien_dijo_takes_its_antecedent(claims_of):
    text = "La fiscal Marta Ibáñez, quien dijo que el caso sigue abierto, dejó el juzgado a mediodía."
    claim = find(claims_of(text), "que el caso")
    assert claim["speaker"]["name"] == "Marta Ibáñez"


def test_forgotten_closing_mark_before_cue(claims_of):
    text = ('"El puerto no se vende ni se alquila a nadie, aseguró, y luego reconoció que existen "ofertas muy serias" '
            'de empresas extranjeras.')
    claims = claims_of(text)
    direct = find(claims, "El puerto no se vende")
    assert direct["type"] == "direct" and direct["content"]["text"].endswith("a nadie")
    assert find(claims, "que existen")["cue"]["text"] == "reconoció"


def test_sentence_initial_verb_tagged_as_name_is_still_a_cue(claims_of):
    text = "La jueza Eva Soler habló con los vecinos.\n\nInsiste, por otra parte, en que el juicio empieza en mayo."
    claim = find(claims_of(text), "que el juicio")
    assert claim["speaker"]["name"] == "Eva Soler"


def test_stance_with_quoted_words_is_mixed(claims_of):
    text = "El alcalde Juan Vera calificó de “irresponsable y peligroso” el plan de la oposición."
    claim = find(claims_of(text), "de “irresponsable")
    assert claim["type"] == "mixed" and claim["speaker"]["name"] == "Juan Vera" and claim["confidence"] >= 0.7


@pytest.mark.parametrize("text, content", [
    # a directive whose object is the speaker's own quoted word (guidelines rules 6-8)
    ('La jueza Marta Ibáñez pidió “calma” a las dos familias tras la vista.', "“calma” a las dos familias"),
    # a verb whose object is what was said, the quoted words inside that object
    ("El entrenador Luis Varela lamentó la “falta de palabra” del club vecino.", "la “falta de palabra” del club"),
])
def test_object_carrying_quoted_words_is_mixed(claims_of, text, content):
    claim = find(claims_of(text), content)
    assert claim["type"] == "mixed" and claim["cue"]["text"] in ("pidió", "lamentó")
    assert claim["speaker"]["name"] in ("Marta Ibáñez", "Luis Varela")


@pytest.mark.parametrize("text", [
    "La ministra Rosa Peral presentó el programa “barrio abierto” ante los vecinos.",  # a name, not speech
    "El vecino Tomás Gil pidió el llamado “bono verde” en la ventanilla.",              # a naming word before it
    "Los concejales exigieron la dimisión del “Comité de Obras” en el pleno.",           # a capitalised title
    "Hace falta reclamarse “los papeles” en la oficina, según el cartel.",              # an impersonal infinitive
])
def test_quoted_name_or_title_in_an_object_is_no_claim(claims_of, text):
    assert not [c for c in claims_of(text) if c["type"] == "mixed"]


@pytest.mark.parametrize("text, cue", [
    ("La concejala Ana Ferrer aportó que el mercado abrirá los domingos por la tarde.", "aportó"),
    ("El entrenador Luis Varela deslindó que el club tenía deudas con los jugadores.", "deslindó"),
])
def test_an_unlisted_verb_before_an_asserted_que_clause_is_a_cue(claims_of, text, cue):
    (c,) = claims_of(text)
    assert c["cue"]["text"] == cue and c["content"]["text"].startswith("que ") and c["speaker"]["kind"] == "person"


@pytest.mark.parametrize("text", [
    "La asociación logró que el parque se abriera antes del verano.",  # the subjunctive: an act, not speech
    "El alcalde Luis Varela nadaba que daba gusto en la piscina.",     # no clause of the verb's own
    "Lo que ocurrió que nadie avisó a los bomberos.",                  # nobody speaks
])
def test_an_unlisted_verb_without_an_asserted_clause_is_no_cue(claims_of, text):
    assert claims_of(text) == []


@pytest.mark.parametrize("text, cue, end", [
    # a verb that can be a cue ("mantener", "sostener") after an apposition inside the content is the
    # content's own verb, its subject before the commas: neither the content's end nor a second claim
    ("El diario publicó que el tesorero del club, Julio Soria, mantiene dos cuentas en otro banco.",
     "publicó", "en otro banco"),
    ("La fiscal aseguró que el alcalde, Tomás Vera, sostiene una empresa fantasma desde 2010.", "aseguró",
     "desde 2010"),
])
def test_the_contents_own_verb_after_an_apposition_is_no_cue(claims_of, text, cue, end):
    (c,) = claims_of(text)
    assert c["cue"]["text"] == cue and c["content"]["text"].endswith(end)


def test_nested_speech_of_a_subject_nothing_types_is_no_claim(claims_of):
    # "aseguran" inside the minister's words has a thing for its subject: no second speaker
    claims = claims_of("La ministra Ana Ruiz explicó que las lluvias del otoño aseguran que habrá riego todo el verano.")
    assert [c["cue"]["text"] for c in claims] == ["explicó"]


@pytest.mark.parametrize("text", [
    "La consejera Marta Ibáñez admitió —como han adelantado varios vecinos— que la obra se retrasará un mes.",
    # a hyphen for a dash, kept on the words by the tokenizer
    "La consejera Marta Ibáñez admitió -como han adelantado varios vecinos- que la obra se retrasará un mes.",
    "La consejera Marta Ibáñez admitió (como han adelantado varios vecinos) que la obra se retrasará un mes.",
])
def test_an_aside_between_the_cue_and_que(claims_of, text):
    # the clause is the councillor's; the verb inside the aside does not reach past its closing mark
    owners = [c["cue"]["text"] for c in claims_of(text) if c["content"]["text"].startswith("que la obra")]
    assert owners == ["admitió"]


def test_a_complete_parenthesis_after_the_cue_is_skipped(claims_of):
    (c,) = claims_of("La alcaldesa declaró ante la Comisión de Aguas (CDA) que el embalse está lleno.")
    assert c["cue"]["text"] == "declaró" and c["content"]["text"].startswith("que el embalse")


@pytest.mark.parametrize("text, found", [
    ("El arquitecto Iván Lobo consideró vender su estudio.", False),        # an act contemplated
    ("La autora Rosa Medel piensa viajar a Lima en mayo.", False),             # an act intended
    ("La jueza Rosa Medel resolvió suspender la audiencia.", False),           # an act decided
    ("La jueza Rosa Medel resolvió que la ley es válida.", True),
    ("El analista Iván Lobo consideró necesario ampliar la red de metro.", True),  # a judgement
    ("La autora Rosa Medel piensa que la crisis pasará pronto.", True),
    # a judgement opened by a degree word: "igual de importante", "tan urgente"
    ("La directora Rosa Medel considera igual de importante mantener abiertas las bibliotecas.", True),
])
def test_thinking_verbs_before_an_infinitive_report_no_speech(claims_of, text, found):
    assert bool(claims_of(text)) == found


def test_impersonal_se_is_not_a_claim(claims_of):
    assert claims_of("Como se prevé que llueva mucho, el partido se aplazó.") == []


def test_trailing_segun_with_apposition(claims_of):
    text = "La votación terminó sin incidentes, según Rosa Pinto, presidenta de la junta electoral."
    claim = find(claims_of(text), "La votación terminó")
    assert claim["type"] == "according_to" and claim["speaker"]["name"] == "Rosa Pinto"


def test_parenthetical_segun_is_not_a_trailing_source(claims_of):
    text = "El ministro, según el comunicado, “aseguró que la reforma sigue adelante”."
    assert all(c["type"] != "according_to" for c in claims_of(text))


def test_dialogue_dash_paragraph(claims_of):
    text = ("El alcalde Tomás Rey recibió a los periodistas.\n\n"
            "—No vamos a ceder ni un metro —dijo el alcalde—. Seguiremos aquí hasta el final.\n\n"
            "—¿Y si el juez ordena el desalojo?\n\n"
            "—Entonces recurriremos la sentencia ante el tribunal supremo.")
    claims = claims_of(text)
    first = find(claims, "No vamos a ceder")
    assert first["speaker"]["name"] == "Tomás Rey" and first["type"] == "direct"
    # the narrator's interruption closes the sentence: the next sentence is a quotation of its own
    # (guidelines rule 3), the same speaker's
    assert first["content"]["text"] == "No vamos a ceder ni un metro"
    assert find(claims, "Seguiremos aquí")["content"]["text"] == "Seguiremos aquí hasta el final"
    assert find(claims, "Seguiremos aquí")["speaker"]["name"] == "Tomás Rey"
    assert not any("desalojo" in c["content"]["text"] for c in claims)
    assert find(claims, "Entonces recurriremos")["speaker"]["name"] == "Tomás Rey"


@pytest.mark.parametrize("text", ["Precio: de acuerdo a grupo y temporada\n\nTexto.",
                                  "El gobierno: nuevas medidas económicas\n\nTexto.",
                                  # a topic that holds a name, whose head noun names nobody who speaks
                                  "Los caprichos de Irene Salas: lo que pagan los vecinos por su escolta\n\n"
                                  "Irene Salas viajó cinco veces a la costa en un año."])
def test_topic_headlines_are_not_claims(claims_of, text):
    assert [c for c in claims_of(text) if c["cue"] and c["cue"]["text"] == ":"] == []


def test_coordinated_speakers(claims_of):
    text = ("Marta Gil, directora del hospital, y Pedro Soto, jefe de enfermería, indicaron que "
            "las vacunas llegarán el lunes.")
    claim = find(claims_of(text), "que las vacunas")
    assert claim["speaker"]["name"] == "Marta Gil y Pedro Soto"


@pytest.mark.parametrize("text", [
    "Tanto Marta Gil como Pedro Soto afirman que las vacunas llegarán el lunes.",
    # surnames alone, the full names given before
    "La directora Marta Gil y el enfermero Pedro Soto visitaron la planta. Tanto Gil como Soto afirman que las "
    "vacunas llegarán el lunes.",
])
def test_both_people_of_tanto_como_speak(claims_of, text):
    claim = find(claims_of(text), "que las vacunas")
    assert (claim["speaker"]["name"], claim["speaker"]["kind"]) == ("Marta Gil y Pedro Soto", "group")


@pytest.mark.parametrize("text, name", [
    # three people or more are written as a list is
    ("Marta Gil, Pedro Soto y Eva Ruiz indicaron que las vacunas llegarán el lunes.", "Marta Gil, Pedro Soto y Eva Ruiz"),
    # places or bodies joined, also by "tanto … como …": both speak
    ("Noruega y Finlandia indicaron que las vacunas llegarán el lunes.", "Noruega y Finlandia"),
    ("Tanto Noruega como Finlandia indicaron que las vacunas llegarán el lunes.", "Noruega y Finlandia"),
    # one body's name holding "y" is one body
    ("La Consejería de Pesca y Costas indicó que las vacunas llegarán el lunes.", "Consejería de Pesca y Costas"),
])
def test_coordinated_names_are_all_the_speaker(claims_of, text, name):
    assert find(claims_of(text), "que las vacunas")["speaker"]["name"] == name


@pytest.mark.parametrize("text, content", [
    ("El alcalde Tomás Rey consideró imprescindible ampliar la red de agua.",
     "imprescindible ampliar la red de agua"),
    ("El juez Pablo Mena estimó probable que el juicio empiece en mayo.",
     "probable que el juicio empiece en mayo"),
])
def test_judgement_adjective_with_its_clause_is_the_content(claims_of, text, content):
    claims = claims_of(text)
    assert [c["content"]["text"] for c in claims] == [content]


def test_floating_quote_after_a_sentence_whose_subject_is_a_person(claims_of):
    text = ("La concejala Eva Mora insiste en la falta de personal. "
            "“Las bibliotecas necesitan más horas de apertura cada semana”.")
    claims = claims_of(text)
    assert len(claims) == 1 and claims[0]["type"] == "direct" and claims[0]["speaker"]["name"] == "Eva Mora"
    assert claims[0]["cue"] is None


def test_headline_with_a_surname_whose_full_name_the_article_gives(claims_of):
    text = ("Cierre de escuelas rurales, descartado por ahora: Ortega\n\n"
            "La consejera de Educación, Julia Ortega Ruiz, dijo que no cerrará ninguna.")
    claims = claims_of(text)
    assert claims[0]["cue"]["text"] == ":" and claims[0]["speaker"]["name"] == "Julia Ortega Ruiz"
    assert claims[0]["content"]["text"] == "Cierre de escuelas rurales, descartado por ahora"


def test_reported_speech_coordinated_after_a_postposed_cue(claims_of):
    text = ("La ministra Ana Ruiz habló ayer. “El puerto abrirá en primavera”, "
            "aseguró, y que la obra costará menos de lo previsto.")
    claims = claims_of(text)
    assert [(c["type"], c["content"]["text"]) for c in claims] == [
        ("direct", "El puerto abrirá en primavera"),
        ("indirect", "que la obra costará menos de lo previsto")]
    assert {c["speaker"]["name"] for c in claims} == {"Ana Ruiz"}


def test_straight_single_quotes_after_a_colon_are_a_quotation(claims_of):
    text = ("La actriz Nuria Peral salió del teatro a medianoche. Al terminar el ensayo, comentó ante la prensa: "
            "'Nos faltó ritmo. Mañana lo haremos mucho mejor'. Luego subió al coche.")
    claims = claims_of(text)
    assert [(c["type"], c["content"]["text"], c["speaker"]["name"]) for c in claims] == [
        ("direct", "Nos faltó ritmo. Mañana lo haremos mucho mejor", "Nuria Peral")]


def test_an_apostrophe_is_not_a_quotation(claims_of):
    text = "El técnico Paco O'Neill dijo que el equipo de 'los rojos' jugó bien."
    claims = claims_of(text)
    assert [c["content"]["text"] for c in claims] == ["que el equipo de 'los rojos' jugó bien"]


def test_a_relative_clause_after_the_cue_is_not_its_content(claims_of):
    text = ("El alcalde cerró la piscina municipal en agosto, admitieron tres concejales a la radio, "
            "una medida que tendrá pocos apoyos en el pleno.")
    claims = claims_of(text)
    assert [(c["content"]["text"], c["speaker"]["text"]) for c in claims] == [
        ("El alcalde cerró la piscina municipal en agosto", "tres concejales")]


def test_a_cue_opening_a_paragraph_looks_right_not_back_at_the_last_quotation(claims_of):
    text = ("El alcalde Luis Soto cerró el acto con “mucha ilusión por el futuro”.\n\n"
            "Indicó que el plan seguirá hasta mayo.")
    claims = claims_of(text)
    assert [c["content"]["text"] for c in claims] == ["que el plan seguirá hasta mayo"]


def test_quotation_closing_a_sentence_of_narration_is_mixed_content(claims_of):
    text = ("Los bomberos trabajaron toda la noche para “contener el fuego antes del amanecer”, "
            "explicó el servicio de emergencias.")
    claims = claims_of(text)
    assert [(c["type"], c["content"]["text"]) for c in claims] == [
        ("mixed", "Los bomberos trabajaron toda la noche para “contener el fuego antes del amanecer”")]


def test_que_after_the_cues_own_object_is_a_relative_clause(claims_of):
    text = "La alcaldesa Nuria Vidal recordó el daño que una riada puede causar en el barrio."
    assert not [c for c in claims_of(text) if c["content"]["text"].startswith("que")]
    # a person after the cue is its inverted subject, and "que" opens the content
    (c,) = claims_of("Recordó el concejal Mario Soto que la riada llegó de noche.")
    assert c["content"]["text"] == "que la riada llegó de noche" and c["speaker"]["name"] == "Mario Soto"


@pytest.mark.parametrize("text, content, kind", [
    ("La ministra Eva Lorca planteó la necesidad de contratar a “más enfermeras en los pueblos”.",
     "la necesidad de contratar a “más enfermeras en los pueblos”", "mixed"),
    ("La ministra Eva Lorca apuntó a la necesidad de revisar los contratos del puerto.",
     "la necesidad de revisar los contratos del puerto", "indirect"),
])
def test_content_noun_after_a_speech_verb_is_the_content(claims_of, text, content, kind):
    (c,) = claims_of(text)
    assert (c["content"]["text"], c["type"], c["speaker"]["name"]) == (content, kind, "Eva Lorca")


def test_content_noun_needs_its_de_clause(claims_of):
    assert not claims_of("La ministra Eva Lorca explicó la necesidad.")


def test_directive_with_the_speakers_quoted_words_is_mixed(claims_of):
    (c,) = claims_of("La médica Eva Lorca recomienda construir “hospitales pequeños y cercanos a la gente”.")
    assert c["type"] == "mixed" and c["cue"]["text"] == "recomienda" and c["speaker"]["name"] == "Eva Lorca"


@pytest.mark.parametrize("text", [
    "“Nadie se queda atrás en esta ciudad”. Estas fueron las palabras con las que la alcaldesa Nuria Vidal abrió el pleno.",
    "“Nadie se queda atrás en esta ciudad”. Esas fueron las palabras de la alcaldesa Nuria Vidal.",
])
def test_a_quotation_named_by_the_next_sentence(claims_of, text):
    (c,) = claims_of(text)
    assert c["type"] == "direct" and c["content"]["text"] == "Nadie se queda atrás en esta ciudad"
    assert c["speaker"]["name"] == "Nuria Vidal"


@pytest.mark.parametrize("text, speaker, noun", [
    # the object of a verb before a colon: "lo siguiente", a speech noun (speech_nouns.tsv)
    ("El párroco Julián Prieto cerró la misa. Y les dedicó lo siguiente: “Cuiden a los mayores del barrio”.",
     "Julián Prieto", "siguiente"),
    ('La empresa Vextor ha enviado una explicación del cierre: "La fábrica ya no era rentable".',
     "Vextor", "explicación"),
    # the noun as the subject of "ser": its owner speaks
    ("La nadadora Inés Calvo volvió ayer a su ciudad. Sus primeras palabras en el aeropuerto fueron “gracias "
     "a todos por esperar”.", "Inés Calvo", "palabras"),
    ("Las palabras de la jueza Marta Gil fueron: “Nadie está por encima de la ley”.", "Marta Gil", "palabras"),
])
def test_a_quotation_announced_by_a_speech_noun_before_it(claims_of, text, speaker, noun):
    (c,) = claims_of(text)
    assert c["type"] == "direct" and c["speaker"]["name"] == speaker and noun in c["cue"]["text"], c


def test_a_free_relative_after_the_cue_announces_the_colons_quotation(claims_of):
    (c,) = claims_of('La arquitecta Olga Prieto explica lo que pasó: "El techo no aguantó el peso de la nieve".')
    assert c["type"] == "direct" and c["cue"]["text"] == "explica" and c["speaker"]["name"] == "Olga Prieto"
    assert c["content"]["text"] == "El techo no aguantó el peso de la nieve"
    # another cue before the colon has the quotation
    text = "El alcalde explicó lo que ocurrió en la reunión y luego añadió: “Nadie se irá sin respuesta”."
    assert [c["cue"]["text"] for c in claims_of(text)] == ["añadió"]


def test_a_document_announced_before_a_colon_is_no_speech(claims_of):
    assert not claims_of("El ministro firmó el siguiente decreto: “Artículo primero. Se prohíbe la pesca”.")


def test_a_role_noun_skips_a_person_whose_given_name_is_of_the_other_gender(claims_of):
    text = "Ana Robles dijo que el club tiene deudas. El entrenador insistió en que el equipo está unido."
    c = [c for c in claims_of(text) if c["cue"]["text"] == "insistió"][0]
    # not Ana Robles: nobody is named, so the speaker is named by its words
    assert c["speaker"]["name"] == "entrenador" and c["speaker"]["text"] == "El entrenador"


@pytest.mark.parametrize("text, cue, content, kind", [
    ('La exempleada Eva Lorca reconoció "haber tomado sola decisiones que afectaron a tres gobiernos".',
     "reconoció", '"haber tomado sola decisiones que afectaron a tres gobiernos"', "mixed"),
    ('Eva Lorca incide en "no prometer plazos imposibles" porque "la obra es compleja".',
     "incide en", '"no prometer plazos imposibles" porque "la obra es compleja"', "mixed"),
    ('La senadora Eva Lorca se ha referido a un "espacio de trabajo con todas las fuerzas".',
     "ha referido", 'a un "espacio de trabajo con todas las fuerzas"', "mixed"),
])
def test_quoted_words_right_after_the_cue_are_the_content(claims_of, text, cue, content, kind):
    (c,) = [c for c in claims_of(text) if c["cue"]["text"] == cue]
    assert (c["content"]["text"], c["type"], c["speaker"]["name"]) == (content, kind, "Eva Lorca")


def test_infinitive_content_after_a_prepositional_phrase(claims_of):
    text = 'Eva Lorca aseguró en una carta a la junta directiva estar segura de "haber actuado bien" siempre.'
    (c,) = claims_of(text)
    assert c["content"]["text"].startswith("estar segura de") and c["type"] == "mixed"


def test_a_quoted_sentence_after_a_colon_ends_reported_speech_and_is_its_own_claim(claims_of):
    text = "La ministra Eva Lorca dijo que la situación es grave: “No tenemos camas para todos los enfermos”."
    (ind, dire) = claims_of(text)
    assert (ind["type"], ind["content"]["text"]) == ("indirect", "que la situación es grave")
    assert (dire["type"], dire["content"]["text"]) == ("direct", "No tenemos camas para todos los enfermos")
    assert dire["speaker"]["name"] == "Eva Lorca" and dire["cue"]["text"] == "dijo"


def test_a_decision_verb_reports_speech_before_que_but_not_before_an_infinitive(claims_of):
    assert not claims_of("La ministra Eva Lorca descartó subir los impuestos este año.")
    (c,) = claims_of("La ministra Eva Lorca descartó que vaya a subir los impuestos.")
    assert c["content"]["text"] == "que vaya a subir los impuestos"


def test_a_plural_role_is_a_group_not_the_person_named_before(claims_of):
    text = ("El presidente Mario Soto recibió a la canciller. Ambos ministros reiteraron que "
            "la relación es sólida.")
    (c,) = [c for c in claims_of(text) if c["cue"]["text"] == "reiteraron"]
    assert c["speaker"]["name"] != "Mario Soto" and c["speaker"]["label"] == "ANON"


def test_que_after_a_demonstrative_is_a_relative_clause(claims_of):
    assert not claims_of("El plan se centra en la pobreza infantil, insistiendo en aquella que sea más grave.")


@pytest.mark.parametrize("text, content", [
    ("La médica Eva Lorca explicó que la crema ayuda, pero varias veces al día.",
     "que la crema ayuda, pero varias veces al día"),
    ("La médica Eva Lorca explicó que la vacuna es positiva; sin embargo, hay que seguir con la mascarilla.",
     "que la vacuna es positiva; sin embargo, hay que seguir con la mascarilla"),
    ("La médica Eva Lorca explicó que la vacuna llegará en mayo, pero no precisó cuántas dosis.",
     "que la vacuna llegará en mayo"),
    ("La médica Eva Lorca explicó que la vacuna llegará en mayo, aunque no dio más detalles.",
     "que la vacuna llegará en mayo"),
])
def test_reported_speech_runs_past_a_clause_link_unless_a_speech_verb_follows(claims_of, text, content):
    c = [c for c in claims_of(text) if c["cue"]["text"] == "explicó"][0]
    assert c["content"]["text"] == content


@pytest.mark.parametrize("text", [
    "Los detalles del plan estaban siendo resueltos por la comisión que dirige la obra.",
    "La ordenanza prevé eliminar las zonas de fumadores cerca de los colegios.",
    "Con esta medida se ratifica el cierre de los bares, que implica perder empleos.",
    "El locutor pregunta a la alcaldesa si piensa que el puente abrirá antes del verano.",
])
def test_not_a_speech_act(claims_of, text):
    assert not claims_of(text)


def test_a_colon_in_a_time_is_no_headline(claims_of):
    assert not claims_of("Festival del candidato en el estadio a las 18:30 horas\n\nEl acto será gratuito.")


@pytest.mark.parametrize("text, name, content", [
    ("Según la jefa del consorcio, Eva Lorca, el carné servirá para entrar gratis al museo.",
     "Eva Lorca", "el carné servirá para entrar gratis al museo"),
    ("El carné se presentó ayer, y según la jefa del consorcio, Eva Lorca, “servirá para entrar gratis "
     "al museo”.", "Eva Lorca", "“servirá para entrar gratis al museo”"),
    ("Con todo y según el presidente del club, Mario Soto Vela, el estadio abrirá en mayo.",
     "Mario Soto Vela", "el estadio abrirá en mayo"),
    ("La cantante Eva Lorca criticó a la farmacéutica, que según la artista ha causado daños en todo el mundo.",
     "Eva Lorca", "ha causado daños en todo el mundo"),
])
def test_segun_with_a_named_source_a_joined_clause_or_a_relative(claims_of, text, name, content):
    (c,) = [c for c in claims_of(text) if c["type"] == "according_to"]
    assert (c["speaker"]["name"], c["content"]["text"]) == (name, content)


def test_an_object_spelled_out_by_the_quotation_after_it(claims_of):
    text = 'El técnico Mario Soto admitió su error, "no supimos cerrar el partido en casa".'
    (c,) = claims_of(text)
    assert (c["type"], c["content"]["text"]) == ("direct", "no supimos cerrar el partido en casa")


def test_a_source_with_an_aside_in_parentheses(claims_of):
    (c,) = claims_of("Según los Centros para el Control de Plagas (CCP, por su sigla en inglés), el 30% de las "
                     "cosechas se pierde.")
    assert c["speaker"]["name"] == "Centros para el Control de Plagas"
    assert c["content"]["text"] == "el 30% de las cosechas se pierde"


@pytest.mark.parametrize("text", [
    'El brote se explica por "un fallo humano en la cocina del hotel".',
    "El retraso de las obras se explica por la lluvia de marzo, que paró la grúa.",
])
def test_a_thing_explained_is_no_speaker(claims_of, text):
    assert not claims_of(text)


def test_a_verb_no_table_lists_closing_a_quotation_before_its_speaker(claims_of):
    text = ("La candidata Marta Gil abrió el debate.\n\nEl candidato Pedro Nadal insistió: “Nadie se cree esas "
            "promesas”.\n\n“Los vecinos saben quién cumple”, remató la candidata.")
    c = [c for c in claims_of(text) if c["content"]["text"].startswith("Los vecinos")][0]
    assert c["speaker"]["name"] == "Marta Gil" and c["cue"]["text"] == "remató"


def test_a_verb_after_a_quotation_with_more_sentence_is_no_cue(claims_of):
    text = "El alcalde Pedro Nadal habló.\n\n“Habrá tormenta esta noche en la costa”, llegó a tiempo el bombero."
    c = [c for c in claims_of(text) if c["content"]["text"].startswith("Habrá")][0]
    assert c["cue"] is None  # a floating quotation of the current speaker, not "llegó"


@pytest.mark.parametrize("text, speaker", [
    ("El puerto abrirá en mayo, según informó ayer el Ministerio de Fomento mediante una nota.", "Ministerio de Fomento"),
    ("La obra costará el doble, según explicó este martes la ingeniera Ana Lobo ante la comisión.", "Ana Lobo"),
])
def test_when_and_through_what_a_source_spoke_is_not_its_name(claims_of, text, speaker):
    claim = next(c for c in claims_of(text) if c["type"] == "according_to")
    assert claim["speaker"]["name"] == speaker


@pytest.mark.parametrize("link", ["ya que", "puesto que", "así que", "mientras que", "sino que", "sin que",
                                  "cada vez que", "a medida que"])
def test_a_conjunction_before_que_is_no_content_of_the_cue(claims_of, link):
    """ "bromeaba sobre la carrera, ya que …": "que" after "ya" opens a cause, not what was said."""
    text = f"La escultora Noemí Vidal bromeaba sobre la carrera, {link} sus primos le aconsejaron otra cosa."
    assert [c for c in claims_of(text) if c["cue"] and c["cue"]["text"] == "bromeaba"] == []


def test_sino_que_after_a_relative_clause_opens_no_content(claims_of):
    text = ("La regidora Olga Sanz anunció que el parque no abrirá en la fecha fijada, que concluye a fin "
            "de abril, sino que abrirá en verano.")
    assert [c["cue"]["text"] for c in claims_of(text)] == ["anunció"]


def test_a_fronted_participle_before_two_joined_cues(claims_of):
    """ "Cuestionado sobre …, X dijo que … y dijo no …": both claims are X's."""
    text = ("Cuestionado sobre sus planes para el verano, Bruno Ledesma dijo que su prioridad es la "
            "cosecha, y dijo no tener prisa por vender el rancho.")
    assert [(c["speaker"] or {}).get("name") for c in claims_of(text)] == ["Bruno Ledesma", "Bruno Ledesma"]


def test_segun_and_a_cue_with_the_subject_dropped(claims_of):
    """ "Según explicó, …": the speaker is the one the text is about."""
    text = ("La directora Paula Herrán visitó el albergue el lunes.\n\n"
            "Según explicó, la obra del comedor terminará antes del invierno.")
    claim = find(claims_of(text), "la obra del comedor")
    assert (claim["speaker"]["name"], claim["cue"]["text"], claim["type"]) == ("Paula Herrán", "Según explicó", "according_to")
    assert claim["content"]["text"] == "la obra del comedor terminará antes del invierno"


def test_a_subject_whose_number_is_not_the_verbs_is_the_object(claims_of):
    """ "Manifestaron su temor de que …": a plural verb, a singular noun after it — the object; the
    speakers are the ones named before."""
    text = ("Los comerciantes del mercado se reunieron con la alcaldesa.\n\n"
            "Manifestaron su temor de que el puente no esté listo en diciembre.")
    claim = find(claims_of(text), "que el puente")
    assert (claim["speaker"] or {}).get("name") != "temor"


def test_a_plural_verb_is_not_said_by_one_person_named_before(extractor):
    """ "Puntualizaron que …" with the subject dropped: never the one person named before."""
    from newsclaims.pipeline.context import Context
    doc = extractor.nlp("La directora Olga Ruiz Peña visitó la obra. Puntualizaron que la obra terminará en mayo.")
    ctx = Context(doc)
    ctx.index()
    ctx.note_subjects(ctx.sentences()[0])
    verb = next(t for t in doc if t.text == "Puntualizaron")
    assert ctx.dropped_subject(verb.idx, verb.sent.start_char, verb) is None
    assert ctx.dropped_subject(verb.idx, verb.sent.start_char) is not None


@pytest.mark.parametrize("text, name", [
    # one document never speaks with a plural verb (its authors may, unnamed); a singular verb goes on
    ("Según el informe anual del observatorio, los embalses están al treinta por ciento.\n\n"
     "Con esos datos, recomendaron que se limite el riego.", None),
    ("El informe anual del observatorio advierte que los embalses están al treinta por ciento.\n\n"
     "Además, recomendó que se limite el riego.", "informe anual del observatorio"),
])
def test_one_document_is_no_dropped_subject_of_a_plural_verb(claims_of, text, name):
    assert (find(claims_of(text), "que se limite")["speaker"] or {}).get("name") == name


def test_a_cue_between_commas_with_a_described_and_named_speaker(claims_of):
    """ "Sobre la pesca, indicó el subdirector de X en la región, NOMBRE, …": the name closes the
    speaker's stretch; the sentence around it is the claim (rule 10)."""
    text = ("Sobre la pesca, indicó el subdirector de la Oficina de Puertos en la región, Gilberto Ramos Luna, "
            "más de la mitad de las lanchas navega sin permiso.")
    claim = find(claims_of(text), "Sobre la pesca")
    assert claim["speaker"]["name"] == "Gilberto Ramos Luna"
    assert claim["content"]["text"].endswith("navega sin permiso")


@pytest.mark.parametrize("text, name", [
    ("La fábrica cerrará su segunda planta antes del verano, contó la empleada, quien prefirió no dar su nombre "
     "por miedo a represalias.", "empleada"),
    ("La fábrica cerrará su segunda planta antes del verano, dijo Tomás Liendo, quien dirige la empresa desde 2019.",
     "Tomás Liendo"),
])
def test_a_relative_clause_after_a_postposed_speaker_is_no_part_of_what_was_said(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name
    assert c["content"]["text"] == "La fábrica cerrará su segunda planta antes del verano"


@pytest.mark.parametrize("text, content", [
    ("El subsecretario Julián Ferro Gil afirmó habrá más fondos para los municipios.",
     "habrá más fondos para los municipios"),
    ("Los bomberos del puerto indicaron no hay heridos en la nave.", "no hay heridos en la nave"),
])
def test_a_reported_clause_without_que(claims_of, text, content):
    """The writer left out "que" (common in the Mexican press): a finite verb right after a speech verb."""
    assert find(claims_of(text), content)["content"]["text"] == content


@pytest.mark.parametrize("text", [
    "Sin ofrecer mayor detalle dijo que la obra sigue.",      # "detalle" is a noun here
    "Quienes ganan clientes y los mantienen no bajan sus precios.",  # "los mantienen": an object
    "Lo que dijo fue muy claro para todos.",                 # the cue in a relative clause
])
def test_no_clause_without_que_where_the_cue_is_no_statement(claims_of, text):
    assert not any(c["cue"] and c["cue"]["text"] in ("detalle", "mantienen", "dijo") and
                   c["content"]["text"].startswith(("dijo", "no siguen", "fue")) for c in claims_of(text))


def test_a_joined_verb_takes_the_main_subject_when_the_nearer_one_disagrees(claims_of):
    """ "Los rescatistas atendieron a la turista, quien descansaba …, y aseguraron que …": "quien" is
    one, "aseguraron" is several — the rescatistas."""
    text = ("Los socorristas de Protección Civil atendieron a la turista, quien descansaba bajo un árbol, "
            "y aseguraron que no tiene lesiones.")
    claim = find(claims_of(text), "que no tiene lesiones")
    assert "socorristas" in (claim["speaker"]["text"] or "").lower() or claim["speaker"]["name"] == "Protección Civil"


def test_what_the_speaker_gives_after_the_verb_is_not_the_speaker(claims_of):
    """ "Reiteró su respaldo a los maestros": "su respaldo" is the object, the speaker is dropped."""
    text = ("La alcaldesa Inés Robles Toro visitó la escuela.\n\n"
            "Reiteró su respaldo a los maestros y dijo que habrá más aulas.")
    assert {(c["speaker"] or {}).get("name") for c in claims_of(text)} == {"Inés Robles Toro"}


def test_a_rhetorical_question_in_the_speakers_own_paragraph_is_theirs(claims_of):
    text = ("“Enséñenme un solo estudio que pruebe que el ruido no afecta al sueño”, dijo el ingeniero Tomás Vela. "
            "“Y todos sabemos que dormir poco enferma, ¿hace falta un ensayo para creerlo?”")
    assert [(c["speaker"] or {}).get("name") for c in claims_of(text)] == ["Tomás Vela", "Tomás Vela"]


def test_an_interview_question_in_its_own_paragraph_is_no_claim(claims_of):
    text = ("“Las obras terminarán en mayo”, dijo la alcaldesa Irene Sanz Mora.\n\n"
            "“¿Cree usted que el presupuesto alcanzará para todos los barrios de la ciudad?”\n\n"
            "“No, faltará dinero para los barrios del norte”, respondió.")
    assert not any("presupuesto alcanzará" in c["content"]["text"] for c in claims_of(text))


def test_number_agreement_between_a_verb_and_its_candidate_subject(extractor):
    """The check behind the two tests above, on the model's own parse: "quien" is one, "indicaron"
    several; "rescatistas" and "indicaron" agree."""
    from newsclaims.pipeline.mentions import disagrees
    doc = extractor.nlp("Los rescatistas revisaron al anciano, quien aguardaba en la banca, e indicaron que no "
                        "tiene fracturas.")
    tok = {t.text: t for t in doc}
    assert disagrees(tok["indicaron"], tok["quien"])
    assert not disagrees(tok["indicaron"], tok["rescatistas"])


def test_a_person_the_model_tagged_a_place_is_still_the_subject_a_dropped_one_refers_to(claims_of):
    # the small model tags "Tomás Varela" here as a place; the given name says it is a person
    (c,) = claims_of("El diputado Tomás Varela habló del plan. Aseguró que es una primera etapa.")
    assert c["speaker"]["name"] == "Tomás Varela"
    # a name inside a complement is the body's, never the subject's own
    text = ("El gerente Ramiro Lastra Peña habló ayer. El presidente de la empresa Marina Azul Holding visitó la "
            "planta. Detalló que la producción crece.")
    (c,) = claims_of(text)
    assert c["speaker"]["name"] != "Marina Azul Holding"


def test_a_second_speech_verb_joined_by_y_ends_the_first_content(claims_of):
    text = ("En entrevista, la concejala Karla Menéndez consideró que la reforma es urgente y dijo que la "
            "votarán la próxima semana.")
    assert [(c["cue"]["text"], c["content"]["text"]) for c in claims_of(text)] == [
        ("consideró", "que la reforma es urgente"), ("dijo", "que la votarán la próxima semana")]
    # a speech verb of somebody else inside the content does not end it
    text = "El alcalde Pedro Lima aseguró que los vecinos protestaron y dijeron que no pagarán."
    first = next(c for c in claims_of(text) if c["cue"]["text"] == "aseguró")
    assert first["content"]["text"] == "que los vecinos protestaron y dijeron que no pagarán"


def test_a_long_source_that_ends_the_sentence_is_a_source(claims_of):
    text = ("Las ventas de bicicletas crecieron un tercio en la comarca, según cifras de un reciente informe "
            "difundido por la Oficina de Movilidad Comarcal (OMC).")
    (c,) = claims_of(text)
    assert c["type"] == "according_to"
    assert c["content"]["text"] == "Las ventas de bicicletas crecieron un tercio en la comarca"
    assert c["speaker"]["name"] == "reciente informe"  # a document's name without who made it public


@pytest.mark.parametrize("text", [
    "La factura bajará entre un cinco y un diez por ciento, según qué tarifa contrate cada hogar.",
    "Según cuánto llueva en otoño, el embalse abrirá o no sus compuertas.",
    "El festival se hará en la plaza o en el polideportivo, según si hace buen tiempo.",
    "Las sanciones irán de cien a mil euros, según sea el caso.",
])
def test_segun_meaning_depending_on_is_no_source(claims_of, text):
    assert not [c for c in claims_of(text) if c["type"] == "according_to"]


def test_a_dropped_source_mid_sentence_is_no_source(claims_of):
    text = "El cantante ha revelado, según dicen, sus planes para la gira y para el disco nuevo."
    assert not [c for c in claims_of(text) if c["type"] == "according_to"]


@pytest.mark.parametrize("text, name, content", [
    ("El alcalde Pedro Ruiz inauguró la planta, al señalar que la obra costó dos millones.",
     "Pedro Ruiz", "que la obra costó dos millones"),
    ("La concejala Noelia Brun pidió a la empresa que repare las calles y pinte los pasos, al explicar que el "
     "contrato incluye una fianza.", "Noelia Brun", "que el contrato incluye una fianza"),
    ("La ministra Irene Sotillo cerró el acto luego de afirmar que el plan seguirá.", "Irene Sotillo",
     "que el plan seguirá"),
    ("El edil Tomás Barea inauguró el puente tras señalar que costó dos millones.", "Tomás Barea",
     "que costó dos millones"),
    # opening the sentence: the content ends at the comma before the main clause, whose subject speaks
    ("Al afirmar que las cuentas no cuadran, la diputada Ana Ruiz pidió una auditoría.", "Ana Ruiz",
     "que las cuentas no cuadran"),
    ("Al advertir que no votará el presupuesto, la concejala Marta Gil pidió más diálogo.", "Marta Gil",
     "que no votará el presupuesto"),
    # hung on a clause with a subject of its own: that clause's subject, not the main one's
    ("El cartel causó revuelo en Tulca, pues la cantante Rebeca Olmedo fue criticada hace meses al decir "
     "que la sequía era un castigo.", "Rebeca Olmedo", "que la sequía era un castigo"),
    ("La obra quedó parada, y el arquitecto Tomás Liendo fue abucheado al afirmar que estará lista en mayo.",
     "Tomás Liendo", "que estará lista en mayo"),
])
def test_al_and_an_infinitive_of_speech_report_the_main_subject(claims_of, text, name, content):
    (c,) = [c for c in claims_of(text) if c["content"]["text"] == content]
    assert c["speaker"]["name"] == name


def test_al_and_an_infinitive_without_que_is_no_cue(claims_of):
    assert not claims_of("El alcalde Pedro Ruiz sonrió al decir adiós a los vecinos.")


def test_a_fronted_participle_whose_comma_the_parser_gave_it(claims_of):
    text = "Titular.\n\nInterrogada sobre la huelga, la senadora respondió que no hay acuerdo."
    (c,) = claims_of(text)
    assert c["speaker"]["text"] == "la senadora"


def test_an_impersonal_infinitive_after_tras_is_no_cue(claims_of):
    text = "Tras concluirse que el puente era firme, el Ayuntamiento de Lindon anunció que lo reabrirá."
    (c,) = claims_of(text)
    assert c["cue"]["text"] == "anunció" and c["speaker"]["name"] == "Ayuntamiento de Lindon"


def test_first_person_speech_is_never_a_cue_of_its_own(claims_of):
    # inside the speaker's quotation it is the speaker's own word, not a second claim
    text = "\"Creo que ganaremos y pensamos que será pronto\", dijo la candidata Luisa Ferro."
    assert [c["cue"]["text"] for c in claims_of(text)] == ["dijo"]
    # an interview's answer does not make the question a claim
    text = "Titular.\n\n—¿Qué opina del acuerdo?\n—Creo que es un error y lo vamos a revertir."
    assert not [c for c in claims_of(text) if c["cue"] and c["cue"]["text"] == "Creo"]


@pytest.mark.parametrize("text, name", [
    ("Titular.\n\nDesde el Departamento de Pesca apuntaron que la veda durará un mes.", "Departamento de Pesca"),
    ("Titular.\n\nEl puerto será gratuito. Desde la consejería de Puertos confirmaron que no habrá tasas.",
     "consejería de Puertos"),
    ("Titular.\n\nEn la Secretaría de Pesca explicaron que hay 40 barcos varados.", "Secretaría de Pesca"),
    ("Titular.\n\nPor parte de la Secretaría de Pesca, informaron que hay 40 barcos varados.", "Secretaría de Pesca"),
])
def test_an_impersonal_plural_speaks_from_the_desde_phrase(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name


@pytest.mark.parametrize("text, name", [
    ("Titular.\n\nEn el estudio se afirma que los ríos del norte están contaminados.", "estudio"),
    ("Titular.\n\nEn el informe de la auditoría se indica que faltan tres millones.", "informe de la auditoría"),
    ("Titular.\n\nEn un comunicado se informó que la planta cerrará en mayo.", "comunicado"),
])
def test_an_impersonal_se_in_a_document_is_the_document_speaking(claims_of, text, name):
    (c,) = claims_of(text)
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == (name, "document")


@pytest.mark.parametrize("text, name", [
    # a body "se" speaks in, an auxiliary between "se" and the verb, whatever the parser makes of "se"
    ("El gobernador Julián Pardo Vera inauguró el puente.\n\nEn la prensa regional se ha criticado que varios "
     "alcaldes cobraron comisiones.", "prensa regional"),
    ("El gobernador Julián Pardo Vera inauguró el puente.\n\nEn la Secretaría de Obras se había informado que el "
     "puente costó el doble.", "Secretaría de Obras"),
])
def test_an_impersonal_se_in_a_body_is_the_body_speaking(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name


def test_en_a_place_or_an_event_is_no_source(claims_of):
    for text in ("Titular.\n\nEn la conferencia explicaron que hay 40 casos.",
                 "Titular.\n\nEn Madrid aseguran que el alcalde dimitirá."):
        (c,) = claims_of(text)
        assert c["speaker"] is None or c["speaker"]["name"] is None, text
    # an impersonal "se" after an event: nobody's speech
    assert claims_of("Titular.\n\nEn la reunión se dijo que la planta cerrará en mayo.") == []


def test_desde_a_time_is_no_source(claims_of):
    (c,) = claims_of("Titular.\n\nDesde el comienzo, los vecinos denunciaron que el agua llega sucia.")
    assert c["speaker"]["name"] == "vecinos"
    (c,) = claims_of("Titular.\n\nDesde hace años denunciaron que el agua llega sucia.")
    assert c["speaker"] is None or c["speaker"]["name"] is None


def test_a_postposed_subject_after_the_medium_addressed(claims_of):
    (c,) = claims_of("Titular.\n\nEl puente cerrará el lunes por obras, informó a este diario el alcalde Pedro Lima.")
    assert (c["speaker"]["name"], c["content"]["text"]) == ("Pedro Lima", "El puente cerrará el lunes por obras")


def test_content_ends_before_al_and_an_infinitive_of_speech(claims_of):
    text = ("La concejala Noelia Brun pidió a la empresa que repare las calles, al explicar que el contrato "
            "incluye una fianza.")
    assert [c["content"]["text"] for c in claims_of(text)] == [
        "que repare las calles", "que el contrato incluye una fianza"]


@pytest.mark.parametrize("text, contents", [
    # a gerund of speech with a plain object goes on with what was said
    ("La jueza Irene Mata afirmó que el proceso fue limpio, destacando la labor de los peritos del tribunal.",
     ["que el proceso fue limpio, destacando la labor de los peritos del tribunal"]),
    # with "que" after it, it opens the next claim
    ("La jueza Irene Mata afirmó que el proceso fue limpio, destacando que los peritos trabajaron bien.",
     ["que el proceso fue limpio", "que los peritos trabajaron bien"]),
])
def test_a_gerund_after_the_content_continues_it_unless_it_reports_its_own(claims_of, text, contents):
    assert [c["content"]["text"] for c in claims_of(text)] == contents


@pytest.mark.parametrize("text, expected", [
    # a title opening with a speech verb whose object is what was said, then its named subject
    ("Destaca Lucía Méndez la labor de las enfermeras del hospital\n\nLa ministra visitó ayer el centro.",
     [("Destaca", "Lucía Méndez", "la labor de las enfermeras del hospital")]),
    # a plural verb names nobody; a verb that in a title tells an event says nothing
    ("Reconocen maestros a alumnos del taller de pintura\n\nLa entrega fue ayer.", []),
    ("Celebra Lucía Méndez su cumpleaños con amigos\n\nLa fiesta fue ayer.", []),
])
def test_a_title_opening_with_its_speech_verb(claims_of, text, expected):
    assert [(c["cue"]["text"], c["speaker"]["name"], c["content"]["text"]) for c in claims_of(text)] == expected


def test_a_segun_phrase_right_after_que_does_not_end_the_content(claims_of):
    text = "Titular.\n\nEl gerente Lucio Barral agregó que, según el calendario de la cooperativa, la cosecha se pagará en mayo."
    c = next(c for c in claims_of(text) if c["cue"]["text"] == "agregó")
    assert (c["speaker"]["name"], c["content"]["text"]) == (
        "Lucio Barral", "que, según el calendario de la cooperativa, la cosecha se pagará en mayo")


def test_que_as_object_leaves_the_postposed_subject_to_speak(claims_of):
    # "que" stands for a thing ("el fragmento de un alegato"): it is the object, and the noun phrase
    # after the verb, without the time after it, is the subject (who then wins over the later "dice")
    text = ("Titular.\n\nEn la resolución del juzgado, se lee el fragmento de un alegato que argumentó la fiscal de la "
            "causa el pasado martes: \"La empresa sabía que el puente no resistiría una crecida como aquella\", "
            "dice la fiscal.")
    (c,) = claims_of(text)
    assert c["cue"]["text"] == "argumentó" and c["speaker"]["text"].endswith("fiscal de la causa")


@pytest.mark.parametrize("text, name, kind", [
    # a noun no table lists, typed a person or a group by its ending, closing the sentence
    ("La tarifa subirá en marzo, dijo el taxista.", "taxista", "person"),
    ("La feria será más cara este año, dijeron los comerciantes del mercado.", "comerciantes del mercado", "group"),
    ("Los puestos abrirán de noche, explicaron los vendedores.", "vendedores", "group"),
    ("La tarifa subirá en marzo, denunciaron taxistas de la zona.", "taxistas de la zona", "group"),  # a bare plural
])
def test_a_postposed_subject_typed_by_its_ending_speaks(claims_of, text, name, kind):
    (c,) = claims_of(text)
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == (name, kind)
    assert c["content"]["text"] == text.split(",")[0]


def test_a_postposed_noun_that_names_no_speaker_makes_no_claim(claims_of):
    assert not claims_of("Primero se mezcla todo, explicó el proceso.")


@pytest.mark.parametrize("text", [
    "Para terminar, Clara Benítez plantó un árbol con los vecinos junto a la obra.",
    "Para activar la alarma, lo primero que hay que hacer es pulsar el botón rojo.",
    "Para el nuevo informe, los técnicos revisaron cuarenta expedientes del juzgado.",
])
def test_para_with_a_purpose_or_a_document_attributes_nothing(claims_of, text):
    assert claims_of("Titular.\n\n" + text) == []


def test_a_subhead_with_a_dropped_subject_speaks_through_the_source_named_below(claims_of):
    body = ("La directora del hospital comarcal, Irene Solano Vidal, explicó que el centro atiende cada semana a "
            "más de dos mil pacientes con una plantilla pensada para la mitad, que las guardias se cubren con "
            "horas extra y que la consejería no ha respondido a las tres cartas que le envió el patronato desde "
            "el invierno pasado.")
    text = "Piden más médicos para el hospital\n\n■ Los hospitales necesitan más personal en todas las plantas, dice\n\n" + body
    c = claims_of(text)[0]
    assert (c["speaker"]["name"], c["content"]["text"]) == (
        "Irene Solano Vidal", "Los hospitales necesitan más personal en todas las plantas")


def test_a_cue_set_off_by_one_comma_only_interrupts_the_sentence(claims_of):
    text = ("Titular.\n\n\"Queda mucho por hacer\", dijo la concejala Rosa Lima.\n\n"
            "La reparación del muelle norte añadió, no obstante, tardará dos años más de lo previsto.")
    c = claims_of(text)[-1]
    assert (c["cue"]["text"], c["speaker"]["name"], c["content"]["text"]) == (
        "añadió", "Rosa Lima",
        "La reparación del muelle norte añadió, no obstante, tardará dos años más de lo previsto")


def test_a_speaker_before_a_cue_and_one_comma_is_no_interruption(claims_of):
    (c,) = claims_of("Titular.\n\nLa ministra de Salud añadió, sin embargo, que no habrá recortes en el sector.")
    assert c["content"]["text"] == "que no habrá recortes en el sector"


def test_a_cue_and_its_speaker_between_a_comma_and_a_dropped_one(claims_of):
    (c,) = claims_of("Titular.\n\nDurante el verano, indicó Tomás Ibarra se cerrarán dos carriles del puente.")
    assert (c["speaker"]["name"], c["content"]["text"]) == (
        "Tomás Ibarra", "Durante el verano, indicó Tomás Ibarra se cerrarán dos carriles del puente")


@pytest.mark.parametrize("text, name, content", [
    ("Como explicó la directora Eva Lorca, el museo cerrará en agosto.", "Eva Lorca", "el museo cerrará en agosto"),
    ("Tal y como lo advirtió el servicio meteorológico, las lluvias durarán toda la semana.",
     "servicio meteorológico", "las lluvias durarán"),
    ("Además, como señala la profesora Eva Lorca, del Instituto de Geología, la falla seguirá activa.",
     "Eva Lorca", "la falla seguirá activa"),
])
def test_como_and_a_speech_verb_opening_a_sentence_attribute_the_clause(claims_of, text, name, content):
    (c,) = claims_of(text)
    assert (c["type"], c["speaker"]["name"]) == ("according_to", name)
    assert c["content"]["text"].startswith(content) and c["cue"]["text"].lower().startswith(("como", "tal"))


@pytest.mark.parametrize("text", [
    "Como dijo que no vendría, nos fuimos a casa.",  # a cause
    "El puente no cerrará en mayo, como dijo el alcalde Tomás Ferrer.",  # a trailing "como" may contrast
    "La empresa invirtió en Chile, así como anunció dos plantas en Perú.",  # "así como": and also
    "Como prometió, el alcalde Tomás Ferrer cerró la calle.",  # the dropped subject is the clause's own
])
def test_como_is_no_source_phrase_elsewhere(claims_of, text):
    assert not [c for c in claims_of(text) if c["type"] == "according_to"]


def test_a_speech_verb_after_aprovechar_para_speaks_for_its_subject(claims_of):
    (c,) = claims_of("Además, el concejal Pedro Gil aprovechó la ocasión para anunciar que el mercado abrirá en junio.")
    assert (c["speaker"]["name"], c["cue"]["text"], c["content"]["text"]) == (
        "Pedro Gil", "anunciar", "que el mercado abrirá en junio")


@pytest.mark.parametrize("text", [
    # an object after personal "a" is whom the verb is about, not what was said
    "La directora Eva Lorca quiso reconocer a los voluntarios del hospital por su trabajo en el invierno.",
    "El entrenador Luis Soto criticó a los árbitros por su falta de criterio.",
])
def test_an_object_after_personal_a_is_no_content(claims_of, text):
    assert claims_of(text) == []


def test_a_content_noun_after_a_stays_content(claims_of):
    (c,) = claims_of("El ministro apuntó a la necesidad de contratar más médicos en los hospitales.")
    assert c["content"]["text"].startswith("la necesidad de contratar")


@pytest.mark.parametrize("text, first, second", [
    # a trailing source going on with its next act: both are the source's
    ("La sequía es la peor del siglo, según advierten los meteorólogos, al tiempo que recuerdan que el embalse "
     "está al diez por ciento.", ("según advierten", "La sequía es la peor del siglo"),
     ("recuerdan", "que el embalse está al diez por ciento")),
    ("La obra terminará en mayo, según explicó el alcalde Pedro Gil, quien añadió que no habrá cortes.",
     ("según explicó", "La obra terminará en mayo"), ("añadió", "que no habrá cortes")),
])
def test_a_trailing_source_and_its_next_act(claims_of, text, first, second):
    claims = claims_of(text)
    assert [c["content"]["text"] for c in claims] == [first[1], second[1]]
    assert claims[0]["cue"]["text"].startswith("según") and claims[1]["cue"]["text"] == second[0]
    assert len({c["speaker"]["name"] for c in claims}) == 1


def test_a_source_between_commas_before_the_verb_is_no_trailing_source(claims_of):
    # "La jueza, según el acta, recordó que …": the source vouches for the sentence, the verb is the judge's
    claims = claims_of("La jueza Marta Gil, según el acta, recordó que el plazo vence el lunes.")
    assert not [c for c in claims if c["type"] == "according_to" and c["content"]["text"] == "La jueza Marta Gil"]


def test_a_verb_after_segun_is_no_source(claims_of):
    # "Según entiende, …" (the tagger may call the verb a noun): the subject is dropped, the person
    # the text is about vouches
    claims = claims_of("La alcaldesa Marta Gil visitó las obras. Según entiende, la obra no se terminará a tiempo.")
    (c,) = [c for c in claims if c["type"] == "according_to"]
    assert c["speaker"]["name"] == "Marta Gil" and c["cue"]["text"] == "Según entiende"


@pytest.mark.parametrize("text, contents", [
    # a question asserts nothing: the journalist's question is no claim of the people it mentions
    ("¿Hubo vecinos que le advirtieron al alcalde que el puente estaba dañado?", []),
    ("¿Por qué los expertos aseguran que la vacuna es segura? Porque los datos son claros.", []),
    # a quoted question is the speaker's, and the claim after the question stands
    ("\"¿Por qué nadie nos avisó?\", preguntó la vecina Ana Gil.", ["¿Por qué nadie nos avisó?"]),
    ("¿Qué opina del plan? El alcalde Luis Soto dijo que es un buen plan.", ["que es un buen plan"]),
])
def test_a_cue_inside_a_question_makes_no_claim(claims_of, text, contents):
    assert [c["content"]["text"] for c in claims_of(text)] == contents


@pytest.mark.parametrize("text, cue, name", [
    ("La jueza Clara Bosch visitó el penal. “Faltan médicos y sobran celdas”, se queja la jueza Bosch.",
     "queja", "Clara Bosch"),
    ("“¿Quién pagará la fiesta?”, se preguntó el concejal Tomás Gil en el pleno.", "preguntó", "Tomás Gil"),
    # with its auxiliary between "se" and the verb
    ("“Nadie nos avisó del corte de agua”, se ha quejado este martes la vecina Marta Lillo.", "ha quejado",
     "Marta Lillo"),
    ("“No voy a opinar de la vida privada de nadie”, se ha pronunciado hoy el edil Rubén Sarria, "
     "portavoz del grupo.", "ha pronunciado", "Rubén Sarria"),
])
def test_a_pronominal_cue_after_a_quotation_takes_it(claims_of, text, cue, name):
    (c,) = [c for c in claims_of(text) if c["type"] == "direct"]
    assert c["cue"]["text"] == cue and c["speaker"]["name"] == name


@pytest.mark.parametrize("text", [
    # "pronunciar" is a cue only after a quotation, never "pronunció un discurso" nor before content
    "El edil Rubén Sarria pronunció un discurso ante los vecinos y luego se pronunció por la obra.",
    "El edil Rubén Sarria pronunció la frase “aquí no sobra nadie” ante los vecinos.",
    # an impersonal "se" with a clitic after a quotation that names a report is no speaker's cue
    "En un informe del comité, titulado “El río y sus orillas”, se le menciona en diez ocasiones.",
])
def test_no_pronominal_cue_without_its_quotation(claims_of, text):
    assert claims_of(text) == []


def test_an_after_quotation_verb_inside_a_lost_opening_quotation_keeps_it_whole(claims_of):
    # the quotation lost its opening mark; a verb that is a cue only after a quotation (here a typo
    # for the first person) makes no narration of its first sentence
    text = ("Al ver la pancarta, la alcaldesa calló unos segundos antes de responder.\n\n"
            "Me pronunció contra cualquier abuso. Sí a la calma, sí al diálogo\", dijo Ruiz antes de irse.")
    assert [c["content"]["text"] for c in claims_of(text)] == [
        "Me pronunció contra cualquier abuso. Sí a la calma, sí al diálogo"]


def test_a_quotation_before_a_new_sentence_opening_with_se_is_not_postposed(claims_of):
    text = "La alcaldesa Eva Mora habló ayer. “Estamos atentos” Se refirió a que la ocupación es baja."
    assert [c["content"]["text"] for c in claims_of(text) if c["cue"] and c["cue"]["text"] == "refirió"] \
        == ["que la ocupación es baja"]


@pytest.mark.parametrize("text, cue", [
    ("El portero Iván Soler se quejó de que el campo estaba helado.", "quejó"),
    ("El alcalde Tomás Vidal se jactó de que la ciudad no tiene deudas.", "jactó"),
    ("El rector Luis Peña se congratuló de que la matrícula creció.", "congratuló"),
])
def test_pronominal_speech_verbs_are_cues(claims_of, text, cue):
    (c,) = claims_of(text)
    assert c["cue"]["text"] == cue and c["content"]["text"].startswith("que ")


def test_a_dropped_subject_with_nobody_speaking_falls_back_on_the_body_that_acted(claims_of):
    text = ("La Secretaría de Pesca del Litoral actualizó ayer las normas de la veda.\n\n"
            "En una publicación oficial, se añaden nuevas especies y se reordenan los plazos.\n\n"
            "Explicó que ello permitirá proteger a las especies en peligro.\n\n"
            "Destacó que el objetivo es ordenar la pesca en la costa.")
    assert [c["speaker"]["name"] for c in claims_of(text)] == ["Secretaría de Pesca del Litoral"] * 2


@pytest.mark.parametrize("text", [
    # a person named since the body acted
    "La Secretaría de Pesca del Litoral actualizó ayer las normas. La bióloga Ana Ruiz visitó el puerto.\n\n"
    "Explicó que ello permitirá proteger a las especies en peligro.",
    # a plural verb: not the one body ("Dicen que …")
    "La Secretaría de Pesca del Litoral actualizó ayer las normas.\n\nDicen que ello permitirá proteger a las especies.",
])
def test_the_body_that_acted_is_no_fallback_after_a_person_or_for_a_plural(claims_of, text):
    assert all((c["speaker"] or {}).get("name") != "Secretaría de Pesca del Litoral" for c in claims_of(text))


@pytest.mark.parametrize("text", [
    "Mazatlán.- Pescadores y comerciantes porteños advirtieron que la veda llega tarde.",  # under the place
    "Mazatlán.- Pescadores advirtieron que la veda llega tarde.",
    "Celaya.- Vecinos y comerciantes celayenses advirtieron que la veda llega tarde.",  # the place under it
])
def test_a_group_subject_after_a_dateline_speaks(claims_of, text):
    (c,) = claims_of(text)
    assert c["speaker"]["name"].split()[0] in ("Pescadores", "Vecinos") and c["speaker"]["kind"] == "group"


@pytest.mark.parametrize("text", [
    "Titular.\n\nSe informó por parte de la Secretaría de Pesca que hay 40 barcos varados.",
])
def test_an_impersonal_se_speaks_from_the_por_parte_de_phrase(claims_of, text):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == "Secretaría de Pesca"


def test_a_pronominal_se_after_a_place_is_not_the_place_speaking(claims_of):
    text = "Titular.\n\nMientras, desde Ribera, el vecino Tomás Gil se pregunta: “¿Quién pagará la obra?”."
    assert all((c["speaker"] or {}).get("name") != "Ribera" for c in claims_of(text))


def test_a_desde_phrase_held_by_a_paragraph_break_on_a_whole_doc_parse(extractor):
    # spaCy used directly parses the article whole: the paragraph break may be parsed as the subject,
    # holding the phrase ("¶Desde la Secretaría …")
    doc = extractor.nlp("Titular.\n\nDesde la Secretaría de Pesca se informó que hay 40 barcos varados.")
    assert [c.speaker.name for c in doc._.claims] == ["Secretaría de Pesca"]


@pytest.mark.parametrize("text", [
    "La ministra Sara Gil defendió ayer las medidas económicas que aprobó el gobierno.",
    "El alcalde Tomás Vera cree en los proyectos culturales que financia el ayuntamiento.",
])
def test_a_relative_clause_on_a_noun_and_its_adjective_is_not_reported_speech(claims_of, text):
    assert not [c for c in claims_of(text) if c["content"]["text"].startswith("que")]


@pytest.mark.parametrize("text, cue, name, content", [
    ("Según ha contado la entrenadora Irene Salas, el equipo viajará en tren.", "Según ha contado", "Irene Salas",
     "el equipo viajará en tren"),
    ("Según han informado las autoridades portuarias, los buques esperarán al alba.", "Según han informado",
     "autoridades portuarias", "los buques esperarán al alba"),
    ("La entrenadora Irene Salas habló con la prensa. Según ha contado, la primera final fue en 1990.",
     "Según ha contado", "Irene Salas", "la primera final fue en 1990"),
    ("Según explicó en rueda de prensa la ministra Irene Salas, el plan empieza en mayo.", "Según explicó",
     "Irene Salas", "el plan empieza en mayo"),
    ("La cantante Eva Sol cree que su disco saldrá en mayo, según expresó en una entrevista con la radio local.",
     "según expresó", "Eva Sol", "La cantante Eva Sol cree que su disco saldrá en mayo"),
])
def test_segun_with_a_compound_verb_or_a_channel_before_the_source(claims_of, text, cue, name, content):
    (c,) = [c for c in claims_of(text) if c["cue"]["text"] == cue]
    assert (c["speaker"]["name"], c["content"]["text"]) == (name, content)


def test_a_quotation_another_claim_holds_leaves_the_next_cue_its_own_que_clause(claims_of):
    text = "La jueza Irene Salas calificó a la constructora como “irresponsable”, diciendo que esta nunca pagó sus deudas."
    found = {c["cue"]["text"]: c["content"]["text"] for c in claims_of(text)}
    assert found.get("diciendo") == "que esta nunca pagó sus deudas"


def test_a_gerund_the_parser_hung_on_a_phrase_speaks_as_the_verbs_subject(claims_of):
    (c,) = claims_of("Por la noche, la jueza Irene Salas escribió al respecto asegurando que el contrato era nulo.")
    assert c["speaker"]["name"] == "Irene Salas" and c["content"]["text"] == "que el contrato era nulo"


@pytest.mark.parametrize("text, name", [
    ("La ministra Irene Salas habló ayer en el Senado. Para ella, el alcalde está desinformado sobre las obras.",
     "Irene Salas"),
    ("La ministra Irene Salas habló ayer en el Senado. Según ella, el alcalde está desinformado sobre las obras.",
     "Irene Salas"),
    ("“Nos veremos el lunes”, dijo la ministra Irene Salas. El alcalde Tomás Vera habló después. Según él, la obra "
     "se retrasa.", "Tomás Vera"),
])
def test_segun_or_para_a_subject_pronoun_is_the_person_of_its_gender(claims_of, text, name):
    (c,) = [c for c in claims_of(text) if c["type"] == "according_to"]
    assert c["speaker"]["name"] == name


@pytest.mark.parametrize("text, name", [
    # "ella" right after a man spoke: the woman the text is about
    ("La cantante Marta Lillo visitó el pueblo. \"Es precioso\", dijo el alcalde Tomás Gil. Aunque la cantante "
     "ya había sido reconocida, ella pidió que la dejaran pasear tranquila.", "Marta Lillo"),
    # of the same gender, the one who has just spoken
    ("El alcalde Tomás Gil visitó el pueblo. \"Es precioso\", dijo Gil. Después él pidió que lo dejaran pasear "
     "tranquilo.", "Tomás Gil"),
])
def test_a_subject_pronoun_speaks_for_the_person_of_its_gender(claims_of, text, name):
    (c,) = [c for c in claims_of(text) if c["cue"] and c["cue"]["text"] == "pidió"]
    assert c["speaker"]["name"] == name


@pytest.mark.parametrize("text, name, content", [
    ("Según la ministra Irene Salas la región corre el riesgo de perder empleos.", "Irene Salas",
     "la región corre el riesgo de perder empleos"),
    ("De acuerdo con el artículo 12 de la Ley de Aguas el permiso dura diez años.", None, "el permiso dura diez años"),
    ("Según fuentes del ministerio casi el 60 % de los contratos son temporales.", "fuentes del ministerio",
     "casi el 60 % de los contratos son temporales"),
])
def test_segun_without_a_comma_ends_its_source_where_the_clause_subject_opens(claims_of, text, name, content):
    (c,) = claims_of(text)
    assert c["type"] == "according_to" and c["content"]["text"] == content
    if name is not None:
        assert c["speaker"]["name"] == name


def test_segun_without_a_comma_and_no_boundary_makes_no_claim(claims_of):
    # the source's relative clause runs into the attributed one: no safe boundary, no claim
    assert not claims_of("Según los vecinos que vieron el choque el conductor huyó.")


@pytest.mark.parametrize("text", [
    "Los pescadores continúan con el paro que empezaron en febrero.",
    "Las obras del muelle continúan, sin embargo, paradas por falta de acero.",
    "La comisión prosiguió con la lectura del informe que presentó el ministerio.",
])
def test_an_aside_verb_before_its_content_or_as_the_main_verb_is_no_cue(claims_of, text):
    assert not claims_of(text)


def test_an_aside_verb_after_a_quotation_is_its_cue(claims_of):
    text = "“La obra no es sencilla”, continuó la arquitecta Irene Salas, “pero la terminaremos en mayo”."
    (c,) = claims_of(text)
    assert (c["cue"]["text"], c["speaker"]["name"]) == ("continuó", "Irene Salas")


def test_a_title_line_quoting_several_sentences_then_a_colon_and_the_name(claims_of):
    text = "“No era mi tarde. Ahora toca entrenar más”: Lidia Ferrán\n\nLa nadadora Lidia Ferrán quedó cuarta."
    (c,) = claims_of(text)
    assert (c["cue"]["text"], c["speaker"]["name"]) == (":", "Lidia Ferrán")
    assert c["content"]["text"] == "No era mi tarde. Ahora toca entrenar más"


@pytest.mark.parametrize("aside", ["—dijo—", ", dijo,"])
def test_an_unnamed_cue_interrupting_reported_speech_belongs_to_it(claims_of, aside):
    text = (f"El rector Tomás Ibarra anunció que el campus tendrá otra biblioteca, y para pagarla {aside} "
            "la universidad venderá dos solares.")
    (c,) = claims_of(text)
    assert (c["cue"]["text"], c["speaker"]["name"]) == ("anunció", "Tomás Ibarra")
    assert c["content"]["text"] == (f"que el campus tendrá otra biblioteca, y para pagarla {aside} "
                                    "la universidad venderá dos solares")


def test_a_named_cue_interrupting_reported_speech_is_its_own_claim(claims_of):
    text = ("El rector Tomás Ibarra anunció que el campus tendrá otra biblioteca, y para pagarla, "
            "añadió la gerente Eva Sanz, la universidad venderá dos solares.")
    assert {c["speaker"]["name"] for c in claims_of(text)} == {"Tomás Ibarra", "Eva Sanz"}


def test_a_closing_dash_of_an_aside_does_not_end_the_content(claims_of):
    text = "La bióloga Marta Solís explicó que el hongo avanza y que —por desgracia— supone un riesgo para los pinos."
    (c,) = claims_of(text)
    assert c["content"]["text"] == "que el hongo avanza y que —por desgracia— supone un riesgo para los pinos"


def test_a_cue_form_right_after_a_quotation_is_trusted_whatever_its_tag(claims_of):
    # the tagger reads "asevera" before a name as part of it
    (c,) = claims_of("“Las cuentas del sindicato están en orden y auditadas”, asevera Luis Pardo Ríos.")
    assert (c["cue"]["text"], c["speaker"]["name"]) == ("asevera", "Luis Pardo Ríos")


@pytest.mark.parametrize("text, cue", [
    ("La vecina Clara Ruiz habló con la prensa. “Nadie limpia el río desde marzo”, se quejó.", "quejó"),
    ("La vecina Clara Ruiz habló con la prensa. “Si nadie limpia el río, ¿quién lo hará?”, se preguntó.", "preguntó"),
])
def test_a_pronominal_cue_after_a_quotation_is_not_impersonal(claims_of, text, cue):
    (c,) = claims_of(text)
    assert (c["cue"]["text"], c["speaker"]["name"]) == (cue, "Clara Ruiz")


def test_an_impersonal_se_after_a_quotation_still_names_nobody(claims_of):
    (c,) = claims_of("“Habrá cortes de agua el martes”, se informó en un comunicado.")
    assert c["speaker"] is None


@pytest.mark.parametrize("text, cue", [
    ("El tenor Julio Cerdán asegura, “es el mejor papel de mi carrera”.", "asegura"),
    ("La piloto Noa Vidal dijo por el altavoz del circuito, “hoy todo salió perfecto, gracias”.", "dijo"),
    # a phrase of what it was about, then the comma
    ("El tenor Julio Cerdán opinó sobre la nueva sala, “es la mejor acústica que he probado”.", "opinó"),
])
def test_a_quotation_in_lower_case_after_the_cue_and_a_comma_is_direct(claims_of, text, cue):
    (c,) = claims_of(text)
    assert (c["type"], c["cue"]["text"]) == ("direct", cue)
    assert c["speaker"]["name"] in ("Julio Cerdán", "Noa Vidal")


def test_a_cue_set_off_by_commas_before_a_lower_case_quotation_keeps_the_whole_sentence(claims_of):
    text = "La alcaldesa Noa Vidal visitó la escuela. Dirigir este centro, dijo, “es un honor y una responsabilidad”."
    (c,) = claims_of(text)
    assert c["content"]["text"] == "Dirigir este centro, dijo, “es un honor y una responsabilidad”"


def test_que_after_an_addressee_and_the_addressee_s_name_is_the_content(claims_of):
    text = "El fiscal Tomás Rey aseguró a su homólogo chileno, Pedro Duval, que el preso será trasladado en mayo."
    (c,) = claims_of(text)
    assert (c["speaker"]["name"], c["content"]["text"]) == ("Tomás Rey", "que el preso será trasladado en mayo")


def test_an_unlisted_verb_after_a_quotation_with_a_body_by_its_name(claims_of):
    (c,) = claims_of("“La reclamación llegó fuera de plazo y no se admite”, dictaminó la Corte Suprema.")
    assert (c["cue"]["text"], c["speaker"]["name"], c["speaker"]["kind"]) == (
        "dictaminó", "Corte Suprema", "organisation")


def test_an_unlisted_verb_after_a_sentence_that_quotes_words_mid_way(claims_of):
    (c,) = claims_of("La jornada de huelga “fue un éxito rotundo en todo el país”, presumió el líder sindical.")
    assert (c["type"], c["cue"]["text"], c["speaker"]["name"]) == ("mixed", "presumió", "líder sindical")
    assert c["content"]["text"] == "La jornada de huelga “fue un éxito rotundo en todo el país”"


def test_para_a_source_then_a_quotation_without_a_comma(claims_of):
    (c,) = claims_of("Para la ministra Ana Ruiz “el plan llega tarde y sin dinero suficiente”.")
    assert (c["cue"]["text"], c["speaker"]["name"]) == ("Para", "Ana Ruiz")
    assert c["content"]["text"].strip("“”") == "el plan llega tarde y sin dinero suficiente"


def test_para_a_programme_then_its_quoted_name_is_no_claim(claims_of):
    assert claims_of("Para el programa “Vivir mejor en casa” se destinaron dos millones.") == []


def test_a_quotation_after_a_colon_in_a_para_claim_is_its_own_claim(claims_of):
    text = ("Para el escritor Luis Vera, copiar se ha vuelto costumbre en las aulas: “Antes nadie lo notaba y "
            "ahora todo se descubre en segundos”.")
    assert [(c["type"], c["speaker"]["name"]) for c in claims_of(text)] == [
        ("according_to", "Luis Vera"), ("direct", "Luis Vera")]


@pytest.mark.parametrize("text, content", [
    ("La alcaldesa Rosa Prat expresó su “más enérgica repulsa” por el incendio del mercado.",
     "su “más enérgica repulsa” por el incendio del mercado"),
    ("El concejal Luis Mora ha expresado este jueves su “total apoyo” a los vecinos del barrio.",
     "su “total apoyo” a los vecinos del barrio"),
])
def test_a_speech_verb_whose_object_opens_the_speaker_s_quoted_words_is_mixed(claims_of, text, content):
    (c,) = claims_of(text)
    assert (c["type"], c["content"]["text"]) == ("mixed", content)


def test_a_verb_with_a_prepositional_phrase_before_quoted_words_is_no_claim(claims_of):
    assert claims_of("La universidad se declaró ayer en “huelga indefinida” por los recortes.") == []


def test_reported_speech_ends_where_another_speaker_s_act_begins(claims_of):
    text = ("Los vecinos sostienen que el puente tapará la luz, mientras que los comerciantes del barrio "
            "afirman que traerá clientes.")
    claims = claims_of(text)
    assert [c["content"]["text"] for c in claims] == ["que el puente tapará la luz", "que traerá clientes"]


def test_reported_speech_goes_on_past_a_clause_whose_subject_cannot_speak(claims_of):
    text = "La bióloga Ana Gil explicó que el lago pierde agua cada verano, aunque en invierno los niveles se mantienen altos."
    (c,) = claims_of(text)
    assert c["content"]["text"] == "que el lago pierde agua cada verano, aunque en invierno los niveles se mantienen altos"


@pytest.mark.parametrize("text, content", [
    ("La presidenta del club, Irene Sáez, pidió hace dos semanas que la liga revisara el calendario.",
     "que la liga revisara el calendario"),
    ("La revista Norte Verde reveló, hace unos días, que la fábrica vertía residuos al río.",
     "que la fábrica vertía residuos al río"),
    ("La ministra Ana Ruiz explicó hace un año que el plan no tendría recortes.", "que el plan no tendría recortes"),
])
def test_a_time_ago_between_the_cue_and_its_clause_is_neither(claims_of, text, content):
    (c,) = claims_of(text)
    assert c["content"]["text"] == content


def test_hace_in_the_clause_itself_stays_in_the_content(claims_of):
    (c,) = claims_of("La ministra Ana Ruiz dijo que hace falta más dinero para las escuelas.")
    assert c["content"]["text"] == "que hace falta más dinero para las escuelas"


def test_reported_speech_goes_on_past_pero_que_and_the_same_speaker_s_clause(claims_of):
    text = "La directora Ana Gil aclaró que el museo abrirá en junio, pero que ya le habían pedido retrasarlo."
    c = next(c for c in claims_of(text) if c["cue"]["text"] == "aclaró")
    assert c["content"]["text"] == "que el museo abrirá en junio, pero que ya le habían pedido retrasarlo"


@pytest.mark.parametrize("text, content", [
    # a speech verb whose object is quoted whole from its article on (guidelines rule 7: mixed)
    ("La escritora señaló “la desidia” del editor como el origen de la ruptura.",
     "“la desidia” del editor como el origen de la ruptura"),
    ("El fiscal explicó “el porqué” de su recurso ante el tribunal.", "“el porqué” de su recurso ante el tribunal"),
])
def test_a_speech_verb_whose_object_is_quoted_from_its_article_is_mixed(claims_of, text, content):
    (c,) = claims_of(text)
    assert (c["type"], c["content"]["text"]) == ("mixed", content)


def test_a_quoted_title_after_a_speech_verb_is_no_mixed_object(claims_of):
    assert all(c["type"] != "mixed" for c in claims_of("La banda anunció “El regreso”, su disco nuevo."))


@pytest.mark.parametrize("text, lemma", [
    ("La abogada Inés Pardo habló media hora. Remató: “Nadie está por encima de la ley”.", "rematar"),
    ("La abogada Inés Pardo habló media hora. Luego continuó: «Nadie está por encima de la ley».", "continuar")])
def test_an_aside_verb_before_a_colon_and_a_quotation_is_a_cue(claims_of, text, lemma):
    (c,) = claims_of(text)
    assert (c["type"], c["speaker"]["name"], c["cue"] and c["cue"]["lemma"], c["content"]["text"]) == \
        ("direct", "Inés Pardo", lemma, "Nadie está por encima de la ley")


def test_an_aside_verb_before_a_colon_without_a_quotation_is_no_cue(claims_of):
    assert claims_of("La abogada Inés Pardo remató: la sesión terminó a las diez.") == []


def test_a_quotation_after_an_opening_segun_and_before_an_unnamed_cue_is_one_claim(claims_of):
    claims = claims_of("Según la ministra Nuria Vidal, “el plan llegará a todos los barrios”, dijo en un comunicado.")
    assert [(c["type"], c["speaker"]["name"]) for c in claims] == [("according_to", "Nuria Vidal")]


def test_a_named_cue_after_an_opening_segun_keeps_its_own_claim(claims_of):
    claims = claims_of("Según la ministra, “el plan llegará a todos los barrios”, dijo Luis Soto.")
    assert ("Luis Soto", "dijo") in [(c["speaker"]["name"], c["cue"]["text"]) for c in claims]


def test_a_verb_after_a_dash_that_closes_an_aside_is_the_clauses_own(claims_of):
    (c,) = claims_of("El fotógrafo Hugo Lins publicó la serie.\n\nLa Liga de Remo -LDR- criticó las palabras del "
                     "fotógrafo sobre el club.")
    assert c["speaker"]["name"] == "Liga de Remo" and c["content"]["text"].startswith("las palabras")


def test_a_cue_between_dashes_after_a_quotation_names_its_subject(claims_of):
    (c,) = claims_of("“No cederemos” —aseguró la alcaldesa— “ni un metro”.")
    assert c["speaker"]["name"] == "alcaldesa"


@pytest.mark.parametrize("text", [
    "Desde el club aseguran que ampliarán la oferta de cursos que vienen dando en el barrio desde 1990.",
    "La alcaldesa anunció un programa de becas que cubre el transporte escolar.",
])
def test_a_relative_clause_on_a_noun_and_its_complement_is_no_reported_speech(claims_of, text):
    assert all(not c["content"]["text"].startswith(("que vienen", "que cubre")) for c in claims_of(text))


@pytest.mark.parametrize("text", [
    "El alcalde lamentó los retrasos de la obra que paralizó el tráfico.",
    "La novela describe la vida de unos pastores que cruzaron la sierra.",
    "La fiscal reveló la existencia de cuentas de la empresa que ocultaban dinero.",
    # on the topic after "sobre"
    "La jueza informó sobre el caso que sigue abierto desde enero.",
    # on what the object is taken for, a person too
    "Ganó dos títulos y la afición lo reconoció como el portero que más paradas hizo.",
    "La crítica la describió como la actriz que mejor entendió el papel.",
    # on the subject of a passive "se" after the cue, its object
    "Los obreros ocuparon el local para exigir se les reconozca el paro iniciado en una fábrica que se levanta junto a la plaza.",
])
def test_a_relative_clause_deeper_in_the_object_is_no_reported_speech(claims_of, text):
    assert all(not c["content"]["text"].startswith("que ") for c in claims_of(text))


@pytest.mark.parametrize("text, content", [
    ("La experta subrayó durante su charla que la demanda de ingenieros crece.", "que la demanda de ingenieros crece"),
    ("El concejal afirmó tras la votación del pleno, que las multas bajarán.", "que las multas bajarán"),
    ("La alcaldesa pidió a las autoridades que investiguen el caso.", "que investiguen el caso"),
    # a clause with its own subject before its verb, which the parser hung on the addressee
    ("El hospital informó a las familias que las visitas se reanudan el lunes.", "que las visitas se reanudan el lunes"),
    # after the topic, a clause with its own subject first
    ("Rosa Lema dijo sobre su disco que las canciones nacieron durante la pandemia.",
     "que las canciones nacieron durante la pandemia"),
])
def test_que_after_where_it_was_said_or_the_addressee_is_the_content(claims_of, text, content):
    assert content in [c["content"]["text"] for c in claims_of(text)]


@pytest.mark.parametrize("text, content", [
    ("La consejera exhortó a los padres a acudir a la reunión del colegio con “propuestas concretas”.",
     "a los padres a acudir a la reunión del colegio con “propuestas concretas”"),
    ("La agencia instó a los gobiernos a “negociar sin condiciones” antes del verano.",
     "a los gobiernos a “negociar sin condiciones” antes del verano"),
])
def test_a_directive_to_an_addressee_with_quoted_words_is_mixed(claims_of, text, content):
    (c,) = claims_of(text)
    assert (c["type"], c["content"]["text"]) == ("mixed", content)


@pytest.mark.parametrize("text, content", [
    ("La senadora acusó al ministro de querer “vender el puerto a pedazos” antes de las elecciones.",
     "de querer “vender el puerto a pedazos” antes de las elecciones"),
    ("La diputada lo acusó de querer “comprar votos” con las ayudas.", "de querer “comprar votos” con las ayudas"),
])
def test_an_accusation_with_quoted_words_is_mixed_from_its_de(claims_of, text, content):
    (c,) = claims_of(text)
    assert (c["type"], c["content"]["text"]) == ("mixed", content)


def test_an_accusation_without_quoted_words_makes_no_claim(claims_of):
    assert claims_of("El fiscal acusó al alcalde de desviar fondos.") == []


def test_a_directive_without_quoted_words_makes_no_claim(claims_of):
    assert claims_of("La consejera exhortó a los vecinos a votar en la consulta.") == []


@pytest.mark.parametrize("text, name, content", [
    ("Titular de la nota\n\nLa presa se desbordó durante la noche y obligó a evacuar a cien familias.\n\n"
     "Así lo informó la Secretaría de Protección Civil, que pidió calma a los vecinos.",
     "Secretaría de Protección Civil", "La presa se desbordó durante la noche y obligó a evacuar a cien familias"),
    ("El puerto cerrará dos semanas por obras en el muelle. Así lo ha confirmado el capitán Luis Soto.",
     "Luis Soto", "El puerto cerrará dos semanas por obras en el muelle"),
    ("Titular\n\nValdivia.- El hospital estrenará un quirófano en marzo.\n\nAsí lo dio a conocer la directora Ana Gil.",
     "Ana Gil", "El hospital estrenará un quirófano en marzo"),
])
def test_asi_lo_attributes_what_was_said_just_before(claims_of, text, name, content):
    (c,) = [c for c in claims_of(text) if c["content"]["text"] == content]
    assert c["speaker"]["name"] == name and c["type"] == "indirect"


def test_asi_lo_before_a_colon_points_at_what_follows(claims_of):
    text = ("El puerto cerrará dos semanas por obras. Así lo explica la capitana Irene Salas, jefa de muelles: "
            "«Las grúas no resisten otro invierno».")
    assert [(c["cue"]["text"], c["content"]["text"]) for c in claims_of(text)] == [
        ("explica", "Las grúas no resisten otro invierno")]


def test_asi_lo_after_a_claim_adds_no_second_one(claims_of):
    text = "El alcalde dijo que el puerto cerrará dos semanas por obras. Así lo confirmó también el capitán Luis Soto."
    assert [c["cue"]["text"] for c in claims_of(text)] == ["dijo"]


def test_an_unlisted_cue_before_a_copular_clause(claims_of):
    # the clause hangs from its predicate ("legal"), its verb is the copula "es"
    text = "El arquitecto Pedro Soto visitó la obra. Soto diferenció que «la obra es legal, aunque el permiso llegó tarde»."
    (c,) = claims_of(text)
    assert (c["cue"]["text"], c["speaker"]["name"], c["type"]) == ("diferenció", "Pedro Soto", "mixed")


@pytest.mark.parametrize("text, cue, content, speaker_text", [
    ("La autora de “Viento del sur” dijo que habrá segunda parte.", "dijo", "que habrá segunda parte",
     "La autora de “Viento del sur”"),
    ("El director de «Noche de faros» aseguró que el rodaje terminó en abril.", "aseguró",
     "que el rodaje terminó en abril", "El director de «Noche de faros»"),
    ("El dúo “Los Parientes” anunció que se separa tras veinte años.", "anunció", "que se separa tras veinte años",
     "El dúo “Los Parientes”"),
])
def test_a_title_inside_the_subject_is_no_quotation_before_the_cue(claims_of, text, cue, content, speaker_text):
    (c,) = claims_of(text)  # (not the title as a direct claim: rule 11)
    assert (c["cue"]["text"], c["content"]["text"], c["type"]) == (cue, content, "indirect")
    assert c["speaker"]["text"] == speaker_text and text[c["speaker"]["start"]:c["speaker"]["end"]] == speaker_text


@pytest.mark.parametrize("text", [
    "El intérprete de “Luna de papel” continuó su gira por el norte.",
    "La autora de «Viento del sur» remató la presentación con una lectura.",
])
def test_a_title_before_an_aside_verb_makes_no_claim(claims_of, text):
    assert claims_of(text) == []


def test_a_quotation_opening_the_sentence_before_its_cue_without_a_comma(claims_of):
    (c,) = claims_of("“Vamos a ganar el domingo” dijo el técnico antes del entrenamiento.")
    assert (c["type"], c["content"]["text"], c["speaker"]["text"]) == ("direct", "Vamos a ganar el domingo", "el técnico")


def test_an_own_possessive_after_an_attribution_phrase_names_no_source(claims_of):
    text = ("Nuevas reglas para el mercado\n\nDe acuerdo a mis cuentas, el puesto cerrará en marzo: Lozano\n\n"
            "El gerente Iván Lozano Pérez habló ayer.")
    (c,) = claims_of(text)
    assert (c["speaker"]["name"], c["cue"]["text"]) == ("Iván Lozano Pérez", ":")


@pytest.mark.parametrize("text, name", [
    # a plural verb whose subject is dropped: the people or bodies that acted just before speak
    ("El alcalde Julio Meza inauguró la obra.\n\nLos inspectores de Obras y de Protección Civil sostuvieron "
     "reuniones con los comerciantes.\n\nSeñalaron que el mercado abrirá en mayo.",
     "inspectores de Obras y de Protección Civil"),
    ("Los delegados de ambos sindicatos visitaron ayer a los vecinos. Aseguraron que la huelga terminará el lunes.",
     "delegados de ambos sindicatos"),
    # not a thing named by an agent's ending ("las variantes"), nor several that acted before the
    # last one who spoke
    ("Las variantes del virus circulan más rápido.\n\nAseguraron que la vacuna sigue siendo eficaz.", None),
    ("Los delegados de ambos sindicatos visitaron ayer a los vecinos. El alcalde Julio Meza dijo que habrá "
     "diálogo. Aseguraron que la huelga terminará el lunes.", None),
])
def test_a_dropped_plural_subject_is_the_group_that_acted_before(claims_of, text, name):
    c = claims_of(text)[-1]
    assert (c["speaker"] or {}).get("name") == name


@pytest.mark.parametrize("text, name", [
    # a relative clause's plural verb speaks from where its noun's verb does
    ("Desde la oficina del candidato difundieron un boletín donde sostienen que la alianza sigue firme.",
     "oficina del candidato"),
    ("Desde la Secretaría de Pesca publicaron una nota en la que explican que la veda durará un mes.",
     "Secretaría de Pesca"),
])
def test_a_relative_clause_speaks_from_its_governing_verbs_source(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name


@pytest.mark.parametrize("text, content, mention", [
    # a heading glued to its paragraph was parsed as a second subject, a clause away from the verb
    ("Multa a Vecinos Sobre la sanción administrativa con la que se castigó con mil euros a los tres "
     "vecinos del edificio, quienes fueron señalados por una constructora, el alcalde explicó que se revisará "
     "el expediente.", "que se revisará", "el alcalde"),
    ("Obras en el Puerto Acerca de la licitación con la que se adjudicó el muelle nuevo a una empresa gallega, "
     "que fue criticada por los sindicatos, el presidente del puerto sostuvo que todo fue legal.",
     "que todo fue legal", "el presidente del puerto"),
])
def test_the_subject_next_to_the_verb_past_a_clause(claims_of, text, content, mention):
    assert find(claims_of(text), content)["speaker"]["text"] == mention


def test_a_time_parsed_as_a_subject_gives_way_to_the_speaker(claims_of):
    text = ("La tarde del martes, en declaraciones a la radio local, el consejero de Pesca Tomás Liendo, ha "
            "insistido en que la veda sigue.")
    assert find(claims_of(text), "que la veda")["speaker"]["name"] == "Tomás Liendo"


def test_a_subject_set_off_by_a_clause_keeps_its_name(claims_of):
    text = "Marta Gil, alcaldesa de la villa desde que ganó en mayo, aseguró que colaborará con la investigación."
    assert find(claims_of(text), "que colaborará")["speaker"]["name"] == "Marta Gil"


@pytest.mark.parametrize("text, content", [
    # the cue inside a subordinate clause that opens the sentence: what was said ends with that clause
    ("Aunque el alcalde dijo que la obra terminará en mayo, los vecinos siguen sin agua.",
     "que la obra terminará en mayo"),
    ("Luego de que la empresa anunciara que cerrará la planta, los trabajadores convocaron una huelga.",
     "que cerrará la planta"),
    ("Después de que el club confirmara que el entrenador seguirá, la afición llenó el estadio.",
     "que el entrenador seguirá"),
    ("Cuando el juez explicó que la sentencia es firme, la familia abandonó la sala.", "que la sentencia es firme"),
    # the comma inside the content, a clause with no subject of its own after it: the content goes on
    ("Según informó la policía, el detenido tiene 30 años, vive en el centro y no tiene antecedentes.",
     "el detenido tiene 30 años, vive en el centro y no tiene antecedentes"),
])
def test_a_fronted_clause_ends_the_content(claims_of, text, content):
    (c,) = claims_of(text)
    assert c["content"]["text"] == content


@pytest.mark.parametrize("text, name", [
    # the medium addressed after the cue is no speaker: the subject is dropped
    ("Marta Quiroga, bióloga del puerto, es optimista.\n\n“La pesca volverá en primavera”, le contó al periódico "
     "escocés The Coastal Times.", "Marta Quiroga"),
    # past the medium's name, a person's name that opens with a given name speaks
    ("“La pesca volverá en primavera”, ha declarado al semanario austral Brisa Kenan Soto, del gremio de pescadores.",
     "Kenan Soto"),
])
def test_a_medium_addressed_after_the_cue_is_no_speaker(claims_of, text, name):
    assert find(claims_of(text), "La pesca volverá")["speaker"]["name"] == name


def test_a_work_s_title_in_title_case_is_no_floating_quotation(claims_of):
    text = ("“No habrá otro estreno así”, dijo la directora Olga Ferrán.\n\n"
            "“Nueve Noches En Valparaíso”, la película del año, cuenta la vida de un pescador.")
    assert [c["content"]["text"] for c in claims_of(text)] == ["No habrá otro estreno así"]


def test_the_agency_that_quotes_a_speaker_makes_no_claim_of_its_own(claims_of):
    text = "“No firmaremos ese acuerdo”, agregó el canciller Pavel Orlov en una entrevista, citado por agencias locales."
    claims = claims_of(text)
    assert [(c["cue"]["text"], c["speaker"]["name"]) for c in claims] == [("agregó", "Pavel Orlov")]


def test_a_person_s_name_the_subject_phrase_cuts_is_taken_whole(extractor):
    """ "el vicepresidente de Tulca Karim El Haddad aseguró …" parsed with "El Haddad" outside the
    subject's phrase (a second subject): the phrase takes the rest of the person's name, not a verb."""
    from spacy.tokens import Doc, Span

    from newsclaims.pipeline.mentions import trim_np
    words = ["el", "vicepresidente", "de", "Tulca", "Karim", "El", "Haddad", "aseguró", "que", "llueve"]
    heads = [1, 7, 3, 1, 3, 6, 7, 7, 9, 7]
    deps = ["det", "nsubj", "case", "nmod", "flat", "det", "nsubj", "ROOT", "mark", "ccomp"]
    pos = ["DET", "NOUN", "ADP", "PROPN", "PROPN", "DET", "PROPN", "VERB", "SCONJ", "VERB"]
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 3, 4, label="LOC"), Span(doc, 4, 7, label="PER")]
    subject = doc[1]
    assert " ".join(t.text for t in trim_np(list(subject.subtree))) == "el vicepresidente de Tulca Karim El Haddad"
    # a verb the model ran into the name stays out
    doc.ents = [Span(doc, 3, 4, label="LOC"), Span(doc, 4, 8, label="PER")]
    assert trim_np(list(doc[1].subtree))[-1].text == "Haddad"


def test_a_surname_with_an_enclitics_ending_is_no_cue(extractor):
    # "Revelo" closing a name reads as "revelo" (+ "lo"): a word of a name is no speech verb
    from newsclaims.pipeline.cues import cue_lemma
    doc = extractor.nlp("La tarde del jueves, el portero Julio César Paz Revelo, de 41 años, habló con la prensa.")
    assert [cue_lemma(t) for t in doc if t.text == "Revelo"] == [None]
    doc = extractor.nlp("El portero Julio César Paz reveló que dejará el club.")
    assert [cue_lemma(t) for t in doc if t.text == "reveló"] == ["revelar"]  # the verb itself stays a cue


@pytest.mark.parametrize("text", [
    "El semanario publicó un reportaje extenso, que quedó guardado en sus cajones durante meses.",
    "La consejera explicó las bases del programa de becas, que se apoya en el mérito y la renta.",
    "Los dermatólogos recomiendan el uso de jabones suaves para las manos, que no resecan la piel.",
])
def test_que_after_the_cues_object_and_a_comma_opens_a_relative_clause(claims_of, text):
    assert claims_of(text) == []


@pytest.mark.parametrize("text, content", [
    ("La tesorera declaró tras la firma del convenio, que las cuotas bajarían en otoño.",
     "que las cuotas bajarían en otoño"),
    ("El portavoz indicó durante la feria del libro, que se espera recibir a diez mil visitantes.",
     "que se espera recibir a diez mil visitantes"),
])
def test_que_after_where_or_when_it_was_said_and_a_comma_is_the_content(claims_of, text, content):
    (c,) = claims_of(text)
    assert c["content"]["text"] == content


@pytest.mark.parametrize("text, name", [
    ("El conductor Luis Mena declaró ante el juez. Según su versión, el semáforo estaba en verde.", "Luis Mena"),
    # the person the sentence has named before the possessive, though somebody else spoke last
    ("La fiscal Ana Gil pidió calma. Mientras, el titular de Seguridad, Ramón Vidal, calificó de leves los "
     "incidentes, que según su propia versión dejaron nueve heridos.", "Ramón Vidal"),
])
def test_according_to_ones_own_account_is_the_possessors_claim(claims_of, text, name):
    claim = next(c for c in claims_of(text) if c["type"] == "according_to")
    assert claim["speaker"]["name"] == name


def test_a_negated_recordar_is_to_remember(claims_of):
    text = ("El neurólogo Tomás Urías atendió a la paciente. Después del desmayo, la mujer retoma su rutina y no "
            "recuerda haber perdido el sentido. Expresó que conviene hacer una resonancia.")
    claims = claims_of(text)
    assert [c["cue"]["text"] for c in claims] == ["Expresó"]
    assert claims[0]["speaker"]["name"] == "Tomás Urías"


@pytest.mark.parametrize("text", [
    "Las embajadas emitieron una nota. Tampoco se había aclarado todavía si la ministra viajaría.",
    "En redes también se ha dicho que el té verde cura la gripe.",
])
def test_impersonal_se_with_its_auxiliary_reports_nobodys_speech(claims_of, text):
    assert claims_of(text) == []


@pytest.mark.parametrize("text", [
    # an impersonal "se" after a fronted phrase: the phrase's noun is no subject, nobody speaks
    "El alcalde Tomás Liendo visitó la obra el lunes. A lo largo del pleno se recalcó que el plazo vence el viernes.",
    "El alcalde Tomás Liendo visitó la obra el lunes. Al cerrar el acta se indicó que la obra terminará en mayo.",
    "El alcalde Tomás Liendo visitó la obra el lunes. Tras la reunión se informó que habrá otra el martes.",
    # and with a dative between "se" and the verb
    "El alcalde Tomás Liendo visitó la obra el lunes. A los vecinos se les dijo que el agua volverá mañana.",
])
def test_impersonal_se_after_a_fronted_phrase_reports_nobodys_speech(claims_of, text):
    assert claims_of(text) == []


@pytest.mark.parametrize("text, name", [
    # a subject before a pronominal or reflexive "se" still speaks
    ("El alcalde Tomás Liendo visitó la obra el lunes. El alcalde se quejó de que faltan fondos.", "Tomás Liendo"),
    ("La jueza Rebeca Olmedo habló ayer. La jueza se dijo convencida de que el juicio acabará pronto.",
     "Rebeca Olmedo"),
])
def test_a_subject_before_se_still_speaks(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name


@pytest.mark.parametrize("text, name", [
    ("El consistorio repartió un boletín en el cual se sostiene que la presa aguantará la riada.", "boletín"),
    ("El juez firmó una sentencia en la cual se explica que el contrato era nulo.", "sentencia"),
])
def test_an_impersonal_se_in_a_document_s_relative_clause_is_the_document_speaking(claims_of, text, name):
    (c,) = claims_of(text)
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == (name, "document")


def test_a_plural_in_a_document_s_relative_clause_speaks_from_the_desde_phrase(claims_of):
    (c,) = claims_of("Desde la cofradía emitieron una nota donde aseguran que la procesión saldrá a las ocho.")
    assert c["speaker"]["name"] == "cofradía"


def test_a_pronominal_cue_with_its_auxiliary_still_speaks(claims_of):
    (c,) = claims_of('"No habrá cambios", se había quejado el alcalde.')
    assert c["speaker"]["name"] == "alcalde"


@pytest.mark.parametrize("text", [
    "El club descartó el fichaje después de que el jugador se lesionara en marzo.",
    "La regente asumió el trono en 1820, un año antes de que la colonia se separara de la corona.",
    "Los socios expresaron su respaldo al entrenador, a pesar de que la directiva negó la crisis.",
])
def test_que_after_a_conjunctions_de_opens_no_content(claims_of, text):
    assert claims_of(text) == []


def test_a_judgement_goes_on_past_the_speakers_own_aside(claims_of):
    # "pertinente", tagged an adverb, is one of the judgement's adjectives; ", según dijo," is the
    # speaker's own aside inside the content
    text = ("La alcaldesa consideró urgente y pertinente convocar a la prensa, según dijo, con el fin de que los "
            "comerciantes conozcan las fechas.")
    (c,) = claims_of(text)
    assert c["cue"]["text"] == "consideró"
    assert c["content"]["text"] == ("urgente y pertinente convocar a la prensa, según dijo, con el fin de que los "
                                    "comerciantes conozcan las fechas")


@pytest.mark.parametrize("text, speaker, content", [
    ("El ministerio publicó un informe, según el cual la inflación bajará en mayo.", "informe",
     "la inflación bajará en mayo"),
    # the noun of the relative's gender and number, not the nearest one ("revista")
    ("Así lo sostiene un informe publicado en una gaceta, según el cual los atletas rinden más de noche.",
     "informe publicado en una gaceta", "los atletas rinden más de noche"),
    ("La edil mencionó un estudio de la Dirección de Puertos según el cual el muelle aguantará otra década.",
     "estudio de la Dirección de Puertos", "el muelle aguantará otra década"),
])
def test_according_to_a_relative_is_its_antecedents_claim(claims_of, text, speaker, content):
    claim = next(c for c in claims_of(text) if c["type"] == "according_to")
    assert claim["speaker"]["name"] == speaker and claim["content"]["text"] == content


def test_a_source_named_inside_anothers_reported_speech_does_not_take_over(claims_of):
    text = ("La ministra Ana Gil dijo que exigió aclaraciones sobre unos rumores publicados, según los cuales la "
            "aduana cerró sus puertas. Aclaró que la aduana sigue abierta.")
    claim = next(c for c in claims_of(text) if c["cue"]["text"] == "Aclaró")
    assert claim["speaker"]["name"] == "Ana Gil"


@pytest.mark.parametrize("text", [
    "Hace falta una norma clara que nos diga cuánto podemos cobrar.",
    "Los vigilantes no reciben mensajes que les indiquen que la alarma sonó.",
    "En la cueva encontraron puntas de flecha y huesos de ciervo, lo que indica que fue un campamento de caza.",
    "La región desplegó dos misiles de largo alcance, lo cual supone que podría atacar a sus vecinos.",
])
def test_a_relative_cue_in_the_subjunctive_or_for_a_matter_is_no_statement(claims_of, text):
    assert claims_of(text) == []


@pytest.mark.parametrize("text, name", [
    ("La ministra Ana Gil dijo que la obra se retrasa, por lo que aseveró que habrá multas.", "Ana Gil"),
    ("Años atrás fue el propio alcalde Luis Soto quien confirmara que tenía otra hija.", "Luis Soto"),
])
def test_so_and_the_narrating_ra_form_still_report(claims_of, text, name):
    claims = claims_of(text)
    assert claims and claims[-1]["speaker"]["name"] == name


@pytest.mark.parametrize("text", [
    "Abrirá una ventanilla para orientar sobre las obras que se prevén en el parque.",
    "El desfile cruzó el puerto, y que además se prevé que se repita en otros barrios.",
    "El incendio empezó en un almacén de telas, que se cree que tuvo un papel en la expansión del fuego.",
])
def test_passive_se_after_a_relative_pronoun_reports_nobodys_speech(claims_of, text):
    assert claims_of(text) == []


def test_a_reflexive_cue_after_quienes_still_reports(claims_of):
    text = "Les pagan poco los acaparadores, quienes se excusan con que el banco no ha liberado los créditos."
    claims = claims_of(text)
    assert claims and claims[0]["speaker"]["name"] == "acaparadores"


@pytest.mark.parametrize("text, content", [
    ("La naviera avisó, a través de un comunicado, que suspenderá la ruta en invierno.",
     "que suspenderá la ruta en invierno"),
    ("La alcaldesa anunció, mediante una circular, que las piscinas abrirán en junio.",
     "que las piscinas abrirán en junio"),
])
def test_que_after_the_channel_set_off_by_commas_is_the_content(claims_of, text, content):
    (c,) = claims_of(text)
    assert c["type"] == "indirect" and c["content"]["text"] == content


@pytest.mark.parametrize("text, name, content", [
    # the addressee set off by commas right after the cue, whatever the parser hangs "que" on
    ("Titular.\n\nLa vecina explicó, a los agentes, que la puerta estaba abierta.", "vecina",
     "que la puerta estaba abierta"),
    ("Titular.\n\nLa pasajera explicó, al revisor del tren, que había perdido su billete.", "pasajera",
     "que había perdido su billete"),
    # or where or when it was said, set off by commas or opening right after the cue
    ("Titular.\n\nLa jueza Rebeca Olmedo precisó, ante las preguntas del diputado Tomás Liendo, que el juicio "
     "durará un mes.", "Rebeca Olmedo", "que el juicio durará un mes"),
    ("Titular.\n\nEl diputado Tomás Liendo informó ante los líderes de la Casa Tulca de Vexa, que habrá más "
     "becas.", "Tomás Liendo", "que habrá más becas"),
])
def test_que_after_the_addressee_set_off_by_commas_is_the_content(claims_of, text, name, content):
    (c,) = claims_of(text)
    assert (c["speaker"]["name"], c["content"]["text"]) == (name, content)


def test_a_sentence_s_opening_verb_the_tagger_calls_a_name_still_makes_a_statement(extractor):
    nlp = extractor.nlp
    ours = [n for n in nlp.pipe_names if n.startswith("newsclaims_")]
    text = "Titular.\n\nNecesitaba tres curas más en el brazo, dijeron los médicos."
    with nlp.select_pipes(disable=ours):
        doc = nlp(text)
    k = next(t.i for t in doc if t.text == "Necesitaba")
    doc[k].pos_, doc[k].tag_ = "PROPN", "PROPN"  # as the small model may tag a capitalised verb
    doc[k].set_morph("")
    for name in ours:
        doc = nlp.get_pipe(name)(doc)
    (c,) = doc._.claims
    assert c.speaker.name == "médicos" and text[c.start:c.end] == "Necesitaba tres curas más en el brazo"


def test_que_after_a_companion_set_off_by_commas_is_a_relative_clause(claims_of):
    assert claims_of("Lo pone de relieve otra cadena, junto con Vexa, que se suma al boicot.") == []


@pytest.mark.parametrize("text, speaker", [
    # a cue's form that reports nothing after the source ("se ha mantenido": it stayed)
    ("La demanda de leña, según los comerciantes, se ha mantenido estable todo el invierno.", "comerciantes"),
    ("El nuevo dique, según afirman los regantes del valle, será clave para el riego.", "regantes del valle"),
])
def test_a_source_set_off_mid_sentence_vouches_for_the_sentence(claims_of, text, speaker):
    (c,) = claims_of(text)
    assert c["type"] == "according_to" and c["speaker"]["name"] == speaker
    assert c["content"]["text"].startswith(text.split(",")[0])


def test_a_source_set_off_mid_sentence_takes_the_name_apposed_to_its_title(claims_of):
    text = "El nuevo dique, según explicó la directora del Instituto del Agua (IDA), Rebeca Olmedo, es clave para el riego."
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == "Rebeca Olmedo"
    assert c["speaker"]["text"] == "la directora del Instituto del Agua (IDA), Rebeca Olmedo"


def test_a_source_mid_sentence_gives_way_to_a_cue_with_its_own_claim(claims_of):
    (c,) = claims_of("La concejala, según fuentes del partido, anunció que dejará el cargo.")
    assert c["cue"]["text"] == "anunció" and c["speaker"]["name"] == "concejala"


def test_a_source_after_a_relative_and_before_a_comma_vouches_for_the_clause(claims_of):
    (c,) = claims_of("La riña empezó en el mercado, donde según testigos presenciales, se oyeron dos disparos.")
    assert c["type"] == "according_to" and c["speaker"]["name"] == "testigos presenciales"
    assert c["content"]["text"] == "se oyeron dos disparos"


def test_an_infinitive_opens_the_clause_after_a_source_without_comma(claims_of):
    (c,) = claims_of("Según el cardiólogo saltarse el desayuno no adelgaza a nadie.")
    assert c["speaker"]["name"] == "cardiólogo"
    assert c["content"]["text"] == "saltarse el desayuno no adelgaza a nadie"


@pytest.mark.parametrize("text", [
    "El gobierno firmó el acuerdo para asegurar que la región cuente con agua.",
    "No tengo datos bastantes para afirmar que la presa falló por la lluvia.",
    "La cantante no publicó ningún mensaje para aclarar que se retira.",
])
def test_a_purpose_of_no_speech_act_is_no_claim(claims_of, text):
    assert claims_of(text) == []


@pytest.mark.parametrize("text, content", [
    ("La senadora Lucía Coronel declaró en la sesión “no vamos a votar esta reforma a ciegas”.",
     "no vamos a votar esta reforma a ciegas"),
    ("El portavoz aseguró en la radio “hay que esperar a que baje el río”.", "hay que esperar a que baje el río"),
])
def test_a_quoted_clause_after_the_channel_without_comma_is_direct(claims_of, text, content):
    (c,) = claims_of(text)
    assert c["type"] == "direct" and c["content"]["text"] == content


def test_a_quoted_directive_after_no_comma_stays_mixed(claims_of):
    (c,) = claims_of("La jueza pidió en la audiencia “no caer en provocaciones de nadie”.")
    assert c["type"] == "mixed"


def test_asi_right_after_the_cue_is_how_it_was_said(claims_of):
    (c,) = claims_of("La alcaldesa Rebeca Olmedo visitó el mercado. Expresó así que el barrio necesita más luz.")
    assert c["content"]["text"] == "que el barrio necesita más luz"
    assert c["speaker"]["name"] == "Rebeca Olmedo"


def test_a_finite_cue_the_tagger_calls_an_infinitive_still_reports(claims_of):
    # the small model tags this "Expuso" an infinitive; its form is a preterite
    text = ("El tesorero aseguró que las cuentas están en orden.\n\n"
            "Expuso que “se ha invertido muchísimo en alumbrado, para que luego nadie lo note”.")
    claims = claims_of(text)
    assert [c["cue"]["text"] for c in claims] == ["aseguró", "Expuso"]
    assert claims[1]["speaker"]["name"] == "tesorero"


@pytest.mark.parametrize("text, name", [
    # a given name and a surname the model tags a place
    ("Si no hay acuerdo volveremos a cortar la carretera: Tomás Liendo\n\nLos manifestantes siguen en la plaza.",
     "Tomás Liendo"),
    # a body's acronym the model tags nothing, spelled out below
    ("“Si no hay acuerdo, volveremos a cortar la carretera”: MTZS\n\nEl Movimiento de Trabajadores de la Zona "
     "Sur (MTZS) sigue en la plaza.", "Movimiento de Trabajadores de la Zona Sur"),
    ("Nadie pagará más luz este invierno: FNCE\n\nLa Federación Nacional de Consumidores de Energía (FNCE) "
     "publicó ayer su informe.", "Federación Nacional de Consumidores de Energía"),
])
def test_a_headline_s_name_after_the_colon_whatever_the_model_tagged(claims_of, text, name):
    claim = claims_of(text)[0]
    assert claim["cue"]["text"] == ":" and claim["speaker"]["name"] == name


@pytest.mark.parametrize("text", [
    "Foto: AFP\n\nLos manifestantes siguen en la plaza.",
    "La ciudad en cifras: INEGI\n\nLos manifestantes siguen en la plaza.",
])
def test_a_credit_or_a_topic_before_an_acronym_is_no_headline_claim(claims_of, text):
    assert claims_of(text) == []


def test_a_cue_between_commas_with_where_it_was_said(claims_of):
    text = ("La directora Rebeca Olmedo estrenó su película. El filme, explicó en el estreno, invita a "
            "pensar en quienes cruzan la frontera.")
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == "Rebeca Olmedo"
    assert c["content"]["text"].startswith("El filme, explicó en el estreno, invita")


@pytest.mark.parametrize("text, speaker, content", [
    ("Para Tomás Liendo es difícil que se repita algo parecido.", "Tomás Liendo",
     "es difícil que se repita algo parecido"),
    ("Para los expertos resulta evidente que el clima cambia.", "expertos", "resulta evidente que el clima cambia"),
])
def test_para_a_person_before_a_copula_without_comma_is_their_judgement(claims_of, text, speaker, content):
    (c,) = claims_of(text)
    assert c["type"] == "according_to" and c["speaker"]["name"] == speaker and c["content"]["text"] == content


@pytest.mark.parametrize("text", [
    "Para los niños es importante jugar en la calle.",
    "Para ganar es necesario entrenar mucho.",
    "Para América Latina resulta decisivo el precio del cobre.",
])
def test_para_before_a_copula_without_a_person_is_no_source(claims_of, text):
    assert claims_of(text) == []


@pytest.mark.parametrize("text, cue, content", [
    # a cue in a relative clause says no more than its clause: the main verb after it is the sentence's
    ("Tomás Barca, uno de los que ha pedido revisar las tarifas habló con la prensa durante la pausa.",
     "ha pedido", "revisar las tarifas"),
    ("La edil, quien opina que limpiar el río del pueblo sigue siendo una deuda, votó en contra.", "opina",
     "que limpiar el río del pueblo sigue siendo una deuda"),
    # a clause opening with a subject of its own, joined to the cue's by "y", is none of the content
    ("En la feria un vecino le propuso a voces cerrar la calle y el concejal le contestó: “Antes hay que "
     "consultarlo con todos”.", "le propuso", "cerrar la calle"),
    ("Los alumnos reconocen ponerse muy nerviosos cuando repasan y el quince por ciento se preocupa por las notas.",
     "reconocen", "ponerse muy nerviosos cuando repasan"),
    # but a second "que" clause of the same cue is
    ("La veterinaria le explicó que el perro estaba sano y que no descartaba operarlo en verano.",
     "le explicó", "que el perro estaba sano y que no descartaba operarlo en verano"),
])
def test_the_content_ends_with_the_cues_clause(claims_of, text, cue, content):
    c = next(c for c in claims_of(text) if c["cue"] and c["cue"]["text"] == cue)
    assert c["content"]["text"] == content


def test_a_relative_clause_on_a_postposed_subject_is_no_content(claims_of):
    text = ("El alcalde prometió atender sus peticiones, pero otra vez no hay respuesta, lamentaron los jóvenes que "
            "convocaron la marcha.")
    c = next(c for c in claims_of(text) if c["cue"]["text"] == "lamentaron")
    assert (c["speaker"]["name"], c["content"]["text"]) == (
        "jóvenes", "El alcalde prometió atender sus peticiones, pero otra vez no hay respuesta")


def _claim(speaker_kind: str | None, cue: bool, confidence: float):
    from newsclaims.claims import Claim, Cue, Speaker
    speaker = Speaker("Ana Ruiz" if speaker_kind else "la vecina", "Ana Ruiz", "PER", 0, 8, kind=speaker_kind)
    return Claim("direct", speaker, Cue("dijo", "decir", 40, 44) if cue else None, 10, 30, 0, 50, confidence,
                 "direct_postposed" if cue else "floating")


def test_dedupe_keeps_the_quotation_with_its_cue_before_the_floating_one():
    from newsclaims.pipeline.claims import dedupe
    floating, cued = _claim("person", False, 0.95), _claim("person", True, 0.90)
    assert dedupe([floating, cued]) == [cued]
    # a cue whose speaker nothing types does not beat a floating quotation of a typed speaker
    untyped = _claim(None, True, 0.90)
    assert dedupe([floating, untyped]) == [floating]



@pytest.mark.parametrize("text, content", [
    # the "que" of a comparison right after the cue is not the content's
    ("La ministra dijo más que nunca que la reforma saldrá adelante.", "que la reforma saldrá adelante"),
    # (inside the content it stays)
    ("La ministra dijo que la reforma es más que necesaria.", "que la reforma es más que necesaria"),
])
def test_a_comparisons_que_after_the_cue(claims_of, text, content):
    (c,) = claims_of(text)
    assert c["content"]["text"] == content


@pytest.mark.parametrize("text, content", [
    # a verb before the cue that wants its complement: "de un …" after the cue goes on with the statement
    ("Se trata, dijo el mandatario, de un desastre ambiental enorme.",
     "Se trata, dijo el mandatario, de un desastre ambiental enorme"),
    # after a whole clause, "de una consultora" is where the speaker works
    ("La obra terminará en mayo, dijo Ana Ruiz, de una consultora de Tulca.", "La obra terminará en mayo"),
])
def test_a_complement_after_an_interrupting_cue(claims_of, text, content):
    (c,) = claims_of(text)
    assert c["content"]["text"] == content


@pytest.mark.parametrize("text", [
    "La ministra dijo, sonriendo, que el puerto abrirá en mayo.",
    "El presidente afirmó, mirando a los diputados, que la reforma llegará tarde.",
])
def test_a_gerunds_aside_between_the_cue_and_que(claims_of, text):
    # how it was said, set off by commas, stands between the cue and its clause
    (c,) = claims_of(text)
    assert c["content"]["text"].startswith("que ") and c["cue"]["text"] in ("dijo", "afirmó")


def test_a_gerund_with_a_verb_of_its_own_is_no_aside(claims_of):
    # "sonriendo cuando llegó": a clause with its own finite verb is no aside of the cue
    claims = claims_of("La ministra dijo, sonriendo cuando llegó, que el puerto abrirá en mayo.")
    assert all(c["cue"] is None or c["cue"]["text"] != "dijo" for c in claims)


@pytest.mark.parametrize("text, speaker", [
    ("Los nadadores, asegura el informe elaborado por la federación, entrenan poco en invierno.", "informe"),
    ("La obra, aseguró el alcalde entrevistado por la radio local, terminará en mayo.", "alcalde"),
])
def test_an_interrupting_cue_whose_subject_has_a_participles_phrase(claims_of, text, speaker):
    # the participle's phrase describes the postposed subject; the statement runs on past its comma
    (c,) = claims_of(text)
    assert c["type"] == "indirect" and c["content"]["text"] == text[:-1]
    assert c["speaker"]["name"].startswith(speaker)


def test_a_passive_speech_verb_is_no_cue(claims_of):
    # "ha sido mencionado": its subject is who is spoken of, not who speaks
    assert not claims_of("El alcalde ha sido mencionado en miles de mensajes, que llegaron desde otras provincias.")
    (c,) = claims_of("La ministra ha mencionado en su discurso que el puerto abrirá en mayo.")
    assert c["cue"]["text"] == "ha mencionado"


def test_a_gerund_reports_no_words_before_it_and_has_no_subject_after_it(claims_of):
    # "…, reprochando las cifras del exalcalde X, …": what follows the gerund is its object, not a
    # postposed subject, and the clause before it is no content of his
    text = ("La concejala Irene Salas respondió en la radio, reprochando las cifras del exalcalde Tomás Liendo, "
            "a quien llamó «el peor gestor»: «Liendo olvida que la deuda la dejó él y que nadie le cree».")
    claims = claims_of(text)
    assert not [c for c in claims if c["cue"] and c["cue"]["text"] == "reprochando"]
    assert {c["speaker"]["name"] for c in claims} == {"Irene Salas"}
