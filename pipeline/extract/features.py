"""What each sentence says that matters for advice: cues, networks, timing, method, markers.

All vocabulary comes from the package's data files; matching uses spaCy's PhraseMatcher on
lower-cased tokens, run once over every sentence span.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import takewhile

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span, Token
from spacy.util import filter_spans

from ..lexicons import load_json, load_words, phrase_matcher, unaccented
from ..records import Timing
from .bare_names import letter_mentions
from .misheard import misheard_networks
from .timing import (CLITICS_BEFORE_A_VERB, exhaustion_starts, is_number_word, keeps_as_is, mentions_timing,
                     negative_positions, parse_timing, timing_phrases)

# Sentence-score parts beyond the cue weights of data/cues.json.
IMPERATIVE_WEIGHT = 0.9
NETWORK_WITH_FACT_BONUS = 0.5
TIMING_WEIGHT = 0.5
TIMING_CONTEXT_BONUS = 0.3
METHOD_WEIGHT = 0.15
CUE_CAP = 1.6
ACTIVITY_BONUS = 0.2
REPORTED_PENALTY = 0.8  # on top of a story's: a reported claim reads like advice ("le meilleur moment serait …")
# Words after which a sentence-initial imperative may stand ("Et surtout, publiez ...").
_CLAUSE_OPENERS = {"ne", "n'", "et", "donc", "alors", "surtout", "puis", "pis", "sinon", "mais", "aussi", "bref", "enfin", "faque",
                   "ensuite", "euh", "ben", "oui", "ouais", "non", ",", "-", "—", ":", ";"}


# the tagger's "imperfect" is unreliable on speech; its written endings are not
_IMPERFECT_ENDINGS = ("ais", "ait", "aient")
_CONDITIONAL_ENDINGS = ("rais", "rait", "raient")
# presents that end like imperfects ("je vais", "ça fait", "tu sais")
_PRESENTS_IN_AIS = {"vais", "fais", "fait", "sais", "sait", "plais", "plaît", "plait", "connais", "connaît", "connait",
                    "parais", "paraît", "parait", "tais", "tait", "nais", "naît", "nait"}
# conditionals the tagger takes for imperfects ("on dirait", "ce serait")
# "pour que la grille ait l'air d'une vitrine", "pour qu'on ait envie": a purpose, neither an imperfect nor a past
_SUBJUNCTIVES_OF_AVOIR = {"ait", "aient", "aie", "aies", "ayons", "ayez"}
_COMMON_CONDITIONALS = {"dirait", "serait", "seraient", "faudrait", "pourrait", "devrait", "aurait", "voudrait", "ferait", "vaudrait"}
# subjects of a story in the passé composé ("j'ai lancé", "elle a ouvert"); "vous avez" is left out
# because advice uses it too ("une fois que vous avez publié")
_STORY_SUBJECTS = {"j'", "je", "on", "nous", "il", "elle", "ils", "elles"}
_INSTRUCTING_GROUPS = ("directive", "address", "suggestion", "avoid", "necessity")
_NOT_VERBS_IN_EZ = {"chez", "assez", "rez", "nez", "lez"}
# "Penses-tu …?", "Sais-tu …?": an inverted subject makes a question, not an imperative
_INVERTED_SUBJECTS = {"-tu", "-vous", "-il", "-elle", "-on", "-ils", "-elles", "-t", "-nous", "-je"}
# past participles in -s that open phrases ("mis à part", "pris dans le rythme"), and "dis", more
# often a statement's verb than an imperative: none is taken for one
_PARTICIPLES_IN_S = {"mis", "pris", "compris", "permis", "acquis", "assis", "appris", "remis", "surpris", "dis"}
# nouns of prepositional phrases that are also rare verb forms ("face aux barques", "grâce à vous")
_PREPOSITIONAL_NOUNS = {"face", "grâce"}
_NOT_TU_IMPERATIVES = frozenset(_PARTICIPLES_IN_S | _PREPOSITIONAL_NOUNS)
# what follows a second-person imperative ("range les meilleures", "fais-le", "n'envoie jamais")
_AFTER_AN_IMPERATIVE_WORDS = {"ton", "ta", "tes", "son", "sa", "ses", "votre", "vos", "leur", "leurs", "chaque",
                              "un", "une", "le", "la", "les", "l'", "des", "du", "ce", "cet", "cette", "ces",
                              "toujours", "jamais", "pas", "ça", "tout", "bien", "surtout"}
# irregular tu-imperatives: "choisis", "réponds", "mets", "prévois", "sors", "viens" (and "fais")
_TU_IMPERATIVE_ENDINGS_IN_S = ("is", "ds", "ts", "ois", "rs", "ens")
# function words that are also rare verb forms ("plus" of plaire, "puis" of pouvoir, "entre")
_NOT_IMPERATIVE_POS = ("PROPN", "DET", "PRON", "ADP", "ADV", "CCONJ", "SCONJ", "NUM", "AUX")
# second-person verbs that describe the listener rather than advise ("vous savez", "tu vois")
_NOT_ADVICE_VERBS = {"savoir", "voir", "avoir", "être", "connaître", "imaginer", "rendre", "dire", "parler", "penser", "croire", "entendre", "sembler"}
# first-person conditionals that tell a wish, a capacity or a state, not advice ("je voudrais", "je pourrais")
_NOT_ADVICE_CONDITIONALS = {"vouloir", "aimer", "pouvoir", "devoir", "être", "avoir", "savoir", "adorer", "préférer", "falloir"}
_CLITICS = {"en", "y", "le", "la", "les", "l'", "lui", "leur", "ne", "n'", "me", "m'", "te", "se", "s'", "vous", "nous"}
_POLAR_GROUPS = ("directive", "address", "suggestion", "avoid", "preference", "comparative", "necessity", "limit")
# what opens a subordinate clause, whose verb has its subject after it ("quand vous postez")
_SUBORDINATORS = {"que", "qu'", "si", "s'", "quand", "où"}
# object pronouns joined to an imperative ("fais-le", "écris-leur"), not inverted subjects ("sais-tu")
_JOINED_OBJECT_PRONOUNS = {"-le", "-la", "-les", "-lui", "-leur", "-moi", "-toi", "-nous", "-en", "-y"}
_SUBJECTS = {"je", "j'", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ça", "ce", "c'", "cela", "qui"}
_PRONOUNS = _SUBJECTS | _CLITICS
_DETERMINER_WORDS = frozenset(
    word for kind in ("articles", "second_person", "demonstratives") for word in load_json("determiners.json")[kind])
_NEGATIONS = {"jamais", "pas", "plus"}
# what stands right before a verb conjugated after its subject ("je postais", "on le faisait")
_BEFORE_A_CONJUGATED_VERB = _STORY_SUBJECTS | {"je", "tu"} | _CLITICS


@dataclass
class Matchers:
    """One PhraseMatcher for every lexicon (labels "<kind>|<label>"), so a sentence is matched once."""

    lexicon: PhraseMatcher
    cue_groups: dict[str, dict]
    imperatives: frozenset[str]
    activity: tuple[str, ...]
    support: tuple[str, ...]
    continuation: tuple[str, ...]
    conclusion: tuple[str, ...]
    boundary: tuple[str, ...]
    point: re.Pattern
    section: tuple[str, ...]
    verbs: dict[str, frozenset[str]]
    advice_lemmas: tuple[str, ...]
    interface_verbs: frozenset[str] = frozenset()
    topic_prefixes: tuple[str, ...] = ()
    topic_words: frozenset[str] = frozenset()
    publishing_prefixes: tuple[str, ...] = ()
    not_publishing: frozenset[str] = frozenset()
    # the French lemmatizer's own tables: irregular verb forms, and the infinitives of regular verbs
    verb_forms: frozenset[str] = frozenset()
    infinitives: frozenset[str] = frozenset()


def _content_questions(verbs: dict[str, list[str]]) -> list[str]:
    """"qu'est-ce que tu (y) publies", "tu (y) publies quoi", for each subject and verb."""
    phrases = []
    for subject, forms in verbs.items():
        asking = "qu'est-ce qu'on" if subject == "on" else f"qu'est-ce que {subject}"
        for verb in forms:
            for there in ("", "y "):
                phrases += [f"{asking} {there}{verb}", f"{subject} {there}{verb} quoi"]
    return phrases


def _framed(frames: dict) -> list[str]:
    """Every frame of ``frames`` said with each of its words ("ce n'est pas {}" × "une méthode")."""
    return [frame.format(word) for key, spec in frames.items() if not key.startswith("_")
            for frame in spec["frames"] for word in spec["words"]]


@lru_cache(maxsize=4)
def matchers(nlp: Language) -> Matchers:
    cue_groups = load_json("cues.json")
    verbs = load_json("advice_verbs.json")
    activity = load_json("activity.json")
    topic = load_json("topic.json")
    kinds = {
        "cue": {group: spec["phrases"] for group, spec in cue_groups.items()},
        "net": {name: [name.lower(), *aliases] for name, aliases in load_json("networks.json").items()},
        "format": load_json("shared_formats.json"),
        "method": load_json("methods.json"),
        "marker": {kind: activity[kind] for kind in ("narrative", "reported", "sponsor", "definition", "habit", "remark",
                                                      "endorsement")}
        | {"disclaimer": activity["disclaimer"] + _framed(activity["disclaimer_frames"])}
        | {"quiz": activity["quiz_markers"]},
        "ask": {"advice_question": activity["advice_questions"],
                "content_question": activity["content_questions"] + _content_questions(activity["content_question_verbs"])},
        "anaphor": {"network": activity["network_anaphora"]},
        "timing": timing_phrases(),
        "topic": {"digital": topic["phrases"]},
        "user": {"user_side": topic["user_side"]},
        "buyer": {"buyer_side": topic["buyer_side"]},
        "owned": {"publishing": topic["publishing_phrases"]},
        "channel": load_json("channels.json"),
        "interface": {"place": activity["interface"]["places"]},
        "rate": {"judgment": activity["rate_judgments"]},
    }
    groups = {f"{kind}|{label}": phrases for kind, labels in kinds.items() for label, phrases in labels.items() if phrases}
    return Matchers(
        lexicon=phrase_matcher(nlp, groups),
        cue_groups=cue_groups,
        imperatives=frozenset(load_words("imperatives.txt")),
        activity=tuple(activity["activity_prefixes"]),
        support=_openers(activity["markers"]["support"]),
        continuation=_openers(activity["markers"]["continuation"]),
        conclusion=_openers(activity["markers"]["conclusion"]),
        boundary=_openers(activity["markers"]["boundary"]),
        point=_point_opening(activity["numbered_points"]),
        section=_openers(activity["section_openers"]),
        verbs={key: frozenset(words) for key, words in verbs.items()},
        advice_lemmas=(*verbs["advise_against"], *verbs["advise"]),
        interface_verbs=frozenset(activity["interface"]["verbs"]),
        topic_prefixes=tuple(topic["prefixes"]),
        topic_words=frozenset(topic["words"]),
        publishing_prefixes=tuple(topic["publishing_prefixes"]), not_publishing=frozenset(topic["not_publishing"]),
        **_verb_tables(nlp),
    )


def _verb_tables(nlp: Language) -> dict[str, frozenset[str]]:
    """Verb forms and infinitives from the pipeline's lookup lemmatizer (empty for a pipeline
    without one: the listed imperatives still apply)."""
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
        forms = lookups.get_table("lemma_exc").get("verb", {})
        infinitives = lookups.get_table("lemma_index").get("verb", [])
    except (KeyError, AttributeError, ValueError):
        return {}
    return {"verb_forms": frozenset(forms), "infinitives": frozenset(infinitives)}


def _openers(phrases: list[str]) -> tuple[str, ...]:
    """Sentence openings as prefixes: a phrase followed by a space, a comma, a colon or an apostrophe."""
    return tuple(p if p.endswith("'") else p + end for p in phrases for end in (" ", ",", ":"))


def _point_opening(spec: dict) -> re.Pattern:
    """The opening of a numbered point, which also opens a new idea: "Quatrième conseil", "Deuxième et
    dernière astuce", "Et le dernier truc", "Erreur numéro cinq.", "Erreur six.", "L'erreur numéro un, c'est …"."""
    nouns = "|".join(spec["nouns"])
    ordinals = "|".join(spec["ordinals"])
    return re.compile(rf"^(?:et )?(?:l'|le |la )?(?:(?:{ordinals}) (?:et derni(?:er|ère) )?(?:{nouns})|(?:{nouns}) (?:numéro|n°)"
                      rf"|(?:{nouns}) (?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d{{1,2}})\b)")


# a point of a list counted out loud: "Deux, ajoutez une actualité …", "3. Répondez …" (not "Deux, trois fois")
_COUNTED_POINT = re.compile(r"^(?:et )?(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d{1,2})\s*[,:.)]\s+"
                            r"(?!(?:et |ou |à )?(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d)\b)")


@dataclass
class SentenceFeatures:
    """The evidence one sentence carries, and its advice score."""

    index: int
    cues: Counter = field(default_factory=Counter)  # cue group -> matches
    imperative: bool = False
    # in speech without punctuation, an imperative the clause before runs into ("les clients qui
    # achètent mets des photos"): too loose to make a tip, enough to tell that an episode advises
    run_on_imperative: bool = False
    avoid: bool = False  # advises against something
    networks: list[str] = field(default_factory=list)
    contrasted: list[str] = field(default_factory=list)  # named to be set aside: "pas par TikTok"
    network_anaphor: bool = False  # points back to the network just discussed: "sur ce réseau-là", "là-bas"
    other_channel: bool = False  # a channel that is no network: "une lettre par e-mail", "un site web"
    every_network: bool = False  # "et ça, c'est valable sur tous les réseaux", "quel que soit le réseau"
    network_alone: bool = False  # a network said alone, no question: "Alors, TikTok.", "Instagram, sans hésiter."
    section: bool = False  # opens a section of the conversation: "Parlons d'Instagram.", "Passons à Facebook."
    timing: Timing = field(default_factory=Timing)
    methods: Counter = field(default_factory=Counter)
    activity: bool = False
    digital: bool = False  # speaks of networks, publishing, selling or audiences (data/topic.json)
    user_side: bool = False  # speaks of using networks as a person: passwords, scams, screen time
    buyer_side: bool = False  # speaks as a buyer: "avant de payer", "le vendeur"
    publishing: bool = False  # speaks of publishing, content, customers or selling
    support: bool = False  # opens with a justification ("parce que", "ça permet de")
    continuation: bool = False  # opens with "et", "mais", "puis" ...
    boundary: bool = False  # opens with a marker of a new idea
    point: bool = False  # opens a numbered point: "Erreur numéro cinq.", "Deuxième conseil :"
    heading: bool = False  # names a practice with a bare infinitive: "Publier en pleine nuit."
    schedule_line: bool = False  # a line of a weekly plan: "Mercredi : un live à 20 h.", "Dimanche soir : rien."
    alternative: bool = False  # advises what to do instead: "Au lieu de poster à minuit, postez le soir."
    conclusion: bool = False  # draws the advice from what was said: "Donc un Reel la veille, le samedi."
    patience: bool = False  # "soyez patients", "avant de juger", "sur la durée"
    verbless: bool = False  # no conjugated verb: "Tous les matins, avant d'aller au bureau."
    fragment: bool = False  # verbless, and no subject pronoun with a verb of any form: "Cinq, maximum."
    narrative: bool = False
    greeting: bool = False  # only a greeting or thanks: "Bonsoir.", "Merci de m'avoir invitée."
    dated: bool = False  # says a year ("en 2010", "le 21 mars 2006", "deux mille six"): history or news, seldom advice
    reported: bool = False  # news or someone else's claim ("une étude affirme que …")
    habit: bool = False  # the speaker's own practice ("moi, je publie toujours le mardi")
    elliptic_ban: bool = False  # a ban without its verb: "Jamais le samedi.", "Surtout pas de pub."
    described: bool = False  # someone else's, told in the present ("elle publie une vidéo par jour")
    interface: bool = False  # a step through an application's screens: "Vous cliquez sur « Programmer »."
    disclaimer: bool = False  # "mais ça, c'est moi, c'est pas une règle": the sentence before is a habit
    remark: bool = False  # "il faut dire que …", "il faut savoir que …": a fact told, its "il faut" no advice
    endorses: bool = False  # opens by telling to do as just told: "Faites pareil.", "Alors faites comme elle."
    quiz: bool = False  # "vrai ou faux", "question numéro trois": a quiz's question, whatever its mood
    sponsor: bool = False
    elsewhere: bool = False  # advice said to be about something else: "Mais ça, c'est pour le rhum, pas pour Instagram !"
    definition: bool = False
    question: bool = False
    asks_advice: bool = False  # a question that asks for advice ("par quoi on commence ?")
    network_topic: bool = False  # a question that only names a network: "Et TikTok ?", "Pinterest ?"
    topic_question: bool = False  # one that only names a network or a thing to publish: "Les hashtags ?"
    verdict: str | None = None  # a reply opening with "oui" ("do") or "non" ("avoid"): "Pour nous, non."
    answers_claim: bool = False  # the answer after "Vrai."/"Faux." to a claim about publishing
    asks_content: bool = False  # one that asks what to post ("qu'est-ce qu'on publie sur la page ?")
    first_polarity: str | None = None  # polarity of the first advice cue in the sentence
    timing_mentioned: bool = False  # when, how often or how long, even advised against
    timing_context: bool = False  # the timing is said about publishing, a network or advice
    score: float = 0.0
    substantive: bool = False  # three words or more: not "Oui." nor "Bien sûr !"

    @property
    def discussed_networks(self) -> list[str]:
        """The networks named, less those named only to be set aside ("pas par TikTok")."""
        return [n for n in self.networks if n not in self.contrasted]

    @property
    def directive(self) -> bool:
        return self.imperative or bool(self.cues["directive"] or self.cues["avoid"])


def _matches(matcher: PhraseMatcher, span: Span) -> dict[str, list[Span]]:
    """Matches by kind, without overlaps inside a kind (the longest wins), labelled without the kind."""
    strings = span.doc.vocab.strings
    by_kind: dict[str, list[Span]] = {}
    for match_id, start, end in matcher(span):
        kind, label = strings[match_id].split("|", 1)
        by_kind.setdefault(kind, []).append(Span(span.doc, start, end, label=label))
    return {kind: filter_spans(found) for kind, found in by_kind.items()}


# a one-word cue ("oublie", "évite") after its subject or an object pronoun is a statement:
# "sinon on t'oublie", "ça vous évite bien des erreurs"
# ("vous" and "nous" are subjects as often as objects: see below; "n'" opens "n'oubliez pas", "en"
# and "y" stand before the verb of a fixed phrase: "il en faut")
_BEFORE_A_CONJUGATED_CUE = ((_BEFORE_A_CONJUGATED_VERB | {"ça", "cela", "qui", "t'"})
                            - {"vous", "nous", "ne", "n'", "en", "y"})


def _conjugated_cue_word(match: Span) -> bool:
    if match.end - match.start != 1 or match.start == 0:
        return False
    doc = match.doc
    before = doc[match.start - 1].lower_
    # an object only after a subject: "ça vous évite", not "vous évitez"; "j'en retiens", not "en retiens"
    if before in ("vous", "nous", "en", "y"):
        return match.start > 1 and doc[match.start - 2].lower_ in _BEFORE_A_CONJUGATED_CUE
    return before in _BEFORE_A_CONJUGATED_CUE


# a practice named in a few words, as the heading of a point, not a sentence of its own
MAX_HEADING_TOKENS = 16


_RECAP_LEAD = re.compile(r"^(?:(?:donc|alors|bon|ok|d'accord|bref|et)[,]?\s+)*")


def recap(text: str) -> bool:
    """A restatement of what was advised ("Donc, si je traduis : pas besoin de …", "Autrement dit : la
    meilleure photo en premier.", "Bon, je récapitule : …")."""
    opening = _RECAP_LEAD.sub("", text.lower().replace("’", "'").lstrip())
    return opening.startswith((":", *load_json("roles.json")["recap_openers"]))


def _infinitive_heading(tokens: list[Token], m: "Matchers") -> bool:
    """A few words opened by an infinitive, with no subject: the name of a practice, as in a list
    of mistakes ("Laisser les messages sans réponse pendant trois jours.").  The tagger reads some
    such infinitives as nouns ("Publier en pleine nuit."), so a first word in -er counts too."""
    if not tokens or len(tokens) > MAX_HEADING_TOKENS:
        return False
    first, low = tokens[0], tokens[0].lower_
    infinitive = (first.morph.get("VerbForm") == ["Inf"] or low in m.infinitives
                  or low.endswith("er") and first.pos_ in ("NOUN", "VERB", "PROPN"))
    return infinitive and not any(tok.lower_ in _SUBJECTS for tok in tokens[1:])


def _schedule_line(tokens: list[Token]) -> bool:
    """A day, and perhaps a part of it, then a colon: a line of a weekly plan read out."""
    days = load_json("timing.json")["days"]
    words = [tok.lower_ for tok in tokens[:3]]
    return bool(words) and words[0] in days and ":" in words[1:3]


def _day_off(tokens: list[Token]) -> bool:
    """A line of a plan that gives its day nothing but a rest: "Vendredi : rien.", "Dimanche : repos." """
    after = [tok.lower_ for tok in tokens[[tok.text for tok in tokens].index(":") + 1:] if not tok.is_punct]
    return bool(after) and all(word in load_json("timing.json")["day_off"] for word in after)


# "au lieu de poster à minuit", "à la place": what the advice replaces
_INSTEAD = (("au", "lieu"), ("à", "la", "place"))


def _says_instead(tokens: list[Token]) -> bool:
    words = [tok.lower_ for tok in tokens]
    return any(tuple(words[i : i + len(phrase)]) == phrase for phrase in _INSTEAD for i in range(len(words)))


def _imperative(tokens: list[Token], m: "Matchers", disclaimed: set[int] = frozenset()) -> tuple[bool, bool, int]:
    """(an advice verb in the imperative opens a clause, it is negated, its doc index); the verbs at
    ``disclaimed`` doc indices ("figurez-vous", "croyez-moi") are none."""
    for i, tok in enumerate(tokens):
        if tok.i in disclaimed:
            continue
        if tok.lower_ not in m.imperatives and not _looks_imperative(tokens, i) and not _looks_tu_imperative(tokens, i, m) and not (
                tok.lower_ in m.verb_forms and _joined_object_pronoun(tokens, i)):
            continue
        if _gives_the_floor(tokens, i) or _inverted_subject(tokens, i):
            continue
        # back over "ne" and the pronouns before the verb: "Ne vous lancez pas", "Ne le faites jamais"
        k = i
        while k > 0 and tokens[k - 1].lower_ in _CLITICS and i - k < 3:
            k -= 1
        if tokens[k].lower_ not in {"ne", "n'"}:
            k = i  # "Vous publiez le soir" is a statement to the listener, not an imperative
        before = [t.lower_ for t in tokens[k:i]]
        k = _before_repetition(tokens, k)
        previous = tokens[k - 1].lower_ if k else ""
        if previous in _SUBJECTS:
            continue  # "je ne pense pas", "il ne va pas": a statement, not an imperative
        if _has_subject(tokens, i, k):
            continue  # "Et Anaïs, elle, ouvre un compte"
        if k == 0 or previous in _CLAUSE_OPENERS or tokens[k - 1].is_punct or _imperative_form(tokens, i, previous):
            # "ne … pas", or spoken without its "ne": "Promettez jamais un délai", "prenez pas la tête"
            spoken = i + 1 < len(tokens) and tokens[i + 1].lower_ in {"pas", "jamais"}
            negated = bool({"ne", "n'"} & set(before)) or spoken
            if negated and keeps_as_is(tokens, i - 1):
                negated = False  # "ne changez rien": keep going as you do
            return True, negated, tok.i
    return False, False, -1


# a subject set apart before its verb: "Et Anaïs, elle, ouvre un compte", "Lui, il …" is read by _SUBJECTS
_DISLOCATED_SUBJECTS = {"il", "elle", "ils", "elles", "lui", "eux"}
_PREPOSITIONS = {"pour", "avec", "chez", "à", "de", "d'", "sans", "selon", "contre", "envers", "sur", "par", "entre", "comme"}


def _has_subject(tokens: list, i: int, k: int) -> bool:
    """The verb at ``i`` (its clause opening at ``k``) has a subject set apart just before it, so it
    is no imperative: "Et Anaïs, elle, ouvre un compte Instagram"."""
    # not a pronoun after a preposition: "Pour eux, publiez le dimanche soir" is an imperative
    governed = k >= 3 and tokens[k - 3].lower_ in _PREPOSITIONS
    return k >= 2 and tokens[k - 1].text == "," and tokens[k - 2].lower_ in _DISLOCATED_SUBJECTS and not governed


# "Vas-y, Monique.", "Allez-y, on vous écoute": a turn given, not an instruction
_GO_AHEAD = {"vas", "va", "allez"}
# … unless it says where to go: "Allez-y sur TikTok."
_DESTINATIONS = {"sur", "avec", "dès", "en"}
# "Dis-leur.", "Raconte !": a turn given when nothing follows but a pronoun
_TELL_ON = {"dis", "dites", "raconte", "racontez", "explique", "expliquez", "continue", "continuez"}
_TELL_ON_PRONOUNS = {"-leur", "-nous", "-moi", "-lui", "leur", "nous", "moi", "lui"}
# verbs a story puts before their subject: "Et puis arrive le printemps 2020.", "Vient ensuite le moment …"
_INVERTING_VERBS = {"arrive", "arrivent", "vient", "viennent", "survient", "surviennent", "débarque"}


def _gives_the_floor(tokens: list, i: int) -> bool:
    """"Vas-y", "Allez-y" at ``i``; "Dis-leur.", "Raconte !" as a whole sentence."""
    joined = "".join(t.lower_ for t in tokens[i + 1 : i + 3])
    if tokens[i].lower_ in _GO_AHEAD and joined.startswith(("-y", "y")):
        # "Allez-y, sur TikTok, surtout avec des chiots." says where to go
        after = [t.lower_ for t in tokens[i + 2:] if not t.is_punct and t.lower_ not in ("-", "-y", "y")]
        return not (after and after[0] in _DESTINATIONS)
    rest = [t.lower_ for t in tokens[i + 1:] if not t.is_punct]
    return i == 0 and tokens[i].lower_ in _TELL_ON and (len(rest) == 0 or len(rest) == 1 and rest[0] in _TELL_ON_PRONOUNS)


def _inverted_subject(tokens: list, i: int) -> bool:
    """A verb at ``i`` of those a story puts before their subject, with its subject after it."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return tokens[i].lower_ in _INVERTING_VERBS and nxt is not None and (nxt.pos_ == "DET" or nxt.lower_ == "ensuite")


READ_OUT_WORDS = 4  # words before a quoted question read out: "Francine demande : « … ? »"
_OPENING_QUOTES = ("«", "“")
_CLOSING_QUOTES = "»”\""


def _ends_with_question(text: str) -> bool:
    """A question mark, or a question read out in quotation marks ("Jacinthe : « Combien d'abonnés
    t'as ? »", "Tu postes tous les jours ? »"), not one quoted as an example inside a longer sentence
    ("posez des questions ouvertes, du genre : « Quelle chanson vous rappelle votre mariage ? »")."""
    text = text.strip()
    if text.endswith("?"):
        return True
    unquoted = text.rstrip(_CLOSING_QUOTES).rstrip()
    if not unquoted.endswith("?") or unquoted == text:
        return False
    opening = max(unquoted.rfind(mark) for mark in _OPENING_QUOTES)
    return opening < 0 or len(unquoted[:opening].split()) <= READ_OUT_WORDS


QUIZ_MARKER_REACH = 3  # tokens from the start of the sentence: "Question numéro trois : …", "Alors, vrai ou faux : …"
_OPTION_LETTERS = {"A", "B", "C", "D"}


def _answer_options(tokens: list) -> bool:
    """A quiz's answer options read out: "a) vers onze heures, b) à quinze heures, c) …", "a le
    matin b à midi c le soir" (a lone "b" then a lone "c", which French has no other use for)."""
    letters = [t.lower_ for t in tokens if t.lower_ in ("b", "c")]
    if "b" in letters and "c" in letters[letters.index("b"):]:
        return True
    # a caller's choice: "A, le matin.", "C) le soir"
    return len(tokens) > 2 and tokens[0].text in _OPTION_LETTERS and tokens[1].text in (",", ")", ":")


def _written(tokens: list) -> bool:
    """Punctuated text, which marks its clauses (a hyphen or an apostrophe marks none)."""
    return any(t.is_punct and t.text not in "-'’" for t in tokens)


_STRESSED_PRONOUNS = frozenset({"eux", "elles", "lui", "toi", "moi"})


def _run_on_imperative(tokens: list[Token], m: "Matchers") -> tuple[bool, bool, int]:
    """A listed imperative right after a verb, an adverb or a conjunction, and before what an
    imperative takes, in a sentence without punctuation ("ça prend une semaine à monter reste sur
    tik tok"); not after a noun, which would be its subject ("la cliente publie des photos"). With
    whether it is negated and where it is, as ``_imperative`` gives them."""
    if _written(tokens):
        return False, False, -1
    for i in range(1, len(tokens) - 1):
        tok, previous, after = tokens[i], tokens[i - 1], tokens[i + 1]
        if tok.lower_ not in m.imperatives or tok.lower_.endswith("ez"):
            continue
        # the tagger reads "ton" in "fais ton live" as a pronoun; a count: "poste deux vidéos"
        takes = after.pos_ in ("DET", "ADP", "NUM") or after.lower_ in _DETERMINER_WORDS
        # after whom it is for: "pour eux fais une liste de diffusion"
        for_someone = previous.lower_ in _STRESSED_PRONOUNS and i > 1 and tokens[i - 2].pos_ == "ADP"
        if (previous.lower_ not in _PRONOUNS and previous.pos_ in ("VERB", "AUX", "ADV", "CCONJ", "INTJ") or for_someone) \
                and takes:
            return True, False, tok.i
        # "pourquoi ne filme jamais sous l'ampoule": a negation with no subject before it
        if previous.lower_ in ("ne", "n'") and after.lower_ in _NEGATIONS and (
                i < 2 or tokens[i - 2].lower_ not in _PRONOUNS and tokens[i - 2].pos_ not in ("NOUN", "PROPN")):
            return True, True, previous.i
    return False, False, -1


def _imperative_form(tokens: list, i: int, previous: str) -> bool:
    """An imperative by its form alone, where speech-to-text left no comma before it ("c'est très
    bien mettez chaque tapis en épingle", "le chameau écris-le en deux lignes"): a vous-form with no
    subject or object pronoun before it, or a verb with its pronoun joined after it."""
    if _written(tokens) or previous in _CLITICS or previous in _SUBORDINATORS:
        return False
    return tokens[i].lower_.endswith("ez") or _joined_object_pronoun(tokens, i)


def _joined_object_pronoun(tokens: list, i: int) -> bool:
    """The verb at ``i`` has an object pronoun joined after it: "fais-le", "envoie-leur" (the
    tokenizer gives "-le", or "-" and "le")."""
    joined = tokens[i + 1].lower_ if i + 1 < len(tokens) else ""
    if joined == "-" and i + 2 < len(tokens):
        joined += tokens[i + 2].lower_
    return joined in _JOINED_OBJECT_PRONOUNS


def _looks_imperative(tokens: list, i: int) -> bool:
    """A verb in -ez opening a clause with no subject before it ("Exportez la vidéo",
    "Donnez-vous un an"): the vous-imperative of verbs the lexicon does not list."""
    low = tokens[i].lower_
    if len(low) < 5 or not low.endswith("ez") or low in _NOT_VERBS_IN_EZ:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is None or nxt.text.startswith("-") or nxt.pos_ in ("DET", "ADP", "NOUN", "ADV", "PRON", "PUNCT", "NUM")


def _looks_tu_imperative(tokens: list, i: int, m: "Matchers") -> bool:
    """A verb opening a clause, followed by what an imperative takes ("Transforme chaque projet",
    "range les meilleures", "Passe sur WhatsApp", "n'envoie jamais", "Réponds à chaque avis"): the
    tu-imperative the small tagger reads as a noun or an adjective. The word must be a verb form for
    the lemmatizer's tables: a regular -er verb's stem in -e, or an irregular form in -s ("choisis",
    "réponds", "mets", "fais"), never an -er verb's "-es" (that needs a subject: "tu crées")."""
    tok = tokens[i]
    low = tok.lower_
    in_s = low == "fais" or (low.endswith(_TU_IMPERATIVE_ENDINGS_IN_S) and not low.endswith("ais"))
    if len(low) < 3 or not (in_s or low.endswith("e")) or low in _NOT_TU_IMPERATIVES or low.endswith("ée"):
        return False  # the word's letters first: most words fail there, before the tagger's reading is looked up
    if tok.pos_ in _NOT_IMPERATIVE_POS or "Part" in tok.morph.get("VerbForm"):  # "une page, créée en 2012", "ouverte du lundi au …"
        return False
    if low.endswith("e"):
        # an irregular form whose stem is a participle is its feminine ("ouverte du mardi au samedi", "prise")
        feminine_participle = (low + "r") not in m.infinitives and low[:-1] in m.verb_forms
        verb = (low + "r") in m.infinitives or low in m.verb_forms and not feminine_participle
    else:
        verb = low in m.verb_forms
    if not verb or i + 1 >= len(tokens) or not _opens_clause(tokens, i):
        return False
    nxt = tokens[i + 1]
    if nxt.lower_ in _INVERTED_SUBJECTS:
        return False
    if nxt.text.startswith("-") or nxt.pos_ in ("DET", "NUM", "PRON") or nxt.lower_ in _AFTER_AN_IMPERATIVE_WORDS:
        return True
    # "Passe sur WhatsApp", "Réponds à chaque avis": a preposition after an -e form only where the
    # tagger saw a verb ("l'influence auprès de …"); irregular forms in -s are hardly ever nouns
    return nxt.pos_ == "ADP" and (tok.pos_ == "VERB" or low.endswith("s"))


def _before_repetition(tokens: list, i: int) -> int:
    """Where a word said twice over starts ("laisse laisse", "publiez publiez", in speech-to-text)."""
    while i > 0 and tokens[i - 1].lower_ == tokens[i].lower_:
        i -= 1
    return i


def _opens_clause(tokens: list, i: int) -> bool:
    """Nothing before the word in its clause but a conjunction or a "ne" that itself opens one."""
    j = _before_repetition(tokens, i) - 1
    if j >= 0 and tokens[j].lower_ in ("ne", "n'"):
        j -= 1
    return j < 0 or tokens[j].is_punct or tokens[j].lower_ in _CLAUSE_OPENERS


def _advice_lemma(token: Token, lemmas: tuple[str, ...]) -> str | None:
    """The advice verb a token conjugates, by lemma or, where the tagger errs on a conditional
    ("conseillerais"), by its stem."""
    for lemma in lemmas:
        if token.lemma_ == lemma or token.lower_.startswith(lemma[:-2]):
            return lemma
    return None


def _advice_verb(tokens: list[Token], verbs: dict[str, frozenset[str]], lemmas: tuple[str, ...]) -> tuple[str | None, int]:
    """("directive" or "avoid", position) for advice said with a verb: "je ne le conseillerais pas",
    "je vous le recommande", "je déconseille", "votre titre doit dire …"; (None, -1) otherwise."""
    for i, tok in enumerate(tokens):
        if tok.lower_ in {"je", "j'"}:
            j, negated = i + 1, False
            while j < len(tokens) and tokens[j].lower_ in _CLITICS:
                negated = negated or tokens[j].lower_ in {"ne", "n'"}
                j += 1
            lemma = _advice_lemma(tokens[j], lemmas) if j < len(tokens) else None
            # "moi, je posterais un jour sur deux", "les Spaces, je ne perdrais pas mon temps": what the
            # speaker would do is what they advise, unless it is a wish or a condition ("si j'avais …")
            # "si j'étais vous, je …" is the advice's own condition, "si j'avais su" a wish
            condition = any(t.lower_ in {"si", "s'"} for t in tokens[:i]) and not _IN_YOUR_SHOES.search(
                " ".join(t.lower_ for t in tokens[:i]))
            would = j < len(tokens) and not lemma and _conditional_form(tokens[j]) and (
                tokens[j].lemma_ not in _NOT_ADVICE_CONDITIONALS) and not condition
            if lemma or would:
                against = lemma in verbs["advise_against"]
                after = [t.lower_ for t in tokens[j + 1 : j + 4]]
                # spoken French drops the "ne": "je te le conseille pas" (but "pas mal de" is not a negation)
                negated = (any(w in {"pas", "jamais", "plus"} for w in after) and (negated or after[:2] != ["pas", "mal"])) or (
                    would and negated)
                return ("avoid" if against != negated else "directive"), i
        elif tok.lower_ in verbs["listener_possessives"] and i + 3 < len(tokens):
            # "votre titre LinkedIn doit dire …": at most two words between the noun and the verb
            for k in range(i + 2, min(i + 5, len(tokens))):
                if tokens[k].lemma_ in verbs["must"] and tokens[k].pos_ in ("VERB", "AUX"):
                    if not tokens[k].lower_.endswith(_IMPERFECT_ENDINGS):
                        return "directive", i
                    break
    return None, -1


def _addresses_listener(tokens: list[Token]) -> bool:
    """Advice said as a statement to the listener: "tu montres directement le résultat",
    "vous publiez le soir" (second person, present, not a question)."""
    for i, tok in enumerate(tokens):
        if tok.lower_ not in {"tu", "t'", "vous"}:
            continue
        if i and not (tokens[i - 1].is_punct or tokens[i - 1].lower_ in _CLAUSE_OPENERS or tokens[i - 1].lower_ in {"pis", "là"}):
            continue  # an object pronoun ("je vous dis"), not the subject of a new clause
        j = i + 1
        while j < len(tokens) and tokens[j].lower_ in _CLITICS:
            j += 1
        # the tagger often misses "Tu" at the start of a sentence, so the verb is checked on its own
        # the tagger takes some second-person verbs for nouns ("Tu ouvres les sacs")
        verb_like = j < len(tokens) and (tokens[j].pos_ in ("VERB", "AUX") or (
            tokens[i].lower_ == "tu" and tokens[j].pos_ == "NOUN" and tokens[j].lower_.endswith("es")))
        if verb_like and tokens[j].lemma_ not in _NOT_ADVICE_VERBS:
            if "Fut" not in tokens[j].morph.get("Tense") and not tokens[j].lower_.endswith(_IMPERFECT_ENDINGS):
                return True
    return False


_IN_YOUR_SHOES = re.compile(r"\bsi j' étais (?:vous|toi|à ta place|à votre place)\b")
# a suggestion asked without its "ne", as spoken: "Pourquoi vous mettriez pas une caméra sur votre casque ?",
# "pourquoi tu postes pas le soir ?" (not a past: "pourquoi vous avez pas …" asks for a reason)
_SPOKEN_SUGGESTION = re.compile(r"\bpourquoi (?:tu|vous|on) (?:l'|la |le |les |y |en )?"
                                r"(?!avez|as|avais|aviez|avait|êtes|es|étiez|étais|était|a )[^\W\d_]+ pas\b")
# a ban said first or last: "Jamais le samedi.", "Pas avant six mois de publications.", "Le dimanche soir,
# jamais.", "Les photos floues, surtout pas."
# ("Les promotions, un rabais, un prix spécial, jamais le dimanche.": the ban last, with what it bans)
_ELLIPTIC_BAN = re.compile(r"^(?:(?:et|mais|par contre|en revanche),? )?(?:pas avant|jamais|surtout pas)\b|,\s*(?:(?:jamais|surtout pas)(?:\s+[\w'’-]+){0,3}|rien)\s*[.!…]*$")
_QUOTE_MARKS = {*_OPENING_QUOTES, *_CLOSING_QUOTES}
_COMPARED = {"moins", "plus", "mieux", "autant", "davantage"}
# a question about the guest's own ("Ton réseau préféré ?", "c'est quoi, ta vitrine ?")
SECOND_PERSON_POSSESSIVES = frozenset(load_json("determiners.json")["second_person"])
# "Oui, mais seulement pour …", "Pour nous, non.", "Chez nous, oui."
# a yes or a no, however said ("Pas pantoute pour nous autres.", "Absolument.", not "Absolument pas.")
_VERDICT = re.compile(r"^(?:(?:pour|chez) (?:nous|moi)(?: autres)?\s*,?\s*)?(oui|non|pas du tout|pas pantoute"
                      r"|(?:absolument|carrément|évidemment|bien sûr)(?! pas| que non))\b", re.IGNORECASE)
_NO = ("non", "pas du tout", "pas pantoute")
_BAN_OPENING = re.compile(r"^(?:et |mais )?(?:surtout )?(pas d(?:e |')\w+)")


_LIST_OPENERS = frozenset({"et", "puis", "ensuite", "enfin", "aussi", "donc", "alors"})


def _infinitive_item(tokens: list[Token], m: "Matchers") -> bool:
    """An item of advice said as an infinitive, without a conjugated verb ("Et répondre à chaque
    message le jour même.", "Publier avant midi."): a verb of publishing or engaging opens it."""
    words = [t for t in tokens if not t.is_punct]
    while words and words[0].lower_ in _LIST_OPENERS:
        words = words[1:]
    return bool(words) and "Inf" in words[0].morph.get("VerbForm") and words[0].lower_.startswith(m.activity) \
        and not any(_finite(t) for t in tokens)


@lru_cache(maxsize=1)
def _not_bans() -> frozenset[str]:
    return frozenset(load_json("activity.json")["not_bans"])


def _finite(tok: Token) -> bool:
    """A conjugated verb or auxiliary ("dix-neuf", "vingt-deux" are sometimes tagged as one)."""
    return (tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm")
            and not (tok.like_num or is_number_word(tok.lower_)))


def _plural_verb_read_as_noun(tokens: list[Token], i: int, m: Matchers) -> bool:
    """"Les familles décident de leur sortie …": a third-person plural the small tagger reads as
    an adverb or a noun, after a plural noun or "ils"/"elles"; a verb for the lemmatizer's tables."""
    low = tokens[i].lower_
    if i == 0 or tokens[i].pos_ in ("VERB", "AUX") or not low.endswith("ent") or len(low) < 6:
        return False
    before = tokens[i - 1]
    subject = before.lower_ in ("ils", "elles") or before.pos_ == "NOUN" and "Plur" in before.morph.get("Number")
    return subject and (low[:-3] + "er" in m.infinitives or low in m.verb_forms)


def _topic_only(tokens: list[Token]) -> bool:
    """A few words without a verb: "Et Instagram ?", "Google Maps ?", "Alors, TikTok."."""
    words = [t for t in tokens if t.is_alpha and t.lower_ not in {"et", "alors", "bon"}]
    return len(words) <= 3 and not any(_finite(t) for t in tokens)


def _ban_without_verb(tokens: list[Token], opening: str) -> bool:
    """"Pas de TikTok pour un domaine viticole : …", "Pas de fils ni de fiscalité sur Snapchat.":
    a ban without its verb, up to the first comma or colon (not "Pas de souci")."""
    ban = _BAN_OPENING.match(opening)
    if not ban or ban.group(1) in _not_bans():
        return False
    clause = takewhile(lambda t: t.text not in {",", ":", ";", "."}, tokens)
    return not any(_finite(t) for t in clause)
_INVERTED_SUBJECT = re.compile(r"^-(t-)?(il|elle|ils|elles|on)$", re.IGNORECASE)
# "il faut", "il vaut mieux", "il suffit", "il doit": advice about a generic "il", not a portrait
_NOT_DESCRIPTIVE_VERBS = {"falloir", "valoir", "suffire", "devoir", "pouvoir", "sembler", "paraître", "avoir", "être", "aller"}


def _framed_ban(ban: Span, cues: list[Span]) -> bool:
    """An avoid cue that is the infinitive of a directive just before it: "je vous conseille de |
    laisser tomber", "il faut | arrêter de"."""
    doc = ban.doc
    for cue in cues:
        if cue.label_ != "directive" or cue.end > ban.start:
            continue
        between = [t.lower_ for t in doc[cue.end:ban.start]]
        if between in (["de"], ["d'"], ["d’"], []):
            return True
    return False


def timing_as_advice(span: Span, m: Matchers) -> Timing:
    """The timing of a sentence read as advice about publishing, whatever its own words say: the
    reply to a claim about posting ("Il faut poster tous les jours ? — Faux. Trois fois par semaine,
    c'est bien assez.")."""
    tokens = list(span)
    said = _matches(m.lexicon, span).get("timing", [])
    return parse_timing(tokens, negative_positions(tokens, set(), _dismissals(tokens, said)), said, True)


def _dismissals(tokens: list[Token], timing_phrases: list[Span]) -> set[int]:
    """Where a time is set aside ("à minuit, c'est trop tard") or a rhythm said to wear out whoever keeps
    it ("Tous les jours, tu vas t'épuiser")."""
    return {phrase.start for phrase in timing_phrases if phrase.label_ == "dismissal"} | exhaustion_starts(tokens)


class _Word:
    """A token whose most read attributes are read from spaCy once: the sentence's rules look at
    each word's lower case, text, tag and index dozens of times, and each look through the Token
    goes back to the Doc. Any other attribute is the token's own."""

    __slots__ = ("token", "i", "text", "lower_", "pos_", "dep_", "lemma_", "is_punct", "is_alpha")

    def __init__(self, token: Token):
        self.token = token
        self.i, self.text, self.lower_, self.pos_ = token.i, token.text, token.lower_, token.pos_
        self.dep_, self.lemma_, self.is_punct, self.is_alpha = token.dep_, token.lemma_, token.is_punct, token.is_alpha

    def __getattr__(self, name: str):
        return getattr(self.token, name)


def read_once(span: Span) -> list:
    """The span's tokens, their common attributes read once (see ``_Word``)."""
    return [_Word(token) for token in span]


def sentence_features(span: Span, index: int, m: Matchers, is_question: bool = False,
                      dinner_is_lunch: bool = False) -> SentenceFeatures:
    """What one sentence says (``is_question``: segmentation found a question without a question
    mark, in speech-to-text; ``dinner_is_lunch``: the episode names the noon meal "le dîner")."""
    text = span.text  # built from the tokens on each call: read once
    f = SentenceFeatures(index=index, question=is_question or _ends_with_question(text))
    tokens = read_once(span)  # every rule below reads these words' attributes, many times over
    avoid_starts: set[int] = set()
    first_cue: tuple[int, str] | None = None
    found = _matches(m.lexicon, span)
    misheard = misheard_networks(span, found.get("net", []), tokens)
    found["net"] = letter_mentions(span, [*found.get("net", []), *misheard], text)
    # "ce n'est pas un conseil" says that what came before was no advice: its "conseil" is no cue
    # nor is the "il faut" of "il faut dire que"
    disclaimed = {k for d in found.get("marker", []) if d.label_ in ("disclaimer", "remark") for k in range(d.start, d.end)}
    framed_at: int | None = None  # where a ban said inside a frame of advice starts
    for match in found.get("cue", []):
        if match.start in disclaimed or _conjugated_cue_word(match):
            continue
        label = match.label_
        f.cues[label] += 1
        if label == "avoid":
            avoid_starts.add(match.start)
            if framed_at is None and _framed_ban(match, found.get("cue", [])):
                framed_at = match.start
        if label in _POLAR_GROUPS and (first_cue is None or match.start < first_cue[0]):
            first_cue = (match.start, "avoid" if label == "avoid" else "do")
    if not f.cues["suggestion"] and _SPOKEN_SUGGESTION.search(text.lower().replace("’", "'")):
        f.cues["suggestion"] += 1
        if first_cue is None:
            first_cue = (span.start, "do")
    if first_cue and first_cue[1] == "do" and framed_at is not None:
        # "je vous conseille de laisser tomber le vendredi", "il faut arrêter de poster tous les jours"
        first_cue = (first_cue[0], "avoid")
    if f.cues["directive"] and not f.cues["avoid"] and first_cue and first_cue[1] == "do":
        # a frame of advice ("si j'étais vous", "je vous conseille") around a negated verb advises against
        verb_group, verb_position = _advice_verb(tokens, m.verbs, m.advice_lemmas)
        if verb_group == "avoid":
            f.cues["avoid"] += 1
            avoid_starts.add(tokens[verb_position].i)
            first_cue = (first_cue[0], "avoid")
    elif not (f.cues["directive"] or f.cues["avoid"]):
        verb_group, verb_position = _advice_verb(tokens, m.verbs, m.advice_lemmas)
        if verb_group and tokens[verb_position].i not in disclaimed:
            f.cues[verb_group] += 1
            if verb_group == "avoid":
                avoid_starts.add(tokens[verb_position].i)
            if first_cue is None or tokens[verb_position].i < first_cue[0]:
                first_cue = (tokens[verb_position].i, "avoid" if verb_group == "avoid" else "do")
    f.imperative, negated_imperative, position = _imperative(tokens, m, disclaimed)
    if not f.imperative:
        f.run_on_imperative, negated_imperative, position = _run_on_imperative(tokens, m)
    if f.imperative or f.run_on_imperative:
        avoid_starts.update({position} if negated_imperative else set())
        if first_cue is None or position < first_cue[0]:
            first_cue = (position, "avoid" if negated_imperative else "do")
    if not f.imperative and not f.question and _addresses_listener(tokens):
        f.cues["address"] += 1
        if first_cue is None:
            first_cue = (span.start, "do")
    elif not f.imperative and not f.question and _infinitive_item(tokens, m):
        f.cues["directive"] += 1
        if first_cue is None:
            first_cue = (span.start, "do")
    f.avoid = bool(f.cues["avoid"]) or negated_imperative
    f.first_polarity = first_cue[1] if first_cue else None
    seen: dict[str, None] = {}
    for match in found.get("net", []):
        seen.setdefault(match.label_, None)
        if _set_aside(match, span.start):
            f.contrasted.append(match.label_)
    if not seen:
        for match in found.get("format", []):
            seen.setdefault(match.label_, None)
    f.networks = list(seen)
    if len(f.networks) >= 2 and not f.question and not f.cues["preference"] and any(t.lower_ == "plutôt" for t in tokens):
        # a choice between networks: "c'est plutôt LinkedIn que Facebook", "plutôt Instagram que Snapchat"
        f.cues["preference"] += 1
        f.first_polarity = f.first_polarity or "do"
    for match in found.get("method", []):
        f.methods[match.label_] += 1
    for match in found.get("marker", []):
        if match.label_ == "quiz":
            # at either end of the sentence: run-on speech-to-text glues the next question to an answer
            f.quiz = f.quiz or match.start - span.start <= QUIZ_MARKER_REACH or all(t.is_punct for t in span.doc[match.end:span.end])
        else:
            setattr(f, match.label_, True)
    f.question = f.question or f.quiz or _answer_options(tokens)
    opening = text.lower().lstrip(" ,;:-–—")
    f.support = opening.startswith(m.support)
    f.continuation = opening.startswith(m.continuation)
    f.conclusion = opening.startswith(m.conclusion)
    f.point = bool(m.point.match(opening))
    f.heading = _infinitive_heading(tokens, m) and not f.imperative and not f.question
    f.schedule_line = _schedule_line(tokens)
    # a summary opens a new tip too: it restates, it does not go on with the last piece of advice
    f.boundary = (opening.startswith(m.boundary) or f.point or bool(f.imperative and _COUNTED_POINT.match(opening))
                  or recap(text))
    # words quoted from someone else: « Postez tous les jours », répète-t-elle
    f.reported = f.reported or any(t.text in _QUOTE_MARKS for t in tokens) and any(
        _INVERTED_SUBJECT.match(t.text) for t in tokens)
    f.narrative = f.narrative or f.reported or _tells_a_story(tokens)
    f.greeting = _greeting(tokens)
    f.dated = any(_YEAR.match(t.text) for t in tokens) or bool(_YEAR_IN_WORDS.search(text))
    f.habit = f.habit or _own_practice(tokens)
    f.described = _describes_someone(tokens)
    f.interface = bool(found.get("interface")) or _interface_step(tokens, m)
    # no conjugated verb: a reply in fragments ("Tous les matins, avant d'aller au bureau.")
    f.verbless = verbless = not any(
        _finite(tok) or _plural_verb_read_as_noun(tokens, k, m) for k, tok in enumerate(tokens))
    # a few words, not a clause whose verb the tagger misread ("Vous y mettez vos concerts, j'imagine.")
    f.fragment = verbless and not (any(t.pos_ in ("VERB", "AUX") for t in tokens)
                                   and any(t.pos_ == "PRON" and t.dep_.startswith("nsubj") for t in tokens))
    # nor one outside a subordinate clause ("Deux fois par mois, quand la diaspora est à la maison.")
    elliptic = not any(_main_clause_verb(tok) for tok in tokens)
    if not f.question and (verbless and _ELLIPTIC_BAN.search(opening) or _ban_without_verb(tokens, opening)):
        # a ban without its verb: "Jamais le samedi.", "Surtout pas de pub."
        f.cues["avoid"] += 1
        f.avoid = f.elliptic_ban = True
        f.first_polarity = "avoid"
        avoid_starts.add(tokens[0].i)
    f.asks_advice = f.question and bool(found.get("ask"))
    f.asks_content = f.question and any(m.label_ == "content_question" for m in found.get("ask", []))
    topic_only = _topic_only(tokens)
    named_alone = bool(f.networks) and topic_only
    f.network_topic = f.question and named_alone
    verdict = _VERDICT.match(text)
    f.verdict = None if f.question or not verdict else "avoid" if verdict.group(1).lower() in _NO else "do"
    f.network_anaphor = bool(found.get("anaphor"))
    f.endorses = any(d.label_ == "endorsement" and _opens(tokens, d.start - span.start) for d in found.get("marker", []))
    f.other_channel = bool(found.get("channel"))
    f.every_network = any(match.label_ == "every_network" for match in found.get("channel", []))
    f.section = opening.startswith(m.section)
    f.network_alone = named_alone and not f.question
    f.substantive = sum(tok.is_alpha for tok in tokens) >= 3
    f.activity = any(tok.lower_.startswith(m.activity) for tok in tokens)
    f.digital = bool(f.networks or found.get("topic")) or any(
        tok.lower_ in m.topic_words or tok.lower_.startswith(m.topic_prefixes) for tok in tokens)
    f.user_side = bool(found.get("user"))
    f.buyer_side = bool(found.get("buyer"))
    f.publishing = bool(found.get("owned")) or any(
        tok.lower_.startswith(m.publishing_prefixes) and tok.lower_ not in m.not_publishing for tok in tokens)
    # not the guest's own ("Ton réseau préféré ?")
    f.topic_question = f.question and f.digital and topic_only and not any(
        t.lower_ in SECOND_PERSON_POSSESSIVES for t in tokens)
    negative = negative_positions(tokens, avoid_starts, _dismissals(tokens, found.get("timing", [])))
    # a rhythm judged enough before a ban is kept: "une vidéo par semaine c'est suffisant faut pas se tuer"
    judged = [match.start for match in found.get("rate", [])]
    judged_first = bool(judged) and (not avoid_starts or min(judged) < min(avoid_starts))
    if f.avoid and not ((f.cues["directive"] and framed_at is None) or f.cues["preference"] or f.first_polarity == "do"
                        or _instruction_after_ban(tokens, m) or judged_first):
        negative = {tok.i for tok in tokens}  # "le lundi, sur LinkedIn, évitez": no day is advised
    # a rhythm recommended outright ("je recommande trois avis chaque semaine"), not a preference
    # for someone who "travaille quotidiennement"
    advised = any(f.cues[g] for g in _INSTRUCTING_GROUPS) or f.imperative
    # a rate with its limit is a rate advised: "Une fois par semaine, pas plus, sinon les modérateurs …"
    limited = bool(f.cues["limit"])
    # a rhythm said of a network or weighed ("Sur Instagram, deux fois par semaine, c'est assez") is a
    # publishing one
    about_posting = f.activity or bool(f.networks) or bool(judged)
    f.timing = parse_timing(tokens, negative, found.get("timing", []), about_posting or elliptic or advised or limited,
                            dinner_is_lunch)
    if not (f.question or f.narrative or f.cues["preference"]) and not f.timing.is_empty() and any(
            t.lower_ == "plutôt" and (k == 0 or tokens[k - 1].text == ",") for k, t in enumerate(tokens[:6])):
        # a slot chosen over another: "Plutôt le soir.", "Le matin, plutôt, entre sept et huit heures."
        f.cues["preference"] += 1
        f.first_polarity = f.first_polarity or "do"
    if f.schedule_line and _day_off(tokens):
        f.timing.days = []  # "Vendredi : rien.": a day of the plan left empty is not advised
    f.patience = any(m.label_ == "persistence" for m in found.get("timing", []))
    # only what a negative scope removed, or a persistence cue, can be mentioned yet not advised
    f.timing_mentioned = not f.timing.is_empty() or mentions_timing(tokens, found.get("timing", []), reparse=bool(negative))
    # a duration is only read after a cue of persistence ("pendant", "au bout de"), so it is advice-like
    f.timing_context = f.activity or bool(f.networks) or bool(f.timing.duration) or any(f.cues[g] for g in _POLAR_GROUPS)
    f.score = _score(f, m)
    f.alternative = f.first_polarity == "do" and _says_instead(tokens)
    return f


def _instruction_after_ban(tokens: list[Token], m: "Matchers") -> bool:
    """A ban followed by what to do instead, in a clause of its own: "Évitez le dimanche,
    postez plutôt le samedi": the days of that clause are advised."""
    return any(tokens[k - 1].text in {",", ";", ":"} and tokens[k].lower_ in m.imperatives
               and not tokens[k].lower_.startswith(("évit", "oubli")) for k in range(1, len(tokens)))


def _set_aside(match: Span, sentence_start: int) -> bool:
    """A network named as the one not to take: "pas par TikTok", "plutôt que Facebook", "au lieu d'Instagram",
    or only compared with: "moins que sur Instagram"."""
    before = [t.lower_ for t in match.doc[max(sentence_start, match.start - 3) : match.start]]
    # the network compared with: "l'heure compte moins que sur Instagram", "ça marche mieux que Facebook"
    compared = [t.lower_ for t in match.doc[max(sentence_start, match.start - 7) : match.start]]
    than = before[-1:] in (["que"], ["qu'"]) or before[-2:] == ["que", "sur"]
    return (before[-1:] == ["pas"] or before[-2:-1] == ["pas"] and before[-1] in {"par", "sur", "de", "d'", "pour", "avec"}
            or before[-2:] == ["plutôt", "que"] or before[-3:-1] == ["au", "lieu"]
            or than and bool(_COMPARED & set(compared)))


def _main_clause_verb(tok: Token) -> bool:
    """A conjugated verb of the main clause: not under "quand", "si", "parce que" nor in a relative."""
    if tok.pos_ not in ("VERB", "AUX") or "Fin" not in tok.morph.get("VerbForm"):
        return False
    clause = tok.head if tok.dep_ in ("aux", "cop", "aux:pass", "aux:tense") else tok
    return not (clause.dep_.startswith("acl") or any(child.dep_ == "mark" for child in clause.children))


def _describes_someone(tokens: list[Token]) -> bool:
    """Someone's practice described in the present, not advice: the subject is "il"/"elle", a
    name or "tout le monde" ("elle publie une vidéo par jour", "Gérard poste ses tomates"), the
    verb neither impersonal ("il faut", "il y a") nor a modal ("il doit"); or the speaker's own
    ("je fais mes stories le matin dans le tram"), with a verb of doing, not of thinking or
    advising ("je pense", "je conseille")."""
    for tok in tokens:
        everyone = tok.lower_ == "monde" and tok.i > 1 and tok.doc[tok.i - 2].lower_ == "tout"  # "tout le monde poste …"
        speaker = tok.lower_ in {"je", "j'"}
        if tok.dep_ != "nsubj" or not (tok.lower_ in {"il", "elle"} or tok.pos_ == "PROPN" or everyone or speaker):
            continue
        verb = tok.head  # the main clause's: "la manière avec laquelle elle répond" is no portrait
        if verb.pos_ != "VERB" or verb.dep_ != "ROOT" or verb.lemma_ in _NOT_DESCRIPTIVE_VERBS:
            continue
        if speaker and _own_doing(verb):
            return True
        if not speaker and "Pres" in verb.morph.get("Tense") and "Ind" in verb.morph.get("Mood"):
            return True
    return False


def _interface_step(tokens: list[Token], m: Matchers) -> bool:
    """A step through an application's screens said as what the listener does ("Vous cliquez sur
    « Programmer »", "tu appuies sur suivant"): a verb of ``activity.json`` ``interface`` whose
    subject is "vous" or "tu", in the indicative (the imperative "cliquez sur le lien" may advise)."""
    # the subject said just before the verb, which the tagger may not read as one ("Vous cliquez dessus")
    return any(tok.lemma_ in m.interface_verbs and k > 0 and tokens[k - 1].lower_ in ("vous", "tu")
               for k, tok in enumerate(tokens))


def _own_doing(verb: Token) -> bool:
    """The speaker's verb tells what they do: a verb of doing in the present (which the tagger
    sometimes calls a future: "je l'écris"), not of thinking or advising ("je pense", "je
    conseille"), nor a conditional ("je posterais", which it reads as a present) or a past."""
    if verb.lemma_ in _NOT_DESCRIPTIVE_VERBS or verb.lemma_ in _verb_words("opinion", "advise", "advise_against"):
        return False
    indicative = verb.morph.get("Mood") == ["Ind"] and not set(verb.morph.get("Tense")) & {"Imp", "Past"}
    return indicative and not _conditional_form(verb)


# what may come before the words that open a sentence: "Alors, faites comme elle.", "Ça, faites comme moi."
_LEAD_WORDS = frozenset({"alors", "donc", "et", "bon", "ben", "bah", "ça", "ca", "mais", "vous", "toi", "aussi", "euh"})


def _opens(tokens: list[Token], position: int) -> bool:
    """Whether the words before ``position`` only lead into it."""
    return all(tok.is_punct or tok.lower_ in _LEAD_WORDS for tok in tokens[:position])


def _own_practice(tokens: list[Token]) -> bool:
    """"Moi, je l'écris le mercredi soir", "Moi, mes statuts, je les regarde tard le soir": the
    speaker's own way, said as theirs, is not advice."""
    words = [t.lower_ for t in tokens[:12]]
    start = 1 if words and words[0] in {"et", "mais"} else 0
    if len(words) <= start or words[start] != "moi":
        return False
    k = next((j for j in range(start + 1, min(len(words), start + 7)) if words[j] in {"je", "j'"}), None)
    verb = next((t for t in tokens[k + 1 : k + 5] if t.lower_ not in _CLITICS), None) if k else None
    if verb is not None and verb.lemma_ == "aller" and tokens[verb.i - tokens[0].i - 1].lower_ == "y":
        # "Moi, j'y vais une fois par semaine": going somewhere, not the future's "je vais"
        return "Pres" in verb.morph.get("Tense")
    return verb is not None and verb.pos_ in ("VERB", "AUX") and _own_doing(verb)


def _tells_a_story(tokens: list[Token]) -> bool:
    """A story, not advice: the imperfect ("il envoyait", "les messages arrivaient") or a past
    ("j'ai lancé", "ma nièce m'a filmé", "on l'a publiée", "tout le monde s'est moqué"), or a past
    that a date sets in the past ("En mars 2022, une chanteuse en vacances a mis notre bouteille …")."""
    dated = None  # whether a date sets the sentence in the past: read only for an auxiliary
    for i, tok in enumerate(tokens):
        if tok.pos_ not in ("VERB", "AUX") or tok.lower_ in _SUBJUNCTIVES_OF_AVOIR:
            continue
        low = tok.lower_
        if low.endswith(_IMPERFECT_ENDINGS):
            hypothetical = any(t.lower_ in {"si", "s'"} for t in tokens[max(0, i - 3) : i])  # "si elle était"
            # the tagger's conditional is trusted only with a conditional's ending ("je postais" is none)
            conditional = (("Cnd" in tok.morph.get("Mood") and low.endswith(_CONDITIONAL_ENDINGS))
                           or low in _COMMON_CONDITIONALS or _conditional_form(tok))
            if not (hypothetical or conditional or low in _PRESENTS_IN_AIS or _present_in_aient(tok)):
                # the tagger misses imperfects in context ("je postais" as a present); its word is trusted
                # only where the ending is also a conditional's ("je préparais" / "je publierais")
                before = tokens[i - 1] if i else None
                after_subject = before is not None and (before.lower_ in _BEFORE_A_CONJUGATED_VERB or before.pos_ in ("NOUN", "PROPN"))
                guessed = after_subject and not low.endswith(_CONDITIONAL_ENDINGS)
                if "Imp" in tok.morph.get("Tense") or guessed:
                    return True  # the imperfect tells what happened ("il envoyait", "je postais")
        if tok.lemma_ not in ("avoir", "être"):
            continue
        if dated is None:
            dated = _dated_in_the_past(tokens)
        if _past_subject(tokens, i, dated):
            if any(t.morph.get("VerbForm") == ["Part"] for t in tokens[i + 1 : i + 4]):
                return True
    return False


_YEAR = re.compile(r"^(?:19|20)\d\d$")
# a year said in words: "deux mille six", "en deux mille", "mille neuf cent …" (not "deux mille abonnés")
_YEAR_IN_WORDS = re.compile(r"\b(?:mille? neuf cent|en deux mille|deux mille[ -](?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|"
                            r"dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente)\b)", re.IGNORECASE)
# "l'an dernier", "la semaine dernière", "hier": the time of a story
_PAST_TIMES = re.compile(r"\b(?:l'an|l'année|la semaine|le mois|l'été|l'hiver|le week-end) (?:derni(?:er|ère)|passée?)\b|\bhier\b|\bil y a (?:deux|trois|quatre|cinq|six|dix|\d+) (?:ans|mois|semaines)\b",
                         re.IGNORECASE)


@lru_cache(maxsize=1)
def _before_a_year() -> frozenset[str]:
    """The words that make a year a date: a month ("en mars 2022"), "en", "depuis"."""
    return frozenset({*load_json("timing.json")["months"], "en", "depuis"})


@lru_cache(maxsize=1)
def _greeting_words() -> tuple[frozenset[str], frozenset[str]]:
    greetings = load_json("activity.json")["greetings"]
    return frozenset(greetings["words"]), frozenset(greetings["with"])


def _greeting(tokens: list[Token]) -> bool:
    """Only a greeting or thanks, names aside ("Bonsoir.", "Bonjour Kader, merci de m'avoir invitée.")."""
    said, allowed = _greeting_words()
    words = [w for t in tokens if not t.is_punct and ((w := t.lower_.replace("’", "'")) in said or t.pos_ != "PROPN")]
    return any(w in said for w in words) and all(w in said or w in allowed for w in words)


def _dated_in_the_past(tokens: list[Token]) -> bool:
    """A year said after "en" or a month ("en 2019", "en mars 2022"), or "l'an dernier", "hier"."""
    dated = any(_YEAR.match(t.text) and k and tokens[k - 1].lower_ in _before_a_year() for k, t in enumerate(tokens))
    return dated or bool(_PAST_TIMES.search(" ".join(t.text for t in tokens).replace("’", "'")))


def _past_subject(tokens: list[Token], i: int, dated: bool = False) -> bool:
    """The auxiliary at ``i`` has a subject that tells a story: a first or third person ("j'ai",
    "on l'a", "nous ont trouvés"), "qui" ("c'est ma sœur qui m'a ouvert") or a noun with a clitic
    between ("ma nièce m'a filmé"); not the listener ("une fois que vous avez publié"). With "être"
    only a reflexive past counts ("le monde s'est moqué"): "elles sont rentrées" is a state."""
    j = i - 1
    reflexive = False
    while j >= 0 and tokens[j].lower_ in CLITICS_BEFORE_A_VERB:  # "on l'a", "elle m'a", "il t'a"
        low = tokens[j].lower_
        if low in _STORY_SUBJECTS and tokens[i].lemma_ == "avoir":
            return True  # "on a", "nous avons" (or an object: "nous ont trouvés", a story too)
        if low in {"vous", "tu", "t'"}:
            return False
        reflexive = reflexive or low in {"s'", "se", "m'", "me"}
        j -= 1
    if tokens[i].lemma_ == "être" and not reflexive:
        return False
    if j < 0:
        return False
    subject = tokens[j]
    if subject.lower_ in _STORY_SUBJECTS or subject.lower_ == "qui":
        return True
    # a noun subject with a clitic before the verb ("ma nièce m'a filmé", "le monde s'est moqué"),
    # not "les vidéos ont …" right after the noun, often a general statement, unless a date says when
    # (a dated story lets the tagger's adjective stand for the noun: "une chanteuse américaine")
    if subject.pos_ not in ("NOUN", "PROPN", "ADJ", "PRON"):
        # a relative clause between someone in particular and the verb ("Un boucher que j'accompagne a
        # posté …"), where the tagger often loses the noun
        return tokens[0].lower_ in _PARTICULAR and any(t.lower_ in ("que", "qu'", "qui") for t in tokens[1:j + 1])
    return subject.pos_ in (("NOUN", "PROPN", "ADJ") if dated else ("NOUN", "PROPN")) and (
        j < i - 1 or dated or _someone_in_particular(tokens, i))


# the determiners of someone in particular: "Une élève de la session de mars a posté …", "Ma voisine a ouvert …"
_PARTICULAR = frozenset({"un", "une", "mon", "ma", "notre"})


def _someone_in_particular(tokens: list[Token], i: int) -> bool:
    """The subject of the past at ``i`` is someone in particular or a number of them ("six infirmières
    ont réservé"), not a general "les vidéos ont …"."""
    participle = next((t for t in tokens[i + 1 : i + 4] if t.morph.get("VerbForm") == ["Part"]), None)
    subjects = [c for c in (participle.children if participle is not None else []) if c.dep_ == "nsubj"]
    return any(d.dep_ == "det" and d.lower_ in _PARTICULAR or d.dep_ == "nummod" for s in subjects for d in s.children)


def _conditional_form(tok: Token) -> bool:
    """A conditional by its form: the infinitive's stem followed by -rais/-rait/-raient
    ("perdrais" of perdre, "finirait" of finir), which the tagger often reads as an imperfect."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if not low.endswith(_CONDITIONAL_ENDINGS) or len(lemma) < 3:
        return False
    if low[: -len("aient") if low.endswith("aient") else -len("ais")] in _verb_words("future_stems"):
        return True  # "ferais" of faire, "irait" of aller
    stem = lemma[:-1] if lemma.endswith("re") else lemma  # perdre -> perdr-, publier -> publier-
    # "achèterais" of acheter: the grave accent of the stem is not the infinitive's
    return unaccented(low).startswith(unaccented(stem)) and len(low) > len(stem)


@lru_cache(maxsize=4)
def _verb_words(*keys: str) -> frozenset[str]:
    """The union of the lists ``keys`` of advice_verbs.json."""
    verbs = load_json("advice_verbs.json")
    return frozenset(word for key in keys for word in verbs[key])


def _present_in_aient(tok: Token) -> bool:
    """Presents of -ayer verbs end like imperfects ("quand ils paient", "ils essaient")."""
    lemma = tok.lemma_.lower()
    return lemma.endswith("ayer") and tok.lower_ == lemma[:-3] + "ient"


def _score(f: SentenceFeatures, m: Matchers) -> float:
    cue_score = sum(m.cue_groups[group]["weight"] for group, n in f.cues.items() if n)
    if f.imperative or f.run_on_imperative:
        cue_score += IMPERATIVE_WEIGHT
    score = min(cue_score, CUE_CAP)
    if f.networks and f.cues["platform_fact"]:
        score += NETWORK_WITH_FACT_BONUS
    if not f.timing.is_empty():
        score += TIMING_WEIGHT + (TIMING_CONTEXT_BONUS if f.timing_context else 0.0)
    if cue_score and f.activity:
        score += ACTIVITY_BONUS
    score += min(sum(f.methods.values()), 2) * METHOD_WEIGHT
    if f.narrative or f.sponsor or f.definition or f.interface:
        score -= 1.0
    if f.reported:
        score -= REPORTED_PENALTY
    if (f.habit or f.described) and not (f.cues["directive"] or f.cues["preference"]):
        score -= 0.6
    if f.question and not f.cues["suggestion"]:
        score -= 0.5
    return round(score, 3)
