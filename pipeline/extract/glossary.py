"""Glossary entries: the concept an episode defines, and the guest's defining passage.

The term comes from the host's defining question ("quelle serait ta définition de ...",
"c'est quoi ...", "X, ça te parle ?"), from the answer when the question leaves it out, from a
name asked for and given ("Il y a un nom pour ça ? — Oui, c'est le freemium."), or from a word of
the day ("Notre mot de la semaine, c'est le bad buzz.").  Failing those, a sentence that opens by
defining a concept early in the episode ("Le churn, c'est la part de …"), or an acronym spelled
out, gives it when the concept was named just before or in the title; so does a name that says
itself a name ("C'est ce qu'on appelle l'effet de réseau.", "C'est ça, le mobile money : …"); and
the title's concept counts when a guest defines it or the host says the word of the day is in the
title.  When none of these names a concept, a model weighs the noun phrases the text treats as words
to explain (``term_model``).  The definition is the answer that follows.  A glossary of digital concepts: a craft, a
dish or a fabric defined at length gives no entry.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import takewhile

from spacy.language import Language

from ..evaluate import terms_match
from ..lexicons import load_json, load_words, unaccented
from ..records import Episode, GlossaryEntry, Sentence
from .features import SECOND_PERSON_POSSESSIVES
from .summary import clean
from .term_model import (ACRONYM_TOKEN, ENGLISH_GERUND, ENGLISH_LOOK, MEANING_QUESTION as _MEANING_QUESTION,
                         SUBJECTLESS_DEFINITION, TERM_FEATURE_NAMES, TermCandidate, candidate_terms, fold,
                         french_lexicon, has_evidence, is_acronym, load_term_model, term_features)

MAX_DEFINITION_SECONDS = 90.0
MAX_DEFINITION_SENTENCES = 8
_DET = r"(?:(?:une|un|les|le|la|des|du|de la)\s+|(?:de l'|l'|l’))?"
_TERM = r"(?P<t>[^?,;.!]{3,60})"
# a term said first, the question after it: "Le SEO, concrètement, c'est quoi ?"
_FRONTED_TERM = r"(?:^(?:et |alors |mais |bon |donc )?|[,:] )" + _DET + _TERM
_QUESTIONS = [
    re.compile(r"d[ée]finition (?:de |du |des |d'|d’)" + _DET + _TERM, re.IGNORECASE),
    re.compile(r"c'est quoi,? (?:exactement,? |concrètement,? |vraiment,? )?" + _DET + _TERM, re.IGNORECASE),
    # (an article after "qu'est-ce que": "Qu'est-ce que disent les études ?" asks for no definition)
    re.compile(r"qu'est-ce que (?:c'est,? (?:que )?" + _DET + r"|(?:une|un|les|le|la|des|du|de la)\s+|l'|l’)" + _TERM,
               re.IGNORECASE),
    re.compile(r"(?:qu'entend-on|qu'entends-tu|qu'entendez-vous|qu'est-ce qu'on entend|qu'est-ce que tu entends"
               r"|qu'est-ce que vous entendez) par " + _DET + _TERM, re.IGNORECASE),
    re.compile(r"(?:que|qu'est-ce que) (?:veut dire|signifie|recouvre) (?:exactement |vraiment )?" + _DET
               + r"(?:terme |mot |concept |notion )?(?:de |d'|d’)?" + _TERM, re.IGNORECASE),
    re.compile(r"(?:ça|ca|cela) (?:veut dire|signifie|désigne|consiste en) quoi,? " + _DET + _TERM, re.IGNORECASE),
    # "qu'est-ce qu'on appelle un ambassadeur ?", "qu'appelle-t-on le SEO ?", "tu peux nous définir le reciblage ?",
    # "si tu devais définir la notoriété en une phrase ?"
    re.compile(r"(?:qu'est-ce qu'on appelle|qu'appelle-t-on|ce qu'on appelle|ce que l'on appelle) " + _DET + _TERM,
               re.IGNORECASE),
    # "Et c'est ça que tu appelles l'analyse de cohorte ?"
    re.compile(r"\b(?:ça|ce) (?:que tu appelles|que vous appelez|qu'on appelle|que l'on appelle) " + _DET + _TERM,
               re.IGNORECASE),
    re.compile(r"(?:peux-tu|pouvez-vous|tu peux|vous pouvez|tu pourrais|vous pourriez|si tu devais|si vous deviez)"
               r" (?:nous |me )?(?:définir|résumer) " + _DET + _TERM, re.IGNORECASE),
    re.compile(r"\bdéfini(?:s|ssez)-(?:nous|moi) " + _DET + _TERM, re.IGNORECASE),
    # "Si je te dis expérience utilisateur, tu me réponds quoi ?"
    re.compile(r"\bsi je (?:te|vous) dis,? " + _DET + _TERM + r",? (?:tu|vous) (?:me )?(?:réponds|répondez|dis|dites"
               r"|penses|pensez) (?:à )?quoi", re.IGNORECASE),
    re.compile(r"comment (?:est-ce que )?(?:tu |vous |on )?(?:définirais|définiriez|définis|définissez|définit|définir"
               r"|expliquerais|expliqueriez|expliquer)(?:-tu|-vous|-on)? " + _DET + _TERM, re.IGNORECASE),
    re.compile(r"expliqu(?:e|ez|er)(?:-nous|-moi|-leur)? (?:(?:simplement|rapidement|brièvement|concrètement|vite"
               r"|en deux mots|en quelques mots),? )?(?:ce qu'est|ce que c'est,?|ce que sont|ce que veut dire) "
               + _DET + _TERM, re.IGNORECASE),
    # the term first, then the question: "Le SEO, concrètement, c'est quoi ?", "Et le dropshipping, tu le
    # définirais comment ?"
    # ("Une mairie sur les réseaux, concrètement, c'est quoi ?" asks what one looks like, not for a definition)
    re.compile(_FRONTED_TERM
               + r"\s?[,:]? (?P<aside>(?:concrètement|exactement|au juste|pour toi|pour vous|selon toi|selon vous),? )?"
               r"(?:c'est quoi|qu'est-ce que c'est|ça consiste en quoi|ça veut dire quoi|ça désigne quoi|kézako"
               r"|qu'est-ce que ça veut dire|qu'est-ce que ça signifie|c'est-à-dire"
               # "Lucas, l'e-mailing, ça te parle ?", "gamification ou ludification : qu'est-ce qui se cache derrière ?",
               # "Le coût par clic, pour ceux qui ne connaissent pas ?"
               r"|ça (?:te|vous) parle|ça (?:t'|vous )évoque quoi|qu'est-ce qui se cache derrière|qu'est-ce qu'il y a derrière"
               r"|il y a quoi derrière|pour (?:ceux|celles) qui ne (?:connaissent|savent) pas"
               r"|(?:tu|vous) (?:le|la|les) (?:définirais|définiriez|expliquerais|expliqueriez) comment)", re.IGNORECASE),
    # the term first, then a request to explain it in other words: "Alors, l'identité visuelle, si tu
    # devais l'expliquer à quelqu'un qui vend des tomates, tu lui dirais quoi ?"
    re.compile(_FRONTED_TERM
               + r", (?:[^?.!]{0,60}?\s)?(?:l'|l’|le |la |les )(?:expliquer|définir|résumer|expliquerais|expliqueriez"
               r"|définirais|définiriez|résumerais|résumeriez)\b", re.IGNORECASE),
]
# a defining question that leaves its term to the sentence before ("… le storytelling. Quelle serait
# ta définition ?"): the answer names it first ("Le storytelling, c'est raconter une histoire …")
_TERMLESS_QUESTION = re.compile(
    r"\b(?:ta|votre|sa|ton) définition\b|\bdéfinirais-tu\b|\bdéfiniriez-vous\b|ça veut dire quoi|ça signifie quoi"
    r"|^(?:et |alors |mais |bon )?(?:c'est quoi|qu'est-ce que c'est)(?:,? (?:exactement|concrètement|au juste|vraiment"
    # in the guest's own words: "C'est quoi, avec tes mots ?", "C'est quoi, pour toi ?"
    r"|(?:avec|en|dans) (?:tes|vos|tes propres|vos propres|deux|trois|quelques|des|de simples) mots|simplement"
    r"|pour (?:toi|vous)|selon (?:toi|vous)))?\s*\?"
    # the term named just before and pointed back to: "Ces deux mots, comment tu les traduirais ?",
    # "Derrière ces mots, concrètement, il y a quoi ?"
    r"|\b(?:ce|ces|cet|cette)(?: deux| trois)? (?:mots?|termes?|expressions?|notions?|concepts?)\b"
    # or pointed back to by a pronoun: "Co-branding. … Tu le résumes comment ?", "Définis-le en une phrase."
    r"|\b(?:tu|vous|on) (?:le|la|les|l'|l’) ?(?:résum|défini|expliqu|tradui|racont)\w*"
    r"|\b(?:résum|défini|expliqu|tradui|racont)\w*-(?:le|la|les)\b"
    # what a word covers: "Il recouvre quoi ?", "Qu'est-ce qu'on met derrière ?", "Tu nous expliques ?"
    r"|\b(?:il|elle|ça) (?:recouvre|désigne|englobe) quoi\b|\bqu'est-ce qu'on met derrière\b"
    r"|^(?:et |alors |bon )?(?:tu|vous) (?:nous |m')?(?:expliques|expliquez)\s*\?"
    # in English, as hosts who switch languages ask: "So, what is it, en français ?"
    r"|\bwhat (?:is it|does it mean)\b",
    re.IGNORECASE,
)
# a request for a definition said without a question mark ("Explique-nous ce qu'est le SEO.")
_DEFINING_REQUEST = re.compile(r"définition|\bexpliqu|\bdéfini(?:s|ssez|r)\b", re.IGNORECASE)
# "Notre mot du jour, c'est la programmation des publications.", "Notre mot de la semaine, c'est le bad buzz."
# ("… le mot de la semaine, un mot un peu barbare : le géociblage.": the term is what follows the colon;
# "Aujourd'hui, notre mot, c'est l'abandon de panier.")
_OF_THE_DAY = (r"(?:mot|terme|concept|thème|expression|notion)(?: clé| clef)? (?:du jour|du soir|de la semaine|de la soirée"
               r"|du mois|de l'épisode|de l'émission|de ce soir|d'aujourd'hui)")
_WORD_OF_THE_DAY = re.compile(
    r"(?:" + _OF_THE_DAY + r"(?:,? [^:,.?!]{0,30}:)?,? (?:c'est |ce sera |:\s*)?"
    r"|\bnotre (?:mot|terme|thème|concept),? (?:c'est |ce sera |:\s*))" + _DET + _TERM,
    re.IGNORECASE)
# How far back the question asking for a definition may follow the word of the day ("Notre mot du
# soir, c'est le teasing. Imagine que tu l'expliques à un épicier. Tu lui dis quoi ?")
WORD_OF_THE_DAY_SENTENCES = 3
# the sentence before a bare "C'est quoi exactement ?" that names what it asks about
_TERM_ANNOUNCED = [
    re.compile(r"parler (?:de |du |des |d'|d’)" + _DET + _TERM, re.IGNORECASE),
    # "Aujourd'hui, on parle gamification."
    re.compile(r"\bon parle (?P<t>[^?,;.!:]{3,40})[.!]?$", re.IGNORECASE),
    _WORD_OF_THE_DAY,
    # a word announced after a colon: "Tu m'as dit que ça avait un nom : employee advocacy.", "Il y a un
    # mot que tes clients prononcent tout le temps : le display."
    re.compile(r"\b(?:un|le|ce) (?:mot|nom|terme)\b[^:]{0,80}:\s*" + _DET + r"(?P<t>[^?,;.!:]{2,40})[.!]?$",
               re.IGNORECASE),
    # the term said alone: "Alors, contenu interactif."
    re.compile(r"^(?:(?:et|alors|donc|bon),?\s+)?" + _DET + r"(?P<t>[^?,;.!]{3,40})[.!]?$", re.IGNORECASE),
]
_DEFINING_ANSWER = re.compile(
    r"^(?:alors,? |eh bien,? |bon,? |pour moi,? |en fait,? )?" + _DET + _TERM + r",? (?:c'est|ça veut dire|désigne|signifie)\b",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"\s+(selon (toi|vous)|pour (toi|vous)|d'après (toi|vous)|aujourd'hui|exactement|concrètement|en fait|"
    r"au juste|en (?:une|deux|trois|quelques) (?:phrases?|mots?)|dans le monde.*|chez (toi|vous)|pour nos .*|"
    r"pour ceux .*|à (?:ma|mon|ta|ton|un|une|nos|vos|quelqu'un) .*)$",
    re.IGNORECASE,
)
# pronouns and common finite verbs: with one of them the words are a clause, not a term
_CLAUSE_WORDS = {
    "je", "j'", "tu", "t'", "il", "elle", "on", "nous", "vous", "ils", "elles", "qui", "que", "qu'", "me",
    "m'", "te", "se", "s'", "lui", "c'", "ça", "cela", "est", "sont", "a", "ont", "as", "ai", "êtes", "suis",
    "sommes", "était", "fait", "font", "peut", "peux", "faut", "va", "vas", "vais", "quoi",
}
# what a "c'est quoi ..." question asks about when it is not a concept
_NOT_TERMS = {
    "ça", "cela", "tout ça", "toi", "vous", "concrètement", "exactement", "vraiment", "ton parcours", "votre parcours",
    "ton métier", "votre métier", "ton rôle", "votre rôle", "ton travail", "votre travail", "le problème", "problème",
    "la différence", "différence", "le secret", "secret", "plus important", "plus dur", "ton conseil", "votre conseil",
    "quoi", "pour toi", "pour vous", "selon toi", "selon vous", "d'après toi", "d'après vous", "au juste",
    "pour moi", "moi", "en gros", "en bref", "simple", "facile", "euh", "ben", "bon", "hein",
    "ouais", "oui", "non", "voilà", "ah", "bah", "ok", "d'accord", "genre",  # "Ouais, c'est ce qu'on dit."
    "aujourd'hui", "maintenant", "demain", "même",  # "Hameçonnage, c'est quoi même ?"
    # "c'est quoi, l'idée ?" asks what a project is for
    "idée", "l'idée", "principe", "le principe", "but", "le but", "objectif", "l'objectif", "plan", "le plan",
    # "C'est quoi l'affaire ?", "c'est quoi ce truc ?": what the host just saw, named by the answer
    "affaire", "l'affaire", "cette affaire", "truc", "le truc", "ce truc", "chose", "la chose", "cette chose",
    "histoire", "l'histoire", "cette histoire", "machin", "le machin", "ce machin",
}

# (and "comme": "le balafon, c'est quoi comme instrument ?" asks for a kind, not a definition)
_PREPOSITIONS = {"pour", "dans", "sur", "avec", "en", "à", "au", "aux", "chez", "par", "sans", "comme", "derrière", "devant",
                 "sous", "entre", "vers", "depuis", "pendant", "selon", "parmi", "avant", "après", "contre"}
_ARTICLES = {*load_json("determiners.json")["articles"], "l’"}
_DEFINITE = {"le", "la", "l'", "l’"}  # the articles that name one known thing
_CONTRACTED_ARTICLES = {"l", *load_json("determiners.json")["contracted"]}  # "l'", "au", "aux" before a noun
# "c'est quoi, l'erreur à pas faire ?", "la plus grosse erreur", "ton astuce": a request for advice
_ADVICE_NOUNS = {"erreur", "erreurs", "piège", "pièges", "astuce", "astuces", "conseil", "conseils", "truc", "trucs",
                 "secret", "secrets", "priorité", "priorités", "méthode", "méthodes", "recette", "recettes",
                 "étape", "étapes", "démarche", "solution", "solutions"}


# "c'est quoi, la meilleure journée pour Instagram ?", "l'heure idéale": a question asking for the best, not a concept
_SUPERLATIVES = {"meilleur", "meilleure", "meilleurs", "meilleures", "pire", "pires", "idéal", "idéale", "idéaux",
                 "idéales", "mieux"}


def _not_concepts() -> frozenset[str]:
    """Networks, days, parts of the day, units of time and of money: what "X, c'est …" sets out to
    describe, never a concept to define ("Facebook, c'est le local.", "Le dimanche, c'est la famille.",
    "mille francs CFA")."""
    networks = load_json("networks.json")
    timing = load_json("timing.json")
    words = [name for key, aliases in networks.items() if not key.startswith("_") for name in [key, *aliases]]
    words += [*timing["days"], *timing["day_groups"], *timing["times_of_day"], *timing["frequency_units"],
              *timing["duration_units"], *timing["budget_units"]]
    return frozenset(_fold(word) for word in words)


_fold = fold


_NOT_CONCEPTS = _not_concepts()
# the words of digital technology the vocabulary of publishing leaves out ("un e-mail qui te revient")
_DIGITAL_WORDS = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(unaccented(word)) for word in load_words("digital_vocabulary.txt")) + ")",
    re.IGNORECASE)


def _said_to_be(file: str, lead: str = "") -> re.Pattern:
    """"c'est" or "ce sont", then ``lead``, then one of the words of the data ``file`` (accents aside)."""
    words = "|".join(re.escape(unaccented(entry)) for entry in load_words(file))
    return re.compile(r"\b(?:c'est|ce sont)\s+" + lead + "(?:" + words + r")(?![\w-])", re.IGNORECASE)


# a definition that says its term is a person or a trade ("Un gemmeur, c'est celui qui récolte la résine")
_NAMES_A_PERSON = _said_to_be("person_definitions.txt")
# a definition that says its term is a thing of the physical world or of a local culture ("La garbure, c'est une
# soupe paysanne", "Une varlope, c'est un grand rabot"): a determiner and at most two words may come first
_NAMES_A_THING = _said_to_be("thing_definitions.txt", lead=r"(?:(?:un|une|le|la|l'|les|des|du)\s*)?(?:[^\W\d]+\s+){0,2}")
# the opening sentences of a definition, where it says what its term is
DEFINING_SENTENCES = 2
# the sentences of an episode that introduce its show
INTRODUCTION_SENTENCES = 2


# a question put to the guest's own case asks for advice ("Pour une marque comme la tienne, le haut
# du tunnel, c'est quoi ?"), not for a definition
_OWN_CASE = re.compile(r"\bcomme (?:la|le|les) (?:tienne|tien|tiens|tiennes|vôtre|vôtres)\b|\bdans (?:ton|votre) cas\b",
                       re.IGNORECASE)


# the words of a defining question in speech without punctuation ("le cross selling ça consiste en quoi")
_SPOKEN_QUESTION = re.compile(r"\bquoi\b|\bqu'est-ce\b|\bkézako\b", re.IGNORECASE)
_SPOKEN_FILLER = re.compile(r"\s(?:en fait|bon|euh|ben|bah|alors|donc|genre|c'est|ça)\s")
# a question about the guest's own view or use of something
_PERSONAL = re.compile(r"\b(?:pour|selon|chez) (?:toi|vous)\b|\bdans (?:ta|votre) vie\b", re.IGNORECASE)


def _term_in_question(text: str, names: frozenset[str] = frozenset()) -> str | None:
    """The concept a defining question asks about.  The words the pattern captured must be a noun
    phrase, not a clause ("qu'est-ce que tu en as tiré comme leçon" asks for no definition); when
    they are only an aside ("c'est quoi pour toi, le UGC ?") the phrase after the comma is taken.
    Words, not the tagger, decide: it tags loanwords as verbs ("le live shopping")."""
    if _OWN_CASE.search(text):
        return None
    personal = _PERSONAL.search(text)
    for pattern in _QUESTIONS:
        m = pattern.search(text)
        if not m or m.groupdict().get("aside") and re.search(r"\bune? $", text[: m.start("t")], re.IGNORECASE):
            continue
        rest = re.split(r"[?.!;]", text[m.start("t"):], maxsplit=1)[0]
        pieces = re.split(r"[,:]", rest)[:3]
        if m.end("t") < m.end():
            # a term said before its question: first the words the pattern captured, which may hold no
            # comma ("alors nadia le cross selling ça consiste en quoi")
            pieces.insert(0, m.group("t"))
        for piece in pieces:
            if not any(mark in text for mark in ",.?!"):
                # speech without punctuation: the term ends where the speaker fills or goes on
                # ("c'est quoi le paiement à la livraison en fait bon c'est simple")
                piece = _SPOKEN_FILLER.split(f" {piece} ", maxsplit=1)[0]
            if _SUPERLATIVES.intersection(_words(piece)):
                return None  # "c'est quoi, la meilleure journée pour Instagram ?" asks for advice
            term = _noun_phrase(piece, names)
            if term and personal and _fold(term) in _NOT_CONCEPTS:
                return None  # "Et aujourd'hui, Instagram, c'est quoi pour toi ?": what it is to the guest
            if term:
                return term
            if _is_clause(piece):
                break  # "qu'est-ce que tu conseilles, pour le rythme ?": no term after a clause
    return None


# a question that repeats the start of a word just heard, and stops ("Son frequency… ?")
_TRUNCATED_ECHO = re.compile(
    r"^(?:(?:et|alors|ton|ta|tes|son|sa|ses|votre|vos|le|la|les|un|une|du|des)\s+|l')*"
    r"(?P<w>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2})\s*(?:…|\.\.\.)\s*\?$", re.IGNORECASE)


def _echoed_term(question: str, previous: str, names: frozenset[str]) -> str | None:
    """The term a truncated echo asks about, whole as the sentence before said it ("… régler son
    frequency capping. — Son frequency… ?" asks about the frequency capping)."""
    m = _TRUNCATED_ECHO.match(question.strip().replace("’", "'"))
    if not m:
        return None
    said = re.search(r"\b" + re.escape(m.group("w")) + r"\b(?P<rest>(?:\s+[^\W\d_][\w'-]*){0,3})", previous, re.IGNORECASE)
    if not said or not said.group("rest"):
        return None
    echoed = m.group("w").split()
    # the words that complete it, up to a preposition: "son frequency capping sur la campagne"
    rest = list(takewhile(lambda w: w.lower() not in _LINKING_WORDS | _PREPOSITIONS, said.group("rest").split()))
    return _noun_phrase(" ".join(echoed + rest), names) if rest else None


# a word given as others' jargon ("Du cold emailing, comme disent les commerciaux.")
_JARGON = re.compile(r"^(?:(?:et|alors|bref|donc)\s+)?" + _DET + r"(?P<t>[^?,;.!:]{2,40}),\s+comme (?:on dit|on l'appelle|disent|l'appellent|dirait)\b",
                     re.IGNORECASE)
# how many sentences before a request to explain the jargon it asks about may be said
JARGON_SENTENCES = 3


def _jargon_before(sentences: list[Sentence], i: int, names: frozenset[str]) -> str | None:
    """The jargon a request to explain asks about, said just before it ("Du cold emailing, comme
    disent les commerciaux. — Alors explique ça …")."""
    for k in range(i - 1, max(-1, i - 1 - JARGON_SENTENCES), -1):
        if m := _JARGON.search(sentences[k].text.strip().replace("’", "'")):
            return _noun_phrase(m.group("t"), names)
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[\w/]+'?|'", text.lower().replace("’", "'"))  # "A/B" is one word


def _is_clause(piece: str) -> bool:
    """A clause of its own, not the question's "c'est" ("Qu'est-ce que c'est, la marque employeur ?")."""
    words = _words(_TRAILING.sub("", " " + piece.strip()))
    return words not in (["c'", "est"], ["c'est"]) and bool(_CLAUSE_WORDS.intersection(words))


def _noun_phrase(piece: str, names: frozenset[str]) -> str | None:
    """``piece`` as a term: its article and trailing asides dropped; None when it is a clause, a
    speaker's name or a word that names no concept."""
    term = _TRAILING.sub("", piece.strip())
    # a name said without a comma before the term ("alors nadia le cross selling ça consiste en quoi")
    if term[:1].islower() and (m := re.match(r"^((?:[^\W\d]+ ){1,2})(?=(?:le|la|les|un|une) )", term)):
        if not set(m.group(1).split()) & (_PREPOSITIONS | {"de", "du", "des"}):
            term = term[m.end():]
    term = re.sub(r"^(?:c'est |c’est |que )?(?:l'|l’|le |la |les |un |une |des |du )?", "", term,
                  flags=re.IGNORECASE).strip(" '\"«»:")
    # "c'est quoi, Élise ?" names the guest; "c'est quoi, BookTok ?" names a concept
    first = term.split()[0].lower() if term.split() else ""
    # "Awa" may be a name, "B-roll" is not
    capitalised_word = term[:1].isupper() and not term.isupper() and not any(c.isupper() for c in term[1:]) \
        and not re.match(r"^\w{1,2}-", term)
    # "ah djelika ma fille d'abord c'est quoi ton heure": speech before a question, not its term
    vocative = first in names or (capitalised_word and len(term.split()) == 1 and not names) or first in (
        "alors", "donc", "et", "ah", "oh", "eh", "euh", "bon", "ben", "bah", "mais", "oui", "non", "ok", "hein")
    words = _words(re.sub(r"(?<!\w)\w-(?=\w)", "", term))  # the letter of "A-roll" is no verb "a"
    # "c'est quoi, ton plus gros défi ?", "ta vitrine": the guest's own, not a concept; "pour le
    # rythme" qualifies a question
    owned_or_qualifier = first in SECOND_PERSON_POSSESSIVES or first in _PREPOSITIONS
    # "Nonante minutes, c'est un film.": a quantity, not a concept
    counted = first.isdigit() or (first in load_json("timing.json")["numbers"] and first not in ("un", "une"))
    if (term.lower() not in _NOT_TERMS and not vocative and not owned_or_qualifier and not counted
            and 1 <= len(term.split()) <= 6 and not _SUPERLATIVES.intersection(words)
            and not _CLAUSE_WORDS.intersection(words) and not _ADVICE_NOUNS.intersection(words)):
        return term
    return None


def _term_of_answer(question: str, answer: str, names: frozenset[str], before: str = "") -> str | None:
    """The term a question without one asks about, as its answer names it first, or as the
    sentence before announces it ("On entend beaucoup parler de tunnel de vente. C'est quoi ?")."""
    if not _TERMLESS_QUESTION.search(question):
        return None
    # the first that names a term: an announcement may be no term ("Le mot de ce soir, trois auditeurs
    # me l'ont envoyé : shadowban.") where the answer names it ("Le shadowban, c'est …")
    found = [pattern.search(before.strip()) for pattern in _TERM_ANNOUNCED] + [_DEFINING_ANSWER.search(answer.strip())]
    return next((term for m in found if m and (term := _noun_phrase(m.group("t"), names))), None)


# a question asking for the name of what the host has just described ("Il y a un nom pour ça, non ?"),
# and the reply that gives it ("Oui, c'est le freemium.", "Ça s'appelle le retargeting.")
_NAMING_QUESTION = re.compile(r"\bun nom\b|\bcomment (?:ça|cela|on) s'appelle|\bon appelle (?:ça|cela) comment"
                              r"|\bun mot pour (?:ça|cela)", re.IGNORECASE)
# said of what the guest did, as good as a question: "Tu m'as dit que ça avait un nom."
_HAS_A_NAME = re.compile(r"\b(?:ça|cela) (?:a|avait|porte|portait) (?:même )?un nom\b", re.IGNORECASE)
# the words a reply may open with before it names something ("Oui, …", "Ah, …", "Eh bien, …")
_REPLY_OPENER = r"^(?:(?:oui|ah|oh|alors|eh bien|ben|bah|bon|voilà|exactement|bien sûr|tout à fait)[,!.]?\s+)*"
_NAMING_REPLY = re.compile(
    _REPLY_OPENER + r"(?:c'est|ça s'appelle|cela s'appelle|on appelle ça|on dit|ça porte un nom,?)\s+" + _DET + r"(?P<t>[^?,;.!:]{2,40})[.!]?$",
    re.IGNORECASE)
# the name alone after a yes, then its gloss: "Oui, le product-led growth, le PLG entre nous."
_YES_AND_NAME = re.compile(r"^(?:oui|exactement|tout à fait|voilà)[,!.]?\s+" + _DET + r"(?P<t>[^?,;.!:]{2,40})[,.]", re.IGNORECASE)


# a reply that names what the question asked about, before defining it ("C'était quoi, cette
# affaire-là ? — Ça, c'est une hallucination. … C'est une réponse inventée …", "C'est quoi ? — Ah,
# le CTR. C'est la part des gens qui cliquent …", "Laquelle ? — L'intention de recherche.")
_NAMING = re.compile(
    _REPLY_OPENER + r"(?:(?:ça|ceci|cela),?\s+)?(?:(?:c'est|c'était)\s+)?"
    r"(?:une|un|les|le|la|des|du|de la|l'|l’)\s*(?P<t>[^?,;.!:]{2,40})[.!]?$", re.IGNORECASE)
NAMED_THEN_DEFINED_SENTENCES = 3


def _defines_without_subject(sentence: Sentence) -> bool:
    return bool(SUBJECTLESS_DEFINITION.search(sentence.text.strip().replace("’", "'")))


def _defined_next(sentences: list[Sentence], k: int) -> bool:
    """The sentence after ``k`` defines what ``k`` named, leaving its subject out."""
    return k + 1 < len(sentences) and _defines_without_subject(sentences[k + 1])


# a first word of reply before the name ("Tout à fait exprès.", "Oui, bien sûr.")
SHORT_REPLY_WORDS = 4


def _named_then_defined(sentences: list[Sentence], answer: int, names: frozenset[str]) -> str | None:
    """The concept a short reply names, when one of the sentences after it defines it; the name may
    come right after a first word of reply ("Vous faites ça exprès ? — Tout à fait exprès. C'est du
    gated content. C'est un peu comme l'échantillon …")."""
    m = _NAMING.search(sentences[answer].text.strip().replace("’", "'"))
    if not m and len(sentences[answer].text.split()) <= SHORT_REPLY_WORDS and answer + 1 < len(sentences) and (
            sentences[answer + 1].role == sentences[answer].role):
        answer += 1
        m = _NAMING.search(sentences[answer].text.strip().replace("’", "'"))
    term = _noun_phrase(m.group("t"), names) if m else None
    if not term or _fold(term) in _NOT_CONCEPTS:
        return None
    after = sentences[answer + 1:answer + 1 + NAMED_THEN_DEFINED_SENTENCES]
    defined = any(_defines_without_subject(x)
                  or f" {_fold(term)} " in f" {_fold(x.text)} " and " c est " in f" {_fold(x.text)} " for x in after)
    return term if defined else None


def _named_in_reply(question: str, reply: str, names: frozenset[str]) -> str | None:
    """The name the reply gives to what a question asked to name ("Il y a un nom pour ça ? — Oui,
    c'est le freemium.")."""
    if not _NAMING_QUESTION.search(question):
        return None
    reply = reply.strip().replace("’", "'")
    # the name alone answers too: "Il a un nom, j'imagine ? — La profondeur de scroll."
    m = _NAMING_REPLY.search(reply) or _YES_AND_NAME.search(reply) or _NAMING.search(reply)
    return _noun_phrase(m.group("t"), names) if m else None


def _word_of_the_day(sentences: list[Sentence], question: int, answer: int, names: frozenset[str]) -> str | None:
    """The word of the day announced just before the first question that follows it, whatever
    its phrasing ("… c'est le bad buzz. Ta grand-mère n'a jamais ouvert Facebook. Comment tu le lui
    racontes ?"), when the answer names it, as a definition does ("Le bad buzz, c'est pareil, mais
    en ligne."), and not "Et tu programmes quand ? — Le mardi soir."."""
    for k in range(question - 1, max(question - 1 - WORD_OF_THE_DAY_SENTENCES, -1), -1):
        if sentences[k].is_question:
            return None
        if m := _WORD_OF_THE_DAY.search(sentences[k].text):
            term = _noun_phrase(m.group("t"), names)
            reply = " ".join(s.text for s in sentences[answer:answer + WORD_OF_THE_DAY_SENTENCES])
            return term if term and _fold(term) in _fold(reply) else None
    return None


def title_term(title: str | None, nlp: Language) -> str | None:
    """The last noun phrase of the title's topic ("Comment acquérir de l'influence digitale ?")."""
    if not title:
        return None
    topic = (title.split(":", 1)[-1] if ":" in title else title).replace("’", "'")
    # "Le contenu interactif, ou comment faire parler sa communauté ?": the term before its gloss
    # ("Le co-branding, quand deux marques signent ensemble", "L'edutainment, apprendre en s'amusant")
    topic = re.split(r",\s+(?:ou|quand|comment|pourquoi|ce qui|ce que)\b", topic, maxsplit=1)[0]
    before_comma = topic.split(",", 1)[0].strip()
    words = re.sub(r"^([lL]['’])\s*", r"\1 ", before_comma).split()  # "l'échelle de valeur, …"
    if before_comma != topic.strip() and 1 < len(words) <= 5 and words[0].lower() in _ARTICLES:
        # a short name before its gloss, whole: the tagger splits loanwords off ("Le contenu faceless, …")
        return " ".join(words[1:])
    if ACRONYM_TOKEN.match(before_comma):
        return before_comma  # "YMYL, quand Google devient exigeant": the tagger reads no noun in it
    if subject := _title_subject(nlp(topic.strip())):
        return subject
    for part in dict.fromkeys((topic.split(",", 1)[0], topic)):
        chunks = [c for c in nlp(part).noun_chunks if any(t.pos_ == "NOUN" for t in c)]
        if chunks:
            words = [t for t in chunks[-1] if t.pos_ not in ("DET", "ADP") and not t.is_punct]
            return " ".join(t.text for t in words) or None
    return None


_NAMING_TAGS = ("NOUN", "PROPN", "ADJ", "X")  # the words a name is made of
MAX_TITLE_SUBJECT_WORDS = 4


def _title_subject(doc) -> str | None:
    """The thing a title says something of, named first with a definite article and followed by its
    verb ("la cancel culture touche-t-elle aussi les marques ?", "Le SMS marketing expliqué par une
    maroquinière de la médina"): the concept, not the last noun said. A plural subject is an audience
    ("Les marques ont-elles besoin d'un community manager ?")."""
    if len(doc) < 3 or doc[0].lower_ not in _DEFINITE or "Plur" in doc[0].morph.get("Number"):
        return None
    words = []
    for i, tok in enumerate(doc[1:], start=1):
        complement = tok.lower_ in ("de", "d'", "d’", "à") and i + 1 < len(doc) and doc[i + 1].pos_ in _NAMING_TAGS
        # the verb, which the tagger may read as an adjective ("touche-t-elle")
        said = tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT" and tok.pos_ == "ADJ"
        if said or not (tok.pos_ in _NAMING_TAGS or complement):
            break
        words.append(tok)
    else:
        return None  # a name alone: the last noun phrase is the same
    if not said or not any(t.pos_ in ("NOUN", "PROPN", "X") for t in words) or len(words) > MAX_TITLE_SUBJECT_WORDS:
        return None
    return " ".join(t.text for t in words)


def _passage(sentences: list[Sentence], first: int, labelled: bool = True, term: str = "") -> list[int]:
    """The defining answer from sentence ``first``: up to the host's next turn or the next question.
    The guest may open with a question of their own when the sentence after it names the term
    ("Je lui dis : tu connais le rideau de ta boutique ? … Le teasing, c'est ça en ligne.")."""
    indices: list[int] = []
    for i in range(first, len(sentences)):
        s = sentences[i]
        if i == first and s.is_question and term and f" {_fold(term)} " in f" {_fold(s.text)} ":
            continue  # the question said back before the answer ("L'IA générative ? Oh, c'est les robots.")
        opening_image = not indices and bool(term) and _fold(term) in _fold(" ".join(x.text for x in sentences[i + 1:i + 3]))
        asks = s.is_question and not opening_image
        if s.role == "host" and labelled or asks or len(indices) >= MAX_DEFINITION_SENTENCES:
            break
        if indices and s.start is not None and sentences[indices[0]].start is not None:
            if s.start - sentences[indices[0]].start > MAX_DEFINITION_SECONDS:
                break
        indices.append(i)
    return indices


def find_glossary(episode: Episode, nlp: Language, labelled: bool = True, digital: list[bool] | None = None,
                  spans: list | None = None, learned: bool = True) -> tuple[list[GlossaryEntry], set[int]]:
    """Glossary entries of an episode and the sentence indices of their definitions (``labelled``:
    whether the source named its speakers; without names the roles are guessed, so the answer is
    taken to start right after the question rather than at the next guest sentence; ``digital``:
    for each sentence, whether it speaks of networks, publishing, selling or audiences: a concept
    is defined near such words, those of ``data/digital_vocabulary.txt`` or a title that has them,
    not a craft or the weather: "Le gel d'avril, c'est …"; ``spans``: the sentences parsed, for the
    model that weighs candidate terms when no pattern names one, unless ``learned`` is False)."""
    sentences = episode.sentences
    entries: list[GlossaryEntry] = []
    used: set[int] = set()
    seen: set[str] = set()

    # a glossary of digital concepts: the definition, the words just before it, or the episode's
    # title, description or file name speak of the digital world ("un e-mail qui te revient",
    # "Dictionnaire digital"), not of a craft or a dish only ("le balafon, c'est notre xylophone")
    announced = f"{episode.title or ''} {episode.description or ''} {episode.id.replace('_', ' ')}"
    digital_show = bool(_DIGITAL_WORDS.search(unaccented(announced)))
    # the show's own introduction ("le podcast des métiers du numérique")
    digital_intro = any(_DIGITAL_WORDS.search(unaccented(s.text)) for s in sentences[:INTRODUCTION_SENTENCES])

    def speaks_digital(k: int) -> bool:
        return digital[k] or bool(_DIGITAL_WORDS.search(unaccented(sentences[k].text)))

    def about_digital(passage: list[int]) -> bool:
        if digital is None or digital_show:
            return True
        # a person, a trade or a thing (a dish, a tool, a feast) is a digital concept only if the sentence that
        # says what it is speaks of the digital world, or the show says it does: "Une feutrière, c'est quelqu'un
        # qui fabrique du feutre … Mon fils met quelques chapeaux sur Facebook." is no entry, "bienvenue dans Penn
        # ar Code, le podcast des métiers du numérique … Le product owner, c'est celui qui décide …" is one
        saying = [k for k in passage[:DEFINING_SENTENCES] if _names_a_person_or_thing(sentences[k].text)]
        if saying:
            return speaks_digital(saying[0]) or digital_intro
        near = range(max(0, passage[0] - CONTEXT_SENTENCES), passage[-1] + 1)
        return any(speaks_digital(k) for k in near)

    def accepted(term: str, passage: list[int]) -> str | None:
        """The term as the entry names it, or None when it names nothing or the passage is not digital."""
        term = _filled_placeholder(term, [sentences[k].text for k in passage], names)
        return term if term and not _names_nothing(term, nlp) and about_digital(passage) else None

    def add(term: str, passage: list[int]) -> None:
        term = accepted(term, passage)
        if not term:
            return
        entries.append(_entry(episode, term, passage))
        used.update(passage)
        seen.add(_fold(term))

    names = _speaker_names(episode)
    named_by_question: set[str] = set()  # the terms a question names outright: "c'est quoi, le reciblage ?"
    # a speaker alone (a chronicle, a solo video) asks and answers: the answer is theirs
    labelled = labelled and any(s.role == "guest" for s in sentences)
    # speech-to-text without punctuation marks no question: a question's words tell it
    unpunctuated = not any("?" in s.text for s in sentences)
    infinitives = _infinitives(nlp)
    for i, sent in enumerate(sentences):
        # the role is not checked: without speaker labels a short question may be given to the guest
        if not sent.is_question and not _DEFINING_REQUEST.search(sent.text) and not (
                unpunctuated and _SPOKEN_QUESTION.search(sent.text)) and not _HAS_A_NAME.search(sent.text):
            continue
        answer = next((j for j in range(i + 1, len(sentences))
                       if sentences[j].role != "host" or sent.role != "host" or not labelled), len(sentences))
        before = sentences[i - 1].text if i and sentences[i - 1].role == sent.role else ""
        reply = sentences[answer].text if answer < len(sentences) else ""
        asked = _term_in_question(sent.text, names)
        term = asked or (
            _echoed_term(sent.text, sentences[i - 1].text, names) if i else None) or (
            _jargon_before(sentences, i, names) if _DEFINING_REQUEST.search(sent.text) else None) or (
            _term_of_answer(sent.text, reply, names, before) if reply else None
        ) or _word_of_the_day(sentences, i, answer, names) or _named_in_reply(sent.text, reply, names) or (
            _named_then_defined(sentences, answer, names) if reply and sent.is_question else None)
        if not term or _fold(term) in seen:
            continue
        # replies that only ask back ("L'IA générative ? Oh, c'est les robots, non ?"): the
        # definition is the first sentence after them that defines the term
        passage = _passage(sentences, answer, labelled, term) or next(
            (_passage(sentences, k, labelled, term) for k in range(answer, _early_end(sentences, with_minutes=True))
             if _defining_subject(sentences[k].text, names, infinitives) == term), [])
        if passage:
            add(term, passage)
            if asked and not _POINTING.match(asked):
                named_by_question.add(_fold(asked))
    topic = title_term(episode.title, nlp)
    title_concept = bool(topic) and _fold(topic) not in _NOT_CONCEPTS
    if not entries:
        # the first of: the title's concept, asked what it means ("Alors, mini-série. … ça veut dire
        # quoi ?"), and a concept defined early however it was asked for
        asked = _asked_about_title(sentences, topic, labelled, defining=True) if title_concept else []
        answered = _defined_in_answer(episode, names, labelled, infinitives)
        if asked and not (answered and answered[1] and answered[1][0] < asked[0]):
            add(topic, asked)
        elif answered:
            add(*answered)
    if topic and not any(_fold(topic) in s or s in _fold(topic) for s in seen):
        # the guest's sentence opens with it ("L'influence digitale, pour moi, c'est …", "La
        # délivrabilité, ce n'est pas seulement arriver quelque part, c'est …")
        # (in the singular: "Les places de marché en ligne, c'est …" for "la place de marché")
        defining = re.compile(r"^(?:(?:alors|bon|eh bien|pour moi|en fait) )?(?:(?:le|la|les|l|un|une|des|du) )?"
                              + re.escape(_singular_words(topic)) + r"\b.{0,40}\b(c est|ce n est|ca veut dire|signifie|designe)\b")
        start = next((i for i, s in enumerate(sentences)
                      if s.role != "host" and not s.is_question and defining.search(_singular_words(s.text))), None)
        if start is not None:
            add(topic, _passage(sentences, start))
        elif not entries and title_concept and (
                passage := _announced_by_title(sentences, labelled) or _asked_about_title(sentences, topic, labelled)):
            add(topic, passage)
    # the model weighs the candidates when no pattern named a term, and overrules a pattern's term that
    # no question named outright (a question's own words are the surest sign; weighing is not free)
    doubtful = len(entries) == 1 and _fold(entries[0].term) not in named_by_question
    if learned and spans is not None and (not entries or doubtful):
        scored = _scored_candidates(episode, spans, nlp, labelled)
        if not entries and (guess := _learned_term(episode, scored, labelled)):
            add(*guess)
        elif doubtful and (better := _surer_term(episode, scored, entries[0].term, labelled)) and accepted(*better):
            # a pattern's name the model doubts, where it is sure of another: "C'est ce mot-là" for
            # "la rétrocompatibilité", "la carte" for "la rate card"
            entries.clear()
            used.clear()
            add(*better)
    return entries, used


# the nouns that frame advice or a point ("La base, c'est d'annoncer les arrivages.", "La clé, c'est …"),
# folded: alone, with or without their article, they name no concept
_FRAMING_NOUNS = {"base", "cle", "regle", "astuce", "secret", "truc", "piege", "idee", "principe", "but", "objectif",
                  "erreur", "probleme", "priorite"}
_FOLDED_ARTICLE = re.compile(r"^(?:le|la|l) ")
# a rate said before "c'est …" ("Tous les quinze jours, c'est le maximum."): a rhythm, no concept
_RATE = re.compile(r"^(?:tous|toutes|chaque|une fois|deux fois|trois fois)\b")


def _names_nothing(term: str, nlp: Language) -> bool:
    """Whether the words a pattern took for a term are only grammar words and fillers ("Et là, c'est
    d'abord …", "Pis, c'est …") or a rate: no word to put in a glossary."""
    key = _fold(term)
    empty = _empty_words(nlp.lang)
    return bool(_RATE.search(key)) or _FOLDED_ARTICLE.sub("", key) in _FRAMING_NOUNS or all(
        word in empty for word in key.split())


@lru_cache(maxsize=2)
def _empty_words(lang: str) -> frozenset[str]:
    """The language's stop words and the one-word spoken fillers ("pis", "ben", "euh"), folded."""
    from spacy.util import get_lang_class

    words = [*get_lang_class(lang).Defaults.stop_words, *(w for w in load_words("fillers.txt") if " " not in w)]
    return frozenset(_fold(word) for word in words)


def _names_a_person_or_thing(text: str) -> bool:
    """Whether the sentence says its term is a person, a trade or a thing of the physical world."""
    text = unaccented(text.replace("’", "'"))
    return bool(_NAMES_A_PERSON.search(text) or _NAMES_A_THING.search(text))


def _speaker_names(episode: Episode) -> frozenset[str]:
    """The words of the speakers' names, lower case: "c'est quoi, Élise ?" calls a guest."""
    speakers = [*episode.guests, *episode.hosts, *(s.speaker or "" for s in episode.sentences)]
    return frozenset(word.lower() for name in speakers for word in name.split())


def term_candidates(episode: Episode, spans: list, nlp: Language, labelled: bool
                    ) -> list[tuple[TermCandidate, list[float]]]:
    """The noun phrases of the episode's first part that the text treats as words to explain, with
    the term model's inputs (``labelled``: whether the source named its speakers)."""
    sentences = episode.sentences
    names = _speaker_names(episode)
    announced = f"{episode.title or ''} {episode.description or ''} {episode.id.replace('_', ' ')}"
    end = _early_end(sentences, with_minutes=True)
    found = candidate_terms(sentences, spans, end, lambda text: _noun_phrase(text, names))
    for candidate in found:  # "Notre mot de la semaine, c'est la preuve sociale." announces, names nothing told
        candidate.named_last = [i for i in candidate.named_last if not _GLOSSARY_CUE.search(sentences[i].text)]
    by_mentions = {c.key: rank for rank, c in enumerate(sorted(found, key=lambda c: -len(c.sentences)))}
    context = dict(announced=announced, title_term=title_term(episode.title, nlp), digital_words=_DIGITAL_WORDS,
                   not_concepts=_NOT_CONCEPTS, names=names, defined_count=sum(1 for c in found if c.defining),
                   labelled=labelled and any(s.role == "guest" for s in sentences),
                   digital_show=bool(_DIGITAL_WORDS.search(unaccented(announced))), known=french_lexicon(nlp))
    # a network, a day or a unit of time is never the concept ("Facebook, c'est le local."), nor what it
    # qualifies ("le journal de la semaine", "le live du dimanche")
    weighed = [(c, term_features(c, sentences, end, rank=by_mentions[c.key], **context))
               for c in found if has_evidence(c, sentences) and not _says_a_time_or_network(c.key)
               and not _of_a_time_or_network(c, sentences)]
    return [(c, x) for c, x in weighed if _worth_a_glossary(x) or _explained_simply(c, sentences)]


# a definition announced as a simplification: "Pour faire simple, le chapitrage, c'est découper …"
_SIMPLY = re.compile(r"\b(?:pour faire (?:simple|court)|en gros|grosso modo|en clair|autrement dit|en deux mots"
                     r"|en un mot|pour résumer|en résumé|pour simplifier|si je simplifie|en termes simples)\b",
                     re.IGNORECASE)


def _explained_simply(candidate: TermCandidate, sentences: list[Sentence]) -> bool:
    """Whether a sentence that opens by defining the candidate says it explains it simply: the
    sign of a word to explain, when nothing in the word itself is jargon."""
    return any(_SIMPLY.search(sentences[i].text.split(candidate.term)[0]) for i in candidate.defining
               if candidate.term in sentences[i].text)


def _says_a_time_or_network(key: str) -> bool:
    """Whether the folded words name a network, a day or a unit of time ("début du week-end")."""
    return any(f" {word} " in f" {key} " for word in _NOT_CONCEPTS)


def _of_a_time_or_network(candidate: TermCandidate, sentences: list[Sentence]) -> bool:
    """Whether the candidate is first said with a day, a unit of time or a network after it."""
    said = f" {_fold(sentences[candidate.sentences[0]].text)} "
    m = re.search(rf" {re.escape(candidate.key)} (?:de la|de l|du|des|de|sur) (\w+)", said)
    return bool(m) and m.group(1) in _NOT_CONCEPTS


# what makes a noun phrase a concept to define, not any word that a sentence describes ("aux parents,
# ce sont eux qui paient"): jargon (an acronym, a loanword, a word of the digital vocabulary), a name the
# title or the file announces, one asked about, or one given as a name
_GLOSSARY_SIGNS = tuple(TERM_FEATURE_NAMES.index(sign) for sign in (
    "acronym", "hyphen", "english_look", "digital_word", "in_announced", "in_meaning_question", "named_last"))
# a word French does not know is jargon when the text explains it ("Un ghost button, … C'est un bouton
# transparent"), not when it is only asked about ("Combien de hashtags ? — Cinq.")
_UNKNOWN_WORD = TERM_FEATURE_NAMES.index("unknown_word")
_EXPLAINED = tuple(TERM_FEATURE_NAMES.index(sign) for sign in ("defining", "subjectless_after"))


def _worth_a_glossary(x: list[float]) -> bool:
    return any(x[k] for k in _GLOSSARY_SIGNS) or bool(x[_UNKNOWN_WORD]) and any(x[k] for k in _EXPLAINED)


# a question's word that points at a name without saying it: "c'est quoi, ce mot-là ?"
_POINTING = re.compile(r"^(?:ce|cet|cette|ces|ça)\b", re.IGNORECASE)

# the model's best candidate replaces the one term the patterns found when it is at least this
# probable and the patterns' term, weighed as a candidate, under DOUBTED (cross-validated over the
# development openings and episodes: 343 → 346 of 441 concepts found, no entry added where none is defined);
# a term a question names outright is not weighed again (the blind openings find seven fewer, the text path
# spends a fifth less on extraction)
SURE_TERM = 0.8
DOUBTED_TERM = 0.5


def _scored_candidates(episode: Episode, spans: list, nlp: Language, labelled: bool) -> list[tuple[float, TermCandidate]]:
    """The candidate terms with the model's probability, the likeliest first."""
    model = load_term_model()
    weighed = term_candidates(episode, spans, nlp, labelled)
    scored = list(zip(model.probabilities([x for _, x in weighed]), (c for c, _ in weighed)))
    return sorted(scored, key=lambda pair: -pair[0])


def _learned_term(episode: Episode, scored: list[tuple[float, TermCandidate]], labelled: bool
                  ) -> tuple[str, list[int]] | None:
    """The candidate term the model likes best (``scored``), at or over its threshold, with its
    definition (``labelled``: the source named its speakers and one is a guest)."""
    if not scored or scored[0][0] < load_term_model().threshold:
        return None
    best = scored[0][1]
    passage = _candidate_passage(episode.sentences, best, labelled)
    return (_whole_loanword(best, episode.sentences), passage) if passage else None


def _surer_term(episode: Episode, scored: list[tuple[float, TermCandidate]], term: str, labelled: bool
                ) -> tuple[str, list[int]] | None:
    """The model's best candidate, when it is sure of it and doubts ``term``, the patterns' choice."""
    if not scored or scored[0][0] < SURE_TERM or terms_match(term, scored[0][1].term):
        return None
    if max((p for p, c in scored if c.key == _fold(term)), default=0.0) >= DOUBTED_TERM:
        return None
    return _learned_term(episode, scored, labelled)


def _whole_loanword(candidate: TermCandidate, sentences: list[Sentence]) -> str:
    """The candidate with the English gerund that goes with it where it is said in full: "Du
    keyword quoi ?" echoes half of "C'est du keyword stuffing"."""
    if not ENGLISH_LOOK.search(candidate.term.split()[-1].lower()):
        return candidate.term
    said_in_full = re.compile(rf"(?<!\w){re.escape(candidate.term)} ({ENGLISH_GERUND})\b", re.IGNORECASE)
    for i in candidate.sentences:
        if m := said_in_full.search(sentences[i].text):
            return f"{candidate.term} {m.group(1)}"
    return candidate.term


def _candidate_passage(sentences: list[Sentence], candidate: TermCandidate, labelled: bool) -> list[int]:
    """The definition of a learned term: from the sentence that opens by defining it; or the
    sentences before the one that names it last; or the answer from its first mention."""
    # (the first that gives a passage: a host who reads a dictionary's entry leaves the definition to the guest)
    if passage := next((p for k in candidate.defining if (p := _passage(sentences, k, labelled, candidate.term))), []):
        return passage
    if candidate.named_last:
        i = candidate.named_last[0]
        if _defined_next(sentences, i):
            return _passage(sentences, i, labelled, candidate.term)  # "C'est votre CAPTCHA. C'est le petit test …"
        return [k for k in range(max(0, i - CALLED_SENTENCES), i + 1) if not sentences[k].is_question]
    # the mention that a definition without a subject follows ("… c'est une infographie, au féminin.
    # C'est une image qui explique …")
    defined = next((k for k in candidate.sentences if _defined_next(sentences, k)), None)
    if defined is not None:
        return _passage(sentences, defined, labelled, candidate.term)
    first = candidate.sentences[0]
    start = next((k for k in range(first, len(sentences))
                  if not sentences[k].is_question and (sentences[k].role != "host" or not labelled)), None)
    return _passage(sentences, start, labelled, candidate.term) if start is not None else []


def _asked_about_title(sentences: list[Sentence], topic: str, labelled: bool, defining: bool = False) -> list[int]:
    """The answer to the first early question that names the title's concept, however it asks
    ("Dictionnaire digital : la newsletter" — "Alors, une newsletter, à quoi ça sert ?");
    ``defining``: only a question that asks what it means."""
    for i in range(_early_end(sentences)):
        if defining and not _MEANING_QUESTION.search(sentences[i].text.replace("’", "'")):
            continue
        # the question names it, or points back to it said alone just before ("Alors, edutainment.
        # Toi, tu le traduirais comment ?")
        if sentences[i].is_question and any(_says(sentences[k].text, topic) and (k == i or _topic_alone(sentences[k].text))
                                            for k in range(max(0, i - 2), i + 1)):
            answer = next((j for j in range(i + 1, len(sentences))
                           if not sentences[j].is_question and (sentences[j].role != "host" or not labelled)), None)
            return _passage(sentences, answer, labelled, topic) if answer is not None else []
    return []


# the most words of a sentence that only names what comes next
TOPIC_ALONE_WORDS = 4


def _topic_alone(text: str) -> bool:
    """A sentence that only names what comes next: "Alors, edutainment.", "Bon, la newsletter."."""
    return len(_fold(text).split()) <= TOPIC_ALONE_WORDS


# the host says the episode defines a word ("Le mot du jour est dans le titre.", "ta définition")
_GLOSSARY_CUE = re.compile(r"\b" + _OF_THE_DAY + r"\b|\bnotre (?:mot|terme|concept)\b|\b(?:ta|votre|comme) définition\b",
                           re.IGNORECASE)


def _announced_by_title(sentences: list[Sentence], labelled: bool) -> list[int]:
    """The definition of the concept the title names, when the host announces a word to define
    without saying it ("Rémi, le mot du jour est dans le titre. Votre librairie en serait l'exemple
    parfait ?"): the first answer after that announcement."""
    early = _early_end(sentences)
    cue = next((i for i in range(early) if _GLOSSARY_CUE.search(sentences[i].text)), None)
    if cue is None:
        return []
    answer = next((j for j in range(cue + 1, early)
                   if not sentences[j].is_question and (sentences[j].role != "host" or not labelled)), None)
    return _passage(sentences, answer, labelled) if answer is not None else []


# where the concept of the episode is defined: in its first part (at least its first sentences)
DEFINED_EARLY_SHARE = 0.4
DEFINED_EARLY_SENTENCES = 15


# where a concept that says itself a name ("c'est ce qu'on appelle …") or the answer to a question
# that asked for it may still come: the first two and a half minutes, in a short opening
DEFINED_EARLY_SECONDS = 150


def _early_end(sentences: list[Sentence], with_minutes: bool = False) -> int:
    """The index after the episode's first part, where its concept is defined: its first 40 %, at
    least its first sentences (``with_minutes``: or its first two and a half minutes)."""
    timed = sum(1 for s in sentences if s.start is not None and s.start < DEFINED_EARLY_SECONDS) if with_minutes else 0
    return min(max(int(len(sentences) * DEFINED_EARLY_SHARE), DEFINED_EARLY_SENTENCES, timed), len(sentences))
# how many sentences back a question, or the words that named the concept, may stand before its definition
CONTEXT_SENTENCES = 4
# "Le churn, c'est la part de tes abonnés qui …", "Sur un site, le fil d'Ariane, c'est cette petite ligne …",
# "Une audience similaire, ce que Facebook appelle en anglais une lookalike audience, c'est un public …"
_DEFINING_SENTENCE = re.compile(
    r"^(?:(?:alors|eh bien|bon|ben|bah|pour moi|en fait|oui|ouais|non|voilà|donc|et|euh|ok|d'accord|ah|ha|grosso modo|en gros"
    r"|pour faire (?:simple|court)|pour le dire simplement|basiquement|basically|disons|bref|dans le fond|au fond|en clair"
    r"|écoute|écoutez)[,!.]?\s+)*"
    r"(?:(?:sur|dans|en|chez) [^,]{1,30}, )?" + _DET + r"(?P<t>[^?,;.!:]{2,60}?)"
    r"(?P<aside>,? (?:ce que|ce qu'|qu'on appelle|que l'on appelle|ou|aussi appelée?|appelée?|en français|en anglais)\b[^,]{0,90},"
    # or a short aside of any kind ("L'account-based marketing, l'ABM pour les intimes, c'est …")
    # (not someone's: "Mame Diarra, ton combat depuis cinq ans, c'est …" names a guest)
    r"|, (?!(?:ton|ta|tes|votre|vos|mon|ma|mes|son|sa|ses|notre|nos|leur|leurs)\b)[^,?;.!:]{2,30},)?"
    # ("Le big data euh c'est …"; "Une impression, ce n'est pas une personne. … C'est juste une fois où …")
    # ("Le crapware, non : ce n'est pas un virus."; what it is for: "Le debouncing, ça sert à attendre …")
    r"(?:,? euh|, non ?:)?,? (?:c'est|ce sont|ce n'est pas|c'est pas|ça veut dire|ça désigne|désigne|signifie|consiste à"
    r"|consiste en|(?:ça|cela) (?:sert à|consiste à|permet de))"
    r"\s+(?:(?:d'abord|avant tout|tout simplement|essentiellement|en fait|au fond)\s+)?(?P<rest>\S+)",
    re.IGNORECASE,
)
# what a definition opens with after "c'est": an article, a demonstrative, "quand", "le fait de",
# an infinitive…, not a judgement ("Le chocolat, c'est visuel.", "Le prix, c'est important.")
_DEFINIENS_OPENERS = {"un", "une", "des", "le", "la", "les", "l'", "du", "ce", "cet", "cette", "ces", "quand", "lorsque",
                      "lorsqu'", "tout", "simplement", "juste", "en", "comme", "ça", "cela", "quelque", "quelqu'",
                      "celui", "celle", "ceux", "celles", "deux", "trois", "quatre", "cinq"}
# the name a speaker gives in another language ("ce que les anglophones appellent un backlink", "le lazy
# loading, en français le chargement différé, c'est …")
_OTHER_NAME = re.compile(r"(?:(?:appellent|appelle|appelé|appelée|dit|disent)(?: en anglais)?|^en (?:français|anglais)) "
                         + _DET + r"(?P<t>[^,]{2,40})$", re.IGNORECASE)


@lru_cache(maxsize=4)
def _infinitives(nlp: Language) -> frozenset[str]:
    """The infinitives the lemmatizer knows, regular and irregular ("vendre", "prendre"): a
    definition may open with one ("Le dropshipping, c'est vendre sans stock.")."""
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
        irregular = lookups.get_table("lemma_exc").get("verb", {})
        regular = lookups.get_table("lemma_index").get("verb", [])
    except (KeyError, AttributeError, ValueError):
        return frozenset()
    return frozenset(regular) | {lemma for lemmas in irregular.values() for lemma in lemmas}


def _timing_predicate() -> re.Pattern:
    """A predicate that says when or how often ("une fois par mois", "le jeudi soir", "tous les jours",
    "chaque semaine"), from the words of ``timing.json``."""
    timing = load_json("timing.json")
    words = [*timing["days"], *timing["day_groups"], *timing["times_of_day"], *timing["frequency_words"]]
    when = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    units = "|".join(re.escape(u) for u in timing["frequency_units"])
    return re.compile(r"^\s*(?:(?:le|la|les|l'|tous les|toutes les|chaque|en|au|à|vers|plutôt)\s+)?(?:" + when + r")\b"
                      r"|^[^,.;]{0,20}\bfois par (?:" + units + r")\b")


_TIMING_PREDICATE = _timing_predicate()


def _defining_subject(text: str, names: frozenset[str], infinitives: frozenset[str]) -> str | None:
    """The concept a sentence opens by defining ("Le churn, c'est la part de …"), with the name it
    is given in another language when the speaker says it ("lien entrant (backlink)")."""
    m = _DEFINING_SENTENCE.search(text.strip().replace("’", "'"))
    if not m:
        return None
    rest = m.group("rest").lower()
    opener = rest.split("'")[0] + "'" if "'" in rest else rest.strip(",.:;!?")
    if opener not in _DEFINIENS_OPENERS and opener not in infinitives:
        return None
    if _TIMING_PREDICATE.search(text.strip().replace("’", "'")[m.start("rest"):].lower()):
        return None  # "La lettre, c'est une fois par mois.", "Le live, c'est le jeudi soir.": when, not what
    if m.group("t").split()[0].lower() in ("ce", "cet", "cette", "ces"):
        return None  # "Cette mise au catalogue, c'est l'indexation.": what was just said, named last
    term = _noun_phrase(m.group("t"), names)
    if not term or len(term.split()) > 4:
        return None
    other = _OTHER_NAME.search((m.group("aside") or "").strip(" ,"))
    alias = _noun_phrase(other.group("t"), names) if other else None
    return f"{term} ({alias})" if alias else term


_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_LINKING_WORDS = {"de", "du", "des", "la", "le", "les", "l", "d", "sur", "pour", "à", "a", "en", "et", "of", "the", "to", "for"}


def _expanded_acronym(context: str, sentence: str) -> str | None:
    """An acronym said just before and spelled out in ``sentence`` ("… quatre lettres, RGPD. — R,
    G, P, D : Règlement général sur la protection des données."), with its expansion."""
    words = re.findall(r"[^\W\d_]+", sentence.replace("’", "'"))
    for acronym in dict.fromkeys(_ACRONYM.findall(context)):
        if _fold(acronym) in _NOT_CONCEPTS:
            continue
        # the small words count or not ("Règlement général sur la protection des données" for RGPD,
        # "Coût pour mille" for CPM)
        for start, every_word in ((start, every) for start in range(len(words)) for every in (False, True)):
            letters, end = "", start
            while end < len(words) and len(letters) < len(acronym):
                word = words[end]
                if every_word or word.lower() not in _LINKING_WORDS or not letters:
                    letters += word[0].upper()
                end += 1
            if letters == acronym and words[start][0].upper() == acronym[0] and len(words[start]) > 1:
                return f"{acronym} ({' '.join(words[start:end])})"
    return None


def _singular_words(text: str) -> str:
    return " ".join(word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word for word in _fold(text).split())


def _says(text: str, name: str) -> bool:
    """Whether ``text`` names ``name``, in the singular or the plural, accents and case aside."""
    return f" {_singular_words(name)} " in f" {_singular_words(text)} "


# letters a word shares with the concept's to be of its family ("hébergé" and "hébergement")
KIN_LETTERS = 7


def _asks_of_kin(text: str, name: str) -> bool:
    """Whether a question asks with a word of the concept's family ("Ton site, il est hébergé où ?"
    before "L'hébergement web, c'est …")."""
    stems = {word[:KIN_LETTERS] for word in _fold(name).split() if len(word) >= KIN_LETTERS}
    return any(word[:KIN_LETTERS] in stems for word in _fold(text).split() if len(word) >= KIN_LETTERS)


def _defined_in_answer(episode: Episode, names: frozenset[str], labelled: bool,
                       infinitives: frozenset[str]) -> tuple[str, list[int]] | None:
    """The concept a speaker defines early in the episode, however it was asked for ("Lucas,
    l'e-mailing, ça te parle ? — Plutôt, oui. L'e-mailing, c'est l'envoi d'un même e-mail …"), when
    something names it before the definition does: the title, the description, the file name, or
    the sentences just before it.  The definition must follow a question or those words, and a
    network, a day or a person is never the concept."""
    sentences = episode.sentences
    announced = f"{episode.title or ''} {episode.description or ''} {episode.id.replace('_', ' ')}"
    has_guest = any(s.role == "guest" for s in sentences)
    early = _early_end(sentences)
    for i in range(1, _early_end(sentences, with_minutes=True)):
        sentence = sentences[i]
        if sentence.is_question or labelled and has_guest and sentence.role == "host":
            continue
        if i >= early:
            # past the first part, only a concept that says itself a name
            if called := _called(sentence.text, names):
                return called, _called_passage(sentences, i, labelled and has_guest, called)
            continue
        window = range(max(0, i - CONTEXT_SENTENCES), i)
        if acronym := _expanded_acronym(" ".join(sentences[k].text for k in window), sentence.text):
            return acronym, _passage(sentences, i, labelled and has_guest, acronym)
        term = _defining_subject(sentence.text, names, infinitives)
        named_last = None if term else _named_last(sentence.text, names)
        context = " ".join(sentences[k].text for k in window)
        if not (term or named_last) or _fold((term or named_last).split(" (")[0]) in _NOT_CONCEPTS:
            if called := _called(sentence.text, names):
                return called, _called_passage(sentences, i, labelled and has_guest, called)
            if (cleft := _named_by_cleft(sentences, i, names)) and _fold(cleft) not in _NOT_CONCEPTS:
                return cleft, _passage(sentences, i, labelled and has_guest, cleft)
            continue
        if term and _proper_name(term, context):
            continue  # "Nyanga, c'est un influenceur virtuel.": who or what someone is, not a concept
        named = [name for name in re.split(r" \(|\)", term or named_last) if name]
        said_before = any(_says(context, name) for name in named) or any(
            # or a little further back, in a question, the host's words or another speaker's definition of
            # it ("Pour moi, l'hyperpersonnalisation, c'est quand … — Vous avez tort tous les deux. …
            # L'hyperpersonnalisation, c'est …", "… deux mots en rouge : contenu dupliqué. … — Le contenu
            # dupliqué, c'est …")
            (sentences[k].is_question or _defining_subject(sentences[k].text, names, infinitives) == term
             or labelled and has_guest and sentences[k].role == "host")
            and any(_says(sentences[k].text, name) for name in named)
            for k in range(max(0, i - SAID_BEFORE_SENTENCES), max(0, i - CONTEXT_SENTENCES)))
        in_title = any(_says(announced, name) for name in named)
        asked = any(sentences[k].is_question for k in window)
        said_before = said_before or any(
            sentences[k].is_question and _asks_of_kin(sentences[k].text, name) for k in window for name in named)
        if term and (said_before or in_title and (asked or _first_definition(sentences, i, names, infinitives)
                                                   and _compound_common_noun(term))):
            return term, _passage(sentences, i, labelled and has_guest, term)
        if named_last and (said := [k for k in range(max(0, i - NAMED_LAST_SENTENCES), i)
                                    if any(_says(sentences[k].text, name) for name in named)]):
            # the definition is what came before the name: the sentences since the concept was first said
            return named_last, [k for k in range(said[0] + 1, i + 1) if not sentences[k].is_question]
    return None


def _first_definition(sentences: list[Sentence], i: int, names: frozenset[str], infinitives: frozenset[str]) -> bool:
    """Whether sentence ``i`` is the first of the episode that defines something ("X, c'est …"): the
    concept the title names, defined before any other, needs no question ("On m'a dit : c'est notre
    north star. … La north star metric, c'est le chiffre unique …")."""
    return not any(_defining_subject(sentences[k].text, names, infinitives) for k in range(i))


def _compound_common_noun(term: str) -> bool:
    """Several words, none capitalised: a concept's name ("north star metric"), not a business, a
    show or a place ("Moto Cap-Nord", "Trois minutes") nor a single word of a file name ("vidange")."""
    words = term.split()
    return len(words) >= 2 and not any(w[:1].isupper() for w in words)


# how far back a question, or another definition, that names the concept may come before the one found
SAID_BEFORE_SENTENCES = 8
# how many sentences before "c'est ce qu'on appelle X" tell what X is
CALLED_SENTENCES = 3


def _called(text: str, names: frozenset[str]) -> str | None:
    """The concept a sentence gives a name to, as a name ("C'est ce qu'on appelle l'effet de réseau.")."""
    text = text.strip().replace("’", "'")
    m = _CALLED.search(text) or _CALLED_THEN_GLOSSED.search(text)
    return _noun_phrase(m.group("t"), names) if m else None


def _called_passage(sentences: list[Sentence], i: int, labelled: bool, term: str) -> list[int]:
    """What a concept that says itself a name names: told after the colon ("C'est ça, le mobile
    money : un porte-monnaie …"), or in the sentences before ("… C'est ce qu'on appelle l'effet de réseau.")."""
    if ": " in sentences[i].text or sentences[i].text.rstrip().endswith(":"):
        return _passage(sentences, i, labelled, term)
    return [k for k in range(max(0, i - CALLED_SENTENCES), i + 1) if not sentences[k].is_question]


def _proper_name(term: str, context: str) -> bool:
    """Whether ``term`` is capitalised where the context says it inside a sentence: a person's, a
    brand's or a place's name ("… ta Nyanga, celle qui a cinquante mille abonnés …")."""
    if not term[:1].isupper() or term.isupper():
        return False
    # after an article, a common noun the speaker capitalises ("un problème lié aux Core Web Vitals")
    before = [m.group(1).lower() for m in re.finditer(r"([^\W\d_]+)[,']?\s+" + re.escape(term) + r"\b", context)]
    return any(word not in _ARTICLES | _CONTRACTED_ARTICLES for word in before)


# how far back the concept named last may have been first said ("ce soir on parle de cyberharcèlement. …
# (five examples) … Tout ça, c'est du cyberharcèlement.")
NAMED_LAST_SENTENCES = 8
# the name given last, to what was just described ("Tout ça, c'est du cyberharcèlement : des attaques
# répétées …", "Le résultat, c'est ton panier moyen.")
_NAMED_LAST = re.compile(
    r"^(?:(?:et|donc|alors|bref)[,]?\s+)?(?:tout ça|tout cela|ça|cela|le résultat|le total"
    # "Cette mise au catalogue, c'est l'indexation."
    r"|(?:ce|cet|cette) [^,]{2,30}),?\s+c'est\s+"
    r"(?:du|de la|de l'|un|une|le|la|l'|les|ton|ta|tes|votre|vos)\s*(?P<t>[^?,;.!:]{2,40})(?:[.!:]|$)", re.IGNORECASE)


# the name given, as a name, to what was just told ("C'est ce qu'on appelle l'effet de réseau.",
# "C'est ça, le mobile money : un porte-monnaie lié à ton numéro …")
# "Après, un ami m'a dit que ça porte un nom : l'effet Streisand."
_NAME_GIVEN = r".*\b(?:ça|cela) (?:porte|a) (?:même )?un nom\s*:\s+"
_NAME_ARTICLE = r"(?:un |une |le |la |les |l'|du |de la )?"
_CALLED = re.compile(r"^(?:(?:et|donc|alors|bref)[,]?\s+)?(?:(?:c'est|voilà) ce (?:qu'on|que l'on) appelle\s+|c'est ça,\s+"
                     r"|" + _NAME_GIVEN +
                     # "… la même expression à chaque réunion : above the fold."
                     r"|.*\b(?:mot|mots|terme|termes|expression|sigle)\b[^:]{0,80}:\s+)"
                     + _NAME_ARTICLE + r"(?P<t>[^?,;.!:]{2,40})(?:[.!:]|$)", re.IGNORECASE)
# a name given, then glossed after a comma: "Ça porte un nom : l'effet de leurre, decoy effect en anglais."
_CALLED_THEN_GLOSSED = re.compile(_NAME_GIVEN + _NAME_ARTICLE + r"(?P<t>[^?,;.!:]{2,40}),", re.IGNORECASE)


# a name given by a cleft sentence, then defined by the next one ("Ce qui vous a attrapés, c'est Content
# ID. C'est le système de YouTube qui compare chaque vidéo …")
_CLEFT_NAME = re.compile(r"^(?:(?:et|mais|donc|alors)[,]?\s+)?ce (?:qui|que|qu')[^,;.!?]{2,60},\s*c'est\s+"
                         + _NAME_ARTICLE + r"(?P<t>[^?,;.!:]{2,40})[.!]?$", re.IGNORECASE)


def _named_by_cleft(sentences: list[Sentence], i: int, names: frozenset[str]) -> str | None:
    m = _CLEFT_NAME.search(sentences[i].text.strip().replace("’", "'"))
    return _noun_phrase(m.group("t"), names) if m and _defined_next(sentences, i) else None


def _named_last(text: str, names: frozenset[str]) -> str | None:
    """The concept a sentence names after describing it ("Tout ça, c'est du cyberharcèlement.")."""
    m = _NAMED_LAST.search(text.strip().replace("’", "'"))
    return _noun_phrase(m.group("t"), names) if m else None


# words that stand for the concept before it is named: "C'est quoi, le sujet ? — Le sujet, c'est le sharenting."
_PLACEHOLDERS = frozenset({"sujet", "mot", "terme", "theme", "concept", "notion", "nom"})


def _filled_placeholder(term: str, passage: list[str], names: frozenset[str]) -> str | None:
    """The concept a placeholder asked about stands for, as the answer names it ("Le sujet, c'est le
    sharenting."); ``None`` when the answer does not name it: a placeholder is no concept."""
    if _fold(term) not in _PLACEHOLDERS:
        return term
    named = re.compile(rf"\b{re.escape(term)},?\s+(?:c'est|ce sera|ça s'appelle)\s+" + _DET + r"(?P<t>[^?,;.!:]{2,40})",
                       re.IGNORECASE)
    for text in passage:
        if (m := named.search(text.replace("’", "'"))) and (concept := _noun_phrase(m.group("t"), names)):
            return concept
    return None


# an acronym spelled out letter by letter: "le M-C-N", "la C.T.V."
_SPELLED_ACRONYM = re.compile(r"(?:[A-Z][-.]\s?){2,5}[A-Z]\.?s?")


def _entry(episode: Episode, term: str, passage: list[int]) -> GlossaryEntry:
    first, last = episode.sentences[passage[0]], episode.sentences[passage[-1]]
    if _SPELLED_ACRONYM.fullmatch(term):
        term = re.sub(r"[-.\s]", "", term)
    return GlossaryEntry(
        term=term.upper() if is_acronym(term) else term,  # "la ctv" of lowercase speech-to-text
        definition=clean(" ".join(episode.sentences[i].text for i in passage)),
        episode=episode.id,
        start=first.start,
        end=last.end,
        speaker=first.speaker,
    )
