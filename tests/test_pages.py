"""Web pages and WARC archives as input: main text, metadata, encodings, bad pages, bad archives.

The pages under ``fixtures/pages`` and the archive built by ``fixtures/pages/make_warc.py`` are
written for these tests.
"""
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_golden import build_warc
from typer.testing import CliRunner

from newsclaims import inputs as load
from newsclaims.cli import app
from newsclaims.inputs import html as pages

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "fixtures" / "pages"
runner = CliRunner()


def documents(*args) -> tuple[int, list[dict], str]:
    r = runner.invoke(app, ["extract", "--format", "json", *map(str, args)])
    return r.exit_code, json.loads(r.stdout)["documents"] if r.stdout else [], r.stderr


@pytest.fixture(scope="module")
def warc(tmp_path_factory) -> Path:
    return build_warc(tmp_path_factory.mktemp("warc"))


# --- main text -------------------------------------------------------------------------------

def test_page_text_keeps_article_paragraphs_and_drops_the_rest():
    text, meta = pages.extract_page((PAGES / "puerto.html").read_text(encoding="utf-8"))
    paragraphs = text.strip().split("\n\n")
    assert paragraphs[0] == "El puerto de Valdemar ampliará su muelle norte"  # the title first
    assert "Críticas de los vecinos" in paragraphs                             # a heading, kept
    assert any(p.startswith('"Nadie nos ha preguntado nada.') for p in paragraphs)  # a block quote
    for chrome in ("Usamos cookies", "Portada", "Compartir en Facebook", "Noticias relacionadas",
                   "Pepe123", "Todos los derechos reservados", "Aviso legal",
                   "Le puede interesar", "Lea también", "El Gobierno regional dijo"):
        assert chrome not in text, chrome


@pytest.mark.parametrize("teaser", [
    "(Le puede interesar: El alcalde dijo que bajará los impuestos)",
    "(También puede leer: Los pescadores afirmaron que habrá huelga)",
    "Lea también: La ministra aseguró que el plan sigue en pie",
    "Te recomendamos: diez rutas para el verano",
    "Noticia relacionada: El técnico dijo que el equipo está listo",
])
def test_teaser_lines_between_paragraphs_are_dropped(teaser):
    html = f"""<html><head><title>Nota</title></head><body><article><h1>Nota</h1>
    <p>El consejo escolar aprobó ayer el nuevo calendario de vacaciones para todos los centros.</p>
    <p>{teaser}</p>
    <p>La directora del colegio explicó que las familias recibirán una carta esta semana.</p>
    </article></body></html>"""
    text, _ = pages.extract_page(html)
    assert teaser not in text
    assert "La directora del colegio explicó" in text


def test_page_metadata_from_meta_tags_and_json_ld():
    _, meta = pages.extract_page((PAGES / "puerto.html").read_text(encoding="utf-8"))
    assert meta.title == "El puerto de Valdemar ampliará su muelle norte"
    assert meta.authors == ["Marta Quiroga"]
    assert meta.date == "2026-03-14"
    assert meta.url == "https://www.diariodellitoral.example/economia/puerto-valdemar-muelle-norte"
    assert meta.site == "Diario del Litoral"


def test_page_with_no_article_raises():
    with pytest.raises(pages.NoArticle):
        pages.extract_page((PAGES / "portada.html").read_text(encoding="utf-8"))


# --- encodings -------------------------------------------------------------------------------

def test_charset_from_meta_tag():
    text, encoding = pages.decode_html((PAGES / "biblioteca.html").read_bytes())
    assert encoding == "iso8859-1" and "Peñalta" in text


def test_charset_from_http_header_wins_over_guessing():
    data = "<html><body><p>Año de cigüeñas</p></body></html>".encode("cp1252")
    text, encoding = pages.decode_html(data, "windows-1252")
    assert encoding == "cp1252" and "cigüeñas" in text


def test_a_lying_meta_charset_falls_back():
    body = "<p>La peña del barrio celebró su aniversario con música y paella para los vecinos.</p>" * 4
    data = f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode("cp1252")
    text, _ = pages.decode_html(data)
    assert "La peña del barrio" in text


def test_charset_detected_when_nothing_declares_it():
    body = ("<html><body>" + "<p>La señora Muñoz pidió más información sobre la cigüeña del campanario "
            "y el año próximo.</p>" * 5 + "</body></html>")
    text, encoding = pages.decode_html(body.encode("cp1252"))
    assert "Muñoz" in text and "cigüeña" in text, encoding


def test_utf8_without_declaration():
    text, encoding = pages.decode_html("<p>Camión</p>".encode("utf-8"))
    assert (text, encoding) == ("<p>Camión</p>", "utf-8")


# --- the CLI ---------------------------------------------------------------------------------

def test_html_document_has_page_metadata_text_and_honest_offsets():
    code, docs, _ = documents(PAGES / "puerto.html")
    assert code == 0
    (d,) = docs
    assert d["site"] == "Diario del Litoral" and d["date"] == "2026-03-14"
    text = d["text"]
    assert d["claims"]
    for c in d["claims"]:
        assert text[c["content"]["start"]:c["content"]["end"]] == c["content"]["text"]
        assert text[c["cue"]["start"]:c["cue"]["end"]] == c["cue"]["text"]
        if c["speaker"] and c["speaker"]["start"] is not None:
            assert text[c["speaker"]["start"]:c["speaker"]["end"]] == c["speaker"]["text"]
    for e in d["entities"]:
        for m in e["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_page_without_article_is_an_error_and_the_rest_is_processed():
    code, docs, err = documents(PAGES / "portada.html", PAGES / "puerto.html")
    assert code == 1
    assert f"{PAGES / 'portada.html'}: no article text found" in err
    assert [d["doc"] for d in docs] == [str(PAGES / "puerto.html")]


def test_text_only_with_flag_for_text_files():
    article = ROOT / "fixtures" / "puerto.txt"
    _, (plain,), _ = documents(article)
    r = runner.invoke(app, ["extract", "--format", "json", "--with-text", str(article)])
    (with_text,) = json.loads(r.stdout)["documents"]
    assert "text" not in plain
    assert with_text["text"] == article.read_text(encoding="utf-8")


def test_html_on_stdin_is_recognised():
    r = runner.invoke(app, ["extract", "--format", "json", "-"], input=(PAGES / "puerto.html").read_text(encoding="utf-8"))
    (d,) = json.loads(r.stdout)["documents"]
    assert d["title"] == "El puerto de Valdemar ampliará su muelle norte" and d["claims"]


def test_folders_find_pages_and_archives(tmp_path, warc):
    shutil.copy(PAGES / "puerto.html", tmp_path / "a.htm")
    shutil.copy(warc, tmp_path / "b.warc.gz")
    (tmp_path / "c.png").write_bytes(b"\x89PNG")
    found = [x for x in load.expand([str(tmp_path)])]
    assert [Path(f).name for f in found] == ["a.htm", "b.warc.gz"]


# --- WARC ------------------------------------------------------------------------------------

def test_warc_html_responses_only(warc):
    items = list(load.items(str(warc)))
    assert all(isinstance(i, pages.Page) for i in items)
    assert [i.doc for i in items] == ["https://noticias.example/economia/puerto",
                                      "https://noticias.example/cultura/biblioteca",
                                      "https://noticias.example/",
                                      "https://noticias.example/agenda/mercado"]
    assert items[1].charset.lower() == "iso-8859-1" and items[1].date == "2025-08-03"


def test_warc_pages_in_cli_with_header_charset(warc):
    code, docs, err = documents(warc)
    assert code == 0
    assert [d["doc"] for d in docs] == ["https://noticias.example/economia/puerto",
                                        "https://noticias.example/cultura/biblioteca",
                                        "https://noticias.example/agenda/mercado"]
    assert "Peñalta" in docs[1]["text"]             # the charset only the HTTP header gives
    assert docs[2]["date"] == "2026-09-20"          # no date on the page: the record's
    assert "1 of 4 HTML pages had no article text" in err


@pytest.mark.parametrize("cut", [0.5, 0.8])
def test_truncated_warc_gives_pages_read_so_far_and_one_error(warc, tmp_path, cut):
    data = warc.read_bytes()
    broken = tmp_path / "cut.warc.gz"
    broken.write_bytes(data[: int(len(data) * cut)])
    code, docs, err = documents(broken)
    assert code == 1
    errors = [line for line in err.splitlines() if "truncated or corrupt WARC archive" in line]
    assert len(errors) == 1 and errors[0].startswith(f"newsclaims: {broken}: ")
    complete = [d["doc"] for d in documents(warc)[1]]
    assert [d["doc"] for d in docs] == complete[: len(docs)]


def test_uncompressed_truncated_warc(tmp_path, warc):
    import gzip
    raw = gzip.decompress(warc.read_bytes())
    broken = tmp_path / "cut.warc"
    broken.write_bytes(raw[: len(raw) - 200])
    code, docs, err = documents(broken)
    assert code == 1 and "record 9 is cut off (8 read before it)" in err  # warcinfo, request, …
    assert len(docs) == 2  # the last article record is the one cut off


def test_not_a_warc(tmp_path):
    fake = tmp_path / "notas.warc"
    fake.write_text("esto no es un archivo WARC\n", encoding="utf-8")
    code, docs, err = documents(fake)
    assert code == 1 and docs == [] and "not a WARC archive" in err


def test_jobs_two_gives_the_same_documents(tmp_path, warc):
    for name in ("puerto.html", "biblioteca.html", "portada.html"):
        shutil.copy(PAGES / name, tmp_path / name)
    shutil.copy(warc, tmp_path / "crawl.warc.gz")
    one = runner.invoke(app, ["extract", "--format", "jsonl", str(tmp_path)])
    two = subprocess.run([sys.executable, "-m", "newsclaims", "extract", "--format", "jsonl", "--jobs", "2",
                          str(tmp_path)], capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "3"})
    assert two.returncode == one.exit_code == 1  # portada.html has no article
    assert two.stdout == one.stdout and one.stdout.count("\n") >= 10


def test_diff_of_two_saved_pages(tmp_path):
    old = tmp_path / "old.html"
    new = tmp_path / "new.html"
    old.write_bytes((PAGES / "puerto.html").read_bytes())
    new.write_bytes((PAGES / "puerto.html").read_bytes().replace(b"por la prensa", b"por la radio"))
    r = runner.invoke(app, ["diff", "--format", "json", str(old), str(new)])
    kinds = [c["kind"] for c in json.loads(r.stdout)["changes"]]
    assert r.exit_code == 1 and kinds == ["reworded"]


def _encoded_archive(tmp_path, bodies):
    """A WARC archive whose responses carry (Content-Encoding, body bytes)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    out = tmp_path / "encoded.warc.gz"
    with open(out, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for n, (coding, body) in enumerate(bodies):
            fields = [("Content-Type", "text/html; charset=utf-8")] + ([("Content-Encoding", coding)] if coding else [])
            rec = writer.create_warc_record(f"https://diario.example/{n}", "response", payload=io.BytesIO(body),
                                            http_headers=StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1"))
            writer.write_record(rec)
    return out


_ENCODED_PAGE = ("<html><head><title>Obras en el puerto {n}</title></head><body><article><h1>Obras en el puerto {n}</h1>"
                 "<p>La capitana del puerto, Elvira Saura, dijo que las obras del muelle norte terminarán en marzo.</p>"
                 "<p>El sindicato de estibadores afirmó que los turnos de noche se mantendrán durante las obras.</p>"
                 "</article></body></html>")


def test_compressed_warc_payloads_are_decoded(tmp_path):
    import gzip
    import zlib

    import brotli
    page = lambda n: _ENCODED_PAGE.format(n=n).encode("utf-8")  # noqa: E731
    archive = _encoded_archive(tmp_path, [
        ("gzip", gzip.compress(page(1))), ("deflate", zlib.compress(page(2))), ("br", brotli.compress(page(3))),
        ("gzip", page(4)),                      # stored decoded, the header kept
        ("gzip", b"\x1f\x8b\x08 not gzip"),     # damaged
        ("compress", page(6)),                  # a coding nobody decodes
    ])
    r = CliRunner().invoke(app, ["extract", "--format", "json", str(archive)])
    assert r.exit_code == 1
    docs = json.loads(r.stdout)["documents"]
    assert [d["title"] for d in docs] == [f"Obras en el puerto {n}" for n in (1, 2, 3, 4)]
    assert all(d["claims"] for d in docs)
    assert "https://diario.example/4: cannot decode its Content-Encoding gzip" in r.stderr
    assert "https://diario.example/5: cannot decode its Content-Encoding compress (unknown content coding" in r.stderr


def test_a_page_without_article_element_keeps_only_the_story():
    """No <article>: cookie banner, caption, pull-quote, related headlines and footer stay out; the
    url comes from the JSON-LD; the pull-quote repeating a quotation is no second claim."""
    r = CliRunner().invoke(app, ["extract", "--format", "json", str(PAGES / "sin_article.html")])
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)["documents"][0]
    text = doc["text"]
    for chrome in ("cookies", "Foto: Archivo", "Te puede interesar", "piscina", "derechos reservados", "Portada"):
        assert chrome not in text, chrome
    assert text.count("El ayuntamiento cerrará el mercado viejo") == 2  # the title, then the lead's first words
    assert doc["url"] == "https://diariodelvalle.example/local/mercado-viejo"
    claims = doc["claims"]
    assert len({c["id"] for c in claims}) == len(claims)
    said = [c for c in claims if c["content"]["text"].startswith("El edificio no reúne")]
    assert len(said) == 1 and said[0]["speaker"]["name"] == "Carmen Vidal"
    lead = next(c for c in claims if c["cue"]["text"] == "según informó")
    assert lead["speaker"]["name"] == "concejalía de Comercio"  # not "este lunes …" nor "… en un comunicado"
    assert all(text[c["content"]["start"]:c["content"]["end"]] == c["content"]["text"] for c in claims)


def test_a_headline_after_a_kicker_is_not_repeated_and_cookie_notices_are_dropped(tmp_path):
    page = tmp_path / "kicker.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>La biblioteca abrirá los domingos</title></head><body>'
        '<div class="cookies">Este sitio utiliza cookies para mejorar la navegación. Al continuar navegando acepta '
        'nuestra política de cookies.</div><main><p class="kicker">Cultura</p><h1>La biblioteca abrirá los domingos</h1>'
        '<p>La concejala de Cultura, Irene Salas, anunció que la biblioteca municipal abrirá también los domingos '
        'a partir de enero.</p><p>“Queremos que los estudiantes tengan un sitio tranquilo para preparar los '
        'exámenes”, explicó Salas en la presentación.</p></main></body></html>', encoding="utf-8")
    r = CliRunner().invoke(app, ["extract", "--format", "json", str(page)])
    text = json.loads(r.stdout)["documents"][0]["text"]
    assert text.count("La biblioteca abrirá los domingos") == 1
    assert "cookies" not in text


def test_cookie_notices_are_page_chrome():
    from newsclaims.normalise import is_chrome
    assert is_chrome("Usamos cookies propias y de terceros. Puede cambiar la configuración u obtener más información.")
    assert not is_chrome("La empresa dijo que las cookies de terceros desaparecerán del navegador en 2027.")


def test_a_page_the_extractor_chokes_on_loses_that_page_only(tmp_path, monkeypatch):
    from newsclaims.inputs import html as html_input
    bad, good = tmp_path / "a.html", tmp_path / "b.txt"
    bad.write_text("<html><body><p>Texto.</p></body></html>", encoding="utf-8")
    good.write_text("Título\n\nLa ministra dijo que habrá ayudas para la flota.\n", encoding="utf-8")

    def boom(html, url=None):
        raise RuntimeError("lxml gave up")

    monkeypatch.setattr(html_input, "extract_page", boom)
    r = CliRunner().invoke(app, ["extract", "--format", "json", str(bad), str(good)])
    assert r.exit_code == 1
    assert [d["doc"] for d in json.loads(r.stdout)["documents"]] == [str(good)]
    assert "a.html: cannot extract the page's text (RuntimeError: lxml gave up)" in r.stderr
