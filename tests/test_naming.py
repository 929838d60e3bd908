"""Naming the right speaker right (issue 17, class 6): sources after "según", descriptions after a
name, surnames alone, full names the model did not tag as people.  Sentences written for the tests."""
import pytest

from newsclaims.claims import Claim, Speaker
from newsclaims.entities import Entity
from newsclaims.pipeline import surnames
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
    surnames.complete(claims, [])
    assert [c.speaker.name for c in claims] == ["Ana Gil", "Luis Gil", "Gil"]
    claims = [_claim("Gil"), _claim("Gil", kind="organisation")]
    surnames.complete(claims, [Entity("Ana Gil", "PER", [])])
    assert [c.speaker.name for c in claims] == ["Ana Gil", "Gil"]  # an organisation is no surname


@pytest.mark.parametrize("name, label, kind", [
    ("Jerónimo Gil", "MISC", "person"),          # a given name first: a person, whatever the tag
    ("Datos Claros", "MISC", "document"),        # no given name: what its head says
    ("Rosa Náutica", "ORG", "organisation"),     # the model's ORG stays
])
def test_a_full_name_is_a_person_whatever_its_tag(name, label, kind):
    assert speaker_kind(name, name, label) == kind
