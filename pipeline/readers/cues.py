"""Subtitle cue text to segments, shared by the SRT and WebVTT readers.

A cue may hold several speakers.  Each line starting with a dialogue dash (``- Oui.``) or a speaker
label (``[SPEAKER_01]: Oui.``, ``KARIM : Oui.``, a WebVTT ``<v Karim>`` voice) starts a new segment;
the other lines continue the current one.  The cue's time span is shared among its segments in
proportion to their lengths, so times stay ordered and within the cue.

A dash says that the speaker changed, not who speaks: those segments keep ``speaker=None``.  Labels
such as ``dash:1`` would be read downstream as names and wrongly merge the first speaker of every
cue into one person; a new segment per dash line is all the source really tells.
"""

from __future__ import annotations

import html
import re
from typing import Optional

from ..records import Segment

# "Publie" / "-les en fin de matinée": a line broken before a hyphenated pronoun continues the word
_HYPHEN_WORDS = r"(?:les?|la|l'|moi|toi|lui|leur|en|y|nous|vous|ci|là|tu|ils?|elles?|on|t-|même|mêmes)"
HYPHENATED_CONTINUATION = re.compile(rf"^-{_HYPHEN_WORDS}(?![\w'-])")
_DASH = re.compile(rf"^\s*[-‐–—](?!{_HYPHEN_WORDS}(?![\w'-]))\s*(?P<text>.*)$")
# ``[Name]: text`` (whisper diarization) or an upper-case ``NAME : text``; a bare ``[Musique]`` is a
# sound annotation, not a speaker, so the colon is required.
_LABEL = re.compile(
    r"^\s*(?:\[(?P<bracketed>[^\]\n]{1,40})\]|(?P<upper>[A-ZÀ-Ý][A-ZÀ-Ý0-9 _'.-]{1,30}[A-ZÀ-Ý0-9]))\s*:\s*(?P<text>.*)$"
)


def split_line(line: str) -> tuple[bool, Optional[str], str]:
    """(starts a new speaker?, speaker label or None, remaining text) for one cue line."""
    label = _LABEL.match(line)
    if label:
        return True, (label["bracketed"] or label["upper"]).strip(), label["text"]
    dash = _DASH.match(line)
    if dash:
        return True, None, dash["text"]
    return False, None, line


def cue_segments(lines: list[str], start: float, end: float, line: int) -> list[Segment]:
    """Segments of one cue whose ``lines`` are already free of markup."""
    parts: list[tuple[Optional[str], list[str]]] = []
    for raw in lines:
        new_speaker, speaker, text = split_line(html.unescape(raw))
        if new_speaker or not parts:
            parts.append((speaker, []))
        parts[-1][1].append(text)
    texts = [(speaker, " ".join(" ".join(words).split())) for speaker, words in parts]
    texts = [(speaker, text) for speaker, text in texts if text]
    total = sum(len(text) for _, text in texts)
    span = max(0.0, end - start)  # an end before the start is a typo: shared as a zero span
    segments, done = [], 0
    for speaker, text in texts:
        # Proportional split by characters: the best guess a cue allows.
        part_start = start + span * done / total
        done += len(text)
        segments.append(Segment(text=text, start=round(part_start, 3), end=round(start + span * done / total, 3),
                                speaker=speaker, line=line))
    if segments:
        segments[-1].end = end  # exact cue end (dropped later when it precedes the start)
    return segments
