"""Whisper JSON reader: openai-whisper and faster-whisper results, whisper-ctranslate2 and
Whisper-JAX files, a bare list of segments, and our own ``Transcription`` record (read without loss).

Segments have ``start``/``end``/``text`` and optionally ``speaker`` (diarization), ``avg_logprob``,
``no_speech_prob`` and ``words``; a word is ``word`` or ``text`` with ``probability`` or
``confidence``.
"""

from __future__ import annotations

from typing import Any

from ..errors import ReadError
from ..records import Episode, Segment, Word
from .jsondoc import load_json, optional_number, optional_time

# Top-level facts of a transcription kept in Episode.metadata["transcription"].
TRANSCRIPTION_KEYS = ("id", "source", "language", "language_probability", "model", "settings")


def read_whisper_json(text: str, name: str) -> Episode:
    data = load_json(text, name)
    return episode_from_whisper(data, name)


def episode_from_whisper(data: Any, name: str) -> Episode:
    if isinstance(data, list):
        items, top = data, {}
    elif isinstance(data, dict) and isinstance(data.get("segments"), list):
        items, top = data["segments"], data
    else:
        raise ReadError(name, "not a Whisper transcript: expected an object with a 'segments' list "
                              "or a list of segments")
    segments = [_segment(item, f"segment {number}", name) for number, item in enumerate(items, 1)]
    episode = Episode(id="", segments=segments, duration=optional_time(top, "duration", name, "transcript"))
    language = top.get("language")
    episode.language = language if isinstance(language, str) else None
    episode.language_probability = optional_number(top, "language_probability", name, "transcript")
    facts = {key: top[key] for key in TRANSCRIPTION_KEYS if key in top}
    if facts:
        episode.metadata["transcription"] = facts
    return episode


def _segment(item: Any, where: str, name: str) -> Segment:
    if not isinstance(item, dict):
        raise ReadError(name, f"{where}: expected an object with 'start', 'end' and 'text'")
    text = item.get("text")
    if not isinstance(text, str):
        raise ReadError(name, f"{where}: 'text' must be a string")
    words = item.get("words") or []
    if not isinstance(words, list):
        raise ReadError(name, f"{where}: 'words' must be a list")
    speaker = item.get("speaker")
    if speaker is not None and (isinstance(speaker, bool) or not isinstance(speaker, (str, int))):
        raise ReadError(name, f"{where}: 'speaker' must be a string")
    line = item.get("line")  # present in our own records; kept so that nothing is lost
    return Segment(
        text=" ".join(text.split()),
        start=optional_time(item, "start", name, where),
        end=optional_time(item, "end", name, where),
        speaker=str(speaker).strip() or None if speaker is not None else None,
        line=line if isinstance(line, int) and not isinstance(line, bool) and line > 0 else None,
        words=[_word(word, f"{where}, word {number}", name) for number, word in enumerate(words, 1)],
        avg_logprob=optional_number(item, "avg_logprob", name, where),
        no_speech_prob=optional_number(item, "no_speech_prob", name, where),
    )


def _word(item: Any, where: str, name: str) -> Word:
    if not isinstance(item, dict):
        raise ReadError(name, f"{where}: expected an object with 'word', 'start', 'end'")
    text = item.get("word", item.get("text"))
    if not isinstance(text, str):
        raise ReadError(name, f"{where}: 'word' (or 'text') must be a string")
    probability = "probability" if "probability" in item else "confidence"
    return Word(
        word=text,
        start=optional_time(item, "start", name, where),
        end=optional_time(item, "end", name, where),
        probability=optional_number(item, probability, name, where),
    )
