"""Invariants on random text: no crash, every offset slices the original to its text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PIECES = st.sampled_from([
    "La ministra dijo que ", "“", "”", "«", "»", '"', "‘", "’", "—", ", afirmó el alcalde. ", "Según la policía, ",
    "\n\n", "\n", "## ", "**", "[enlace](https://x.example/a)", "https://x.example/b", "\x00", "\x07", "\ufeff",
    "Ana Ruiz", " que ", ": ", ". ", "el plan sigue", "Fuentes dijeron", "recordándole", "—dijo—", "\t",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(PIECES, st.text(max_size=6)), min_size=1, max_size=30).map("".join))
def test_offsets_slice_original(extractor, text):
    doc = extractor.extract_text(text, "random.txt")
    for claim in doc["claims"]:
        for part in (claim["content"], claim["speaker"], claim["cue"]):
            if part is not None:
                assert text[part["start"]:part["end"]] == part["text"]
        assert claim["type"] in ("direct", "indirect", "mixed", "according_to")
        assert claim["sentence"]["start"] <= claim["content"]["start"] <= claim["content"]["end"] <= claim["sentence"]["end"]
    for ent in doc["entities"]:
        for m in ent["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PIECES, min_size=1, max_size=25).map("".join))
def test_parse_text_round_trips(extractor, text):
    from newsclaims.normalise import normalise
    norm = normalise(text)
    ((_, doc),) = list(extractor.parse([(0, norm)]))
    assert doc.text == norm.parse_text


ACCENTED = st.sampled_from([
    "La ministra Ana Ruíz aseguró que ", "“Habrá más camiones”, afirmó el alcalde Óscar Núñez. ", "Según la policía, ",
    "el acuerdo llegará en ", "junio", "\n\n", ". ", "Él dijo que sí. ", "la canciller Inés Peña explicó que ",
    "“Así será”, añadió. ", "Ñandú, ", "pingüino ", "acción ",
])


def _without_offsets(doc: dict) -> list:
    import unicodedata
    norm = lambda s: unicodedata.normalize("NFC", s) if isinstance(s, str) else s  # noqa: E731
    return [(c["type"], norm(c["content"]["text"]), c["speaker"] and norm(c["speaker"]["name"]),
             c["cue"] and norm(c["cue"]["text"])) for c in doc["claims"]]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(ACCENTED, min_size=1, max_size=12).map("".join))
def test_decomposed_accents_give_the_same_claims(extractor, text):
    """Text copied from macOS or some CMSs is NFD: the same claims, offsets into the NFD text."""
    import unicodedata
    nfd = unicodedata.normalize("NFD", text)
    a, b = extractor.extract_text(text), extractor.extract_text(nfd)
    assert _without_offsets(a) == _without_offsets(b)
    for claim in b["claims"]:
        for part in (claim["content"], claim["speaker"], claim["cue"]):
            if part is not None:
                assert nfd[part["start"]:part["end"]] == part["text"]


def test_seed_in_nfd_gives_the_seeds_claims(extractor):
    import unicodedata
    from pathlib import Path
    text = next((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    assert _without_offsets(extractor.extract_text(unicodedata.normalize("NFD", text))) == \
        _without_offsets(extractor.extract_text(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=2**64 - 1), max_size=40),
       st.lists(st.integers(min_value=0, max_value=2**64 - 1), max_size=40))
def test_in_table_is_membership(values, table):
    """The binary search on a sorted hash table answers as numpy.isin does (empty sides included)."""
    import numpy

    from newsclaims.pipeline.mentions import in_table

    vals = numpy.array(values + table[:3], dtype="uint64")
    tab = numpy.array(sorted(set(table)), dtype="uint64")
    assert in_table(vals, tab).tolist() == numpy.isin(vals, tab).tolist()
