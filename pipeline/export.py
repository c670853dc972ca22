"""Outputs of a run: one JSON document per episode, and the tips and glossary collections.

``OUT/episodes/<id>.json`` is ``Episode.to_dict()``.  ``OUT/tips.json`` / ``OUT/glossary.json`` hold
one row per tip / glossary entry over all episodes (the record's dict plus ``episode_title``);
``tips.csv`` / ``glossary.csv`` flatten them (lists joined with "; ", times in seconds and as
hh:mm:ss), and ``--format jsonl`` adds ``tips.jsonl`` / ``glossary.jsonl``.  Every file is written
atomically and only when its bytes change, so an unchanged re-run leaves modification times alone.
The documents follow the JSON Schemas in ``pipeline/schemas/`` (``validator(name)``).
"""

from __future__ import annotations

import contextlib
import io
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Optional, Sequence, Union

from .errors import ExportError
from .fsutil import atomic_output, safe_id, write_if_changed
from .records import Episode, dumps, layout_item

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
        rows = episode_rows(item)
        tips.extend(rows["tips"])
        glossary.extend(rows["glossary"])
    return tips, glossary


def episode_rows(episode: dict) -> dict[str, list[dict]]:
    """One episode document's rows of ``tips.*`` and ``glossary.*`` (``episode_title`` added)."""
    title = episode.get("title")
    return {name: [with_title(row, title) for row in episode.get(name) or []] for name in ("tips", "glossary")}


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


def check_formats(formats: Sequence[str]) -> None:
    unknown = set(formats) - set(FORMATS)
    if unknown:
        from .errors import OptionError

        raise OptionError(f"unknown format {', '.join(sorted(unknown))}; one of {', '.join(FORMATS)}")


def write_tables(
    tips: Iterable[dict],
    glossary: Iterable[dict],
    out_dir: str | Path,
    formats: Sequence[str] = ("json", "csv"),
    excel: bool = False,
) -> list[Path]:
    """Write tips.* and glossary.* (json and csv always, jsonl when asked); returns the paths."""
    with CollectionWriter(out_dir, formats, excel) as writer:
        writer.add(tips, glossary)
    return writer.paths


class CollectionWriter:
    """tips.* and glossary.* written row by row, so that memory stays flat over any number of
    episodes: ``add`` the rows of one episode after another, in order.  Each file goes to a
    temporary file and replaces its target when the block ends (``atomic_output``: only when its
    bytes changed; on error every target is left as it was).  The bytes are those of
    ``dumps(rows)`` and of ``csv_bytes(rows, …)`` over all the rows at once."""

    def __init__(self, out_dir: str | Path, formats: Sequence[str] = ("json", "csv"), excel: bool = False):
        check_formats(formats)
        self.out = Path(out_dir)
        self.formats = formats
        self.excel = excel
        self.paths: list[Path] = []
        self._stack = contextlib.ExitStack()
        self._sinks: dict[str, list[_Sink]] = {}

    def __enter__(self) -> "CollectionWriter":
        try:
            for name, columns in (("tips", TIP_COLUMNS), ("glossary", GLOSSARY_COLUMNS)):
                sinks: list[_Sink] = [_JsonSink(self._open(f"{name}.json")),
                                      _CsvSink(self._open(f"{name}.csv"), columns, self.excel)]
                if "jsonl" in self.formats:
                    sinks.append(_JsonlSink(self._open(f"{name}.jsonl")))
                self._sinks[name] = sinks
        except BaseException:
            self._stack.close()
            raise
        return self

    def _open(self, name: str) -> BinaryIO:
        path = self.out / name
        try:
            handle = self._stack.enter_context(atomic_output(path))
        except OSError as exc:
            raise ExportError(f"{path}: cannot write ({exc.strerror or exc})") from exc
        self.paths.append(path)
        return handle

    def add(self, tips: Iterable[dict], glossary: Iterable[dict]) -> None:
        try:
            for name, rows in (("tips", tips), ("glossary", glossary)):
                for row in rows:
                    for sink in self._sinks[name]:
                        sink.write(row)
        except OSError as exc:
            raise self._error(exc) from exc

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:  # every temporary file goes, every target stays as it was
            self._stack.__exit__(exc_type, exc, tb)
            return
        try:
            with self._stack:
                for sinks in self._sinks.values():
                    for sink in sinks:
                        sink.close()
        except OSError as error:
            raise self._error(error) from error

    def _error(self, exc: OSError) -> ExportError:
        return ExportError(f"{self.out}: cannot write the tips and glossary ({exc.strerror or exc})")


class _Sink:
    def __init__(self, handle: BinaryIO):
        self.handle = handle

    def write(self, row: dict) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class _JsonSink(_Sink):
    def __init__(self, handle: BinaryIO):
        super().__init__(handle)
        self._empty = True

    def write(self, row: dict) -> None:
        self.handle.write((("[\n " if self._empty else ",\n ") + layout_item(row)).encode("utf-8"))
        self._empty = False

    def close(self) -> None:
        self.handle.write(b"[]\n" if self._empty else b"\n]\n")


class _JsonlSink(_Sink):
    def write(self, row: dict) -> None:
        self.handle.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))


class _CsvSink(_Sink):
    """pandas writes the rows a chunk at a time (the header with the first)."""

    CHUNK_ROWS = 2000

    def __init__(self, handle: BinaryIO, columns: list[str], excel: bool):
        super().__init__(handle)
        self.columns, self.excel = columns, excel
        self._rows: list[dict] = []
        self._header = True

    def write(self, row: dict) -> None:
        self._rows.append(row)
        if len(self._rows) >= self.CHUNK_ROWS:
            self._flush()

    def _flush(self) -> None:
        self.handle.write(csv_bytes(self._rows, self.columns, self.excel, header=self._header))
        self._rows, self._header = [], False

    def close(self) -> None:
        if self._rows or self._header:
            self._flush()


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


def csv_bytes(rows: list[dict], columns: list[str], excel: bool = False, header: bool = True) -> bytes:
    """CSV through pandas: UTF-8, ',' separators; ``excel``: UTF-8 with BOM, ';' separators and
    decimal commas (what a French-locale spreadsheet opens as columns of numbers). Text cells that
    start like a formula are neutralised; numeric columns are not.  Without ``header`` (a later
    chunk of the same table): no header line and no BOM.  Every column but the numeric ones keeps
    its values as they are (object dtype), so that a chunk never turns a count into "3.0"."""
    import pandas as pd

    cells = []
    for row in rows:
        flat = flat_row(row)
        cells.append({c: flat.get(c) if c in NUMERIC_COLUMNS else neutralise(flat.get(c)) for c in columns})
    frame = pd.DataFrame(cells, columns=columns, dtype=object)
    for column in NUMERIC_COLUMNS & set(columns):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    buffer = io.StringIO()
    frame.to_csv(
        buffer, index=False, header=header, sep=";" if excel else ",", decimal="," if excel else ".",
        lineterminator="\n",
    )
    text = buffer.getvalue()
    return text.encode("utf-8-sig" if excel and header else "utf-8")
