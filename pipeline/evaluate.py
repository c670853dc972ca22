"""Score a run's tips against gold annotations (the scoring of the evaluation guide).

A predicted tip matches a gold tip when their spans overlap over at least half of the shorter
span; matching is one-to-one, best overlaps first, so a second prediction on one gold tip is a false
positive.  Predictions matching an optional gold tip count neither way.  Attributes are micro-F1
over (tip, value) pairs of the matched required tips; polarity is accuracy.  An episode whose gold
language is not French has no tips to find.  Glossary terms match when one contains the other,
ignoring accents, case and punctuation.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError

ATTRIBUTES = ("categories", "networks", "days", "times_of_day", "frequency")


def norm(value: Any) -> str:
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode().lower()
    return " ".join(text.replace("'", " ").replace("’", " ").replace("-", " ").split())


def terms_match(wanted: str, found: str) -> bool:
    """A glossary term is found when one contains the other, accents, case and punctuation aside."""
    wanted, found = norm(wanted), norm(found)
    return wanted in found or found in wanted


def item_span(item: dict) -> tuple[float, float]:
    """A tip's or a gold tip's (start, end) in seconds; (0, 0) when it has none."""
    try:
        return float(item["start"]), float(item["end"])
    except (KeyError, TypeError, ValueError):
        return 0.0, 0.0


def overlap_ratio(a: tuple[float, float], b: tuple[float, float]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = max(min(a[1] - a[0], b[1] - b[0]), 1.0)
    return inter / shorter if inter > 0 else 0.0


def _values(tip: dict, key: str) -> set[str]:
    value = tip.get(key)
    if value is None and key != "categories" and isinstance(tip.get("timing"), dict):
        value = tip["timing"].get(key)
    if value is None:
        return set()
    if isinstance(value, str):
        value = [value]
    return {norm(v) for v in value}


@dataclass
class EpisodeScore:
    episode: str
    predicted: int
    required: int
    matched: int
    precision: float
    recall: float
    term: bool | None
    language: str | None


@dataclass
class Totals:
    precision: float
    recall: float
    f1: float
    attributes: dict[str, float | None] = field(default_factory=dict)
    terms: str = "0/0"
    language: str = "0/0"


def _load(path: Path, default: Any) -> Any:
    if not path.exists():
        return default
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"not a readable JSON file ({exc})") from exc


def match_tips(predictions: list[tuple[float, float]], golds: list[dict]) -> dict[int, int]:
    """gold index -> prediction index, greedy on (overlap, required first, absolute overlap)."""
    candidates = []
    for i, p in enumerate(predictions):
        for j, g in enumerate(golds):
            ratio = overlap_ratio(p, item_span(g))
            if ratio >= 0.5:
                inter = max(0.0, min(p[1], item_span(g)[1]) - max(p[0], item_span(g)[0]))
                candidates.append((ratio, not g.get("optional"), inter, -i, -j))
    candidates.sort(reverse=True)
    used_p: set[int] = set()
    match: dict[int, int] = {}
    for _, _, _, neg_i, neg_j in candidates:
        i, j = -neg_i, -neg_j
        if i in used_p or j in match:
            continue
        used_p.add(i)
        match[j] = i
    return match


def score(gold_dir: str | Path, out_dir: str | Path) -> tuple[list[EpisodeScore], Totals]:
    gold_dir, out_dir = Path(gold_dir), Path(out_dir)
    gold_paths = sorted(gold_dir.glob("*.gold.json"))
    if not gold_paths:
        raise InputError(gold_dir, "no *.gold.json annotation found")
    predictions = _load(out_dir / "tips.json", [])
    if isinstance(predictions, dict):
        predictions = predictions.get("tips", [])
    glossary = _load(out_dir / "glossary.json", [])
    if isinstance(glossary, dict):
        glossary = glossary.get("entries", glossary.get("glossary", []))
    by_episode: dict[str, list[dict]] = {}
    for tip in predictions:
        by_episode.setdefault(str(tip.get("episode")), []).append(tip)

    micro = {k: [0, 0, 0] for k in ATTRIBUTES}  # true positives, predicted, gold
    polarity = [0, 0]
    tp_all = predicted_all = required_all = terms = terms_ok = languages_ok = 0
    rows: list[EpisodeScore] = []
    for path in gold_paths:
        gold = _load(path, {})
        episode = gold["episode"]
        window = gold.get("window")
        mine = [
            (item_span(p), p)
            for p in by_episode.get(episode, [])
            if not window or not (item_span(p)[1] <= window["start"] or item_span(p)[0] >= window["end"])
        ]
        golds = gold["tips"] if gold.get("language", "fr") == "fr" else []
        match = match_tips([s for s, _ in mine], golds)
        neutral = {i for j, i in match.items() if golds[j].get("optional")}
        required = [j for j, g in enumerate(golds) if not g.get("optional")]
        tp = sum(1 for j in match if not golds[j].get("optional"))
        n_predicted = len(mine) - len(neutral)
        for j in required:
            if j not in match:
                continue
            g, p = golds[j], mine[match[j]][1]
            for key in ATTRIBUTES:
                pv, gv = _values(p, key), _values(g, key)
                micro[key][0] += len(pv & gv)
                micro[key][1] += len(pv)
                micro[key][2] += len(gv)
            polarity[0] += int(norm(p.get("polarity") or "do") == norm(g.get("polarity") or "do"))
            polarity[1] += 1
        term_ok = None
        if gold.get("term"):
            terms += 1
            entries = [e for e in glossary if str(e.get("episode")) == episode and e.get("term")]
            term_ok = any(terms_match(gold["term"], e["term"]) for e in entries)
            terms_ok += int(term_ok)
        language = _load(out_dir / "episodes" / f"{episode}.json", {}).get("language") if (out_dir / "episodes" / f"{episode}.json").exists() else None
        languages_ok += int(language == gold.get("language"))
        precision = tp / n_predicted if n_predicted else (1.0 if not required else 0.0)
        recall = tp / len(required) if required else 1.0
        rows.append(EpisodeScore(episode, len(mine), len(required), tp, round(precision, 3), round(recall, 3), term_ok, language))
        tp_all += tp
        predicted_all += n_predicted
        required_all += len(required)
    precision = tp_all / predicted_all if predicted_all else 0.0
    recall = tp_all / required_all if required_all else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    attributes: dict[str, float | None] = {
        k: (round(2 * a / (b + c), 3) if b + c else None) for k, (a, b, c) in micro.items()
    }
    attributes["polarity"] = round(polarity[0] / polarity[1], 3) if polarity[1] else None
    totals = Totals(round(precision, 3), round(recall, 3), round(f1, 3), attributes, f"{terms_ok}/{terms}", f"{languages_ok}/{len(gold_paths)}")
    return rows, totals


def format_report(rows: list[EpisodeScore], totals: Totals, as_json: bool = False) -> str:
    if as_json:
        return json.dumps({"episodes": [asdict(r) for r in rows], "total": asdict(totals)}, ensure_ascii=False, indent=1)
    lines = [
        f"{r.episode:44s} pred={r.predicted:3d} req={r.required:3d} P={r.precision:.2f} R={r.recall:.2f} term={r.term} lang={r.language}"
        for r in rows
    ]
    lines.append("TOTAL " + json.dumps(asdict(totals), ensure_ascii=False))
    return "\n".join(lines)
