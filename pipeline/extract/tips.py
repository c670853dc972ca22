"""Group the guest's advice sentences into tips: one tip per idea.

An *anchor* sentence carries advice on its own (a directive, an imperative, a comparative, a
platform fact, a timing, or the first answer to a question asking for advice).  A tip opens at an
anchor, takes in the sentence before it when that one names the network the advice is about
("Par contre, sur TikTok, c'est l'inverse."), and goes on over the sentences that justify or
continue it ("Pourquoi ? Parce que ...", "Ça permet de ...").  A new idea starts at a marker such
as "par contre", at a change of network, when timing follows advice that had none, or at a second
recommendation once the first has been given; host turns, questions to the guest, stories and
definitions end a tip.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Sentence, Timing
from .features import SentenceFeatures

ANCHOR_SCORE = 0.8
SUPPORT_SCORE = 0.3
TIMING_ANCHOR_SCORE = 0.5
MAX_TIP_SECONDS = 90.0
MAX_TIP_SENTENCES = 9
# timing arriving after this much of untimed advice starts its own tip
TIMING_SPLIT_SECONDS = 5.0
# a second recommendation starts its own tip once the first has had this long
SECOND_ADVICE_SECONDS = 10.0
# a rhythm said after one of these, unlike the draft's, is a second tip
_CONTRAST_OPENERS = ("mais ", "mais,")
# a second imperative joined by "et" is a second piece of advice
_AND_OPENERS = ("et ", "et,")


@dataclass
class Draft:
    sentences: list[int] = field(default_factory=list)
    anchors: list[int] = field(default_factory=list)

    def networks(self, features: list[SentenceFeatures]) -> set[str]:
        return {n for i in self.sentences for n in features[i].networks}

    def has_timing(self, features: list[SentenceFeatures]) -> bool:
        return any(not features[i].timing.is_empty() for i in self.sentences)


QUESTION_WINDOW = 6  # sentences back to the question a tip answers


def on_topic(draft: Draft, features: list[SentenceFeatures]) -> bool:
    """The tip speaks of networks, publishing, selling or audiences (``data/topic.json``), or answers
    a question that does ("Le meilleur jour pour une promo ? — Le jeudi.")."""
    if any(features[i].digital for i in draft.sentences):
        return True
    first = draft.sentences[0]
    for k in range(first - 1, max(-1, first - 1 - QUESTION_WINDOW), -1):
        if features[k].question:
            return features[k].digital
    return False


def _seconds(sentences: list[Sentence], first: int, last: int) -> float:
    start, end = sentences[first].start, sentences[last].end
    return (end - start) if start is not None and end is not None else 0.0


def _rhetorical(i: int, features: list[SentenceFeatures], sentences: list[Sentence]) -> bool:
    """A question the guest answers at once ("Pourquoi ? Parce que ...")."""
    return features[i].question and i + 1 < len(sentences) and features[i + 1].support and not features[i + 1].question


def _timing_kinds(timing: Timing) -> set[str]:
    kinds = {"days"} if timing.days else set()
    if timing.times_of_day or timing.hours:
        kinds.add("time")
    if timing.frequency:
        kinds.add("frequency")
    if timing.duration:
        kinds.add("duration")
    return kinds


def _advice_question_answered(i: int, features: list[SentenceFeatures], sentences: list[Sentence]) -> int | None:
    """The question asking for advice that sentence ``i`` answers: the first real sentence after it
    is advice, even when it is a bare noun phrase ("Par quoi on commence ? — Par une niche.")."""
    f = features[i]
    # a network alone is an answer ("Par quoi je commence ? — Instagram."), and so are a few words that
    # say when or how much ("Combien de photos par statut ? — Deux, max.")
    said_how_much = f.fragment and (not f.timing.is_empty() or f.cues["limit"])
    if f.question or f.narrative or f.habit or f.sponsor or f.score < 0 or not (f.substantive or f.networks or said_how_much):
        return None
    for j in range(i - 1, max(i - 4, -1), -1):
        if features[j].asks_advice:
            return j
        # only the host's follow-ups and bare replies ("Oui.") may stand between question and answer
        if sentences[j].role != "host" and features[j].substantive:
            return None
    return None


def _answers_content_question(i: int, features: list[SentenceFeatures]) -> bool:
    """The answer right after "qu'est-ce qu'on publie ?" says what to post: advice of its own."""
    return i > 0 and features[i - 1].asks_content


def _starts_new_idea(draft: Draft, i: int, features: list[SentenceFeatures], sentences: list[Sentence]) -> bool:
    f = features[i]
    if f.boundary:
        return True
    if f.every_network:
        return True  # "Et ça, c'est valable sur tous les réseaux : répondez à chaque commentaire."
    if _next_line_of_a_plan(draft, f, features):
        return False  # "Lundi : un carrousel. Mercredi : un live à 20 h.": one week's plan
    if f.first_polarity and all(features[a].heading or features[a].point and not features[a].imperative
                                for a in draft.anchors):
        return False  # the practice named, then the advice about it: "Publier en pleine nuit. Ne postez pas …"
    if f.alternative and any(features[a].first_polarity == "avoid" for a in draft.anchors):
        return False  # what to do instead of what was advised against: "… Au lieu de ça, sortez-le dans la cour."
    if _names_another_network(draft, f, features):
        return True
    kinds = _timing_kinds(f.timing)
    if f.elliptic_ban and f.timing_mentioned and draft.has_timing(features) and not any(
            features[a].first_polarity == "avoid" for a in draft.anchors):
        return True  # a slot advised, then one advised against: "Le mardi et le jeudi. Jamais le samedi."
    if kinds:
        if not draft.has_timing(features):
            return _seconds(sentences, draft.sentences[0], draft.sentences[-1]) >= TIMING_SPLIT_SECONDS
        said = set().union(*(_timing_kinds(features[j].timing) for j in draft.sentences))
        if f.timing.frequency and (sentences[i].text.lower().startswith(_CONTRAST_OPENERS) or f.first_polarity == "do"):
            rhythms = {features[j].timing.frequency for j in draft.sentences} - {None}
            if rhythms and f.timing.frequency not in rhythms:
                # "Toute l'année, deux posts par semaine. Mais pendant les vendanges, une story par jour.",
                # "L'été, quatre vidéos par semaine. L'hiver, passez à une par semaine."
                return True
        # "je recommande deux posts par semaine" then "le mieux, c'est du mardi au jeudi"
        if f.first_polarity and not (kinds & said):
            return True
    if f.support:
        return False
    if f.first_polarity == "avoid" and f.imperative and f.timing.is_empty() and draft.has_timing(features):
        # a ban of its own after a slot or a rate: "Un post par semaine, le mardi matin. Et ne
        # programmez jamais un mois entier d'un coup."
        return True
    if f.imperative and f.first_polarity and f.digital and sentences[i].text.lower().startswith(_AND_OPENERS):
        # a second instruction about publishing, however soon: "Publiez plutôt entre midi et
        # treize heures. Et filmez la coiffure terminée en dernier." (not "Et prenez une gourde.")
        return True
    # a second recommendation of its own is a second tip ("Publiez le soir. Et évitez le lundi.")
    if f.first_polarity is None or _seconds(sentences, draft.sentences[0], draft.sentences[-1]) < SECOND_ADVICE_SECONDS:
        return False
    # a recommendation of its own, after a fact about the platform under discussion
    said_advice = any(features[a].first_polarity for a in draft.anchors)
    off_platform = not f.networks and bool(features[draft.anchors[0]].networks)
    return said_advice or off_platform


def _names_another_network(draft: Draft, f: SentenceFeatures, features: list[SentenceFeatures]) -> bool:
    """The sentence names a network, and none of those the tip is about ("commencez par là, pas par
    TikTok" names no new network)."""
    current = draft.networks(features)
    named = set(f.discussed_networks)
    return bool(named and current and not named & current)


def _turns_to_another_network(draft: Draft, f: SentenceFeatures, features: list[SentenceFeatures]) -> bool:
    """A sentence that turns to another network, and advises nothing itself, ends the tip on the one
    before and leads into what is said of the new one: "Le soir, vers dix-neuf heures. Pour TikTok,
    ce n'est pas pareil. Là-bas, c'est plus tard." """
    return not (f.run_on_imperative or f.score >= SUPPORT_SCORE or _next_line_of_a_plan(draft, f, features)) and (
        _names_another_network(draft, f, features))


def _next_line_of_a_plan(draft: Draft, f: SentenceFeatures, features: list[SentenceFeatures]) -> bool:
    return f.schedule_line and features[draft.sentences[-1]].schedule_line


def group_tips(sentences: list[Sentence], features: list[SentenceFeatures], excluded: set[int],
               labelled: bool = True) -> list[Draft]:
    """Drafts of tips over the episode's guest sentences (``excluded``: definitions and the like;
    ``labelled``: whether the source named its speakers, so that a question's role is known)."""
    drafts: list[Draft] = []
    draft: Draft | None = None
    pending: list[int] = []

    def close() -> None:
        nonlocal draft
        if draft and draft.anchors:
            drafts.append(draft)
        draft = None
        pending.clear()

    in_point = False  # inside a numbered point ("Erreur numéro cinq."), which a story does not end
    for i, (sent, f) in enumerate(zip(sentences, features)):
        in_point = f.point or in_point and not (f.question or f.sponsor or sent.role == "host")
        story = (f.narrative or f.habit) and not f.directive
        kept_out = sent.role == "host" or i in excluded or f.sponsor or f.elsewhere or f.greeting
        usable = not (kept_out or story)
        remedy_next = i + 1 < len(features) and features[i + 1].directive
        if in_point and draft is not None and story and not kept_out and remedy_next:
            continue  # "Je l'ai fait une fois, je l'ai regretté deux ans." between the mistake and its remedy
        if not usable or (f.question and not f.cues["suggestion"] and not _rhetorical(i, features, sentences)):
            close()
            continue
        # the first sentences of the guest's answer ("Mais alors, quand ?" — "Ta cible, c'est des
        # étudiantes." — "Elles scrollent le soir, entre 19h et 21h.")
        # (without speaker labels the host's short questions pass for the guest's: "Et le matin ?")
        answers_question = any(features[k].question and (sentences[k].role == "host" or not labelled)
                               for k in range(max(0, i - 2), i)) or (i > 0 and features[i - 1].question)
        timed = not f.timing.is_empty() and (f.timing_context or answers_question)
        asked = _advice_question_answered(i, features, sentences)
        answer = asked is not None
        if answer and (f.networks or f.methods or features[asked].methods or _answers_content_question(i, features)):
            # "Comment on la fait connaître ? — Un QR code sur les panneaux, un post épinglé sur Facebook.",
            # "Combien de hashtags ? — Cinq. Deux en créole, trois en anglais."
            f.score = max(f.score, ANCHOR_SCORE)
        anchor = f.score >= ANCHOR_SCORE or (timed and f.score >= TIMING_ANCHOR_SCORE) or answer
        if draft is not None:
            too_long = (
                len(draft.sentences) >= MAX_TIP_SENTENCES
                or _seconds(sentences, draft.sentences[0], i) > MAX_TIP_SECONDS
            )
            if too_long or (anchor and _starts_new_idea(draft, i, features, sentences)) or (f.boundary and not anchor) or (
                    not anchor and _turns_to_another_network(draft, f, features)):
                close()
        if draft is None:
            if not anchor:
                continue
            draft = Draft()
            lead = i - 1
            if f.endorses:
                draft.sentences.extend(_endorsed(i, sentences, features, excluded, drafts))
            elif lead >= 0 and _is_lead_in(lead, sentences, features, excluded, drafts):
                draft.sentences.append(lead)
        if anchor or f.support or f.continuation or f.score >= SUPPORT_SCORE or _rhetorical(i, features, sentences):
            draft.sentences.extend(pending)
            pending.clear()
            draft.sentences.append(i)
            if anchor:
                draft.anchors.append(i)
        elif not pending:
            pending.append(i)  # one plain sentence may sit inside a tip, if advice follows
        else:
            close()
    close()
    return drafts


# how far back "Faites pareil." reaches for the practice it endorses
MAX_ENDORSED_SENTENCES = 4
MAX_ENDORSED_SECONDS = 40.0


def _endorsed(i: int, sentences: list[Sentence], features: list[SentenceFeatures], excluded: set[int],
              drafts: list[Draft]) -> list[int]:
    """The sentences that tell the practice a sentence endorses ("Le lundi matin, je prends un quart
    d'heure pour les avis. Faites pareil."): the same voice's, back to a question, another voice, a
    sentence set aside or one of the tip before, at most four."""
    taken = set(drafts[-1].sentences) if drafts else set()
    told: list[int] = []
    k = i - 1
    while k >= 0 and len(told) < MAX_ENDORSED_SENTENCES and _seconds(sentences, k, i) <= MAX_ENDORSED_SECONDS:
        g = features[k]
        if (k in taken or k in excluded or g.question or g.sponsor or sentences[k].role == "host"
                or sentences[k].speaker != sentences[i].speaker):
            break
        told.insert(0, k)
        k -= 1
    return told


def _is_lead_in(i: int, sentences: list[Sentence], features: list[SentenceFeatures], excluded: set[int], drafts: list[Draft]) -> bool:
    """The sentence just before an anchor introduces it when it names a network or opens a new idea."""
    f = features[i]
    taken = drafts and i in drafts[-1].sentences
    return (
        not taken
        and sentences[i].role != "host"
        and i not in excluded
        and not f.question
        and not f.greeting
        and not f.narrative
        and not f.elsewhere  # advice about something else ("… ne bradez jamais. Règle numéro cinq : …")
        and not ((f.habit or f.described) and not f.directive)  # "Je poste sur Instagram, le lundi."
        and (bool(f.networks) or f.boundary or f.score >= SUPPORT_SCORE)
    )


def polarity(features: list[SentenceFeatures], indices: list[int]) -> str:
    """A tip advises what its first advice cue advises: "ne mettez pas de lien ..., mettez-le en
    commentaire" is advice against; "passez sur WhatsApp Business, arrêtez le perso" is advice for."""
    return next((features[i].first_polarity for i in indices if features[i].first_polarity), "do")


def _stronger(candidate: SentenceFeatures, timing: Timing, chosen: SentenceFeatures | None) -> bool:
    """A rhythm recommended with a count ("je recommande trois posts par semaine") wins over one
    merely mentioned ("il y en a qui publient tous les jours")."""
    def rank(f: SentenceFeatures | None, count: list[int]) -> tuple[bool, bool]:
        return (f is not None and f.first_polarity == "do", bool(count))

    return rank(candidate, timing.frequency_count) > rank(chosen, chosen.timing.frequency_count if chosen else [])


def merge_timing(features: list[SentenceFeatures], indices: list[int], avoid: bool = False) -> Timing:
    """The union of the timing said in a tip's sentences.  In advice against something, the days
    and hours of the sentences that only explain it are what is advised against."""
    merged = Timing()
    chosen: SentenceFeatures | None = None
    # what "tout le monde dit" is set aside when the speaker gives a timing of their own
    if any(not features[i].reported and not features[i].timing.is_empty() for i in indices):
        indices = [i for i in indices if not features[i].reported]
    for i in indices:
        t = features[i].timing
        if avoid and features[i].first_polarity != "do":
            t = Timing(frequency=t.frequency, frequency_count=t.frequency_count, duration=t.duration)
        merged.days += [d for d in t.days if d not in merged.days]
        merged.times_of_day += [p for p in t.times_of_day if p not in merged.times_of_day]
        merged.hours += [h for h in t.hours if h not in merged.hours]
        if t.frequency and (not merged.frequency or _stronger(features[i], t, chosen)):
            merged.frequency, merged.frequency_count = t.frequency, t.frequency_count
            chosen = features[i]
        if t.duration and not merged.duration:
            merged.duration = t.duration
    # the slot the advice gives, not the audience's day told to justify it ("ils achètent surtout le
    # dimanche, après l'église. Donc publiez le samedi, en fin de journée")
    # (and the slot a question asked for, given in a few words: "Et quand ? — Tous les matins.")
    first = features[indices[0]]
    reply = indices[0] if indices[0] > 0 and features[indices[0] - 1].question and first.verbless and not first.avoid else None
    advised = [features[i].timing for i in indices
               if features[i].first_polarity == "do" or features[i].conclusion and not features[i].question or i == reply]
    if reply is not None:
        # the reply goes on in a few more words ("Le mardi. Le soir, vers 19 h.")
        k = 1
        while k < len(indices) and indices[k] == reply + k and features[indices[k]].verbless:
            advised.append(features[indices[k]].timing)
            k += 1
    # a slot given in reply is the slot, whatever the sentences after it say to explain it ("Le jeudi.
    # Parce qu'ici, le jeudi soir, c'est le début du week-end.")
    slot_reply = reply is not None and bool(first.timing.days or first.timing.times_of_day or first.timing.hours)
    if slot_reply or any(t.times_of_day or t.hours for t in advised):
        merged.times_of_day = list(dict.fromkeys(p for t in advised for p in t.times_of_day))
        merged.hours = list(dict.fromkeys(h for t in advised for h in t.hours))
    if slot_reply or any(t.days for t in advised):
        merged.days = list(dict.fromkeys(d for t in advised for d in t.days))
    order = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    merged.days.sort(key=order.index)
    return merged
