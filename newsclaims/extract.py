"""The library entry point: article text in, a JSON-ready document out.

    >>> from newsclaims.extract import Extractor
    >>> ex = Extractor()                                  # loads the Spanish model once
    >>> doc = ex.extract_text("La ministra dijo que habrá ayudas.", doc="nota.txt")
    >>> doc["claims"][0]["speaker"]["text"]
    'La ministra'
"""
from __future__ import annotations

from typing import Iterable, Iterator

from .entities import Entity
from .load import Article
from .metadata import extract_metadata
from .normalise import Normalised, normalise


def entity_dicts(entities: list[Entity], norm: Normalised) -> list[dict]:
    out = []
    for e in entities:
        mentions = []
        for m in e.mentions:
            a, b = norm.to_original(m.start, m.end)
            mentions.append({"text": norm.original[a:b], "start": a, "end": b})
        out.append({"name": e.name, "label": e.label, "count": e.count, "mentions": mentions})
    return out


def document_dict(article: Article, doc, norm: Normalised, min_confidence: float = 0.0) -> dict:
    meta = extract_metadata(article.text)
    claims = [c.to_dict(article.doc, norm.original, norm.to_original)
              for c in doc._.claims if c.confidence >= min_confidence]
    return {
        "doc": article.doc,
        "title": meta.title,
        "date": meta.date,
        "authors": meta.authors,
        "url": meta.url,
        "entities": entity_dicts(doc._.entities, norm),
        "claims": claims,
    }


class Extractor:
    """Holds one loaded pipeline; turns articles into documents (dicts)."""

    def __init__(self, model: str | None = None, *, verbose: bool = False, nlp=None) -> None:
        if nlp is None:
            from .pipeline import load_pipeline
            nlp = load_pipeline(model, verbose=verbose)
        self.nlp = nlp

    @property
    def model_info(self) -> dict:
        return {"name": f"{self.nlp.meta.get('lang', 'es')}_{self.nlp.meta.get('name', '')}",
                "version": self.nlp.meta.get("version")}

    def _make_doc(self, norm: Normalised):
        doc = self.nlp.make_doc(norm.parse_text)
        doc.user_data["newsclaims_marks"] = norm.text
        return doc

    def extract(self, articles: Iterable[Article], *, min_confidence: float = 0.0,
                batch_size: int = 16) -> Iterator[dict]:
        """Documents for ``articles``, in order, streamed through ``nlp.pipe``."""
        def pairs():
            for art in articles:
                norm = normalise(art.text)
                yield self._make_doc(norm), (art, norm)

        for doc, (art, norm) in self.nlp.pipe(pairs(), as_tuples=True, batch_size=batch_size):
            yield document_dict(art, doc, norm, min_confidence)

    def extract_text(self, text: str, doc: str = "-", *, min_confidence: float = 0.0) -> dict:
        return next(self.extract([Article(doc, text, "utf-8")], min_confidence=min_confidence))
