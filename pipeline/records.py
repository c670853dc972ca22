"""Typed records shared by every stage.

Each stage is a plain function from one record to another:
``read`` (path -> Episode with segments), ``segment`` (Episode -> Episode with
sentences and turns), ``extract`` (Episode -> Episode with tips and glossary),
``transcribe`` (audio path -> Transcription).  Every record converts to and from
plain dicts (``to_dict``/``from_dict``) so that JSON documents round-trip.
"""

from __future__ import annotations

import dataclasses
import json
import types
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T", bound="Record")


def _convert(tp: Any, value: Any) -> Any:
    """Build a value of annotated type ``tp`` from its JSON form."""
    if value is None:
        return None
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(tp) if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if origin in (list, tuple):
        (item,) = get_args(tp)[:1] or (Any,)
        return [_convert(item, v) for v in value]
    if origin is dict:
        return dict(value)
    if isinstance(tp, type) and issubclass(tp, Record):
        return tp.from_dict(value)
    if tp is float and isinstance(value, int):
        return float(value)
    return value


_SCALARS = frozenset((str, int, float, bool, type(None)))


def to_plain(value: Any) -> Any:
    """A record, or a list or dict of them, as plain JSON-ready values."""
    if type(value) in _SCALARS:  # most values: checked first, episodes hold hundreds of thousands
        return value
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    return value


@lru_cache(maxsize=None)
def _plain_fields(cls: type) -> tuple[str, ...]:
    """The fields ``to_dict`` writes: all but those marked ``transient`` (spaCy docs, caches)."""
    return tuple(f.name for f in dataclasses.fields(cls) if not f.metadata.get("transient"))


class Record:
    """Mixin giving dataclasses a JSON-friendly ``to_dict``/``from_dict``."""

    def to_dict(self) -> dict[str, Any]:
        return {name: to_plain(getattr(self, name)) for name in _plain_fields(type(self))}

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        hints = get_type_hints(cls)
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kwargs = {k: _convert(hints[k], v) for k, v in data.items() if k in names}
        return cls(**kwargs)

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


# --------------------------------------------------------------------------- text


@dataclass
class Word(Record):
    """One recognised word with its time span (Whisper word timestamps)."""

    word: str
    start: Optional[float] = None
    end: Optional[float] = None
    probability: Optional[float] = None


@dataclass
class Segment(Record):
    """One timed unit of source text: a subtitle cue, a stamped line, a Whisper segment.

    ``start``/``end`` are seconds, ``None`` when the source carries no time.
    ``line`` is the 1-based line of the source file where the unit begins.
    """

    text: str
    start: Optional[float] = None
    end: Optional[float] = None
    speaker: Optional[str] = None
    line: Optional[int] = None
    words: list[Word] = field(default_factory=list)
    avg_logprob: Optional[float] = None
    no_speech_prob: Optional[float] = None


@dataclass
class Sentence(Record):
    """A sentence re-split by spaCy over joined segments, with the times of the segments it spans."""

    index: int
    text: str
    start: Optional[float] = None
    end: Optional[float] = None
    speaker: Optional[str] = None
    role: Optional[str] = None  # "host" | "guest" | None
    turn: Optional[int] = None
    is_question: bool = False


@dataclass
class Turn(Record):
    """Consecutive sentences said by one speaker."""

    index: int
    role: str  # "host" | "guest" | "unknown"
    speaker: Optional[str] = None
    start: Optional[float] = None
    end: Optional[float] = None
    first_sentence: int = 0
    last_sentence: int = 0
    language: Optional[str] = None
    foreign: bool = False  # True when the turn's language differs from the episode's


# --------------------------------------------------------------------------- advice


@dataclass
class Timing(Record):
    """When and how often to publish, as said in a tip."""

    days: list[str] = field(default_factory=list)  # english lowercase weekday names
    times_of_day: list[str] = field(default_factory=list)  # morning, midday, afternoon, evening, night
    hours: list[str] = field(default_factory=list)  # "19:00-21:00", "08:00"
    frequency: Optional[str] = None  # daily, several_per_week, weekly, monthly
    frequency_count: list[int] = field(default_factory=list)  # [3] or [3, 4] per frequency period
    duration: list[str] = field(default_factory=list)  # ISO 8601 durations, two for a range

    def is_empty(self) -> bool:
        return not (self.days or self.times_of_day or self.hours or self.frequency or self.duration)


@dataclass
class Tip(Record):
    """One piece of actionable advice, with the verbatim evidence and its structure."""

    id: str
    episode: str
    quote: str
    summary: str
    start: Optional[float] = None
    end: Optional[float] = None
    speaker: Optional[str] = None
    categories: list[str] = field(default_factory=list)  # subset of network, timing, method
    networks: list[str] = field(default_factory=list)
    timing: Timing = field(default_factory=Timing)
    method: Optional[str] = None
    polarity: str = "do"  # do | avoid
    confidence: float = 0.0
    sentences: list[int] = field(default_factory=list)


@dataclass
class GlossaryEntry(Record):
    """A concept the episode defines."""

    term: str
    definition: str
    episode: str
    start: Optional[float] = None
    end: Optional[float] = None
    speaker: Optional[str] = None


# --------------------------------------------------------------------------- episode


@dataclass
class Episode(Record):
    """Everything known about one episode; each stage fills more of it."""

    id: str
    source: Optional[str] = None
    format: Optional[str] = None  # webpage, srt, vtt, whisper-json, labelled, plain
    title: Optional[str] = None
    date: Optional[str] = None  # as written on the page ("il y a 4 jours")
    description: Optional[str] = None
    guests: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    language: Optional[str] = None
    language_probability: Optional[float] = None
    duration: Optional[float] = None
    segments: list[Segment] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    tips: list[Tip] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    status: Optional[str] = None  # ok | skipped | failed
    status_reason: Optional[str] = None
    metadata: dict[str, Any] = field(default_factory=dict)
    # Parsed spaCy Docs of the sentences, kept in memory between segment and extract so the text is
    # parsed once per process; never serialised (extract re-parses an episode read from JSON).
    docs: list[Any] = field(default_factory=list, repr=False, compare=False, metadata={"transient": True})


@dataclass
class Transcription(Record):
    """What ``transcribe`` produces for one audio file; read back by the reading stage."""

    id: str
    source: str
    language: str
    language_probability: float
    duration: float
    segments: list[Segment] = field(default_factory=list)
    model: Optional[str] = None
    settings: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- options


@dataclass
class SegmentOptions(Record):
    """Settings of the reading and segmentation stages."""

    spacy_model: str = "fr_core_news_sm"
    language_seed: int = 0


@dataclass
class ExtractOptions(Record):
    """Settings of the extraction stage."""

    language: Optional[str] = None  # force extraction whatever the detected language
    min_confidence: Optional[float] = None  # tips below are left out; None: the tip model's threshold
    join: bool = True  # one idea told in parts (two kept tips, one after the other) made one tip by the join model


@dataclass
class TranscribeOptions(Record):
    """Settings of the transcription stage (faster-whisper)."""

    model: Optional[str] = None  # directory or model name; None: models/faster-whisper-base
    device: str = "cpu"
    compute_type: str = "int8"
    beam_size: int = 5
    language: str = "fr"  # "auto" detects
    vad: bool = True
    word_timestamps: bool = True
    batched: bool = False
    batch_size: int = 8
    initial_prompt: Optional[str] = None
    hotwords: Optional[str] = None
    threads: int = 0
    seed: int = 0  # CTranslate2's sampler, used when decoding falls back to higher temperatures


_LEAF = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode  # the C encoder


def dumps(data: Any) -> str:
    """JSON text as every output writes it: UTF-8 characters kept, stable key order, laid out for
    people and diffs: the top two levels of objects and lists one entry per line, deeper values on
    their entry's line (one tip, sentence or turn a line). ``json.dumps(indent=…)`` would do the
    same with the pure-Python encoder, several times slower on episode documents."""
    return _layout(data, 0) + "\n"


def layout_item(item: Any) -> str:
    """An item of a top-level list as ``dumps`` lays it out, without the one-space indent before
    it: ``dumps([a, b])`` is ``"[\\n " + layout_item(a) + ",\\n " + layout_item(b) + "\\n]\\n"``
    (how a list too long to hold in memory is written one item at a time)."""
    return _layout(item, 1)


def _layout(value: Any, depth: int) -> str:
    if depth >= 2 or not value or not isinstance(value, (dict, list)):
        return _LEAF(value)
    pad = " " * (depth + 1)
    if isinstance(value, dict):
        body = ",\n".join(f"{pad}{_LEAF(str(k))}: {_layout(v, depth + 1)}" for k, v in value.items())
        return "{\n" + body + "\n" + " " * depth + "}"
    body = ",\n".join(pad + _layout(v, depth + 1) for v in value)
    return "[\n" + body + "\n" + " " * depth + "]"


@dataclass
class RunOptions(Record):
    """Settings of a batch run over a folder (``conseils run``)."""

    workers: int = 1
    scheduler: Optional[str] = None  # address of an existing Dask scheduler
    formats: list[str] = field(default_factory=lambda: ["json", "csv"])  # plus "jsonl"
    excel: bool = False
    retranscribe: bool = False
    quiet: bool = False
    segment: SegmentOptions = field(default_factory=SegmentOptions)
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    transcribe: TranscribeOptions = field(default_factory=TranscribeOptions)
