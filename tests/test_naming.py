"""Naming the right speaker right (issue 17, class 6): sources after "según", descriptions after a
name, surnames alone, full names the model did not tag as people.  Sentences written for the tests."""
import pytest

from newsclaims.claims import Claim, Speaker
from newsclaims.entities import Entity
from newsclaims.pipeline import naming
from newsclaims.pipeline.kinds import speaker_kind


def first(claims_of, text):
    c = claims_of(text)[0]
    return (c["speaker"] or {}).get("name"), c["content"]["text"]


@pytest.mark.parametrize("text, name, content", [
    # a description after the name is the name's, not the content's
    ("Según Ana Ruiz, portavoz del ministerio, el plan empieza en mayo.", "Ana Ruiz", "el plan empieza en mayo"),
    ("Según Ceridwen Lora, investigadora de la Universidad Nacional (UNA), en la capital, y coautora del estudio, "
     "la mayoría de las muestras se perdieron.", "Ceridwen Lora", "la mayoría de las muestras se perdieron"),
    # a clause after the comma is content
    ("Según Ana Ruiz, el plan, que es caro, empieza en mayo.", "Ana Ruiz", "el plan, que es caro, empieza en mayo"),
    # any verb between "según" and an article introduces the source
    ("Según muestra una investigación internacional publicada este jueves, el hielo se derrite más rápido.",
     "investigación internacional", "el hielo se derrite más rápido"),
    # the body behind the figures, not the figures or the day
    ("Según datos ofrecidos por la Autoridad Portuaria hoy, el tráfico de contenedores creció un diez por ciento.",
     "Autoridad Portuaria", "el tráfico de contenedores creció un diez por ciento"),
    ("Según datos del Eurostat publicados por la Comisión de Ayuda, el paro bajó en marzo.", "Eurostat",
     "el paro bajó en marzo"),
    # a partitive the article forgot to set off with a comma is no part of the name
    ("Según la OMS de esos diez millones de casos, tres millones fueron graves.", "OMS",
     "tres millones fueron graves"),
])
def test_sources_after_segun(claims_of, text, name, content):
    assert first(claims_of, text) == (name, content)


def test_a_surname_alone_takes_the_full_name_the_claims_give(claims_of):
    text = ("Según Jerónimo Gil, director de la consultora Datos Claros, la manera más lógica es usar una "
            "herramienta externa. \"Es difícil que la policía lo cuente\", explica Gil.")
    names = [(c["speaker"]["name"], c["speaker"]["text"], c["speaker"]["kind"]) for c in claims_of(text)]
    assert names == [("Jerónimo Gil", "Jerónimo Gil", "person"), ("Jerónimo Gil", "Gil", "person")]


def _claim(name: str, kind: str = "person") -> Claim:
    return Claim("direct", Speaker(name, name, "PER", 0, len(name), kind=kind), None, 0, 1, 0, 1, 0.9, "test")


def test_two_full_names_with_the_surname_leave_it_alone():
    claims = [_claim("Ana Gil"), _claim("Luis Gil"), _claim("Gil")]
    naming.complete(claims, [])
    assert [c.speaker.name for c in claims] == ["Ana Gil", "Luis Gil", "Gil"]
    claims = [_claim("Gil"), _claim("Gil", kind="organisation")]
    naming.complete(claims, [Entity("Ana Gil", "PER", [])])
    assert [c.speaker.name for c in claims] == ["Ana Gil", "Gil"]  # an organisation is no surname


@pytest.mark.parametrize("name, label, kind", [
    ("Jerónimo Gil", "MISC", "person"),          # a given name first: a person, whatever the tag
    ("Datos Claros", "MISC", "document"),        # no given name: what its head says
    ("Rosa Náutica", "ORG", "organisation"),     # the model's ORG stays
])
def test_a_full_name_is_a_person_whatever_its_tag(name, label, kind):
    assert speaker_kind(name, name, label) == kind


@pytest.mark.parametrize("text, name", [
    ("Los regidores Jesús Gómez y Alfredo Barrios visitaron la obra. El segundo dijo que el puente abre en mayo.",
     "Alfredo Barrios"),
    ("Los regidores Jesús Gómez y Alfredo Barrios visitaron la obra. El primero dijo que el puente abre en mayo.",
     "Jesús Gómez"),
])
def test_the_first_or_the_second_of_two_people(claims_of, text, name):
    assert claims_of(text)[-1]["speaker"]["name"] == name


def test_an_institution_and_its_field_split_by_the_model_are_one_name(claims_of):
    text = ("La consellera Mónica Oltra sugirió que, según la Delegación de Gobierno, se concedería la condición "
            "de refugiados a todos.")
    sp = [c for c in claims_of(text) if c["type"] == "according_to"][0]["speaker"]
    assert (sp["name"], sp["kind"]) == ("Delegación de Gobierno", "organisation")


def test_a_given_name_the_model_split_off_joins_the_persons_name(extractor):
    from spacy.tokens import Span

    from newsclaims.entities import cluster
    doc = extractor.nlp.make_doc("Ayer Andrés Manuel Ortiz Lara visitó la planta.")
    doc.ents = [Span(doc, 1, 2, "MISC"), Span(doc, 2, 5, "PER")]  # as the small model splits such names
    assert [(e.name, e.label) for e in cluster(doc)] == [("Andrés Manuel Ortiz Lara", "PER")]
    doc = extractor.nlp.make_doc("Ayer Madrid Ortiz Lara visitó la planta.")
    doc.ents = [Span(doc, 1, 2, "LOC"), Span(doc, 2, 4, "PER")]  # no given name: two names
    assert sorted(e.name for e in cluster(doc)) == ["Madrid", "Ortiz Lara"]


def test_a_title_noun_before_a_given_name_is_no_medium(claims_of):
    text = ("La especialista Lucía Reyes Veyna habló en el foro. Reyes recomienda tomar muchos líquidos y "
            "evitar el sol.")
    assert claims_of(text)[-1]["speaker"]["name"] == "Lucía Reyes Veyna"


def test_a_name_never_runs_on_into_the_sentence():
    claims = [_claim("Banco Mundial la cobertura de los servicios"), _claim("Organización de las Naciones Unidas"),
              _claim("Isabel la Católica")]
    naming.unglue(claims)
    assert [c.speaker.name for c in claims] == ["Banco Mundial", "Organización de las Naciones Unidas",
                                                "Isabel la Católica"]


def test_an_unnamed_surname_takes_the_full_name():
    c = Claim("indirect", Speaker(None, "Reyes", "PER", 0, 5, kind="group"), None, 0, 1, 0, 1, 0.5, "test")
    naming.complete([c], [Entity("Lucía Reyes Veyna", "PER", [])])
    assert (c.speaker.name, c.speaker.kind) == ("Lucía Reyes Veyna", "person")


@pytest.mark.parametrize("word, kind", [
    ("subsecretaría", "organisation"), ("vicepresidencia", "organisation"),  # a body, by its noun
    ("subdirectora", "person"), ("exministro", "person"),                     # a person, by hers or his
    ("subasta", None),                                                        # no prefix there
])
def test_a_prefixed_noun_has_the_kind_of_its_noun(word, kind):
    from newsclaims.pipeline.kinds import noun_kind
    assert noun_kind(word) == kind
