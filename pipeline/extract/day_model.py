"""A learned choice of the days of the week a tip advises.

The rules read the days each sentence of a tip says ("le mardi", "du lundi au jeudi", "le
week-end") and give the tip those of the sentences that advise, or all of them.  But a tip often
says more days than it advises: the day of the delivery or the market ("puisque vous livrez le
jeudi, mettez le mercredi soir un statut"), the audience's day told to justify the slot ("le jeudi,
les familles bouclent le week-end"), a day that belongs to the advice next to it.  And it sometimes
says the slot in a sentence the rules set aside ("Les fins de semaine de pluie, fais une story").
So each day a sentence of the tip says is a candidate, and boosted trees trained on the annotated
episodes (``python -m pipeline.extract.train``, like the time-of-day model) weigh it from the
sentences that say it and from what the rules chose.  The candidates at or over the model's
threshold are the tip's days.  Trees ship as JSON (``data/day_model.json``), read like the other models'.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .rescore import TipModel, check_model_features, read_model
from .time_model import SENTENCE_FLAGS, said_values, saying_inputs

if TYPE_CHECKING:
    from ..records import Timing
    from .features import SentenceFeatures
    from .tips import Draft

MODEL_FILE = "day_model.json"

DAY_FEATURE_NAMES = (
    "rules_chose", "sentences_saying_it", "first_position", "last_position", "in_anchor", "directive",
    "said_first_do", "said_first_avoid", "said_schedule_line",
    *(f"said_{flag}" for flag in SENTENCE_FLAGS),
    "said_with_network", "said_with_times", "said_with_frequency", "said_with_hours", "said_with_other_days",
    "said_in_a_range", "mean_score", "tip_days", "tip_avoid", "tip_times", "tip_frequency", "tip_sentences",
    "weekend",
)


def day_candidates(draft: "Draft", features: list["SentenceFeatures"], timing: "Timing", polarity: str
                   ) -> list[tuple[str, list[float]]]:
    """Every day a sentence of the tip says, or the rules chose (``timing``), with the model's
    inputs in the order of ``DAY_FEATURE_NAMES``."""
    said = said_values(draft, features, lambda t: t.days, timing.days)
    last = len(draft.sentences) - 1
    result = []
    for day, positions in said.items():
        saying = [features[draft.sentences[p]] for p in positions]
        x = {
            **saying_inputs(draft, features, positions, timing, polarity),
            "rules_chose": day in timing.days,
            "last_position": last - positions[-1] if positions else -1,
            "said_first_do": any(f.first_polarity == "do" for f in saying),
            "said_first_avoid": any(f.first_polarity == "avoid" for f in saying),
            # "Jeudi : la liste du panier sur WhatsApp, à midi.": a line of a weekly plan
            "said_schedule_line": any(f.schedule_line for f in saying),
            "said_with_times": any(f.timing.times_of_day for f in saying),
            "said_with_other_days": any(len(f.timing.days) > 1 for f in saying),
            # "du lundi au jeudi", "en semaine": a run of days said at once
            "said_in_a_range": any(len(f.timing.days) >= 3 for f in saying),
            "tip_days": len(said), "tip_times": bool(timing.times_of_day),
            # (not which day it is: a Thursday is no less advised than a Monday)
            "weekend": day in ("saturday", "sunday"),
        }
        result.append((day, [float(x[feature]) for feature in DAY_FEATURE_NAMES]))
    return result


def check_day_features(model: TipModel, source: str) -> TipModel:
    return check_model_features(model, DAY_FEATURE_NAMES, "day", source)


@lru_cache(maxsize=1)
def load_day_model() -> TipModel:
    """The model shipped in the package data."""
    return read_model(MODEL_FILE, DAY_FEATURE_NAMES, "day")
