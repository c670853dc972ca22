"""Format detection from the content; the file suffix only decides when the content shows nothing
more specific than prose (a ``.srt`` without any cue is a broken SubRip file, not a text)."""

from __future__ import annotations

import json
import re

from .episode_json import is_episode_document
from .labelled import labelled_lines
from .srt import is_timing_line
from .webpage import STAMPED_LINE, TRANSCRIPT_MARKER

_VTT_HEADER = re.compile(r"^\ufeff?WEBVTT(?![^ \t\n])")
_ARROW_LINE = re.compile(r"^\s*[\d:.,]+\s*-+>\s*[\d:.,]+")
# A stamp glued to a letter (``05:03Si``): only web-page copies write them so.
_GLUED = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?[^\W\d_]")
_SUFFIX_FORMATS = {".srt": "srt", ".vtt": "vtt", ".json": "whisper-json"}
#: Share of non-blank lines that must carry stamps or labels for the text to be read by them.
MIN_SHARE = 0.2


def detect_format(text: str, suffix: str = "") -> str:
    """One of ``webpage``, ``srt``, ``vtt``, ``whisper-json``, ``labelled``, ``plain``, ``episode``."""
    stripped = text.lstrip("\ufeff \t\n")
    json_format = _json_format(stripped, suffix)
    if json_format:
        return json_format
    if _VTT_HEADER.match(stripped):
        return "vtt"
    lines = [line for line in text.split("\n") if line.strip()]
    if any(is_timing_line(line) and _ARROW_LINE.match(line) for line in lines):
        return "srt"
    if any(_ARROW_LINE.match(line) for line in lines):
        # Timing lines that SubRip cannot read: the reader for the suffix names the line to fix.
        return "vtt" if suffix.lower() == ".vtt" else "srt"
    share = max(1.0, MIN_SHARE * len(lines))
    glued = sum(1 for line in lines if _GLUED.match(line))
    if glued >= share or (glued and _has_marker_then_stamp(lines)):
        return "webpage"
    if labelled_lines(text) >= share:
        return "labelled"
    return _SUFFIX_FORMATS.get(suffix.lower(), "plain")


def _json_format(stripped: str, suffix: str) -> str | None:
    if not stripped.startswith(("{", "[")):
        return None
    try:
        data = json.loads(stripped)
    except (ValueError, RecursionError):
        # Broken JSON is still JSON when it looks like an object or the suffix says so.
        return "whisper-json" if stripped.startswith("{") or suffix.lower() == ".json" else None
    if isinstance(data, (dict, list)):
        return "episode" if is_episode_document(data) else "whisper-json"
    return None


def _has_marker_then_stamp(lines: list[str]) -> bool:
    marker = next((i for i, line in enumerate(lines) if TRANSCRIPT_MARKER.match(line)), None)
    return marker is not None and any(STAMPED_LINE.match(line) for line in lines[marker + 1:])
