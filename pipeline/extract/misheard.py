"""Network names spelt by ear in speech-to-text ("fesbouk", "face bouc", "tic toc", "wotsap").

A recogniser unsure of a brand writes what it hears, often in several words.  Such a spelling keeps
the name's consonants in order: one to three adjacent words whose consonant skeleton equals a
network's, starting with the same letter and of a similar length, are read as that network.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Span

from ..lexicons import load_json, unaccented

_LATIN_WORD = re.compile(r"[a-z]+")
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLED = re.compile(r"(.)\1+")
# how much shorter or longer than the name a spelling may be ("wotsap" for "whatsapp": 0.75): a long
# phrase that happens to keep a name's consonants in order is not the name
LENGTH_RATIO = (0.6, 1.5)


class _Lexicon(NamedTuple):
    by_skeleton: dict[str, tuple[str, str]]  # skeleton -> (network, the name's letters)
    spellings: tuple[tuple[re.Pattern, str], ...]
    max_words: int
    initials: frozenset[str]  # the names' first letters: a spelling starts as its name does


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_json("misheard_networks.json")
    spellings = tuple((re.compile(pattern), sound) for pattern, sound in data["spellings"])
    by_skeleton = {}
    for network in data["names"]:
        letters = data["heard_as"].get(network, network.lower())
        by_skeleton[_skeleton(letters, spellings)] = (network, letters)
    return _Lexicon(by_skeleton, spellings, data["max_words"], frozenset(letters[0] for _, letters in by_skeleton.values()))


def _skeleton(letters: str, spellings: tuple[tuple[re.Pattern, str], ...]) -> str:
    """The first letter, then the consonants as sounds ("fesbouk", "face bouc" -> "fsbk")."""
    for pattern, sound in spellings:
        letters = pattern.sub(sound, letters)
    letters = _DOUBLED.sub(r"\1", letters)
    return letters[:1] + _VOWELS.sub("", letters[1:])


@lru_cache(maxsize=65536)
def _heard(letters: str) -> tuple[str, str] | None:
    """The network whose skeleton ``letters`` has, with the name's letters (cached: speech repeats its words)."""
    lexicon = _lexicon()
    return lexicon.by_skeleton.get(_skeleton(letters, lexicon.spellings))


@lru_cache(maxsize=65536)
def _letters(text: str) -> str | None:
    word = unaccented(text.lower()).replace("’", "").replace("'", "")  # "what's" is heard as one word
    return word if _LATIN_WORD.fullmatch(word) else None


def misheard_networks(span: Span, known: list[Span], tokens: list | None = None) -> list[Span]:
    """Spellings by ear of a network in ``span``, labelled with its name, outside the ``known``
    mentions of the lexicon (``tokens``: the span's, when the caller has built them)."""
    lexicon = _lexicon()
    words = [_letters(tok.text) for tok in (span if tokens is None else tokens)]
    base = span.start
    taken = {i for mention in known for i in range(mention.start, mention.end)}
    found: list[Span] = []
    i = span.start
    while i < span.end:
        hit = None
        letters = ""
        first = words[i - base]
        if not first or first[0] not in lexicon.initials:
            i += 1
            continue
        for end in range(i + 1, min(i + lexicon.max_words, span.end) + 1):
            word = words[end - 1 - base]
            if word is None or end - 1 in taken:
                break
            if end > i + 1 and not _VOWELS.sub("", word):
                break  # a word without a consonant ("à", "ou", "y") adds nothing to a name
            if end > i + 1 and word == words[end - 2 - base]:
                break  # a word said again is a sound ("tac tac tac" of a mallet), not a name
            letters += word
            network = _heard(letters)
            if network and letters[0] == network[1][0] and (
                    LENGTH_RATIO[0] <= len(letters) / len(network[1]) <= LENGTH_RATIO[1]):
                hit = Span(span.doc, i, end, label=network[0])
                break
        if hit:
            found.append(hit)
        i = hit.end if hit else i + 1
    return found
