"""Every transcript-like file of the third-party corpus (read in place) either reads with the
expected content or fails with a ReadError naming the file (and the line where it applies)."""

from __future__ import annotations

import pytest

from pipeline.errors import ReadError
from pipeline.readers import read

# path under the corpus, format, segment count, first text, first (start, end), last (start, end)
READS = [
    ("subtitles/cdown-srt/ascii.srt", "srt", 3, "ascii", (27.0, 30.73), (34.1, 36.57)),
    ("subtitles/cdown-srt/gb2312.srt", "srt", 3, "宇宙守护神 保护我们远离邪恶", (27.0, 30.73), (34.1, 36.57)),
    ("subtitles/pysubs2/test_empty_subtitles.srt", "srt", 1, "I'm Liza Minnelli..", (1767.46, 1769.83), (1767.46, 1769.83)),
    ("subtitles/pysubs2/test_keep_unknown_html_tags.srt", "srt", 2, "Elephant's Little Dream", (10.5, 13.0), (15.0, 18.0)),
    ("subtitles/pysubs2/test_read_bad_tags.srt", "srt", 1, "Elephant's Dream Is Long And Badly Nested", (10.5, 13.0), (10.5, 13.0)),
    ("subtitles/pysubs2/test_read_malformed.srt", "srt", 2, "An example subtitle.", (0.0, 60.0), (60.0, 120.0)),
    ("subtitles/pysubs2/test_read_position_styling.srt", "srt", 2, "Elephant's Dream", (10.5, 13.0), (15.0, 18.0)),
    ("subtitles/pysubs2/test_read_complex.vtt", "vtt", 3, "Cuidem do seu grupo. Cuidem de suas fileiras.", (50.099, 53.299), (118.155, 119.555)),
    ("subtitles/pysubs2/whisper_jax_output.txt", "labelled", 14, "Okay.", (74.5, 75.5), (104.0, 107.88)),
    ("subtitles/pysubs2/whisper_transcribe_result_jfk.json", "whisper-json", 2,
     "And so my fellow Americans ask not what your country can do for you,", (0.0, 7.6), (7.6, 36.6)),
    ("subtitles/webvtt-py/captions_with_bom.vtt", "vtt", 4, "Caption text #1", (0.5, 7.0), (16.32, 21.58)),
    ("subtitles/webvtt-py/comments.vtt", "vtt", 5, "Ta en kopp varmt te.", (135.0, 137.632), (145.0, 150.0)),
    ("subtitles/webvtt-py/cue_tags.vtt", "vtt", 3, "When the moon hits your eye", (16.5, 18.5), (20.5, 21.5)),
    # No WEBVTT header, but every cue is valid SubRip: read as such (content decides, not the suffix).
    ("subtitles/webvtt-py/invalid.vtt", "srt", 7, "Caption text #1", (0.5, 7.0), (27.28, 30.28)),
    ("subtitles/webvtt-py/invalid_format.sbv", "plain", 1, "some text", (None, None), (None, None)),
    # SubRip allows '.' before the milliseconds (brief), so this "invalid" timing reads.
    ("subtitles/webvtt-py/invalid_timeframe.srt", "srt", 5, "Caption text #1", (0.5, 7.0), (21.58, 23.88)),
    # A second timing line ends the first (empty) cue, per the WebVTT parsing rules.
    ("subtitles/webvtt-py/invalid_timeframe_in_cue_text.vtt", "vtt", 3, "Caption text #1", (0.5, 7.0), (11.89, 16.32)),
    ("subtitles/webvtt-py/metadata_headers.vtt", "vtt", 2, "Caption text #1", (0.5, 7.0), (7.0, 11.89)),
    ("subtitles/webvtt-py/metadata_headers_multiline.vtt", "vtt", 2, "Caption text #1", (0.5, 7.0), (7.0, 11.89)),
    ("subtitles/webvtt-py/missing_caption_text.srt", "srt", 4, "Caption text #1", (0.5, 7.0), (21.58, 23.88)),
    ("subtitles/webvtt-py/missing_caption_text.vtt", "vtt", 4, "Caption text #1", (0.5, 7.0), (21.58, 23.88)),
    ("subtitles/webvtt-py/one_caption.srt", "srt", 1, "Caption text #1", (0.5, 7.0), (0.5, 7.0)),
    ("subtitles/webvtt-py/one_caption.vtt", "vtt", 1, "Caption text #1", (0.5, 7.0), (0.5, 7.0)),
    ("subtitles/webvtt-py/sample.srt", "srt", 5, "Caption text #1", (0.5, 7.0), (21.58, 23.88)),
    ("subtitles/webvtt-py/sample.vtt", "vtt", 16, "Caption text #1", (0.5, 7.0), (61.35, 64.3)),
    ("subtitles/webvtt-py/styles.vtt", "vtt", 1, "Hello world.", (0.0, 10.0), (0.0, 10.0)),
    ("subtitles/webvtt-py/using_identifiers.vtt", "vtt", 6, "Caption text #1", (0.5, 7.0), (23.88, 27.28)),
    # Rolling auto-captions: the repeated lines are read once.
    ("subtitles/webvtt-py/youtube_dl.vtt", "vtt", 3, "yeah", (286.07, 286.47), (304.08, 305.069)),
    ("whisper-output/ref-medium-diarization/dosparlants.json", "whisper-json", 14, "Hola, bon dia, com et dius?", (0.0, 2.0), (32.0, 34.0)),
    ("whisper-output/ref-medium-diarization/dosparlants.srt", "srt", 14, "Hola, bon dia, com et dius?", (0.0, 2.0), (32.0, 34.0)),
    ("whisper-output/ref-medium-diarization/dosparlants.vtt", "vtt", 14, "Hola, bon dia, com et dius?", (0.0, 2.0), (32.0, 34.0)),
    ("whisper-output/ref-medium-diarization/dosparlants.tsv", "labelled", 14, "Hola, bon dia, com et dius?", (0.0, 2.0), (32.0, 34.0)),
    ("whisper-output/ref-medium-diarization/dosparlants.txt", "labelled", 14, "Hola, bon dia, com et dius?", (None, None), (None, None)),
    ("whisper-output/ref-small-transcribe/gossos.json", "whisper-json", 2, "Igual que la majoria", (0.0, 16.0), (16.0, 32.0)),
    ("whisper-output/ref-small-transcribe/gossos.srt", "srt", 2, "Igual que la majoria", (0.0, 16.0), (16.0, 32.0)),
    ("whisper-output/ref-small-transcribe/gossos.vtt", "vtt", 2, "Igual que la majoria", (0.0, 16.0), (16.0, 32.0)),
    ("whisper-output/ref-small-transcribe/gossos.tsv", "labelled", 2, "Igual que la majoria", (0.0, 16.0), (16.0, 32.0)),
    ("whisper-output/ref-small-transcribe/gossos.txt", "plain", 2, "Igual que la majoria", (None, None), (None, None)),
    ("whisper-output/ref-small-transcribe-vad/gossos.json", "whisper-json", 6, "Igual que la majoria", (1.33, 6.93), (27.33, 31.53)),
    ("whisper-output/ref-small-transcribe-vad/gossos.srt", "srt", 6, "Igual que la majoria", (1.33, 6.93), (27.33, 31.53)),
    ("whisper-output/ref-small-transcribe-vad/gossos.vtt", "vtt", 6, "Igual que la majoria", (1.33, 6.93), (27.33, 31.53)),
    ("whisper-output/ref-small-transcribe-vad/gossos.tsv", "labelled", 6, "Igual que la majoria", (1.33, 6.93), (27.33, 31.53)),
    ("whisper-output/ref-small-transcribe-vad/gossos.txt", "plain", 6, "Igual que la majoria", (None, None), (None, None)),
    ("whisper-output/ref-small-transcribe-word-stamps/gossos.json", "whisper-json", 2, "Igual que la majoria", (1.18, 16.0), (16.0, 31.24)),
    ("whisper-output/ref-small-transcribe-word-stamps/gossos.srt", "srt", 2, "Igual que la majoria", (1.18, 16.0), (16.0, 31.24)),
    ("whisper-output/ref-small-transcribe-word-stamps/gossos.vtt", "vtt", 2, "Igual que la majoria", (1.18, 16.0), (16.0, 31.24)),
    ("whisper-output/ref-small-transcribe-word-stamps/gossos.tsv", "labelled", 2, "Igual que la majoria", (1.18, 16.0), (16.0, 31.24)),
]

# path under the corpus, line named in the error (None: the whole file), words of the message
FAILS = [
    ("subtitles/webvtt-py/empty.vtt", None, "no text found"),
    ("subtitles/webvtt-py/no_captions.vtt", None, "no text found"),
    ("subtitles/webvtt-py/invalid_format1.srt", None, "no text found"),  # a lone cue number
    ("subtitles/webvtt-py/invalid_format2.srt", 1, "text without a timing line"),
    ("subtitles/webvtt-py/invalid_format3.srt", 1, "text without a timing line"),
    ("subtitles/webvtt-py/invalid_format4.srt", 1, "text without a timing line"),
    ("subtitles/webvtt-py/missing_timeframe.srt", 5, "text without a timing line"),
    ("subtitles/webvtt-py/missing_timeframe.vtt", 6, "text without a timing line"),
    ("subtitles/webvtt-py/invalid_timeframe.vtt", 6, "invalid timing line '00:00:07.000 --> 00:00:1d.890'"),
    ("subtitles/webvtt-py/sample.sbv", 1, "unsupported subtitle format"),
    ("subtitles/webvtt-py/two_captions.sbv", 1, "unsupported subtitle format"),
    ("subtitles/webvtt-py/invalid_timeframe.sbv", 1, "unsupported subtitle format"),
    ("subtitles/webvtt-py/missing_caption_text.sbv", 1, "unsupported subtitle format"),
    ("subtitles/webvtt-py/missing_timeframe.sbv", 1, "unsupported subtitle format"),
    ("whisper-output/gossos.mp3", None, "MP3 audio, not a transcript"),
]


def test_table_covers_every_corpus_transcript(corpus):
    listed = {row[0] for row in READS} | {row[0] for row in FAILS}
    present = {
        path.relative_to(corpus).as_posix()
        for folder in ("subtitles", "whisper-output") for path in (corpus / folder).rglob("*") if path.is_file()
    }
    assert listed == present


@pytest.mark.parametrize(("rel", "fmt", "count", "first_text", "first", "last"), READS, ids=[r[0] for r in READS])
def test_corpus_file_reads(corpus, rel, fmt, count, first_text, first, last):
    episode = read(corpus / rel)
    segments = episode.segments
    assert (episode.format, len(segments)) == (fmt, count)
    assert segments[0].text.startswith(first_text)
    assert (segments[0].start, segments[0].end) == first
    assert (segments[-1].start, segments[-1].end) == last


@pytest.mark.parametrize(("rel", "line", "words"), FAILS, ids=[f[0] for f in FAILS])
def test_corpus_file_fails_clearly(corpus, rel, line, words):
    with pytest.raises(ReadError) as caught:
        read(corpus / rel)
    assert caught.value.path == str(corpus / rel) and caught.value.line == line
    assert words in caught.value.problem


def test_corpus_speakers_and_words(corpus):
    diarized = corpus / "whisper-output/ref-medium-diarization"
    for suffix in (".json", ".srt", ".vtt", ".txt"):
        speakers = [s.speaker for s in read(diarized / f"dosparlants{suffix}").segments]
        assert speakers[:3] == ["SPEAKER_01", "SPEAKER_00", "SPEAKER_01"], suffix
    words = read(corpus / "whisper-output/ref-small-transcribe-word-stamps/gossos.json").segments[-1].words
    assert (words[-1].word, words[-1].end) == (" preses.", 31.24)
    assert read(corpus / "whisper-output/ref-small-transcribe/gossos.json").language == "ca"
