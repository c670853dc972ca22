"""Property tests: for every reader, arbitrary bytes and structured-but-fuzzed text give an Episode
with ordered, consistent times, or a ReadError; never any other exception."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import ReadError
from pipeline.readers import FORMATS, read_bytes, read_text
from pipeline.records import Episode

SETTINGS = settings(max_examples=150, deadline=None)
FORMAT_OR_NONE = st.sampled_from(sorted(FORMATS) + [None])
SUFFIX = st.sampled_from(["", ".txt", ".srt", ".vtt", ".json", ".md", ".tsv"])


def check(outcome) -> None:
    """``outcome`` is a zero-argument call that reads something."""
    try:
        episode = outcome()
    except ReadError as error:
        assert error.path and str(error).startswith(error.path)
        return
    assert isinstance(episode, Episode) and episode.format in FORMATS
    starts = [s.start for s in episode.segments if s.start is not None]
    assert starts == sorted(starts)
    for segment in episode.segments:
        assert segment.text.strip()
        if segment.start is not None and segment.end is not None:
            assert segment.start <= segment.end


@SETTINGS
@given(data=st.binary(max_size=400), fmt=FORMAT_OR_NONE, suffix=SUFFIX)
def test_any_bytes(data, fmt, suffix):
    check(lambda: read_bytes(data, f"fuzz{suffix}", fmt))


@SETTINGS
@given(text=st.text(max_size=300), fmt=FORMAT_OR_NONE, suffix=SUFFIX)
def test_any_text(text, fmt, suffix):
    check(lambda: read_text(text, f"fuzz{suffix}", fmt))


# --------------------------------------------------------------------------- structured fuzz

LINE_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=40)
TAGGED = st.one_of(LINE_TEXT, LINE_TEXT.map(lambda t: f"<i>{t}</i>"), LINE_TEXT.map(lambda t: f"- {t}"),
                   LINE_TEXT.map(lambda t: f"<v Karim>{t}"), LINE_TEXT.map(lambda t: "{\\an8}" + t))
MS = st.integers(min_value=0, max_value=10 * 3600 * 1000)


def stamp(ms: int, sep: str = ",", hours: bool = True) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, f = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{f:03d}" if hours or h else f"{m:02d}:{s:02d}{sep}{f:03d}"


CUES = st.lists(st.tuples(MS, MS, st.lists(TAGGED, min_size=0, max_size=3)), max_size=8)


@SETTINGS
@given(cues=CUES, numbered=st.booleans(), crlf=st.booleans(), gap=st.sampled_from(["\n", "\n\n", "\n\n\n"]))
def test_fuzzed_srt(cues, numbered, crlf, gap):
    blocks = [(f"{i}\n" if numbered else "") + f"{stamp(a)} --> {stamp(b)}\n" + "\n".join(lines)
              for i, (a, b, lines) in enumerate(cues, 1)]
    text = gap.join(blocks)
    check(lambda: read_text(text.replace("\n", "\r\n") if crlf else text, "f.srt"))


@SETTINGS
@given(cues=CUES, hours=st.booleans(), note=st.booleans())
def test_fuzzed_vtt(cues, hours, note):
    blocks = ["WEBVTT\nKind: captions"] + (["NOTE fuzz\nline"] if note else [])
    blocks += [f"{stamp(a, '.', hours)} --> {stamp(b, '.', hours)} align:start\n" + "\n".join(lines)
               for a, b, lines in cues]
    check(lambda: read_text("\n\n".join(blocks), "f.vtt"))


@SETTINGS
@given(lines=st.lists(st.tuples(st.one_of(st.none(), MS), LINE_TEXT), max_size=10), footer=st.booleans())
def test_fuzzed_webpage(lines, footer):
    body = [(stamp(ms, hours=False)[:5] if ms is not None else "") + text for ms, text in lines]
    text = "Titre\n • il y a 1 jour\nDescription\nTranscription\n" + "\n".join(body)
    check(lambda: read_text(text + ("\nRecommandations\n00:00Autre" if footer else ""), "page.txt", "webpage"))


LABELLED_LINE = st.one_of(
    st.tuples(MS, LINE_TEXT).map(lambda p: f"[{stamp(p[0], '.')}] Speaker 1: {p[1]}"),
    st.tuples(MS, MS, LINE_TEXT).map(lambda p: f"[{stamp(p[0], '.', False)} -> {stamp(p[1], '.', False)}] {p[2]}"),
    st.tuples(MS, LINE_TEXT).map(lambda p: f"Karim ({stamp(p[0])[:8]}): {p[1]}"),
    LINE_TEXT.map(lambda t: f"SARA : {t}"),
    st.tuples(MS, MS, LINE_TEXT).map(lambda p: f"{p[0]}\t{p[1]}\t{p[2]}"),
    LINE_TEXT,
)


@SETTINGS
@given(lines=st.lists(LABELLED_LINE, max_size=10), fmt=st.sampled_from([None, "labelled", "plain"]))
def test_fuzzed_labelled_and_plain(lines, fmt):
    check(lambda: read_text("\n".join(lines), "l.txt", fmt))


NUMBER = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-5, 10**6), st.none(),
                   st.text(max_size=3), st.booleans())
WORD = st.fixed_dictionaries({"word": st.one_of(LINE_TEXT, st.none()), "start": NUMBER, "end": NUMBER,
                              "probability": NUMBER})
SEGMENT = st.fixed_dictionaries(
    {"start": NUMBER, "end": NUMBER, "text": st.one_of(LINE_TEXT, st.none(), st.integers())},
    optional={"words": st.one_of(st.none(), st.lists(WORD, max_size=3)), "speaker": st.one_of(LINE_TEXT, st.integers()),
              "avg_logprob": NUMBER, "no_speech_prob": NUMBER},
)


@SETTINGS
@given(segments=st.lists(SEGMENT, max_size=6), shape=st.sampled_from(["dict", "list", "episode", "transcription"]))
def test_fuzzed_json(segments, shape):
    document = {
        "dict": {"segments": segments, "language": "fr"},
        "list": segments,
        "episode": {"id": "../x", "segments": segments, "sentences": [], "turns": []},
        "transcription": {"id": "t", "source": "a.mp3", "language": "fr", "language_probability": 0.9,
                          "duration": 3.0, "segments": segments, "model": "m", "settings": {}},
    }[shape]
    check(lambda: read_text(json.dumps(document), "w.json"))
