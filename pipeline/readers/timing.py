"""Time stamps and time order, shared by every reader."""

from __future__ import annotations

import math
import re
from typing import Optional

from ..records import Segment

#: ``[H:]MM:SS`` or ``[H:]M:SS`` with an optional fraction after ``.`` or ``,`` (``1:02:03,5``).
STAMP = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_PARTS = re.compile(r"(?:(\d+):)?(\d+):(\d+)(?:[.,](\d+))?")

#: Speaking rate used to estimate how long a line lasts when nothing says where it ends.
WORDS_PER_SECOND = 2.5


def parse_stamp(stamp: str) -> Optional[float]:
    """Seconds of ``[H:]MM:SS[.fff]``; None when minutes or seconds are 60 or more (not a time)."""
    match = _PARTS.fullmatch(stamp.strip())
    if match is None:
        return None
    hours, minutes, seconds, fraction = match.groups()
    if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
        return None
    # The fraction is decimal: ",46" is 460 ms, as pysubs2 and players read two-digit SRT fractions.
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + float(f"0.{fraction or 0}")
    return round(value, 3)


def speaking_seconds(text: str) -> float:
    return round(max(1, len(text.split())) / WORDS_PER_SECOND, 3)


def fill_ends_from_next_start(segments: list[Segment]) -> None:
    """A line that only says where it starts ends where the next one starts; the last one lasts as
    long as its words take to say."""
    for current, following in zip(segments, segments[1:]):
        if current.start is not None and current.end is None and following.start is not None:
            current.end = following.start
    last = segments[-1] if segments else None
    if last is not None and last.start is not None and last.end is None:
        last.end = round(last.start + speaking_seconds(last.text), 3)


def is_time(value: object) -> bool:
    """A usable time: a finite, non-negative number (JSON also gives bools, NaN and Infinity)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0


def in_time_order(segments: list[Segment]) -> list[Segment]:
    """Segments with text, stably sorted by start; an untimed segment stays after the timed one it
    followed.  An end before its start is a typo in the source: it is dropped (unknown) rather than
    guessed."""
    kept = [s for s in segments if s.text.strip()]
    for segment in kept:
        if segment.start is not None and segment.end is not None and segment.end < segment.start:
            segment.end = None
    keys, last_start = [], -1.0
    for segment in kept:
        if segment.start is not None:
            last_start = segment.start
        keys.append(last_start)
    order = sorted(range(len(kept)), key=keys.__getitem__)
    return [kept[i] for i in order]
