from hypothesis import given, settings
from hypothesis import strategies as st

from newsclaims.normalise import normalise


def check_map(n):
    """Every character maps back to what it was: itself, or the letter and combining marks it was
    composed from (decomposed input)."""
    import unicodedata
    assert len(n.index) == len(n.text) == len(n.parse_text)
    for i, ch in enumerate(n.text):
        if ch not in " \n":
            a, b = n.to_original(i, i + 1)
            assert n.original[a:b] == ch or ch in unicodedata.normalize("NFC", n.original[a:b])


def test_markdown_link_keeps_its_text():
    n = normalise("Lo dijo [la ministra](https://x.example/a) ayer.")
    assert n.text == "Lo dijo la ministra ayer."
    a, b = n.to_original(8, 19)
    assert n.original[a:b] == "la ministra"
    check_map(n)


def test_heading_and_emphasis_markers_removed():
    n = normalise("## **Un titular**\n\nTexto *con* énfasis.")
    assert n.text == "Un titular\n\nTexto con énfasis."
    check_map(n)


def test_chrome_lines_and_bylines_dropped():
    src = "Título\n\nTiempo de lectura: 3 min.\n\n[Ana Pérez](#)\n\nCuerpo.\n\n[Copied to clipboard](#)\n\n[ver PDF](#)\n\nhttps://x.example/nota\n"
    n = normalise(src)
    assert n.text == "Título\n\nCuerpo."
    check_map(n)


def test_an_image_caption_line_is_dropped(extractor):
    src = ("Titular.\n\nDerechos de autor de la imagen AgenciaImage caption Los vecinos dicen que el puente "
           "está roto.\n\nLa alcaldesa Rebeca Olmedo dijo que el puente abrirá en mayo.")
    n = normalise(src)
    assert n.text == "Titular.\n\nLa alcaldesa Rebeca Olmedo dijo que el puente abrirá en mayo."
    check_map(n)
    claims = extractor.extract_text(src)["claims"]
    assert [c["speaker"]["name"] for c in claims] == ["Rebeca Olmedo"]


def test_paragraph_broken_mid_sentence_is_joined():
    n = normalise("Acordaron “revisar los precios”\n\ncon los productores. Luego\n\nOtro párrafo.")
    assert n.text == "Acordaron “revisar los precios” con los productores. Luego\n\nOtro párrafo."
    check_map(n)


def test_lowercase_paragraph_after_full_stop_is_not_joined():
    n = normalise("Fin de frase.\n\nminúscula inicial.")
    assert n.text == "Fin de frase.\n\nminúscula inicial."


def test_parse_text_straightens_double_quotes_only():
    n = normalise("«Hola» y “adiós” y ‘vale’")
    assert n.parse_text == '"Hola" y "adiós" y ‘vale’'


def test_spans_map_back_exactly():
    src = "# Título\n\nEl [alcalde](#) dijo: **«Basta»**.\n"
    n = normalise(src)
    start = n.text.index("«Basta»")
    a, b = n.to_original(start, start + len("«Basta»"))
    assert src[a:b] == "«Basta»"


MARKUP = st.sampled_from(["[", "]", "(", ")", "#", "*", "**", "_", "\n", "\n\n", "“", "”", "«", "»", '"', "—",
                          "https://a.example/x", "[t](u)", "\x00", "\x1b", "\ufeff", " ", "a", "B", ".", "dijo"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(MARKUP, st.text(max_size=5)), max_size=40).map("".join))
def test_offset_map_property(text):
    n = normalise(text)
    check_map(n)
    for i in range(len(n.text)):
        for j in (i + 1, min(len(n.text), i + 7)):
            if j > i:
                a, b = n.to_original(i, j)
                assert 0 <= a < b <= len(text)


def test_wire_dateline_is_not_parsed_as_the_subject():
    for src in ("MADRID, 3 de mayo (Agencia) - La ministra dijo que sí.", "BOGOTÁ.- La ministra dijo que sí.",
                "Quito (EFE).- La ministra dijo que sí."):
        assert normalise(src).text == "La ministra dijo que sí."


def test_name_and_dash_is_not_a_dateline():
    assert normalise("Ana Ruiz - la ministra - dijo que sí.").text == "Ana Ruiz - la ministra - dijo que sí."


def test_a_period_glued_to_the_next_sentence_gets_a_space_for_the_parser():
    original = "Llegó al puesto 3.Los aficionados lo celebran en EE.UU. y en la capital.Ahora espera."
    norm = normalise(original)
    assert "3. Los aficionados" in norm.text and "capital. Ahora" in norm.text
    assert "EE.UU." in norm.text  # abbreviations stay as written
    a = norm.text.index("Los aficionados")
    assert norm.to_original(a, a + 15) == (original.index("Los aficionados"), original.index("Los aficionados") + 15)


def test_glued_period_ends_the_claim(claims_of):
    (claim,) = claims_of("El técnico dijo que el equipo llegará al puesto número 3.Los aficionados esperan una victoria.")
    assert claim["content"]["text"] == "que el equipo llegará al puesto número 3"


def test_masked_digits_read_as_a_number_and_names_keep_the_mask():
    n = normalise("El pasado *NUMBER* de mayo, el *NUMBER*% votó. Un NUMBERS no cuenta.")
    assert n.text == "El pasado NUMBER de mayo, el NUMBER% votó. Un NUMBERS no cuenta."
    assert n.parse_text == "El pasado 000000 de mayo, el 000000% votó. Un NUMBERS no cuenta."
    assert n.masked and n.unmask("artículo 000000 de la ley") == "artículo NUMBER de la ley"
    check_map(n)
    plain = normalise("El artículo 000000 no existe.")
    assert not plain.masked and plain.unmask("artículo 000000") == "artículo 000000"


def test_a_masked_number_is_no_speaker_and_names_keep_the_mask(claims_of):
    (c,) = claims_of("El pasado *NUMBER* de mayo informó la fiscal Nerea Vallejo que el caso sigue abierto.")
    assert c["speaker"]["name"] == "Nerea Vallejo"
    (c,) = claims_of("El artículo *NUMBER* de la Ley de Riegos dice que el riego nocturno es obligatorio.")
    assert c["speaker"]["name"] == "artículo NUMBER de la Ley de Riegos"
    assert c["speaker"]["kind"] == "document"


def test_hyphens_typed_for_a_pair_of_dashes_are_read_as_dashes():
    n = normalise("“Nadie nos avisó -explica Rosa Gil con calma-; lo supimos tarde”. –Sí -añadió-.")
    assert n.text == n.original  # the text shown and hashed keeps its hyphens
    assert n.parse_text == '"Nadie nos avisó —explica Rosa Gil con calma—; lo supimos tarde". –Sí —añadió—.'
    check_map(n)


def test_hyphens_inside_words_numbers_and_datelines_stay():
    text = "El ex-ministro franco-alemán gobernó de 1990-2000. Lugo.- La obra, a -5 grados, sigue.\n- Un punto"
    assert normalise(text).parse_text == text


def test_an_aside_between_typed_hyphens_interrupts_the_quotation(claims_of):
    text = "La jueza Rosa Gil salió del tribunal. “Nadie nos avisó -explica Gil con calma-; lo supimos tarde”."
    (c,) = claims_of(text)
    assert (c["cue"]["text"], c["speaker"]["name"]) == ("explica", "Rosa Gil")
    assert c["content"]["text"] == "Nadie nos avisó -explica Gil con calma-; lo supimos tarde"


def test_the_joined_chrome_pattern_matches_where_one_of_the_lines_does():
    from newsclaims.normalise import is_chrome
    from newsclaims.rules import chrome_line, chrome_patterns, examples

    lines = [ex for _, ex in examples("chrome_lines.tsv")] + [
        "El concejal dijo que compartir en redes no basta.", "Ver PDF del contrato firmado ayer por el alcalde",
        "Publicidad", "  Compartir  ", "Lea más sobre el caso: la fiscal declaró", "Foto: EFE / Ana Ruiz"]
    for line in lines:
        assert (chrome_line().match(line) is not None) == any(p.match(line) for p in chrome_patterns()), line
    assert all(is_chrome(ex) for _, ex in examples("chrome_lines.tsv"))


def test_a_bullet_opening_a_line_is_dropped_for_the_parser():
    n = normalise("Obras en la plaza\n\n■ Promete la alcaldesa terminar en mayo\n\n• Otro subtítulo")
    assert n.text == "Obras en la plaza\n\nPromete la alcaldesa terminar en mayo\n\nOtro subtítulo"
    check_map(n)
    # a bullet inside a line stays
    assert normalise("Precio ■ 20 pesos").text == "Precio ■ 20 pesos"


def test_a_subhead_after_a_bullet_is_a_claim_with_its_speaker(claims_of):
    text = ("Obras en la plaza\n\n■ Asegura Irene Campos que la fuente estará lista en mayo\n\n"
            "La alcaldesa Irene Campos Vélez visitó las obras.")
    (c,) = claims_of(text)
    assert (c["speaker"]["name"], c["cue"]["text"]) == ("Irene Campos Vélez", "Asegura")
    assert text[c["content"]["start"]:c["content"]["end"]] == c["content"]["text"]
