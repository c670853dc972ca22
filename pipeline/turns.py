"""Speaker turns: explicit labels when the source has them, otherwise host and guest inferred.

The host welcomes, introduces, asks, recaps and thanks; the guest answers.  Without labels each
sentence is first classified from cue phrases (``data/roles.json``), then the classification is
smoothed: a question next to a host sentence is the host's, the introduction up to the first host
question is the host's, a sentence wedged between two host sentences is the host's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.attrs import IS_ALPHA, IS_STOP
from spacy.tokens import Doc, Span

from .language import detect_language
from .lexicons import load_json, phrase_matcher
from .nlp import load_nlp, with_entities
from .records import Episode, SegmentOptions, Sentence, Turn

HOST, GUEST = "host", "guest"
# A turn whose share of French function words is below this is checked with langdetect.
FRENCH_STOPWORD_SHARE = 0.25
OUTRO_SHARE = 0.85  # the host's closing thanks fall in the last 15 % of the sentences
QUESTION_WEIGHT = 0.5  # of a question against a host cue, when labelled speakers are told apart
INTRO_CUES = ("nous recevons", "je reçois", "on reçoit", "nous accueillons", "j'accueille", "on accueille", "notre invité", "notre invitée", "mon invité", "mon invitée")


@lru_cache(maxsize=4)
def _matcher(nlp: Language) -> PhraseMatcher:
    roles = load_json("roles.json")
    return phrase_matcher(nlp, {"host": roles["host"], "guest_reply": roles["guest_reply"], "host_ack": roles["host_ack"], "intro": list(INTRO_CUES)})


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(load_json("roles.json")["not_names"])


@lru_cache(maxsize=1)
def _second_person_words() -> frozenset[str]:
    return frozenset(load_json("roles.json")["second_person"])


def _second_person(span: Span) -> bool:
    words = _second_person_words()
    return any(tok.lower_ in words for tok in span)


def _rhetorical(span: Span, following: Span | None) -> bool:
    """Short questions the speaker answers at once ("Pourquoi ? Parce que ...")."""
    return following is not None and following[0].lower_ in {"parce", "car", "eh", "oui", "non", "bien"}


def _classify(spans: list[Span], questions: list[bool], matcher: PhraseMatcher) -> list[str | None]:
    """A first guess per sentence: "host", "guest" (a guest's reply formula) or None (no cue)."""
    vocab = spans[0].doc.vocab if spans else None
    guesses: list[str | None] = []
    for i, span in enumerate(spans):
        labels = {vocab.strings[m] for m, start, _ in matcher(span) if vocab.strings[m] != "host_ack" or start == span.start}  # matches on a span carry doc offsets
        following = spans[i + 1] if i + 1 < len(spans) else None
        question = questions[i]
        if "guest_reply" in labels:
            guesses.append(GUEST)
        elif labels & {"host", "host_ack", "intro"}:
            guesses.append(HOST)
        elif question and _second_person(span) and not _rhetorical(span, following):
            guesses.append(HOST)
        elif span[0].lower_ == "merci" and len(span) > 3:
            guesses.append(HOST)
        else:
            guesses.append(None)
    return guesses


def _closing_thanks(span: Span, guess: str | None) -> bool:
    """"Merci Élise.", "Merci beaucoup pour ces conseils": the host thanks the guest by name or at length."""
    if span[0].lower_ != "merci" or guess == GUEST:
        return False
    return guess == HOST or (len(span) > 1 and span[1].is_title)


def _smooth(spans: list[Span], questions: list[bool], guesses: list[str | None]) -> list[str]:
    roles = [g or GUEST for g in guesses]
    n = len(roles)
    # the introduction: everything before the first host question belongs to the host; without
    # question marks (raw speech-to-text) the host's questions are seldom recognised as such, so the
    # first question that is no guest's reply formula ends it
    marked = any(s.text.rstrip().endswith("?") for s in spans)
    first_question = next((i for i in range(n) if questions[i] and (
        roles[i] == HOST if marked else guesses[i] != GUEST)), None)
    if first_question is not None and first_question <= max(12, n // 4):
        for i in range(first_question):
            if guesses[i] != GUEST:
                roles[i] = HOST
    # the outro: after the host's closing thanks, the rest is the host's sign-off, but for the
    # guest's own thanks ("Merci Élise. Le Quart d'heure revient chaque vendredi …")
    closing = next((i for i in range(int(n * OUTRO_SHARE), n) if _closing_thanks(spans[i], guesses[i])), None)
    if closing is not None:
        for i in range(closing, n):
            if guesses[i] != GUEST:
                roles[i] = HOST
    changed = True
    while changed:
        changed = False
        for i in range(n):
            if roles[i] == HOST or guesses[i] == GUEST:
                continue
            prev_host = i > 0 and roles[i - 1] == HOST
            next_host = i + 1 < n and roles[i + 1] == HOST
            following = spans[i + 1] if i + 1 < n else None
            # a question chained to a host question; a sentence wedged between host sentences
            if questions[i] and (prev_host or next_host) and not _rhetorical(spans[i], following):
                roles[i] = HOST
                changed = True
            elif prev_host and next_host:
                roles[i] = HOST
                changed = True
    return roles


NAME_WINDOW = 3  # tokens between the introduction cue and the guest's name ("on reçoit aujourd'hui …")
# (two more without capitals, where "ce soir c'est" is not told from a name by its case)


def _names_after_intro(spans: list[Span], matcher: PhraseMatcher, nlp: Language) -> list[str]:
    vocab = spans[0].doc.vocab if spans else None
    for span in spans[:15]:
        for match_id, _, end in matcher(span):
            if vocab.strings[match_id] != "intro":
                continue
            # the recogniser reads the introduction's sentence alone: a whole block costs ten times more
            sentence = with_entities(nlp, span.as_doc())
            people = [ent.text for ent in sentence.ents if ent.label_ == "PER" and ent.start >= end - span.start]
            if people:
                return [people[0].strip(" ,")]
            lower_case = not any(tok.is_title for tok in span)  # speech-to-text without capitals
            proper = []
            for tok in span.doc[end : span.end]:
                if tok.pos_ == "PROPN" or (tok.is_title and not tok.is_sent_start) or (
                        lower_case and tok.is_alpha and not tok.is_stop and tok.lower_ not in _not_names()
                        and len(proper) < 3):
                    proper.append(tok.text)
                elif proper or tok.i - end >= NAME_WINDOW + (2 if lower_case else 0):
                    break  # the name follows the introduction ("on reçoit hamza ouazzani qui…")
            if proper:
                return [" ".join(w if w[:1].isupper() else w.title() for w in proper)]
    return []


def _description_guests(episode: Episode, options: SegmentOptions) -> list[str]:
    """The guest as the episode page spells the name ("nous recevons Houssameddine Elbarrani"),
    which beats the transcript's spelling of a spoken name."""
    if not episode.description:
        return []
    nlp = load_nlp(options.spacy_model)
    return _names_after_intro([nlp(episode.description)[:]], _matcher(nlp), nlp)


def _turn_language(span_texts: list[str], spans: list[Span], flags: dict[Doc, "numpy.ndarray"],
                   episode_language: str | None, seed: int) -> tuple[str | None, bool]:
    """``flags``: IS_ALPHA and IS_STOP of every token, per doc (arrays: no Token objects built)."""
    if episode_language != "fr":
        return episode_language, False
    alpha = stop = 0
    for span in spans:
        flags_of_span = flags[span.doc][span.start : span.end]
        alpha += int(flags_of_span[:, 0].sum())
        stop += int((flags_of_span[:, 0] & flags_of_span[:, 1]).sum())
    if alpha < 6:
        return episode_language, False
    if stop / alpha >= FRENCH_STOPWORD_SHARE:
        return episode_language, False
    language, _ = detect_language(" ".join(span_texts), seed)
    if language is None:
        return episode_language, False
    return language, language != episode_language


def assign_turns(episode: Episode, spans: list[Span], options: SegmentOptions) -> Episode:
    """Fill ``role``, ``speaker`` and ``turn`` of each sentence, ``episode.turns``, hosts and guests."""
    sentences = episode.sentences
    if not sentences:
        return replace(episode, turns=[])
    nlp = load_nlp(options.spacy_model)
    nlp_matcher = _matcher(nlp)
    labelled = any(s.speaker for s in sentences)
    if labelled:
        roles = _roles_from_labels(sentences, spans, nlp_matcher)
        guests = sorted({s.speaker for s, r in zip(sentences, roles) if r == GUEST and s.speaker}) or list(episode.guests)
        hosts = sorted({s.speaker for s, r in zip(sentences, roles) if r == HOST and s.speaker}) or list(episode.hosts)
    else:
        # the segmenter's questions: a question mark, or the interrogative forms of unpunctuated speech
        questions = [s.is_question for s in sentences]
        roles = _smooth(spans, questions, _classify(spans, questions, nlp_matcher))
        guests = list(episode.guests) or _description_guests(episode, options) or _names_after_intro(spans, nlp_matcher, nlp)
        hosts = list(episode.hosts)
    new_sentences: list[Sentence] = []
    turns: list[Turn] = []
    for sent, role in zip(sentences, roles):
        speaker = sent.speaker or (guests[0] if role == GUEST and len(guests) == 1 else hosts[0] if role == HOST and len(hosts) == 1 else None)
        if not turns or turns[-1].role != role or (sent.speaker and turns[-1].speaker != speaker):
            turns.append(Turn(index=len(turns), role=role, speaker=speaker, start=sent.start, end=sent.end, first_sentence=sent.index, last_sentence=sent.index))
        turn = turns[-1]
        turn.last_sentence = sent.index
        if sent.end is not None:
            turn.end = sent.end
        new_sentences.append(replace(sent, role=role, speaker=speaker, turn=turn.index))
    flags = {doc: doc.to_array([IS_ALPHA, IS_STOP]) for doc in dict.fromkeys(span.doc for span in spans)}
    for turn in turns:
        idx = range(turn.first_sentence, turn.last_sentence + 1)
        turn.language, turn.foreign = _turn_language([sentences[i].text for i in idx], [spans[i] for i in idx], flags,
                                                     episode.language, options.language_seed)
    result = replace(episode, sentences=new_sentences, turns=turns, guests=guests, hosts=hosts)
    result.docs = episode.docs
    return result


def _roles_from_labels(sentences: list[Sentence], spans: list[Span], matcher: PhraseMatcher) -> list[str]:
    """The host is the labelled speaker whose sentences carry the most host cues."""
    guesses = _classify(spans, [s.is_question for s in sentences], matcher)
    score: Counter[str] = Counter()
    order: list[str] = []
    for sent, guess in zip(sentences, guesses):
        if not sent.speaker:
            continue
        if sent.speaker not in order:
            order.append(sent.speaker)
        # the host's cues, and half as much each question: the one who asks is the host
        score[sent.speaker] += (1 if guess == HOST else 0) + (QUESTION_WEIGHT if sent.is_question else 0)
    if not order:
        return [GUEST] * len(sentences)
    host = max(order, key=lambda name: (score[name], -order.index(name)))
    return [HOST if s.speaker == host else GUEST if s.speaker else (g or GUEST) for s, g in zip(sentences, guesses)]
