import pytest

from newsclaims.metadata import extract_metadata, find_date


@pytest.mark.parametrize("text, iso", [
    ("Publicado el 11 de diciembre de 2025 en Lima", "2025-12-11"),
    ("1 de setiembre del 2024", "2024-09-01"),
    ("Fecha: 25/11/2025", "2025-11-25"),
    ("2024-02-29T10:00", "2024-02-29"),
    ("sin fecha", None),
    ("45/13/2025", None),
])
def test_dates(text, iso):
    assert find_date(text) == iso


def test_seed_like_page():
    text = ("## **Un titular de prueba**\n\nTiempo de lectura: 3 min.\n\n[Ana Pérez](#)\n\n[Luis Gómez](#)\n\n"
            "Cuerpo del artículo.\n\n3 de mayo de 2024\n\n[medio.example/nota](https://medio.example/nota)\n")
    m = extract_metadata(text)
    assert m.title == "Un titular de prueba"
    assert m.authors == ["Ana Pérez", "Luis Gómez"]
    assert m.date == "2024-05-03"
    assert m.url == "https://medio.example/nota"


def test_plain_article_has_nulls():
    m = extract_metadata("Primera línea como título\n\nTexto.")
    assert (m.title, m.authors, m.date, m.url) == ("Primera línea como título", [], None, None)


@pytest.mark.parametrize("text, iso", [
    ("Actualizado 2024-03-09. Publicado el 7 de marzo de 2024", "2024-03-09"),   # the earliest form wins
    ("Escrito el 7 de marzo de 2024; revisado 2024-03-09", "2024-03-07"),
    ("Expediente 40/02/2024, vence 14/05/2024", "2024-05-14"),  # day 40 is no date: the next one of the form
    ("Partido 99/99/2030; sesión del 2 de enero de 2031", "2031-01-02"),
])
def test_the_first_valid_date_of_any_form(text, iso):
    assert find_date(text) == iso
