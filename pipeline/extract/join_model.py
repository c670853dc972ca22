"""A learned choice of the kept tips that are one idea told in two parts.

The rules cut a guest's answer into candidate tips sentence by sentence, and the tip model keeps
each on its own; so one piece of advice told in two steps can come out as two tips ("Deux fois par
semaine, pas plus." / "Mais toutes les semaines."; "Pas de TikTok pour l'alcool." / "Restez sur
Instagram et Facebook."), where users want one row per idea.  Each pair of tips kept one after the
other is weighed by boosted trees trained on the annotated episodes (``python -m
pipeline.extract.train``, like the other models): from what lies between them (sentences, a
question, another voice), how sure the tip model is of each, their networks, timing and polarity,
and how the second one opens (a continuation, a new point, a justification, a fragment).  The
pairs at or over the model's threshold are joined, and the joined sentences make one tip again.
Trees ship as JSON (``data/join_model.json``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .rescore import TipModel, check_model_features, read_model

if TYPE_CHECKING:
    from ..records import Sentence, Tip
    from .features import SentenceFeatures

MODEL_FILE = "join_model.json"
# how the second tip's first sentence opens, and how the first tip's last sentence reads
OPENING_FLAGS = ("continuation", "boundary", "point", "heading", "support", "conclusion", "fragment", "verbless",
                 "elliptic_ban", "alternative", "imperative", "avoid", "schedule_line", "network_alone", "section",
                 "habit", "narrative", "patience", "disclaimer")
CLOSING_FLAGS = ("point", "heading", "fragment", "verbless", "imperative", "avoid", "question", "schedule_line")

JOIN_FEATURE_NAMES = (
    "sentences_between", "seconds_between", "same_speaker", "question_between", "other_voice_between",
    "first_confidence", "second_confidence", "first_sentences", "second_sentences", "second_opening_words",
    "first_networks", "second_networks", "same_networks", "shared_networks", "second_new_networks",
    "first_avoid", "second_avoid",
    "first_days", "second_days", "first_times", "second_times", "first_frequency", "second_frequency",
    "second_method", "second_timing", "same_method",
    *(f"opens_{flag}" for flag in OPENING_FLAGS),
    *(f"closes_{flag}" for flag in CLOSING_FLAGS),
    "opening_score",
)


def join_features(first: "Tip", second: "Tip", sentences: list["Sentence"], features: list["SentenceFeatures"]
                  ) -> list[float]:
    """The model's inputs for two tips kept one after the other (``first`` before ``second``), in the
    order of ``JOIN_FEATURE_NAMES``."""
    last, opening = first.sentences[-1], second.sentences[0]
    between = sentences[last + 1:opening]
    seconds = 0.0
    if sentences[opening].start is not None and sentences[last].end is not None:
        seconds = max(sentences[opening].start - sentences[last].end, 0.0)
    mine, theirs = set(first.networks), set(second.networks)
    opens, closes = features[opening], features[last]
    x = {
        "sentences_between": len(between), "seconds_between": seconds,
        "same_speaker": first.speaker == second.speaker,
        "question_between": any(s.is_question for s in between),
        "other_voice_between": any(s.role != sentences[last].role or s.speaker != sentences[last].speaker
                                   for s in between),
        "first_confidence": first.confidence, "second_confidence": second.confidence,
        "first_sentences": len(first.sentences), "second_sentences": len(second.sentences),
        "second_opening_words": len(sentences[opening].text.split()),
        "first_networks": len(mine), "second_networks": len(theirs), "same_networks": mine == theirs,
        "shared_networks": bool(mine & theirs), "second_new_networks": bool(theirs - mine),
        "first_avoid": first.polarity == "avoid", "second_avoid": second.polarity == "avoid",
        "first_days": bool(first.timing.days), "second_days": bool(second.timing.days),
        "first_times": bool(first.timing.times_of_day), "second_times": bool(second.timing.times_of_day),
        "first_frequency": first.timing.frequency is not None, "second_frequency": second.timing.frequency is not None,
        "second_method": "method" in second.categories, "second_timing": "timing" in second.categories,
        "same_method": first.method == second.method,
        **{f"opens_{flag}": bool(getattr(opens, flag)) for flag in OPENING_FLAGS},
        **{f"closes_{flag}": bool(getattr(closes, flag)) for flag in CLOSING_FLAGS},
        "opening_score": opens.score,
    }
    return [float(x[name]) for name in JOIN_FEATURE_NAMES]


def check_join_features(model: TipModel, source: str) -> TipModel:
    return check_model_features(model, JOIN_FEATURE_NAMES, "join", source)


@lru_cache(maxsize=1)
def load_join_model() -> TipModel:
    """The model shipped in the package data."""
    return read_model(MODEL_FILE, JOIN_FEATURE_NAMES, "join")
