"""Every entry of the rule tables comes with an example sentence; run them all."""
import pytest

from newsclaims.rules import cue_lexicon, examples, fold, read_table

CUES = [(lemma, kind, ex) for lemma, kind, _c, _f, ex in read_table("cue_verbs.tsv", 5)]


@pytest.mark.parametrize("lemma, kind, example", [c for c in CUES if c[1] in ("speech", "aside")],
                         ids=lambda v: str(v)[:20])
def test_speech_verb_example_gives_a_claim(claims_of, lemma, kind, example):
    found = [c for c in claims_of(example) if c["cue"] and c["cue"]["lemma"] == lemma]
    assert found, f"no claim with cue {lemma!r} in: {example}"
    assert found[0]["speaker"] is not None


@pytest.mark.parametrize("lemma, kind, example", [c for c in CUES if c[1] != "speech"], ids=lambda v: str(v)[:20])
def test_stance_and_quoting_verb_forms_are_known(extractor, lemma, kind, example):
    doc = extractor.nlp(example)
    assert any(cue_lexicon().lemma_of(t.text) == lemma for t in doc), example


@pytest.mark.parametrize("phrase, example", examples("attribution_phrases.tsv"))
def test_attribution_phrase_example(claims_of, phrase, example):
    found = [c for c in claims_of(example) if c["type"] == "according_to"]
    assert found, example
    assert fold(found[0]["cue"]["text"]).startswith(fold(phrase).split()[0])


@pytest.mark.parametrize("noun, example", examples("anonymous_sources.tsv"))
def test_anonymous_source_example(claims_of, noun, example):
    claims = claims_of(example)
    speakers = [c["speaker"] for c in claims if c["speaker"]]
    assert speakers and speakers[0]["label"] == "ANON", (example, claims)


@pytest.mark.parametrize("noun, example", examples("role_nouns.tsv"))
def test_role_noun_example_is_the_speaker(claims_of, noun, example):
    claims = claims_of(example)
    assert claims, example
    sp = claims[0]["speaker"]
    assert sp is not None and fold(noun).split()[0] in fold(sp["text"]), (example, sp)
    assert sp["label"] == "PER"


@pytest.mark.parametrize("noun, example", examples("organisation_nouns.tsv"))
def test_organisation_noun_example(claims_of, noun, example):
    claims = claims_of(example)
    assert claims, example
    sp = claims[0]["speaker"]
    assert sp is not None and sp["label"] == "ORG" and fold(noun) in fold(sp["name"]), (example, sp)


@pytest.mark.parametrize("phrase, example", examples("content_stops.tsv"))
def test_content_stops_before_connector(claims_of, phrase, example):
    claims = claims_of(example)
    assert all(fold(phrase) not in fold(c["content"]["text"]) for c in claims), claims


@pytest.mark.parametrize("phrase, example", examples("discourse_openers.tsv"))
def test_discourse_opener_is_not_content_or_speaker(claims_of, phrase, example):
    claims = claims_of(example)
    for c in claims:
        assert not fold(c["content"]["text"]).startswith(fold(phrase))
        if c["speaker"]:
            assert not fold(c["speaker"]["text"]).startswith(fold(phrase))


@pytest.mark.parametrize("verb, example", examples("periphrasis_verbs.tsv"))
def test_infinitive_cue_under_periphrasis(claims_of, verb, example):
    claims = claims_of(example)
    assert claims and claims[0]["speaker"] is not None, example
    assert claims[0]["content"]["text"].startswith("que")


@pytest.mark.parametrize("verb, example", examples("object_cues.tsv"))
def test_object_cue_example(claims_of, verb, example):
    claims = [c for c in claims_of(example) if c["cue"] and c["cue"]["lemma"] == verb]
    assert claims, example
    assert claims[0]["speaker"] is not None and claims[0]["type"] == "indirect"
    assert not claims[0]["content"]["text"].startswith("que")


@pytest.mark.parametrize("noun, example", examples("speech_nouns.tsv"))
def test_speech_noun_example(claims_of, noun, example):
    claims = claims_of(example)
    assert claims and claims[0]["type"] == "direct" and claims[0]["speaker"] is not None, (example, claims)


@pytest.mark.parametrize("pattern, example", examples("chrome_lines.tsv"))
def test_chrome_line_example_is_dropped(pattern, example):
    from newsclaims.normalise import normalise
    assert normalise(f"Texto antes.\n\n{example}\n\nTexto después.").text == "Texto antes.\n\nTexto después."


@pytest.mark.parametrize("word, example", examples("name_qualifiers.tsv"))
def test_name_qualifier_is_not_part_of_the_name(word, example, claims_of):
    (claim,) = [c for c in claims_of(example) if c["speaker"]]
    name = claim["speaker"]["name"] or ""
    assert name and word not in name.lower().split(), (example, name)
    assert word in claim["speaker"]["text"].lower()  # the words as written keep it


@pytest.mark.parametrize("phrase, example", examples("opinion_phrases.tsv"))
def test_opinion_phrase_gives_the_current_speaker_an_according_to_claim(phrase, example, claims_of):
    (claim,) = [c for c in claims_of(example) if c["cue"] and c["cue"]["text"].lower() == phrase]
    person = " ".join(example.split(".")[0].split()[2:4])  # "La ministra Eva Lorca presentó …"
    assert claim["type"] == "according_to" and claim["speaker"]["name"] == person
    second = example.split(". ", 1)[1].rstrip(".")
    assert claim["content"]["text"] in (second, second.split(", ", 1)[1])


@pytest.mark.parametrize("noun, example", examples("content_nouns.tsv"))
def test_content_noun_example(claims_of, noun, example):
    (claim,) = claims_of(example)
    assert claim["content"]["text"].startswith(("la " + noun, "el " + noun)), (example, claim)
    assert claim["speaker"] is not None


@pytest.mark.parametrize("lemma, words, example", read_table("cue_verb_phrases.tsv", 3), ids=lambda v: str(v)[:20])
def test_cue_verb_phrase_example(claims_of, lemma, words, example):
    (claim,) = claims_of(example)
    assert claim["cue"]["lemma"] == lemma and claim["cue"]["text"].endswith(words), (example, claim)
    assert claim["content"]["text"].startswith("que") and claim["speaker"] is not None


@pytest.mark.parametrize("text", [
    "Después dejó a su hijo en el colegio y volvió a casa.",
    "La alcaldesa puso la primera piedra del mercado que abrirá en mayo.",
    "El club hizo un gran partido y dio las gracias a la afición que llenó el estadio.",
])
def test_a_phrase_verb_without_its_words_is_no_cue(claims_of, text):
    assert not claims_of(text)


@pytest.mark.parametrize("abbr, example", examples("title_abbreviations.tsv"))
def test_title_abbreviation_is_not_part_of_the_name(claims_of, abbr, example):
    (claim,) = claims_of(example)
    assert claim["speaker"]["name"] in ("Tomás Vela", "Inés Vela"), (example, claim["speaker"])


@pytest.mark.parametrize("noun, example", examples("possessed_groups.tsv"))
def test_a_possessed_group_belongs_to_the_person_just_named(claims_of, noun, example):
    (claim,) = claims_of(example)
    person = " ".join(example.split(";")[0].split()[2:4])  # "La actriz Eva Lorca …"
    assert claim["speaker"]["name"] == f"{noun} de {person}", (example, claim["speaker"])


@pytest.mark.parametrize("noun, example", examples("generic_bodies.tsv"))
def test_a_generic_body_noun_is_the_organisation_that_spoke_last(claims_of, noun, example):
    first, second = claims_of(example)
    assert second["speaker"]["text"].endswith(noun) and second["speaker"]["name"] == first["speaker"]["name"]
    assert first["speaker"]["name"][:1].isupper()


@pytest.mark.parametrize("noun, example", examples("generic_documents.tsv"))
def test_a_generic_document_noun_is_the_document_that_spoke_last(claims_of, noun, example):
    first, second = claims_of(example)
    assert second["speaker"]["text"].endswith(noun) and second["speaker"]["name"] == first["speaker"]["name"]
    assert first["speaker"]["kind"] == second["speaker"]["kind"] == "document"


def test_a_generic_document_noun_with_no_document_before_stays_itself(claims_of):
    text = ("La alcaldesa Inés Ferrán presentó el plan de obras. El documento prevé que el puente abra en mayo.")
    assert claims_of(text)[-1]["speaker"]["name"] == "documento"


@pytest.mark.parametrize("role, cls, example", read_table("role_classes.tsv", 3), ids=lambda v: str(v)[:20])
def test_a_role_of_the_same_class_names_the_person_described_so(claims_of, role, cls, example):
    # "El alcalde Jorge Paredes y el juez Luis Soto visitaron la obra. El edil aseguró …" -> Jorge Paredes,
    # though Luis Soto was named last
    (c,) = claims_of(example)
    assert c["speaker"]["text"].lower().endswith(role) and c["speaker"]["name"] == "Jorge Paredes", (example, c["speaker"])


@pytest.mark.parametrize("noun, cls, example", read_table("body_classes.tsv", 3), ids=lambda v: str(v)[:20])
def test_a_body_described_by_a_noun_of_its_class_speaks_under_its_name(claims_of, noun, cls, example):
    # "El diario Eco Austral publicó … Según el rotativo, …" -> "Eco Austral"
    words = example.split(".")[0].split()[1:]
    words = words[1:] if words[0].islower() else words  # "el diario Eco Austral" / "el Ministerio de Pesca"
    named = []
    for w in words:
        if w.islower() and w not in ("de", "del"):
            break
        named.append(w)
    claims = [c for c in claims_of(example) if c["speaker"] and c["speaker"]["text"].lower().split()[-1] == noun]
    assert claims, example
    assert claims[0]["speaker"]["name"] == " ".join(named) and claims[0]["speaker"]["kind"] == "organisation", \
        (example, claims[0]["speaker"])


@pytest.mark.parametrize("masculine, feminine, example", read_table("demonyms.tsv", 3), ids=lambda v: str(v)[:20])
def test_a_demonym_with_an_article_is_the_person_named_before(claims_of, masculine, feminine, example):
    # "La nadadora Eva Solís batió su marca. «…», contó la uruguaya." -> Eva Solís
    named = " ".join(example.split(".")[0].split()[2:4])
    claims = [c for c in claims_of(example) if c["speaker"] and fold(c["speaker"]["text"]).split()[-1] in
              (fold(masculine), fold(feminine))]
    assert claims, example
    assert claims[0]["speaker"]["name"] == named and claims[0]["speaker"]["kind"] == "person", (example, claims[0])


@pytest.mark.parametrize("verb, example", examples("non_cue_verbs.tsv"))
def test_a_verb_that_reports_no_speech_is_no_unlisted_cue(claims_of, verb, example):
    assert not [c for c in claims_of(example) if c["cue"] and fold(c["cue"]["text"]).startswith(fold(verb)[:3])], example


@pytest.mark.parametrize("lemma, words, example", read_table("non_cue_senses.tsv", 3), ids=lambda v: str(v)[:20])
def test_a_verb_in_a_sense_that_reports_no_speech_is_no_cue(claims_of, lemma, words, example):
    assert not [c for c in claims_of(example) if c["cue"] and c["cue"]["lemma"] == lemma]


@pytest.mark.parametrize("noun, example", examples("kin_nouns.tsv"))
def test_a_relative_after_su_is_neither_the_person_named_nor_the_last_speaker(claims_of, noun, example):
    (claim,) = claims_of(example)
    assert claim["speaker"]["name"] == noun, (example, claim["speaker"])


@pytest.mark.parametrize("noun, example", examples("held_events.tsv"))
def test_an_event_held_is_no_content(claims_of, noun, example):
    """ "La comisión celebró su reunión anual": "celebrar" holds the event; nothing was said."""
    assert not claims_of(example), example


def test_what_is_celebrated_is_still_content(claims_of):
    (c,) = claims_of("La directora celebró la llegada de nuevos médicos al hospital.")
    assert c["content"]["text"] == "la llegada de nuevos médicos al hospital"


@pytest.mark.parametrize("noun, example", examples("reckoning_nouns.tsv"))
def test_a_reckoning_after_a_possessive_is_its_maker_s_claim(claims_of, noun, example):
    """ "Según sus cálculos, …": the person of the sentence before holds the reckoning."""
    (claim,) = claims_of(example)
    person = " ".join(example.split(".")[0].split()[2:4])  # "La economista Ana Ruiz habló …"
    assert claim["type"] == "according_to" and claim["speaker"]["name"] == person, (example, claim["speaker"])
    assert noun[:5] in claim["speaker"]["text"]  # the words as written stay the speaker's text


@pytest.mark.parametrize("verb, example", examples("belief_verbs.tsv"))
def test_a_belief_in_a_past_tense_is_narration_not_speech(claims_of, verb, example):
    assert not claims_of(example), example


@pytest.mark.parametrize("text", ["La jueza cree que el juicio durará un mes.",
                                  "El ministro piensa que la reforma saldrá adelante."])
def test_a_belief_in_the_present_is_an_opinion_stated(claims_of, text):
    (c,) = claims_of(text)
    assert c["content"]["text"].startswith("que ")


@pytest.mark.parametrize("field, example", examples("ministry_fields.tsv"))
def test_a_ministry_s_field_is_no_part_of_the_holder_s_name(claims_of, field, example):
    (c,) = claims_of(example)
    name = c["speaker"]["name"]
    assert name in ("Tomás Liendo", "Nuria Calvet Roig") and field.split()[0] not in name.lower()


@pytest.mark.parametrize("word, example", examples("institution_adjectives.tsv"))
def test_a_name_with_an_institutions_adjective_is_a_body(word, example):
    from newsclaims.pipeline.kinds import speaker_kind
    words = example.split()
    name = " ".join(words[:words.index(word) + 1])  # "Tránsito Municipal informó …" -> "Tránsito Municipal"
    assert speaker_kind(name, name, "PER") == "organisation", example
    # also after a word that is a given name too ("Salud", "Amparo"); not before the adjective
    assert speaker_kind(f"Amparo {word}", f"Amparo {word}", "PER") == "organisation"
    assert speaker_kind(f"{word} Ruiz", f"{word} Ruiz", "PER") != "organisation"


@pytest.mark.parametrize("noun, example", examples("firm_nouns.tsv"))
def test_a_firms_feminine_agent_noun_after_la_is_a_body(claims_of, noun, example):
    (c,) = claims_of(example)
    assert c["speaker"]["kind"] == "organisation", (example, c["speaker"])
    # with a person's given name after it, the person
    (c,) = claims_of(f"La {noun} Ana Ruiz informó que el plan sigue en pie.")
    assert c["speaker"]["name"] == "Ana Ruiz" and c["speaker"]["kind"] == "person"


@pytest.mark.parametrize("noun, example", examples("speech_acts.tsv"))
def test_a_speech_act_s_purpose_is_its_subject_s_claim(claims_of, noun, example):
    claims = claims_of(example)
    assert len(claims) == 1, (example, claims)
    (c,) = claims
    subject = example.split(" ")[1]  # "La naviera emitió …": the act's subject, after its article
    assert c["speaker"] and c["speaker"]["name"] == subject, (example, c)
    assert c["content"]["text"].startswith("que "), (example, c)
