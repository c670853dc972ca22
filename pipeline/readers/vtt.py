"""WebVTT (.vtt) reader, hand-written after the WebVTT parsing rules.

pysubs2 reads WebVTT with its SubRip parser, which on real files glues NOTE blocks and cue
identifiers to the previous cue, keeps inline time stamps (``<00:17.500>``) in the text and drops
voice names.  Here: the header block (``WEBVTT`` and metadata such as ``Kind:``) and NOTE, STYLE and
REGION blocks are skipped; a cue is an optional identifier, a timing line (cue settings ignored,
hours optional) and text up to a blank line or the next timing line; ``<v Name>`` gives the speaker
(a cue with several voices gives one segment each); other tags, inline time stamps and character
references are removed.  YouTube's rolling captions repeat the previous cue's last line as their
first line: that repeat is dropped so that no sentence is read twice.
"""

from __future__ import annotations

import re

from ..errors import ReadError
from ..records import Episode, Segment
from .cues import cue_segments

_HEADER = re.compile(r"^WEBVTT(?:[ \t].*)?$")
_SKIPPED_BLOCK = re.compile(r"^(?:NOTE|STYLE|REGION)(?:[ \t].*)?$")
_VTT_STAMP = r"(?:\d+:)?[0-5]\d:[0-5]\d\.\d{3}"
_TIMING = re.compile(rf"^\s*(?P<start>{_VTT_STAMP})[ \t]+-->[ \t]+(?P<end>{_VTT_STAMP})(?:[ \t].*)?$")
# Voice span ``<v Name>`` / ``<v.class Name>``: rewritten as a ``[Name]:`` label on its own line.
_VOICE = re.compile(r"<v(?:\.[^\s>]*)*[ \t]+([^>]*)>")
_TIMESTAMP_TAG = re.compile(r"<\d[^>]*>")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def vtt_seconds(stamp: str) -> float:
    *hours, minutes, seconds = stamp.split(":")
    return round(int(hours[0] if hours else 0) * 3600 + int(minutes) * 60 + float(seconds), 3)


def _voice_name(annotation: str) -> str:
    return " ".join(annotation.replace("[", " ").replace("]", " ").split())[:40]


def plain_cue_text(text: str) -> list[str]:
    """Cue text lines without markup; each voice starts a new ``[Name]:`` line."""
    text = _VOICE.sub(lambda m: f"\n[{_voice_name(m[1])}]: ", text)
    text = _TAG.sub("", _TIMESTAMP_TAG.sub("", text))
    return text.replace("[]: ", "").split("\n")


def read_vtt(text: str, name: str) -> Episode:
    lines = text.split("\n")
    if not _HEADER.match(lines[0].lstrip("\ufeff")):
        raise ReadError(name, "missing 'WEBVTT' header on the first line", 1)
    index = _skip_block(lines, 0)
    segments: list[Segment] = []
    last_line = ""  # the previous cue's last text line
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
        elif _SKIPPED_BLOCK.match(line):
            index = _skip_block(lines, index)
        else:
            first = index + 1
            index, start, end, text_lines = _read_cue(lines, index, name)
            if text_lines and text_lines[0].split() == last_line.split():
                text_lines = text_lines[1:]  # rolling-caption repeat
            last_line = text_lines[-1] if text_lines else last_line
            segments += cue_segments(text_lines, start, end, first)
    return Episode(id="", segments=segments)


def _skip_block(lines: list[str], index: int) -> int:
    while index < len(lines) and lines[index].strip():
        index += 1
    return index


def _read_cue(lines: list[str], index: int, name: str) -> tuple[int, float, float, list[str]]:
    """The cue starting at ``lines[index]``: (next line index, start, end, plain text lines)."""
    first = index
    if "-->" not in lines[index]:  # a cue identifier must be followed by the timing line
        index += 1
        if index >= len(lines) or "-->" not in lines[index]:
            raise ReadError(name, "text without a timing line (expected 'MM:SS.mmm --> MM:SS.mmm', "
                                  "hours optional)", first + 1)
    timing = _TIMING.match(lines[index])
    if timing is None:
        raise ReadError(name, f"invalid timing line {lines[index].strip()!r} "
                              "(expected 'HH:MM:SS.mmm --> HH:MM:SS.mmm', hours optional)", index + 1)
    index += 1
    body: list[str] = []
    # A timing line ends the cue even without a blank line before it (as YouTube files do).
    while index < len(lines) and lines[index].strip() and "-->" not in lines[index]:
        body.append(lines[index])
        index += 1
    text_lines = [line for line in plain_cue_text("\n".join(body)) if line.strip()]
    return index, vtt_seconds(timing["start"]), vtt_seconds(timing["end"]), text_lines
