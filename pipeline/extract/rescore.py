"""A learned second opinion on the tips the rules find.

The rules find candidate tips; five gradient-boosted tree models, trained on the project's
annotated episodes (``python -m pipeline.extract.train``) and averaged, estimate from the rules' own
evidence how likely each candidate is to be a real tip.  That probability becomes the tip's
``confidence``, and candidates below the model's threshold (0.4, on the plateau of its
cross-validated F1) are dropped.  The trees ship as JSON (``data/tip_model.json``) and are
evaluated here with numpy, all trees of a model one level at a time, so extraction needs no
machine-learning library.
"""

from __future__ import annotations

import json
import math
import struct
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import ModelError
from .tips import on_topic

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..records import Episode, Tip
    from .features import SentenceFeatures
    from .tips import Draft

MODEL_FILE = "tip_model.json"

# the cue groups of data/cues.json and the sentence flags of SentenceFeatures the model reads
CUE_GROUPS = ("directive", "avoid", "address", "limit", "listing", "platform_fact", "stance", "necessity",
              "comparative", "preference", "suggestion", "enabling")
SENTENCE_FLAGS = ("imperative", "avoid", "narrative", "habit", "described", "reported", "remark", "verbless",
                  "fragment", "question", "support", "continuation", "boundary", "conclusion", "patience",
                  "digital", "other_channel", "every_network", "timing_mentioned", "timing_context",
                  "substantive", "activity", "sponsor", "network_alone", "section", "interface", "dated")
# what the sentence before the tip is: a question asking for advice, a story ...
BEFORE_FLAGS = ("question", "asks_advice", "topic_question", "network_topic", "asks_content", "narrative", "digital")


def feature_names() -> list[str]:
    names = ["sentences", "anchors", "log_seconds", "log_words", "max_anchor_score", "mean_score",
             "rule_confidence", "digital_share", "has_polarity", "verdict", "networks", "own_networks",
             "methods", "days", "times_of_day", "frequency", "avoid_polarity", "first_person_rate",
             "second_person_rate", "digit_rate", "after_host", "labelled", "guest", "position",
             "episode_digital_share", "episode_log_sentences", "timed", "on_topic", "episode_advising_share",
             "episode_story_share", "episode_dated_share"]
    names += [f"cue_{group}" for group in CUE_GROUPS] + [f"anchor_cue_{group}" for group in CUE_GROUPS]
    names += [f"any_{flag}" for flag in SENTENCE_FLAGS] + [f"anchor_{flag}" for flag in SENTENCE_FLAGS]
    names += [f"before_{flag}" for flag in BEFORE_FLAGS]
    return names


FEATURE_NAMES = tuple(feature_names())


def _person(tokens: list, person: str) -> int:
    """Pronouns and possessives of that grammatical person ("je", "nous", "mon" / "vous", "ton")."""
    return sum(1 for tok in tokens if tok.pos_ in ("PRON", "DET") and person in tok.morph.get("Person"))


@dataclass(frozen=True)
class EpisodeProfile:
    """What kind of talk the whole episode is, computed once per episode: the shares of its sentences
    about publishing, that advise the listener, that tell a story and that say a year (a history talk,
    a news bulletin or a story podcast says dates, networks and hours without advising)."""
    digital_share: float
    advising_share: float
    story_share: float
    dated_share: float


def tip_features(episode: "Episode", draft: "Draft", features: list["SentenceFeatures"], spans: list["Span"],
                 tip: "Tip", labelled: bool, profile: EpisodeProfile) -> list[float]:
    """The model's inputs for one candidate tip, in the order of ``FEATURE_NAMES``: what the rules
    saw in its sentences and anchors, in the sentence before it, and in the episode
    (``profile``: what kind of talk the episode is)."""
    told = [features[i] for i in draft.sentences]
    anchors = [features[i] for i in draft.anchors]
    tokens = [tok for i in draft.sentences for tok in spans[i]]
    words = max(sum(1 for tok in tokens if not tok.is_punct), 1)
    first = draft.sentences[0]
    before = features[first - 1] if first > 0 else None
    seconds = (tip.end - tip.start) if tip.start is not None and tip.end is not None else 0.0
    x: dict[str, float] = {
        "sentences": len(told),
        "anchors": len(anchors),
        "log_seconds": math.log1p(max(seconds, 0.0)),
        "log_words": math.log(words),
        "max_anchor_score": max(a.score for a in anchors),
        "mean_score": sum(f.score for f in told) / len(told),
        "rule_confidence": tip.confidence,
        "digital_share": sum(f.digital for f in told) / len(told),
        "has_polarity": float(any(f.first_polarity for f in told)),
        "verdict": float(any(f.verdict for f in told)),
        "networks": len(tip.networks),
        "own_networks": float(any(f.networks for f in told)),
        "methods": sum(sum(f.methods.values()) for f in told),
        "days": float(bool(tip.timing.days)),
        "times_of_day": float(bool(tip.timing.times_of_day)),
        "frequency": float(bool(tip.timing.frequency)),
        "avoid_polarity": float(tip.polarity == "avoid"),
        "first_person_rate": _person(tokens, "1") / words,
        "second_person_rate": _person(tokens, "2") / words,
        "digit_rate": sum(1 for tok in tokens if tok.like_num) / words,
        "after_host": float(first > 0 and episode.sentences[first - 1].role == "host"),
        "labelled": float(labelled),
        "guest": float(episode.sentences[first].role == "guest"),
        "position": first / len(features),
        "episode_digital_share": profile.digital_share,
        "episode_advising_share": profile.advising_share,
        "episode_story_share": profile.story_share,
        "episode_dated_share": profile.dated_share,
        "episode_log_sentences": math.log(len(features)),
        "timed": float(tip.start is not None),
        "on_topic": float(on_topic(draft, features)),
    }
    for group in CUE_GROUPS:
        x[f"cue_{group}"] = float(any(f.cues[group] for f in told))
        x[f"anchor_cue_{group}"] = float(any(a.cues[group] for a in anchors))
    for flag in SENTENCE_FLAGS:
        x[f"any_{flag}"] = float(any(getattr(f, flag) for f in told))
        x[f"anchor_{flag}"] = float(any(getattr(a, flag) for a in anchors))
    for flag in BEFORE_FLAGS:
        x[f"before_{flag}"] = float(bool(before is not None and getattr(before, flag)))
    return [float(x[name]) for name in FEATURE_NAMES]


def _single_precision(x: list[float]) -> list[float]:
    """The values rounded as scikit-learn's trees see them (32-bit floats), so that a value on a
    split threshold goes the same way."""
    return list(struct.unpack(f"{len(x)}f", struct.pack(f"{len(x)}f", *x)))


@dataclass(frozen=True)
class Tree:
    """One regression tree in scikit-learn's array layout (a leaf has ``left == -1``)."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def predict(self, x: list[float]) -> float:
        node = 0
        while self.left[node] != -1:
            node = self.left[node] if x[self.feature[node]] <= self.threshold[node] else self.right[node]
        return self.value[node]


@dataclass(frozen=True)
class _Forest:
    """All trees of a model as one flat array of nodes (tree after tree, each padded to the same
    width), so that one step walks every tree down one level; a node's children are flat positions
    too, and a leaf points to itself, so trees shallower than ``depth`` stay on their leaf."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray  # the flat position of each tree's root
    depth: int

    @classmethod
    def of(cls, trees: tuple[Tree, ...]) -> "_Forest":
        width = max(len(tree.left) for tree in trees)
        size = len(trees) * width
        feature, threshold = np.zeros(size, dtype=np.intp), np.zeros(size)
        left, right, value = np.zeros(size, dtype=np.intp), np.zeros(size, dtype=np.intp), np.zeros(size)
        for t, tree in enumerate(trees):
            root = t * width
            for node, child in enumerate(tree.left):
                leaf = child == -1
                feature[root + node] = 0 if leaf else tree.feature[node]
                threshold[root + node] = 0.0 if leaf else tree.threshold[node]
                left[root + node] = root + (node if leaf else child)
                right[root + node] = root + (node if leaf else tree.right[node])
                value[root + node] = tree.value[node]
        roots = np.arange(len(trees), dtype=np.intp) * width
        return cls(feature, threshold, left, right, value, roots, max(_depth(tree) for tree in trees))

    def leaf_values(self, x: np.ndarray) -> list[float]:
        """The value of the leaf each tree puts ``x`` in, tree by tree."""
        node = self.roots
        for _ in range(self.depth):
            node = np.where(x[self.feature[node]] <= self.threshold[node], self.left[node], self.right[node])
        return self.value[node].tolist()

    def leaf_rows(self, xs: np.ndarray) -> list[list[float]]:
        """``leaf_values`` of each row of ``xs`` (examples × features), all walked down at once: one
        episode's candidates cost the numpy calls of one."""
        if len(xs) == 1:
            return [self.leaf_values(xs[0])]
        node = np.broadcast_to(self.roots, (len(xs), len(self.roots)))
        # each example's features, flat, so that one take reads every example's split value
        flat, offsets = xs.ravel(), (np.arange(len(xs), dtype=np.intp) * xs.shape[1])[:, np.newaxis]
        for _ in range(self.depth):
            goes_left = flat[offsets + self.feature[node]] <= self.threshold[node]
            node = np.where(goes_left, self.left[node], self.right[node])
        return self.value[node].tolist()


def _depth(tree: Tree, node: int = 0) -> int:
    if tree.left[node] == -1:
        return 0
    return 1 + max(_depth(tree, tree.left[node]), _depth(tree, tree.right[node]))


@dataclass(frozen=True)
class TipModel:
    """Gradient-boosted trees over ``FEATURE_NAMES``: log-odds = ``prior`` + ``rate`` × Σ trees."""

    features: tuple[str, ...]
    prior: float
    rate: float
    threshold: float
    trees: tuple[Tree, ...]
    extract_stage: str
    report: dict[str, Any]

    @cached_property
    def _forest(self) -> "_Forest":
        return _Forest.of(self.trees)

    def probability(self, x: list[float]) -> float:
        leaves = self._forest.leaf_values(np.array(_single_precision(x)))  # what the trees were split on
        return self._logistic(leaves)

    def probabilities(self, xs: list[list[float]]) -> list[float]:
        """``probability`` of each of ``xs``, the same numbers, walked down the trees together."""
        if not xs:
            return []
        rows = self._forest.leaf_rows(np.array([_single_precision(x) for x in xs]))
        return [self._logistic(leaves) for leaves in rows]

    def _logistic(self, leaves: list[float]) -> float:
        log_odds = self.prior + self.rate * sum(leaves)  # summed tree by tree, as in training
        return 1.0 / (1.0 + math.exp(-log_odds))

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features), "prior": self.prior, "rate": self.rate, "threshold": self.threshold,
            "extract_stage": self.extract_stage, "report": self.report,
            "trees": [{"feature": list(t.feature), "threshold": list(t.threshold), "left": list(t.left),
                       "right": list(t.right), "value": list(t.value)} for t in self.trees],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TipModel":
        trees = tuple(Tree(tuple(t["feature"]), tuple(t["threshold"]), tuple(t["left"]), tuple(t["right"]),
                           tuple(t["value"])) for t in data["trees"])
        return cls(tuple(data["features"]), float(data["prior"]), float(data["rate"]), float(data["threshold"]),
                   trees, str(data["extract_stage"]), dict(data.get("report", {})))


def kept_values(model: TipModel, candidates: list[tuple[str, list[float]]]) -> list[str]:
    """The candidate values (a network, a time of day) a model keeps, in the order they were found."""
    probabilities = model.probabilities([x for _, x in candidates])
    return [value for (value, _), p in zip(candidates, probabilities) if p >= model.threshold]


def check_model_features(model: TipModel, expected: tuple[str, ...], kind: str, source: str) -> TipModel:
    """The model, when it was trained on ``expected`` features in that order (``kind``: which model)."""
    if model.features != expected:
        changed = sorted(set(expected) ^ set(model.features))
        raise ModelError(
            f"{source}: the {kind} model was trained on other features ({', '.join(changed) or 'another order'}); "
            "retrain it with `make train`")
    return model


def check_features(model: TipModel, source: str) -> TipModel:
    return check_model_features(model, FEATURE_NAMES, "tip", source)


def read_model(file: str, expected: tuple[str, ...], kind: str) -> TipModel:
    """A model shipped in the package data (``file`` under ``pipeline/data``)."""
    source = f"pipeline/data/{file}"
    try:
        text = resources.files("pipeline").joinpath("data", file).read_text(encoding="utf-8")
        model = TipModel.from_dict(json.loads(text))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{source}: the {kind} model cannot be read ({exc}); rebuild it with `make train`") from exc
    return check_model_features(model, expected, kind, source)


@lru_cache(maxsize=1)
def load_tip_model() -> TipModel:
    """The model shipped in the package data."""
    return read_model(MODEL_FILE, FEATURE_NAMES, "tip")
