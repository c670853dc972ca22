"""SubRip (.srt) reader.

pysubs2 parses the cues: ``,`` or ``.`` milliseconds, one- or two-digit fractions, ``->`` arrows,
missing or unordered cue numbers, missing final blank line, ``<i>``/``<font>``/``{\\an8}`` tags.
Two things it does not do are done here: it gives no source line numbers, and it silently glues
text that has no timing line to the previous cue (``2\\nCaption`` after a lost timing line, or a
timing line with a typo).  A scan of the lines finds each cue's line and refuses such text, naming
the line to fix.
"""

from __future__ import annotations

import re

import pysubs2
from pysubs2.time import TIMESTAMP as PYSUBS2_STAMP

from ..errors import ReadError
from ..records import Episode, Segment
from .cues import cue_segments

# Something meant as a timing line that pysubs2 will not take (``00:00:1d,890 --> ...``).
_TIMING_LIKE = re.compile(r"^\s*\d+:[\d:.,]*\s*-+>")
_INDEX = re.compile(r"^\s*\d+\s*$")


def is_timing_line(line: str) -> bool:
    """The rule pysubs2 uses: exactly two time stamps on the line."""
    return len(PYSUBS2_STAMP.findall(line)) == 2


def cue_lines(text: str, name: str) -> list[int]:
    """1-based line of each cue's timing line; ReadError at text outside any cue."""
    timing_lines: list[int] = []
    for first, block in _blocks(text.split("\n")):
        head: list[str] = []  # lines before the block's first timing line: a cue number at most
        for number, line in enumerate(block, first):
            if is_timing_line(line):
                timing_lines.append(number)
            elif _TIMING_LIKE.match(line):
                raise ReadError(name, f"invalid timing line {line.strip()!r} "
                                      "(expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm')", number)
            elif not timing_lines or timing_lines[-1] < first:
                head.append(line)
        if not all(_INDEX.match(line) for line in head):
            raise ReadError(name, "text without a timing line (expected 'HH:MM:SS,mmm --> "
                                  "HH:MM:SS,mmm' after the cue number)", first)
    return timing_lines


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines with the 1-based number of their first line."""
    blocks: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if number == 1 or not lines[number - 2].strip():
            blocks.append((number, []))
        blocks[-1][1].append(line)
    return blocks


def read_srt(text: str, name: str) -> Episode:
    timing_lines = cue_lines(text, name)
    try:
        events = pysubs2.SSAFile.from_string(text, format_="srt").events
    except Exception as error:  # noqa: BLE001 - a library failure is still an unreadable file
        raise ReadError(name, f"invalid SubRip file ({error})") from None
    if len(events) != len(timing_lines):  # both use pysubs2's stamp rule; a mismatch is a bug
        raise ReadError(name, f"found {len(timing_lines)} timing lines but pysubs2 read {len(events)} cues")
    segments: list[Segment] = []
    for event, line in zip(events, timing_lines):
        segments += cue_segments(event.plaintext.split("\n"), event.start / 1000, event.end / 1000, line)
    return Episode(id="", segments=segments)
