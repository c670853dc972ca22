"""The tip model: its trees, its training, and how extraction uses it."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.errors import ModelError
from pipeline.extract import (RULES_ALONE, STAGE_VERSION, candidates, extract, find_candidates, join_parts, planned_days,
                              sentence_spans)
from pipeline.extract.rescore import FEATURE_NAMES, TipModel, Tree, check_features, load_tip_model
from pipeline.extract.network_model import NETWORK_FEATURE_NAMES, check_network_features, load_network_model
from pipeline.extract.time_model import TIME_FEATURE_NAMES, check_time_features, load_time_model
from pipeline.extract.day_model import DAY_FEATURE_NAMES, check_day_features, load_day_model
from pipeline.extract.glossary import find_glossary
from pipeline.extract.term_model import TERM_FEATURE_NAMES, check_term_features, load_term_model
from pipeline.extract.join_model import JOIN_FEATURE_NAMES, check_join_features, load_join_model
from pipeline.extract.train import (JOIN_THRESHOLD, _ensemble, attribute_examples, fit, fit_networks, fit_terms,
                                    fit_days, fit_times, found_tips, join_examples, model_json, read_set, term_examples,
                                    tip_examples)
from pipeline.nlp import load_nlp
from pipeline.readers import read
from pipeline.records import ExtractOptions, SegmentOptions
from pipeline.segment import segment

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "eval"
SAMPLE = ROOT / "samples" / "dictionnaire_digital_influence.txt"


@pytest.fixture(scope="module")
def dev_set():
    return read_set(DEV)


@pytest.fixture(scope="module")
def dev_found(dev_set):
    return found_tips(dev_set)


@pytest.fixture(scope="module")
def dev_examples(dev_set, dev_found):
    return tip_examples(dev_set, found=dev_found)


@pytest.fixture(scope="module")
def sample_episode():
    return segment(read(SAMPLE), SegmentOptions())


def test_trees_give_scikit_learns_probabilities(dev_examples):
    import numpy as np

    from pipeline.extract.train import SEEDS, _classifier

    features, labels = dev_examples.features[:400], dev_examples.labels[:400]
    model = _ensemble(features, labels, seed=3)
    log_odds = np.mean([_classifier(3 + k).fit(features, labels).decision_function(dev_examples.features)
                        for k in range(SEEDS)], axis=0)
    expected = 1.0 / (1.0 + np.exp(-log_odds))
    assert [round(model.probability(x), 9) for x in dev_examples.features] == [round(float(p), 9) for p in expected]


def test_model_file_reads_back_the_same(dev_examples, tmp_path):
    model = _ensemble(dev_examples.features[:200], dev_examples.labels[:200], seed=0)
    assert TipModel.from_dict(json.loads(model_json(model))) == model


def test_shipped_model_is_the_one_trained_on_the_development_set(dev_examples):
    shipped = load_tip_model()
    assert shipped.extract_stage == STAGE_VERSION, "the rules changed: retrain the tip model with `make train`"
    retrained = fit(dev_examples)
    assert retrained.threshold == shipped.threshold
    _assert_same_choices(retrained, shipped, dev_examples.features)


def _assert_same_choices(retrained: TipModel, shipped: TipModel, features: list[list[float]]) -> None:
    kept = [(retrained.probability(x) >= retrained.threshold, shipped.probability(x) >= shipped.threshold)
            for x in features]
    agreement = sum(a == b for a, b in kept) / len(kept)
    import sklearn
    # the same scikit-learn grows the same trees; another release may split a tie differently
    assert agreement == 1.0 if sklearn.__version__ == shipped.report["scikit_learn"] else agreement >= 0.98


@pytest.fixture(scope="module")
def dev_attribute_examples(dev_set):
    return attribute_examples(dev_set)


# (the model, how it is loaded, its features, how it is fitted, which of the attribute examples, its name in errors)
ATTRIBUTE_MODELS = [
    pytest.param(load_network_model, NETWORK_FEATURE_NAMES, fit_networks, 0, check_network_features, "network",
                 id="networks"),
    pytest.param(load_time_model, TIME_FEATURE_NAMES, fit_times, 1, check_time_features, "time-of-day", id="times"),
    pytest.param(load_day_model, DAY_FEATURE_NAMES, fit_days, 2, check_day_features, "day", id="days"),
]


@pytest.mark.parametrize("load, names, fit_model, which, check, kind", ATTRIBUTE_MODELS)
def test_shipped_attribute_model_is_the_one_trained_on_the_development_set(dev_attribute_examples, load, names,
                                                                           fit_model, which, check, kind):
    shipped = load()
    assert shipped.extract_stage == STAGE_VERSION, "the rules changed: retrain the models with `make train`"
    examples = dev_attribute_examples[which]
    assert len(examples.features[0]) == len(names)
    retrained = fit_model(examples)
    assert retrained.threshold == shipped.threshold
    _assert_same_choices(retrained, shipped, examples.features)


@pytest.mark.parametrize("load, names, fit_model, which, check, kind", ATTRIBUTE_MODELS)
def test_attribute_model_beats_the_rules_alone(load, names, fit_model, which, check, kind):
    report = load().report
    by_threshold = report["cross_validated_by_threshold"]
    # the threshold is on the plateau: within a point of the best, on the curve smoothed over each
    # threshold and its neighbours (a flat curve moves by a point from one training to the next); the
    # times' curve is flatter still, and lower thresholds where it peaks did worse on unseen episodes
    # (stage 93 at 0.25: times of day 0.909 on the holdout against 0.938, 0.893 on the blind sets
    # against 0.899), so within two points there
    values = list(by_threshold.values())
    smoothed = dict(zip(by_threshold, (sum(values[max(0, k - 1) : k + 2]) / len(values[max(0, k - 1) : k + 2])
                                       for k in range(len(values)))))
    plateau = 0.02 if kind == "time-of-day" else 0.01
    assert smoothed[str(load().threshold)] >= max(smoothed.values()) - plateau
    assert report["episodes"] >= 90
    # micro-F1 of the attribute on the tips that match a gold tip, on episodes the model did not see
    assert report["cross_validated"]["f1"] > report["rules_only"]["f1"]
    assert report["cross_validated"]["precision"] > report["rules_only"]["precision"]


@pytest.mark.parametrize("load, names, fit_model, which, check, kind", ATTRIBUTE_MODELS)
def test_an_attribute_model_of_other_features_is_refused(load, names, fit_model, which, check, kind):
    with pytest.raises(ModelError, match=f"{kind} model was trained on other features .*make train"):
        check(replace(load(), features=tuple(reversed(names))), "model.json")


def test_the_models_weigh_every_network_time_of_day_and_day_a_tip_names(sample_episode):
    found, _, drafting = find_candidates(sample_episode)
    assert all(len(x) == len(NETWORK_FEATURE_NAMES) for c in found for _, x in c.networks)
    assert all(len(x) == len(TIME_FEATURE_NAMES) for c in found for _, x in c.times)
    assert all(len(x) == len(DAY_FEATURE_NAMES) for c in found for _, x in c.days)
    networks, times, days = load_network_model(), load_time_model(), load_day_model()
    for c in found:
        for named in (c.networks, c.times, c.days):
            assert len({value for value, _ in named}) == len(named)
        # the tip's values are those the models keep, in the order they were found, and the networks
        # the rules took from the tip's own words
        kept = [name for name, x in c.networks if networks.probability(x) >= networks.threshold]
        own = [name for name in c.tip.networks if name not in kept]
        assert c.tip.networks == own + [name for name in kept if name not in own]
        assert all(any(name in sentence for sentence in c.tip.quote.split(".")) for name in own)
        assert c.tip.timing.times_of_day == [part for part, x in c.times if times.probability(x) >= times.threshold]
        kept_days = {day for day, x in c.days if days.probability(x) >= days.threshold}
        # and the days the rules read in the lines of a weekly plan
        ruled_days = {day for day, x in c.days if x[DAY_FEATURE_NAMES.index("rules_chose")]}
        assert set(c.tip.timing.days) == kept_days | (planned_days(c.draft, drafting.features) & ruled_days)
    ruled, _ = candidates(sample_episode, models=RULES_ALONE)
    assert [c.tip.quote for c in ruled] == [c.tip.quote for c in found]
    assert all(set(c.tip.networks) <= {name for name, _ in c.networks} for c in ruled)
    assert all(set(c.tip.timing.times_of_day) == {part for part, _ in c.times} for c in ruled)
    # every day the rules chose is a candidate, and the days of the sample's tips are all said in them
    assert all(set(c.tip.timing.days) <= {day for day, _ in c.days} for c in ruled)
    assert any(c.days for c in found)


def test_shipped_join_model_is_the_one_trained_on_the_development_set(dev_found):
    shipped = load_join_model()
    assert shipped.extract_stage == STAGE_VERSION, "the rules changed: retrain the models with `make train`"
    examples = join_examples(dev_found, load_tip_model())
    assert len(examples.features[0]) == len(JOIN_FEATURE_NAMES)
    # one idea told in two kept tips is rarer than two ideas, but there are enough to learn from
    assert 50 <= sum(examples.labels) < len(examples.labels) / 4
    retrained = fit(examples, 0, JOIN_FEATURE_NAMES, JOIN_THRESHOLD, [0.0] * len(examples.labels))
    assert retrained.threshold == shipped.threshold
    _assert_same_choices(retrained, shipped, examples.features)


def test_joining_raises_the_cross_validated_tip_f1():
    report = load_join_model().report
    # the development tips scored as ``conseils eval`` scores them, without joining and with joins chosen
    # by models that did not see the episode: fewer fragments (precision) for a little recall
    without, joined = report["tips_without_joins"], report["tips_cross_validated"]
    assert joined["f1"] > without["f1"]
    assert joined["precision"] > without["precision"]
    assert joined["recall"] >= without["recall"] - 0.02


def test_a_join_model_of_other_features_is_refused():
    with pytest.raises(ModelError, match="join model was trained on other features .*make train"):
        check_join_features(replace(load_join_model(), features=tuple(reversed(JOIN_FEATURE_NAMES))), "model.json")


# a model that joins every pair, and one that joins none: one leaf each
ALWAYS, NEVER = (TipModel(JOIN_FEATURE_NAMES, prior=prior, rate=1.0, threshold=0.5,
                          trees=(Tree(feature=(-2,), threshold=(-2.0,), left=(-1,), right=(-1,), value=(0.0,)),),
                          extract_stage=STAGE_VERSION, report={}) for prior in (5.0, -5.0))


def test_joined_tips_are_one_tip_of_all_their_sentences(sample_episode):
    found, _, drafting = find_candidates(sample_episode)
    kept = [replace(c, tip=replace(c.tip, confidence=round(0.5 + 0.01 * k, 2))) for k, c in enumerate(found[:3])]
    assert [tip.quote for tip in join_parts(kept, drafting, NEVER)] == [c.tip.quote for c in kept]
    assert [tip.quote for tip in join_parts(kept, drafting, None)] == [c.tip.quote for c in kept]
    (joined,) = join_parts(kept, drafting, ALWAYS)
    assert joined.sentences == sorted({i for c in kept for i in c.tip.sentences})
    assert (joined.start, joined.end) == (kept[0].tip.start, kept[-1].tip.end)
    assert joined.confidence == max(c.tip.confidence for c in kept)
    # its networks, timing and summary are read again from all the sentences, as for a tip found whole
    assert set(joined.networks) <= {name for c in kept for name in c.tip.networks}
    assert all(c.tip.quote in joined.quote for c in kept)


def test_the_join_option_leaves_the_tips_as_kept(sample_episode):
    joined, apart = extract(sample_episode).tips, extract(sample_episode, ExtractOptions(join=False)).tips
    kept = {(t.start, t.end) for t in apart}
    assert all((t.start, t.end) in kept or any(t.start <= s and e <= t.end for s, e in kept) for t in joined)
    assert len(joined) <= len(apart)


def test_hours_go_with_the_times_of_day_they_are_in():
    from pipeline.extract import _with_times
    from pipeline.records import Timing

    timing = Timing(times_of_day=["morning", "evening"], hours=["09:00", "19:00-21:00"])
    assert _with_times(timing, ["evening"]) == Timing(times_of_day=["evening"], hours=["19:00-21:00"])
    assert _with_times(timing, []).hours == []


def test_cross_validation_beats_the_rules_alone():
    model = load_tip_model()
    report = model.report
    by_threshold = report["cross_validated_by_threshold"]
    # the fixed threshold is on the plateau of cross-validated F1
    assert by_threshold[str(model.threshold)] >= max(by_threshold.values()) - 0.005
    assert report["episodes"] >= 90
    assert report["cross_validated"]["f1"] > report["rules_only"]["f1"]
    assert report["cross_validated"]["precision"] > report["rules_only"]["precision"]


def test_tips_below_the_models_threshold_are_left_out(sample_episode):
    model = load_tip_model()
    found, _ = candidates(sample_episode)
    probabilities = {(c.tip.start, c.tip.end): round(model.probability(c.features), 2) for c in found}
    # (the join model may make one tip of two kept ones: left out here, the threshold alone decides)
    tips = extract(sample_episode, ExtractOptions(join=False)).tips
    assert tips and all(t.confidence >= model.threshold for t in tips)
    assert {(t.start, t.end) for t in tips} == {span for span, p in probabilities.items() if p >= model.threshold}
    assert all(t.confidence == probabilities[(t.start, t.end)] for t in tips)
    every = extract(sample_episode, ExtractOptions(min_confidence=0.0, join=False)).tips
    assert len(every) == len(found)
    strict = extract(sample_episode, ExtractOptions(min_confidence=0.99, join=False)).tips
    assert all(t.confidence >= 0.99 for t in strict) and len(strict) < len(tips)


def test_a_model_of_other_features_is_refused():
    model = load_tip_model()
    other = replace(model, features=tuple(reversed(FEATURE_NAMES)))
    with pytest.raises(ModelError, match="retrain it with `make train`"):
        check_features(other, "tip_model.json")
    renamed = TipModel.from_dict({**model.to_dict(), "features": list(FEATURE_NAMES[:-1]) + ["colour"]})
    with pytest.raises(ModelError, match="colour"):
        check_features(renamed, "tip_model.json")


# a stump beside a tree of depth two: the forest walks both at once and must stop on the stump's leaf
UNEVEN_TREES = (Tree(feature=(0, -2, -2), threshold=(0.5, -2.0, -2.0), left=(1, -1, -1), right=(2, -1, -1),
                     value=(0.0, -1.0, 1.0)),
                Tree(feature=(1, 0, -2, -2, -2), threshold=(2.0, 0.25, -2.0, -2.0, -2.0), left=(1, 2, -1, -1, -1),
                     right=(4, 3, -1, -1, -1), value=(0.0, 0.0, 0.5, -0.5, 2.0)))


@pytest.mark.parametrize("x", [[0.0, 0.0], [0.5, 2.0], [0.25, 2.0], [0.75, 1.0], [1.0, 3.0], [0.2, 2.5]])
def test_the_forest_puts_a_value_in_the_leaf_each_tree_does(x):
    model = TipModel(("a", "b"), prior=0.1, rate=0.5, threshold=0.5, trees=UNEVEN_TREES, extract_stage="0", report={})
    expected_log_odds = 0.1 + 0.5 * sum(tree.predict(x) for tree in UNEVEN_TREES)
    assert model.probability(x) == 1.0 / (1.0 + math.exp(-expected_log_odds))


def test_the_forest_walks_many_examples_at_once_to_the_same_leaves():
    """``probabilities`` walks an episode's candidates down the trees together: the very numbers
    ``probability`` gives each alone, on the uneven trees and on a shipped model."""
    xs = [[0.0, 0.0], [0.5, 2.0], [0.25, 2.0], [0.75, 1.0], [1.0, 3.0], [0.2, 2.5]]
    model = TipModel(("a", "b"), prior=0.1, rate=0.5, threshold=0.5, trees=UNEVEN_TREES, extract_stage="0", report={})
    assert model.probabilities(xs) == [model.probability(x) for x in xs]
    assert model.probabilities(xs[:1]) == [model.probability(xs[0])]
    assert model.probabilities([]) == []
    shipped = load_time_model()
    rows = [[float((i * 7 + k * 3) % 5) / 2 for k in range(len(shipped.features))] for i in range(12)]
    assert shipped.probabilities(rows) == [shipped.probability(x) for x in rows]


def test_model_round_trips_through_json():
    model = load_tip_model()
    again = TipModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again == model


def _annotated_set(root: Path, gold: str) -> Path:
    (root / "episodes").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "episodes" / "ep.txt").write_text((SAMPLE).read_text(encoding="utf-8"), encoding="utf-8")
    (root / "gold" / "ep.gold.json").write_text(gold, encoding="utf-8")
    return root


@pytest.mark.parametrize("make, message", [
    (lambda tmp: tmp / "missing_folder", "missing_folder: not an annotated set (expected the folders episodes/ and gold/"),
    (lambda tmp: _annotated_set(tmp / "broken", "{not json"), "ep.gold.json: not a gold annotation"),
    (lambda tmp: _annotated_set(tmp / "no_tips", '{"episode": "ep"}'), "ep.gold.json: not a gold annotation"),
])
def test_training_cli_reports_bad_input(tmp_path, make, message):
    run = subprocess.run([sys.executable, "-m", "pipeline.extract.train", str(make(tmp_path)),
                          "--out", str(tmp_path / "model.json")], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1
    assert message in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "model.json").exists()


def test_training_cli_help_has_an_example():
    run = subprocess.run([sys.executable, "-m", "pipeline.extract.train", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0 and "Example: python -m pipeline.extract.train" in run.stdout


def test_cli_min_confidence_leaves_out_the_less_certain_tips(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    runner = CliRunner()
    default = runner.invoke(app, ["extract", str(SAMPLE), "--out", str(tmp_path / "default")])
    strict = runner.invoke(app, ["extract", str(SAMPLE), "--out", str(tmp_path / "strict"), "--min-confidence", "0.9"])
    assert default.exit_code == 0 and strict.exit_code == 0, default.output + strict.output
    every = json.loads((tmp_path / "default" / "tips.json").read_text(encoding="utf-8"))
    kept = json.loads((tmp_path / "strict" / "tips.json").read_text(encoding="utf-8"))
    assert kept == [tip for tip in every if tip["confidence"] >= 0.9] and len(kept) < len(every)
    refused = runner.invoke(app, ["extract", str(SAMPLE), "--out", str(tmp_path / "bad"), "--min-confidence", "1.5"])
    assert refused.exit_code != 0 and "--min-confidence" in refused.output


def test_an_unreadable_model_is_a_clear_error(monkeypatch, tmp_path):
    import pipeline.extract.rescore as rescore

    broken = tmp_path / "pipeline" / "data"
    broken.mkdir(parents=True)
    (broken / rescore.MODEL_FILE).write_text('{"features": [', encoding="utf-8")
    monkeypatch.setattr(rescore.resources, "files", lambda package: tmp_path / "pipeline")
    rescore.load_tip_model.cache_clear()
    try:
        with pytest.raises(ModelError, match="tip_model.json: the tip model cannot be read .*make train"):
            rescore.load_tip_model()
    finally:
        monkeypatch.undo()
        rescore.load_tip_model.cache_clear()


def _term_sets() -> list[Path]:
    """The openings ``make train`` gives the glossary term model, as the Makefile lists them."""
    import re

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return [ROOT / "tests" / "data" / name for name in re.search(r"^TERM_SETS = (.+)$", makefile, re.M).group(1).split()]


@pytest.fixture(scope="module")
def term_training(dev_set):
    return term_examples(dev_set + [item for folder in _term_sets() for item in read_set(folder)])


def test_shipped_term_model_is_the_one_trained_on_the_development_sets(term_training):
    shipped = load_term_model()
    assert shipped.extract_stage == STAGE_VERSION, "the rules changed: retrain the models with `make train`"
    assert len(term_training.features[0]) == len(TERM_FEATURE_NAMES)
    retrained = fit_terms(term_training)
    assert retrained.threshold == shipped.threshold
    _assert_same_choices(retrained, shipped, term_training.features)


def test_term_model_finds_most_terms_on_openings_it_did_not_see():
    report = load_term_model().report
    assert report["episodes"] >= 200  # those with a candidate the text treats as a word to explain
    # each held-out episode's most probable candidate: the right term kept, against every episode that defines one
    assert report["cross_validated"]["precision"] >= 0.75
    assert report["cross_validated"]["recall"] >= 0.62


def test_a_term_model_of_other_features_is_refused():
    with pytest.raises(ModelError, match="glossary term model was trained on other features .*make train"):
        check_term_features(replace(load_term_model(), features=tuple(reversed(TERM_FEATURE_NAMES))), "model.json")


# openings where no defining pattern names the concept and the term model does: (file, term). The model of
# extract stage 98 no longer names "déréférencement" (eval_terms10, "… le déréférencement de ces articles. Ça
# veut dire que …", probability 0.22), which stage 97's did.
LEARNED_TERMS = [
    ("eval_terms6/episodes/grin_numerique_bamako_ep4.json", "review bombing"),
    # its next sentence gives its other name: "Broadcast channel, comme disent les Anglais."
    ("eval_terms8/episodes/canal_de_diffusion_traiteur_abidjan.txt", "canal de diffusion"),
    ("eval_terms6/episodes/campagne_de_reactivation_librairie.vtt", "campagne de réactivation"),
    # (a name given last, then defined, "C'est votre CAPTCHA. C'est le petit test placé avant …", was named until
    # stage 124; the model retrained with the twenty-seventh openings weighs it under its threshold)
    # named after a colon: "Celle qui compte pour moi, c'est la première : l'autocomplétion."
    ("eval_terms9/episodes/autocompletion_tissus_lome.vtt", "autocomplétion"),
    # a dictionary's entry read aloud: "« Échelle de valeur : ensemble des offres … »"
    ("eval_terms9/episodes/dictionnaire_digital_episode_212.txt", "échelle de valeur"),
    # whole loanwords: "B-roll", and "keyword stuffing" where the host echoes "Du keyword quoi ?"
    ("eval_terms7/episodes/b_roll_chaine_cuisine.srt", "b-roll"),
    ("eval_terms7/episodes/capsule_jeudi_s2e7.json", "keyword stuffing"),
    # an acronym in lowercase speech-to-text, after "non non c'est simple"
    ("eval_terms9/episodes/episode_8_saison_3.json", "ctv"),
    # its other name after a comma: "on appelle ça un sticky header, un en-tête fixe si tu préfères"
    ("eval_terms10/episodes/les_mots_du_net_ep3.txt", "sticky header"),
    # the answer to a question that asks for a name: "tu appelles ça comment, toi ?" — "Shoppertainment, khti."
    ("eval_terms10/episodes/shoppertainment_casablanca.vtt", "shoppertainment"),
    # said alone after a sentence that announces a name: "… un format au nom un peu barbare. Le listicle."
    ("eval_terms10/episodes/chronique_du_lundi_ep7.srt", "listicle"),
    # (defined mid-sentence in speech-to-text without punctuation, "… le guesting c'est quand tu vas …", was
    # named until stage 106; the model retrained with the sixteenth openings weighs it under its threshold)
    ("eval_terms10/episodes/reputation_expediteur_rimouski.json", "réputation d'expéditeur"),
    # a dictionary's entry quoted: "je te lis : « Journalisme de marque : production … »"
    ("eval_terms10/episodes/journalisme_de_marque_cooperative_laitiere.txt", "journalisme de marque"),
    # the thing, not the network it is on: "une streak sur snapchat c'est une série …"
    ("eval_terms7/episodes/streak_snapchat_lycee_antsirabe.json", "streak"),
]


@pytest.mark.parametrize("file, term", LEARNED_TERMS)
def test_the_term_model_names_a_concept_no_pattern_names(file, term):
    episode = segment(read(ROOT / "tests" / "data" / file), SegmentOptions())
    nlp = load_nlp("fr_core_news_sm")
    spans = sentence_spans(episode, nlp)  # as extraction parses them: segment's spans
    labelled = any(s.speaker for s in episode.segments)
    assert find_glossary(episode, nlp, labelled, spans=spans, learned=False)[0] == []
    entries, used = find_glossary(episode, nlp, labelled, spans=spans)
    assert [e.term.lower() for e in entries] == [term]
    assert entries[0].definition and used
    if len(term) <= 5 and not any(c in term for c in "aeiouy"):
        assert entries[0].term == term.upper()  # "la ctv" is the CTV


def _read_terms(lines: list[str], with_sentences: bool = False):
    """The candidate terms of ``lines`` (one sentence each, four seconds apart), by folded key (and the
    sentences they were read from)."""
    from pipeline.extract.term_model import candidate_terms
    from pipeline.records import Episode, Segment
    episode = segment(Episode(id="terms", language="fr",
                              segments=[Segment(text, 4.0 * i, 4.0 * i + 3.5) for i, text in enumerate(lines)]))
    nlp = load_nlp("fr_core_news_sm")
    spans = [doc[:] for doc in nlp.pipe(s.text for s in episode.sentences)]
    found = {c.key: c for c in candidate_terms(episode.sentences, spans, len(episode.sentences))}
    return (found, episode.sentences) if with_sentences else found


# how a candidate term is read: (sentences, its folded key, "defining" | "named" | None for neither)
@pytest.mark.parametrize("lines, key, read_as", [
    # a name after a colon, after the copula
    (["Il y a deux outils.", "Ce qui m'intéresse, c'est le second : la recherche vocale."], "recherche vocale", "named"),
    # lowercase speech-to-text, after the words a speaker opens with
    (["bon alors euh en gros le dooh c'est la pub sur les écrans dans la rue"], "dooh", "defining"),
    # a dictionary's entry read aloud
    (["Je te lis le lexique.", "« Taux d'ouverture : part des destinataires qui ouvrent un e-mail. »"],
     "taux d ouverture", "defining and named"),
    # a name the speaker prefers to another, and a name a copula gives with its complements
    (["Le mot irritant, je le déteste.", "Moi je dis point de friction."], "point de friction", "named"),
    (["Non.", "Le premier chiffre, c'est le taux de mise au panier."], "taux de mise au panier", "named"),
    # a complement after "du" goes with the name ("voix du client", not "voix")
    (["La voix du client, c'est tout ce que les clients disent de vous."], "voix du client", "defining"),
    # a sentence cut short before the name, the next one says it alone
    (["C'est ce que les spécialistes appellent un contenu…", "Evergreen !"], "evergreen", "named"),
    # the name goes on with a complement before its definition (with no question before it, the term model
    # decides: retrained on 351 episodes, it weighs this one 0.35, under its threshold)
    (["Tu m'as dit que ta page des tarifs te posait problème.",
      "Le taux de clic d'une publication, c'est la part des gens qui la voient et qui cliquent."],
     "taux de clic", "defining"),
    # a place said last is no name given ("l'" names only after a colon)
    (["La moitié, c'est toujours l'atelier."], "atelier", None),
])
def test_how_a_candidate_term_is_read(lines, key, read_as):
    found = _read_terms(lines)
    assert key in found
    assert bool(found[key].defining) == (read_as in ("defining", "defining and named"))
    assert bool(found[key].named_last) == (read_as in ("named", "defining and named"))


@pytest.mark.parametrize("line, key", [
    # a hyphenated loanword the tagger splits ("B", "-", "roll")
    ("On tourne d'abord le B-roll du marché.", "b roll"),
    # an English gerund the tagger reads as an adjective, after a noun a copula makes the root
    ("C'est du growth hacking, à l'état pur.", "growth hacking"),
])
def test_a_loanword_is_read_whole(line, key):
    assert key in _read_terms([line])


@pytest.mark.parametrize("lines, key, evidence", [
    # an acronym the tagger reads as a verb or folds into a name, with its expansion
    (["Je te lis ma fiche : « YMYL, pour Your Money or Your Life.", "Une recette, ce n'est pas YMYL."], "ymyl", True),
    (["Le SPF, le Sender Policy Framework, protège vos e-mails."], "spf", True),
    # an acronym only named is a candidate without the evidence of a word to explain
    (["On a payé en francs CFA, comme d'habitude."], "cfa", False),
])
def test_an_acronym_is_a_candidate(lines, key, evidence):
    from pipeline.extract.term_model import has_evidence
    found, sentences = _read_terms(lines, with_sentences=True)
    assert key in found
    assert has_evidence(found[key], sentences) == evidence


@pytest.mark.parametrize("acronym, text, spelled", [
    ("YMYL", "« YMYL, pour Your Money or Your Life.", True),
    ("RGPD", "le RGPD, le règlement général sur la protection des données", True),
    ("CPM", "le CPM c'est le coût pour mille", True),
    ("CPM", "Le CPM est élevé ce mois-ci.", False),
])
def test_an_acronym_spelled_out_by_its_words(acronym, text, spelled):
    from pipeline.extract.term_model import spells_out
    assert spells_out(acronym, text) == spelled


def test_a_currency_is_no_concept():
    from pipeline.extract.glossary import _says_a_time_or_network
    assert _says_a_time_or_network("cfa")
    assert not _says_a_time_or_network("ymyl")


@pytest.mark.parametrize("word, known", [
    ("bouton", True), ("friction", True), ("abonnés", True), ("ghost", False), ("affordance", False),
    ("recommerce", False),
])
def test_the_french_lexicon_of_the_pipeline(word, known):
    from pipeline.extract.term_model import french_lexicon

    assert french_lexicon(load_nlp("fr_core_news_sm"))(word) is known


@pytest.mark.parametrize("lines, key, unknown", [
    (["Un ghost button, en français on dit parfois un bouton fantôme."], "ghost button", True),
    (["Il dirige une agence à Lille."], "lille", False),  # a place, said with a capital
    (["Le point de friction, c'est le moment où le client hésite."], "point de friction", False),
])
def test_a_lower_case_word_french_does_not_know(lines, key, unknown):
    from pipeline.extract.term_model import french_lexicon, term_features

    found, sentences = _read_terms(lines, with_sentences=True)
    x = term_features(found[key], sentences, len(sentences), announced="", title_term=None, digital_words=re.compile("x^"),
                      not_concepts=frozenset(), names=frozenset(), rank=0, defined_count=0, labelled=False,
                      digital_show=False, known=french_lexicon(load_nlp("fr_core_news_sm")))
    assert x[TERM_FEATURE_NAMES.index("unknown_word")] == float(unknown)


def test_a_verb_and_its_pronoun_are_no_term():
    assert "mettons la" not in _read_terms(["Mettons-la en haut de la page."])


def test_what_a_comma_sets_before_a_name_and_set_phrases_are_no_term():
    found = _read_terms(["Aujourd'hui, l'infobulle.", "Il a mis ses photos en ligne, et tout mis en place."])
    assert "infobulle" in found and "aujourd hui l infobulle" not in found
    assert "ligne" not in found and "place" not in found


def test_a_term_models_figures_count_each_episodes_best_candidate_once():
    from pipeline.extract.train import Examples, _f1_of_the_best

    # two candidates contain the gold term in episode a ("fenêtre", "fenêtre d'attribution"), b's best is wrong,
    # c defines no concept and keeps none over the threshold
    examples = Examples(features=[[0.0]] * 5, labels=[1, 1, 0, 1, 0], episodes=["a", "a", "b", "b", "c"], required=2)
    assert _f1_of_the_best(examples, [0.9, 0.8, 0.7, 0.6, 0.1], 0.4) == (0.5, 0.5, 0.5)
    assert _f1_of_the_best(examples, [0.9, 0.8, 0.5, 0.6, 0.1], 0.4) == (1.0, 1.0, 1.0)


# a pattern's name that the term model doubts, replaced by the candidate it is sure of
SURER_TERMS = [
    # "on dit ce mot-là" names nothing; the word explained is "rétrocompatibilité"
    ("eval_terms15/episodes/retrocompatibilite_ndjamena.json", "ce mot-là", "rétrocompatibilité"),
    # "la carte" is half of the loanword the guest defines
    ("eval_terms11/episodes/rate_card_influence.txt", "carte", "rate card"),
]


@pytest.mark.parametrize("file, pattern_term, term", SURER_TERMS)
def test_the_term_model_overrules_a_doubtful_pattern(file, pattern_term, term):
    episode = segment(read(ROOT / "tests" / "data" / file), SegmentOptions())
    nlp = load_nlp("fr_core_news_sm")
    spans = sentence_spans(episode, nlp)
    labelled = any(s.speaker for s in episode.segments)
    assert [e.term for e in find_glossary(episode, nlp, labelled, spans=spans, learned=False)[0]] == [pattern_term]
    entries, used = find_glossary(episode, nlp, labelled, spans=spans)
    assert [e.term for e in entries] == [term]
    assert entries[0].definition and used


def test_a_pattern_term_the_model_also_likes_stands():
    """The sample's concept, named by the host's question, is kept whatever the model's other candidates."""
    episode = segment(read(ROOT / "samples" / "dictionnaire_digital_influence.txt"), SegmentOptions())
    nlp = load_nlp("fr_core_news_sm")
    spans = sentence_spans(episode, nlp)
    ruled = [e.term for e in find_glossary(episode, nlp, True, spans=spans, learned=False)[0]]
    assert ruled and [e.term for e in find_glossary(episode, nlp, True, spans=spans)[0]] == ruled
