"""Speaker resolution (newsclaims.pipeline.speakers): from a claim's speaker mention to a canonical
speaker.  Sentences written for these tests."""
import pytest

from newsclaims.rules import examples, fold

# (text, speaker name, speaker label) of the first claim
CASES = [
    # a title whose complement has its own articles ("de la policía de la ciudad") still describes
    # the person after the comma, and a later mention with the same words finds them
    ("El jefe de la policía de la ciudad, Julián Robles, visitó el barrio con el alcalde, Tomás Ferrer. "
     "Horas después, el jefe de la policía aseguró que habrá más patrullas.", "Julián Robles", "PER"),
    # a fronted participle clause describes the subject; it is not the subject
    ("Consultados al respecto, los vecinos del barrio respondieron que no habían recibido ningún aviso.",
     "vecinos del barrio", "ANON"),
    ("Preguntada por la prensa, la ministra de Trabajo, Ana Ruiz, dijo que no habrá despidos.",
     "Ana Ruiz", "PER"),
    # an acronym the article spells out is named in full
    ("El Instituto Nacional de Vivienda Social (Invis) publicó su informe anual. Según el Invis, los alquileres "
     "subieron un diez por ciento.", "Instituto Nacional de Vivienda Social", "ORG"),
    # a relative "que" standing for what cannot speak: the person the sentence is about speaks
    ("La comisaria europea, Ana Belén Torres, habló en Bruselas. Mostró su recelo hacia un plan que considera "
     "que puede ser injusto para los pequeños países.", "Ana Belén Torres", "PER"),
    # a title with its place ("en la región") before the comma and the name
    ("El líder sindical en la región, Julián Robles, visitó la planta. El alcalde, Tomás Ferrer, no asistió. "
     "El líder sindical aseguró que habrá huelga.", "Julián Robles", "PER"),
    ("El alcalde, Tomás Ferrer, habló ayer. El líder sindical en la región, Julián Robles, aseguró que habrá "
     "huelga.", "Julián Robles", "PER"),
    # a place between commas before the name
    ("La vecina del barrio, en la calle Mayor, Elvira Sánchez, contó que el agua llegó tarde.",
     "Elvira Sánchez", "PER"),
    # a relative clause after a comma is not part of the speaker
    ("El ayuntamiento de la capital, donde ya trabajan dos mil personas, aseguró que habrá más contratos.",
     "ayuntamiento de la capital", "ORG"),
    # a medium named right after its noun is the one a later description means
    ("El diario El Heraldo publicó la noticia el lunes. Según el diario, el alcalde dimitirá.",
     "El Heraldo", "ORG"),
    ("La revista médica Salud Austral publicó un estudio. La prestigiosa revista chilena afirma que la "
     "vacuna funciona.", "Salud Austral", "ORG"),
    # a person named in a description, after a comma: the name, not the office's complement
    ("El ministro de Cultura de Chile, Rodrigo Salas, afirmó que el museo reabrirá en junio.",
     "Rodrigo Salas", "PER"),
    # an indefinite role is somebody new: never a person named earlier
    ("La alcaldesa Lucía Beltrán visitó el barrio. Un funcionario municipal dijo que el pago llegará en mayo.",
     "funcionario municipal", "ANON"),
    # a role noun with no description to match goes to the nearest person named before
    ("La alcaldesa Lucía Beltrán visitó el barrio. La mandataria municipal dijo que las obras acabarán en julio.",
     "Lucía Beltrán", "PER"),
    # an institution noun with an article goes to the body named before whose name it shares
    ("La Organización Iberoamericana de Puertos publicó su informe. La organización advirtió que los fletes suben.",
     "Organización Iberoamericana de Puertos", "ORG"),
    # a surname goes to the full name given earlier
    ("La entrenadora Paula Rivas Soler habló tras el partido. Rivas aseguró que el equipo mejoró.",
     "Paula Rivas Soler", "PER"),
    # documents can speak (guidelines rule 13)
    ("El informe anual advierte que las lluvias seguirán hasta marzo.", "informe anual", "ORG"),
    # an agent noun no table lists, with a definite article, names the person described before
    ("La exdirectora Laura Gil presentó su libro. La exdirectora aseguró que no volverá a la política.",
     "Laura Gil", "PER"),
    # a person named in apposition right after the description
    ("Las cifras, según la coordinadora del proyecto, la doctora Inés Vela, no permiten sacar conclusiones.",
     "Inés Vela", "PER"),
    # the second of two coordinated verbs shares the first one's subject; a title makes a person
    ("El alcalde Tomás Rey visitó la planta y dijo que el servicio mejorará pronto.", "Tomás Rey", "PER"),
]


@pytest.mark.parametrize("text, name, label", CASES, ids=[c[1] for c in CASES])
def test_speaker_resolution(claims_of, text, name, label):
    claims = claims_of(text)
    assert claims, text
    sp = claims[0]["speaker"]
    assert sp is not None and sp["name"] == name and sp["label"] == label, (text, sp)


def test_a_name_only_completing_another_is_not_the_persons_cluster(extractor):
    text = ("El Consejo de Moreno se reunió el lunes. Julia Moreno dijo que habrá congreso. "
            "Moreno aseguró que no dimitirá.")
    claims = extractor.extract_text(text)["claims"]
    assert [c["speaker"]["name"] for c in claims] == ["Julia Moreno", "Julia Moreno"]


@pytest.mark.parametrize("noun, example", examples("speaker_nouns.tsv"))
def test_speaker_noun_example(claims_of, noun, example):
    claims = claims_of(example)
    assert claims, example
    sp = claims[0]["speaker"]
    assert sp is not None and fold(noun) in fold(sp["text"]), (example, sp)


@pytest.mark.parametrize("noun, example", examples("non_speaker_nouns.tsv"))
def test_non_speaker_noun_is_never_the_speaker(claims_of, noun, example):
    """ "La propuesta, explicó, llegará en mayo": the claim is the current speaker's, not the noun's."""
    claims = [c for c in claims_of(example) if c["content"]["text"].lower().startswith(("el ", "la ", "los ", "las "))]
    assert claims, example
    for c in claims:
        assert c["speaker"] is None or fold(noun) not in fold(c["speaker"]["text"] or ""), (example, c["speaker"])


NAMES = [
    # a body or document described in full once, then by its noun alone
    ("Un informe de la Agencia Europea del Clima advierte que el verano será seco. El informe añade que faltará agua.",
     ["informe de la Agencia Europea del Clima"] * 2),
    # the name that opens the phrase, after a title, before its apposition
    ("La subdirectora María de los Ángeles Soto Ruiz, jefa del servicio, explicó que habrá más camas.",
     ["María de los Ángeles Soto Ruiz"]),
    # a medium's name glued before a person's is not part of the person's name
    ("“Abriremos otra planta en verano”, explicó a la cadena local Ondamar Teresa Lago Pardo, gerente del grupo.",
     ["Teresa Lago Pardo"]),
]


@pytest.mark.parametrize("text, names", NAMES, ids=[n[0] for _, n in NAMES])
def test_canonical_names(claims_of, text, names):
    assert [c["speaker"]["name"] for c in claims_of(text)] == names


@pytest.mark.parametrize("text, name", [
    # the figures' source is the body named after "los datos de"
    ("Según los datos del Instituto Nacional de Estadística, el paro bajó en abril.", "Instituto Nacional de Estadística"),
    # a possessive is not part of the name
    ("La alcaldesa cumplió su agenda. Según su agenda, mañana visitará el puerto.", "agenda"),
])
def test_source_names_without_articles_and_data_nouns(claims_of, text, name):
    assert [c["speaker"]["name"] for c in claims_of(text)] == [name]


def test_numbered_unnamed_sources_are_named_by_their_noun(claims_of):
    claims = claims_of("Dos testigos aseguraron que el camión circulaba sin luces.")
    assert [(c["speaker"]["name"], c["speaker"]["label"]) for c in claims] == [("testigos", "ANON")]


def test_acronyms_need_their_capitals_in_order_or_a_body_noun_first():
    from newsclaims.pipeline.speakers import acronyms
    text = ("La Organización Iberoamericana de Puertos (OIP) y el Instituto de Vivienda (Invi) hablaron; según "
            "los Servicios de Sanidad Vegetal de Canadá (CPHS), la plaga avanza. El diputado Mario "
            "Lentes (PRI) votó en contra y el Tribunal Vecinal (Trive) calló.")
    assert acronyms(text) == {
        "OIP": "Organización Iberoamericana de Puertos", "Invi": "Instituto de Vivienda",
        # letters of a name in another language: the body's noun opens the spelled-out name
        "CPHS": "Servicios de Sanidad Vegetal de Canadá",
        "Trive": "Tribunal Vecinal"}  # a person's party is not his name


@pytest.mark.parametrize("acronym, full", [
    ("FAR", "Federación Andina de Remo"),
    ("TS", "Tribunal Superior de Lisboa"),  # the name goes on with "de" and its place
    ("LNB", None),  # two names with those capitals
    ("CRM", None),  # a name with more capitals than the acronym has letters is another name
    ("VIA", None),  # letters of a headline in capitals are no name
    ("OPA", None),  # a name that goes on past the acronym's letters ("… para la Costa") is another name
])
def test_an_acronym_is_named_by_the_one_name_written_with_its_capitals(acronym, full):
    from newsclaims.pipeline.speakers import written_in_full
    text = ("La Federación Andina de Remo aplazó la regata. El Tribunal Superior de Lisboa falló ayer. La Liga "
            "Nacional de Boxeo y la Liga Norteña de Baloncesto se reunieron. El Consejo Regional Minero Austral "
            "votó. VIAJE INOLVIDABLE AL SUR. La Oficina de Pesca Artesanal para la Costa Norte abrió.")
    assert written_in_full(text, acronym) == full


def test_an_acronym_the_article_writes_in_full_without_parentheses_speaks_under_the_full_name(claims_of):
    text = ("La Federación Andina de Remo aplazó la regata por el viento. Según la FAR, la prueba se "
            "disputará el domingo. El TS portugués sostuvo que el recurso llegó tarde, un día después de que "
            "el Tribunal Superior de Lisboa recibiera el expediente.")
    assert [(c["speaker"]["name"], c["speaker"]["kind"]) for c in claims_of(text)] == [
        ("Federación Andina de Remo", "organisation"), ("Tribunal Superior de Lisboa", "organisation")]


def test_a_body_named_by_a_translated_acronym_speaks_under_its_full_name(claims_of):
    text = ("El Centro de Vigilancia de Mareas del Pacífico (PTWC) emitió un aviso. Los PTWC dijeron que "
            "no se esperan olas mayores.")
    (c,) = [c for c in claims_of(text) if c["cue"]["text"] == "dijeron"]
    assert c["speaker"]["name"] == "Centro de Vigilancia de Mareas del Pacífico"
    assert c["speaker"]["kind"] == "organisation"


def test_a_name_before_its_description_and_the_cue_is_the_speaker(claims_of):
    text = ("La jueza Eva Lorca dijo que el juicio sigue. A su vez, Tomás Berrio Quintana, catedrático de la "
            "Escuela de Minas (EM) y portavoz del jurado, explicó que el premio se fallará en otoño.")
    c = [c for c in claims_of(text) if c["cue"]["text"] == "explicó"][0]
    assert c["speaker"]["name"] == "Tomás Berrio Quintana"
    assert c["speaker"]["text"].startswith("Tomás Berrio Quintana, catedrático")


def test_a_name_after_a_preposition_before_the_cue_is_not_the_speaker(claims_of):
    text = "La jueza Eva Lorca habló del caso. Y sobre Tomás Berrio, anunció que será citado el lunes."
    c = [c for c in claims_of(text) if c["cue"]["text"] == "anunció"][0]
    assert c["speaker"]["name"] == "Eva Lorca"


@pytest.mark.parametrize("text, name", [
    ("Decenas de participantes de una marcha por la vivienda, celebrada este domingo, denunciaron que los "
     "alquileres suben.", "participantes de una marcha por la vivienda"),
    ("La ministra Eva Lorca habló. Uno de cada diez encuestados dijo que no tiene casa.", "encuestados"),
    ("La ministra Eva Lorca habló. Una de las vecinas aseguró que el ruido sigue.", "vecinas"),
    ("La mayoría de los vecinos aseguró que el ruido sigue.", "vecinos"),
])
def test_a_group_is_named_without_its_count_or_aside(claims_of, text, name):
    c = [c for c in claims_of(text) if c["cue"]["text"] != "habló"][-1]
    assert c["speaker"]["name"] == name


@pytest.mark.parametrize("text, name", [
    ("Fuentes consultadas por este periódico dijeron que la fábrica cierra en marzo.", "Fuentes"),
    ("Fuentes conocedoras de la negociación afirmaron que el acuerdo está cerca.", "Fuentes"),
    ("Fuentes próximas al alcalde aseguraron que no habrá dimisión.", "Fuentes"),
    # the noun's own complement stays; so do plain adjectives
    ("Fuentes oficiales del puerto dijeron que el muelle abre en junio.", "Fuentes oficiales del puerto"),
    ("Un funcionario de Hacienda dijo que el plazo se amplía.", "funcionario de Hacienda"),
    ("Observadores independientes afirmaron que la votación fue limpia.", "Observadores independientes"),
])
def test_an_unnamed_source_is_named_by_its_head_words(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name and c["speaker"]["anonymous"]


@pytest.mark.parametrize("text, name", [
    ("“Vendrán más incendios este verano”, afirmó el subdirector de la ARA para Sequías e Incendios "
     "Forestales, Iker Mendaro.", "Iker Mendaro"),
    ("“Hay que medir mejor”, según el coordinador del grupo que firmó el trabajo, la doctora Nora Quílez, "
     "del Departamento de Geología.", "Nora Quílez"),
    # a body's name the model ran into the person's: the body's words are not hers or his
    ('Durante la visita, la titular de la Secretaría de Obras Públicas Lucía Ferrer, afirmó que "el puente '
     'abrirá en primavera".', "Lucía Ferrer"),
])
def test_the_name_after_a_long_description(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name


def test_names_inside_a_description_are_not_coordinated_people(claims_of):
    text = ("“Buscamos buenas prácticas en la restauración”, dice Anselmo Vidriales, director de Cultura e "
            "Historia y Conservador Jefe del museo.")
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == "Anselmo Vidriales"


def test_desde_names_the_source_of_a_plural_cue(claims_of):
    (c,) = claims_of("Desde la Organización Nacional de Trasplantes sostienen que los donantes aumentan.")
    assert c["speaker"]["name"] == "Organización Nacional de Trasplantes"


def test_a_clitic_before_a_postposed_cue_belongs_to_it(claims_of):
    text = "La jefa Eva Lorca habló. “Cada semana cerramos otra planta del hospital”, le cuenta a la radio Inés Carrasco."
    (c,) = [c for c in claims_of(text) if c["type"] == "direct"]
    assert c["cue"]["text"] == "le cuenta" and c["speaker"]["name"] == "Inés Carrasco"


def test_a_medium_addressed_after_the_cue_is_not_the_speaker(claims_of):
    text = "Ayer Lidia Carrasco, directora de la fundación, declaró al diario El Faro que no tenía dudas."
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == "Lidia Carrasco"


def test_a_surname_subject_without_a_cue_becomes_the_current_person(claims_of):
    text = ("El diácono Jorge Salvatierra presentó la denuncia en mayo.\n\n"
            "El obispo Mario Bermejo los llamó enemigos, pero Salvatierra replicó con calma. "
            "También destacó que la justicia tardó demasiado en actuar.")
    c = [c for c in claims_of(text) if c["cue"]["text"] == "destacó"][0]
    assert c["speaker"]["name"] == "Jorge Salvatierra"


def test_an_institution_takes_the_fullest_name_the_article_gives(claims_of):
    text = ("Hay dos casos nuevos, afirmó el Ministerio de Salud de la Rioja en un comunicado. "
            "“La situación es grave”, sentenció el Ministerio de Salud.")
    names = {c["speaker"]["name"] for c in claims_of(text)}
    assert names == {"Ministerio de Salud de la Rioja"}, names


def test_segun_sus_calculos_is_the_current_speakers(claims_of):
    text = ("El empresario Mario Soto dijo que la vacuna llegará pronto. Según sus cálculos, unas 700.000 "
            "personas podrían sufrir efectos leves.")
    c = [c for c in claims_of(text) if c["type"] == "according_to"][0]
    assert c["speaker"]["name"] == "Mario Soto" and c["speaker"]["text"] == "sus cálculos"


def test_segun_su_informe_keeps_the_document(claims_of):
    text = "La ministra Eva Lorca viajó a Lima. Según su agenda, la ministra volverá el lunes."
    c = [c for c in claims_of(text) if c["type"] == "according_to"][0]
    assert c["speaker"]["name"] == "agenda"


@pytest.mark.parametrize("text, name", [
    ("Los mamíferos surgieron antes de lo pensado, señala un estudio internacional publicado este jueves.",
     "estudio internacional"),
    ("Los participantes de Austria, Alemania y Suiza dijeron que durmieron peor.",
     "participantes de Austria, Alemania y Suiza"),
    ("Las pruebas realizadas en el Instituto Nacional de Biomedicina confirmaron que era ébola.",
     "pruebas realizadas en el Instituto Nacional de Biomedicina"),
])
def test_a_description_is_named_without_its_participle_clause_or_list_item(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name


def test_a_bare_document_noun_takes_its_first_description(claims_of):
    text = ("El alcalde firmó el memorándum municipal sobre el tráfico. "
            "“La frontera necesita protección”, dice el memorándum.")
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == "memorándum municipal"


def test_a_capitalised_common_noun_with_its_description_is_named_in_full(claims_of):
    (c,) = claims_of("Según el Observatorio de datos de especies invasoras, el mejillón avanza.")
    assert c["speaker"]["name"] == "Observatorio de datos de especies invasoras"


def test_a_possessed_group_takes_the_person_named_earlier_in_the_sentence(claims_of):
    text = "En el caso de Benito Lacalle Pons, dirigente del sindicato, su equipo informó que vive en Lugo."
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == "equipo de Benito Lacalle Pons"


@pytest.mark.parametrize("text, name", [
    # "Al" capitalised before a name is a given name, not the contraction "al" (an addressee)
    ("“Esta situación es intolerable”, dijo Al Ferrer.", "Al Ferrer"),
    ("“Esta situación es intolerable”, dijo el actor Al Pacheco.", "Al Pacheco"),
])
def test_al_as_a_given_name(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name


def test_a_possessed_role_with_its_own_name_is_that_name(claims_of):
    text = "La joven Lucía Fernanda Prado quedó libre por falta de pruebas, informó su abogado Ramiro Lucena Vidal."
    c = [c for c in claims_of(text) if c["cue"]["text"] == "informó"][0]
    assert c["speaker"]["name"] == "Ramiro Lucena Vidal"


def test_an_institution_is_not_the_place_in_its_name(claims_of):
    (c,) = claims_of("Según el Consejo para la Defensa de los Ríos de Chile, el 30% de los cauces está seco.")
    assert c["speaker"]["name"] == "Consejo para la Defensa de los Ríos de Chile"


def test_an_addressee_after_a_description_is_not_part_of_it(claims_of):
    (c,) = claims_of("“Trabajamos rápido para restablecer los vídeos”, le dijo una vocera de Vidiom a la BBC.")
    assert c["speaker"]["text"] == "una vocera de Vidiom"


@pytest.mark.parametrize("text, name", [
    ("La Ministra de Turismo, Carla Vidal, afirmó que llegarán más visitantes este verano.", "Carla Vidal"),
    ("Según el Director General de Tráfico, Pedro Soto, las multas subirán en enero.", "Pedro Soto"),
])
def test_a_capitalised_title_is_not_the_name(claims_of, text, name):
    """The issue's class 6: "el Subsecretario de Finanzas, Ana Ruiz" named "Subsecretario de Finanzas"."""
    assert claims_of(text)[0]["speaker"]["name"] == name


def test_a_title_alone_names_nobody(claims_of):
    claim = claims_of("El Presidente dijo que habrá elecciones en primavera.")[0]
    assert claim["speaker"]["name"] is None and claim["speaker"]["text"] == "El Presidente"


def test_a_person_known_by_their_initials_is_named_in_full(claims_of):
    text = ("La senadora Rosa Elena Vidal de Torres presentó su plan. REVT aseguró que lo votarán en marzo.")
    (c,) = [c for c in claims_of(text) if c["cue"]["text"] == "aseguró"]
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == ("Rosa Elena Vidal de Torres", "person")


def test_initials_two_people_share_name_neither_of_them():
    from newsclaims.entities import Entity
    from newsclaims.pipeline.speakers import people_initials
    people = [Entity("Rosa Elena Vidal", "PER"), Entity("Raúl Enrique Vega", "PER"), Entity("Tomás Ibarra Luna", "PER"),
              Entity("Ana Ruiz", "PER"), Entity("Banco Central Europeo", "ORG")]
    assert people_initials(people) == {"TIL": "Tomás Ibarra Luna"}


def test_a_place_named_in_the_complement_of_unnamed_people_is_not_the_speaker(claims_of):
    (c,) = claims_of("Vecinos de la colonia Lomas Altas denunciaron que la basura no se recoge desde el lunes.")
    assert c["speaker"]["name"] == "Vecinos de la colonia Lomas Altas"
    assert c["speaker"]["kind"] == "group"


def test_a_body_after_de_stays_the_complement_of_people_even_parsed_flat(claims_of):
    (c,) = claims_of("Titular.\n\nParamédicos de Cruz Azulada informaron que el conductor sigue consciente.")
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == ("Paramédicos de Cruz Azulada", "group")


def test_a_role_with_a_complement_after_a_then_the_name_between_commas(claims_of):
    text = ("Titular.\n\nLa candidata a la alcaldía, Marta Gil, señaló que habló con los vecinos.\n\n"
            "\"No podemos dejarlos solos\", pidió la candidata.")
    assert [c["speaker"]["name"] for c in claims_of(text)] == ["Marta Gil", "Marta Gil"]


@pytest.mark.parametrize("text, cue, name", [
    # a name after "de" and an article is a complement's, not the person's
    ("Titular.\n\nEl aspirante de la Alianza Sur, Tomás Vidal Ruiz, visitó el puerto. Luego aseguró que ganará.",
     "aseguró", "Tomás Vidal Ruiz"),
    # a complement that lists its fields names no person
    ("Titular.\n\nLa ministra Carmen Lago habló ayer. La ministra de Industria, Comercio y Turismo aseguró "
     "que no habrá recortes.", "aseguró", "Carmen Lago"),
    # a singular role after a pair takes the one of its gender
    ("Los ministros de Salud, Ana Gil y Luis Soto, afirmaron que habrá vacunas. Más tarde, la ministra "
     "dijo que faltan médicos.", "dijo", "Ana Gil"),
])
def test_the_person_a_description_names(claims_of, text, cue, name):
    c = next(c for c in claims_of(text) if c["cue"]["text"] == cue)
    assert c["speaker"]["name"] == name


# A description no earlier one matches continues the person who has just spoken, not the last
# person the narration described.
@pytest.mark.parametrize("text, name", [
    ("Titular.\n\n\"Jugamos bien\", afirmó Diego Salas, que habló junto al entrenador del club, Raúl Mendoza.\n\n"
     "Finalmente, el deportista señaló que el equipo está unido.", "Diego Salas"),
    # a noun the lexicons type as a person ("músico") is such a description too
    ("Titular.\n\n\"Tocaremos en mayo\", anunció Bruno Quintana, vecino del barrio.\n\n"
     "Después, el músico recordó que la gira incluye doce ciudades.", "Bruno Quintana"),
    # a party member's noun with its accent ("priísta") is an agent noun
    ("Titular.\n\nEl senador Óscar Villena dijo que votará en contra.\n\n"
     "Más tarde, el priísta aseguró que la obra costará menos.", "Óscar Villena"),
])
def test_a_description_continues_the_current_speaker(claims_of, text, name):
    assert claims_of(text)[-1]["speaker"]["name"] == name


def test_a_description_with_nobody_to_continue_keeps_its_words(claims_of):
    (c,) = claims_of("Titular.\n\nEl músico señaló que la gira incluye doce ciudades.")
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == ("músico", "person")


def test_a_plural_before_a_name_does_not_describe_the_person(claims_of):
    text = ("Titular.\n\nJunto a las juezas, Mateo Ibáñez explicó que el fallo llegará en abril.\n\n"
            "Finalmente, el abogado dijo que apelarán.")
    assert [c["speaker"]["name"] for c in claims_of(text)] == ["Mateo Ibáñez", "Mateo Ibáñez"]


def test_a_person_after_this_medium_keeps_the_given_name(claims_of):
    # "a este diario" names no medium to strip: the given name after it is the person's
    text = ("Titular.\n\n\"Faltan recursos\", le dijo a este diario Rodrigo Peralta Ugalde, entrenador de remo.\n\n"
            "El entrenador agregó que la federación no responde.")
    assert [c["speaker"]["name"] for c in claims_of(text)] == ["Rodrigo Peralta Ugalde", "Rodrigo Peralta Ugalde"]


def test_a_name_that_opens_with_a_surname_tells_no_gender(extractor):
    # "Pereira Soto": no given name, so no gender from the -a ending; a description of either
    # gender may refer back to it
    from newsclaims.names import has_lexicon
    from newsclaims.pipeline.speakers import SpeakerResolver

    if not has_lexicon():
        pytest.skip("the name lexicon (names extra) is not installed")
    resolver = SpeakerResolver(extractor.nlp("Habló Pereira Soto."), [])
    assert (resolver.gender("Pereira Soto"), resolver.gender("Marta Soto"), resolver.gender("Tomás Soto")) == ("-", "f", "m")


@pytest.mark.parametrize("text, name", [
    ("La portavoz del Departamento de Cultura Lidia Ferrán dijo que no hay una posición oficial.", "Lidia Ferrán"),
    ("La portavoz del Consejo de Seguridad Lidia Ferrán dijo que no hay una posición oficial.", "Lidia Ferrán"),
    ("El vocero del Ministerio de Comercio Exterior Hugo Ferrán dijo que no hay una posición oficial.", "Hugo Ferrán"),
])
def test_a_body_with_particles_glued_before_a_persons_name_is_cut_off(claims_of, text, name):
    (c,) = claims_of("Titular.\n\n" + text)
    assert c["speaker"]["name"] == name


def test_a_spelled_out_acronym_may_list_its_fields_with_commas():
    from newsclaims.pipeline.speakers import acronyms
    text = "La Cámara Regional de Industria, Pesca y Minería del Sur (Carinsur) estimó que las ventas caerán."
    assert acronyms(text) == {"Carinsur": "Cámara Regional de Industria, Pesca y Minería del Sur"}


def test_a_headline_verb_is_not_part_of_the_name(claims_of):
    text = "Reitera Cordovil que no habrá alza de tarifas\n\nEl gobernador Anselmo Cordovil habló ayer en el puerto."
    c = claims_of(text)[0]
    assert (c["cue"]["text"], c["speaker"]["name"]) == ("Reitera", "Anselmo Cordovil")


def test_a_body_the_model_tags_as_a_person_joins_its_full_name(extractor):
    from newsclaims.entities import Mention, _compatible
    # "Fundación Ana Ruiz" is no home for the person "Ana Ruiz"; "Defensoría" tagged a person is the body
    assert not _compatible(Mention("Ana Ruiz", 0, 8, "PER"), Mention("Fundación Ana Ruiz", 20, 38, "ORG"))
    assert _compatible(Mention("Defensoría", 0, 10, "PER"), Mention("Defensoría Vecinal", 20, 38, "MISC"))


@pytest.mark.parametrize("text, name", [
    # the model tags only the first of the two names
    ("Los ministros de Salud, Irene Lastra y Tomás Ugarte, afirmaron que habrá vacunas.",
     "Irene Lastra y Tomás Ugarte"),
    # "junto con" makes the others company, not speakers
    ("La ministra Irene Lastra, junto con Eva Paz y Tomás Ugarte, afirmó que habrá vacunas.", "Irene Lastra"),
])
def test_people_joined_by_y_are_all_named(claims_of, text, name):
    assert claims_of("Titular.\n\n" + text)[0]["speaker"]["name"] == name


def test_que_standing_for_a_thing_no_table_lists_is_not_the_speaker(claims_of):
    text = ("Titular.\n\nLa ingeniera Eva Rincón advirtió que la presa es vieja. Mostró a los técnicos una grieta que "
            "consideraba que podía crecer con las lluvias.")
    c = next(c for c in claims_of(text) if c["cue"]["text"] == "consideraba")
    assert c["speaker"]["name"] == "Eva Rincón"


@pytest.mark.parametrize("text, name", [
    # two people, each with a description, joined by "y": "este último" is the second one
    ("En la rueda de prensa estuvieron la jueza Marta Gil Pardo, del tribunal de menores, y el fiscal Julián Ortega "
     "Paz, de la fiscalía regional. Este último explicó que el juicio empezará en enero.", "Julián Ortega Paz"),
    # of its gender: the last woman named, not the man named after her
    ("La fiscal Marta Gil Pardo se reunió con Ana Ruiz Vela y con el abogado Tomás Berrio Quintana. Esta última "
     "aseguró que el juicio continuará.", "Ana Ruiz Vela"),
])
def test_este_ultimo_is_the_person_named_last(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name


@pytest.mark.parametrize("text, name", [
    # the nationality in a description before the name, with a role noun or without one
    ("El escritor peruano Rubén Galindo presentó su novela junto al editor Tom Baxter. \"Fue un trabajo duro\", "
     "dijo Baxter. El peruano aseguró que ya escribe otra.", "Rubén Galindo"),
    ("La tenista chilena Rosa Pardo venció a Emma Stone en la final. \"Jugué mi mejor partido\", dijo Stone. "
     "La chilena aseguró que ahora descansará.", "Rosa Pardo"),
    # and after it
    ("Rosa Pardo, chilena de 25 años, venció a Emma Stone en la final. \"Jugué mi mejor partido\", dijo Stone. "
     "La chilena aseguró que ahora descansará.", "Rosa Pardo"),
])
def test_a_demonym_is_the_person_the_article_gives_that_nationality(claims_of, text, name):
    c = [c for c in claims_of(text) if c["cue"]["text"] == "aseguró"][0]
    assert c["speaker"]["name"] == name


def test_a_time_noun_the_model_ran_an_entity_over_is_no_speaker(claims_of):
    # the small model may tag "El domingo aseguró" as one entity; the day still cannot speak: the subject is
    # dropped and the person the text is about speaks
    (c,) = claims_of("El concejal Bruno Quintana visitó el mercado. El domingo aseguró que los puestos abrirán "
                     "en otoño.")
    assert c["speaker"]["name"] == "Bruno Quintana"


@pytest.mark.parametrize("text, name", [
    # the description before the bare mention, or after it (the fullest name the article gives)
    ("Los geólogos del Instituto Andino midieron la falla. Los geólogos aseguran que seguirá activa.",
     "geólogos del Instituto Andino"),
    ("Según los geólogos, la falla seguirá activa. El terremoto permitió a los geólogos del Instituto Andino "
     "medir la falla.", "geólogos del Instituto Andino"),
    # the complement stops before the people's own names
    ("Los diputados del Partido Verde Ana Gil y Luis Soto firmaron. Los diputados aseguraron que votarán en "
     "contra.", "diputados del Partido Verde"),
    # a complement after another preposition belongs to something else
    ("La policía huyó con los manifestantes de la plaza. Los manifestantes denunciaron que hubo golpes.",
     "manifestantes"),
])
def test_a_plural_group_named_by_its_noun_alone_is_the_group_described_with_a_complement(claims_of, text, name):
    (c,) = [c for c in claims_of(text) if c["speaker"] and c["speaker"]["kind"] == "group"]
    assert c["speaker"]["name"] == name


def test_a_bodys_branch_named_by_its_place_speaks_under_both(extractor):
    from spacy.tokens import Span

    from newsclaims.entities import cluster
    from newsclaims.pipeline.speakers import SpeakerResolver
    doc = extractor.nlp("La Cruz Azulada de Valencia explicó que hay tres heridos. Valencia amaneció con lluvia.")
    words = [t.text for t in doc]
    cruz, val, val2 = words.index("Cruz"), words.index("Valencia"), len(words) - 1 - words[::-1].index("Valencia")
    doc.ents = [Span(doc, cruz, cruz + 2, label="ORG"), Span(doc, val, val + 1, label="LOC"),
                Span(doc, val2, val2 + 1, label="LOC")]
    resolver = SpeakerResolver(doc, cluster(doc))
    assert resolver.resolve(list(doc[0:val + 1]), None).name == "Cruz Azulada de Valencia"


@pytest.mark.parametrize("text, name", [
    # a plural role opening the sentence, which the tagger may call a name: a group, not one person
    ("Alcaldes y legisladores de la región señalaron que es urgente un nuevo reparto de fondos.",
     "Alcaldes y legisladores de la región"),
    ("Abogados informaron que fue detenido su cliente Tomás Berrio, ex tesorero del municipio.", "Abogados"),
])
def test_a_plural_role_opening_a_sentence_is_a_group(claims_of, text, name):
    (c,) = claims_of(text)
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == (name, "group")


def test_a_surname_like_a_plural_role_stays_the_person(claims_of):
    # "Reyes" is the plural of "rey" and the surname of the person named before
    claims = claims_of("La doctora Irene Reyes Vidal atendió a los niños. Reyes recomienda tomar muchos líquidos.")
    assert [c["speaker"]["name"] for c in claims] == ["Irene Reyes Vidal"]


# A title with no article after a name set off by a comma describes the person, though the
# description ends the sentence: "…, explicó Ana Ruiz, directora estatal del consejo."
@pytest.mark.parametrize("text, name", [
    # the headline's role names the person the lead describes with that title
    ("La cosecha de uva caerá a la mitad este año: director\n\nLa producción bajará por la sequía, explicó "
     "Tomás Ferrer Ibáñez, director estatal del Consejo Vitícola.\n\nDijo que los productores pedirán apoyos.",
     "Tomás Ferrer Ibáñez"),
    # or with a title of the same class ("presidente municipal" is a mayor, role_classes.tsv)
    ("El puerto cerrará dos semanas por obras: alcalde\n\nEl presidente municipal de San Telmo, Rodrigo Luna "
     "Ferrán, informó que el puerto cerrará por obras de dragado.", "Rodrigo Luna Ferrán"),
    # or with the two-word title that holds it ("director general")
    ("\"Hay que frenar ya\": el director de la FIA pide más controles en carretera\n\nEl director general de la "
     "FIA, Óscar Medel Prado, afirmó que los choques crecieron un diez por ciento.", "Óscar Medel Prado"),
    # a title with its own modifier, which the tagger may call an adverb ("migrante")
    ("Cobrar por el trámite es injusto, asegura diputado\n\nEl diputado migrante Josué Herrera afirmó que "
     "propondrá eliminar la tarifa.", "Josué Herrera"),
    ("Su grupo no apoyará el presupuesto: líder estatal\n\nEl dirigente estatal del partido, Martín Ocampo "
     "Ruiz, dijo que rechazarán el presupuesto.", "Martín Ocampo Ruiz"),
])
def test_a_headlines_role_is_the_person_the_article_describes_so(claims_of, text, name):
    assert claims_of(text)[0]["speaker"]["name"] == name


def test_a_bare_description_takes_no_gender_from_its_complement(claims_of):
    # "responsable de proyectos del centro": "del" and "proyectos" are the complement's, not Elena's
    text = ("Elena Ibarra, responsable de proyectos del centro, recibió al alcalde Hugo Ferrán. \"Nos falta equipo\", "
            "dijo Elena Ibarra.\n\nLa funcionaria informó que las vacunas llegarán en mayo.")
    c = next(c for c in claims_of(text) if c["cue"]["text"] == "informó")
    assert c["speaker"]["name"] == "Elena Ibarra"


def test_a_description_with_al_in_its_bodys_name(claims_of):
    # "la Procuraduría de Protección al Ambiente Marino, X": "al" is part of the body's name
    text = ("La playa se limpió en dos días, informó el delegado de la Procuraduría de Protección al Ambiente "
            "Marino (Propam), Anselmo Quiroga.\n\n\"Vamos bien\", afirmó el gobernador Julián Serra.\n\n"
            "El delegado de Propam dijo que el jueves revisará el puerto.")
    c = next(c for c in claims_of(text) if c["cue"]["text"] == "dijo")
    assert c["speaker"]["name"] == "Anselmo Quiroga"


@pytest.mark.parametrize("text", [
    "El taller fue impartido por el equipo a cargo de Ramiro Celis Vega, quien manifestó que habrá otra edición "
    "en otoño.",
    "Los vecinos acudieron junto con Ramiro Celis Vega, quien explicó que hubo tres detenidos.",
])
def test_quien_after_a_compound_preposition_is_the_person(claims_of, text):
    (c,) = claims_of(text)
    assert (c["speaker"]["name"], c["speaker"]["text"], c["speaker"]["kind"]) == ("Ramiro Celis Vega",) * 2 + ("person",)


def test_a_bare_description_takes_no_gender_from_a_noun_before_its_role(claims_of):
    # "foto periodista": "foto" is feminine, the photographer is not (his given name tells)
    (c,) = claims_of("Julio Quiroga, foto periodista del semanario Lente Sur, denunció que le rompieron la cámara.")
    assert (c["speaker"]["name"], c["speaker"]["gender"]) == ("Julio Quiroga", "male")


@pytest.mark.parametrize("text, name", [
    # a ministry's fields listed with commas and "y" are no person's name; the later description with
    # the same title names her
    ("\"Hay que estudiar cada caso\", ha explicado la ministra de Agricultura, Pesca y Alimentación\n\n"
     "El estatus de los pescadores tendrá que estudiarse. La ministra de Agricultura, Pesca y Alimentación, "
     "Dolores Ibáñez, ha pedido prudencia.", "Dolores Ibáñez"),
    # nobody named: the words the article gives ("Pesca" alone would be a field taken for a name)
    ("\"Hay que estudiar cada caso\", ha explicado la ministra de Agricultura, Pesca y Alimentación.",
     "ministra de Agricultura, Pesca y Alimentación"),
])
def test_a_complement_listing_its_fields_names_nobody(claims_of, text, name):
    assert claims_of(text)[0]["speaker"]["name"] == name


def test_an_untyped_speaker_does_not_go_on_speaking(claims_of):
    # "las reformas" speak in no lexicon: the dropped subject after them is the person who spoke before
    text = ("La historiadora Tomasa Ibarra explicó que el barrio cambió mucho. Las obras de aquel año "
            "incidieron en que los vecinos se organizaran. Recordó que la fábrica cerró en 1980.")
    c = next(c for c in claims_of(text) if c["cue"]["text"] == "Recordó")
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == ("Tomasa Ibarra", "person")


@pytest.mark.parametrize("text, name", [
    ("El puerto cerrará dos muelles en agosto, dijo a la prensa la capitana Irene Salas.", "Irene Salas"),
    ("El puerto cerrará dos muelles en agosto, señaló en entrevista la capitana Irene Salas.", "Irene Salas"),
    ("El puerto cerrará dos muelles en agosto, comentó sobre el tema Tomás Rivera, jefe de estibadores.",
     "Tomás Rivera"),
    ("El puerto cerrará dos muelles en agosto, afirmó al respecto Tomás Rivera.", "Tomás Rivera"),
    ("El puerto cerrará dos muelles en agosto, explicó ayer en rueda de prensa el capitán Tomás Rivera.",
     "Tomás Rivera"),
    ("“El puerto cerrará dos muelles en agosto”, informó en un comunicado Tomás Rivera.", "Tomás Rivera"),
    # a phrase of to or with whom on the first one
    ("El puerto cerrará dos muelles en agosto, sostuvo en una charla con esta emisora el abogado Tomás Liendo.",
     "Tomás Liendo"),
    ("El puerto cerrará dos muelles en agosto, dijo en declaraciones a la prensa la capitana Rebeca Olmedo.",
     "Rebeca Olmedo"),
    # a medium's name addressed, then the subject (its parts the parser may take for the subject)
    ("El puerto cerrará dos muelles en agosto, dijo a Radio Faro el alcalde Tomás Liendo.", "Tomás Liendo"),
    ("El puerto cerrará dos muelles en agosto, explicó a Vexa TV Rebeca Olmedo, directora del puerto.",
     "Rebeca Olmedo"),
    ("El puerto cerrará dos muelles en agosto, comentó a La Gaceta de Tulca, Tomás Liendo, director del puerto.",
     "Tomás Liendo"),
    ("El puerto cerrará dos muelles en agosto, afirmó a Radio Vexa Tomás Liendo, director del puerto.",
     "Tomás Liendo"),
    # a day the parser made the verb's subject
    ("El puerto cerrará dos muelles en agosto, informó hoy domingo un portavoz del puerto.", "portavoz del puerto"),
    # a phrase of manner: "entre" and "sin"
    ("El puerto cerrará dos muelles en agosto, dijo entre risas el capitán Tomás Rivera.", "Tomás Rivera"),
    ("El puerto cerrará dos muelles en agosto, afirmó sin rodeos la capitana Irene Salas.", "Irene Salas"),
    # the press addressed, then a person's full name
    ("El puerto cerrará dos muelles en agosto, dijo a la prensa Tomás Liendo.", "Tomás Liendo"),
    ("El puerto cerrará dos muelles en agosto, dijo a los periodistas Rebeca Olmedo, jefa de estibadores.",
     "Rebeca Olmedo"),
])
def test_a_prepositional_phrase_between_a_postposed_cue_and_its_subject(claims_of, text, name):
    claims = claims_of(text)
    assert [(c["speaker"]["name"], c["content"]["text"]) for c in claims] == [
        (name, "El puerto cerrará dos muelles en agosto")]


@pytest.mark.parametrize("text", [
    "La cita fue en el puerto, declaró a su novia Irene Salas.",  # "a" + a person: whom he told, then her name
    "El puerto cerrará en agosto, declaró ante la cadena Radio Faro.",  # the medium's own name
    "El puerto cerrará en agosto, dijo sobre el acuerdo de los estibadores.",  # no subject after the phrase
    # the name of the medium the second phrase names
    "“El puerto cerrará en agosto”, admitió en una charla con la revista El Faro de Tulca.",
    "“El puerto cerrará en agosto”, cuenta en un audio remitido a la emisora Radio Faro.",
])
def test_a_name_belonging_to_the_prepositional_phrase_is_not_the_subject(claims_of, text):
    assert not [c for c in claims_of(text) if c["speaker"] and c["speaker"]["name"] in (
        "Irene Salas", "Radio Faro", "estibadores", "El Faro de Tulca", "Faro de Tulca")]


def test_a_lone_name_before_a_role_between_commas_is_the_person(claims_of):
    # the small model tags the verb and the name as one entity ("reclamó Noelia") and drops it
    (c,) = claims_of("“Nadie nos escucha”, reclamó Noelia, la tía de la joven.")
    assert (c["speaker"]["name"], c["speaker"]["kind"], c["speaker"]["gender"]) == ("Noelia", "person", "female")


def test_a_name_opening_the_clause_after_a_segun_role_is_not_that_role(claims_of):
    text = ("Así lo cuenta Nadia Ferro, una antigua empleada de la firma. Según la ingeniera, Globalnet ha sido "
            "lenta en reaccionar a las campañas.")
    (c,) = [c for c in claims_of(text) if c["cue"]["text"] == "Según"]
    assert c["speaker"]["name"] == "Nadia Ferro"


@pytest.mark.parametrize("text, name", [
    ("“Las obras avanzan muy despacio”, rubricó un ingeniero de la constructora.", "ingeniero de la constructora"),
    ("“Las obras avanzan muy despacio”, rubricó la asociación de vecinos.", "asociación de vecinos"),
])
def test_an_unlisted_verb_after_a_quotation_with_a_typed_speaker(claims_of, text, name):
    (c,) = claims_of(text)
    assert (c["speaker"]["name"], c["cue"]["text"]) == (name, "rubricó")


def test_a_speaker_named_inside_reported_speech_does_not_take_over_the_dropped_subjects(claims_of):
    text = ("La ministra Irene Salas señaló que los ayuntamientos han comunicado al ministerio que abrirán más "
            "escuelas. Añadió que el plan costará diez millones.")
    found = {c["cue"]["text"]: c["speaker"]["name"] for c in claims_of(text)}
    assert found["han comunicado"] == "ayuntamientos" and found["Añadió"] == "Irene Salas"


def test_a_body_the_kinds_table_types_can_be_a_subject(claims_of):
    (c,) = claims_of("Aunque los datos son buenos, la comunidad educativa considera que faltan docentes.")
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == ("comunidad educativa", "group")


@pytest.mark.parametrize("text", [
    "“Abriremos dos salas más en otoño”, dijo en el espacio Mañanas Claras con Rita Vega, de la radio local.",
    "Un equipo de botánicos halló una orquídea nueva, según cuentan en un artículo publicado el 9 de junio.",
])
def test_a_name_or_date_inside_the_prepositional_phrase_is_not_the_inverted_subject(claims_of, text):
    assert [c["speaker"] for c in claims_of(text)] == [None]


def test_segun_with_a_dropped_subject_reads_the_subject_of_the_verb_it_hangs_on(claims_of):
    text = ("Además de su columna —los columnistas del diario cobran por pieza—, Irene Cobo dirige dos "
            "podcasts, según ha explicado en su web.")
    (c,) = [c for c in claims_of(text) if c["cue"]["text"].startswith("según")]
    assert c["speaker"]["name"] == "Irene Cobo"


def test_segun_with_a_dropped_subject_skips_a_subject_that_cannot_speak(claims_of):
    text = ("La alcaldesa Rosa Prat presentó ayer el proyecto del puente. La obra costará dos millones, "
            "según explicó en un comunicado.")
    (c,) = [c for c in claims_of(text) if c["cue"]["text"].startswith("según")]
    assert c["speaker"]["name"] == "Rosa Prat"


@pytest.mark.parametrize("text, name", [
    ("“El mercado abrirá el domingo”, explican desde el Ayuntamiento de Soria.", "Ayuntamiento de Soria"),
    ("El mercado abrirá el domingo, aseguran desde la consejería de Comercio.", "consejería de Comercio"),
])
def test_a_plural_cue_after_its_content_speaks_from_the_body_after_desde(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name and c["speaker"]["kind"] == "organisation"


def test_desde_a_place_after_the_cue_names_no_speaker(claims_of):
    claims = claims_of("“El mercado abrirá el domingo”, escribieron desde Soria.")
    assert [c["speaker"] for c in claims] == [None]


def test_para_and_a_surname_the_model_tags_a_place_is_the_person_the_article_names(claims_of):
    text = "La jurista Marta Segovia habló ayer. Para Segovia, la reforma llega tarde y sin dinero."
    (c,) = [c for c in claims_of(text) if c["cue"] and c["cue"]["text"] == "Para"]
    assert (c["speaker"]["name"], c["content"]["text"]) == ("Marta Segovia", "la reforma llega tarde y sin dinero")


@pytest.mark.parametrize("text, name", [
    # a clitic between "según" and the verb; the subject after it
    ("El faro de la isla nunca se apagó, según me relató un pescador del puerto.",
     "pescador del puerto"),
    # a cue form the tagger may call a noun, right after "según", with its subject dropped
    ("El músico Iñaki Sola vive en Lisboa. Hoy compone a diario, según cuenta en su blog.",
     "Iñaki Sola"),
    # a phrase about the topic, and nobody after it: the subject is dropped
    ("La consejera Marta Vidal visitó la escuela. Según explicó sobre el asunto, el comedor abrirá en enero.",
     "Marta Vidal"),
    # a personal pronoun as the subject: the person the sentence is about
    ("La pintora Elena Miró da clases en Vigo, según explicó ella en la radio.", "Elena Miró"),
    # a medium after "a", then the subject
    ("El túnel costará más de lo previsto, según explicó a Radio Sierra el portavoz de la constructora.",
     "portavoz de la constructora"),
])
def test_segun_and_a_verb_reads_past_clitics_and_phrases_to_the_subject(claims_of, text, name):
    (c,) = [c for c in claims_of(text) if c["type"] == "according_to"]
    assert c["speaker"]["name"] == name


@pytest.mark.parametrize("text, name", [
    # "desde" names the body the plural speaks from
    ("El mercado abrirá el domingo, según indican desde el Ayuntamiento de Soria en una nota.",
     "Ayuntamiento de Soria"),
    # a medium inside a phrase that goes on ("publicada por") is no subject
    ("La cantante Ada Ferro cree que el disco saldrá en mayo, según dijo en una charla publicada por el diario "
     "La Voz del Sur.", "Ada Ferro"),
])
def test_segun_and_a_verb_keeps_desde_bodies_and_phrases_that_go_on(claims_of, text, name):
    (c,) = [c for c in claims_of(text) if c["type"] == "according_to"]
    assert c["speaker"]["name"] == name


def test_a_subject_the_parser_took_for_an_object_before_a_clitic(claims_of):
    (c,) = claims_of("La concejala lo resumió así: “No habrá más prórrogas para las terrazas”.")
    assert (c["speaker"]["name"], c["type"]) == ("concejala", "direct")


def test_a_fronted_object_with_its_clitic_is_not_the_subject(claims_of):
    (c,) = claims_of("La carta la firmó Ruiz ayer y dijo que era urgente.")
    assert c["speaker"]["name"] == "Ruiz"


def test_a_dropped_subject_after_an_unnamed_person_who_acted(claims_of):
    (c,) = claims_of("El párroco recorrió el barrio el sábado. Dijo que la iglesia abrirá en marzo.")
    assert c["speaker"]["name"] == "párroco" and c["speaker"]["kind"] == "person"


def test_a_bullet_before_a_cue_is_no_subject(claims_of):
    (c,) = claims_of("La consejera Ana Gil presentó su balance anual.\n\n■ Afirma que debe ampliarse el horario "
                     "de los centros de salud")
    assert c["speaker"]["name"] == "Ana Gil"


def test_a_hyphenated_name_opening_the_text_is_a_subject(claims_of):
    # (its word is not alphabetic, as a bullet's is not: "■ Afirma que …" has no subject)
    for name in ("Mega-Cola", "Roca-Pinto"):
        (c,) = claims_of(f"{name} aseguró que reducirá el azúcar.")
        assert c["speaker"]["name"] == name


@pytest.mark.parametrize("text, name, content", [
    ("El pleno terminó tarde, y como explicó el portavoz Óscar Lerma, la votación será el martes.",
     "Óscar Lerma", "la votación será el martes"),
])
def test_a_como_source_opening_a_clause_after_y(claims_of, text, name, content):
    (c,) = claims_of(text)
    assert (c["type"], c["speaker"]["name"], c["content"]["text"]) == ("according_to", name, content)


def test_a_como_clause_of_cause_after_y_names_no_source(claims_of):
    claims = claims_of("La obra se retrasó y como dijo que no habría dinero, los vecinos protestaron.")
    assert all(c["type"] != "according_to" for c in claims)


def test_quien_after_a_body_in_the_persons_description_is_the_person(claims_of):
    text = ("Las obras van lentas, dijo Tomás Ibarra Sanz, antiguo dirigente vecinal y vocal del Consejo Barrial, "
            "quien también añadió que faltan obreros.")
    claims = claims_of(text)
    assert [(c["speaker"]["name"], c["content"]["text"]) for c in claims] == [
        ("Tomás Ibarra Sanz", "Las obras van lentas"), ("Tomás Ibarra Sanz", "que faltan obreros")]


def test_quienes_after_a_body_named_alone_is_the_body(claims_of):
    (c,) = claims_of("El plan fue aprobado por la Junta Vecinal, quienes aseguraron que habrá más fondos.")
    assert c["speaker"]["name"] == "Junta Vecinal"


def test_a_participle_noun_for_a_person_refers_back_to_the_person(claims_of):
    text = ("Laura Vidal, elegida tesorera del club en mayo, aseguró que no subirán las cuotas. “Vamos a cuidar "
            "cada peso”, dijo. La nominada al premio de gestión explicó que el club crecerá.")
    assert [c["speaker"]["name"] for c in claims_of(text)] == ["Laura Vidal"] * 3


def test_an_interview_is_no_speaker_nor_its_kind(claims_of):
    """ "…, contó Rosa Lema durante la entrevista radial, que aseguró que …": the relative's speaker is
    the person, a person (an interview is no speaker, non_speaker_nouns.tsv)."""
    text = "“Nunca quise ser famosa”, contó Rosa Lema durante la entrevista radial, que aseguró que sería la última."
    second = claims_of(text)[-1]
    assert (second["speaker"]["name"], second["speaker"]["kind"]) == ("Rosa Lema", "person")


@pytest.mark.parametrize("text, name", [
    # a former office's role names the one who held it, not the last person named
    ("El expresidente Felipe Soto se reunió con el juez Luis Mena. El exmandatario aseguró que no habrá acuerdo.",
     "Felipe Soto"),
    # and the office's role is not the former holder's
    ("El presidente Felipe Soto se reunió con el expresidente Luis Mena. El mandatario aseguró que no habrá acuerdo.",
     "Felipe Soto"),
])
def test_a_former_offices_role_has_its_own_class(claims_of, text, name):
    assert claims_of(text)[0]["speaker"]["name"] == name


def test_a_broadcaster_after_its_report_is_the_speaker(claims_of):
    (c,) = claims_of("El incendio ya está controlado, informó la televisión estatal.")
    assert (c["speaker"]["name"], c["speaker"]["kind"], c["content"]["text"]) == (
        "televisión estatal", "organisation", "El incendio ya está controlado")


@pytest.mark.parametrize("text", [
    "El entrenador Luis Soto llegó tarde al estadio. Los aficionados lo esperaban desde el mediodía. "
    "Gritaban que el equipo merece otra directiva.",
    "El delegado Pedro Ruiz visitó la planta el martes. Le comentaron que las máquinas llevan un mes paradas.",
])
def test_a_plural_verb_s_dropped_subject_is_never_one_person_of_the_context(claims_of, text):
    # the verb's number must fit: one person named before does not say "gritaban", "comentaron"
    (c,) = claims_of(text)
    assert c["speaker"] is None or c["speaker"]["kind"] != "person", c


def test_a_plural_verb_s_dropped_subject_may_be_a_pair_named_before(claims_of):
    text = "Ana Gil y Luis Soto presentaron el proyecto. Explicaron que la obra durará dos años."
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == "Ana Gil y Luis Soto"


@pytest.mark.parametrize("text, name", [
    ("El 40 % de los encuestados declararon que no votarán en mayo.", "encuestados"),
    ("El 30 por ciento de los comerciantes afirmaron que cerrarán en enero.", "comerciantes"),
    ("Un tercio de los vecinos aseguran que el agua llega sucia.", "vecinos"),
    ("Uno de cada diez vecinos dijo que dejará el barrio.", "vecinos"),
    # a share written as one word, the rest, and a share with its size
    ("El 62% de los usuarios afirmó que el servicio es lento.", "usuarios"),
    ("El resto de los asistentes aseguró que no volverá.", "asistentes"),
    ("Buena parte de los vecinos afirmó que el agua llega turbia.", "vecinos"),
])
def test_a_share_of_a_group_speaks_as_the_group(claims_of, text, name):
    (c,) = claims_of(text)
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == (name, "group")


@pytest.mark.parametrize("text, name", [
    ("El empresario Mauricio Ruiz Soto fue detenido el lunes. El abogado de Ruiz dijo que apelarán la decisión.",
     "abogado de Ruiz"),
    ("La cantante Ana Gil canceló el concierto. La representante de Gil explicó que está enferma.",
     "representante de Gil"),
    ("El abogado de Ruiz, Pedro Lima, dijo que apelarán.", "Pedro Lima"),  # named in apposition
])
def test_somebody_s_lawyer_is_not_that_person(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name


COPULAR = [
    ("Ramiro Tello fue el coordinador de la brigada y contó que el incendio ya está controlado.", "Ramiro Tello"),
    ("La Diputada Inés Lara es parte del equipo de campaña y añadió que el plan tiene tres fases.", "Inés Lara"),
    ("El ingeniero fue muy claro y advirtió que la obra se retrasará.", "ingeniero"),
]


@pytest.mark.parametrize("sentence, name", COPULAR, ids=[c[1] for c in COPULAR])
def test_a_verb_joined_to_a_copular_clause_shares_its_person_subject(claims_of, sentence, name):
    """ "X fue el coordinador … y contó que …": X speaks, not whoever spoke in the paragraph before."""
    claims = claims_of("La alcaldesa Rosa Medel dijo que el taller fue un éxito.\n\n" + sentence)
    assert [c["speaker"]["name"] for c in claims] == ["Rosa Medel", name]


def test_a_copular_clause_about_a_thing_lends_no_subject(claims_of):
    claims = claims_of("La alcaldesa Rosa Medel dijo que el taller fue un éxito.\n\n"
                       "La sequía es grave y advirtió que la obra se retrasará.")
    assert [c["speaker"]["name"] for c in claims] == ["Rosa Medel", "Rosa Medel"]


@pytest.mark.parametrize("text, name", [
    # the parser hangs the clause on a thing ("la ambulancia") or on a verb ("confirmar")
    ("Al incendio acudieron bomberos del cuartel norte, quienes informaron que nadie resultó herido.",
     "bomberos del cuartel norte"),
    ("La emisora habló con vecinos suyos quienes contaron que el cantante ya descansa.", "vecinos suyos"),
    # a person the clause hangs from is kept
    ("La ministra Ana Ruiz, quien visitó la planta, dijo que habrá ayudas.", "Ana Ruiz"),
])
def test_quien_stands_for_the_nearest_people_before_it(claims_of, text, name):
    claims = claims_of(text)
    assert [c["speaker"]["name"] for c in claims] == [name]


@pytest.mark.parametrize("text, name", [
    # "que" hung on a noun of the other number: the nearest noun before it of the verb's number
    ("Firmaron la carta cientos de maestros y expertos que han advertido que faltan fondos.", "expertos"),
    # a conjunct's conjunction is no part of the antecedent
    ("La protesta reunió a los taxistas, y los repartidores, que aseguran que las multas son abusivas.",
     "repartidores"),
])
def test_the_antecedent_of_que_is_a_noun_of_the_verb_s_number_without_its_conjunction(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name


@pytest.mark.parametrize("text, name", [
    # a speaker after the relative verb is its subject; "que" is its object
    ('La sentencia cita el párrafo que argumentó el perito del juzgado en marzo: "La obra conocía el riesgo '
     'del puente".', "perito del juzgado"),
    ("El acta recoge el mensaje que leyó la alcaldesa Rebeca Olmedo: “No habrá más cortes de agua”.",
     "Rebeca Olmedo"),
    # a noun after the verb that cannot speak is its object: "que" is the subject
    ("El informe que señala el riesgo advierte que la sequía seguirá.", "informe"),
])
def test_a_speaker_after_a_relative_verb_is_its_subject(claims_of, text, name):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == name


def test_a_name_right_before_a_verb_the_parser_left_without_subject_is_its_subject(claims_of):
    # the parser hangs the body's name on the noun before the comma; the gerund's verb has no subject
    text = ("El senador Tomás Liendo publicó un mensaje. Luego de aquello, tres horas tras la lectura del tuit de "
            "Liendo, Transparencia por Vexa emitió un comunicado recalcando que aquella cifra es falsa.")
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == "Transparencia por Vexa"


def test_a_role_noun_refers_to_the_person_its_sentence_has_just_named(claims_of):
    """Of two senators, "la senadora" is the one the sentence names before it, not the last described."""
    text = ("La senadora Marta Pineda firmó la moción sobre el agua. La senadora Clara Soler pidió la palabra "
            "después. Tras la moción que firmó Pineda, la senadora señaló que el agua llegará en mayo.")
    assert [c["speaker"]["name"] for c in claims_of(text)] == ["Marta Pineda"]


@pytest.mark.parametrize("text, name, kind", [
    # a name with an apostrophe opening the sentence is a word, not a symbol: the subject speaks
    ("Merlo's renueva su carta\n\nMerlo's informó el lunes que dejará de vender dos postres.", "Merlo's",
     "organisation"),
    ("O'Connell aseguró que el contrato con el club sigue vigente.", "O'Connell", None),
])
def test_a_subject_with_an_apostrophe_opening_the_sentence_speaks(claims_of, text, name, kind):
    c = claims_of(text)[-1]
    assert c["speaker"]["name"] == name
    if kind is not None:
        assert c["speaker"]["kind"] == kind


def test_a_plural_role_is_no_surname_of_a_firm_the_model_tagged_a_person(claims_of):
    text = ("Tulca. Abogados confirmaron que su representado quedó arrestado en el aeropuerto.\n\n"
            "Según el relato que difundió el bufete Ferrer y Ferrer Abogados, el arresto ocurrió al amanecer.\n\n"
            "La defensa añadió que lo acompañaba el abogado Tomás Liendo Ruiz.")
    c = claims_of(text)[0]
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == ("Abogados", "group")


def test_a_role_with_a_prefix_is_a_role_of_its_own():
    from newsclaims.rules import role_nouns
    roles = role_nouns()
    assert roles["viceministra"] == "f" and roles["exalcalde"] == "m" and "subcomisaria" in roles
    assert "exexalcalde" not in roles and "vicesubdirector" not in roles  # (one prefix only)


def test_a_capitalised_prefixed_role_is_the_person_described_so(claims_of):
    text = ("La resolución, indicó Rebeca Olmedo Ruiz, viceministra de Riego, fija los precios máximos.\n\n"
            "Hasta ahora, explicó la Viceministra, cada hospital fijaba su tarifa.")
    assert [c["speaker"]["name"] for c in claims_of(text)] == ["Rebeca Olmedo Ruiz"] * 2


@pytest.mark.parametrize("text, name", [
    # a surname's particle, capitalised, opens the subject: no preposition (the body that spoke last does
    # not say it)
    ("El delegado de Riego, Tomás de León Barca, recorrió la presa. La Comisión del Agua informó que el nivel "
     "bajó.\n\nDe León Barca informó que el agua se filtra por una grieta.", "Tomás de León Barca"),
    ("La diputada Rosa del Pozo Liendo visitó la obra. La Secretaría de Obras informó que faltan fondos.\n\n"
     "Del Pozo Liendo reiteró que el puente no es seguro.", "Rosa del Pozo Liendo"),
    ("La Secretaría de Obras informó que faltan fondos.\n\nAl ser cuestionado sobre el puente, De la Vega dijo "
     "que no hay fondos.", "De la Vega"),
])
def test_a_surname_with_a_capitalised_particle_speaks(claims_of, text, name):
    assert claims_of(text)[-1]["speaker"]["name"] == name


def test_a_body_after_a_capitalised_del_is_no_surname(claims_of):
    text = "Del Ministerio de Obras informaron que no hay fondos."
    assert all(not (c["speaker"] or {}).get("name", "").startswith("Del") for c in claims_of(text))


def test_a_name_past_the_que_of_the_content_is_no_subject(claims_of):
    # a parse that hangs a word of the content on the verb as its subject ("Recuerda que cuando vivía en
    # Tulsa, Merlo …", the place taken for the subject): not the speaker
    import spacy
    from spacy.tokens import Doc

    from newsclaims.pipeline.context import _past_que
    vocab = spacy.blank("es").vocab
    words = ["Recuerda", "que", "cuando", "vivía", "en", "Tulsa", ",", "Merlo", "cerró"]
    heads = [0, 3, 3, 0, 5, 3, 3, 0, 3]
    deps = ["ROOT", "mark", "mark", "ccomp", "case", "obl", "punct", "nsubj", "conj"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps)
    assert _past_que(doc[0], doc[7])
    words = ["Recordó", "el", "alcalde", "que", "la", "obra", "costó", "dos", "millones"]
    heads = [0, 2, 0, 6, 5, 6, 0, 8, 6]
    deps = ["ROOT", "det", "nsubj", "mark", "det", "nsubj", "ccomp", "nummod", "obj"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps)
    assert not _past_que(doc[0], doc[2])
    # a postposed subject stands before the "que"
    assert claims_of("Recordó el alcalde que la obra costó dos millones.")[0]["speaker"]["name"] == "alcalde"


@pytest.mark.parametrize("text", [
    "La ginecóloga Rebeca Olmedo del Hospital General de Tulca afirma que el ejercicio ayuda.",
    "Rebeca Olmedo del Hospital General de Tulca afirma que el ejercicio ayuda.",
])
def test_a_body_after_a_persons_name_is_her_workplace_not_her_surname(claims_of, text):
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == "Rebeca Olmedo"


def test_a_surname_with_its_particle_stays_whole(claims_of):
    (c,) = claims_of("Rosa del Pozo Liendo afirma que el ejercicio ayuda.")
    assert c["speaker"]["name"] == "Rosa del Pozo Liendo"


def test_a_profession_by_its_science_speaks_between_commas(claims_of):
    (c,) = claims_of("Los hornos, informó el arqueólogo, fueron hallados junto a la muralla del norte.")
    assert c["speaker"]["name"] == "arqueólogo" and c["content"]["text"].startswith("Los hornos")


def test_a_role_the_tagger_calls_an_adjective_is_the_speaker_between_dashes(claims_of):
    text = ("El abogado Tomás Barca defiende a los usuarios de la red. La norma europea de datos -recuerda este "
            "experto- obliga ya a pedir el consentimiento expreso.")
    (c,) = claims_of(text)
    assert c["cue"]["text"] == "recuerda" and c["speaker"]["name"] == "Tomás Barca"
    assert c["content"]["text"].startswith("La norma europea de datos")


@pytest.mark.parametrize("text, name", [
    # the small model leaves the verb without a subject
    ("En el foro vecinal, vecinos del barrio de la Estación, denunciaron que el alumbrado lleva un mes apagado.",
     "vecinos del barrio de la Estación"),
    ("La familia discute por la herencia. Fuentes próximas a estas reprochan que el gerente quiera vender la "
     "finca ahora.", "Fuentes"),
])
def test_a_fronted_speaker_phrase_the_parser_lost_speaks(claims_of, text, name):
    claim = claims_of(text)[-1]
    assert claim["speaker"]["name"] == name


@pytest.mark.parametrize("text", [
    "Asimismo, dijo que el plan sigue adelante.",
    "En una carta, aseguró que el plan sigue adelante.",
])
def test_an_opening_adverb_or_channel_is_no_fronted_speaker(claims_of, text):
    (c,) = claims_of(text)
    assert c["speaker"] is None or c["speaker"]["name"] is None


@pytest.mark.parametrize("text, name", [
    ("«Vamos a ganar», dijo Irene Salas. Después intervino la ministra Rebeca Olmedo, y ella sostuvo que el torneo "
     "acabará en empate.", "Rebeca Olmedo"),
    ("«Vamos a ganar», dijo el entrenador Tomás Liendo. Más tarde el portero Andrés Gil Romero salió a la sala, y él "
     "sostuvo que el torneo acabará en empate.", "Andrés Gil Romero"),
])
def test_a_subject_pronoun_written_out_is_the_person_just_named(claims_of, text, name):
    # Spanish drops a subject that goes on with the same person: "él", "ella" written out after another
    # person of that gender is named in the sentence point at that person, not at the one who spoke before
    assert claims_of(text)[-1]["speaker"]["name"] == name


def test_a_subject_pronoun_after_names_in_parentheses_stays_with_the_speaker(claims_of):
    text = ("«Vamos a ganar», dijo Irene Salas. Ante las quejas por los nombres de los jurados (Tomás Barca, Lucía "
            "Coronel y Rebeca Olmedo), ella señaló que podrán ser recusados.")
    assert claims_of(text)[-1]["speaker"]["name"] == "Irene Salas"


def test_a_verb_joined_to_a_clause_without_subject_takes_the_subject_of_the_verb_before(claims_of):
    # the parser hangs both verbs on "trascendió", which has no subject; "desmintió" has one
    text = ("El gobernador Tomás Liendo inauguró la feria. El martes trascendió que la obra se retrasará, pero la "
            "alcaldesa lo negó y afirmó que estará lista en mayo.")
    c = claims_of(text)[-1]
    assert (c["cue"]["text"], c["speaker"]["text"]) == ("afirmó", "la alcaldesa")


@pytest.mark.parametrize("text", [
    "«Vamos a medirlo todo», dijo la física Irene Salas. De acuerdo con el informe del observatorio, el cometa "
    "pasará en mayo. Añadió que será visible desde el sur.",
    "La física Irene Salas habló en el congreso. Según la teoría de la relatividad, nada viaja más rápido que la "
    "luz. Añadió que el experimento se repetirá en mayo.",
])
def test_a_document_a_phrase_cites_does_not_go_on_speaking(claims_of, text):
    # the report or theory vouches for its own clause; the sentence after it, its subject dropped, is the
    # person's who was speaking
    claim = next(c for c in claims_of(text) if c["cue"]["text"] == "Añadió")
    assert claim["speaker"]["name"] == "Irene Salas"


def test_a_participles_clause_hung_on_the_subject_names_nobody():
    # the parser may hang an opening participle's clause on the subject ("Interrogado sobre el plan del
    # tesorero X, Cordero recalcó …"): the subject's phrase starts after the clause's comma
    import spacy
    from spacy.tokens import Doc

    from newsclaims.pipeline.context import _fronted_lead
    words = ["Interrogado", "sobre", "el", "plan", "del", "tesorero", "Tomás", "Liendo", ",", "Cordero", "recalcó"]
    doc = Doc(spacy.blank("es").vocab, words=words, morphs=["VerbForm=Part"] + [""] * 10)
    assert [t.text for t in _fronted_lead(list(doc[:10]), doc[9])] == ["Cordero"]
    # a phrase that does not open with a participle keeps its words
    assert [t.text for t in _fronted_lead(list(doc[5:10]), doc[9])] == ["tesorero", "Tomás", "Liendo", ",", "Cordero"]


def test_an_opening_prepositional_phrase_hung_on_the_subject_names_nobody():
    # "Tras el partido, Irene Salas comentó …": the parser may hang the opening phrase on the subject;
    # the subject's phrase starts after the comma when a noun phrase follows it
    import spacy
    from spacy.tokens import Doc

    from newsclaims.pipeline.context import _fronted_lead
    vocab = spacy.blank("es").vocab
    doc = Doc(vocab, words=["Tras", "el", "partido", ",", "Irene", "Salas", "comentó"],
              pos=["ADP", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "VERB"])
    assert [t.text for t in _fronted_lead(list(doc[:6]), doc[4])] == ["Irene", "Salas"]
    # the preposition outside the phrase ("Sin" of "Sin embargo, los vecinos …")
    doc = Doc(vocab, words=["Sin", "embargo", ",", "los", "vecinos", "pidieron"],
              pos=["ADP", "NOUN", "PUNCT", "DET", "NOUN", "VERB"])
    assert [t.text for t in _fronted_lead(list(doc[1:5]), doc[4])] == ["los", "vecinos"]
    # no noun phrase after the comma: the words stay ("En el informe, titulado …")
    doc = Doc(vocab, words=["En", "el", "informe", ",", "titulado", "Agua", "dice"],
              pos=["ADP", "DET", "NOUN", "PUNCT", "VERB", "PROPN", "VERB"])
    assert len(_fronted_lead(list(doc[:6]), doc[5])) == 6


def test_an_opening_phrase_is_not_part_of_the_speaker(claims_of):
    (c,) = claims_of("Tras el partido, Irene Salas comentó que llegan contentas.")
    assert (c["speaker"]["name"], c["speaker"]["text"], c["speaker"]["kind"]) == ("Irene Salas", "Irene Salas", "person")


def test_a_participles_clause_before_a_titled_subject(claims_of):
    (c,) = claims_of("Acompañado por la ministra Irene Salas, el alcalde Tomás Barca aseguró que la obra terminará en mayo.")
    assert c["speaker"]["name"] == "Tomás Barca"


def test_a_later_description_inside_a_quotation_names_someone_else(claims_of):
    # the speaker's own words describe another person ("el presidente Liendo"): "el presidente" who
    # speaks is not him
    text = ("Tomás Barca visitó la planta de la empresa.\n\n"
            "Al ser consultado por el cierre, el presidente afirmó que \"el presidente Liendo nunca respetó la ley\".")
    (c,) = claims_of(text)
    assert c["speaker"]["name"] != "Liendo"
    # a later description outside quotation marks still names him ("Luego habló el presidente Liendo")
    text = ("Tomás Barca visitó la planta de la empresa.\n\n"
            "Al ser consultado, el presidente afirmó que la planta no cerrará. Luego habló el presidente Liendo.")
    (c,) = claims_of(text)
    assert c["speaker"]["name"] == "Liendo"


@pytest.mark.parametrize("text, name", [
    ("Doce mineros quedaron atrapados en el pozo, contaron el lunes a la agencia Tulca fuentes sindicales.",
     "fuentes sindicales"),
    ("El puente quedó cortado toda la noche, relataron a Radio Faro testigos del choque.", "testigos del choque"),
])
def test_unnamed_sources_after_the_medium_addressed(claims_of, text, name):
    # a plural noun of people without an article after the medium's name is the postposed subject
    (c,) = claims_of(text)
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == (name, "group")
