"""One standalone French sentence per tip, at most 200 characters, from the guest's own words.

Fillers and false starts are removed, the opening formula of a recommendation is turned into the
advice itself ("ce que je conseille, c'est d'utiliser TikTok" -> "Utiliser TikTok"), and a summary
that would open on a pronoun with nothing to refer to is anchored on the tip's network.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import load_words

MAX_CHARS = 200
_DANGLING = re.compile(r"^(ça|ca|cela|il|elle|ils|elles|c'est|ce|on)\b", re.IGNORECASE)
_OPENERS = re.compile(
    r"^((et|mais|donc|alors|parce que|parce qu'|car|puis|pis|bon|bah|ben|oui|non|ah|oh|voilà|ensuite|enfin|"
    r"par contre|en revanche|maintenant|pour commencer|pour un premier pas( déjà)?|déjà|personnellement|perso|"
    r"franchement|honnêtement|surtout|au début|pour moi|moi|en gros)\s*,?\s*)+",
    re.IGNORECASE,
)
# "il faut publier ...", "je vous conseille de publier ..." -> "Publier ..."
_INSTRUCTION = re.compile(
    r"^(il faut|il faudrait|je (vous |te )?(conseille|recommande|suggère|préconise) d[e']|"
    r"ce qu'il faut faire,? c'est( de)?)\s*",
    re.IGNORECASE,
)
_RECOMMEND = re.compile(
    r"^(moi,?\s*)?(ce que je (vous |te )?(conseille|recommande|préconise|suggère)( personnellement)?|mon (premier |dernier )?conseil|"
    r"le mieux|l'idéal|la clé|le secret|l'important)\s*,?\s*(c'est|ce serait|serait|est)\s+(de |d'|qu'|que )?",
    re.IGNORECASE,
)
# "Première chose :", "Dernier truc:", "Je rajoute :" - a short label before a colon
_LABEL = re.compile(r"^([^:,.;]{1,25}:|(première|deuxième|troisième|dernière|autre) chose,)\s*(?=\w)", re.IGNORECASE)
# "Si l'on prend le cas de LinkedIn, une publication ..." -> "Sur LinkedIn : une publication ..."
_TAKE_CASE = re.compile(r"^si (l'on|on) prend (?:le cas de|l'exemple de) ([^,]{2,30}),\s*", re.IGNORECASE)
_STUTTER = re.compile(r"\b(\w+(?:'\w+)?)( \1\b)+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _filler_pattern() -> re.Pattern[str]:
    fillers = sorted(load_words("fillers.txt"), key=len, reverse=True)
    return re.compile(r"(,\s*)?\b(" + "|".join(re.escape(f) for f in fillers) + r")\b(\s*,)?", re.IGNORECASE)


def clean(text: str) -> str:
    """Text without fillers, stutters and doubled spaces or commas."""
    text = _filler_pattern().sub(lambda m: "," if m.group(1) and m.group(3) else " ", text)
    text = _STUTTER.sub(r"\1", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",(\s*,)+", ",", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ,;")
    return text


def _starts_with_infinitive(text: str) -> bool:
    word = text.split(" ", 1)[0].lower()
    return word.endswith(("er", "ir", "re")) or word in {"ne", "n'", "pas"}


def quality(text: str, score: float) -> float:
    """How well a sentence can stand alone as a summary: short ones and ones pointing back with
    "ça" ("Ne faites jamais ça !") make poor summaries."""
    body = text.split(" : ", 1)[-1]  # without the "Sur TikTok : " anchor
    penalty = 1.0 if len(body) < 30 else 0.0
    if re.search(r"\b(ça|cela)\b", body, re.IGNORECASE) and len(body) < 60:
        penalty += 0.5
    return score - penalty


def _shorten(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    cut = text[: MAX_CHARS - 1]
    for mark in (";", ",", " "):
        pos = cut.rfind(mark)
        if pos > MAX_CHARS // 2:
            return cut[:pos].rstrip(" ,;") + "."
    return cut.rstrip() + "."


def summarise(sentence: str, networks: list[str]) -> str:
    text = clean(sentence)
    text = _LABEL.sub("", text)
    text = _OPENERS.sub("", text)
    text = _TAKE_CASE.sub(lambda m: f"Sur {m.group(2)} : ", text)
    text = _RECOMMEND.sub("", text)
    instruction = _INSTRUCTION.match(text)
    if instruction and len(text) > instruction.end() and _starts_with_infinitive(text[instruction.end():]):
        text = text[instruction.end():]
    text = text.strip(" ,")
    if not text:
        return ""
    if networks and (_DANGLING.match(text) or not any(n.lower() in text.lower() for n in networks)):
        text = f"Sur {' et '.join(networks[:2])} : {text[0].lower()}{text[1:]}"
    text = text[0].upper() + text[1:]
    text = text.rstrip(" ,;:")
    if not text.endswith((".", "!", "?")):
        text += "."
    if text.endswith("?"):
        text = text[:-1].rstrip() + "."
    return _shorten(text)
