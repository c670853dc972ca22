"""A learned choice of the networks a tip is about.

The rules give a tip the networks it names, or else the one under discussion before it (the
guest's last sentences, the host's question, the section).  Whether advice said after a network
was named is still about it depends on what the advice says: a publishing hour or a rhythm
usually is ("Et le jeudi soir, vers vingt heures."), a word on honesty or hygiene usually is not.
So every network named in the tip or in the ``WINDOW`` sentences before it (back to advice announced
for every network) is a candidate, and
boosted trees trained on the annotated episodes (``python -m pipeline.extract.train``, like the
tip model) weigh each one from where it was named, by whom, what came in between, what the tip
advises and what the rules chose.  The candidates at or over the model's threshold, with those the
rules took from the tip's own words, are the tip's networks.  Trees ship as JSON
(``data/network_model.json``) and run in plain Python.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .rescore import TipModel, check_model_features, read_model

if TYPE_CHECKING:
    from ..records import Sentence, Timing
    from .features import SentenceFeatures
    from .tips import Draft

MODEL_FILE = "network_model.json"

# how many sentences before the tip a network named there is still a candidate
WINDOW = 12

NETWORK_FEATURE_NAMES = (
    # what the rules chose, and where the tip itself names the network
    "rules_chose", "rules_chose_none", "in_anchor", "in_tip", "only_in_explanation", "set_aside_in_tip",
    "anaphor_in_tip", "tip_networks",
    # where the network was last named before the tip
    "distance", "closest_distance", "same_turn", "said_by_host", "said_in_question", "asked_about_alone",
    "asked_for_advice", "said_alone", "set_aside_there", "opened_section", "timing_there", "mentions",
    "window_networks", "closer_networks", "turns_between",
    "after_question",  # the sentence just before the tip is a question
    # what the tip advises
    "days", "times_of_day", "frequency", "timing_mentioned", "every_network", "other_channel", "patience",
    "avoid", "sentences", "words", "digital_share", "methods", "has_method", "activity", "imperative",
    "labelled",
)


def network_candidates(sentences: list["Sentence"], draft: "Draft", features: list["SentenceFeatures"],
                       rules: list[str], timing: "Timing", polarity: str, method: bool, labelled: bool
                       ) -> list[tuple[str, list[float]]]:
    """Every network named in the tip or in the ``WINDOW`` sentences before it, back to the sentence that
    opened its section, or chosen by the rules (``rules``), with the model's inputs in the order of
    ``NETWORK_FEATURE_NAMES``."""
    told = [features[i] for i in draft.sentences]
    first = draft.sentences[0]
    core = [features[i] for i in draft.sentences if i in draft.anchors or i == first]
    in_tip = list(dict.fromkeys(n for f in told for n in f.networks))
    last_said: dict[str, int] = {}
    mentions: dict[str, int] = {name: 0 for name in in_tip}
    for i in range(first - 1, max(first - 1 - WINDOW, -1), -1):
        if features[i].every_network:
            break  # "Ce que je vais dire maintenant, c'est valable sur tous les réseaux."
        for name in features[i].networks:
            last_said.setdefault(name, i)
            mentions[name] = mentions.get(name, 0) + 1
        if features[i].section:
            break  # what was said before a new section ("On passe aux questions rapides.") is another subject's
    for name in rules:  # named further back than the window (the question that opened a long answer)
        mentions.setdefault(name, 0)
    closest = max(last_said.values(), default=None)
    before = features[first - 1] if first > 0 else None
    words = sum(len(sentences[i].text.split()) for i in draft.sentences)
    advice = {
        "days": bool(timing.days), "times_of_day": bool(timing.times_of_day), "frequency": bool(timing.frequency),
        "timing_mentioned": any(f.timing_mentioned for f in told), "every_network": any(f.every_network for f in told),
        "other_channel": any(f.other_channel for f in told), "patience": any(f.patience for f in told),
        "avoid": polarity == "avoid", "sentences": len(told), "words": words,
        "digital_share": sum(f.digital for f in told) / len(told), "methods": sum(sum(f.methods.values()) for f in told),
        "has_method": method, "activity": any(f.activity for f in told), "imperative": any(f.imperative for f in told),
        "labelled": labelled,
    }
    result = []
    for name in mentions:
        named_in_tip = name in in_tip
        at = last_said.get(name)
        there = features[at] if at is not None else None
        x = {
            "rules_chose": name in rules, "rules_chose_none": not rules,
            "in_anchor": any(name in f.networks for f in core), "in_tip": named_in_tip,
            "only_in_explanation": named_in_tip and not any(name in f.networks for f in core),
            "set_aside_in_tip": any(name in f.contrasted for f in told),
            "anaphor_in_tip": any(f.network_anaphor for f in told), "tip_networks": len(in_tip),
            "distance": 0 if named_in_tip else (first - at if at is not None else WINDOW + 1),
            "closest_distance": first - closest if closest is not None else WINDOW + 1,
            "same_turn": named_in_tip or at is not None and sentences[at].turn == sentences[first].turn,
            "said_by_host": there is not None and sentences[at].role == "host",
            "said_in_question": there is not None and there.question,
            "asked_about_alone": there is not None and there.network_topic,
            "asked_for_advice": there is not None and there.asks_advice,
            "said_alone": there is not None and there.network_alone,
            "set_aside_there": there is not None and name in there.contrasted,
            "opened_section": there is not None and there.section,
            "timing_there": there is not None and not there.timing.is_empty(),
            "mentions": mentions[name], "window_networks": len(mentions),
            "closer_networks": 0 if named_in_tip else sum(1 for i in last_said.values() if at is None or i > at),
            "turns_between": 0 if at is None else len({sentences[k].turn for k in range(at, first + 1)}) - 1,
            "after_question": before is not None and before.question,
            **advice,
        }
        result.append((name, [float(x[feature]) for feature in NETWORK_FEATURE_NAMES]))
    return result


def check_network_features(model: TipModel, source: str) -> TipModel:
    return check_model_features(model, NETWORK_FEATURE_NAMES, "network", source)


@lru_cache(maxsize=1)
def load_network_model() -> TipModel:
    """The model shipped in the package data."""
    return read_model(MODEL_FILE, NETWORK_FEATURE_NAMES, "network")
