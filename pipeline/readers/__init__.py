"""Reading stage: any transcript file -> ``Episode`` with time-ordered segments.

Public API: ``read(path)``, ``read_text(text, name)``, ``read_bytes(data, name)``,
``detect_format(text, suffix)``, ``TRANSCRIPT_SUFFIXES`` and ``FORMATS``.  Formats: ``webpage``
(copied video page), ``srt``, ``vtt``, ``whisper-json``, ``labelled`` (speaker- or stamp-labelled
lines, Whisper TSV), ``plain`` and ``episode`` (our own episode JSON).  Every failure, whatever the
input bytes, is a ``ReadError`` naming the file and, where it applies, the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from ..errors import ReadError
from ..fsutil import safe_id
from ..records import Episode
from .decode import decode
from .detect import detect_format
from .episode_json import episode_from_document
from .jsondoc import load_json
from .labelled import read_labelled
from .plain import read_plain
from .srt import read_srt
from .timing import in_time_order
from .vtt import read_vtt
from .webpage import read_webpage
from .whisper_json import read_whisper_json

__all__ = ["FORMATS", "TRANSCRIPT_SUFFIXES", "detect_format", "read", "read_bytes", "read_text"]

#: File suffixes of transcripts (what a folder run reads; audio is transcribed instead).
TRANSCRIPT_SUFFIXES = frozenset({".txt", ".text", ".md", ".srt", ".vtt", ".json", ".tsv"})


def _read_episode(text: str, name: str) -> Episode:
    return episode_from_document(load_json(text, name), name)


READERS: dict[str, Callable[[str, str], Episode]] = {
    "webpage": read_webpage,
    "srt": read_srt,
    "vtt": read_vtt,
    "whisper-json": read_whisper_json,
    "labelled": read_labelled,
    "plain": read_plain,
    "episode": _read_episode,
}
FORMATS = frozenset(READERS)


def read(path: str | Path, format: Optional[str] = None) -> Episode:
    """Read a transcript file; the episode id is the file stem made file-name safe."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(path, f"cannot read the file ({error.strerror or error})") from None
    return read_bytes(data, str(path), format)


def read_bytes(data: bytes, name: str, format: Optional[str] = None) -> Episode:
    _check_format(format, name)
    return read_text(decode(data, name), name, format)


def read_text(text: str, name: str = "<text>", format: Optional[str] = None) -> Episode:
    _check_format(format, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    if not text.strip():
        raise ReadError(name, "no text found (the file is empty)")
    chosen = format or detect_format(text, Path(name).suffix)
    episode = READERS[chosen](text, name)
    episode.segments = in_time_order(episode.segments)
    if not episode.segments and not any(s.text.strip() for s in episode.sentences):
        raise ReadError(name, f"no text found (read as {chosen})")
    episode.id = episode.id or safe_id(Path(name).stem)
    episode.source = name
    episode.format = chosen
    return episode


def _check_format(format: Optional[str], name: str) -> None:
    if format is not None and format not in READERS:
        raise ReadError(name, f"{format!r} is not a valid format (accepted formats: {', '.join(sorted(READERS))})")
