"""Speaker-labelled and/or time-stamped text, one unit per line:

``[00:01:05] Speaker 1: …``, ``[00:01:05.120] …``, ``[01:14.500 -> 01:15.500] …`` (Whisper-JAX,
whisper.cpp), ``Karim (00:01:05): …``, ``00:01:05 …`` or a stamp alone on its line (YouTube copies),
``[SPEAKER_00]: …`` and ``KARIM : …`` (no stamp: times None), and Whisper's TSV (``start<TAB>end<TAB>
text`` in milliseconds).  A line that matches none of these continues the previous unit.

A ``Name:`` prefix is only taken for a speaker when it cannot be ordinary French prose
(« Attention : … »): bracketed, written in capitals, followed by a stamp, used on two lines or more,
or after a stamp in a file where most stamped lines carry a label.
A unit that only says where it starts ends where the next one starts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from ..errors import ReadError
from ..records import Episode, Segment
from .timing import STAMP, fill_ends_from_next_start, in_time_order, parse_stamp

_LABEL = r"[^\W\d_](?:[\w'’. -]{0,38}[\w.])?"
_SPEAKER = rf"(?:(?P<speaker>{_LABEL})\s*:\s*)?"
PATTERNS = (
    re.compile(rf"^\s*\[(?P<start>{STAMP})\s*-{{1,2}}>\s*(?P<end>{STAMP})\]\s*{_SPEAKER}(?P<text>.*)$"),
    re.compile(rf"^\s*[\[(](?P<start>{STAMP})[\])]\s*{_SPEAKER}(?P<text>.*)$"),
    re.compile(rf"^\s*(?P<named>{_LABEL})\s*[\[(](?P<start>{STAMP})[\])]\s*:?\s*(?P<text>.*)$"),
    re.compile(rf"^\s*(?P<start>{STAMP})(?:\s+{_SPEAKER}(?P<text>.*))?$"),
    re.compile(r"^\s*\[(?P<bracketed>[^\]\n]{1,40})\]\s*:\s*(?P<text>.*)$"),
    re.compile(rf"^\s*{_SPEAKER}(?P<text>.*)$"),
)
TSV_ROW = re.compile(r"^(?P<start>\d+)\t(?P<end>\d+)\t(?P<text>.*)$")
TSV_HEADER = re.compile(r"^start\tend\ttext\s*$")


@dataclass
class Unit:
    """What one line says: its times (as written), its speaker candidate and its text."""

    text: str
    start: Optional[str] = None
    end: Optional[str] = None
    speaker: Optional[str] = None
    sure_speaker: bool = False  # bracketed or stamped name: a speaker whatever its count
    milliseconds: bool = False  # TSV times


def parse_line(line: str) -> Optional[Unit]:
    """The unit a line starts, or None when it only continues the previous one."""
    row = TSV_ROW.match(line)
    if row:
        return Unit(row["text"], row["start"], row["end"], milliseconds=True)
    for pattern in PATTERNS:
        match = pattern.match(line)
        if match is None:
            continue
        found = match.groupdict()
        named = found.get("named") or found.get("bracketed")
        if not (found.get("start") or named or found.get("speaker")):
            return None  # the catch-all pattern matched plain prose
        return Unit(found["text"] or "", found.get("start"), found.get("end"),
                    named or found.get("speaker"), sure_speaker=bool(named))
    return None


def speakers_to_trust(units: list[Unit]) -> set[str]:
    counts = Counter(unit.speaker for unit in units if unit.speaker)
    stamped = [unit for unit in units if unit.start]
    stamps_carry_labels = len(stamped) > 1 and 2 * sum(1 for u in stamped if u.speaker) > len(stamped)
    return {
        unit.speaker for unit in units
        if unit.speaker and (unit.sure_speaker or unit.speaker.isupper() or counts[unit.speaker] > 1
                             or (unit.start and stamps_carry_labels))
    }


def labelled_lines(text: str) -> int:
    """How many lines carry a stamp or a trusted speaker label (for format detection)."""
    units = [unit for line in text.split("\n") if (unit := parse_line(line))]
    trusted = speakers_to_trust(units)
    return sum(1 for unit in units if unit.start or unit.speaker in trusted)


def read_labelled(text: str, name: str) -> Episode:
    lines = text.split("\n")
    parsed = [parse_line(line) for line in lines]
    trusted = speakers_to_trust([unit for unit in parsed if unit])
    segments: list[Segment] = []
    for number, (line, unit) in enumerate(zip(lines, parsed), 1):
        if TSV_HEADER.match(line) or not line.strip():
            continue
        if unit is not None and not unit.start and unit.speaker not in trusted:
            unit = None  # « Attention : … » is prose
        if unit is None:
            if segments:
                segments[-1].text = f"{segments[-1].text} {line.strip()}"
            else:
                segments.append(Segment(text=line.strip(), line=number))
            continue
        text = unit.text
        if unit.speaker and unit.speaker not in trusted:
            text = line[line.index(unit.speaker):]  # keep « Attention : » in the text
        segments.append(Segment(
            text=text.strip(),
            start=_seconds(unit.start, unit, name, number),
            end=_seconds(unit.end, unit, name, number),
            speaker=unit.speaker if unit.speaker in trusted else None,
            line=number,
        ))
    for segment in segments:
        segment.text = " ".join(segment.text.split())
    ordered = in_time_order(segments)  # also drops a stamp alone at the end, with no text
    fill_ends_from_next_start(ordered)
    return Episode(id="", segments=ordered)


def _seconds(value: Optional[str], unit: Unit, name: str, number: int) -> Optional[float]:
    if value is None:
        return None
    if unit.milliseconds:
        return int(value) / 1000
    seconds = parse_stamp(value)
    if seconds is None:
        raise ReadError(name, f"invalid time stamp {value!r} (minutes and seconds go up to 59)", number)
    return seconds
