"""Our own episode documents (``Episode.to_dict``), read back with their sentences, turns and tips."""

from __future__ import annotations

from typing import Any

from ..errors import ReadError
from ..fsutil import safe_id
from ..records import Episode
from .whisper_json import episode_from_whisper

# Keys that only an Episode document has: a Transcription record also has "id" and "segments".
EPISODE_ONLY_KEYS = frozenset({"sentences", "turns", "tips", "glossary", "format", "status", "metadata"})


def is_episode_document(data: Any) -> bool:
    return isinstance(data, dict) and "id" in data and (
        "sentences" in data or ("segments" in data and bool(EPISODE_ONLY_KEYS & data.keys()))
    )


def episode_from_document(data: Any, name: str) -> Episode:
    if not is_episode_document(data):
        raise ReadError(name, "not an episode document: expected an object with 'id' and 'sentences' "
                              "or 'segments' (as written by 'conseils segment')")
    # Segments are checked by the Whisper rules (text, finite times); the rest is trusted.
    segments = episode_from_whisper({"segments": data.get("segments") or []}, name).segments
    try:
        episode = Episode.from_dict({**data, "segments": []})
    except (TypeError, ValueError, AttributeError, KeyError) as error:
        raise ReadError(name, f"invalid episode document ({error})") from None
    if not isinstance(episode.metadata, dict) or not all(isinstance(s.text, str) for s in episode.sentences):
        raise ReadError(name, "invalid episode document: 'metadata' must be an object and sentences need text")
    original = {key: data[key] for key in ("format", "source") if data.get(key) is not None}
    if original:
        episode.metadata = {**episode.metadata, "original": original}
    episode.segments = segments
    episode.id = safe_id(str(episode.id))
    return episode
