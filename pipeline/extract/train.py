"""Train the network model (``data/network_model.json``), the time-of-day model
(``data/time_model.json``), the day model (``data/day_model.json``), the tip model (``data/tip_model.json``) and the join model
(``data/join_model.json``) on annotated episodes.

    python -m pipeline.extract.train tests/data/eval --out pipeline/data/tip_model.json

Candidates are matched to the gold annotations with the matching of ``conseils eval``.  The three
attribute models come first, from the rules' own choices (``RULES_ALONE``): each network named in or
before a candidate that matches a required gold tip (``network_model.network_candidates``), each
part of the day it says (``time_model.time_candidates``) and each day (``day_model.day_candidates``),
is labelled by whether the gold tip has it.  Then every candidate tip, its networks, times and days
chosen by those models, is labelled: a real tip
when it matches a required gold tip, a false one when it matches none (a second prediction on one
gold tip included); those matching an optional tip teach nothing.  Last, each two tips the tip model
keeps one after the other are labelled by whether they match the same gold tips (one idea told in
parts) or different ones (``join_model``).  For each model, five
gradient-boosted tree models grown on different subsamples (scikit-learn, needed here only) learn
the label; their log-odds are averaged.  Candidates under the model's threshold are left out; each
model's file records its F1 at every threshold, cross-validated over episodes (figures of episodes
the model did not see), beside that of the rules alone.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from pathlib import Path

import typer

from ..errors import ConseilsError, InputError, ModelError, OptionError
from ..evaluate import item_span, match_tips, overlap_ratio, terms_match
from ..fsutil import atomic_write_text
from ..nlp import load_nlp
from ..records import Episode, Tip
from . import (RULES_ALONE, STAGE_VERSION, AttributeModels, Candidate, Drafting, candidates, find_candidates,
               kept_candidates, sentence_spans)
from .glossary import term_candidates
from .join_model import JOIN_FEATURE_NAMES, check_join_features, join_features
from .network_model import NETWORK_FEATURE_NAMES, check_network_features
from .term_model import TERM_FEATURE_NAMES, check_term_features, load_term_model
from .time_model import TIME_FEATURE_NAMES, check_time_features
from .day_model import DAY_FEATURE_NAMES, check_day_features
from .rescore import FEATURE_NAMES, TipModel, Tree, check_features

TREES = 150
DEPTH = 3
LEARNING_RATE = 0.05
SUBSAMPLE = 0.8
SEEDS = 5
FOLDS = 5
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 19))  # 0.05 … 0.9, reported
# candidates under this probability are left out: the middle of the plateau where cross-validated F1
# is within a point of its best (0.15 to 0.6 on the development set); a fixed point, so that a
# retrained model does not move it along the plateau
THRESHOLD = 0.4
# a network is the tip's when the network model gives it at least this probability, and a time of
# day when the time-of-day model does: on the plateau of their cross-validated micro-F1 on the
# development set, smoothed over each threshold and its neighbours (within a point of the best from
# 0.25 to 0.65 for networks; for times, whose curve is flat and moves by a point from one training
# to the next, within two points from about 0.1 to 0.7: 0.25, where it peaked at stage 93, did worse
# on the holdout and the blind sets)
NETWORK_THRESHOLD = 0.5
TIME_THRESHOLD = 0.5
# a day is the tip's when the day model gives it at least this probability
DAY_THRESHOLD = 0.5
# a glossary term the model names when no pattern does: at or over this probability, on a plateau
# from 0.2 to 0.45 of the cross-validated figures; 0.35 from stage 120 (higher than 0.4 in the trainings
# of stages 118 and 119: 0.713 and 0.709 against 0.709 and 0.704), 0.3 from stage 127 (0.717 against
# 0.712 in the training of stage 126; on the development openings, three concepts more for one entry
# more on an opening that defines none)
TERM_THRESHOLD = 0.3
# two kept tips are joined into one at or over this probability
JOIN_THRESHOLD = 0.5


@dataclass
class Examples:
    features: list[list[float]]
    labels: list[int]  # 1: matches a required gold tip (or a value it has); 0: matches nothing (or it has not)
    episodes: list[str]
    required: int  # required gold tips of the French episodes, or their values (for recall)


def _sklearn():
    try:
        from sklearn.ensemble import GradientBoostingClassifier
        from sklearn.model_selection import GroupKFold
    except ImportError as exc:  # optional: only training needs it
        raise ModelError("training the tip model needs scikit-learn: pip install -e '.[train]'") from exc
    return GradientBoostingClassifier, GroupKFold


@dataclass
class Annotated:
    """A French episode of an annotated set, segmented, its gold tips and glossary term."""

    episode: Episode
    golds: list[dict]
    term: str | None = None


def read_set(folder: Path, spacy_model: str = "fr_core_news_sm") -> list[Annotated]:
    """The French episodes of ``folder/episodes/*`` with ``folder/gold/<stem>.gold.json``, segmented
    once for both models."""
    from ..readers import read
    from ..records import SegmentOptions
    from ..segment import segment

    gold_dir = folder / "gold"
    if not (folder / "episodes").is_dir() or not gold_dir.is_dir():
        raise InputError(folder, "not an annotated set (expected the folders episodes/ and gold/ in it)")
    paths = sorted(p for p in (folder / "episodes").iterdir() if p.is_file())
    if not paths:
        raise InputError(folder / "episodes", "no episode to train on")
    annotated = []
    for path in paths:
        gold_path = gold_dir / f"{path.stem}.gold.json"
        if not gold_path.is_file():
            raise InputError(path, f"no gold annotation {gold_path}")
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            golds = [g for g in gold["tips"] if float(g["end"]) >= float(g["start"])]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(gold_path, f"not a gold annotation ({exc})") from exc
        if gold.get("language", "fr") != "fr":
            continue  # no tip to learn from: the language check drops the episode first
        episode = read(path)
        if not episode.sentences:
            episode = segment(episode, SegmentOptions(spacy_model=spacy_model))
        annotated.append(Annotated(episode, golds, gold.get("term") or None))
    return annotated


def _matched(annotated: Annotated, found: list) -> dict[int, int]:
    """Candidate index -> gold tip index, with the matching of ``conseils eval``."""
    matched = match_tips([(c.tip.start or 0.0, c.tip.end or 0.0) for c in found], annotated.golds)
    return {i: j for j, i in matched.items()}


Found = list[tuple[Annotated, list[Candidate], Drafting]]


def found_tips(annotated: list[Annotated], models: AttributeModels | None = None,
               spacy_model: str = "fr_core_news_sm") -> Found:
    """Each episode's candidate tips (their networks and times of day chosen by ``models``, by
    default the shipped ones), found once for the tip and join models."""
    result = []
    for item in annotated:
        episode_candidates, _, drafting = find_candidates(item.episode, spacy_model, models)
        result.append((item, episode_candidates, drafting))
    return result


def tip_examples(annotated: list[Annotated], models: AttributeModels | None = None,
                 spacy_model: str = "fr_core_news_sm", found: Found | None = None) -> Examples:
    """Every candidate tip, labelled: a real tip when it matches a required gold tip (its networks
    and times of day chosen by ``models``, by default the shipped ones; ``found``: the candidates
    when already found)."""
    examples = Examples([], [], [], 0)
    for item, episode_candidates, _ in found or found_tips(annotated, models, spacy_model):
        by_prediction = _matched(item, episode_candidates)
        examples.required += sum(1 for g in item.golds if not g.get("optional"))
        for i, candidate in enumerate(episode_candidates):
            j = by_prediction.get(i)
            if j is not None and item.golds[j].get("optional"):
                continue
            examples.features.append(candidate.features)
            examples.labels.append(int(j is not None))
            examples.episodes.append(item.episode.id)
    return examples


def _golds_of(tip: Tip, golds: list[dict]) -> frozenset[int]:
    """The gold tips ``tip`` overlaps as ``conseils eval`` matches them."""
    span = (tip.start or 0.0, tip.end or 0.0)
    return frozenset(j for j, gold in enumerate(golds) if overlap_ratio(span, item_span(gold)) >= 0.5)


def _pairs(found: Found, tip_model: TipModel) -> list[tuple[Annotated, list[Tip], list[list[float]]]]:
    """Each episode's kept tips and the join model's inputs for each two of them one after the other."""
    result = []
    for item, episode_candidates, drafting in found:
        kept = [c.tip for c in kept_candidates(episode_candidates, tip_model, tip_model.threshold)]
        result.append((item, kept, [join_features(a, b, drafting.episode.sentences, drafting.features)
                                    for a, b in zip(kept, kept[1:])]))
    return result


def join_examples(found: Found, tip_model: TipModel) -> Examples:
    """Each pair of candidate tips ``tip_model`` keeps one after the other, labelled: one idea (1)
    when both match the same gold tips, two (0) when they match different ones; a pair with a tip
    matching none teaches nothing.  ``required``: the pairs of one idea (the F1 of joining)."""
    examples = Examples([], [], [], 0)
    for item, kept, inputs in _pairs(found, tip_model):
        for first, second, x in zip(kept, kept[1:], inputs):
            mine, theirs = _golds_of(first, item.golds), _golds_of(second, item.golds)
            if not mine or not theirs:
                continue
            examples.features.append(x)
            examples.labels.append(int(mine == theirs))
            examples.episodes.append(item.episode.id)
            examples.required += mine == theirs
    return examples


def _joined_tip_scores(pairs: list[tuple[Annotated, list[Tip], list[list[float]]]], joined: list[list[bool]]
                       ) -> tuple[float, float, float]:
    """Tip precision, recall and F1 when each episode's tips are joined where ``joined`` says (the
    spans of a run of joined tips made one), scored as ``conseils eval`` scores them."""
    true = kept = required = 0
    for (item, tips, _), joins in zip(pairs, joined):
        spans: list[tuple[float, float]] = []
        for k, tip in enumerate(tips):
            span = (tip.start or 0.0, tip.end or 0.0)
            if k and joins[k - 1]:
                spans[-1] = (min(spans[-1][0], span[0]), max(spans[-1][1], span[1]))
            else:
                spans.append(span)
        matched = match_tips(spans, item.golds)
        optional = sum(1 for j in matched if item.golds[j].get("optional"))
        true += len(matched) - optional
        kept += len(spans) - optional
        required += sum(1 for g in item.golds if not g.get("optional"))
    return _scores(true, kept, required)


def fit_joins(found: Found, tip_model: TipModel, seed: int = 0) -> TipModel:
    """The join model over the pairs of tips ``tip_model`` keeps, with the tip figures of joining
    no pair and of joining as models trained without each episode would (cross-validated over
    episodes, every pair of the held-out episodes weighed, those that teach nothing included)."""
    examples = join_examples(found, tip_model)
    model = fit(examples, seed, JOIN_FEATURE_NAMES, JOIN_THRESHOLD, [0.0] * len(examples.labels))
    pairs = _pairs(found, tip_model)
    _, GroupKFold = _sklearn()
    joined: list[list[bool]] = [[False] * len(inputs) for _, _, inputs in pairs]
    episodes = [item.episode.id for item, _, _ in pairs]
    for train, test in GroupKFold(n_splits=FOLDS).split(episodes, groups=episodes):
        held_out = {episodes[e] for e in test}
        learnt = [k for k, episode in enumerate(examples.episodes) if episode not in held_out]
        fold_model = _ensemble([examples.features[k] for k in learnt], [examples.labels[k] for k in learnt], seed,
                               JOIN_FEATURE_NAMES)
        for e in test:
            joined[e] = [fold_model.probability(x) >= JOIN_THRESHOLD for x in pairs[e][2]]
    unjoined = [[False] * len(joins) for joins in joined]
    report = dict(model.report,
                  tips_without_joins=dict(zip(("precision", "recall", "f1"), _joined_tip_scores(pairs, unjoined))),
                  tips_cross_validated=dict(zip(("precision", "recall", "f1"), _joined_tip_scores(pairs, joined))))
    return replace(model, report=report)


def term_examples(annotated: list[Annotated], spacy_model: str = "fr_core_news_sm") -> Examples:
    """Every candidate glossary term the text treats as a word to explain, labelled: the gold term
    when one contains the other, as ``conseils eval`` finds a term.  Episodes defining no concept
    give only false ones."""
    examples = Examples([], [], [], 0)
    nlp = load_nlp(spacy_model)
    for item in annotated:
        episode = item.episode
        labelled = any(segment.speaker for segment in episode.segments)
        examples.required += item.term is not None
        for candidate, x in term_candidates(episode, sentence_spans(episode, nlp), nlp, labelled):
            examples.features.append(x)
            examples.labels.append(int(item.term is not None and terms_match(item.term, candidate.term)))
            examples.episodes.append(episode.id)
    return examples


def attribute_examples(annotated: list[Annotated], spacy_model: str = "fr_core_news_sm"
                       ) -> tuple[Examples, Examples, Examples]:
    """The examples of the network, time-of-day and day models: each network named in or before a
    candidate that matches a required gold tip, each part of the day and each day it says, labelled
    by whether the gold tip has it; ``required`` counts the gold tips' values (micro-F1's recall)."""
    networks, times, days = Examples([], [], [], 0), Examples([], [], [], 0), Examples([], [], [], 0)
    for item in annotated:
        found, _ = candidates(item.episode, spacy_model, RULES_ALONE)
        for i, j in _matched(item, found).items():
            gold = item.golds[j]
            if gold.get("optional"):
                continue
            for examples, named, key in ((networks, found[i].networks, "networks"), (times, found[i].times, "times_of_day"),
                                         (days, found[i].days, "days")):
                wanted = set(gold.get(key) or [])
                examples.required += len(wanted)
                for value, x in named:
                    examples.features.append(x)
                    examples.labels.append(int(value in wanted))
                    examples.episodes.append(item.episode.id)
    return networks, times, days


def _f1(labels: list[int], probabilities: list[float], threshold: float, required: int) -> tuple[float, float, float]:
    kept = [y for y, p in zip(labels, probabilities) if p >= threshold]
    return _scores(sum(kept), len(kept), required)


def _scores(true: int, kept: int, required: int) -> tuple[float, float, float]:
    """Precision, recall and F1, rounded as the model files record them."""
    precision = true / kept if kept else 0.0
    recall = true / required if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 3), round(recall, 3), round(f1, 3)


def _f1_of_the_best(examples: Examples, probabilities: list[float], threshold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of each episode's most probable candidate at or over ``threshold``, as the
    glossary keeps one term an episode (several candidates may contain the gold term: "fenêtre",
    "fenêtre d'attribution")."""
    best: dict[str, tuple[float, int]] = {}
    for episode, label, p in zip(examples.episodes, examples.labels, probabilities):
        if p >= threshold and p > best.get(episode, (-1.0, 0))[0]:
            best[episode] = (p, label)
    return _scores(sum(label for _, label in best.values()), len(best), examples.required)


def _classifier(seed: int):
    GradientBoostingClassifier, _ = _sklearn()
    return GradientBoostingClassifier(n_estimators=TREES, max_depth=DEPTH, learning_rate=LEARNING_RATE,
                                      subsample=SUBSAMPLE, random_state=seed)


def _ensemble(features: list[list[float]], labels: list[int], seed: int,
              names: tuple[str, ...] = FEATURE_NAMES) -> TipModel:
    """``SEEDS`` boosted models grown on different subsamples, their log-odds averaged: one model
    whose trees are all of theirs, at ``1 / SEEDS`` of the learning rate (less variance than one)."""
    models = [_classifier(seed + k).fit(features, labels) for k in range(SEEDS)]
    return TipModel(
        features=names,
        prior=_log_odds(float(models[0].init_.class_prior_[1])),  # the trees' starting point: the prior's log-odds
        rate=LEARNING_RATE / SEEDS,
        threshold=0.5,
        trees=tuple(_tree(estimator[0].tree_) for clf in models for estimator in clf.estimators_),
        extract_stage=STAGE_VERSION,
        report={},
    )


def fit(examples: Examples, seed: int = 0, names: tuple[str, ...] = FEATURE_NAMES, threshold: float = THRESHOLD,
        rules: list[float] | None = None, one_per_episode: bool = False) -> TipModel:
    """The model over all examples, with its cross-validated figures (``rules``: 1 for the
    examples the rules alone keep, by default all of them; ``one_per_episode``: only each episode's
    most probable candidate counts, as for glossary terms)."""
    _, GroupKFold = _sklearn()
    if len(set(examples.episodes)) < FOLDS or len(set(examples.labels)) < 2:
        raise OptionError(f"too few examples to train on ({len(set(examples.episodes))} episodes with candidate tips, "
                          f"at least {FOLDS} needed)")
    held_out = [0.0] * len(examples.labels)
    for train, test in GroupKFold(n_splits=FOLDS).split(examples.features, examples.labels, examples.episodes):
        model = _ensemble([examples.features[i] for i in train], [examples.labels[i] for i in train], seed, names)
        for i in test:
            held_out[i] = model.probability(examples.features[i])
    def score(probabilities: list[float], t: float) -> tuple[float, float, float]:
        if one_per_episode:
            return _f1_of_the_best(examples, probabilities, t)
        return _f1(examples.labels, probabilities, t, examples.required)

    scores = {t: score(held_out, t) for t in THRESHOLDS}
    best = max(THRESHOLDS, key=lambda t: (scores[t][2], -t))
    report = {
        "episodes": len(set(examples.episodes)),
        "candidates": len(examples.labels),
        "real": sum(examples.labels),
        "required": examples.required,
        "rules_only": dict(zip(("precision", "recall", "f1"), score(rules or [1.0] * len(examples.labels), 0.5))),
        "cross_validated": dict(zip(("precision", "recall", "f1"), scores[threshold])),
        # the fixed threshold sits on the plateau of cross-validated F1: the best point moves from one
        # training to the next by more than F1 changes along it
        "cross_validated_by_threshold": {str(t): scores[t][2] for t in THRESHOLDS},
        "best_threshold": best,
        "scikit_learn": _sklearn_version(),
    }
    return replace(_ensemble(examples.features, examples.labels, seed, names), threshold=threshold, report=report)


def fit_networks(examples: Examples, seed: int = 0) -> TipModel:
    """The network model: its figures are the micro-F1 of the matched tips' networks."""
    rules = [x[NETWORK_FEATURE_NAMES.index("rules_chose")] for x in examples.features]
    return fit(examples, seed, NETWORK_FEATURE_NAMES, NETWORK_THRESHOLD, rules)


def fit_terms(examples: Examples, seed: int = 0) -> TipModel:
    """The glossary term model: its figures count each episode's most probable candidate, against the
    episodes that define a concept (the model is weighed by the episodes it has not seen, where the
    rules find no term)."""
    return fit(examples, seed, TERM_FEATURE_NAMES, TERM_THRESHOLD, one_per_episode=True)


def fit_times(examples: Examples, seed: int = 0) -> TipModel:
    """The time-of-day model: its figures are the micro-F1 of the matched tips' times of day."""
    rules = [x[TIME_FEATURE_NAMES.index("rules_chose")] for x in examples.features]
    return fit(examples, seed, TIME_FEATURE_NAMES, TIME_THRESHOLD, rules)


def fit_days(examples: Examples, seed: int = 0) -> TipModel:
    """The day model: its figures are the micro-F1 of the matched tips' days."""
    rules = [x[DAY_FEATURE_NAMES.index("rules_chose")] for x in examples.features]
    return fit(examples, seed, DAY_FEATURE_NAMES, DAY_THRESHOLD, rules)


def _sklearn_version() -> str:
    import sklearn
    return sklearn.__version__


def _log_odds(p: float) -> float:
    return math.log(p / (1.0 - p))


def _tree(tree) -> Tree:
    return Tree(
        feature=tuple(int(f) for f in tree.feature),
        threshold=tuple(float(t) for t in tree.threshold),
        left=tuple(int(n) for n in tree.children_left),
        right=tuple(int(n) for n in tree.children_right),
        value=tuple(float(v) for v in tree.value[:, 0, 0]),
    )


def model_json(model: TipModel) -> str:
    """The model as JSON, one tree per line (a retrained model diffs tree by tree)."""
    data = model.to_dict()
    trees = data.pop("trees")
    head = json.dumps(data, ensure_ascii=False, indent=1)[:-2]
    lines = ",\n  ".join(json.dumps(tree, separators=(",", ":")) for tree in trees)
    return f'{head},\n "trees": [\n  {lines}\n ]\n}}\n'


def main(
    folders: list[Path] = typer.Argument(..., help="Annotated sets: each holds episodes/ and gold/."),
    out: Path = typer.Option(Path("pipeline/data/tip_model.json"), "--out", "-o", help="Where to write the tip model."),
    networks_out: Path = typer.Option(Path("pipeline/data/network_model.json"), "--networks-out",
                                      help="Where to write the network model."),
    times_out: Path = typer.Option(Path("pipeline/data/time_model.json"), "--times-out",
                                   help="Where to write the time-of-day model."),
    days_out: Path = typer.Option(Path("pipeline/data/day_model.json"), "--days-out", help="Where to write the day model."),
    terms: list[Path] = typer.Option([], "--terms", help="More annotated sets for the glossary term model only "
                                     "(openings that define a concept, or none)."),
    terms_out: Path = typer.Option(Path("pipeline/data/term_model.json"), "--terms-out",
                                   help="Where to write the glossary term model."),
    joins_out: Path = typer.Option(Path("pipeline/data/join_model.json"), "--joins-out",
                                   help="Where to write the join model."),
    seed: int = typer.Option(0, "--seed", help="Seed of the trees' subsampling."),
) -> None:
    """Train the network, time-of-day and day models, then the tip model (on tips whose networks,
    times and days they chose), on annotated episodes; and the glossary term model on those and ``--terms``.

    Example: python -m pipeline.extract.train tests/data/eval --out pipeline/data/tip_model.json --terms tests/data/eval_terms
    """
    try:
        annotated = [item for folder in folders for item in read_set(folder)]
        openings = [item for folder in terms for item in read_set(folder)]
        # first, as the tips leave out the definitions it finds
        term_model = check_term_features(fit_terms(term_examples(annotated + openings), seed), str(terms_out))
        atomic_write_text(terms_out, model_json(term_model))
        load_term_model.cache_clear()
        network_set, time_set, day_set = attribute_examples(annotated)
        networks = check_network_features(fit_networks(network_set, seed), str(networks_out))
        times = check_time_features(fit_times(time_set, seed), str(times_out))
        days = check_day_features(fit_days(day_set, seed), str(days_out))
        found = found_tips(annotated, AttributeModels(networks, times, days))
        model = check_features(fit(tip_examples(annotated, found=found), seed), str(out))
        joins = check_join_features(fit_joins(found, model, seed), str(joins_out))
    except ConseilsError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1)
    trained = ((terms_out, term_model), (networks_out, networks), (times_out, times), (days_out, days), (out, model), (joins_out, joins))
    for path, written in trained[1:]:
        atomic_write_text(path, model_json(written))
    for path, written in trained:
        typer.echo(f"{path}: {len(written.trees)} trees, threshold {written.threshold}; "
                   f"{json.dumps(written.report, ensure_ascii=False)}")


if __name__ == "__main__":
    typer.run(main)
