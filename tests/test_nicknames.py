"""Nicknames (newsclaims.nicknames): a person named once with a nickname and then by it alone.
Sentences and names written for these tests."""
import pytest

from newsclaims import nicknames


@pytest.mark.parametrize("text, person, nickname", [
    ('El portero Tomás "el Muro" Ibarra paró tres penaltis.', "Tomás Ibarra", "el Muro"),
    ("La cantante Elvira «la Morena» Sastre llenó el teatro.", "Elvira Sastre", "la Morena"),
    ("El jinete Ramiro Olmedo, alias el Cóndor, ganó la carrera.", "Ramiro Olmedo", "el Cóndor"),
    ("El luchador Ramiro Olmedo, apodado “Cóndor Negro”, ganó.", "Ramiro Olmedo", "Cóndor Negro"),
    ("Detuvieron a Ramiro Olmedo (a) el Cóndor en la frontera.", "Ramiro Olmedo", "el Cóndor"),
    ('El cocinero Ramiro Olmedo, "el Cóndor", abrió un local.', "Ramiro Olmedo", "el Cóndor"),
    # the nickname first, "como es conocido" the person; a lone surname is the full name written
    ("El Cóndor, como es conocido Ramiro Olmedo, ganó la carrera.", "Ramiro Olmedo", "El Cóndor"),
    ("Ramiro Olmedo llegó primero. El Cóndor Negro, como también se le conoce a Olmedo, celebró.",
     "Ramiro Olmedo", "El Cóndor Negro"),
    ("Ayer La Morena, como le llaman a Elvira Sastre, llenó el teatro.", "Elvira Sastre", "La Morena"),
])
def test_a_nickname_is_found_with_the_person_it_names(text, person, nickname):
    assert [(n.person, n.nickname) for n in nicknames.find(text)] == [(person, nickname)]


@pytest.mark.parametrize("text", [
    # no given name before the quotes: a body's or a place's name, a title in quotes
    'El Club "Los Andes" Unidos ganó la copa.',
    'La película "El Muro" Interminable se estrena hoy.',
    # quoted words after a name are no nickname without their article or a word that introduces them
    'Ramiro Olmedo, "nunca más", dijo.',
    # "como es conocida" a place, or a surname the article never writes in full
    "La Perla, como es conocida Tulca, recibió a mil turistas.",
    "El Cóndor, como es conocido Olmedo, ganó la carrera.",
])
def test_no_nickname_without_a_given_name_or_a_word_that_introduces_it(text):
    assert nicknames.find(text) == []


def test_a_nickname_two_people_share_names_neither():
    text = "Ramiro Olmedo, alias el Cóndor, y Julián Paz, alias el Cóndor, fueron detenidos."
    assert nicknames.people(text) == {}


def test_a_nickname_is_looked_up_without_its_article_or_accents():
    assert nicknames.key("El Cóndor") == nicknames.key("cóndor") == "condor"


@pytest.mark.parametrize("text, mention, name", [
    ('El portero Tomás "el Muro" Ibarra paró tres penaltis. El Muro aseguró que el equipo merecía ganar.',
     "El Muro", "Tomás Ibarra"),
    # the surname alone (tagged a place by the model) is the person the full name gives
    ('El portero Tomás "el Muro" Ibarra paró tres penaltis. "Hoy todo salió bien", dijo Ibarra.', "Ibarra",
     "Tomás Ibarra"),
    ("El jinete Ramiro Olmedo, alias el Cóndor, ganó la carrera. Según el Cóndor, \"la pista estaba "
     "perfecta\".", "el Cóndor", "Ramiro Olmedo"),
])
def test_a_person_named_by_a_nickname_speaks_under_the_name(claims_of, text, mention, name):
    (c,) = claims_of(text)
    assert (c["speaker"]["text"], c["speaker"]["name"], c["speaker"]["kind"]) == (mention, name, "person")


def test_a_nickname_before_como_es_conocido_speaks_under_the_name(claims_of):
    (c,) = claims_of("El jinete Ramiro Olmedo ganó la carrera. El Cóndor, como es también conocido Olmedo, "
                     "aseguró que la pista estaba perfecta.")
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == ("Ramiro Olmedo", "person")


def test_the_name_around_a_nickname_is_one_person_entity(extractor):
    doc = extractor.extract_text('El portero Tomás "el Muro" Ibarra paró tres penaltis. Ibarra celebró.', "t.txt")
    (ent,) = [e for e in doc["entities"] if "Ibarra" in e["name"]]
    assert (ent["name"], ent["label"], ent["count"]) == ("Tomás Ibarra", "PER", 2)
    assert ent["mentions"][0]["text"] == 'Tomás "el Muro" Ibarra'
