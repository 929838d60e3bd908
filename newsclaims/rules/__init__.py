"""Rule tables: load and validate the Spanish vocabularies under ``rules/es``.

The tables are plain TSV so that a journalist can add a verb without reading code.  This module
only parses them, checks their shape and derives lookup structures (e.g. verb forms).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

RULES_DIR = Path(__file__).parent / "es"


class RuleTableError(ValueError):
    """A rule table has a malformed line."""


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case and strip accents ("Según" -> "segun")."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


# Words that do not make a name different: "el Kremlin" ~ "Kremlin", "gobierno de Chile" ~ "Gobierno Chile".
NAME_STOP = frozenset({"el", "la", "los", "las", "de", "del", "y", "e", "lo", "un", "una", "al"})


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=65536)
def name_words(text: str | None) -> frozenset[str]:
    """A name's folded words without articles and links ("Alexander Lukashenko" -> {alexander, lukashenko})."""
    return frozenset(w for w in _WORD.findall(fold(text or "")) if w not in NAME_STOP)


def read_table(name: str, columns: int) -> list[list[str]]:
    """Rows of ``rules/es/<name>``: ``columns`` tab-separated fields (empty trailing ones allowed)."""
    path = RULES_DIR / name
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) > columns or len(parts) < 2:
            raise RuleTableError(f"{path}:{n}: expected {columns} tab-separated fields, got {len(parts)}")
        rows.append([p.strip() for p in parts] + [""] * (columns - len(parts)))
    return rows


# Regular third-person paradigms (present, preterite, imperfect, future, conditional, present and
# past subjunctive), plus participle, gerund and infinitive: journalism reports in the third person.
_ENDINGS = {
    "ar": ["a", "an", "ó", "aron", "aba", "aban", "ará", "arán", "aría", "arían", "e", "en",
           "ara", "aran", "ase", "ado", "ada", "ando", "ar", "o", "é", "amos"],
    "er": ["e", "en", "ió", "ieron", "ía", "ían", "erá", "erán", "ería", "erían", "a", "an",
           "iera", "ieran", "iese", "ido", "ida", "iendo", "er", "o", "í", "emos", "imos"],
    "ir": ["e", "en", "ió", "ieron", "ía", "ían", "irá", "irán", "iría", "irían", "a", "an",
           "iera", "ieran", "iese", "ido", "ida", "iendo", "ir", "o", "í", "imos"],
}
# Forms that are verbs only in the past tense or with a participle/gerund shape: these are trusted
# even when the tagger calls the token a noun or proper noun (it does so at sentence starts).
_STRONG = re.compile(r"(ó|aron|ieron|ado|ido|ando|iendo|uvo|uvieron|ijo|ijeron|uso|usieron)$")
CLITICS = ("selo", "sela", "selos", "selas", "melo", "noslo", "le", "les", "lo", "la", "los", "las",
           "se", "me", "te", "nos")


@dataclass(frozen=True)
class CueVerb:
    lemma: str
    kind: str  # "speech" | "stance" | "quoting" | "decision" | "aside"
    example: str


@dataclass(frozen=True)
class CueLexicon:
    verbs: dict[str, CueVerb]
    forms: dict[str, str] = field(default_factory=dict)   # exact lower-case form -> lemma
    folded: dict[str, str] = field(default_factory=dict)  # accent-folded form -> lemma
    strong: frozenset[str] = frozenset()                  # forms trusted whatever the tag
    _seen: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def lemma_of(self, form: str) -> str | None:
        """The cue lemma of a word form, enclitics removed ("recordándole" -> "recordar")."""
        low = form.lower()
        if low not in self._seen:  # called for every token: remember the answer per form
            self._seen[low] = self._lookup(low)
        return self._seen[low]

    def _lookup(self, low: str) -> str | None:
        if low in self.forms:
            return self.forms[low]
        for clitic in CLITICS:
            if low.endswith(clitic) and len(low) > len(clitic) + 3:
                stem = fold(low[: -len(clitic)])
                for inner in ("",) + CLITICS:  # "diciéndoselo": two clitics
                    if inner and not stem.endswith(inner):
                        continue
                    base = stem[: len(stem) - len(inner)] if inner else stem
                    if base.endswith(("ando", "iendo", "yendo", "ar", "er", "ir")) and base in self.folded:
                        return self.folded[base]
        return None


@lru_cache(maxsize=None)
def cue_lexicon() -> CueLexicon:
    verbs: dict[str, CueVerb] = {}
    forms: dict[str, str] = {}
    strong: set[str] = set()
    for n, (lemma, kind, conj, extra, example) in enumerate(read_table("cue_verbs.tsv", 5), 1):
        if kind not in ("speech", "stance", "quoting", "decision", "aside"):
            raise RuleTableError(f"cue_verbs.tsv: entry {n} ({lemma}): kind must be speech, stance, quoting, decision "
                                 "or aside")
        if conj not in ("ar", "er", "ir", "-"):
            raise RuleTableError(f"cue_verbs.tsv: entry {n} ({lemma}): conjugation must be ar, er, ir or -")
        verbs[lemma] = CueVerb(lemma, kind, example)
        generated = []
        if conj != "-":
            stem = lemma[:-2]
            generated = [stem + e for e in _ENDINGS[conj]]
        listed = [f.strip() for f in extra.split(",") if f.strip()]
        for form in generated + listed + [lemma]:
            forms.setdefault(form, lemma)
            if _STRONG.search(form):
                strong.add(form)
    folded = {fold(f): lemma for f, lemma in forms.items()}
    return CueLexicon(verbs, forms, folded, frozenset(strong))


def _words_after_verbs(table: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Lemma -> the folded word sequences a table lists after a verb of cue_verbs.tsv, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    verbs = cue_lexicon().verbs
    for lemma, words, _example in read_table(table, 3):
        if lemma not in verbs:
            raise RuleTableError(f"{table}: {lemma}: not a verb of cue_verbs.tsv")
        out.setdefault(lemma, []).append(tuple(fold(words).split()))
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=None)
def cue_verb_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Lemma -> the folded word sequences that must follow it for it to be a cue ("dejar" ->
    ("claro",), ("en", "claro")), longest first; lemmas not listed need none."""
    return _words_after_verbs("cue_verb_phrases.tsv")


@lru_cache(maxsize=None)
def cue_verb_non_senses() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Lemma -> the folded word sequences after which a verb of cue_verbs.tsv is no cue ("contar"
    -> ("con",): "cuenta con dos quirófanos")."""
    return _words_after_verbs("non_cue_senses.tsv")


@lru_cache(maxsize=None)
def title_abbreviation() -> re.Pattern:
    """A regular expression matching one abbreviated title of title_abbreviations.tsv ("Prof.", "Dra")."""
    words = sorted((row[0] for row in read_table("title_abbreviations.tsv", 2)), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, words)) + r")\.?")


@lru_cache(maxsize=None)
def attribution_phrases() -> list[tuple[tuple[str, ...], str, str]]:
    """(folded words, position, phrase as written) triples, longest phrase first."""
    rows = []
    for phrase, position, _example in read_table("attribution_phrases.tsv", 3):
        if position not in ("any", "initial", "verb"):
            raise RuleTableError(f"attribution_phrases.tsv: {phrase}: position must be any, initial or verb")
        rows.append((tuple(fold(phrase).split()), position, phrase))
    return sorted(rows, key=lambda r: -len(r[0]))


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """First column of a two-column table, lower-cased (accents kept: "secretaría" is not
    "secretaria"): anonymous sources, organisations."""
    return frozenset(row[0].lower() for row in read_table(name, 2))


# Endings of abstract nouns, singular or plural ("la petición", "las demoras" are no speakers;
# "Nutrición" is a body's field)
ABSTRACT_ENDING = re.compile(r"(?:[dt]ad|[dt]ades|mientos?|encias?|ancias?|ismos?|uras?|ajes?|ezas?|ción|sión|ciones|siones)$")


def singulars(word: str) -> tuple[str, ...]:
    """A word and its possible singulars: "observadores" -> ("observadores", "observadore", "observador")."""
    w = word.lower()
    out = [w]
    if w.endswith("s"):
        out.append(w[:-1])
        if w.endswith("es"):
            out.append(w[:-2])
        if w.endswith("ces"):
            out.append(w[:-3] + "z")  # "jueces" -> "juez", "actrices" -> "actriz"
    return tuple(out)


@lru_cache(maxsize=None)
def phrase_list(name: str) -> list[tuple[str, ...]]:
    """First column of a table as folded word tuples, longest first."""
    return sorted((tuple(fold(row[0]).split()) for row in read_table(name, 2)), key=lambda p: -len(p))


# Prefixes that make a role of a role: the deputy, the junior, the former one ("viceministra",
# "subdirector", "exalcalde"), each a role of its own (never the office it is formed from)
ROLE_PREFIXES = ("vice", "sub", "ex")


@lru_cache(maxsize=None)
def role_nouns() -> dict[str, str]:
    """Lower-case role noun -> gender ("m", "f" or "-"): the table's, and each with the prefixes of
    ``ROLE_PREFIXES`` ("ministra" -> "viceministra", "exministra")."""
    out = {}
    for lemma, gender, _example in read_table("role_nouns.tsv", 3):
        if gender not in ("m", "f", "-"):
            raise RuleTableError(f"role_nouns.tsv: {lemma}: gender must be m, f or -")
        out[lemma.lower()] = gender
    for lemma, gender in list(out.items()):
        if " " not in lemma and not lemma.startswith(ROLE_PREFIXES):
            for prefix in ROLE_PREFIXES:
                out.setdefault(prefix + lemma, gender)
    return out


@lru_cache(maxsize=None)
def role_classes() -> dict[str, str]:
    """Role noun -> its class (role_classes.tsv): "edil" and "alcalde" name the same office, "técnico"
    and "entrenador" the same job. A feminine form is looked up by its masculine ("alcaldesa")."""
    return {role.lower(): cls for role, cls, _example in read_table("role_classes.tsv", 3)}


@lru_cache(maxsize=4096)
def role_class(role: str) -> str | None:
    """The class of a role (a feminine by its masculine); a former one's is its own: "exmandatario"
    and "expresidente" are both "ex head", neither is "presidente"."""
    classes = role_classes()
    for form in (role, re.sub("esa$", "e", role), re.sub("a$", "o", role), re.sub("a$", "", role), re.sub("a$", "e", role)):
        if form in classes:
            return classes[form]
    if role.startswith("ex") and len(role) > 5:
        cls = role_class(role[2:].lstrip("-"))
        return f"ex {cls}" if cls is not None else None
    return None


@lru_cache(maxsize=None)
def body_classes() -> dict[str, str]:
    """Body noun (lower case, accents kept: "secretaria" is a person) -> its class (body_classes.tsv):
    "rotativo" and "diario" are both a medium, "cartera" and "ministerio" both a ministry."""
    return {noun.lower(): cls for noun, cls, _example in read_table("body_classes.tsv", 3)}


@lru_cache(maxsize=None)
def demonyms() -> dict[str, str]:
    """Lower-case demonym -> gender, both forms of each row of demonyms.tsv ("uruguayo": "m",
    "uruguaya": "f"; one form for both: "-")."""
    out = {}
    for masculine, feminine, _example in read_table("demonyms.tsv", 3):
        if masculine == feminine:
            out[masculine.lower()] = "-"
        else:
            out[masculine.lower()], out[feminine.lower()] = "m", "f"
    return out


@lru_cache(maxsize=None)
def chrome_patterns() -> list[re.Pattern[str]]:
    return [re.compile(rf"^\s*(?:{row[0]})\s*$", re.IGNORECASE) for row in read_table("chrome_lines.tsv", 2)]


@lru_cache(maxsize=None)
def chrome_line() -> re.Pattern[str]:
    """One pattern that matches where one of ``chrome_patterns`` does."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in chrome_patterns()), re.IGNORECASE)


def examples(name: str) -> list[tuple[str, str]]:
    """(entry, example sentence) for every row of a table: the tests run them all."""
    rows = read_table(name, {"cue_verbs.tsv": 5, "attribution_phrases.tsv": 3, "role_nouns.tsv": 3}.get(name, 2))
    return [(row[0], row[-1]) for row in rows]
