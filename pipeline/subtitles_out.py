"""Write timed segments as SubRip (.srt) and WebVTT (.vtt) text."""

from __future__ import annotations

from typing import Iterable

from .records import Segment


def _stamp(seconds: float, sep: str) -> str:
    millis = max(0, int(round(float(seconds) * 1000)))
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{sep}{millis:03d}"


def _cues(segments: Iterable[Segment]) -> list[tuple[float, float, str]]:
    cues = []
    for seg in segments:
        text = " ".join(seg.text.split())
        if not text or seg.start is None:
            continue
        end = seg.end if seg.end is not None and seg.end > seg.start else seg.start + 0.001
        # "-->" inside a cue would end its timing line early in both formats
        cues.append((seg.start, end, text.replace("-->", "->")))
    return cues


def to_srt(segments: Iterable[Segment]) -> str:
    blocks = [
        f"{i}\n{_stamp(start, ',')} --> {_stamp(end, ',')}\n{text}\n"
        for i, (start, end, text) in enumerate(_cues(segments), 1)
    ]
    return "\n".join(blocks)


def to_vtt(segments: Iterable[Segment]) -> str:
    blocks = [f"{_stamp(start, '.')} --> {_stamp(end, '.')}\n{text}\n" for start, end, text in _cues(segments)]
    return "WEBVTT\n\n" + "\n".join(blocks)
