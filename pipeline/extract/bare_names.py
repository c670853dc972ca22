"""Networks named by a letter alone ("X, c'est l'actu", "X. Pour nous, ça ne sert à rien.").

The lexicon reads the letter X as the network wherever it is said.  Two cases need the words around
it (``data/bare_names.json``): the letter beside a word that makes it a placeholder, a name or a count
("Monsieur X", "X ou Y", "la génération X", "X fois") is no network; and the letter the tokenizer joins
to the full stop that ends its sentence ("X.", read as an initial) still is one.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Span

from ..lexicons import load_json


class _Words(NamedTuple):
    letters: dict[str, str]  # the letter, lower case, and its network
    not_after: frozenset[str]
    not_before: frozenset[str]
    placeholder_links: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load_json("bare_names.json")
    return _Words({letter.lower(): network for letter, network in data["letters"].items()},
                  frozenset(data["not_after"]), frozenset(data["not_before"]), frozenset(data["placeholder_links"]))


def _a_letter(text: str) -> bool:
    return len(text) == 1 and text.isalpha()


def _after_a_name(span: Span, i: int) -> bool:
    """A name before the letter: an initial ("Jean X. Dupont")."""
    return i > span.start and span.doc[i - 1].pos_ == "PROPN" and span.doc[i - 1].is_title


def letter_mentions(span: Span, mentions: list[Span], text: str | None = None) -> list[Span]:
    """``mentions`` (the networks ``span`` names), without a letter said as something else, and with
    the letter joined to a full stop ("X.") (``text``: the span's, when the caller has read it)."""
    words = _words()
    doc = span.doc
    ended = []
    lowered = (span.text if text is None else text).lower()
    if any(f"{letter}." in lowered for letter in words.letters):  # most sentences say none: skip the walk
        taken = {i for mention in mentions for i in range(mention.start, mention.end)}
        ended = [Span(doc, tok.i, tok.i + 1, label=words.letters[tok.text[0].lower()])
                 for tok in span if len(tok.text) == 2 and tok.text[1] == "." and tok.text[0].lower() in words.letters
                 and tok.i not in taken and not _after_a_name(span, tok.i)]

    def something_else(mention: Span) -> bool:
        if mention.end - mention.start != 1 or mention[0].lower_.rstrip(".") not in words.letters:
            return False
        i = mention.start
        before = doc[i - 1].lower_ if i > span.start else ""
        after = doc[i + 1].lower_ if i + 1 < span.end else ""
        # "X ou Y", "de X à Z": a placeholder among letters
        among_letters = (after in words.placeholder_links and i + 2 < span.end and _a_letter(doc[i + 2].text)) or (
            before in words.placeholder_links and i - 2 >= span.start and _a_letter(doc[i - 2].text))
        return before in words.not_after or after in words.not_before or among_letters

    return sorted((m for m in [*mentions, *ended] if not something_else(m)), key=lambda mention: mention.start)
