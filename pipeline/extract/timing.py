"""Timing attributes of a sentence: advised days, parts of the day, hours, frequency, duration.

Words under a negative scope ("évitez le lundi", "ne ... pas", "plutôt que", "a plus d'impact
qu'une publication le vendredi") are not advised, so they are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import takewhile

from spacy.tokens import Span, Token

from ..lexicons import load_json, load_words
from ..records import Timing

WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_COMPARATIVES = {"plus", "mieux", "davantage", "meilleur", "meilleure", "meilleurs", "meilleures", "moins",
                "préfère", "préfères", "préférez", "préfèrent", "préférer", "préférable"}
_NEGATIONS = {"pas", "jamais", "surtout pas", "rien"}  # "ne publiez rien le dimanche"
# "sauf le lundi": the days excepted are advised against, and leave a span they are said with
_EXCEPTIONS = {"sauf", "excepté", "hormis"}
_AVOID_VERBS = {"évitez", "évite", "éviter", "évitons", "j'éviterais", "éviterais", "oubliez", "oublie"} | _EXCEPTIONS
_TRAILING_NEGATIONS = {"jamais", "évitez", "évite", "éviter", "pas", "non"}
# a day named as a reference point ("avant le week-end", "jusqu'au lundi") is not an advised day
_REFERENCE_POINTS = {"avant", "après", "jusqu'au", "jusqu'à", "jusqu'", "depuis", "dès"}
_ONE_OCCASION = {"un", "une", "vos", "tes", "mes", "ses", "nos", "leurs", "ce", "cet", "cette", "hier", "demain", "lendemain"}
_ONE_OCCASION_AFTER = {"prochain", "prochaine", "suivant", "suivante", "dernier", "dernière", "même"}  # "le soir même"
# before a day: one occasion ("un dimanche") or someone's ("leur samedi soir")
_NOT_A_SLOT_BEFORE = _ONE_OCCASION | {"mon", "ma", "ton", "ta", "son", "sa", "notre", "votre", "leur"}
_WEEKS = {"week-end", "weekend", "semaine"}
_LIST_WORDS = {"ou", "et", "le", "la", ","}
_CLAUSE_BREAKS = {",", ";", ":", ".", "!", "?", "mais"}
_UNPUNCTUATED_REACH = 6  # words a dismissal reaches back over in a sentence without commas
# the openers of a clause that explains the advice rather than gives it ("pour que", "afin que" too)
_EXPLAINING = {"quand", "lorsque", "lorsqu'", "car", "puisque", "puisqu'"}
# nouns that a part of the day dates rather than describes: "en début de soirée", "vers huit heures du soir"
_TIME_FRAMES = {"heure", "heures", "début", "fin", "milieu", "moment", "cours", "temps", "instant", "partie"}
# A comma continues a list ("évitez le lundi, le vendredi") when the next word is one of these.
_LIST_POS = {"DET", "ADP", "NOUN", "PROPN", "NUM", "CCONJ", "ADJ"}
# "à 19 heures", "vers huit heures": a clock time; "en 24 heures": a delay
_CLOCK_CUES = {"à", "vers", "entre", "et", "pis", "de", "avant", "après", "jusqu'à", "dès", "ou", "à partir de"}  # "pis": "et" in Québec
_SPAN_CUES = {"en", "dans", "sous", "pendant", "les", "des", "toutes", "tous"}
# the parts of the day that put the hours said with them after noon, and which hours they shift; and
# those that keep them in the morning (data/timing.json: "clock_parts")
_PM_WORDS = {word: tuple(hours) for word, hours in load_json("timing.json")["clock_parts"]["pm"].items()}
# nobody advises publishing between one and five at night unless they say so ("vers cinq heures",
# "après le dîner, vers une heure"): those hours are after noon, save with these words
_AM_WORDS = set(load_json("timing.json")["clock_parts"]["am"])
_SMALL_HOURS = range(1, 6)
# how many words from a part of the day a clock time may be said and still tell which part it is
HOUR_REACH = 4
_HOUR = re.compile(r"^(\d{1,2})h(\d{2})?$")
# "22 h." closing a sentence is one token for the tokenizer
_HOUR_UNITS = {"h", "h.", "heure", "heures"}
_FRACTIONS = {"demie": 30, "demi": 30, "quart": 15}
_NOT_COUNTED = {"minute", "minutes", "heure", "heures", "seconde", "secondes", "euros", "dirhams", "francs"}
_UNIT_DAYS = {"D": 1, "W": 7, "M": 30, "Y": 365}
_UNIT_OF_FREQUENCY_DAYS = {"daily": 1, "weekly": 7, "monthly": 30}
DAYS_IN_A_WEEK = 7
_DURATION_BLOCKERS = {"par", "dans", "fois", "tous", "toutes", "chaque", "a", "depuis"}
_DURATION_CUES = {"-vous", "-toi", "comptez", "compter", "attendez", "attendre", "tenez", "tenir", "pendant", "durant", "sur", "bout", "après", "moins", "minimum", "maximum", "ici", "être", "de", "à", "entre", "et", "ou", "environ", "bien", "premiers", "premières"}


def timing_phrases() -> dict[str, list[str]]:
    """Phrase groups for the extraction matcher: spans of days, parts of the day, persistence."""
    vocab = load_json("timing.json")
    groups = {f"group:{phrase}": [phrase] for phrase in vocab["day_groups"]}
    groups["persistence"] = vocab["persistence"]
    groups["dismissal"] = vocab["dismissals"]
    groups.update({f"tod:{phrase}": [phrase] for phrase in vocab["times_of_day"]})
    return groups


@lru_cache(maxsize=1)
def _imperatives() -> frozenset[str]:
    return frozenset(load_words("imperatives.txt"))


def negative_positions(tokens: list[Token], triggers: set[int] = frozenset(), dismissals: set[int] = frozenset()) -> set[int]:
    """Doc indices of the sentence's tokens inside a negative scope; ``triggers`` are the doc
    indices where an avoid cue of the lexicon begins ("ça ne sert à rien de", "évitez"),
    ``dismissals`` those of a comment that sets aside what its clause named before it ("Midi
    pile, c'est trop tard", "Le samedi à dix heures, ça ne veut rien dire")."""
    negative: set[int] = set()
    active = False
    seen_comparative = False
    unpunctuated = not any(tok.is_punct for tok in tokens[:-1])
    for i, tok in enumerate(tokens):
        low = tok.lower_
        if active and unpunctuated and _new_clause(tokens, i):
            active = False  # "pas un groupe un groupe c'est le souk … envoie un message une fois par mois"
        if low in _CLAUSE_BREAKS and active:
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            # a comma before a new instruction ends the ban: "Évitez le dimanche, postez plutôt le samedi"
            if low != "," or following is None or following.pos_ not in _LIST_POS or following.lower_ in _imperatives():
                active = False
        if low in _COMPARATIVES:
            seen_comparative = True
        starts = (
            tok.i in triggers and not _suggested(tokens, i)
            or low in _AVOID_VERBS
            or low in {"ne", "n'"} and any(t.lower_ in _NEGATIONS for t in tokens[i + 1 : i + 5]) and not _suggested(tokens, i)
            and not keeps_as_is(tokens, i)
            or low == "pas" and i > 0 and tokens[i - 1].lower_ in {"faut", "surtout"}
            or low in {"que", "qu'"} and (seen_comparative or (i > 0 and tokens[i - 1].lower_ == "plutôt"))
            or low == "lieu" and i > 0 and tokens[i - 1].lower_ == "au"
            or low == "besoin" and i > 0 and tokens[i - 1].lower_ == "pas"
            or low in {"jamais", "pas"} and i + 1 < len(tokens) and not _suggested(tokens, i) and (
                tokens[i + 1].pos_ in ("DET", "NOUN", "NUM") or tokens[i + 1].lower_ in {"tous", "toutes", "chaque"})  # "pas le samedi", "pas tous les jours"
            or low == "pas" and i + 1 < len(tokens) and tokens[i + 1].lower_ in {"de", "d'"}  # "pas de photos le soir"
        )
        if starts:
            active = True
        if active:
            negative.add(tok.i)
        if low in _TRAILING_NEGATIONS and _closes_sentence(tokens, i) and not _completes_ne(tokens, i):
            # "le dimanche soir, jamais" / "le lundi, sur LinkedIn, évitez": back to the clause start
            j = i - 1
            while j >= 0 and tokens[j].lower_ not in {"mais", ";", ".", "!", "?"}:
                negative.add(tokens[j].i)
                j -= 1
    # speech-to-text without commas does not show where the clause began: only the nearest words
    reach = len(tokens) if any(tok.text == "," for tok in tokens) else _UNPUNCTUATED_REACH
    for i, tok in enumerate(tokens):
        if tok.i in dismissals and not _alternative(tokens, i):
            # back over the asides to the time it comments on: "Et sept heures du matin, pour une
            # fleuriste, moi je décalerais"; "Publiez le soir, le matin c'est trop tôt" keeps the evening
            j, timed = i - 1, False
            while j >= max(0, i - reach) and tokens[j].lower_ not in {".", "!", "?", ";", "mais"}:
                if tokens[j].lower_ in _CLAUSE_BREAKS and timed:
                    break
                negative.add(tokens[j].i)
                timed = timed or _time_word(tokens[j])
                j -= 1
    return negative


def keeps_as_is(tokens: list[Token], i: int) -> bool:
    """The "ne" at ``i`` tells the listener to change nothing: "ne changez rien", "ne touche à rien"
    keep what is done, they ban nothing."""
    stems = tuple(load_json("advice_verbs.json")["keep_as_is"])
    verb = next((k for k in range(i + 1, min(i + 3, len(tokens))) if tokens[k].lower_.startswith(stems)), None)
    return verb is not None and any(t.lower_ == "rien" for t in tokens[verb + 1 : verb + 3])


def _suggested(tokens: list[Token], i: int) -> bool:
    """A negation that asks "why not": "pourquoi tu ne ferais pas un post par semaine ?" suggests it."""
    return any(t.lower_ == "pourquoi" for t in tokens[max(0, i - 4) : i])


def _new_clause(tokens: list[Token], i: int) -> bool:
    """A subject and its verb, where speech-to-text shows no comma: "… c'est le souk", "… tu vas te fatiguer"."""
    tok = tokens[i]
    return (i > 0 and tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm")
            and tokens[i - 1].pos_ == "PRON" and tokens[i - 1].lower_ not in {"ne", "n'", "se", "s'", "le", "la", "les", "l'"})


def _completes_ne(tokens: list[Token], i: int) -> bool:
    """Whether the word at ``i`` ends a "ne … pas" of its own clause ("pour qu'ils ne vous oublient pas"), which
    negates that clause only, not all that came before it."""
    for tok in reversed(tokens[:i]):
        if tok.lower_ in {"ne", "n'"}:
            return True
        if tok.text in {",", ";", ":"}:
            return False
    return False


# the pronoun of "tu vas t'épuiser", "les gens se lassent", "vous vous fatiguez"
_REFLEXIVES = {"te", "t'", "vous", "se", "s'", "me", "m'", "nous"}


@lru_cache(maxsize=1)
def _exhaustion_stems() -> tuple[str, ...]:
    """The verbs of ``timing.json`` ``exhaustion`` without their "-er", to match every form ("épuises")."""
    return tuple(verb[:-2] for verb in load_json("timing.json")["exhaustion"])


def exhaustion_starts(tokens: list[Token]) -> set[int]:
    """Doc indices where the sentence says what a rhythm does to whoever keeps it up or sees it ("Tous
    les jours, tu vas t'épuiser", "les gens se lassent", "Cinq par jour, tes clients vont te masquer"):
    a comment that sets that rhythm aside, as "c'est trop tard" sets aside an hour (the verbs:
    ``timing.json`` ``exhaustion``). "Pour ne pas vous épuiser", "sans te fatiguer" keep it."""
    stems = _exhaustion_stems()
    return {
        tok.i for i, tok in enumerate(tokens[:-1])
        if tok.lower_ in _REFLEXIVES and tokens[i + 1].lower_.startswith(stems)
        and not any(t.lower_ in {"ne", "n'", "pas", "sans", "jamais", "plus"} for t in tokens[max(0, i - 3) : i])
    }


def _alternative(tokens: list[Token], i: int) -> bool:
    """Whether the comment at ``i`` follows "sinon": "Postez avant neuf heures, sinon c'est trop
    tard" sets aside what the advice avoids, not the hour it gives."""
    for tok in reversed(tokens[max(0, i - 4) : i]):
        if tok.lower_ in {"sinon", "autrement"}:
            return True
        if tok.lower_ in _CLAUSE_BREAKS:
            return False
    return False


def _time_word(tok: Token) -> bool:
    vocab = load_json("timing.json")
    low = tok.lower_
    number = (tok.like_num or low in vocab["numbers"]) and low not in {"un", "une"}  # "pour une fleuriste" is no time
    return number or bool(_HOUR.match(low)) or low in vocab["days"] or low in vocab["times_of_day"]


def _closes_sentence(tokens: list[Token], i: int) -> bool:
    return all(t.is_punct or t.lower_ in {"hein", "vraiment", "surtout"} for t in tokens[i + 1 :])


def _number(tok: Token | None) -> int | None:
    if tok is None:
        return None
    numbers = load_json("timing.json")["numbers"]
    word = _unabbreviated(tok.lower_)
    if word in numbers:
        return numbers[word]
    text = tok.text.rstrip("h")
    return int(text) if text.isdigit() and len(text) <= 4 else None


def _count_before(tokens: list[Token], i: int) -> list[int]:
    """A count or range said just before position i: "trois", "3", "trois à quatre", "2 ou 3"."""
    counts: list[int] = []
    j = i - 1
    while j >= 0 and i - j <= 4:
        value = _number(tokens[j])
        if value is not None:
            counts.insert(0, value)
        elif tokens[j].lower_ not in {"à", "ou", "-", "et"}:
            break
        j -= 1
    return counts[-2:]


def _count_near(tokens: list[Token], i: int) -> list[int]:
    """A count a few words before position i, over nouns and adjectives: "trois nouveaux avis"."""
    j = i - 1
    # (the tagger takes some plural nouns for verbs: "quatre belles vidéos par semaine")
    while j >= 0 and i - j <= 5 and tokens[j].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "VERB") and _number(tokens[j]) is None:
        if tokens[j].lower_ in _NOT_COUNTED:
            return []  # "vers vingt heures chaque semaine": the number counts hours
        j -= 1
    return _count_before(tokens, j + 1) if j >= 0 and _number(tokens[j]) is not None else []


def _asides(tokens: list[Token]) -> set[int]:
    """Positions of what only explains the advice: words quoted (« Vendredi, y a l'orchestre ! »)
    and a clause of purpose, time or cause ("pour que ce soit tout frais le dimanche")."""
    aside = _quoted(tokens)
    explaining = False
    for i, tok in enumerate(tokens):
        low = tok.lower_
        if low in _EXPLAINING or (low in {"que", "qu'"} and i > 0 and tokens[i - 1].lower_ in {"pour", "afin", "parce"}):
            explaining = True
        elif low in {".", "!", "?", ";"}:
            explaining = False
        if explaining:
            aside.add(i)
    return aside


def _condition(tokens: list[Token]) -> set[int]:
    """Positions of a clause opened by "si", up to its comma or, in speech-to-text without commas, up to
    the imperative that opens the main clause: "si on en voit tous les jours", "si votre clientèle c'est
    des familles postez deux vidéos … à l'heure du goûter" (not the "si si" that insists: "si si chaque
    matin mettez un statut")."""
    inside, positions = False, set()
    for i, tok in enumerate(tokens):
        insisting = i > 0 and tokens[i - 1].lower_ == "si"
        if tok.lower_ in {"si", "s'"} and not insisting and i + 1 < len(tokens) \
                and tokens[i + 1].pos_ in ("PRON", "DET", "NOUN", "PROPN"):
            inside = True
        elif tok.text in {",", ";", ":", ".", "!", "?"} or inside and _opens_main_clause(tokens, i):
            inside = False
        if inside:
            positions.add(i)
    return positions


def _opens_main_clause(tokens: list[Token], i: int) -> bool:
    """A vous-imperative with no subject before it ("… des familles postez deux vidéos"): "vous
    publiez" and "vous les publiez" go on with the condition."""
    low = tokens[i].lower_
    before = tokens[i - 1] if i else None
    return (low.endswith("ez") and low in _imperatives() and before is not None and before.pos_ != "PRON"
            and before.lower_ not in CLITICS_BEFORE_A_VERB)


# the pronouns and "ne" said between a subject and its verb ("vous les postez", "si vous y publiez",
# "on l'a", "il t'a"): the feature rules read them too
CLITICS_BEFORE_A_VERB = frozenset({"vous", "ne", "n'", "le", "la", "l'", "les", "leur", "lui", "y", "en", "nous", "me",
                                   "m'", "te", "t'", "se", "s'"})


def _quoted(tokens: list[Token]) -> set[int]:
    """Positions of the words between « and »: a message to post, not when to post it."""
    quoted, inside = set(), False
    for i, tok in enumerate(tokens):
        if tok.text in {"«", "»"}:
            inside = tok.text == "«"
        elif inside:
            quoted.add(i)
    return quoted


def _days(tokens: list[Token], negative: set[int], groups: list[tuple[str, Span]]) -> list[str]:
    """The days advised: those said in an aside or as a purpose only when the advice itself names
    none ("publiez le samedi, pour que ce soit frais le dimanche", "un post le jeudi, pour le
    week-end" advise the Saturday and the Thursday), and never those excepted ("en semaine, sauf
    le lundi")."""
    found = _days_found(tokens, negative, groups)
    names = load_json("timing.json")["days"]
    if not found and not any(t.lower_ in names for t in tokens):
        return []  # most sentences name no day: nothing to advise nor to except
    aside = _asides(tokens)
    purpose: set[int] = set()
    for _, i in found:  # "pour le mercredi ou le jeudi": the days listed share the purpose
        listed = any(j < i and all(t.lower_ in _LIST_WORDS for t in tokens[j + 1 : i]) for j in purpose)
        if _purpose(tokens, i) or listed:
            purpose.add(i)
    reason = _before_conclusion(tokens)
    said = [(day, i) for day, i in found if i not in aside and i not in purpose and i not in reason] or found
    # "en semaine, sauf le lundi": the days excepted leave the span
    excepted: set[str] = set()
    last_excepted = None
    for k, t in enumerate(tokens):
        if t.lower_ not in names:
            continue
        listed = last_excepted is not None and all(w.lower_ in _LIST_WORDS for w in tokens[last_excepted + 1 : k])
        if listed or any(w.lower_ in _EXCEPTIONS for w in tokens[max(0, k - 2) : k]):
            excepted.add(names[t.lower_])  # "sauf le samedi et le dimanche"
            last_excepted = k
    advised = {day for day, _ in said}
    if excepted and _every_day_but(tokens):
        advised = set(WEEK)  # "tous les jours sauf le vendredi": the other six
    return [d for d in WEEK if d in advised - excepted]


_EVERY_DAY = (["tous", "les", "jours"], ["chaque", "jour"], ["toute", "la", "semaine"])


def _every_day_but(tokens: list[Token]) -> bool:
    """"tous les jours sauf le vendredi", "chaque jour, sauf le dimanche": every day, some excepted."""
    words = [t.lower_ for t in tokens if t.text != ","]
    return any(words[k] in _EXCEPTIONS and any(words[max(0, k - len(w)) : k] == w for w in _EVERY_DAY)
               for k in range(len(words)))


@lru_cache(maxsize=1)
def _conclusion_words() -> frozenset[str]:
    """The one-word markers that draw the advice from what was said ("donc", "faque"): activity.json."""
    return frozenset(w for w in load_json("activity.json")["markers"]["conclusion"] if " " not in w)


def _before_conclusion(tokens: list[Token]) -> set[int]:
    """Positions before a "donc" or "faque" inside the sentence: the audience's days that lead to the advice
    ("ils planifient leur fin de semaine le mercredi le jeudi faque publie le mercredi soir"), in
    speech-to-text that runs the reason and the advice into one sentence."""
    conclusion = _conclusion_words()
    for k, tok in enumerate(tokens):
        if k > 0 and tok.lower_ in conclusion:
            return set(range(k))
    return set()


def _purpose(tokens: list[Token], i: int) -> bool:
    """A day said as what something is for ("pour le week-end", "pour la fin de semaine", "pensez
    au week-end"), not when to do it."""
    return (i > 0 and tokens[i - 1].lower_ == "au") or _after_pour(tokens, i, {"le", "la", "les"})


def _aimed_at(tokens: list[Token], i: int) -> bool:
    """A part of the day said as what something is for: "pour le soir", "pour ce midi"."""
    return _after_pour(tokens, i, {"le", "la", "ce", "cette"})


def _after_pour(tokens: list[Token], i: int, determiners: set[str]) -> bool:
    """The words before ``i`` are "pour" and one of ``determiners``."""
    return i >= 2 and tokens[i - 2].lower_ == "pour" and tokens[i - 1].lower_ in determiners


def _range_end(tokens: list[Token], i: int, names: dict[str, str]) -> int | None:
    """The position of the day that closes a range opened at ``i``: "du mardi au jeudi",
    "entre le mardi et le jeudi"."""
    if i + 2 < len(tokens) and tokens[i + 1].lower_ in {"au", "à", "jusqu'au"} and tokens[i + 2].lower_ in names:
        return i + 2
    opened = [t.lower_ for t in tokens[max(0, i - 2) : i]]
    if "entre" in opened and i + 1 < len(tokens) and tokens[i + 1].lower_ == "et":
        end = i + 3 if i + 3 < len(tokens) and tokens[i + 2].lower_ == "le" else i + 2
        if end < len(tokens) and tokens[end].lower_ in names:
            return end
    return None


def _days_found(tokens: list[Token], negative: set[int], groups: list[tuple[str, Span]]) -> list[tuple[str, int]]:
    names = load_json("timing.json")["days"]
    vocab_groups = load_json("timing.json")["day_groups"]
    advised: list[tuple[str, int]] = []
    skip: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.lower_ not in names or tok.i in skip:
            continue
        # "du mardi au jeudi", "de lundi à vendredi", "entre le mardi et le jeudi"
        end = _range_end(tokens, i, names)
        if end is not None:
            first, last = WEEK.index(names[tok.lower_]), WEEK.index(names[tokens[end].lower_])
            span_days = [WEEK[(first + k) % 7] for k in range((last - first) % 7 + 1)]
            skip.add(tokens[end].i)
            if tok.i not in negative:
                advised.extend((day, i) for day in span_days)
            continue
        if tok.i not in negative and not _not_a_slot(tokens, i):
            advised.append((names[tok.lower_], i))
    named = {day for day, _ in advised}
    for label, match in groups:
        index = next((k for k, t in enumerate(tokens) if t.i == match.start), 0)
        name = label.split(":", 1)[1]
        exception = name.startswith(("sauf ", "hors "))  # "sauf le week-end" names the days advised
        if (match.start not in negative or exception) and not _not_a_slot(tokens, index):
            days = vocab_groups[name]
            # "en semaine, le mardi ou le mercredi": the days named narrow the span down
            advised.extend((day, index) for day in (days if exception or not named & set(days) else []))
    return advised


def _not_a_slot(tokens: list[Token], i: int) -> bool:
    """A day said as a reference point, as what a noun is about, for one occasion ("un dimanche",
    "ce samedi", "jeudi prochain") or as someone's ("leur samedi soir") is no advised day."""
    before = tokens[i - 1].lower_ if i > 0 else ""
    after = tokens[i + 1].lower_ if i + 1 < len(tokens) else ""
    every_other = [t.lower_ for t in tokens[i + 1 : i + 3]] == ["sur", "deux"]  # "un mardi sur deux"
    return (
        after in _ONE_OCCASION_AFTER  # "jeudi prochain", "le samedi suivant"
        or _dated(tokens, i)
        or before in _NOT_A_SLOT_BEFORE and not every_other
        or _reference_point(tokens, i) or _noun_complement(tokens, i)
    )


def _dated(tokens: list[Token], i: int) -> bool:
    """A day followed by its date is one day of the calendar: "le mardi 6 août 1991", "le samedi 18 mars"."""
    if i + 2 >= len(tokens):
        return False
    day_of_month = _number(tokens[i + 1]) if tokens[i + 1].lower_ != "premier" else 1
    return day_of_month is not None and 1 <= day_of_month <= 31 and tokens[i + 2].lower_ in load_json("timing.json")["months"]


def _noun_complement(tokens: list[Token], i: int) -> bool:
    """A day that qualifies a noun says what, not when: "l'agenda du week-end", "le menu du dimanche",
    "ton horaire de la fin de semaine"."""
    return _qualified_noun(tokens, i) is not None


def _qualified_noun(tokens: list[Token], i: int) -> Token | None:
    """The noun that the time word at ``i`` complements ("l'agenda | du week-end", "le prix | de la nuit")."""
    j = i - 1
    if j >= 1 and tokens[j].lower_ == "la" and tokens[j - 1].lower_ == "de":
        j -= 1
    if j >= 1 and tokens[j].lower_ in {"du", "de"} and tokens[j - 1].pos_ == "NOUN":
        return tokens[j - 1]
    return None


def _reference_point(tokens: list[Token], i: int) -> bool:
    before = [t.lower_ for t in tokens[max(0, i - 2) : i]]
    return any(word in _REFERENCE_POINTS for word in before)


def _range_start(tokens: list[Token], i: int) -> bool:
    """``tokens[i]`` opens a range of hours whose unit comes after its end ("entre 17 et 19 heures",
    "de huit à dix heures")."""
    if i == 0 or i + 3 >= len(tokens) or tokens[i - 1].lower_ not in {"entre", "de"}:
        return False
    if tokens[i + 1].lower_ not in {"et", "à"} or _number(tokens[i]) is None:
        return False
    end = tokens[i + 2]
    return bool(_HOUR.match(end.lower_)) or (_number(end) is not None and tokens[i + 3].lower_ in _HOUR_UNITS)


def _clock_cue_before(tokens: list[Token], i: int) -> bool:
    """A clock time follows: "à 19 heures", "vers les 21 heures" (not "toutes les 48 heures")."""
    before = tokens[i - 1].lower_ if i > 0 else ""
    return before in _CLOCK_CUES or (before == "les" and i > 1 and tokens[i - 2].lower_ == "vers") or (
        before == "pour" and _scheduled(tokens, i - 1))


def _scheduled(tokens: list[Token], i: int) -> bool:
    """A verb that sets a post for a time comes shortly before ``i``: "programme-la pour 19 h"."""
    stems = tuple(load_json("timing.json")["scheduling"])
    return any(t.lower_.startswith(stems) for t in tokens[max(0, i - 5) : i])


def _hours(tokens: list[Token], negative: set[int]) -> tuple[list[tuple[int, int, int]], set[int]]:
    """(hour, minute, position in ``tokens``) said as "19h", "11h30", "19 heures", "huit heures du soir";
    and the positions of the small hours read as afternoon for want of a word that says which ("vers
    cinq heures")."""
    found: list[tuple[int, int, int]] = []
    guessed: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.i in negative:
            continue
        hour = minute = None
        m = _HOUR.match(tok.lower_)
        if m:
            hour, minute = int(m.group(1)), int(m.group(2) or 0)
        elif tok.lower_ in {"midi", "minuit"} and i > 0 and tokens[i - 1].lower_ in _CLOCK_CUES:
            half = i + 2 < len(tokens) and tokens[i + 1].lower_ == "et" and tokens[i + 2].lower_ in _FRACTIONS
            minute = _FRACTIONS[tokens[i + 2].lower_] if half else 0  # "midi et demi"
            found.append((12 if tok.lower_ == "midi" else 0, minute, i))  # "entre midi et une heure", "vers midi"
            continue
        elif (
            i + 1 < len(tokens)
            and tokens[i + 1].lower_ in _HOUR_UNITS
            and i > 0
            and (_clock_cue_before(tokens, i) or (found and tokens[i - 1].lower_ == ","))
        ):
            hour = _number(tok)
            if hour is not None and hour < 10 and i >= 2 and tokens[i - 1].lower_ == "et" and _number(tokens[i - 2]) == 20:
                hour += 20  # "vingt et une heures"
            minute = _number(tokens[i + 2]) if i + 2 < len(tokens) else None
            minute = minute if minute is not None and minute < 60 else 0
            if i + 3 < len(tokens) and tokens[i + 2].lower_ == "et" and tokens[i + 3].lower_ in _FRACTIONS:
                minute = _FRACTIONS[tokens[i + 3].lower_]  # "six heures et demie"
        elif _range_start(tokens, i):
            hour, minute = _number(tok), 0  # "entre 17 et 19 heures": the unit said once, at the end
        if hour is None or hour > 24 or (i > 0 and tokens[i - 1].lower_ in _SPAN_CUES and not _clock_cue_before(tokens, i)):
            continue  # "en vingt-quatre heures", "sous 48h": a delay, not a time of day
        # "huit heures du soir", "le soir, de neuf à onze heures", not "à 9h, et le soir à 7h"
        after = list(takewhile(lambda t: not t.is_punct, tokens[i + 1 : i + 6]))
        before = list(takewhile(lambda t: not t.is_punct or t.text == ",", reversed(tokens[max(0, i - 4) : i])))
        said_pm = any(t.lower_ in _PM_WORDS for t in after) or any(
            t.lower_ in _PM_WORDS and _PM_WORDS[t.lower_][0] <= hour <= _PM_WORDS[t.lower_][1] for t in before)
        after_noon = any(t.lower_ == "midi" for t in tokens[max(0, i - 4) : i])  # "entre midi et une heure"
        said_am = any(t.lower_ in _AM_WORDS for t in after + before)
        if tok.lower_ == "une" and tokens[i - 1].lower_ == "après" and not (said_am or said_pm):
            continue  # "après une heure, le client a déjà acheté": an hour gone by, not 13 h
        small_hour = hour in _SMALL_HOURS and not said_am
        later = found and found[-1][0] >= 13 and hour + 12 <= 23
        if hour < 12 and (said_pm or small_hour or later or (after_noon and hour <= 6)):
            if small_hour and not (said_pm or later or after_noon):
                guessed.add(i)
            hour += 12  # "vers sept heures du soir, huit heures"
        found.append((hour % 24, minute, i))
    return found, guessed


def _frequency(tokens: list[Token], negative: set[int]) -> tuple[str | None, list[int]]:
    vocab = load_json("timing.json")
    units, words, vocab_days = vocab["frequency_units"], vocab["frequency_words"], vocab["days"]
    priced, phrases = set(vocab["priced_nouns"]), vocab["frequency_phrases"]
    lows = [tok.lower_ for tok in tokens]
    for i, tok in enumerate(tokens):
        low = lows[i]
        if tok.i not in negative and (phrase := _phrase_at(lows, i, phrases)):
            return phrases[phrase], []  # "kol nhar"
        # (the seven weighed against is dismissed, the count it is weighed against advised)
        if (week_count := _count_against_a_week(tokens, i, negative)) is not None:
            return _rate_frequency(week_count / DAYS_IN_A_WEEK), [week_count]
        if tok.i in negative:
            continue
        nxt = [t.lower_ for t in tokens[i + 1 : i + 4]]
        if low == "fois":
            counts = _count_before(tokens, i)
            several = i > 0 and tokens[i - 1].lower_ == "plusieurs"
            unit = next((units[w] for w in nxt if w in units), None)
            if unit is None:
                continue
            if several and unit == "weekly":
                return "several_per_week", counts
            return _counted(unit, counts), counts
        if low in {"chaque", "tous", "toutes"} and nxt:
            if nxt[0] in {"les", "jours"} or low == "chaque":
                skipped = 1 if nxt[0] == "les" else 0
                rest = nxt[skipped:]
                if rest and is_number_word(rest[0]) and len(rest) > 1 and rest[1] in units:
                    # "tous les deux jours", "tous les quinze jours", "toutes les deux semaines"
                    every = _number(tokens[i + 1 + skipped]) or 1
                    days = every * _UNIT_OF_FREQUENCY_DAYS[units[rest[1]]]
                    return _rate_frequency(1 / days), []
                if rest and rest[0] in units:
                    counts = _count_near(tokens, i)
                    return _counted(units[rest[0]], counts), counts
                if rest[:3] in (["fin", "de", "mois"], ["début", "de", "mois"]):
                    return "monthly", []  # "chaque fin de mois"
                if rest and rest[0] in vocab_days:
                    return "weekly", []  # "chaque lundi", "tous les jeudis"
                if rest and rest[0] in {"matins", "soirs", "matin", "soir", "midis"}:
                    return "daily", []
        if low == "par" and nxt and nxt[0] in units:
            # "une par semaine", "deux posts par semaine"
            if i > 0 and (tokens[i - 1].lower_ in vocab["budget_units"] or tokens[i - 1].lower_ in priced):
                continue  # "vingt euros par jour" is a budget, "le prix par jour" a price
            counts = _count_before(tokens, i) or _count_near(tokens, i)
            if i > 0 and tokens[i - 1].lower_ in _NOT_COUNTED:
                counts = []  # "vingt minutes par jour" is how long, not how many
            return _counted(units[nxt[0]], counts), counts
        if low in words:
            if i > 0 and tokens[i - 1].lower_ in priced:
                continue  # "un budget mensuel"
            counts = _count_near(tokens, i)  # "trois posts hebdomadaires"
            return _counted(words[low], counts) or words[low], counts
        # "un dimanche sur deux", "un week-end sur deux", "une semaine sur deux": every other week
        if low == "week" and nxt[:2] == ["-", "end"]:
            low, nxt = "week-end", [t.lower_ for t in tokens[i + 3 : i + 5]]  # the tokenizer splits "week-end"
        if (low in vocab_days or low in _WEEKS) and nxt[:2] == ["sur", "deux"] and i > 0 and tokens[i - 1].lower_ in {"un", "une"}:
            return _rate_frequency(1 / 14), []
        # "un jour sur deux", "deux jours sur trois"
        if low in {"jour", "jours"} and len(nxt) >= 2 and nxt[0] == "sur" and is_number_word(nxt[1]) and i > 0:
            done, out_of = _number(tokens[i - 1]), _number(tokens[i + 2])
            if done and out_of:
                return _rate_frequency(done / out_of), []
        # "aux deux semaines", "aux trois jours" (Québec): every two weeks, every three days
        if low == "aux" and len(nxt) >= 2 and is_number_word(nxt[0]) and nxt[1] in units:
            every = _number(tokens[i + 1]) or 1
            return _rate_frequency(1 / (every * _UNIT_OF_FREQUENCY_DAYS[units[nxt[1]]])), []
        if low == "quotidien" and i > 0 and tokens[i - 1].lower_ == "au":
            return "daily", []
    return None, []


def _phrase_at(words: list[str], i: int, phrases: dict[str, str]) -> str | None:
    """The phrase of ``phrases`` (two or three of the lowercased ``words``) said from position i, if any."""
    for size in (2, 3):
        said = " ".join(words[i : i + size])
        if said in phrases:
            return said
    return None


def _count_against_a_week(tokens: list[Token], i: int, negative: set[int]) -> int | None:
    """The count weighed against one a day, when position i is the seven of "mieux vaut trois posts
    utiles que sept posts vides" or "trois belles photos valent mieux que sept": a weekly rate."""
    if i == 0 or tokens[i - 1].lower_ not in {"que", "qu'"} or _number(tokens[i]) != DAYS_IN_A_WEEK:
        return None
    if not any(tok.lower_ == "mieux" for tok in tokens[:i]):
        return None
    counts = [value for tok in tokens[: i - 1] if (value := _number(tok)) is not None and tok.i not in negative]
    return counts[0] if len(counts) == 1 and 1 <= counts[0] < DAYS_IN_A_WEEK else None


def _counted(unit: str, counts: list[int]) -> str | None:
    """The class of "N times per unit", by the smaller count of a range: "deux à trois fois par
    semaine" is several a week, "une à deux" weekly, "trois épisodes par mois" weekly, "deux fois
    par mois" monthly."""
    if not counts or min(counts) < 1:
        return unit
    return _rate_frequency(min(counts) / _UNIT_OF_FREQUENCY_DAYS[unit])


# a question about the rhythm, and the period it counts in: "Combien de fois par semaine ?", "À quel rythme ?"
_RHYTHM_QUESTION = re.compile(r"à quel rythme|quelle fréquence|combien de fois|combien\b.*\bpar (?:jour|semaine|mois)", re.I)
_PERIOD = re.compile(r"\bpar (jour|semaine|mois)\b", re.I)
# the words that join the days of a weekly schedule ("le lundi, le mercredi pis le vendredi")
_ENUMERATION = {"le", "et", "pis", "puis", ","}


def rhythm_of_reply(question: str, tokens: list[Token], days: list[str]) -> tuple[str, list[int]] | None:
    """The rhythm a reply gives without saying it in full, read with the question it answers:
    "Combien de fois par semaine ? — Trois Reels, pas plus." is several a week; "À quel rythme ?
    — Le lundi, le mercredi pis le vendredi." too (a schedule of days, not a choice between them)."""
    if not _RHYTHM_QUESTION.search(question):
        return None
    words = [t for t in tokens if not t.is_punct]
    period = _PERIOD.search(question)
    count = _number(words[0]) if words else None
    if period and count:
        frequency = _counted(load_json("timing.json")["frequency_units"][period.group(1).lower()], [count])
        return (frequency, [count]) if frequency else None
    names = load_json("timing.json")["days"]
    positions = [i for i, tok in enumerate(tokens) if tok.lower_ in names]
    if len(positions) < 2 or len(positions) != len(days) or set(days) == {"saturday", "sunday"}:
        return None
    if all(t.lower_ in names or t.lower_ in _ENUMERATION for t in tokens[positions[0] + 1 : positions[-1]]):
        return "several_per_week", [len(positions)]
    return None


# "La meilleure heure ?", "Et l'heure ?", "On publie quand ?" (not "combien d'heures")
_HOUR_QUESTION = re.compile(r"(?<!combien d')\bheure\b|\bquand\b|\bquel moment\b", re.I)
MAX_HOUR_REPLY_WORDS = 4


def hour_of_reply(question: str, tokens: list[Token]) -> tuple[int, int] | None:
    """The clock time a reply of a few words gives to a question about the hour, said without "à"
    or "vers" ("La meilleure heure ? — Dix-sept heures."): alone, "deux heures" could be a delay."""
    if not _HOUR_QUESTION.search(question):
        return None
    words = [t for t in tokens if not t.is_punct]
    if not 2 <= len(words) <= MAX_HOUR_REPLY_WORDS or words[1].lower_ not in _HOUR_UNITS:
        return None
    hour = _number(words[0])
    if hour is None or hour > 23:
        return None
    minute = _number(words[2]) if len(words) > 2 else None
    minute = minute if minute is not None and minute < 60 else (30 if len(words) > 3 and words[3].lower_ in _FRACTIONS else 0)
    return (hour + 12 if hour in _SMALL_HOURS else hour), minute


def _rate_frequency(per_day: float) -> str | None:
    """The nearest frequency class of a rate: every day, 2-6 times a week, weekly, monthly; none
    below once in two months."""
    if per_day >= 0.95:
        return "daily"
    if per_day * 7 >= 1.5:
        return "several_per_week"
    if per_day * 30 >= 2.5:
        return "weekly"
    return "monthly" if per_day * 60 >= 1 else None  # "tous les six mois" is no publishing rhythm


def is_number_word(word: str) -> bool:
    """Digits or a number said in words ("dix-neuf", "vingt-deux")."""
    return word.isdigit() or _unabbreviated(word) in load_json("timing.json")["numbers"]


def _unabbreviated(word: str) -> str:
    """"sept." closing a sentence is one token, the tokenizer's abbreviation of September."""
    return "sept" if word == "sept." else word


def _durations(tokens: list[Token], negative: set[int]) -> list[str]:
    units = load_json("timing.json")["duration_units"]
    found: list[tuple[int, str]] = []
    for i, tok in enumerate(tokens[:-1]):
        unit = tokens[i + 1].lower_
        value = _number(tok)
        if value is None or unit not in units or tok.i in negative:
            continue
        before = tokens[i - 1].lower_ if i else ""
        if before in _DURATION_BLOCKERS or before not in _DURATION_CUES:
            continue
        if i + 2 < len(tokens) and tokens[i + 2].lower_ in {"par"}:
            continue
        code = units[unit]
        found.append((value * _UNIT_DAYS[code], f"P{value}{code}"))
    if not found:
        return []
    found.sort()
    return [found[0][1]] if len(found) == 1 else [found[0][1], found[-1][1]]


def mentions_timing(tokens: list[Token], matches: list[Span], reparse: bool = True) -> bool:
    """Whether the sentence speaks of when, how often or how long at all, advised or advised
    against ("évitez le lundi" is a timing tip without an advised day).  ``reparse``: read the
    timing again without negative scopes (needless when the sentence has none)."""
    if any(m.label_ == "persistence" for m in matches):
        return True
    return reparse and not parse_timing(tokens, set(), matches, activity=True).is_empty()


def parse_timing(tokens: list[Token], negative: set[int], matches: list[Span], activity: bool,
                 dinner_is_lunch: bool = False) -> Timing:
    """Timing said in one sentence (``matches``: its timing phrases, labelled as in
    ``timing_phrases``). A frequency counts only when the sentence speaks of publishing
    or engaging (``activity``), so "il travaille tous les jours" is no publishing rhythm.
    ``dinner_is_lunch``: the episode speaks a French where "le dîner" is the noon meal
    (``speaks_of_dinner_as_lunch``)."""
    if not matches and not any(tok.lower_ in _timing_words() or tok.text[:1].isdigit() for tok in tokens):
        return Timing()  # most sentences: nothing below could find a day, an hour, a rate or a duration
    groups = [(m.label_, m) for m in matches if m.label_.startswith("group:")]
    tod_names = _parts_of_day(dinner_is_lunch)
    timing = Timing(days=_days(tokens, negative, groups), duration=_durations(tokens, negative))
    hours, guessed = _hours(tokens, negative)
    first = tokens[0].i if tokens else 0
    # meals name different hours from one country to the next ("dîner" is lunch in Switzerland,
    # Belgium and Québec): a clock time said with them wins ("à l'heure du dîner, entre midi et une heure")
    meals = set(load_json("timing.json")["meal_times"]) if hours else set()
    said = {  # (part of the day, start, end) of each phrase that names one
        (tod_names[name], m.start - first, m.end - first)
        for m in matches
        if m.label_.startswith("tod:") and (name := m.label_.split(":", 1)[1]) not in meals
        and m.start not in negative and not _one_occasion(tokens, m.start - first, name)
        and not _qualifies_hour(tokens, m.start - first) and not _qualifies_noun(tokens, m.start - first)
    }
    hours = _mornings_said(hours, guessed, said)
    ranged = _is_range(tokens, hours)
    if ranged:
        # the hours a range covers, its end excluded: "de 20 heures à 23 heures" is an evening,
        # "entre 17 et 19 heures" an afternoon and an evening
        (begin, _, _), (end, _, _) = hours
        covered = [[(begin + k) % 24 for k in range(max(1, min((end - begin) % 24, 12)))]] * 2
    else:
        covered = [[hour] for hour, _, _ in hours]
    # the evening runs to 23 h: "après 23 h" is the night
    after = [position > 0 and tokens[position - 1].lower_ == "après" for _, _, position in hours]
    hour_parts = [({"night" if later and h == 23 else part_of_day(h) for h in hs}, position)
                  for hs, (_, _, position), later in zip(covered, hours, after)]
    # a clock time said with a part of the day tells which it is: "à la sortie des bureaux, vers
    # 16 h 30" is an afternoon, "tard le soir, vers dix heures" an evening
    said = {
        (part, start, end) for part, start, end in said
        if not (near := [ps for ps, position in hour_parts if start - HOUR_REACH <= position < end + HOUR_REACH
                         and tokens[position].lower_ not in _NOON_WORDS])
        or any(part in ps for ps in near)
    }
    # "si vous faites un live tous les soirs, …": a hypothesis, not the slot advised
    hypothesis = _condition(tokens)
    said = {(part, start, end) for part, start, end in said if start not in hypothesis}
    quoted = _quoted(tokens)  # « il reste deux créneaux l'après-midi »: unless nothing else is said
    unquoted = {(part, start, end) for part, start, end in said if start not in quoted}
    said = unquoted if unquoted or hour_parts else said
    # "le midi, … quand ils cherchent quoi faire de leur après-midi": a part of the day named in what
    # only explains the advice, when the advice itself names one (a clock time there still counts:
    # "à midi et demi, car beaucoup de bureaux finissent à seize heures")
    explaining = _asides(tokens) - quoted
    advised = {(part, start, end) for part, start, end in said if start not in explaining}
    if advised or any(position not in explaining for _, position in hour_parts):
        said = advised
    # "avec les commandes pour le soir", "Pour le soir, publiez vers dix-sept heures": what the post is
    # for, when the sentence names the slot itself
    aimed = {(part, start, end) for part, start, end in said if _aimed_at(tokens, start)}
    if aimed and (said - aimed or hour_parts):
        said -= aimed
    parts = {part for part, _, _ in said} | {p for ps, _ in hour_parts for p in ps}
    timing.times_of_day = [p for p in ("morning", "midday", "afternoon", "evening", "night") if p in parts]
    timing.hours = _format_hours(hours, ranged)
    if activity or _bare_rate(tokens):
        # the rhythm of a condition is not advised: "si on en voit tous les jours, on s'en lasse"
        hypothetical = {tokens[i].i for i in hypothesis}
        timing.frequency, timing.frequency_count = _frequency(tokens, negative | hypothetical)
    return timing


# "midi" and "minuit" name their part of the day themselves: in "un le matin, un à midi, un le soir"
# they say nothing of the parts around them
_NOON_WORDS = {"midi", "minuit"}
_EARLY_PARTS = {"morning", "night"}


def _mornings_said(hours: list[tuple[int, int, int]], guessed: set[int], said: set[tuple[str, int, int]]
                   ) -> list[tuple[int, int, int]]:
    """The hours, each small hour read as afternoon for want of a word read as morning instead when
    the sentence names only the morning or the night, or names one of them beside it: "au réveil, vers
    cinq heures et demie", "chaque matin, … vers cinq heures"."""
    parts = {part for part, _, _ in said}
    if not guessed or not parts & _EARLY_PARTS:
        return hours
    only_early = parts <= _EARLY_PARTS
    return [(hour - 12, minute, position) if position in guessed and (only_early or any(
        part in _EARLY_PARTS and start - HOUR_REACH <= position < end + HOUR_REACH for part, start, end in said))
        else (hour, minute, position) for hour, minute, position in hours]


@lru_cache(maxsize=2)
def _parts_of_day(dinner_is_lunch: bool) -> dict[str, str]:
    """The part of the day each phrase names, the dinner phrases at noon where "le dîner" is lunch."""
    vocab = load_json("timing.json")
    return {**vocab["times_of_day"], **vocab["lunch_dinner"]["meals"]} if dinner_is_lunch else vocab["times_of_day"]


def speaks_of_dinner_as_lunch(words: Iterable[str]) -> bool:
    """Whether an episode's words (lowercased) are those of Belgium, Switzerland or Québec, where
    "le dîner" is the noon meal and "le souper" the evening one ("pis on soupe à six heures")."""
    markers = _lunch_dinner_markers()
    return any(word in markers for word in words)


@lru_cache(maxsize=1)
def _lunch_dinner_markers() -> frozenset[str]:
    return frozenset(load_json("timing.json")["lunch_dinner"]["markers"])


@lru_cache(maxsize=1)
def _timing_words() -> frozenset[str]:
    """Every word without which the readers of ``parse_timing`` find nothing: a number (in digits, or
    in words but "un", "une", whose rate, hour or duration always says its unit too), a day, a unit of
    hours, days, weeks or months, a word of frequency; the phrases of ``timing_phrases`` come as
    matches."""
    vocab = load_json("timing.json")
    numbers = set(vocab["numbers"]) - {"un", "une"} | {"sept."}
    units = {*vocab["frequency_units"], *vocab["duration_units"], *_HOUR_UNITS, *_WEEKS, "week"}
    frequency = {*vocab["frequency_words"], *(phrase.split()[0] for phrase in vocab["frequency_phrases"]), "quotidien"}
    parts_of_day = {"matin", "matins", "soir", "soirs", "midi", "midis", "minuit"}
    return frozenset(numbers | units | frequency | parts_of_day | set(vocab["days"]))


def _bare_rate(tokens: list[Token]) -> bool:
    """A count with nothing counted ("Deux par semaine, ça suffit."): what is being discussed, the
    posts, as a rate."""
    units = load_json("timing.json")["frequency_units"]
    return any(_number(tok) is not None and tokens[i + 1].lower_ == "par" and tokens[i + 2].lower_ in units
               for i, tok in enumerate(tokens[:-2]))


@lru_cache(maxsize=1)
def _activity_prefixes() -> tuple[str, ...]:
    return tuple(load_json("activity.json")["activity_prefixes"])


def _qualifies_noun(tokens: list[Token], i: int) -> bool:
    """A part of the day that qualifies a noun says what, not when: "à la lumière du matin", "le prix
    de la nuit" (not "huit heures du matin", whose hour is read apart)."""
    noun = _qualified_noun(tokens, i)
    if noun is None:
        return False
    low = noun.lower_
    # "en début de soirée", "à l'heure du soir", and what is published: "les lives du soir" are a slot
    return not (_HOUR.match(low) or low in _TIME_FRAMES or low.startswith(_activity_prefixes()))


def _one_occasion(tokens: list[Token], i: int, part: str) -> bool:
    """A part of the day said of one occasion or of someone's day is no advised slot: "ce soir",
    "à soir" (Québec), "leur samedi soir" ("le soir même" of an event is a slot: "envoyez les photos le
    soir même", "annoncez le live le matin même")."""
    if i == 0:
        return False
    before = tokens[i - 1].lower_
    days = load_json("timing.json")["days"]
    if before == "à" and part in {"soir", "matin"}:
        # "à soir" is tonight in Québec, but "le jeudi à soir" every Thursday evening
        return not (i > 1 and tokens[i - 2].lower_ in days and not _not_a_slot(tokens, i - 2))
    if before in _ONE_OCCASION:
        return True
    return before in days and _not_a_slot(tokens, i - 1)


def _qualifies_hour(tokens: list[Token], i: int) -> bool:
    """"du matin" in "à 3h du matin": the hour says the part of the day ("night"), not the word."""
    j = i - 1
    if j >= 0 and tokens[j].lower_ == "l'":
        j -= 1
    if j < 1 or tokens[j].lower_ not in {"du", "de"}:
        return False
    word = tokens[j - 1].lower_  # not "à l'heure du goûter"
    counted = word in _HOUR_UNITS and j >= 2 and _number(tokens[j - 2]) is not None
    return counted or word in {"demie", "quart"} or bool(_HOUR.match(word))


def part_of_day(hour: int) -> str:
    for low, high, name in load_json("timing.json")["hour_ranges"]:
        if low <= hour <= high:
            return name
    return "night"


def _format_hours(hours: list[tuple[int, int, int]], ranged: bool) -> list[str]:
    labels = [f"{h:02d}:{m:02d}" for h, m, _ in hours]
    return [f"{labels[0]}-{labels[1]}"] if ranged else labels


def _is_range(tokens: list[Token], hours: list[tuple[int, int, int]]) -> bool:
    """Two hours said as one range: "entre 19h et 21h", "de huit à dix heures" (not "beaucoup de
    bureaux finissent à seize heures, mais à midi")."""
    if len(hours) != 2:
        return False
    (_, _, first), (_, _, second) = hours
    return (first > 0 and tokens[first - 1].lower_ in {"entre", "de"}
            and second > 0 and tokens[second - 1].lower_ in {"et", "pis", "à", "-"})
