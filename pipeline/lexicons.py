"""Lexicons and patterns shipped as package data, loaded once and turned into spaCy matchers."""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher


def _data(name: str) -> str:
    return resources.files("pipeline").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_json(name: str) -> dict[str, Any]:
    data = json.loads(_data(name))
    data.pop("_comment", None)
    return data


@lru_cache(maxsize=None)
def load_words(name: str) -> tuple[str, ...]:
    """Whitespace- or line-separated entries of a TXT data file; ``#`` starts a comment line."""
    lines = [line for line in _data(name).splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if name.endswith("imperatives.txt"):
        return tuple(word for line in lines for word in line.split())
    return tuple(line.strip() for line in lines)


def unaccented(text: str) -> str:
    """``text`` without its accents ("achèterais" -> "acheterais"), for comparing French words."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def phrase_matcher(nlp: Language, groups: dict[str, list[str]]) -> PhraseMatcher:
    """A case-insensitive PhraseMatcher with one label per group; phrases are tokenised by ``nlp``."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for label, phrases in groups.items():
        nlp.vocab.strings.add(label)
        matcher.add(label, list(nlp.tokenizer.pipe(phrases)))
    return matcher
