"""A learned choice of the times of day a tip advises.

The rules read the parts of the day each sentence of a tip says ("le soir", "vers 9 h", "entre
midi et deux") and give the tip all of them, those advised against left out.  But a tip often says
more times than it advises: when the audience is busy or away ("le soir, avec les délestages, les
téléphones sont déchargés"), when to film or take the photo ("filmez les salins le matin"), when the
shop is open.  So each part of the day the tip says is a candidate, and boosted trees trained on
the annotated episodes (``python -m pipeline.extract.train``, like the tip and network models) weigh
it from the sentences that say it (an imperative, a question, a story, a habit, a time said with a
day or a rhythm …) and from what the rules chose.  The candidates at or over the model's threshold
are the tip's times of day; the hours said of the others are left out with them.  Trees ship as
JSON (``data/time_model.json``) and run in plain Python.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from .rescore import TipModel, check_model_features, read_model

if TYPE_CHECKING:
    from ..records import Timing
    from .features import SentenceFeatures
    from .tips import Draft

MODEL_FILE = "time_model.json"
PARTS_OF_DAY = ("morning", "midday", "afternoon", "evening", "night")
# what the sentences that say the time of day are, and the tip around them
SENTENCE_FLAGS = ("imperative", "question", "narrative", "habit", "described", "reported", "avoid", "timing_context",
                  "activity", "digital", "verbless", "support", "continuation", "conclusion", "remark")

TIME_FEATURE_NAMES = (
    "rules_chose", "sentences_saying_it", "first_position", "in_anchor", "directive",
    *(f"said_{flag}" for flag in SENTENCE_FLAGS),
    "said_with_network", "said_with_days", "said_with_frequency", "said_with_hours", "said_with_other_times",
    "mean_score", "tip_times", "tip_avoid", "tip_days", "tip_frequency", "tip_sentences",
    *PARTS_OF_DAY,
)


def said_values(draft: "Draft", features: list["SentenceFeatures"], values_of: Callable[["Timing"], list[str]],
                chosen: list[str]) -> dict[str, list[int]]:
    """Each value (a part of the day, a day) that a sentence of the draft says, with the positions of
    those sentences in the draft, and each the rules chose (``chosen``), said or not."""
    said: dict[str, list[int]] = {}
    for position, i in enumerate(draft.sentences):
        for value in values_of(features[i].timing):
            said.setdefault(value, []).append(position)
    for value in chosen:
        said.setdefault(value, [])
    return said


def saying_inputs(draft: "Draft", features: list["SentenceFeatures"], positions: list[int], timing: "Timing",
                  polarity: str) -> dict[str, float | bool | int]:
    """What the time-of-day and day models both read of a value: the sentences of the draft that say
    it (at ``positions``) and the tip around them."""
    saying = [features[draft.sentences[p]] for p in positions]
    return {
        "sentences_saying_it": len(positions),
        "first_position": positions[0] if positions else -1,
        "in_anchor": any(draft.sentences[p] in draft.anchors for p in positions),
        "directive": any(f.directive for f in saying),
        **{f"said_{flag}": any(getattr(f, flag) for f in saying) for flag in SENTENCE_FLAGS},
        "said_with_network": any(f.networks for f in saying),
        "said_with_frequency": any(f.timing.frequency for f in saying),
        "said_with_hours": any(f.timing.hours for f in saying),
        "mean_score": sum(f.score for f in saying) / len(saying) if saying else 0.0,
        "tip_avoid": polarity == "avoid", "tip_frequency": bool(timing.frequency), "tip_sentences": len(draft.sentences),
    }


def time_candidates(draft: "Draft", features: list["SentenceFeatures"], timing: "Timing", polarity: str
                    ) -> list[tuple[str, list[float]]]:
    """Every part of the day a sentence of the tip says, or the rules chose (``timing``), with the
    model's inputs in the order of ``TIME_FEATURE_NAMES``."""
    said = said_values(draft, features, lambda t: t.times_of_day, timing.times_of_day)
    result = []
    for part, positions in said.items():
        saying = [features[draft.sentences[p]] for p in positions]
        x = {
            **saying_inputs(draft, features, positions, timing, polarity),
            "rules_chose": part in timing.times_of_day,
            "said_with_days": any(f.timing.days for f in saying),
            "said_with_other_times": any(len(f.timing.times_of_day) > 1 for f in saying),
            "tip_times": len(said), "tip_days": bool(timing.days),
            **{name: part == name for name in PARTS_OF_DAY},
        }
        result.append((part, [float(x[feature]) for feature in TIME_FEATURE_NAMES]))
    return result


def check_time_features(model: TipModel, source: str) -> TipModel:
    return check_model_features(model, TIME_FEATURE_NAMES, "time-of-day", source)


@lru_cache(maxsize=1)
def load_time_model() -> TipModel:
    """The model shipped in the package data."""
    return read_model(MODEL_FILE, TIME_FEATURE_NAMES, "time-of-day")
