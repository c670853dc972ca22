"""Extraction stage: a segmented Episode -> the same Episode with its tips and glossary entries.

Rules over the parsed text (cue phrases, imperatives, networks, timing, method lexicons, all data
files of the package) score each sentence; adjacent sentences carrying one idea form a candidate
tip; the network model (``network_model``) picks the networks each is about among those named in it
and before it, the time-of-day model (``time_model``) and the day model (``day_model``) the times of day and
the days it advises among those it says; the tip model (``rescore``) weighs each candidate from the rules'
evidence and keeps those it finds likely enough; the join model makes one tip of two kept one after the
other that tell one idea in parts.  The six models are trained on annotated episodes.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Span

from ..lexicons import load_json
from ..nlp import load_nlp
from ..records import Episode, ExtractOptions, GlossaryEntry, Timing, Tip
from .features import (TIMING_WEIGHT, Matchers, SentenceFeatures, matchers, recap, sentence_features,
                       timing_as_advice)
from .glossary import find_glossary
from .join_model import join_features, load_join_model
from .network_model import load_network_model, network_candidates
from .time_model import load_time_model, time_candidates
from .day_model import day_candidates, load_day_model
from .rescore import EpisodeProfile, TipModel, kept_values, load_tip_model, tip_features
from .summary import quality as summary_quality, summarise
from .timing import WEEK, hour_of_reply, part_of_day, rhythm_of_reply, speaks_of_dinner_as_lunch
from .tips import ANCHOR_SCORE, Draft, group_tips, merge_timing, on_topic, polarity as tip_polarity

STAGE_VERSION = "128"
# the taxonomy's label for advice that no more specific method lexicon matches
GENERAL_METHOD = "best_practice"
__all__ = ["extract", "candidates", "find_candidates", "kept_candidates", "join_parts", "sentence_spans", "Candidate", "Drafting",
           "AttributeModels", "RULES_ALONE", "STAGE_VERSION"]


def extract(episode: Episode, options: ExtractOptions | None = None, spacy_model: str = "fr_core_news_sm") -> Episode:
    """Find the episode's tips and glossary entries.

    An episode whose detected language is not French is returned with status "skipped" and no
    tips, unless ``options.language`` forces extraction.  Uses the spaCy spans kept by ``segment``
    when present, otherwise parses the sentences again.  Each tip's ``confidence`` is the tip
    model's probability that it is a real tip (``rescore``); those below ``options.min_confidence``
    (by default the model's own threshold) are left out; then two kept tips that the join model
    finds to be one idea told in parts are made one (``join_parts``), unless ``options.join`` is off.
    """
    options = options or ExtractOptions()
    if episode.language != "fr" and not options.language:
        reason = f"language is '{episode.language}', not French (force with --language fr)"
        return _with(episode, tips=[], glossary=[], status="skipped", status_reason=reason)
    found, glossary, drafting = find_candidates(episode, spacy_model)
    model = load_tip_model()
    threshold = model.threshold if options.min_confidence is None else options.min_confidence
    tips = join_parts(kept_candidates(found, model, threshold), drafting, load_join_model() if options.join else None)
    return _with(episode, tips=tips, glossary=glossary, status="ok", status_reason=None)


@dataclass
class Candidate:
    """A tip as the rules find it (``confidence`` is the rules' own), with the tip model's inputs,
    the network model's (each network named in or before it, with its inputs), the time-of-day
    model's (each part of the day it says) and the day model's (each day it says)."""

    tip: Tip
    features: list[float]
    networks: list[tuple[str, list[float]]]
    times: list[tuple[str, list[float]]]
    days: list[tuple[str, list[float]]]
    draft: Draft


@dataclass(frozen=True)
class AttributeModels:
    """The models that choose a tip's networks, times of day and days; ``None``: the rules' own choice."""

    networks: TipModel | None
    times: TipModel | None
    days: TipModel | None


# the rules alone (what the attribute models learn from)
RULES_ALONE = AttributeModels(networks=None, times=None, days=None)


def shipped_models() -> AttributeModels:
    """The network, time-of-day and day models of the package data."""
    return AttributeModels(networks=load_network_model(), times=load_time_model(), days=load_day_model())


def sentence_spans(episode: Episode, nlp: Language) -> list[Span]:
    """The episode's sentences parsed: the spans ``segment`` kept, or parsed again when they were not
    kept (an episode document read back)."""
    if len(episode.docs) == len(episode.sentences):
        return episode.docs
    return [doc[:] for doc in nlp.pipe(s.text for s in episode.sentences)]


class Drafting(NamedTuple):
    """What the drafts of an episode's tips were read from: enough to make a tip of other drafts."""

    episode: Episode
    features: list[SentenceFeatures]
    labelled: bool
    models: AttributeModels


def candidates(episode: Episode, spacy_model: str = "fr_core_news_sm", models: AttributeModels | None = None
               ) -> tuple[list[Candidate], list[GlossaryEntry]]:
    """The tips the rules find in the episode, before the tip model weighs them, and its glossary.
    Their networks and times of day are the choice of ``models`` (by default the shipped ones)."""
    found, glossary, _ = find_candidates(episode, spacy_model, models)
    return found, glossary


def find_candidates(episode: Episode, spacy_model: str = "fr_core_news_sm", models: AttributeModels | None = None
                    ) -> tuple[list[Candidate], list[GlossaryEntry], Drafting]:
    """``candidates``, with what their drafts were read from (to join two of them into one tip)."""
    models = models or shipped_models()
    nlp = load_nlp(spacy_model)
    spans = sentence_spans(episode, nlp)
    m = matchers(nlp)
    dinner_is_lunch = speaks_of_dinner_as_lunch(tok.lower_ for span in spans for tok in span)
    features = [sentence_features(span, i, m, sentence.is_question, dinner_is_lunch)
                for i, (span, sentence) in enumerate(zip(spans, episode.sentences))]
    _disclaimed_habits(episode.sentences, features)
    _advertisements(episode.sentences, features)
    _advice_about_something_else(episode.sentences, features)
    labelled = any(segment.speaker for segment in episode.segments)
    _replies_to_claims(episode.sentences, spans, features, m, labelled)
    _replies_to_topics(features)
    _replies_to_bans(features)
    _announced_sections(features)
    _replies_to_rhythm_questions(episode.sentences, spans, features)
    _replies_to_hour_questions(episode.sentences, spans, features)
    glossary, definition_sentences = find_glossary(episode, nlp, labelled, [f.digital for f in features], spans)
    episode = _advisor_as_guest(episode, features)
    foreign = {i for t in episode.turns if t.foreign for i in range(t.first_sentence, t.last_sentence + 1)}
    drafts = group_tips(episode.sentences, features, definition_sentences | foreign, labelled)
    advising = _advising_sentences(episode.sentences, features)
    if advising < MIN_ADVISING_SENTENCES:
        drafts = []  # a portrait, a quiz, a news round-up: schedules and platforms, but no advice
    drafts = _about_publishing(drafts, features)  # a recipe, a field, a trip: advice, not about publishing
    count = max(len(features), 1)
    profile = EpisodeProfile(digital_share=sum(f.digital for f in features) / count, advising_share=advising / count,
                             story_share=sum(f.narrative for f in features) / count,
                             dated_share=sum(f.dated for f in features) / count)
    found = []
    for draft in drafts:
        made = _tip(episode, draft, features, labelled, models)
        if made is not None:
            tip, networks, times, days = made
            found.append(Candidate(tip, tip_features(episode, draft, features, spans, tip, labelled, profile),
                                   networks, times, days, draft))
    return found, glossary, Drafting(episode, features, labelled, models)


def kept_candidates(found: list[Candidate], model: TipModel, threshold: float) -> list[Candidate]:
    """The candidates ``model`` gives ``threshold`` or more, their tips' confidence its probability."""
    kept = []
    for candidate, probability in zip(found, model.probabilities([c.features for c in found])):
        # the confidence as written in the outputs decides, so that a tip shown at 0.9 passes 0.9
        confidence = round(probability, 2)
        if confidence >= threshold:
            kept.append(replace(candidate, tip=replace(candidate.tip, confidence=confidence)))
    return kept


def join_parts(kept: list[Candidate], drafting: Drafting, model: TipModel | None) -> list[Tip]:
    """The kept tips, each run of them that the join model finds to be one idea told in parts
    (``join_model``) made one tip of all their sentences, as sure as the surest part; without a
    model (``None``), the tips as kept."""
    runs: list[list[Candidate]] = []
    for candidate in kept:
        if runs and model is not None and model.probability(join_features(
                runs[-1][-1].tip, candidate.tip, drafting.episode.sentences, drafting.features)) >= model.threshold:
            runs[-1].append(candidate)
        else:
            runs.append([candidate])
    tips = []
    for run in runs:
        joined = _tip(drafting.episode, Draft(sorted({i for c in run for i in c.draft.sentences}),
                                              sorted({i for c in run for i in c.draft.anchors})),
                      drafting.features, drafting.labelled, drafting.models) if len(run) > 1 else None
        if joined is None:
            tips.extend(c.tip for c in run)
        else:
            tips.append(replace(joined[0], confidence=max(c.tip.confidence for c in run)))
    return tips


# An episode that gives advice says so in more than one sentence (an imperative, "je conseille",
# "il faut", "évitez", "pourquoi ne pas"); a portrait or a quiz has at most a joke of one.
MIN_ADVISING_SENTENCES = 2


def _advising_sentences(sentences: list, features: list[SentenceFeatures], by_host: bool = False) -> int:
    """The guests' (or the hosts') sentences that tell the listener what to do or not to do, stories
    and questions left out."""
    return sum(
        1 for sentence, f in zip(sentences, features)
        if (sentence.role == "host") == by_host and not (f.narrative or f.question or f.sponsor or recap(sentence.text))
        and (f.imperative or f.run_on_imperative or f.answers_claim
             or any(f.cues[group] for group in ("directive", "suggestion", "necessity", "avoid")))
    )


# A coach going through an account, a radio host answering callers: when the host tells this many
# times more often what to do than the guests, the host is the one who advises and the guests ask.
ADVISING_HOST_RATIO = 2


# Two presenters of a webinar, a host who adds advice of her own: when the host advises at least
# this many times, and at least half as often as the guests, the host's statements are advice too.
CO_ADVISING_SENTENCES = 3


def _advisor_as_guest(episode: Episode, features: list[SentenceFeatures]) -> Episode:
    """The episode with host and guest roles exchanged when the host is the one who advises; with
    the host's statements given to the guest's role when the host advises as well."""
    by_host = _advising_sentences(episode.sentences, features, by_host=True)
    by_guests = _advising_sentences(episode.sentences, features)
    if by_host >= MIN_ADVISING_SENTENCES and by_host > ADVISING_HOST_RATIO * by_guests:
        exchanged = {"host": "guest", "guest": "host"}
        return _with(episode, sentences=[replace(s, role=exchanged.get(s.role, s.role)) for s in episode.sentences])
    if by_host >= CO_ADVISING_SENTENCES and 2 * by_host >= by_guests:
        return _with(episode, sentences=[replace(s, role="guest") if s.role == "host" and not f.question else s
                                         for s, f in zip(episode.sentences, features)])
    return episode


# An episode about something else (a recipe, a field, a trip) advises too, in the imperative and
# with days and hours; few of its candidate tips speak of publishing, selling or an audience, or
# answer a question that does. Below this share of such tips, the episode gives no advice about
# publishing (development: 0.12, 0.36 and 0.44 on a farming phone-in, a cooking show and a travel
# diary; 0.58 and above on the episodes that advise).
MIN_ON_TOPIC_SHARE = 0.5


def _about_publishing(drafts: list[Draft], features: list[SentenceFeatures]) -> list[Draft]:
    """The drafts, or when too few of them are about publishing (the episode's subject is another)
    only its section about publishing, if it has one; never those about using the networks rather
    than publishing on them."""
    if not drafts:
        return drafts
    # an episode about using the networks (security, screen time) speaks of it more than of publishing
    users = sum(f.user_side or f.buyer_side for f in features)
    # a buyer's sentence is no publisher's for its "commander" ("… la politique de retour avant de commander")
    publishers = sum(f.publishing and not f.buyer_side for f in features)
    users_episode = users >= USER_SIDE_SENTENCES and users > publishers
    kept = [draft for draft in drafts if not _about_using_networks(draft, features, users_episode)]
    about = sum(1 for draft in kept if on_topic(draft, features))
    if about < MIN_ON_TOPIC_SHARE * len(kept):
        return _publishing_section(kept, features)
    return kept


# the fewest drafts in a row about publishing that make a section of an episode about something else
# (a farrier's advice on horses, then "Sur Instagram, montrez le geste. Et publiez avant la saison…")
SECTION_DRAFTS = 4


def _publishing_section(drafts: list[Draft], features: list[SentenceFeatures]) -> list[Draft]:
    """The drafts of the runs of at least ``SECTION_DRAFTS`` drafts in a row about publishing, in an
    episode whose advice is mostly about something else, and those of its last part when that part
    turns to publishing; scattered ones are asides."""
    topical = [on_topic(draft, features) for draft in drafts]
    kept: list[Draft] = []
    run: list[Draft] = []
    for draft, about in [*zip(drafts, topical), (None, False)]:
        if about:
            run.append(draft)
            continue
        if len(run) >= SECTION_DRAFTS:
            kept += run
        run = []
    ending = _closing_section(drafts, topical, features)
    return [draft for draft in drafts if draft in kept or draft in ending]


def _closing_section(drafts: list[Draft], topical: list[bool], features: list[SentenceFeatures]) -> list[Draft]:
    """The drafts from the first about publishing (``topical``) of the episode's last part that is
    mostly about it (a cooking show, then "Et sur les réseaux, vous faites comment ?"): the advice said
    there, how to film it or how long to persevere included, goes with the publishing."""
    # (and names the networks, not only selling: "Sans papiers, vous ne vendez rien.")
    named = [any(features[i].networks for i in draft.sentences) for draft in drafts]
    for start, about in enumerate(topical):
        rest = topical[start:]
        if about and named[start] and sum(named[start:]) >= SECTION_DRAFTS - 1 and 2 * sum(rest) >= len(rest):
            # up to its last advice about publishing, or about persevering with it ("Tenez trois mois."),
            # not the trade's advice that closes the episode ("Et l'entretien des canaris ?")
            last = max(k for k in range(start, len(drafts))
                       if topical[k] or any(features[i].patience or features[i].timing.duration
                                            for i in drafts[k].sentences))
            return drafts[start:last + 1]
    return []


# sentences that speak of using the networks as a person, and more of them than of publishing: the
# episode advises users (development: 8 to 17 in the four such episodes, at most 8 elsewhere, and
# there outnumbered by sentences about publishing)
USER_SIDE_SENTENCES = 5


def _about_using_networks(draft: Draft, features: list[SentenceFeatures], users_episode: bool) -> bool:
    """Advice to someone who uses the networks, not to someone who publishes on them ("Activez la
    double authentification", "pas de téléphone dans la chambre des ados"): no word of publishing,
    content, customers or selling, and words of ``topic.json`` ``user_side`` or an episode about
    using the networks (or buying: ``buyer_side``); in such an episode, a word of selling said beside
    more words of using does not make the advice a seller's ("Si la boutique refuse le remboursement,
    écrivez au vendeur."), a publisher's possession does ("Mettez sur votre page votre vrai nom.")."""
    publishing = sum(features[i].publishing for i in draft.sentences)
    if users_episode:
        return publishing <= sum(features[i].user_side or features[i].buyer_side for i in draft.sentences)
    # elsewhere a word of using does not outweigh a schedule ("deux messages par semaine … au troisième,
    # les gens coupent les notifications")
    return not publishing and any(features[i].user_side for i in draft.sentences) and not any(
        features[i].activity and not features[i].timing.is_empty() for i in draft.sentences)


def _disclaimed_habits(sentences: list, features: list[SentenceFeatures]) -> None:
    """A practice the speaker disowns in the next sentence ("Moi, je publie tous les jours à 6h30.
    Mais ça, c'est parce que je suis insomniaque, c'est pas une méthode.") is a habit, not advice."""
    for i, f in enumerate(features):
        if f.disclaimer and not f.directive:
            f.habit = True
            if i > 0 and sentences[i - 1].speaker == sentences[i].speaker and not features[i - 1].directive:
                features[i - 1].habit = True


AD_SENTENCES = 4  # the most sentences an advertisement runs after the words that open it


def _advertisements(sentences: list, features: list[SentenceFeatures]) -> None:
    """An advertisement read in the episode gives no advice, however it is worded ("Cet épisode vous
    est proposé par Loca'Kaz … Réservez avant jeudi avec le code KABAR."): the sentences after its
    opening words (``activity.json``), by the same voice, up to the return to the conversation ("Et on
    est de retour avec Maëlys.") or a question."""
    words = load_json("activity.json")
    openers, returns = tuple(words["ad_openers"]), tuple(words["ad_returns"])
    for i, opening in enumerate(sentences):
        if not any(phrase in opening.text.lower() for phrase in openers):
            continue
        for j in range(i + 1, min(len(sentences), i + 1 + AD_SENTENCES)):
            if (sentences[j].speaker != opening.speaker or features[j].question
                    or any(phrase in sentences[j].text.lower() for phrase in returns)):
                break
            if not features[j].sponsor:
                features[j].sponsor = True
                features[j].score -= 1.0  # what a sponsor's sentence loses (features._score)


@lru_cache(maxsize=1)
def _not_for_publishing() -> tuple[str, ...]:
    """'pas pour les réseaux', 'pas pour Instagram' …: what is said of advice about something else."""
    networks = load_json("networks.json")
    names = [name.lower() for key, aliases in networks.items() if not key.startswith("_") for name in [key, *aliases]]
    return (*load_json("activity.json")["not_for_publishing"], *(f"pas pour {name}" for name in names))


@lru_cache(maxsize=1)
def _not_for_publishing_said() -> re.Pattern:
    """Any of ``_not_for_publishing``'s phrases inside a text, in one search (every sentence is read)."""
    return re.compile("|".join(map(re.escape, _not_for_publishing())))


def _advice_about_something_else(sentences: list, features: list[SentenceFeatures]) -> None:
    """Advice the speaker says is about something else ("Laissez macérer trois mois, à l'ombre. Mais
    ça, c'est pour le rhum, pas pour Instagram !", "Ça, c'est pour la boutique, pas pour les réseaux :
    rentre tes maillots à l'ombre.") is no tip: the sentence that says so, and when it gives no advice
    itself, the advice just before it by the same voice (the one just after it when the aside is
    announced: "Un conseil qui n'a rien à voir avec les réseaux : …", the reply when it is asked
    for: "Un conseil de boucher, hors réseaux ?"); so are the care of a product and the running of the
    shop said without a word of the digital world ("Après ouverture, gardez-la au frais.", "N'embauchez
    jamais un ami."), and the work a class asks of its students ("Lisez le chapitre quatre du polycopié.")."""
    said_elsewhere = _not_for_publishing_said()
    ahead = tuple(load_json("activity.json")["aside_ahead"])
    trade = tuple(load_json("activity.json")["trade_advice"])
    words = [_WORD.findall(sentence.text.lower()) for sentence in sentences]
    in_class = _is_a_class(words)
    for i, sentence in enumerate(sentences):
        text = sentence.text.lower()
        if in_class and not _class_lexicon().coursework.isdisjoint(words[i]):
            # a class's own work ("Lisez le chapitre quatre du polycopié.") and, when it is asked for, what the
            # teacher asks next ("Ensuite, relevez ses publications Instagram …")
            features[i].elsewhere = True
            if features[i].directive:
                _set_aside_from(i, sentences, features)
            continue
        if not features[i].digital and _about_the_goods_or_the_shop(text):
            features[i].elsewhere = True
            continue
        if any(phrase in text for phrase in ahead):
            # announced before the advice: this sentence, or the next by the same voice
            features[i].elsewhere = True
            if not features[i].directive and i + 1 < len(sentences) and sentences[i + 1].speaker == sentence.speaker:
                features[i + 1].elsewhere = True
            if features[i].question and i + 1 < len(sentences):
                # asked for ("Un conseil de boucher, pour finir, hors réseaux ?"): the reply
                _set_aside_from(i + 1, sentences, features)
            continue
        if _announces(text, trade) and not _about_publishing_here(features[i]):
            # "Et un petit conseil de vieux plombier, pour finir : coupez l'eau au compteur."
            _set_aside_from(i, sentences, features, until=_about_publishing_here)
            continue
        if not said_elsewhere.search(text):
            continue
        features[i].elsewhere = True
        if features[i].directive:
            continue
        for j in range(i - 1, max(i - 1 - ELSEWHERE_SENTENCES, -1), -1):
            if sentences[j].speaker != sentence.speaker or features[j].question:
                break
            features[j].elsewhere = True
            if features[j].directive:
                break


CLASS_WORDS = 3  # distinct words only a class says of itself ("polycopié", "binôme", "séance") that make an episode one


_WORD = re.compile(r"[^\W\d_]+")


class _ClassLexicon(NamedTuple):
    class_words: frozenset[str]  # what only a class says of itself
    coursework: frozenset[str]  # those and the other words of its work (exams, notes, the course)


@lru_cache(maxsize=1)
def _class_lexicon() -> _ClassLexicon:
    activity = load_json("activity.json")
    class_words = frozenset(activity["class_words"])
    return _ClassLexicon(class_words, class_words | frozenset(activity["coursework"]))


def _is_a_class(words: list[list[str]]) -> bool:
    """The episode (``words``: each sentence's, lower case) is a class: a teacher speaks of the course's own
    work (a lecture, a seminar)."""
    said = {word for sentence in words for word in sentence}
    return len(said & _class_lexicon().class_words) >= CLASS_WORDS


def _set_aside_from(first: int, sentences: list, features: list[SentenceFeatures],
                    until: Callable[[SentenceFeatures], bool] = lambda f: False) -> None:
    """Sentence ``first`` and the few after it by the same voice, up to a question (or a sentence
    ``until`` stops at), are advice about something else."""
    voice = sentences[first].speaker
    for j in range(first, min(len(sentences), first + 1 + ELSEWHERE_SENTENCES)):
        if sentences[j].speaker != voice or features[j].question or until(features[j]):
            break
        features[j].elsewhere = True


def _announces(text: str, phrases: tuple[str, ...]) -> bool:
    """One of ``phrases`` opens what the sentence says, not "c'est un conseil de …" after it."""
    return any(0 <= (at := text.find(phrase)) and "c'est" not in text[:at].replace("’", "'") for phrase in phrases)


def _about_publishing_here(f: SentenceFeatures) -> bool:
    """The sentence speaks of the digital world, a network, or patience with it."""
    return f.digital or bool(f.networks) or f.patience


def _about_the_goods_or_the_shop(text: str) -> bool:
    """The care of a product ("après ouverture, gardez-la au frais", "trempez le fil"), or the running
    of a shop other than publishing ("n'embauchez jamais un ami", "ne bradez jamais") when it is not
    shown to the audience ("Montrez une machine, un apprenti."): the words of ``activity.json``, read
    with one split of the sentence into words (``text`` lower-cased)."""
    words = _WORD.findall(text)
    lexicon = _goods_and_shop_words()
    if any(phrase in text for phrase in lexicon.care_phrases) or not lexicon.care_verbs.isdisjoint(words):
        return True
    return not lexicon.business.isdisjoint(words) and not any(word.startswith(lexicon.shown) for word in words)


class _GoodsAndShopWords(NamedTuple):
    care_phrases: tuple[str, ...]
    care_verbs: frozenset[str]
    business: frozenset[str]
    shown: tuple[str, ...]


@lru_cache(maxsize=1)
def _goods_and_shop_words() -> _GoodsAndShopWords:
    activity = load_json("activity.json")
    return _GoodsAndShopWords(tuple(activity["product_care"]), frozenset(activity["product_care_verbs"]),
                              frozenset(activity["running_the_business"]), tuple(activity["shown"]))


ELSEWHERE_SENTENCES = 2  # how far back the advice that a "pas pour les réseaux" sets aside may start


def _replies_to_topics(features: list[SentenceFeatures]) -> None:
    """A yes or a no right after a question that only names a network ("Et TikTok ? — Oui, mais
    seulement pour la fabrication", "X ? — Pour nous, non.") is advice for or against it; so are the
    few words that answer a question naming only a thing to publish ("Les hashtags ? — Cinq,
    maximum.", "Les lives ? — Avant Noël seulement.")."""
    for i in range(1, len(features)):
        f = features[i]
        asked = features[i - 1]
        # or a question whether to go on a network at all ("Et Snapchat, il faut y aller aussi ? — Non, pas pour vous.")
        whether_to_go = asked.question and asked.discussed_networks and (
            asked.cues["directive"] or asked.cues["necessity"] or asked.asks_advice)
        if f.verdict and (asked.network_topic or whether_to_go):
            # a bare "Oui." leaves the advice to the next sentence ("Google Maps ? — Oui. Le point de rendez-vous…")
            said = [f] if f.substantive or i + 1 == len(features) else [f, features[i + 1]]
        elif asked.topic_question and f.fragment and not f.question:
            said = [f]
        else:
            continue
        for g in said:
            if not (g.question or g.narrative or g.habit or g.sponsor):
                g.score = max(g.score, ANCHOR_SCORE)
                if f.verdict:
                    g.first_polarity = g.first_polarity or f.verdict
                    g.avoid = g.avoid or f.verdict == "avoid"


class _ClaimVerdicts(NamedTuple):
    opening: re.Pattern[str]  # a reply opening with a verdict: "Faux.", "Vrai, sauf pour Facebook."
    refuting: frozenset[str]


@lru_cache(maxsize=1)
def _claim_verdicts() -> _ClaimVerdicts:
    verdicts = load_json("activity.json")["claim_verdicts"]
    words = "|".join(re.escape(w) for w in sorted(verdicts["true"] + verdicts["false"], key=len, reverse=True))
    return _ClaimVerdicts(re.compile(rf"^(?:{words})(?![\w'’-])", re.IGNORECASE),
                          frozenset(w.lower() for w in verdicts["false"]))


def _replies_to_claims(sentences: list, spans: list, features: list[SentenceFeatures], m: Matchers,
                       labelled: bool) -> None:
    """A statement answered "Vrai." or "Faux." by another voice (by any voice, without speaker labels:
    "Il faut poster tous les jours sur Instagram. — Faux. Trois fois par semaine, c'est bien assez.")
    is a claim put to the test, not advice; when it speaks of publishing, the answer after the verdict
    is the advice, its rhythm a rhythm of publishing.  A claim about the past ("Instagram a été créé
    en 2010.") asks for no advice."""
    verdicts = _claim_verdicts()
    for i in range(1, len(features)):
        said = verdicts.opening.match(sentences[i].text.strip())
        claim = features[i - 1]
        if not said or claim.question or (labelled and sentences[i].role == sentences[i - 1].role):
            continue
        claim.question = claim.quiz = True
        if not (claim.digital or claim.networks) or any(
                t.morph.get("Tense") in (["Past"], ["Imp"]) for t in spans[i - 1]):
            continue
        k = i if features[i].substantive or i + 1 == len(features) else i + 1
        answer = features[k]
        if answer.question or answer.narrative or answer.habit or answer.sponsor or (
                labelled and sentences[k].role != sentences[i].role):
            continue
        answer.score = max(answer.score, ANCHOR_SCORE)
        answer.answers_claim = True
        if answer.timing.is_empty():
            answer.timing = timing_as_advice(spans[k], m)
            answer.timing_mentioned = answer.timing_mentioned or not answer.timing.is_empty()
        if answer.first_polarity is None:
            # "Il faut acheter des abonnés. — Faux." advises against, unless the answer says what to do
            # instead ("Faux. Trois fois par semaine.", "Faux. Le mercredi à midi."); "… ça ne sert à
            # rien. — Vrai." agrees with a ban
            told = [features[j] for j in (k, k + 1) if j < len(features) and sentences[j].role == sentences[k].role]
            instead = any(not g.timing.is_empty() or g.first_polarity == "do" for g in told)
            if said.group(0).lower() in verdicts.refuting:
                answer.first_polarity = "avoid" if claim.first_polarity == "do" and not instead else "do"
            else:
                answer.first_polarity = claim.first_polarity or "do"
            answer.avoid = answer.avoid or answer.first_polarity == "avoid"


def _replies_to_bans(features: list[SentenceFeatures]) -> None:
    """The few words that answer a question about what to avoid ("Le pire jour pour une promo ?
    — Le vendredi soir.", "Un réseau à oublier ? — X.") name what is advised against."""
    for i in range(1, len(features)):
        f = features[i]
        if features[i - 1].question and features[i - 1].first_polarity == "avoid" and f.verbless and not f.question:
            f.first_polarity = "avoid"
            f.avoid = True


def _announced_sections(features: list[SentenceFeatures]) -> None:
    """A network said alone, and not in reply to a question, opens a section like "Parlons de …":
    "Et en ligne, presque tout vient de TikTok. Alors, TikTok. — Tu conseilles quoi … ?"."""
    for i, f in enumerate(features):
        if f.network_alone and not (i > 0 and features[i - 1].question):
            f.section = True


def _replies_to_rhythm_questions(sentences: list, spans: list, features: list[SentenceFeatures]) -> None:
    """A reply that counts without its period ("Combien de fois par semaine ? — Trois Reels, pas plus.")
    or lists the days of a schedule ("À quel rythme ? — Le lundi, le mercredi pis le vendredi.") gives
    the rhythm the question asks for."""
    for i in range(1, len(features)):
        f = features[i]
        if not features[i - 1].question or f.question or f.timing.frequency:
            continue
        rhythm = rhythm_of_reply(sentences[i - 1].text, list(spans[i]), f.timing.days)
        if rhythm:
            f.timing.frequency, f.timing.frequency_count = rhythm
            f.timing_mentioned = True


def _replies_to_hour_questions(sentences: list, spans: list, features: list[SentenceFeatures]) -> None:
    """A clock time said alone after a question about the hour ("La meilleure heure ? — Dix-sept
    heures.", "L'heure ? — Tard. Vingt-deux heures.") is the hour the question asks for."""
    for i in range(1, len(features)):
        f = features[i]
        back = 2 if i > 1 and features[i - 1].verbless and not features[i - 1].question else 1
        asked = next((k for k in range(i - 1, i - 1 - back, -1) if features[k].question), None)
        if asked is None or f.question or f.timing.hours:
            continue
        said = hour_of_reply(sentences[asked].text, list(spans[i]))
        if said:
            hour, minute = said
            f.timing.hours = [f"{hour:02d}:{minute:02d}"]
            f.timing.times_of_day = [part_of_day(hour)]
            f.timing_mentioned = True
            f.score += TIMING_WEIGHT  # what any sentence with a time gets


def _with(episode: Episode, **changes) -> Episode:
    result = replace(episode, **changes)
    result.docs = episode.docs
    return result


Named = list[tuple[str, list[float]]]  # each value a model may choose, with its inputs


def _tip(episode: Episode, draft: Draft, features: list[SentenceFeatures], labelled: bool,
         models: AttributeModels) -> tuple[Tip, Named, Named, Named] | None:
    """The tip of a draft, and its candidate networks, times of day and days with the models' inputs."""
    sentences = [episode.sentences[i] for i in draft.sentences]
    anchors = [features[i] for i in draft.anchors]
    polarity = tip_polarity(features, draft.sentences)
    timing = merge_timing(features, draft.sentences, avoid=polarity == "avoid")
    said_times = time_candidates(draft, features, timing, polarity)
    said_days = day_candidates(draft, features, timing, polarity)
    # patience ("soyez patients", "trois mois avant de juger") is advice for any network
    persevering = any(features[i].patience for i in draft.sentences) and not (
        timing.days or timing.times_of_day or timing.frequency)
    # advice about e-mail or a website is not about the network discussed before it
    elsewhere = persevering or any(features[i].other_channel for i in draft.sentences)
    # (said in the advice itself, not in a sentence that only follows it)
    every_network = any(features[i].every_network for i in (draft.sentences[0], *draft.anchors))
    networks = [] if every_network else _tip_networks(draft, features) or ([] if elsewhere else (
        _context_networks(episode, draft, features, labelled) or _section_networks(draft.sentences[0], features)))
    methods = sum((features[i].methods for i in draft.sentences), start=Counter())
    method = methods.most_common(1)[0][0] if methods else GENERAL_METHOD
    timed = not timing.is_empty() or any(features[i].timing_mentioned for i in draft.sentences)
    platform_fact_only = all(a.cues["platform_fact"] and not a.directive for a in anchors)
    # advice on how to do things is a method; a timing tip is one only when it also says how
    is_method = not platform_fact_only and (not timed or sum(methods.values()) >= 2)
    named = network_candidates(episode.sentences, draft, features, networks, timing, polarity, is_method, labelled)
    if elsewhere:  # nor does the model carry one over: only those the advice names are its to weigh
        said = _said_networks(draft, features)
        named = [(name, x) for name, x in named if name in said]
    if models.networks is not None and not every_network:
        networks = _chosen_networks(models.networks, draft, features, networks, named)
    if models.times is not None:  # only now: the network model reads the rules' times, as it learnt them
        timing = _with_times(timing, kept_values(models.times, said_times))
    if models.days is not None:  # (the day of a weekly plan's line is its slot: "Jeudi : la liste sur WhatsApp.")
        kept = set(kept_values(models.days, said_days)) | (planned_days(draft, features) & set(timing.days))
        timing = replace(timing, days=sorted(kept, key=WEEK.index))
    categories = []
    if networks:
        categories.append("network")
    if timed:
        categories.append("timing")
    if is_method:
        categories.append("method")
    candidates = [
        (summarise(episode.sentences[i].text, networks), features[i])
        for i in draft.sentences
        if features[i].score >= 0.3 or i in draft.anchors
    ]
    summary, best = max(candidates, key=lambda c: summary_quality(c[0], c[1].score + (0.3 if c[1].first_polarity else 0.0)))
    if len(summary.split(" : ")[-1].split()) < 3 and best.index > 0:
        # "Ah non, surtout pas." answers what was said just before
        before = episode.sentences[best.index - 1].text.rstrip(" ?.!…")
        reply = episode.sentences[best.index].text
        summary = summarise(f"{before} : {reply[:1].lower()}{reply[1:]}", networks)
    if not summary:
        return None
    quote = " ".join(s.text for s in sentences)
    key = f"{episode.id}:{sentences[0].index}:{quote}"
    return Tip(
        id=f"{episode.id}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}",
        episode=episode.id,
        quote=quote,
        summary=summary,
        start=sentences[0].start,
        end=sentences[-1].end,
        speaker=next((s.speaker for s in sentences if s.speaker), None),
        categories=categories,
        networks=networks,
        timing=timing,
        method=method if "method" in categories else None,
        polarity=polarity,
        confidence=_confidence(anchors, len(sentences)),
        sentences=[s.index for s in sentences],
    ), named, said_times, said_days


def _chosen_networks(model: TipModel, draft: Draft, features: list[SentenceFeatures], rules: list[str],
                     named: Named) -> list[str]:
    """The networks the network model keeps among ``named``, with those the rules took from the
    advice's own words.  A reply to a question that points back to a network ("Et qu'est-ce que
    vous y mettez ?") keeps the rules' choice: the network is said, not guessed."""
    first = draft.sentences[0]
    if rules and first > 0 and features[first - 1].question and features[first - 1].network_anaphor:
        return rules
    said = _said_networks(draft, features)
    own = [name for name in rules if name in said]
    return own + [name for name in kept_values(model, named) if name not in own]


def _said_networks(draft: Draft, features: list[SentenceFeatures]) -> set[str]:
    """The networks the draft's own sentences name."""
    return {name for i in draft.sentences for name in features[i].networks}


def planned_days(draft: Draft, features: list[SentenceFeatures]) -> set[str]:
    """The days said by the lines of a weekly plan in the draft ("Mercredi : un live TikTok à 20 h.")."""
    return {day for i in draft.sentences if features[i].schedule_line for day in features[i].timing.days}


def _with_times(timing: Timing, times: list[str]) -> Timing:
    """``timing`` with only ``times`` for its times of day, and the hours said of those."""
    dropped = set(timing.times_of_day) - set(times)
    hours = [h for h in timing.hours if part_of_day(int(h[:2])) not in dropped]
    return replace(timing, times_of_day=times, hours=hours)


def _tip_networks(draft: Draft, features: list[SentenceFeatures]) -> list[str]:
    """The networks the advice names (its anchors, and the sentence that leads into it); those of
    the sentences that only explain it count when the advice names none ("Transforme chaque
    projet en épingles. Une épingle vit des mois, pas deux jours comme un post Instagram.")."""
    core = [i for i in draft.sentences if i in draft.anchors or i == draft.sentences[0]]
    for indices in (core, draft.sentences):
        names = list(dict.fromkeys(n for i in indices for n in features[i].networks))
        if names:
            return names
    return []


# How far back a tip without a network of its own looks for the network being discussed.
CONTEXT_SENTENCES = 4


def _context_networks(episode: Episode, draft: Draft, features: list[SentenceFeatures], labelled: bool) -> list[str]:
    """The network under discussion just before the tip: named by the guest a few sentences
    earlier in the same turn, or in the host's question that opened the turn (``labelled``:
    whether the source named its speakers)."""
    first = draft.sentences[0]
    turn = episode.sentences[first].turn
    for i in range(first - 1, max(first - 1 - CONTEXT_SENTENCES, -1), -1):
        sentence = episode.sentences[i]
        if features[i].every_network:
            return []  # "Ce que je vais dire maintenant, c'est valable sur tous les réseaux."
        # the network under discussion, not one just set aside ("Commencez par là, pas par TikTok.")
        discussed = features[i].discussed_networks
        if discussed and (sentence.turn == turn or sentence.role == "host"):
            return discussed
        if sentence.role == "host" and sentence.turn != turn and not features[i].networks and i < first - 1:
            break
    return _question_networks(episode, first, features, labelled)


# A follow-up question this short without a network of its own ("Et le rythme, là-bas ?", "Et
# l'heure ?") goes on with the network of the question before it.
FOLLOW_UP_WORDS = 6
FOLLOW_UP_DEPTH = 2


def _question_networks(episode: Episode, first: int, features: list[SentenceFeatures], labelled: bool) -> list[str]:
    """The networks of the host's question that opened the answer the tip is in, however long the
    answer ("Et Threads ? — Là-bas, le public est plus jeune. … Raccourcissez."), unless the
    guest has named one since; a short follow-up question ("Et le rythme, là-bas ?") carries on
    the one before it.  Without speaker labels any question opens an answer: the host's short
    questions are not known as the host's."""
    sentences = episode.sentences

    def asks(k: int) -> bool:
        return sentences[k].role == "host" or not labelled and sentences[k].is_question

    i = first - 1
    for depth in range(FOLLOW_UP_DEPTH + 1):
        while i >= 0 and not asks(i):  # back over the answer to the question
            if features[i].every_network:
                return []  # the answer turned to advice for every network
            if features[i].networks:
                # a short follow-up goes on with the network the answer before it was about ("Et sur
                # Instagram, tout se joue sur la première image. — Et combien d'images ?"); in the
                # tip's own answer, the guest moved on to a network of their own
                return features[i].discussed_networks if depth and _asks_how_much(sentences[question].text) else []
            i -= 1
        if i < 0:
            return []
        question = i
        while i >= 0 and asks(i):
            if features[i].networks:
                return list(features[i].networks)
            if features[i].network_anaphor:
                # "Pis à quel rythme, sur ce réseau-là ?": the one discussed before the question
                return _discussed_before(i, features)
            i -= 1
        if not sentences[question].is_question or len(sentences[question].text.split()) > FOLLOW_UP_WORDS:
            return []
    return []


# a follow-up about the rhythm, the hour or the number of what was just discussed
_HOW_MUCH = re.compile(r"\b(?:combien|quand|rythme|fréquence|heure|quel jour|quels jours|quel moment)\b", re.IGNORECASE)


def _asks_how_much(question: str) -> bool:
    return bool(_HOW_MUCH.search(question))


# How far back the opening of a section ("Parlons d'Instagram.") still gives its network.
SECTION_SENTENCES = 20


def _section_networks(first: int, features: list[SentenceFeatures]) -> list[str]:
    """The network of the section the tip is in ("Parlons d'Instagram. … Et à quel rythme ? — Tous
    les trois jours."), unless a network other than the section's was named since, or a section
    without one began ("On passe aux questions rapides.")."""
    named: set[str] = set()
    for i in range(first - 1, max(first - 1 - SECTION_SENTENCES, -1), -1):
        f = features[i]
        if f.section:
            return f.discussed_networks if named <= set(f.discussed_networks) else []
        named.update(f.discussed_networks)
    return []


def _discussed_before(question: int, features: list[SentenceFeatures]) -> list[str]:
    """The networks discussed in the few sentences before a question, those set aside left out."""
    for i in range(question - 1, max(question - 1 - CONTEXT_SENTENCES, -1), -1):
        if features[i].discussed_networks:
            return features[i].discussed_networks
    return []


def _confidence(anchors: list[SentenceFeatures], size: int) -> float:
    """The rules' own confidence in a tip, from its anchors' scores: one input of the tip model,
    whose probability replaces it."""
    best = max(a.score for a in anchors)
    value = 0.35 + 0.3 * min(best, 2.0) + 0.05 * min(len(anchors) - 1, 2) + 0.02 * min(size, 4)
    return round(min(value, 0.99), 2)
