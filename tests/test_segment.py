"""Segmentation: timed sentences, host/guest turns and language, on the real sample and on tables
of small transcripts."""

from __future__ import annotations

import pytest

from pipeline.readers import read, read_text
from pipeline.records import Episode, Segment, SegmentOptions
from pipeline.segment import segment


@pytest.fixture(scope="module")
def sample_episode(sample_path):
    return segment(read(sample_path))


def test_sample_sentences_and_times(sample_episode):
    sentences = sample_episode.sentences
    assert 70 <= len(sentences) <= 95
    assert sentences[0].text.startswith("Bonjour à toutes et à tous")
    assert sentences[0].start == 0.0
    assert sentences[-1].text == "À bientôt."
    assert sentences[-1].start == 579.0
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)
    assert all(s.start <= s.end for s in sentences)


def test_sample_language(sample_episode):
    assert sample_episode.language == "fr"
    assert sample_episode.language_probability > 0.9


def test_sample_turns(sample_episode):
    roles = [t.role for t in sample_episode.turns]
    # welcome and introduction, guest thanks, definition question, answer, ... goodbye
    assert roles[:4] == ["host", "guest", "host", "guest"]
    assert roles[-3:] == ["host", "guest", "host"]
    assert sample_episode.guests == ["Houssameddine Elbarrani"]  # spelt as on the episode page
    definition_question = sample_episode.sentences[sample_episode.turns[2].first_sentence]
    assert "quelle serait ta définition" in definition_question.text
    guest_turns = [t for t in sample_episode.turns if t.role == "guest"]
    assert all(t.speaker == "Houssameddine Elbarrani" for t in guest_turns)
    advice = next(s for s in sample_episode.sentences if "ce que je conseille" in s.text)
    assert advice.role == "guest"
    assert advice.text.endswith("au vrai sens du terme.")  # the line break mid-sentence is rejoined


def test_sentences_rejoin_cues_broken_mid_sentence():
    episode = Episode(
        id="cues",
        segments=[
            Segment("Sur LinkedIn, je vous conseille de publier", 0.0, 2.0),
            Segment("le mardi matin. Ensuite, répondez aux", 2.0, 4.0),
            Segment("commentaires.", 4.0, 5.0),
        ],
    )
    result = segment(episode)
    assert [s.text for s in result.sentences] == [
        "Sur LinkedIn, je vous conseille de publier le mardi matin.",
        "Ensuite, répondez aux commentaires.",
    ]
    assert result.sentences[0].start == 0.0
    assert 2.0 < result.sentences[0].end < 4.0  # interpolated inside the second cue
    assert result.sentences[1].end == 5.0


@pytest.mark.parametrize(
    "labelled, host",
    [
        ("[00:00:01] Nadia: Bonjour et bienvenue ! Aujourd'hui je reçois Théo.\n"
         "[00:00:05] Théo: Merci de l'invitation.\n"
         "[00:00:07] Nadia: Théo, selon toi, par quoi commencer sur Discord ?\n"
         "[00:00:12] Théo: Créez peu de salons au début.\n", "Nadia"),
        ("[00:00:01] Karim: Merci à vous de m'avoir invité.\n"
         "[00:00:04] Salma: Karim, est-ce que tu peux nous expliquer ?\n"
         "[00:00:08] Karim: Oui, bien sûr.\n", "Salma"),
    ],
)
def test_host_is_the_labelled_speaker_who_asks(labelled, host):
    result = segment(read_text(labelled, name="labelled.txt"))
    assert result.hosts == [host]
    assert all((s.role == "host") == (s.speaker == host) for s in result.sentences)


def test_plain_text_keeps_null_times():
    result = segment(read_text("Publiez le soir. Évitez le lundi.\n\nRépondez aux commentaires.", name="plain.txt"))
    assert len(result.sentences) == 3
    assert all(s.start is None and s.end is None for s in result.sentences)


def test_foreign_turn_is_marked():
    text = (
        "[00:00:01] Nadia: Bonjour à toutes et à tous, bienvenue dans notre émission sur le marketing digital.\n"
        "[00:00:06] John: Thank you so much for having me, I am really happy to be here with you today.\n"
        "[00:00:12] Nadia: Alors, selon toi, quel est le meilleur réseau pour commencer quand on lance sa marque ?\n"
        "[00:00:18] Nadia: Je pense que beaucoup de nos auditeurs se posent la question depuis longtemps.\n"
    )
    result = segment(read_text(text, name="mixed.txt"))
    assert result.language == "fr"
    english = [t for t in result.turns if t.speaker == "John"]
    assert english and english[0].foreign and english[0].language == "en"
    assert not any(t.foreign for t in result.turns if t.speaker == "Nadia")


def test_language_detection_is_reproducible():
    text = "Bonjour, oui, ok, merci, super, cool."
    first = segment(read_text(text, name="a.txt"), SegmentOptions(language_seed=3))
    second = segment(read_text(text, name="a.txt"), SegmentOptions(language_seed=3))
    assert (first.language, first.language_probability) == (second.language, second.language_probability)


def test_unknown_spacy_model_is_a_clear_error():
    from pipeline.errors import ModelError

    with pytest.raises(ModelError, match="not installed"):
        segment(read_text("Bonjour.", name="a.txt"), SegmentOptions(spacy_model="fr_core_news_nope"))
