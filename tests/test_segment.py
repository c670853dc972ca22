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


CUES_WITH_A_CAPITAL_INSIDE = [
    # the parser starts a sentence at a capital inside a cue where no sentence ends
    (["SXO, c'est Search Experience Optimization. En français, on pourrait dire l'optimisation de la recherche."],
     ["SXO, c'est Search Experience Optimization.", "En français, on pourrait dire l'optimisation de la recherche."]),
    (["Bienvenue dans Search Café. Mon invité dirige une agence à Lyon."],
     ["Bienvenue dans Search Café.", "Mon invité dirige une agence à Lyon."]),
]


@pytest.mark.parametrize("cues, sentences", CUES_WITH_A_CAPITAL_INSIDE)
def test_no_sentence_starts_inside_a_cue_where_none_ends(cues, sentences):
    episode = Episode(id="cues", segments=[Segment(text, 2.0 * k, 2.0 * k + 2.0) for k, text in enumerate(cues)])
    assert [s.text for s in segment(episode).sentences] == sentences


def test_the_quote_a_question_closes_ends_that_question():
    episode = Episode(id="cues", segments=[Segment("Pierrick demande : « Tu publies à quelle heure ? » Vers huit heures.",
                                                   0.0, 4.0)])
    texts = [s.text for s in segment(episode).sentences]
    assert any(text.endswith("heure ? »") for text in texts)
    assert texts[-1] == "Vers huit heures."


def test_the_outro_after_the_hosts_closing_thanks_is_the_hosts():
    lines = [
        "Bonjour à tous et bienvenue dans Le Quart d'heure numérique.",
        "Aujourd'hui, je reçois Élise, libraire à Rennes.",
        "Élise, est-ce que tu peux nous dire par quoi commencer ?",
        "Commencez par observer ce que les lecteurs publient.",
        "Ensuite, publiez trois vidéos par semaine, le soir.",
        "Les lycéens regardent après les cours.",
        "Et gardez toujours votre visage dans la vidéo.",
        "Une pile de livres toute seule ne retient personne.",
        "Merci Élise.",
        "Le Quart d'heure numérique revient chaque vendredi à 7 heures 30.",
    ]
    episode = Episode(id="outro", segments=[Segment(text, float(i), float(i) + 0.9) for i, text in enumerate(lines)])
    roles = [s.role for s in segment(episode).sentences]
    assert roles[3:8] == ["guest"] * 5
    assert roles[-2:] == ["host", "host"]


def test_a_word_broken_before_its_hyphenated_pronoun_is_glued_back():
    episode = Episode(id="hyphen", segments=[
        Segment("Sur Instagram, faites des carrousels. Publie", 0.0, 3.0),
        Segment("-les en fin de matinée, vers onze heures.", 3.0, 6.0),
    ])
    texts = [s.text for s in segment(episode).sentences]
    assert texts == ["Sur Instagram, faites des carrousels.", "Publie-les en fin de matinée, vers onze heures."]


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


@pytest.mark.parametrize("text, code", [
    ("我们的饺子每天早上现做，你们应该在晚上七点发视频，每周三次，这样顾客会记住你。", "zh"),  # not "zh-cn"
    ("Bonjour à tous, aujourd'hui on parle des réseaux sociaux et de la publicité.", "fr"),
])
def test_the_language_is_named_by_its_iso_code(text, code):
    from pipeline.language import detect_language

    assert detect_language(text)[0] == code


def test_unknown_spacy_model_is_a_clear_error():
    from pipeline.errors import ModelError

    with pytest.raises(ModelError, match="not installed"):
        segment(read_text("Bonjour.", name="a.txt"), SegmentOptions(spacy_model="fr_core_news_nope"))


# Speech-to-text without punctuation: cues stand in for full stops, except where a cue ends on a
# word that needs what follows.
UNPUNCTUATED_CUES = [
    ("bonjour à tous et bienvenue dans ce nouvel épisode du podcast", 0.0, 4.0),
    ("aujourd'hui on reçoit hamza benali qui dirige une agence à casablanca", 4.0, 9.0),
    ("alors hamza c'est quoi le taux d'engagement", 9.0, 12.0),
    ("c'est le nombre de réactions que reçoit ta publication divisé par", 12.0, 16.0),
    ("le nombre de personnes qui l'ont vue et ça dit si les gens réagissent", 16.0, 21.0),
    ("moi je conseille de poster tes reels entre midi et une heure", 21.0, 25.0),
    ("parce que les gens au bureau ils cherchent où manger ils ont leur", 25.0, 29.0),
    ("téléphone à la main c'est là que ça prend", 29.0, 32.0),
]


def test_unpunctuated_transcript_split_at_cues():
    from pipeline.segment import is_unpunctuated

    segments = [Segment(text, start, end) for text, start, end in UNPUNCTUATED_CUES]
    assert is_unpunctuated(segments)
    result = segment(Episode(id="asr", segments=segments))
    texts = [s.text for s in result.sentences]
    assert "alors hamza c'est quoi le taux d'engagement" in texts
    # "divisé par" | "le nombre" and "ils ont leur" | "téléphone" continue in the next cue
    assert any(t.startswith("c'est le nombre de réactions") and t.endswith("si les gens réagissent") for t in texts)
    assert any(t.endswith("ils ont leur téléphone à la main c'est là que ça prend") for t in texts)
    question = next(s for s in result.sentences if "c'est quoi" in s.text)
    assert question.is_question and question.start == 9.0 and question.end == 12.0
    assert result.guests == ["Hamza Benali"]


# raw speech-to-text where the host's questions carry no "tu"/"vous" and the intro names the evening
UNPUNCTUATED_INTERVIEW = [
    ("bonsoir bonsoir à tous et bienvenue dans l'émission", 0.0, 3.0),
    ("mon invitée ce soir c'est aminata koné elle tient une boutique de pagnes", 3.0, 8.0),
    ("merci merci pour l'invitation", 8.0, 10.0),
    ("et où est-ce qu'on les trouve ces clientes", 10.0, 13.0),
    ("elles sont sur facebook publie tes nouveaux pagnes le soir vers vingt heures", 13.0, 18.0),
    ("et à quel rythme", 18.0, 19.5),
    ("deux fois par semaine pas plus", 19.5, 21.5),
    ("et whatsapp", 21.5, 22.5),
    ("un statut chaque matin avec le pagne du jour", 22.5, 25.0),
]


def test_unpunctuated_interview_questions_and_guest():
    result = segment(Episode(id="asr", segments=[Segment(t, a, b) for t, a, b in UNPUNCTUATED_INTERVIEW]))
    by_text = {s.text: s for s in result.sentences}
    assert result.guests == ["Aminata Koné"]  # not "Soir"
    assert by_text["mon invitée ce soir c'est aminata koné elle tient une boutique de pagnes"].role == "host"
    for text in ("et où est-ce qu'on les trouve ces clientes", "et à quel rythme", "et whatsapp"):
        assert by_text[text].is_question, text
    for text in ("deux fois par semaine pas plus", "un statut chaque matin avec le pagne du jour"):
        assert not by_text[text].is_question and by_text[text].role == "guest", text


@pytest.mark.parametrize(
    ("text", "unpunctuated"),
    [
        ("Bonjour à tous. Aujourd'hui, on parle de TikTok et d'Instagram avec notre invitée. " * 6, False),
        ("bonjour à tous aujourd'hui on parle de tiktok et d'instagram avec notre invitée " * 6, True),
        ("Trop court pour juger", False),
    ],
)
def test_is_unpunctuated(text, unpunctuated):
    from pipeline.segment import is_unpunctuated

    assert is_unpunctuated([Segment(text, 0.0, 10.0)]) is unpunctuated


@pytest.mark.parametrize(
    ("text", "is_question"),
    [
        ("et c'est quoi un bon taux aujourd'hui", True),
        ("est-ce que tu postes le dimanche", True),
        ("alors comment on fait monter l'engagement concrètement", True),
        ("ça te dit est-ce que les gens réagissent ou pas", False),  # an indirect question
        ("postez vos reels entre midi et une heure", False),
        ("et pour une petite entreprise à bamako on commence par quoi", True),
        ("et sur quels réseaux tu fais tes campagnes", True),
        ("et le budget combien il faut mettre au début", True),
        ("commencez par la fiche google c'est gratuit", False),
        ("et sur facebook on montre quoi", True),
        ("bon et les élèves eux ils sont où", True),
        ("et toi tu publies à quelle heure", True),
        ("à quel rythme", True),
        ("et les examens la rentrée tout ça c'est quand qu'il faut communiquer", True),
        ("et whatsapp", True),
        ("et les parents alors", True),
        ("et l'heure pour les élèves", True),
        ("et le matin ils dorment encore", False),  # a verb: an answer going on
        ("et là tu publies chaque soir vers vingt heures", False),
        ("regardez combien de personnes ont cliqué et ajustez votre budget", False),
        # the choices offered after the interrogative word
        ("alors les cours de soutien on les vend à qui en fait aux élèves ou aux parents", True),
        ("et tu montres quoi des photos ou des vidéos", True),
        ("je publie quand je peux ou le soir", False),
        ("je sais pas quoi faire ou dire", False),
        ("les gens à qui tu parles ou tes clients", False),
        # a rapid-fire round's prompts, and "which" asked in place
        ("vas-y vas-y le meilleur jour pour publier", True),
        ("la meilleure heure", True),
        ("le meilleur moment c'est le soir", False),
        ("alors pour commencer tu conseilles quel réseau à quelqu'un comme toi", True),
        ("on a eu quelle chance ce jour-là", False),
    ],
)
def test_unpunctuated_questions(text, is_question):
    from pipeline.nlp import load_nlp
    from pipeline.segment import _is_question

    sentence = load_nlp()(text)[:]
    assert _is_question(sentence, unpunctuated=True) is is_question
    assert _is_question(sentence, unpunctuated=False) is False


@pytest.mark.parametrize("labelled", [True, False])
def test_a_short_question_keeps_its_mark(labelled):
    """The parser may cut the spaced French "?" off a short line ("Et le rythme" | "?")."""
    lines = ["Et Threads ?", "Oui.", "Et le rythme ?", "Publiez tous les jours."]
    episode = segment(Episode(id="marks", segments=[
        Segment(text, float(i), i + 0.9, speaker=("Nadia", "Karim")[i % 2] if labelled else None)
        for i, text in enumerate(lines)]))
    assert [(s.text, s.is_question) for s in episode.sentences] == [
        ("Et Threads ?", True), ("Oui.", False), ("Et le rythme ?", True), ("Publiez tous les jours.", False)]
