"""The library entry point: article text in, a JSON-ready document out.

    >>> from newsclaims.extract import Extractor
    >>> ex = Extractor()                                  # loads the Spanish model once
    >>> doc = ex.extract_text("La ministra dijo que habrá ayudas.", doc="nota.txt")
    >>> doc["claims"][0]["speaker"]["text"]
    'La ministra'
"""
from __future__ import annotations

import dataclasses
import re
from typing import Any, Callable, Iterable, Iterator

from .doc_tokens import TEXT_KEY
from .entities import Entity
from .inputs import Article
from .metadata import extract_metadata
from .normalise import Normalised, normalise

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
# The longest piece the model parses at once.  spaCy refuses texts over nlp.max_length (10^6
# characters, error E088) and a parse's memory grows with the piece: a longer paragraph (a page
# with no line breaks, a table dumped as one line) is cut at a sentence end, else a clause break,
# else a space.  Our components still run over the whole article, so a quotation crossing a cut
# is still one claim.
MAX_PIECE = 20_000
_CUTS = (re.compile(r"[.!?…][\"”»’)]*\s+"), re.compile(r"[,;:]\s+"), re.compile(r"\s+"))


def split_paragraphs(text: str) -> list[str]:
    """Pieces of ``text`` that join back to it, each ending with its blank line(s)."""
    parts, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        parts.append(text[pos:m.end()])
        pos = m.end()
    if pos < len(text) or not parts:
        parts.append(text[pos:])
    return parts


def pieces(paragraph: str, limit: int = MAX_PIECE) -> list[str]:
    """``paragraph`` cut into pieces of at most ``limit`` characters that join back to it, each cut
    after a sentence end, else after a clause break, else after a space (a run of ``limit``
    characters without one is cut where it must be)."""
    out: list[str] = []
    while len(paragraph) > limit:
        window = paragraph[:limit]
        cut = 0
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window, limit // 4) if m.end() < limit]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit
        out.append(paragraph[:cut])
        paragraph = paragraph[cut:]
    out.append(paragraph)
    return out


def unique_claims(claims: list[dict]) -> list[dict]:
    """Claims with ids unique in their document.  The same words of the same speaker said twice: a
    repeat without a cue (a pull-quote, a headline echoing the body) is dropped when the article
    gives them with a cue elsewhere; otherwise both stay and the later ones' ids take their
    occurrence ("…-2"), so that ids stay stable while the article keeps its order."""
    cued = {c["id"] for c in claims if c["cue"] is not None}
    seen: dict[str, int] = {}
    out = []
    for c in claims:
        if c["cue"] is None and c["id"] in cued:
            continue
        n = seen[c["id"]] = seen.get(c["id"], 0) + 1
        if n > 1:
            c = {**c, "id": f"{c['id']}-{n}"}
        out.append(c)
    return out


def entity_dicts(entities: list[Entity], norm: Normalised, genders: dict | None = None) -> list[dict]:
    """Entities as JSON; a person (PER) has ``gender`` and ``gender_evidence`` like a speaker
    (``genders``: what the article's grammar settled, by name), others null."""
    from .pipeline.gender import person_gender

    out = []
    for e in entities:
        mentions = []
        for m in e.mentions:
            a, b = norm.to_original(m.start, m.end)
            mentions.append({"text": norm.original[a:b], "start": a, "end": b})
        g, evidence = person_gender(e.name, genders or {}) if e.label == "PER" else (None, None)
        out.append({"name": norm.unmask(e.name), "label": e.label, "count": e.count, "gender": g, "gender_evidence": evidence,
                    "mentions": mentions})
    return out


def _unmasked(claim, norm: Normalised):
    """The claim with its speaker's name as the text writes it where the text masks digits."""
    sp = claim.speaker
    if sp is None or not sp.name or not norm.masked:
        return claim
    return dataclasses.replace(claim, speaker=dataclasses.replace(sp, name=norm.unmask(sp.name)))


def document_dict(article: Article, doc, norm: Normalised, min_confidence: float = 0.0,
                  with_text: bool = False) -> dict:
    """The JSON document of one article.  A web page's metadata is the page's own (``site``
    included) and its extracted ``text`` is always given, since offsets point into it."""
    meta = article.meta if article.meta is not None else extract_metadata(article.text)
    claims = unique_claims([_unmasked(c, norm).to_dict(article.doc, norm.original, norm.to_original)
                            for c in doc._.claims if c.confidence >= min_confidence])
    out = {
        "doc": article.doc,
        "title": meta.title,
        "date": meta.date,
        "authors": meta.authors,
        "url": meta.url,
        "site": getattr(meta, "site", None),
        "entities": entity_dicts(doc._.entities, norm, doc.user_data.get("newsclaims_genders")),
        "claims": claims,
    }
    if with_text or article.meta is not None:
        out["text"] = article.text
    return out


# A word's text by its string hash, for ``join_docs`` (a hash names the same string in every
# vocabulary); cleared when it grows past a bound, as a long run meets new words.
_WORDS: dict[int, str] = {}


def join_docs(docs: list) -> Any:
    """``Doc.from_docs(docs, ensure_whitespace=False)`` for docs as the model returns them (no
    spans, no user data): the words are read from the token arrays instead of one Token object
    per word, which makes the join about a third faster.  Other docs go to ``Doc.from_docs``."""
    import numpy
    from spacy.attrs import ORTH, SPACY
    from spacy.tokens import Doc

    if len(docs) == 1:
        return docs[0]
    if any(doc.spans or doc.user_data for doc in docs):
        return Doc.from_docs(docs, ensure_whitespace=False)
    attrs = list(Doc._get_array_attrs())
    vocab = docs[0].vocab
    array: Any = numpy.concatenate([doc.to_array(attrs) for doc in docs])
    if len(_WORDS) > 500_000:
        _WORDS.clear()
    words = []
    for h in array[:, attrs.index(ORTH)].tolist():
        word = _WORDS.get(h)
        if word is None:
            word = _WORDS[h] = vocab.strings[h]
        words.append(word)
    joined = Doc(vocab, words=words, spaces=array[:, attrs.index(SPACY)].astype(bool).tolist())
    joined.from_array(attrs, array)
    if any(len(doc) for doc in docs):
        joined.tensor = numpy.vstack([doc.tensor for doc in docs if len(doc)])
    return joined


class Extractor:
    """Holds one loaded pipeline; turns articles into documents (dicts)."""

    def __init__(self, model: str | None = None, *, verbose: bool = False, nlp=None, weights: str = "",
                 record: bool = False) -> None:
        """``weights``: the speaker-choice weights file ("" the packaged one, "none" the rules
        alone); ``record``: keep each claim's speaker candidates (``newsclaims train``)."""
        if nlp is None:
            from .pipeline import load_pipeline
            nlp = load_pipeline(model, verbose=verbose, claims_config={"weights": weights, "record": record})
        self.nlp = nlp

    @property
    def model_info(self) -> dict:
        from .names import lexicon_name
        return {"name": f"{self.nlp.meta.get('lang', 'es')}_{self.nlp.meta.get('name', '')}",
                "version": self.nlp.meta.get("version"), "name_lexicon": lexicon_name()}

    def _ours(self) -> list[str]:
        return [n for n in self.nlp.pipe_names if n.startswith("newsclaims_")]

    def parse(self, norms: Iterable[tuple[Any, Normalised]], batch_size: int = 256,
              on_error: Callable[[Any, Exception], None] | None = None) -> Iterator[tuple[Any, Any]]:
        """(key, Doc) for each normalised text, our components applied.

        The model parses one paragraph at a time: a blank-line token at the start of a paragraph
        derails the small model's parser (it becomes the subject of the first verb), and a
        paragraph is a hard sentence boundary anyway.  The paragraphs are then joined into one Doc
        (``join_docs``) and our components run over the whole article.
        """
        ours = [(n, self.nlp.get_pipe(n)) for n in self._ours()]

        def chunks():
            for key, norm in norms:
                parts = [p for para in split_paragraphs(norm.parse_text) for p in pieces(para)]
                for k, part in enumerate(parts):
                    yield part, (key, norm, k == len(parts) - 1)

        pending: list = []
        with self.nlp.select_pipes(disable=[n for n, _ in ours]):
            for doc, (key, norm, last) in self.nlp.pipe(chunks(), as_tuples=True, batch_size=batch_size):
                pending.append(doc)
                if not last:
                    continue
                whole = join_docs(pending)
                pending = []
                whole.user_data["newsclaims_marks"] = norm.text
                whole.user_data[TEXT_KEY] = norm.parse_text
                try:
                    for _, proc in ours:
                        whole = proc(whole)
                except Exception as e:  # noqa: BLE001 - one article never loses the run
                    if on_error is None:
                        raise
                    on_error(key, e)
                    continue
                yield key, whole

    def extract(self, articles: Iterable[Article], *, min_confidence: float = 0.0,
                batch_size: int = 256, with_text: bool = False,
                on_error: Callable[[Article, Exception], None] | None = None) -> Iterator[dict]:
        """Documents for ``articles``, in order, streamed through ``nlp.pipe``.

        ``on_error(article, exception)``: where an article's claims or document cannot be built,
        it is told and the other articles go on; without it the exception is raised.
        """
        keyed = ((art, normalise(art.text)) for art in articles)
        for (art, norm), doc in self.parse(((pair, pair[1]) for pair in keyed), batch_size=batch_size,
                                           on_error=None if on_error is None else (lambda key, e: on_error(key[0], e))):
            try:
                yield document_dict(art, doc, norm, min_confidence, with_text)
            except Exception as e:  # noqa: BLE001 - one article never loses the run
                if on_error is None:
                    raise
                on_error(art, e)

    def extract_text(self, text: str, doc: str = "-", *, min_confidence: float = 0.0,
                     with_text: bool = False) -> dict:
        return next(self.extract([Article(doc, text, "utf-8")], min_confidence=min_confidence,
                                 with_text=with_text))
