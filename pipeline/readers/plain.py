"""Plain text without time stamps.  When blank lines separate paragraphs, each paragraph is one
segment (its lines are wrapped text); otherwise each line is one (Whisper's .txt output).

A line made only of a time range (``0:00:00.378,0:00:11.378``) means a subtitle format that no
reader here understands (YouTube SBV, …); reading it as prose would put timings in the text, so it
is refused.
"""

from __future__ import annotations

import re

from ..errors import ReadError
from ..records import Episode, Segment
from .timing import STAMP

TIME_RANGE_LINE = re.compile(rf"^\s*{STAMP}\s*(?:,|-+>?|–)\s*{STAMP}\s*$")


def read_plain(text: str, name: str) -> Episode:
    lines = text.split("\n")
    wrapped = "\n\n" in "\n".join(line.strip() for line in lines).strip()
    segments: list[Segment] = []
    paragraph_open = False
    for number, line in enumerate(lines, 1):
        if TIME_RANGE_LINE.match(line):
            raise ReadError(name, "a line of time codes in an unsupported subtitle format (SBV?); "
                                  "accepted subtitle formats: SubRip .srt, WebVTT .vtt", number)
        words = " ".join(line.split())
        if not words:
            paragraph_open = False
        elif paragraph_open:
            segments[-1].text += " " + words
        else:
            segments.append(Segment(text=words, line=number))
            paragraph_open = wrapped
    return Episode(id="", segments=segments)
