"""Transcript pages copied from a video site (``samples/dictionnaire_digital_influence.txt``).

Layout: a title line, a relative date line (``  • il y a 4 jours``), description paragraph(s), a
``Transcription`` line, then lines whose time stamp is glued to the text (``05:03Si l'on prend…``,
``1:02:03…`` past one hour), and a ``Recommandations`` footer that ends the transcript.  A stamped
line ends where the next begins; the last one lasts as long as its words take to say.  A line
without a stamp continues the previous line's text.
"""

from __future__ import annotations

import re

from ..errors import ReadError
from ..records import Episode, Segment
from .timing import fill_ends_from_next_start, in_time_order, parse_stamp

# The stamp is followed by the text with or without a space (``00:1212 abonnés`` is 00:12, then
# « 12 abonnés »); ``1:02:03`` is never read as ``1:02`` + ``:03``.
STAMPED_LINE = re.compile(r"^\s*(?P<stamp>\d{1,2}:\d{2}(?::\d{2})?)(?!:\d)\s*(?P<text>.*)$")
TRANSCRIPT_MARKER = re.compile(r"^\s*transcript(?:ion)?\s*:?\s*$", re.IGNORECASE)
FOOTER = re.compile(r"^\s*recomm[ae]ndations?\s*$", re.IGNORECASE)
# The date line: a bullet (``•``) or a short relative or calendar date.
DATE_LINE = re.compile(r"^\s*[•·]|^\s*(?:il y a|publiée?|diffusée?)\b|^\s*\d{1,2}[ /.-]\w+[ /.-]\d{4}\s*$",
                       re.IGNORECASE)


def read_webpage(text: str, name: str) -> Episode:
    lines = text.split("\n")
    header_end, body_start = _transcript_bounds(lines)
    title, date, description = _header(lines[:header_end])
    segments: list[Segment] = []
    for number, line in enumerate(lines[body_start:], body_start + 1):
        if FOOTER.match(line):
            break
        stamped = STAMPED_LINE.match(line)
        if stamped:
            start = parse_stamp(stamped["stamp"])
            if start is None:
                raise ReadError(name, f"invalid time stamp {stamped['stamp']!r} (minutes and seconds "
                                      "go up to 59)", number)
            segments.append(Segment(text=stamped["text"].strip(), start=start, line=number))
        elif line.strip() and not TRANSCRIPT_MARKER.match(line):
            if segments:
                segments[-1].text = f"{segments[-1].text} {line.strip()}".strip()
            else:
                segments.append(Segment(text=line.strip(), line=number))
    # Ends come from the next start, so stamps are put in order first; an empty stamped line still
    # marks where the line before it ends, and is dropped afterwards.
    ordered = sorted(segments, key=lambda s: -1.0 if s.start is None else s.start)
    for segment in ordered:
        segment.text = " ".join(segment.text.split())
    fill_ends_from_next_start(ordered)
    return Episode(id="", title=title, date=date, description=description, segments=in_time_order(ordered))


def _transcript_bounds(lines: list[str]) -> tuple[int, int]:
    """(end of the page header, first transcript line): around the marker, else the first stamp."""
    for index, line in enumerate(lines):
        if TRANSCRIPT_MARKER.match(line):
            return index, index + 1
    for index, line in enumerate(lines):
        if STAMPED_LINE.match(line):
            return index, index
    return 0, 0


def _header(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    texts = [" ".join(line.split()) for line in lines if line.strip()]
    if not texts:
        return None, None, None
    title, rest = texts[0], texts[1:]
    date = next((line for line in rest if DATE_LINE.match(line)), None)
    description = "\n".join(line for line in rest if line is not date) or None
    if date is not None:
        date = date.lstrip("•· ").strip() or None
    return title, date, description
