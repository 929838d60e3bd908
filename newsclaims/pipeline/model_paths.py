"""Array paths for two of the model's own components: same output, a fraction of the time.

The Spanish models end with two rule components that work one token at a time in Python: the
attribute ruler (one matcher pattern per part of speech, copied to the tag, and whitespace made
SPACE) and the rule lemmatizer (a lemma for every token, cached on the word, its part of speech
and its morphology).  On 300 news articles they take 2.6 s of the model's 30 s once the
lemmatizer's cache is warm (4.7 s cold), and more when the text comes paragraph by paragraph, as
newsclaims parses it.  ``speed_up(nlp)`` puts in their place:

- ``RuleTable``: the attribute ruler's rules, when each is a one-token pattern on equality of
  attributes that setting them cannot change (the part of speech, ``IS_SPACE`` …) and sets only
  the tag, the part of speech or the morphology, applied on the token arrays — the last rule
  that matches a token wins, as in the ruler;
- ``LemmaCache``: the lemmatizer's own ``lemmatize`` asked once per (word, part of speech,
  morphology, sentence start), the lemma written back through the token arrays.

Both keep the component's name and the original object (its tables and rules), which
``nlp.to_disk`` saves in their place and ``spacy.load`` reads back into new stand-ins; a ruler or
a lemmatizer of another shape is left as it is.  ``tests/test_model_paths.py`` checks that every
token attribute is the same with and without them.
"""
from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS, SENT_START, TAG
from spacy.errors import Errors
from spacy.lang.es.lemmatizer import SpanishLemmatizer
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import Lemmatizer

# Token attributes a one-token rule may test: the part of speech and the lexical flags.  The
# rules run on the values the tokens had before the ruler (as the ruler's matcher does).
_FLAGS = {name for name, value in IDS.items() if name.startswith("IS_") and value < 64}
_SETTABLE = {TAG, POS, MORPH}


def _rule_tests(pattern: list) -> list[tuple[int, int]] | None:
    """[(attribute id, value)] of a one-token equality pattern, or None."""
    if len(pattern) != 1 or not pattern[0]:
        return None
    tests = []
    for key, value in pattern[0].items():
        key = key.upper() if isinstance(key, str) else key
        if key == "POS" and isinstance(value, str) and value in POS_IDS:
            tests.append((POS, POS_IDS[value]))
        elif key in _FLAGS and isinstance(value, bool):
            tests.append((IDS[key], int(value)))
        else:
            return None
    return tests


def _rules_of(ruler) -> list[tuple[list[tuple[int, int]], dict]] | None:
    """An attribute ruler's rules as (tests, attributes set), or None when one is of another kind."""
    rules = []
    for i, sets in enumerate(getattr(ruler, "attrs", ())):
        patterns = ruler.matcher.get(str(i))
        if patterns is None or ruler.indices[i] not in (0, -1) or not set(sets) <= _SETTABLE:
            return None
        for pattern in patterns[1]:
            tests = _rule_tests(pattern)
            if tests is None:
                return None
            rules.append((tests, dict(sets)))
    return rules


class _PerDoc:
    """What both stand-ins share: a Doc at a time, and the model's own component (``original``)
    saved and loaded in their place, so that ``nlp.to_disk`` / ``spacy.load`` keep working."""

    original: Any

    def __call__(self, doc):
        raise NotImplementedError

    def _load(self) -> None:
        """Made again from ``original`` after it was loaded."""

    @staticmethod
    def fits(component) -> bool:
        raise NotImplementedError

    @classmethod
    def of(cls, component):
        """The stand-in for ``component``, or None where it does not fit."""
        return cls(component) if cls.fits(component) else None

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def to_disk(self, path, *, exclude=tuple()) -> None:
        self.original.to_disk(path, exclude=exclude)

    def from_disk(self, path, *, exclude=tuple()):
        self.original.from_disk(path, exclude=exclude)
        self._load()
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return self.original.to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, *, exclude=tuple()):
        self.original.from_bytes(data, exclude=exclude)
        self._load()
        return self


class RuleTable(_PerDoc):
    """An attribute ruler's one-token rules on the token arrays (see the module's docstring)."""

    def __init__(self, ruler) -> None:
        self.original = ruler
        self._load()

    def _load(self) -> None:
        rules = _rules_of(self.original)
        self.rules = rules or []  # none (or not all of the kind above): the ruler's own path
        self.tested = sorted({attr for tests, _ in self.rules for attr, _v in tests})
        self.set_cols = [a for a in (TAG, POS) if any(a in sets for _, sets in self.rules)]
        # What the rules do to a token, by the values of the tested attributes (a signature): the
        # values to set (``_values``), which of them to keep as they are (``_keep``), whether a
        # morphology is set (``_sets_morph``) and which (``_morph``); one row per signature met.
        self._codes: dict[tuple[int, ...], int] = {}
        self._rows: list[tuple[list[int], list[bool], bool, int]] = []
        self._values: Any = None
        self._keep: Any = None
        self._sets_morph: Any = None
        self._morph: Any = None

    def _add(self, signature: tuple[int, ...]) -> None:
        value = dict(zip(self.tested, signature))
        sets: dict[int, int] = {}
        for tests, rule_sets in self.rules:  # in order: the last rule that matches wins
            if all(value[attr] == v for attr, v in tests):
                sets.update(rule_sets)
        self._codes[signature] = len(self._rows)
        self._rows.append(([sets.get(a, 0) for a in self.set_cols], [a not in sets for a in self.set_cols],
                           MORPH in sets, sets.get(MORPH, 0)))
        self._values = numpy.array([r[0] for r in self._rows], dtype="uint64").reshape(len(self._rows), -1)
        self._keep = numpy.array([r[1] for r in self._rows], dtype=bool).reshape(len(self._rows), -1)
        self._sets_morph = numpy.array([r[2] for r in self._rows], dtype=bool)
        self._morph = [r[3] for r in self._rows]

    @staticmethod
    def fits(ruler) -> bool:
        """Every rule of ``ruler`` is of the kind described above (and it has some)."""
        return bool(_rules_of(ruler))

    def __call__(self, doc):
        n = len(doc)
        if not self.rules:
            return self.original(doc)
        if not n:
            return doc
        signatures = [tuple(row) for row in doc.to_array(self.tested).reshape(n, len(self.tested)).tolist()]
        for signature in set(signatures).difference(self._codes):
            self._add(signature)
        codes = numpy.array([self._codes[s] for s in signatures])
        now = doc.to_array(self.set_cols).reshape(n, len(self.set_cols))
        doc.from_array(self.set_cols, numpy.where(self._keep[codes], now, self._values[codes]))
        strings = doc.vocab.strings
        for i in numpy.flatnonzero(self._sets_morph[codes]).tolist():
            doc[i].set_morph(strings[self._morph[codes[i]]])
        return doc


class LemmaCache(_PerDoc):
    """A lemmatizer's ``lemmatize`` asked once per word, part of speech, morphology and sentence
    start (everything the rule and lookup lemmatizers read of a token)."""

    def __init__(self, lemmatizer) -> None:
        self.original = lemmatizer
        self.cache: dict[tuple[int, int, int, int], int] = {}

    def _load(self) -> None:
        self.cache.clear()

    @staticmethod
    def fits(lemmatizer) -> bool:
        """spaCy's own rule or lookup lemmatizer (a subclass of another language may read more of
        a token than these four)."""
        return type(lemmatizer) in (Lemmatizer, SpanishLemmatizer) and lemmatizer.mode in ("rule", "lookup", "pos_lookup")

    def __call__(self, doc):
        if not len(doc):
            return doc
        lem = self.original
        if not lem._validated:
            lem._validate_tables(Errors.E1004)  # the lemmatizer's own check of its tables
        arr = doc.to_array([ORTH, POS, MORPH, SENT_START, LEMMA])
        lemmas = arr[:, 4].copy()
        todo = numpy.arange(len(doc)) if lem.overwrite else numpy.flatnonzero(lemmas == 0)
        keys = arr[todo, :4].tolist()
        cache = self.cache
        strings = doc.vocab.strings
        values = []
        for i, row in zip(todo.tolist(), keys):
            key = tuple(row)
            value = cache.get(key)
            if value is None:
                value = cache[key] = strings.add(lem.lemmatize(doc[i])[0])
            values.append(value)
        lemmas[todo] = values
        doc.from_array([LEMMA], lemmas.reshape(len(doc), 1))
        return doc


@Language.factory("newsclaims_rule_table", default_config={"source": "attribute_ruler"})
def make_rule_table(nlp, name: str, source: str):
    """The model's ruler ``source`` on arrays; loaded from disk, a new ruler that ``from_disk`` fills."""
    if source not in nlp.pipe_names:
        return RuleTable(nlp.create_pipe("attribute_ruler"))
    table = RuleTable.of(nlp.get_pipe(source))
    if table is None:
        raise ValueError(f"{source!r} has rules that are not one-token equality rules")
    return table


@Language.factory("newsclaims_lemma_cache", default_config={"source": "lemmatizer", "mode": "rule", "overwrite": False})
def make_lemma_cache(nlp, name: str, source: str, mode: str, overwrite: bool):
    """The model's lemmatizer ``source`` asked once per key; loaded from disk, a new lemmatizer of
    the same mode that ``from_disk`` fills."""
    if source not in nlp.pipe_names:
        return LemmaCache(nlp.create_pipe("lemmatizer", config={"mode": mode, "overwrite": overwrite}))
    cache = LemmaCache.of(nlp.get_pipe(source))
    if cache is None:
        raise ValueError(f"{source!r} is not a rule or lookup lemmatizer")
    return cache


def known_words(nlp, parts: tuple[str, ...] = ("noun", "adj")) -> frozenset[str]:
    """The lemmas the model's rule lemmatizer lists for ``parts`` of speech (its ``lemma_index``, in
    lower case: nouns and adjectives "geografía", "mina", "físico"; verbs "revisar"); empty for a
    model without one.  Read from the lemmatizer, or from the one its stand-in holds."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lemmatizer = nlp.get_pipe("lemmatizer")
    lookups = getattr(getattr(lemmatizer, "original", lemmatizer), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(w for pos in parts for w in index.get(pos, ()))


def speed_up(nlp) -> list[str]:
    """Put the array paths in place of the model's attribute ruler and lemmatizer where they
    apply (same names, same output); returns the names replaced."""
    done = []
    for name, factory, kind in (("attribute_ruler", "newsclaims_rule_table", RuleTable),
                                ("lemmatizer", "newsclaims_lemma_cache", LemmaCache)):
        if name not in nlp.pipe_names or not kind.fits(original := nlp.get_pipe(name)):
            continue
        config = {"source": name}
        if kind is LemmaCache:
            config.update(mode=original.mode, overwrite=original.overwrite)
        nlp.add_pipe(factory, name=f"{name}_fast", after=name, config=config)
        nlp.remove_pipe(name)
        nlp.rename_pipe(f"{name}_fast", name)
        done.append(name)
    return done
