"""The model's attribute ruler and lemmatizer on the token arrays (``pipeline.model_paths``), the
paragraphs' join (``extract.join_docs``) and the Doc's token list (``doc_tokens``): each gives
exactly what the slower path gives."""
import warnings

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import IDS
from spacy.tokens import Doc

from newsclaims.doc_tokens import tokens
from newsclaims.extract import join_docs, pieces, split_paragraphs
from newsclaims.pipeline import choose_model, model_paths

# Every token attribute an array can hold (the flags included), to compare two parses whole.
ATTRS = sorted(k for k in IDS if k not in ("NULL_ATTR", "ID", "SENT_END", "IDX") and not k.startswith("FLAG"))

TEXTS = [
    "La alcaldesa dijo ayer que el puente abrirá en marzo.  Pero no dio fechas.",
    "Y entonces, según los vecinos, el agua llegó hasta las rodillas.\n\nEl lunes 4 de mayo de 2026 volvió la luz.",
    "«No vamos a ceder», aseguró el portavoz sindical.\n  \nLos trabajadores votarán el martes.",
    "En 1998 la empresa facturó 3,5 millones; hoy, apenas la mitad — explicó su dueña.",
    "\n\n   Sin título   \n",
    "¿Qué pasará con los contratos? Nadie lo sabe, respondió la ministra de Trabajo, Rosa Ibarra.",
]

WORDS = ["la", "El", "dijo", "que", "Pero", "y", "Ana", "Soto", "ministra", "3", "2026", ",", ".", "«", "»",
         "afirmó", "los", "vecinos", "no", "Según", "habían", "cerrado", "calles", "hoy", "—", "?", "¿"]
GAPS = [" ", " ", " ", "  ", "\n", "\n\n", " \n ", ""]


@pytest.fixture(scope="module")
def models():
    """(the model as installed, the same model with the array paths)."""
    import spacy

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        plain, fast = spacy.load(choose_model()), spacy.load(choose_model())
    assert model_paths.speed_up(fast) == ["attribute_ruler", "lemmatizer"]
    assert fast.pipe_names == plain.pipe_names
    return plain, fast


def _same(plain, fast, texts):
    for a, b in zip(plain.pipe(texts), fast.pipe(texts)):
        assert [t.text for t in a] == [t.text for t in b]
        assert numpy.array_equal(a.to_array(ATTRS), b.to_array(ATTRS)), a.text
        assert [str(t.morph) for t in a] == [str(t.morph) for t in b]
        assert [(t.lemma_, t.tag_, t.pos_) for t in a] == [(t.lemma_, t.tag_, t.pos_) for t in b]


def test_the_array_paths_give_every_token_attribute_the_model_gives(models):
    plain, fast = models
    _same(plain, fast, TEXTS)
    _same(plain, fast, TEXTS)  # and again from the filled caches


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), min_size=1, max_size=30))
def test_the_array_paths_on_any_sequence_of_words_and_gaps(models, pairs):
    plain, fast = models
    _same(plain, fast, ["".join(w + g for w, g in pairs)])


def test_whitespace_tokens_get_the_space_tag_part_of_speech_and_morphology(models):
    _, fast = models
    doc = fast("Primera línea.\n\n\nSegunda   línea.")
    spaces = [t for t in doc if t.is_space]
    assert spaces and all((t.pos_, t.tag_, str(t.morph)) == ("SPACE", "SPACE", "") for t in spaces)


def test_a_lemma_set_before_the_lemmatizer_is_kept(models):
    _, fast = models
    doc = fast.make_doc("Ellas cantaban")
    for name in ("tok2vec", "morphologizer", "parser", "attribute_ruler"):
        doc = fast.get_pipe(name)(doc)
    doc[1].lemma_ = "entonar"
    doc = fast.get_pipe("lemmatizer")(doc)
    assert doc[1].lemma_ == "entonar" and doc[0].lemma_ != ""


def test_a_ruler_with_other_rules_keeps_its_own_path(models):
    """A rule on two tokens, or one that sets a lemma, is not a part-of-speech table."""
    import spacy

    nlp = spacy.blank("es")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"POS": "NOUN"}]], {"TAG": "NOUN"})
    assert model_paths.RuleTable.of(ruler) is not None
    ruler.add([[{"LOWER": "del"}]], {"LEMMA": "de"})
    assert model_paths.RuleTable.of(ruler) is None
    other = spacy.blank("es").add_pipe("attribute_ruler")
    other.add([[{"POS": "DET"}, {"POS": "NOUN"}]], {"TAG": "X"})
    assert model_paths.RuleTable.of(other) is None
    assert model_paths.speed_up(nlp) == []  # no lemmatizer, and a ruler of another shape
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_the_joined_paragraphs_are_the_docs_from_docs_makes(models):
    _, fast = models
    text = TEXTS[1] + "\n\n" + TEXTS[2] + "\n\n" + TEXTS[5]
    parts = list(fast.pipe([p for para in split_paragraphs(text) for p in pieces(para)]))
    assert len(parts) > 2
    joined = join_docs(parts)
    assert joined.text == text
    assert joined.to_bytes() == Doc.from_docs(parts, ensure_whitespace=False).to_bytes()
    assert join_docs(parts[:1]) is parts[0]


def test_joining_docs_with_spans_or_user_data_is_left_to_spacy(models):
    _, fast = models
    parts = list(fast.pipe(["La jueza habló.\n\n", "El fiscal calló."]))
    parts[1].spans["marcas"] = [parts[1][0:2]]
    joined = join_docs(parts)
    assert [s.text for s in joined.spans["marcas"]] == ["El fiscal"]


def test_the_token_list_is_made_once_per_doc(models):
    _, fast = models
    a, b = fast.make_doc("Una frase corta."), fast.make_doc("Otra frase, algo más larga.")
    first = tokens(a)
    assert tokens(a) is first and [t.i for t in first] == list(range(len(a)))
    assert [t.text for t in tokens(b)] == [t.text for t in b]
    assert tokens(a) is not first and [t.text for t in tokens(a)] == ["Una", "frase", "corta", "."]


def test_a_lemmatizer_of_another_kind_keeps_its_own_path(models):
    """A subclass may read more of a token than its word, tags and sentence start."""
    from spacy.lang.es.lemmatizer import SpanishLemmatizer

    _, fast = models
    assert model_paths.LemmaCache.of(fast.get_pipe("lemmatizer").original) is not None
    wider = type("WiderLemmatizer", (SpanishLemmatizer,), {})
    assert model_paths.LemmaCache.of(wider.__new__(wider)) is None


def test_a_pipeline_with_the_array_paths_is_saved_and_loaded_again(models, tmp_path):
    """``nlp.to_disk`` writes the model's own ruler and lemmatizer in the stand-ins' place, and
    ``spacy.load`` of the folder makes the stand-ins again from them."""
    import spacy

    plain, fast = models
    fast.to_disk(tmp_path / "model")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        again = spacy.load(tmp_path / "model")
    assert again.pipe_names == plain.pipe_names
    assert type(again.get_pipe("attribute_ruler")) is model_paths.RuleTable
    assert again.get_pipe("attribute_ruler").rules  # the ruler's patterns came back from disk
    assert type(again.get_pipe("lemmatizer")) is model_paths.LemmaCache
    _same(plain, again, TEXTS)


def test_the_known_words_are_the_lemmatizers_nouns_and_adjectives(models, tmp_path):
    """Read from the model's lemmatizer, its stand-in, or one loaded from disk; none without one."""
    import spacy

    plain, fast = models
    words = model_paths.known_words(plain)
    assert {"pesca", "ganadería", "costero"} <= words and not {"dijo", "tulca"} & words
    verbs = model_paths.known_words(plain, ("verb",))
    assert {"revisar", "documentar"} <= verbs and "pesca" not in verbs
    assert model_paths.known_words(fast) == words
    fast.to_disk(tmp_path / "model")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        assert model_paths.known_words(spacy.load(tmp_path / "model")) == words
    assert model_paths.known_words(spacy.blank("es")) == frozenset()


def test_the_kept_text_is_the_docs_text_and_a_stale_one_is_ignored(models):
    from newsclaims.doc_tokens import TEXT_KEY, doc_text

    _, fast = models
    doc = fast.make_doc("El perito declaró el martes.")
    assert doc_text(doc) == doc.text  # nothing kept: built from the tokens
    doc.user_data[TEXT_KEY] = doc.text
    assert doc_text(doc) is doc.user_data[TEXT_KEY]
    doc.user_data[TEXT_KEY] = "El perito declaró."  # another length: not this Doc's text
    assert doc_text(doc) == "El perito declaró el martes."


def test_the_extractor_keeps_the_text_it_parsed(extractor):
    from newsclaims.doc_tokens import TEXT_KEY
    from newsclaims.normalise import normalise

    norm = normalise("Primer párrafo del caso.\n\nEl “perito” declaró -según dijo- que firmó.")
    (_, doc), = extractor.parse([("k", norm)])
    assert doc.user_data[TEXT_KEY] == norm.parse_text == doc.text


def test_cue_lemmas_are_remembered_per_doc_not_across_docs(models):
    from newsclaims.pipeline.cues import cue_lemma

    _, fast = models
    said, walked = fast("La fiscal explicó todo."), fast("La fiscal caminó mucho.")
    assert cue_lemma(said[2]) == "explicar"
    assert cue_lemma(walked[2]) is None  # the same index in another Doc
    assert cue_lemma(said[2]) == "explicar" and cue_lemma(said[1]) is None


def test_only_tokens_the_cue_table_or_a_cue_verb_can_make_are_looked_at(models):
    """The tokens cue_lemma may answer for: a form the table knows (with its enclitics) or a verb
    whose lemma is a cue's; every other token is no cue, as the full rules say."""
    from newsclaims.pipeline.cues import _cue_lemma, _possible, cue_lemma

    _, fast = models
    doc = fast("Contándoselo a su hermana, la perita subrayó que nadie había declarado nada y calló.")
    possible = _possible(doc)
    assert {t.i for t in doc if _cue_lemma(t) is not None} <= possible
    assert {doc[i].text for i in possible} >= {"subrayó", "declarado"}
    assert all(cue_lemma(t) == _cue_lemma(t) for t in doc)


def test_the_per_doc_memories_answer_right_when_threads_read_other_docs(models):
    """cue_lemma and tokens keep what they found for the Doc read last; threads reading different
    Docs at once replace each other's memory, never mix them."""
    import sys
    from concurrent.futures import ThreadPoolExecutor

    from newsclaims.pipeline.cues import _cue_lemma, cue_lemma

    _, fast = models
    docs = list(fast.pipe([
        "La jueza explicó que el fallo llegará el lunes y el fiscal negó haber recibido presiones.",
        "Los vecinos caminaron hasta la plaza; nadie dijo nada y la alcaldesa calló.",
        "“Vamos a recurrir”, advirtió el abogado, que admitió errores en la demanda.",
        "El ministro, según fuentes de su cartera, anunció recortes y subrayó su urgencia.",
    ]))
    expected = [[_cue_lemma(t) for t in doc] for doc in docs]

    def read(k: int) -> bool:
        doc = docs[k % len(docs)]
        return all([cue_lemma(t) for t in tokens(doc)] == expected[k % len(docs)] for _ in range(50))

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns every few bytecodes: the memories are replaced often
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            assert all(pool.map(read, range(16)))
    finally:
        sys.setswitchinterval(interval)
