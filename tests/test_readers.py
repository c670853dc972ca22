"""Reading stage: one table of expected results per format, over fixtures in tests/data/readers."""

from __future__ import annotations

import json
import re

import pytest

from pipeline.errors import ReadError
from pipeline.readers import FORMATS, TRANSCRIPT_SUFFIXES, detect_format, read, read_bytes, read_text
from pipeline.readers.cues import split_line
from pipeline.records import Episode, Segment, Sentence, Transcription, Word


@pytest.fixture(scope="module")
def readers_dir(data_dir):
    return data_dir / "readers"


def summary(episode: Episode) -> list[tuple]:
    return [(s.start, s.end, s.speaker, s.line, s.text) for s in episode.segments]


# --------------------------------------------------------------------------- the web-page sample


def test_sample_webpage(sample_path):
    lines = sample_path.read_text(encoding="utf-8").split("\n")
    stamped = [line for line in lines if re.match(r"\d{1,2}:\d{2}", line)]
    episode = read(sample_path)
    assert episode.format == "webpage"
    assert episode.id == "dictionnaire_digital_influence"
    assert episode.source == str(sample_path)
    assert episode.title == "Dictionnaire digital : Comment acquérir de l’influence digitale ?"
    assert episode.date == "il y a 4 jours"
    assert episode.description.startswith("Dans ce nouvel épisode du Dictionnaire digital")
    assert len(episode.segments) == len(stamped) == 133
    first, last = episode.segments[0], episode.segments[-1]
    assert (first.start, first.end, first.line) == (0.0, 4.0, 6)
    assert first.text.startswith("Bonjour à toutes et à tous")
    assert (last.start, last.text) == (579.0, "À bientôt.")
    assert last.end == pytest.approx(579.0 + 2 / 2.5)
    assert all("Recommandations" not in s.text for s in episode.segments)
    assert all(a.end == b.start for a, b in zip(episode.segments, episode.segments[1:]))


def test_webpage_hours_continuations_and_footer(readers_dir):
    episode = read(readers_dir / "webpage_long.txt")
    assert (episode.title, episode.date) == ("Podcast : publier au bon moment", "il y a 2 semaines")
    assert episode.description == "Un épisode sur le calendrier éditorial.\nAvec notre invitée."
    assert summary(episode) == [
        (3598.0, 3603.0, None, 7, "Bonjour et bienvenue dans ce long épisode."),
        (3603.0, 3723.0, None, 9, "Publiez le mardi soir."),
        (3723.0, 3724.2, None, 10, "Merci à tous."),
    ]


# --------------------------------------------------------------------------- fixtures, one row each

CASES = [
    # file, format, expected (start, end, speaker, line, text) rows
    ("episode.srt", "srt", [
        (1.0, 4.5, None, 2, "Bonjour à toutes et à tous, bienvenue dans le Dictionnaire digital."),
        (4.5, 6.218, None, 7, "Tu publies tous les jours ?"),
        (6.218, 8.0, None, 7, "Non, trois fois par semaine."),
        (8.0, 10.0, "SPEAKER_01", 11, "Le mardi & le jeudi, vers 19 h."),
        (10.0, 12.25, None, 15, "Merci à vous."),
    ]),
    ("crlf_bom.srt", "srt", [(0.0, 2.0, None, 2, "Ça commence."), (2.0, 3.5, None, 6, "Ça continue.")]),
    ("cp1252.srt", "srt", [(0.0, 2.0, None, 2, "Déjà l'été, où êtes-vous ?")]),
    ("utf16.srt", "srt", [(0.0, 2.0, None, 2, "Écrit en UTF-16 — avec BOM.")]),
    ("episode.vtt", "vtt", [
        (1.0, 4.0, "Karim", 15, "Bonjour Sara !"),
        (4.0, 9.0, "Sara", 19, "Bonjour Karim, ravie d'être là."),
        (3609.0, 3610.308, "Karim", 22, "Tu postes quand ?"),
        (3610.308, 3612.0, "Sara", 22, "Le soir & le week-end."),
    ]),
    ("faster_whisper.json", "whisper-json", [
        (0.0, 2.5, "SPEAKER_00", None, "Bonjour à tous."),
        (2.5, 6.5, "SPEAKER_01", None, "Publiez le soir."),
    ]),
    ("timestamped_words.json", "whisper-json", [(1.0, 2.0, None, None, "Salut !")]),
    ("segments_list.json", "whisper-json", [(0.0, 3.0, None, None, "Première."), (3.0, 4.0, None, None, "Deuxième.")]),
    ("brackets.txt", "labelled", [
        (5.0, 9.25, "Speaker 1", 1, "Bonjour et bienvenue."),
        (9.25, 65.0, "Speaker 2", 2, "Merci de m'accueillir. la suite de la phrase."),
        (65.0, 67.4, "Speaker 1", 4, "Attention : on parle de TikTok."),
    ]),
    ("ranges.txt", "labelled", [(0.0, 2.5, None, 1, "Première phrase."), (2.5, 5.0, None, 2, "Deuxième phrase.")]),
    ("names.txt", "labelled", [
        (2.0, 6.0, "Karim", 1, "Quelle est ta méthode ?"),
        (6.0, 3610.0, "Sara", 2, "Publier tous les jours."),
        (3610.0, 3610.4, "Karim", 3, "Merci."),
    ]),
    ("caps.txt", "labelled", [
        (None, None, "KARIM", 1, "Quelle est ta méthode ?"),
        (None, None, "SARA", 2, "Publier tous les jours. Remarque : c'est exigeant."),
        (None, None, "KARIM", 4, "Merci."),
    ]),
    ("whisper.tsv", "labelled", [(0.0, 2.0, None, 2, "Bonjour."), (2.0, 4.5, None, 3, "Comment ça va ?")]),
    ("youtube_copy.txt", "labelled", [
        (0.0, 4.0, None, 1, "Bonjour à tous"),
        (4.0, 3723.0, None, 3, "et bienvenue"),
        (3723.0, 3723.8, None, 5, "au revoir"),
    ]),
    ("plain_paragraphs.md", "plain", [
        (None, None, None, 1, "Premier paragraphe, écrit sur deux lignes."),
        (None, None, None, 4, "Deuxième paragraphe."),
    ]),
    ("plain_lines.txt", "plain", [(None, None, None, 1, "Une ligne."), (None, None, None, 2, "Une autre ligne.")]),
]


@pytest.mark.parametrize(("name", "fmt", "rows"), CASES, ids=[c[0] for c in CASES])
def test_fixture_reads(readers_dir, name, fmt, rows):
    path = readers_dir / name
    episode = read(path)
    assert (episode.format, episode.id, episode.source) == (fmt, path.stem, str(path))
    assert summary(episode) == rows
    assert detect_format(path.read_bytes().decode("utf-8", "replace"), path.suffix) == fmt


FAILURES = [
    # file, line named in the error (None: the whole file), words of the message
    ("broken_timing.srt", 6, "invalid timing line"),
    ("untimed_block.srt", 5, "text without a timing line"),
    ("no_header.vtt", 1, "missing 'WEBVTT' header"),
    ("bad_timing.vtt", 6, "invalid timing line"),
    ("bad_segment.json", None, "segment 2: 'start' must be a number"),
    ("truncated.json", 3, "invalid JSON"),
    ("webpage_bad_stamp.txt", 4, "invalid time stamp '00:75'"),
    ("empty.txt", None, "no text found"),
    ("sbv.txt", 1, "unsupported subtitle format"),
    ("binary.bin", None, "binary data"),
    ("gb2312.txt", None, "cannot decode the text"),  # too short for a sure charset guess
]


@pytest.mark.parametrize(("name", "line", "words"), FAILURES, ids=[f[0] for f in FAILURES])
def test_fixture_fails_with_read_error(readers_dir, name, line, words):
    path = readers_dir / name
    with pytest.raises(ReadError) as caught:
        read(path)
    assert caught.value.path == str(path) and caught.value.line == line
    assert words in caught.value.problem and str(path) in str(caught.value)


# --------------------------------------------------------------------------- details per format


def test_whisper_words_and_scores(readers_dir):
    episode = read(readers_dir / "faster_whisper.json")
    first = episode.segments[0]
    assert first.words[0] == Word(word=" Bonjour", start=0.0, end=0.6, probability=0.91)
    assert (first.avg_logprob, first.no_speech_prob) == (-0.21, 0.01)
    assert (episode.duration, episode.language, episode.language_probability) == (6.5, "fr", 0.98)
    assert read(readers_dir / "timestamped_words.json").segments[0].words[1] == Word("!", 1.6, 2.0, 0.9)


def test_transcription_record_reads_without_loss(tmp_path):
    words = [Word(" Bonjour", 0.0, 0.5, 0.9), Word(" tous.", 0.5, 1.2, 0.8)]
    record = Transcription(
        id="ep1", source="audio/ep1.mp3", language="fr", language_probability=0.97, duration=12.5,
        segments=[Segment("Bonjour tous.", 0.0, 1.2, words=words, avg_logprob=-0.2, no_speech_prob=0.05),
                  Segment("Publiez le soir.", 1.2, 3.0, avg_logprob=-0.4, no_speech_prob=0.1)],
        model="faster-whisper-base", settings={"beam_size": 5, "vad": True},
    )
    path = tmp_path / "ep1.json"
    path.write_text(record.to_json(), encoding="utf-8")
    episode = read(path)
    assert episode.format == "whisper-json" and episode.duration == 12.5
    assert episode.segments == record.segments
    assert episode.metadata["transcription"] == {
        "id": "ep1", "source": "audio/ep1.mp3", "language": "fr", "language_probability": 0.97,
        "model": "faster-whisper-base", "settings": {"beam_size": 5, "vad": True},
    }


def test_episode_document_round_trip(tmp_path):
    original = Episode(
        id="ep2", source="in/ep2.srt", format="srt", title="Titre",
        segments=[Segment("Bonjour.", 0.0, 1.0, line=2)],
        sentences=[Sentence(index=0, text="Bonjour.", start=0.0, end=1.0)],
        metadata={"note": 1},
    )
    path = tmp_path / "ep2.episode.json"
    path.write_text(original.to_json(), encoding="utf-8")
    episode = read(path)
    assert episode.format == "episode" and episode.id == "ep2" and episode.source == str(path)
    assert episode.sentences == original.sentences and episode.segments == original.segments
    assert episode.metadata == {"note": 1, "original": {"format": "srt", "source": "in/ep2.srt"}}


@pytest.mark.parametrize("document", [
    {"id": "x", "sentences": "pas une liste"},
    {"id": "x", "sentences": [{"index": 0}]},
    {"id": "x", "segments": [{"text": 3}], "turns": []},
    {"id": "x", "sentences": [], "metadata": "non"},
])
def test_bad_episode_documents(document):
    with pytest.raises(ReadError, match="doc.json"):
        read_text(json.dumps(document), "doc.json", format="episode")


def test_forced_format_checks_and_names_accepted_values():
    with pytest.raises(ReadError) as caught:
        read_text("Bonjour", "a.txt", format="xyz")
    assert "'xyz' is not a valid format (accepted formats: episode, labelled, plain, srt, vtt, webpage, whisper-json)" in str(caught.value)
    assert FORMATS == {"webpage", "srt", "vtt", "whisper-json", "labelled", "plain", "episode"}
    with pytest.raises(ReadError, match="missing 'WEBVTT' header"):
        read_text("1\n00:00:01,000 --> 00:00:02,000\nHi\n", "a.srt", format="vtt")


def test_missing_file_and_directory(tmp_path):
    for path in (tmp_path / "absent.srt", tmp_path):
        with pytest.raises(ReadError, match="cannot read the file"):
            read(path)


ENCODINGS = [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
    ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff"), ("cp1252", b""),
]


@pytest.mark.parametrize(("encoding", "bom"), ENCODINGS, ids=[f"{e}{'+bom' if b else ''}" for e, b in ENCODINGS])
def test_encodings(encoding, bom):
    text = "KARIM : Ça marche très bien, « à la française ».\r\nSARA : D'accord !\r\n"
    episode = read_bytes(bom + text.encode(encoding), "episode.txt")
    assert [(s.speaker, s.text) for s in episode.segments] == [
        ("KARIM", "Ça marche très bien, « à la française »."), ("SARA", "D'accord !")]


@pytest.mark.parametrize(("text", "suffix", "expected"), [
    ('{"segments": []}', ".txt", "whisper-json"),
    ('{"segments": [', "", "whisper-json"),
    ('[{"start": 0, "end": 1, "text": "a"}]', "", "whisper-json"),
    ('{"id": "a", "sentences": []}', ".json", "episode"),
    ("WEBVTT\n\n00:01.000 --> 00:02.000\nSalut", ".txt", "vtt"),
    ("1\n00:00:01,000 --> 00:00:02,000\nSalut", ".vtt", "srt"),
    ("00:01.000 --> 00:02.000\nSalut", ".vtt", "vtt"),
    ("Titre\nTranscription\n00:00Bonjour\n00:03Suite", ".srt", "webpage"),
    ("[00:00:01] Bonjour\n[00:00:03] Suite", ".srt", "labelled"),
    ("Bonjour.\nSuite.", "", "plain"),
    ("Bonjour.\nSuite.", ".srt", "srt"),  # nothing more specific than prose: the suffix decides
    ("Bonjour.", ".json", "whisper-json"),
    ("Remarque : une seule fois.\nSuite.", "", "plain"),
])
def test_detect_format(text, suffix, expected):
    assert detect_format(text, suffix) == expected


def test_transcript_suffixes():
    assert {".txt", ".srt", ".vtt", ".json", ".md", ".tsv"} <= TRANSCRIPT_SUFFIXES
    assert ".mp3" not in TRANSCRIPT_SUFFIXES


def test_srt_dialogue_dashes_share_the_cue_time():
    # Split in proportion to the characters: 4 of 16 for « Oui. ».
    episode = read_text("1\n00:00:10,000 --> 00:00:20,000\n- Oui.\n- Non, jamais.\n", "d.srt")
    assert summary(episode) == [(10.0, 12.5, None, 2, "Oui."), (12.5, 20.0, None, 2, "Non, jamais.")]


@pytest.mark.parametrize(
    "line, dialogue",
    [("- Oui.", True), ("-Non, jamais.", True), ("- les gens aiment ça.", True),
     ("-les en fin de matinée.", False), ("-ci, si vous avez aimé.", False), ("-toi un an.", False)],
)
def test_a_hyphenated_pronoun_at_a_line_start_is_no_dialogue_dash(line, dialogue):
    """"Publie" / "-les en fin de matinée": a cue broken before "-les" goes on with the same word."""
    assert split_line(line)[0] is dialogue


def test_out_of_order_cues_are_sorted_and_bad_ends_dropped():
    text = "2\n00:00:05,000 --> 00:00:06,000\nB\n\n1\n00:00:01,000 --> 00:00:00,500\nA\n"
    assert summary(read_text(text, "o.srt")) == [(1.0, None, None, 6, "A"), (5.0, 6.0, None, 2, "B")]


def test_vtt_rolling_captions_are_not_repeated():
    text = ("WEBVTT\n\n00:01.000 --> 00:02.000\nbonjour à tous\n\n"
            "00:02.000 --> 00:03.000\nbonjour à tous\net bienvenue\n")
    assert [s.text for s in read_text(text, "y.vtt").segments] == ["bonjour à tous", "et bienvenue"]
