"""Sentence cuts for extraction (Context.sentences): forgotten periods are sentence ends.
Sentences written for these tests."""


def test_capitalised_word_after_a_closing_mark_starts_a_sentence(claims_of):
    text = ("La ingeniera Carmen Ledesma habló ayer. Ledesma explicó que “el agua llegará a todos los "
            "barrios este año” Se refirió también a los plazos de la obra.")
    claims = claims_of(text)
    assert [c["content"]["text"] for c in claims] == ["que “el agua llegará a todos los barrios este año”"]


def test_capitalised_cue_verb_after_a_lower_case_word_starts_a_sentence(claims_of):
    text = "El alcalde Tomás Rey visitó la planta y dijo que el servicio mejorará pronto Dijo también que habrá más agentes."
    claims = claims_of(text)
    assert [c["content"]["text"] for c in claims] == ["que el servicio mejorará pronto", "que habrá más agentes"]
    assert {c["speaker"]["name"] for c in claims} == {"Tomás Rey"}


def test_a_quoted_title_before_a_capitalised_name_does_not_cut(claims_of):
    text = "La ministra Ana Ruiz dijo que el plan “Escuela Abierta” Madrid llegará a todos los barrios."
    claims = claims_of(text)
    assert claims and claims[0]["content"]["text"].endswith("llegará a todos los barrios")
