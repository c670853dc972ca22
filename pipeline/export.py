"""Outputs of a run: one JSON document per episode, and the tips and glossary collections.

``OUT/episodes/<id>.json`` is ``Episode.to_dict()``.  ``OUT/tips.json`` / ``OUT/glossary.json`` hold
one row per tip / glossary entry over all episodes (the record's dict plus ``episode_title``);
``tips.csv`` / ``glossary.csv`` flatten them (lists joined with "; ", times in seconds and as
hh:mm:ss), and ``--format jsonl`` adds ``tips.jsonl`` / ``glossary.jsonl``.  Every file is written
atomically and only when its bytes change, so an unchanged re-run leaves modification times alone.
The documents follow the JSON Schemas in ``pipeline/schemas/`` (``validator(name)``).
"""

from __future__ import annotations

import io
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence, Union

from .errors import ExportError
from .fsutil import safe_id, write_if_changed
from .records import Episode, dumps

FORMATS = ("json", "csv", "jsonl")
SCHEMA_NAMES = ("tip", "glossary", "episode", "run")

# CSV columns, in order. Numeric columns stay numbers (never neutralised as formulas).
TIP_COLUMNS = [
    "episode", "episode_title", "id", "start", "end", "start_time", "end_time", "speaker",
    "categories", "networks", "days", "times_of_day", "hours", "frequency", "frequency_count",
    "duration", "method", "polarity", "confidence", "summary", "quote",
]
GLOSSARY_COLUMNS = [
    "episode", "episode_title", "term", "start", "end", "start_time", "end_time", "speaker", "definition",
]
NUMERIC_COLUMNS = frozenset({"start", "end", "confidence"})
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

EpisodeLike = Union[Episode, dict]


# --------------------------------------------------------------------------- schemas


@lru_cache(maxsize=None)
def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of a document: ``tip``, ``glossary``, ``episode`` or ``run``."""
    if name not in SCHEMA_NAMES:
        raise ValueError(f"unknown schema {name!r}; one of {', '.join(SCHEMA_NAMES)}")
    text = resources.files("pipeline").joinpath("schemas", f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


def validator(name: str):
    """A ``jsonschema`` Draft 2020-12 validator of ``name``, resolving references between schemas."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    registry = Registry().with_resources(
        (schema(n)["$id"], Resource.from_contents(schema(n))) for n in SCHEMA_NAMES
    )
    return Draft202012Validator(schema(name), registry=registry)


# --------------------------------------------------------------------------- episodes


def episode_path(out_dir: str | Path, episode_id: str) -> Path:
    return Path(out_dir) / "episodes" / f"{safe_id(episode_id)}.json"


def episode_bytes(episode: EpisodeLike) -> bytes:
    data = episode.to_dict() if isinstance(episode, Episode) else episode
    return dumps(data).encode("utf-8")


def write_episode(episode: EpisodeLike, out_dir: str | Path) -> Path:
    """Write ``OUT/episodes/<id>.json`` atomically (untouched when identical); returns its path."""
    episode_id = episode.id if isinstance(episode, Episode) else episode["id"]
    return write_episode_bytes(episode_id, episode_bytes(episode), out_dir)


def write_episode_bytes(episode_id: str, data: bytes, out_dir: str | Path) -> Path:
    """``write_episode`` for a document already serialised (by ``episode_bytes``, on a worker)."""
    path = episode_path(out_dir, episode_id)
    try:
        write_if_changed(path, data)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return path


# --------------------------------------------------------------------------- collections


def collection_rows(episodes: Iterable[EpisodeLike]) -> tuple[list[dict], list[dict]]:
    """Tip and glossary rows over ``episodes`` (sorted by episode id, extraction order within one),
    each the record's dict with ``episode_title`` added after ``episode``."""
    items = [e.to_dict() if isinstance(e, Episode) else e for e in episodes]
    items.sort(key=lambda e: e["id"])
    tips: list[dict] = []
    glossary: list[dict] = []
    for item in items:
        title = item.get("title")
        tips.extend(with_title(t, title) for t in item.get("tips") or [])
        glossary.extend(with_title(g, title) for g in item.get("glossary") or [])
    return tips, glossary


def with_title(row: dict, title: Optional[str]) -> dict:
    out: dict[str, Any] = {}
    for key, value in row.items():
        out[key] = value
        if key == "episode":
            out["episode_title"] = title
    out.setdefault("episode_title", title)
    return out


def write_collections(
    episodes: Iterable[EpisodeLike],
    out_dir: str | Path,
    formats: Sequence[str] = ("json", "csv"),
    excel: bool = False,
) -> list[Path]:
    """Write the tips and glossary collections of ``episodes`` into ``out_dir``."""
    tips, glossary = collection_rows(episodes)
    return write_tables(tips, glossary, out_dir, formats, excel)


def write_tables(
    tips: list[dict],
    glossary: list[dict],
    out_dir: str | Path,
    formats: Sequence[str] = ("json", "csv"),
    excel: bool = False,
) -> list[Path]:
    """Write tips.* and glossary.* (json and csv always, jsonl when asked); returns the paths."""
    out = Path(out_dir)
    unknown = set(formats) - set(FORMATS)
    if unknown:
        from .errors import OptionError

        raise OptionError(f"unknown format {', '.join(sorted(unknown))}; one of {', '.join(FORMATS)}")
    files: dict[Path, bytes] = {}
    for name, rows, columns in (("tips", tips, TIP_COLUMNS), ("glossary", glossary, GLOSSARY_COLUMNS)):
        files[out / f"{name}.json"] = dumps(rows).encode("utf-8")
        files[out / f"{name}.csv"] = csv_bytes(rows, columns, excel=excel)
        if "jsonl" in formats:
            files[out / f"{name}.jsonl"] = "".join(
                json.dumps(r, ensure_ascii=False) + "\n" for r in rows
            ).encode("utf-8")
    for path, data in files.items():
        try:
            write_if_changed(path, data)
        except OSError as exc:
            raise ExportError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return list(files)


# --------------------------------------------------------------------------- CSV


def hms(seconds: Optional[float]) -> Optional[str]:
    """``303.7`` -> ``"00:05:03"`` (whole seconds, floor); ``None`` stays ``None``."""
    if seconds is None:
        return None
    total = int(seconds)
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def flat_row(row: dict) -> dict[str, Any]:
    """A tip or glossary row as flat CSV cells (timing fields lifted, lists joined with "; ")."""
    flat = {k: v for k, v in row.items() if k != "timing"}
    flat.update(row.get("timing") or {})
    flat["start_time"] = hms(row.get("start"))
    flat["end_time"] = hms(row.get("end"))
    for key, value in flat.items():
        if isinstance(value, (list, tuple)):
            flat[key] = "; ".join(str(v) for v in value)
    return flat


def csv_bytes(rows: list[dict], columns: list[str], excel: bool = False) -> bytes:
    """CSV through pandas: UTF-8, ',' separators; ``excel``: UTF-8 with BOM, ';' separators and
    decimal commas (what a French-locale spreadsheet opens as columns of numbers). Text cells that
    start like a formula are neutralised; numeric columns are not."""
    import pandas as pd

    cells = []
    for row in rows:
        flat = flat_row(row)
        cells.append({c: flat.get(c) if c in NUMERIC_COLUMNS else neutralise(flat.get(c)) for c in columns})
    frame = pd.DataFrame(cells, columns=columns)
    for column in NUMERIC_COLUMNS & set(columns):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    buffer = io.StringIO()
    frame.to_csv(
        buffer, index=False, sep=";" if excel else ",", decimal="," if excel else ".", lineterminator="\n"
    )
    text = buffer.getvalue()
    return text.encode("utf-8-sig" if excel else "utf-8")
