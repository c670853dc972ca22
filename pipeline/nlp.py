"""spaCy pipelines, loaded once per process (and so once per Dask worker)."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError

KNOWN_MODELS = ("fr_core_news_sm", "fr_core_news_md", "fr_core_news_lg", "fr_dep_news_trf")
# Named entities serve one purpose here, the guest's name after the host's introduction.  The
# recogniser has its own embedding layer (about 40 % of the small French pipeline's time), so it is
# loaded but left out of ``nlp.pipe`` and run on those few sentences only (``with_entities``).
ON_DEMAND = ("ner",)


def load_nlp(name: str = "fr_core_news_sm") -> Language:
    """Load an installed spaCy pipeline by package name, once per process; nothing is downloaded."""
    return _load(name)


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model '{name}' is not installed (French pipelines: {', '.join(KNOWN_MODELS)}); "
            f"install it as a package, e.g. `pip install {name.replace('_', '-')}`"
        ) from exc
    if nlp.lang != "fr":
        raise ModelError(f"spaCy model '{name}' is for language '{nlp.lang}', not French (fr)")
    for component in ON_DEMAND:
        if component in nlp.pipe_names:
            nlp.disable_pipe(component)
    return nlp


def with_entities(nlp: Language, doc: Doc) -> Doc:
    """``doc`` with named entities: the on-demand recogniser runs on it once."""
    if "ner" in nlp.disabled and not doc.has_annotation("ENT_IOB"):
        nlp.get_pipe("ner")(doc)
    return doc


def load_models(name: str = "fr_core_news_sm") -> Language:
    """Everything the text stages load once per process: the spaCy pipeline, the lexicon matchers
    built on its vocabulary and langdetect's language profiles (otherwise loaded by the first
    episode; the benches load them before their clocks start)."""
    from .extract.features import matchers
    from .language import _factory_loaded

    nlp = load_nlp(name)
    matchers(nlp)
    _factory_loaded()
    return nlp
