"""Short dialogues through segment and extract: what depends on the exchange, not on one sentence."""

from __future__ import annotations

import pytest

from pipeline.extract import extract, sentence_spans
from pipeline.extract.glossary import _scored_candidates, find_glossary, term_candidates
from pipeline.extract.term_model import TERM_FEATURE_NAMES
from pipeline.nlp import load_nlp
from pipeline.records import Episode, ExtractOptions, Segment
from pipeline.segment import segment


# these dialogues test the rules: every tip they find, whatever the tip and join models make of it
# (their own tests are in test_extract_model.py; whole episodes in test_extract_episodes.py)
RULES_ONLY = ExtractOptions(min_confidence=0.0, join=False)


def _segmented(lines: list[tuple[str, str]], labelled: bool = True, title: str | None = None) -> Episode:
    """``lines``: (speaker, text) pairs, four seconds each; without labels the speakers are dropped."""
    segments = [Segment(text, 4.0 * i, 4.0 * i + 3.5, speaker=speaker if labelled else None)
                for i, (speaker, text) in enumerate(lines)]
    return segment(Episode(id="dialogue", title=title, segments=segments, language="fr"))


def _episode(lines: list[tuple[str, str]], labelled: bool = True, title: str | None = None) -> Episode:
    return extract(_segmented(lines, labelled, title), RULES_ONLY)


HOST, GUEST = "Nadia", "Karim"
INTRO = [
    (HOST, "Bonjour à toutes et à tous, bienvenue dans notre émission."),
    (HOST, "Aujourd'hui, nous recevons Karim, qui vend des vêtements en ligne."),
    (GUEST, "Merci de l'invitation, Nadia."),
]

# advice that ends an episode, after the exchange a test is about
CLOSING = [
    (HOST, "Et sur quel réseau on commence ?"),
    (GUEST, "Sur Instagram, publiez trois fois par semaine."),
    (HOST, "Merci Karim !"),
]

# schedules, platforms and habits, but no advice: a portrait or a quiz
WITHOUT_ADVICE = INTRO + [
    (HOST, "Et toi, Karim, tu es comment sur les réseaux ?"),
    (GUEST, "Moi, je poste sur Instagram tous les soirs vers vingt et une heures."),
    (GUEST, "Le mardi, je fais un live sur Facebook avec mes clientes."),
    (GUEST, "En 2019, j'ai ouvert une page TikTok, le dimanche matin."),
    (HOST, "Et ça marche ?"),
    (GUEST, "Les commandes arrivent surtout le lundi, pendant la pause de midi."),
    (GUEST, "Et mon conseil du soir : ne jouez jamais aux cartes contre ma mère."),
    (HOST, "Merci Karim !"),
]

# the same, with two pieces of advice
WITH_ADVICE = WITHOUT_ADVICE[:-1] + [
    (HOST, "Qu'est-ce que tu conseilles à quelqu'un qui commence ?"),
    (GUEST, "Publiez vos Reels le jeudi soir, vers dix-neuf heures."),
    (GUEST, "Et répondez à chaque message dans la journée."),
    (HOST, "Merci Karim !"),
]


@pytest.mark.parametrize("labelled", [True, False])
def test_an_episode_without_advice_gives_no_tips(labelled):
    assert _episode(WITHOUT_ADVICE, labelled).tips == []


@pytest.mark.parametrize("labelled", [True, False])
def test_an_episode_with_advice_gives_its_tips(labelled):
    tips = _episode(WITH_ADVICE, labelled).tips
    assert any(tip.timing.days == ["thursday"] and tip.networks == ["Instagram"] for tip in tips)


# a coach, who hosts the show, goes through a shop owner's account: the advice is the host's
COACHING = [
    (HOST, "Bonjour à toutes et à tous, bienvenue dans Vitrine en ligne."),
    (HOST, "Aujourd'hui, je suis chez Karim, qui vend des vêtements."),
    (GUEST, "Bonjour Nadia, je vous préviens, mon compte, c'est le bazar."),
    (HOST, "Allez, on ouvre ton Instagram."),
    (HOST, "Ta bio, personne ne comprend ce que tu vends : écris « friperie à Rabat » en premier."),
    (GUEST, "Et les photos du fournisseur ?"),
    (HOST, "Enlève-les, prends tes propres photos, à la lumière du jour."),
    (GUEST, "Je poste tous les soirs, c'est bien ?"),
    (HOST, "Non, tu vas t'épuiser : publie deux Reels par semaine, le mardi et le vendredi."),
    (HOST, "Et réponds aux commentaires dans la journée."),
    (GUEST, "Merci Nadia, j'ai tout noté."),
]


@pytest.mark.parametrize("labelled", [True, False])
def test_a_host_who_advises_gives_the_tips(labelled):
    tips = _episode(COACHING, labelled).tips
    assert any(tip.timing.days == ["tuesday", "friday"] for tip in tips)
    assert all(tip.speaker != GUEST for tip in tips)


# a guest who advises in images, a host who restates each piece plainly: the restatements are
# not the host's own advice, and the roles stay as they are
RESTATED = INTRO + [
    (HOST, "Faut-il publier tous les jours ?"),
    (GUEST, "Une lanterne, on l'allume régulièrement, c'est tout."),
    (GUEST, "Ta page Facebook, c'est pareil : une fois par semaine, mais toutes les semaines."),
    (HOST, "Donc, si je traduis : pas besoin de publier tous les jours, mais une fois par semaine."),
    (GUEST, "Est-ce que tu accrocherais ta plus belle lanterne au fond de l'atelier ?"),
    (GUEST, "Le client voit la première photo du carrousel Instagram, et il passe."),
    (HOST, "Autrement dit : mettez la meilleure photo en premier dans le carrousel Instagram."),
    (GUEST, "Montre la lanterne allumée sur Instagram, avec des gens dessous, un dîner, une terrasse."),
    (HOST, "En clair : montrez une scène de vie, jamais le produit seul."),
    (GUEST, "Et surtout, publiez vos Reels le jeudi soir."),
    (HOST, "Si je comprends bien : évitez le produit seul sur fond blanc."),
    (HOST, "En résumé : publiez une fois par semaine, montrez la lanterne allumée, et soignez la première photo."),
    (HOST, "Merci Karim !"),
]


def test_a_host_who_restates_the_advice_is_not_the_advisor():
    tips = _episode(RESTATED).tips
    assert any("lanterne allumée" in tip.quote and tip.speaker == GUEST for tip in tips)


# two presenters of a webinar: the host advises as well as the guest
WEBINAR = [
    (HOST, "Bonjour à toutes et à tous, bienvenue dans ce webinaire sur les commerces de quartier."),
    (GUEST, "Bonjour, je suis Karim, je présente avec Nadia."),
    (HOST, "Et sur Instagram, mon conseil à moi : montrez les gens, pas les produits."),
    (HOST, "Publiez deux Reels par semaine, le mardi et le vendredi."),
    (HOST, "Et répondez à chaque commentaire dans la journée."),
    (GUEST, "Sur Google, demandez les avis au comptoir, quand le client est content."),
    (GUEST, "Et mettez vos horaires à jour sur votre fiche Google."),
    (HOST, "Une question du chat : et Facebook ?"),
    (GUEST, "Un post par mois dans les groupes du quartier, pas plus."),
    (HOST, "Merci à tous, à la semaine prochaine !"),
]


@pytest.mark.parametrize("labelled", [True, False])
def test_a_host_who_advises_as_well_gives_tips_too(labelled):
    tips = _episode(WEBINAR, labelled).tips
    assert any(tip.speaker in (HOST, None) and tip.timing.days == ["tuesday", "friday"] for tip in tips)
    assert any("Google" in tip.networks for tip in tips)


# an advertisement read by a creator alone, between two pieces of advice
ADVERTISEMENT = [
    (GUEST, "Salut tout le monde, aujourd'hui je vous parle de vos Reels."),
    (GUEST, "Publiez vos Reels le jeudi soir, vers vingt heures."),
    (GUEST, "On fait une petite pause."),
    (GUEST, "Cette vidéo vous est proposée par Loca'Kaz, la location de voitures de Saint-Paul."),
    (GUEST, "Réservez sur l'appli avant jeudi avec le code KABAR, et partagez l'offre à vos amis sur WhatsApp."),
    (GUEST, "Loca'Kaz, on vous attend à l'aéroport, tous les jours de sept heures à vingt heures."),
    (GUEST, "Et on est de retour."),
    (GUEST, "Sur TikTok, publiez une vidéo par jour, le soir."),
    (GUEST, "Allez, à la semaine prochaine !"),
]


def test_an_advertisement_read_in_the_episode_gives_no_tip():
    tips = _episode(ADVERTISEMENT).tips
    assert not any("Réservez" in tip.quote or "Loca'Kaz" in tip.quote for tip in tips)
    assert any(tip.networks == ["TikTok"] for tip in tips)


@pytest.mark.parametrize("opening", [
    "Mais d'abord, le sponsor de la vidéo : Loca'Kaz, la location de voitures de Saint-Paul.",
    "Un mot de notre sponsor : Loca'Kaz, la location de voitures de Saint-Paul.",
    "Le partenaire du jour, c'est Loca'Kaz, la location de voitures de Saint-Paul.",
])
def test_an_advertisement_announced_by_its_sponsor_gives_no_tip(opening):
    lines = ADVERTISEMENT[:2] + [(GUEST, opening)] + ADVERTISEMENT[4:]
    tips = _episode(lines).tips
    assert not any("Réservez" in tip.quote or "Loca'Kaz" in tip.quote for tip in tips)
    assert any(tip.networks == ["TikTok"] for tip in tips)


@pytest.mark.parametrize("labelled", [True, False])
def test_advice_right_after_the_advertisement_is_a_tip(labelled):
    """"Nous revoilà." ends the advertisement, however short the return."""
    lines = [(HOST, "Bonsoir, bienvenue dans Boutique ouverte."),
             (GUEST, "Sur Instagram, postez vos nouveautés le mardi soir."),
             (HOST, "Une petite pause."),
             (HOST, "Boutique ouverte vous est offert par Garage Mbaye, ouvert du lundi au samedi."),
             (HOST, "Nous revoilà."),
             (GUEST, "Ne faites jamais de concours « likez et partagez » sur Facebook."),
             (GUEST, "Vous gagnez des chasseurs de cadeaux, pas des clients."),
             (HOST, "Merci !")]
    assert any("concours" in tip.quote and tip.polarity == "avoid" for tip in _episode(lines, labelled).tips)


# advice, days and hours, but about cooking: a recipe show whose cook films for Facebook
COOKING = [
    (HOST, "Bonjour à toutes et à tous, bienvenue dans La Marmite du samedi."),
    (HOST, "Aujourd'hui, nous recevons Mama Zaïna, qui cuisine depuis quarante ans."),
    (GUEST, "Merci de l'invitation, mon fils."),
    (HOST, "Alors, le poisson, on l'achète quand ?"),
    (GUEST, "Achetez-le le matin au marché, avant neuf heures, quand les pêcheurs arrivent."),
    (GUEST, "Pilez les feuilles au moins vingt minutes, et laissez cuire une heure à feu doux."),
    (GUEST, "Ensuite, ajoutez le lait de coco et laissez mijoter vingt minutes, pas plus."),
    (HOST, "Et pour la viande ?"),
    (GUEST, "Commencez la veille : faites mariner la viande toute la nuit avec les épices."),
    (GUEST, "Servez-le chaud, avec du riz, et ne le réchauffez jamais deux fois."),
    (GUEST, "Ma fille filme mes recettes pour Facebook, le dimanche, mais moi je ne comprends rien à tout ça."),
    (HOST, "Merci Mama Zaïna ! À samedi prochain, à midi."),
]


@pytest.mark.parametrize("labelled", [True, False])
def test_a_recipe_show_gives_no_tips_about_publishing(labelled):
    assert _episode(COOKING, labelled).tips == []


# a potter's advice on her trade, then a section about publishing, then the trade again
POTTERY = [
    (HOST, "Bonjour à toutes et à tous, bienvenue dans Mains de terre."),
    (HOST, "Aujourd'hui, Awa, potière à Kaédi, nous ouvre son atelier."),
    (GUEST, "Merci, c'est un plaisir."),
    (HOST, "Alors, l'argile, on la prend où ?"),
    (GUEST, "Prenez-la au bord du fleuve, après la décrue, quand elle est encore humide."),
    (GUEST, "Laissez-la reposer une semaine à l'ombre, sous une bâche."),
    (HOST, "Et la cuisson ?"),
    (GUEST, "Faites sécher les pots trois jours avant de les cuire, sinon ils éclatent."),
    (GUEST, "Ne cuisez jamais quand il y a du vent."),
    (HOST, "Et les décors ?"),
    (GUEST, "Gravez-les avec une épine d'acacia avant que la terre durcisse."),
    (HOST, "Et le bois du four ?"),
    (GUEST, "Ramassez les bouses séchées en saison sèche, elles chauffent mieux que le bois."),
    (HOST, "Et pour vendre, vous êtes sur les réseaux ?"),
    (GUEST, "Sur Instagram, montrez vos mains dans la terre, c'est ça qui attire."),
    (GUEST, "Publiez une vidéo de chaque cuisson, du feu jusqu'au pot refroidi."),
    (HOST, "Et TikTok ?"),
    (GUEST, "Sur TikTok, filmez le tour en accéléré : trente secondes suffisent."),
    (HOST, "Et les prix ?"),
    (GUEST, "N'écrivez jamais le prix dans les commentaires de vos publications, répondez en message privé."),
    (HOST, "Et le statut WhatsApp ?"),
    (GUEST, "Postez vos nouveaux pots en statut WhatsApp le vendredi soir, vos clientes le regardent après le repas."),
    (HOST, "Un dernier conseil pour l'entretien des canaris ?"),
    (GUEST, "Remplissez-les la veille, et changez l'eau tous les jours."),
    (GUEST, "Frottez-les avec du gros sel une fois par mois."),
    (HOST, "Merci Awa !"),
]


@pytest.mark.parametrize("labelled", [True, False])
def test_an_episode_about_a_trade_keeps_its_section_about_publishing(labelled):
    """Mostly advice on the trade, as in the recipe show, but four tips in a row about publishing."""
    quotes = [tip.quote for tip in _episode(POTTERY, labelled).tips]
    for said in ("montrez vos mains", "filmez le tour", "N'écrivez jamais le prix", "statut WhatsApp"):
        assert any(said in quote for quote in quotes), said
    for trade in ("au bord du fleuve", "Ne cuisez jamais", "épine d'acacia", "changez l'eau"):
        assert not any(trade in quote for quote in quotes), trade


# a network named only in the question, then an answer that never names it again
THREAD = INTRO + [
    (HOST, "Et Threads, l'application de Meta ?"),
    (GUEST, "Le nom prête à confusion, d'ailleurs."),
    (GUEST, "Là-bas, le public est plus jeune, plus détendu."),
    (GUEST, "Et il y a très peu de comptes qui parlent de mode."),
    (GUEST, "Donc la place est libre, c'est le moment d'y aller."),
    (GUEST, "Il faut juste un peu de patience au début."),
    (GUEST, "Mais ne recopiez pas vos anciens textes tels quels, raccourcissez-les."),
    (HOST, "Et le rythme ?"),
    (GUEST, "Publiez un petit fil par jour, même de trois messages."),
    (HOST, "Merci Karim !"),
]


@pytest.mark.parametrize("labelled", [True, False])
def test_the_question_gives_the_network_of_its_answer(labelled):
    tips = _episode(THREAD, labelled).tips
    shorten = next(tip for tip in tips if "raccourcissez" in tip.quote)  # six sentences after the question
    assert shorten.networks == ["Threads"]
    daily = next(tip for tip in tips if tip.timing.frequency == "daily")
    assert daily.networks == ["Threads"]  # carried on by the short follow-up question


# a follow-up about a number or a rhythm goes on with the network the answer before it was about;
# one on another subject does not
FOLLOW_UPS = INTRO + [
    (HOST, "Et on le fait surtout sur Instagram, non ?"),
    (GUEST, "Oui, c'est là qu'il est né."),
    (GUEST, "Et sur Instagram, tout se joue sur la première image."),
    (GUEST, "Elle pose une question, ou elle fait une promesse."),
    (HOST, "Et combien d'images, à l'intérieur ?"),
    (GUEST, "Entre cinq et huit, pas plus."),
    (HOST, "Et la dernière ?"),
    (GUEST, "Terminez toujours par une image qui dit quoi faire."),
    (HOST, "Et les influenceurs ?"),
    (GUEST, "Je conseille plutôt dix petites influenceuses qu'une grosse."),
    (HOST, "Merci Karim !"),
]


def test_a_follow_up_about_a_number_keeps_the_network():
    tips = _episode(FOLLOW_UPS).tips
    images = next(tip for tip in tips if tip.quote.startswith("Entre cinq et huit"))
    assert images.networks == ["Instagram"]
    influencers = next(tip for tip in tips if "influenceuses" in tip.quote)
    assert influencers.networks == []


# a second rate advised in the same answer is a second tip
TWO_RATES = INTRO + [
    (HOST, "Et TikTok, avec quel rythme ?"),
    (GUEST, "L'été, publiez quatre vidéos par semaine, parce que les touristes sont là."),
    (GUEST, "L'hiver, passez à une vidéo par semaine, ça suffit."),
    (HOST, "Merci Karim !"),
]


def test_a_second_rate_advised_is_a_second_tip():
    rates = [tip.timing.frequency for tip in _episode(TWO_RATES).tips]
    assert rates == ["several_per_week", "weekly"]


# advice about something else, said to be so, before or after it
SOMETHING_ELSE = INTRO + [
    (HOST, "Et sur Instagram ?"),
    (GUEST, "Publiez vos Reels le jeudi soir, vers vingt heures."),
    (HOST, "Et pour conserver le rhum ?"),
    (GUEST, "Laissez macérer au moins trois mois, à l'ombre, et goûtez une fois par mois."),
    (GUEST, "Mais ça, c'est pour le rhum, pas pour Instagram !"),
    (GUEST, "Et ça, c'est pour la boutique, pas pour les réseaux : rentrez les bouteilles à l'ombre avant midi."),
    (HOST, "Merci Karim !"),
]


# the aside announced before its advice
ASIDE_AHEAD = INTRO + [
    (HOST, "Et sur Instagram ?"),
    (GUEST, "Publiez vos Reels le jeudi soir, vers vingt heures."),
    (GUEST, "Et un conseil qui n'a rien à voir avec les réseaux :"),
    (GUEST, "tenez vos comptes chaque vendredi soir, avec les factures du mois."),
    (GUEST, "Pis une chose hors sujet : faites réviser la camionnette avant l'hiver, en octobre."),
    (HOST, "Merci Karim !"),
]


# the aside asked for
ASIDE_ASKED = INTRO + [
    (HOST, "Et sur Instagram ?"),
    (GUEST, "Publiez vos Reels le jeudi soir, vers vingt heures."),
    (HOST, "Un conseil de boucher, pour finir, hors réseaux ?"),
    (GUEST, "La viande de l'Aïd, laissez-la reposer une nuit au frais avant de la découper, jamais chaude."),
    (GUEST, "Et une fois par an, faites affûter vos couteaux chez un vrai rémouleur."),
    (HOST, "Merci Karim !"),
]


# the aside announced as the advice of a trade, said without a word of the digital world
TRADE_ASIDE = INTRO + [
    (HOST, "Et sur Instagram ?"),
    (GUEST, "Publiez vos Reels le jeudi soir, vers vingt heures."),
    (GUEST, "Et un petit conseil de vieux plombier, pendant qu'on y est : coupez toujours l'eau au compteur avant de toucher à un robinet."),
    (HOST, "Merci Karim !"),
]


# the aside announced as advice for the listener's own thing
OWN_THING_ASIDE = INTRO + [
    (HOST, "Et sur Instagram ?"),
    (GUEST, "Publiez vos Reels le jeudi soir, vers vingt heures."),
    (GUEST, "Un conseil pour votre voiture, tant qu'on y est : faites vérifier les pneus avant de partir en vacances."),
    (HOST, "Merci Karim !"),
]


@pytest.mark.parametrize("lines, set_aside", [
    (SOMETHING_ELSE, ("macérer", "bouteilles")),
    (ASIDE_AHEAD, ("factures", "camionnette")),
    (ASIDE_ASKED, ("viande", "affûter")),
    (TRADE_ASIDE, ("robinet",)),
    (OWN_THING_ASIDE, ("pneus",)),
], ids=["said after", "announced before", "asked for", "a trade's", "for the listener's own thing"])
def test_advice_said_to_be_about_something_else_is_no_tip(lines, set_aside):
    _assert_only_publishing_advice(lines, set_aside)


def _assert_only_publishing_advice(lines, set_aside, kept=("Reels",)):
    quotes = [tip.quote for tip in _episode(lines).tips]
    for word in kept:
        assert any(word in quote for quote in quotes), word
    assert not any(word in quote for quote in quotes for word in set_aside)


# advice to people who use the networks, not to people who publish on them
USING_THE_NETWORKS = INTRO + [
    (HOST, "Karim, on parle sécurité. Par quoi on commence ?"),
    (GUEST, "Activez la double authentification sur WhatsApp et sur Facebook, dès ce soir."),
    (GUEST, "Changez vos mots de passe tous les trois mois, un différent par compte."),
    (HOST, "Et les messages qui promettent un cadeau ?"),
    (GUEST, "Ne cliquez jamais sur ces liens : c'est une arnaque, même si le message vient de votre frère."),
    (GUEST, "Et personne ne vous demande le code reçu par SMS. Jamais."),
    (HOST, "Et pour les parents ?"),
    (GUEST, "Mettez le contrôle parental sur le téléphone de vos enfants, et pas d'écran après 21 heures."),
    (GUEST, "Le soir, gardez le téléphone hors de la chambre de vos ados."),
    (HOST, "Merci Karim !"),
]


def test_advice_about_using_the_networks_is_no_tip():
    assert _episode(USING_THE_NETWORKS).tips == []
    mixed = _episode(USING_THE_NETWORKS[:-1] + [
        (HOST, "Et pour publier, côté boutique ?"),
        (GUEST, "Publiez vos nouveautés sur Instagram le jeudi soir, vers vingt heures, pour vos clientes."),
        (GUEST, "Montrez le prix dans chaque publication, vos clientes vendent mieux ce qu'elles voient."),
        (GUEST, "Répondez aux commentaires de vos abonnés le jour même."),
        (GUEST, "Et postez une vidéo de la vitrine chaque samedi matin."),
        (GUEST, "Partagez les avis de vos clients en story, une fois par semaine."),
        (GUEST, "Lancez une promo sur le catalogue WhatsApp pour la rentrée."),
        (HOST, "Merci Karim !"),
    ])
    quotes = [tip.quote for tip in mixed.tips]
    assert any("Instagram" in quote for quote in quotes)
    assert not any("authentification" in quote or "contrôle parental" in quote for quote in quotes)


# a buyers' phone-in: "le vendeur", "la boutique" are someone else's, the advice is the buyer's
BUYING_ONLINE = INTRO + [
    (HOST, "Premier appel : Mireille, qui a payé une robe vue sur Facebook et n'a rien reçu."),
    (GUEST, "Mireille, ce soir même, faites des captures d'écran de la conversation avec le vendeur."),
    (GUEST, "Ne virez jamais d'acompte à un vendeur que vous n'avez jamais vu."),
    (GUEST, "Un vendeur honnête accepte que vous payiez le colis à la livraison."),
    (HOST, "Deuxième appel : Paul attend un colis depuis trois semaines."),
    (GUEST, "Demandez le numéro de suivi au transporteur, et regardez-le une fois par jour, le matin."),
    (GUEST, "Si la boutique refuse le remboursement, écrivez au vendeur une dernière fois, avec une date."),
    (GUEST, "Et lisez toujours les conditions de retour avant de commander."),
    (HOST, "Merci Karim !"),
]


def test_advice_to_buyers_is_no_tip():
    assert _episode(BUYING_ONLINE).tips == []


# a consumer show: the buyers' advice is theirs, the seller who calls in gets a publisher's
BUYERS_AND_A_SELLER = INTRO + [
    (HOST, "Ce soir, les achats en ligne. Premier appel : Joël, qui a payé un frigo jamais reçu."),
    (GUEST, "Joël, avant de payer, regardez depuis combien de temps la page existe."),
    (GUEST, "Et exigez une vidéo de l'objet, avec votre prénom écrit sur un papier à côté."),
    (GUEST, "Cherchez aussi ses photos sur Google Images : si elles sont partout, fuyez."),
    (GUEST, "Et si vous vous êtes fait avoir, signalez la page le jour même."),
    (HOST, "Deuxième appel : Binta a commandé des chaussures en ligne, trop petites."),
    (GUEST, "Binta, lisez toujours la politique de retour avant de commander."),
    (GUEST, "Un vrai vendeur vous laisse essayer et payer à la livraison."),
    (HOST, "Troisième appel, l'inverse : Nadège vend des pagnes, et ses clientes ont peur des arnaques."),
    (GUEST, "Nadège, mettez sur votre page votre nom et l'adresse de votre stand."),
    (GUEST, "Faites un live depuis votre stand le samedi matin, quand il y a du monde."),
    (GUEST, "Et répondez à chaque commentaire sous vos publications, même aux plus méchants."),
    (HOST, "Merci Karim !"),
]


def test_a_seller_who_calls_a_buyers_show_gets_tips():
    quotes = [tip.quote for tip in _episode(BUYERS_AND_A_SELLER).tips]
    assert sum(1 for quote in quotes if "votre stand" in quote or "vos publications" in quote) >= 2
    assert not any(word in quote for quote in quotes
                   for word in ("payer", "prénom", "Google Images", "signalez", "politique de retour"))


# the care of a product, said without a word of the digital world
PRODUCT_CARE = INTRO + [
    (HOST, "Et sur Instagram ?"),
    (GUEST, "Publiez vos Reels le jeudi soir, vers vingt heures."),
    (HOST, "Une dernière chose pour nos auditeurs ?"),
    (GUEST, "Après ouverture, gardez la moutarde au frais, et finissez-la dans les trois mois."),
    (HOST, "Et pour les tisserands qui nous écoutent ?"),
    (GUEST, "Trempez toujours le fil de coton une nuit avant de le monter, sinon il casse."),
    (HOST, "Et les pastèques, on les garde comment ?"),
    (GUEST, "Jamais au soleil, sur la paille, et pas plus de dix jours."),
    (HOST, "Merci Karim !"),
]


def test_the_care_of_a_product_is_no_tip():
    _assert_only_publishing_advice(PRODUCT_CARE, ("moutarde", "coton", "paille"))


# rules for running the shop among rules for publishing (staff, tax, prices cut), and content that shows the staff
RUNNING_THE_SHOP = INTRO + [
    (GUEST, "Règle numéro un : publiez vos Reels le jeudi soir, vers vingt heures."),
    (GUEST, "Règle numéro deux : n'embauchez jamais un ami, vous perdriez l'ami et l'employé."),
    (GUEST, "Règle numéro trois : chaque mois, mettez la TVA de côté, le jour même où vous êtes payé."),
    (GUEST, "Règle numéro quatre : ne bradez jamais, pas de soldes à moitié prix en janvier."),
    (GUEST, "Règle numéro cinq : montrez vos apprentis au travail, en story, une fois par semaine."),
    (HOST, "Merci Karim !"),
]


def test_advice_on_running_the_shop_is_no_tip():
    _assert_only_publishing_advice(RUNNING_THE_SHOP, ("embauchez", "TVA", "bradez"), kept=("Reels", "apprentis"))


# a class: the course's own work (reading, homework, exams) is no advice, even about Instagram; what the teacher
# advises the brand studied is; an episode that names one or two of those words is no class
TEACHER, STUDENT = "Mme Haddad", "Yanis"
CLASS = [
    (TEACHER, "Bonjour à tous, on reprend le cours là où on l'avait laissé la séance dernière."),
    (TEACHER, "Pour la boutique de votre étude de cas, publiez les Reels le jeudi soir, vers vingt heures."),
    (STUDENT, "Et le samedi, madame ?"),
    (TEACHER, "Non, le samedi, leurs clientes sont au marché."),
    (TEACHER, "Pour la semaine prochaine, lisez le chapitre trois du polycopié."),
    (TEACHER, "Ensuite, relevez les publications Instagram d'une marque de la région pendant sept jours."),
    (TEACHER, "Travaillez en binôme si vous voulez, et notez chaque fois le jour et l'heure."),
    (TEACHER, "L'examen, c'est le mardi 20 janvier, de quatorze à dix-sept heures."),
    (STUDENT, "Merci madame !"),
]
# a student's life, not a class: "les révisions" and "les examens" said once
STUDENT_LIFE = INTRO + [
    (GUEST, "Pendant les examens, publiez moins, mais publiez quand même."),
    (GUEST, "Postez vos Reels de révisions le dimanche soir, vers vingt heures."),
    (HOST, "Merci Karim !"),
]


def test_the_work_of_a_class_is_no_tip():
    _assert_only_publishing_advice(CLASS, ("polycopié", "relevez", "binôme", "examen"))


def test_the_words_of_school_do_not_make_an_episode_a_class():
    quotes = [tip.quote for tip in _episode(STUDENT_LIFE).tips]
    assert any("Reels de révisions" in quote for quote in quotes)
    assert any("Pendant les examens" in quote for quote in quotes)


# a private message is no privacy setting: advice on a channel that says "en privé" is still about publishing
PRIVATE_REPLIES = INTRO + [
    (HOST, "Et sur WhatsApp, un groupe ou une chaîne ?"),
    (GUEST, "Ouvrez une chaîne : vous parlez, ils lisent, et chacun vous écrit en privé s'il veut."),
    (HOST, "Et le rythme ?"),
    (GUEST, "Publiez-y deux messages par semaine, le mardi et le vendredi, vers vingt heures."),
    (HOST, "Merci Karim !"),
]


def test_advice_that_says_en_prive_is_still_a_tip():
    quotes = [tip.quote for tip in _episode(PRIVATE_REPLIES).tips]
    assert any("Ouvrez une chaîne" in quote for quote in quotes)


# quick questions, answered in a word or two that say how many or when
QUICK_ANSWERS = INTRO + [
    (HOST, "Et sur Instagram ?"),
    (GUEST, "Publiez vos Reels le jeudi soir, vers vingt heures."),
    (GUEST, "Et répondez à chaque commentaire le jour même."),
    (HOST, "On passe aux questions rapides. Le réseau ?"),
    (GUEST, "WhatsApp."),
    (HOST, "Combien de photos par statut ?"),
    (GUEST, "Deux, max."),
    (HOST, "Et vous, en quelle année vous avez commencé ?"),
    (GUEST, "En 2019."),
    (HOST, "Merci Karim !"),
]


def test_a_quick_answer_that_says_how_many_is_a_tip():
    quotes = [tip.quote for tip in _episode(QUICK_ANSWERS).tips]
    assert any(quote.startswith("Deux, max.") for quote in quotes)
    assert not any("2019" in quote for quote in quotes)


# a claim put to the test ("vrai ou faux"): the claim is no advice, the answer after the verdict is
TRUE_OR_FALSE = INTRO + [
    (HOST, "Je lis une phrase, tu réponds vrai ou faux."),
    (HOST, "Il faut poster tous les jours sur Instagram."),
    (GUEST, "Faux."),
    (GUEST, "Trois fois par semaine, c'est bien assez."),
    (HOST, "Il faut acheter des abonnés pour démarrer."),
    (GUEST, "Faux."),
    (GUEST, "Des faux abonnés, ça ne commande rien."),
    (HOST, "Instagram a été créé en deux mille dix."),
    (GUEST, "Vrai, je crois."),
    (HOST, "LinkedIn, ça ne sert à rien pour un toiletteur."),
    (GUEST, "Vrai."),
    (GUEST, "Gardez votre temps pour Instagram."),
    (HOST, "Merci Karim !"),
]


@pytest.mark.parametrize("labelled", [True, False])
def test_the_answer_to_a_claim_is_the_tip(labelled):
    tips = _episode(TRUE_OR_FALSE, labelled).tips
    quotes = [tip.quote for tip in tips]
    assert not any(quote.startswith("Il faut") for quote in quotes)  # the claims
    assert not any("deux mille dix" in quote or "je crois" in quote for quote in quotes)  # a fact of the past
    rhythm = next(tip for tip in tips if "Trois fois par semaine" in tip.quote)
    assert (rhythm.timing.frequency, rhythm.polarity) == ("several_per_week", "do")
    assert next(tip for tip in tips if "faux abonnés" in tip.quote).polarity == "avoid"
    assert any("Gardez votre temps" in quote for quote in quotes)


# a yes or a no to whether to go on a network at all is advice for or against it
WHETHER_TO_GO = INTRO + [
    (HOST, "Et Snapchat, il faut y aller aussi ?"),
    (GUEST, "Non, pas pour vous."),
    (GUEST, "Vos clients ne sont pas sur Snapchat."),
    (HOST, "Alors on fait quoi ?"),
    (GUEST, "Restez sur Instagram, et soignez chaque photo."),
] + CLOSING


def test_a_no_to_going_on_a_network_advises_against_it():
    [tip] = [tip for tip in _episode(WHETHER_TO_GO).tips if tip.quote.startswith("Non, pas pour vous.")]
    assert (tip.networks, tip.polarity) == (["Snapchat"], "avoid")


def test_the_one_who_welcomes_and_asks_is_the_host():
    """The guest greets the listeners too ("Bonjour à tous."): the speaker who welcomes them ("vous
    écoutez …") and asks the questions is the host."""
    lines = [
        ("Brice", "Bonjour, vous écoutez Data au village. Aujourd'hui, Carine Mvogo, d'une coopérative de cacao."),
        ("Brice", "Carine, on dit quoi ?"),
        ("Carine", "On est là, Brice. Bonjour à tous."),
        ("Brice", "Tu m'as dit que vous avez construit un entrepôt de données."),
        ("Carine", "Pas un entrepôt, non. Un lac de données, pour les pesées des planteurs."),
    ]
    roles = {s.speaker: s.role for s in _episode(lines).sentences}
    assert roles == {"Brice": "host", "Carine": "guest"}


# a sentence that turns to another network ends the tip on the one before
TWO_NETWORKS_IN_TURN = INTRO + [
    (HOST, "Sur Facebook, on publie à quelle heure ?"),
    (GUEST, "Sur Facebook, publiez le soir, vers dix-neuf heures, quand les familles sont rentrées."),
    (GUEST, "Pour TikTok, ce n'est pas pareil."),
    (GUEST, "Là-bas, publiez plus tard, vers vingt-deux heures, les jeunes sont encore debout."),
    (HOST, "Merci Karim !"),
]


def test_a_turn_to_another_network_is_a_tip_of_its_own():
    tips = _episode(TWO_NETWORKS_IN_TURN).tips
    assert [tip.timing.hours for tip in tips] == [["19:00"], ["22:00"]]
    assert tips[0].networks == ["Facebook"] and "TikTok" in tips[1].networks


# advice about e-mail is not about the network discussed just before
NEWSLETTER = INTRO + [
    (HOST, "Et sur TikTok ?"),
    (GUEST, "Sur TikTok, publiez une vidéo par jour, le soir."),
    (GUEST, "Et envoyez aussi une lettre par e-mail une fois par mois, avec les nouveautés."),
    (HOST, "Merci Karim !"),
]


def test_advice_about_e_mail_carries_no_network():
    tips = _episode(NEWSLETTER).tips
    assert [tip.networks for tip in tips] == [["TikTok"], []]


# the answer to a question about a method is advice, however short ("Combien de hashtags ?")
HASHTAGS = INTRO + [
    (HOST, "On passe aux questions rapides. Un premier conseil ?"),
    (GUEST, "Publiez vos Reels le soir, vers vingt heures."),
    (HOST, "Un réseau à oublier ?"),
    (GUEST, "X. Pour nous, ça ne sert à rien."),
    (HOST, "Combien de hashtags ?"),
    (GUEST, "Cinq."),
    (GUEST, "Deux en créole, trois en anglais."),
    (HOST, "Merci Karim !"),
]


def test_the_answer_to_a_question_about_a_method_is_a_tip():
    tips = _episode(HASHTAGS).tips
    assert any("créole" in tip.quote for tip in tips)


# rapid-fire answers without verbs, in a source without speaker labels
RAPID_FIRE = INTRO + [
    (HOST, "Premier café : un seul réseau ?"),
    (GUEST, "Instagram, clairement. Publiez des Reels avant-après."),
    (HOST, "On publie quand ?"),
    (GUEST, "Le mardi et le jeudi."),
    (GUEST, "Vers dix-neuf heures, après le repas."),
    (GUEST, "Jamais le samedi."),
    (GUEST, "Le samedi, les gens chinent, ils sont dehors."),
    (HOST, "Et le matin ?"),
    (GUEST, "Les stories, oui."),
    (GUEST, "Tous les matins, avant d'ouvrir l'atelier."),
    (HOST, "Merci Margaux !"),
]


def test_rapid_fire_answers_without_labels():
    tips = _episode(RAPID_FIRE, labelled=False).tips
    slots = [(tip.polarity, tip.timing.days, tip.timing.times_of_day, tip.timing.frequency) for tip in tips]
    assert ("do", ["tuesday", "thursday"], ["evening"], None) in slots
    assert ("avoid", [], [], None) in slots  # the ban is a tip of its own, its day not advised
    assert ("do", [], ["morning"], "daily") in slots  # the answer two sentences after "Et le matin ?"


# speech-to-text without punctuation: the questions are known by their form only
RAW_CONTENT_QUESTION = [
    (HOST, "bonsoir à tous et bienvenue dans l'émission mon invitée ce soir c'est awa diallo elle dirige une école de soutien"),
    (GUEST, "merci bonsoir à tous"),
    (HOST, "alors les cours on les vend à qui en fait aux élèves ou aux parents"),
    (GUEST, "aux parents ce sont eux qui paient donc commence par facebook ils sont tous dessus"),
    (HOST, "et sur facebook on montre quoi"),
    (GUEST, "les résultats les admis au bac avec la photo"),
    (GUEST, "et toujours avec l'accord des parents n'oublie jamais ça"),
    (HOST, "merci beaucoup"),
]


def test_a_question_without_its_mark_is_still_asked():
    tips = _episode(RAW_CONTENT_QUESTION, labelled=False).tips
    # the guest's first answer is no longer taken for the end of the introduction
    assert any(tip.quote.startswith("aux parents") and tip.networks == ["Facebook"] for tip in tips)
    results = next(tip for tip in tips if "résultats" in tip.quote)  # the answer to "on montre quoi"
    assert results.networks == ["Facebook"] and results.quote.startswith("les résultats")


# "y" points back to the network of the answer before ("Et qu'est-ce que vous y mettez ?")
WHAT_TO_SHOW_THERE = INTRO + [
    (HOST, "Alors, Facebook, Instagram, TikTok. On commence par lequel ?"),
    (GUEST, "Par Facebook."),
    (GUEST, "C'est là qu'il faut ouvrir la boutique en premier."),
    (HOST, "Et qu'est-ce que vous y mettez ?"),
    (GUEST, "Des femmes qui portent le tissu, pas le tissu plié sur une table."),
    (HOST, "Et TikTok ?"),
    (GUEST, "Filmez la teinture, le bleu qui sort du bain."),
    (HOST, "Merci Karim !"),
]


def test_what_to_show_there():
    tips = _episode(WHAT_TO_SHOW_THERE).tips
    shown = next(tip for tip in tips if tip.quote.startswith("Des femmes"))  # the answer to a content question
    assert shown.networks == ["Facebook"]


AUDIENCE_AND_ADVICE = [
    (["Ils achètent surtout le dimanche, après l'église.", "Donc publiez vos photos le samedi, en fin de journée."],
     ["saturday"], ["evening"]),
    (["Publiez vers vingt heures trente.", "Ils regardent TikTok le soir, après le dîner, dans leur canapé."],
     [], ["evening"]),
    (["Les commandes arrivent surtout le lundi, pendant la pause de midi.",
      "Donc publiez vos Reels le dimanche soir, entre vingt heures et vingt-deux heures."], ["sunday"], ["evening"]),
    (["Postez les Shorts à l'heure du déjeuner.", "Un Short qui accroche, ils vont écouter l'épisode le soir."],
     [], ["midday"]),
    # the slot the question asked for, given in a few words; a second instruction after it is a tip
    # of its own
    (["Le lundi matin, pour toute la semaine.",
      "Et ajoutez une story le jour même, à la sortie des bureaux, pour rappeler le programme."],
     ["monday"], ["morning"]),
    # the slot drawn with "donc", in a sentence without a verb
    (["Nos clientes commandent surtout le dimanche matin, au marché.",
      "Donc un Reel par semaine, la veille : le samedi, en fin de journée.",
      "Faites pareil, publiez la veille du jour où vos clients achètent."], ["saturday"], ["evening"]),
    # the audience's day right after the question, with a verb the small tagger misreads
    (["Les familles décident de leur sortie le vendredi, au bureau, entre deux réunions.",
      "Donc publiez le jeudi soir, vers vingt heures."], ["thursday"], ["evening"]),
    # a slot given in a few words is the slot: the sentences after it only say why
    (["Le jeudi.", "Parce qu'ici, le jeudi soir, c'est le début du week-end.",
      "Le vendredi matin, les familles sont déjà à la plage."], ["thursday"], []),
    (["Dix-sept heures.", "Le soir, à vingt-deux heures, la moitié des téléphones sont déchargés."], [], ["afternoon"]),
    # the reply goes on in a few more words
    (["Le mardi.", "Le soir, vers dix-neuf heures."], ["tuesday"], ["evening"]),
]


@pytest.mark.parametrize("answer, days, times", AUDIENCE_AND_ADVICE)
def test_the_advised_slot_not_the_audiences(answer, days, times):
    """When the advice gives a slot, the days and hours told to justify it are not advised."""
    lines = INTRO + [(HOST, "Et quand est-ce qu'on publie ?")] + [(GUEST, text) for text in answer] + [
        (HOST, "Et les commentaires ?"), (GUEST, "Répondez à tous les commentaires."),
        (GUEST, "Et remerciez chaque client."), (HOST, "Merci Karim !")]
    tip = next(tip for tip in _episode(lines).tips if any(text in tip.quote for text in answer))
    assert (tip.timing.days, tip.timing.times_of_day) == (days, times)


def test_a_contrasting_rhythm_is_a_tip_of_its_own():
    """"Deux posts par semaine. Mais pendant les vendanges, une story par jour.": two rhythms, two tips."""
    lines = INTRO + [
        (HOST, "Et combien de fois par semaine, sur Instagram ?"),
        (GUEST, "Toute l'année, publiez deux posts par semaine, ça suffit."),
        (GUEST, "Mais pendant les vendanges, en septembre, une story par jour."),
        (GUEST, "Les gens adorent suivre la récolte en direct."),
        (HOST, "Et les commentaires ?"),
        (GUEST, "Répondez à tous, même aux critiques."),
        (HOST, "Merci Karim !"),
    ]
    rhythms = [tip.timing.frequency for tip in _episode(lines).tips]
    assert rhythms[:2] == ["several_per_week", "daily"]


@pytest.mark.parametrize("labelled", [True, False])
def test_a_definition_is_the_answer_to_its_question(labelled):
    """Without speaker names the roles are guessed: the definition starts right after the question,
    not at the next sentence guessed to be the guest's."""
    lines = INTRO + [
        (HOST, "Pis astheure, tu fais du cliquer-ramasser."),
        (HOST, "Ça veut dire quoi, cliquer-ramasser, pour ceux qui connaissent pas le mot ?"),
        (GUEST, "C'est le mot québécois pour le click and collect."),
        (GUEST, "Le client choisit ses produits sur la page Facebook, il paye en ligne, pis il vient les ramasser."),
        (HOST, "Pis comment tu fais savoir au monde que ça existe ?"),
        (GUEST, "Sur Facebook, d'abord. Faque commencez par là, pas par TikTok."),
        (GUEST, "Et publiez trois fois par semaine."),
        (HOST, "Merci Karim !"),
    ]
    episode = _episode(lines, labelled)
    [entry] = episode.glossary
    assert entry.term == "cliquer-ramasser"
    assert entry.definition.startswith("C'est le mot québécois")
    assert "Facebook, d'abord" not in entry.definition


@pytest.mark.parametrize("labelled", [True, False])
def test_a_name_given_by_a_cleft_then_defined(labelled):
    lines = INTRO + [
        (HOST, "Karim, raconte ce qui vous est arrivé."),
        (GUEST, "Dimanche, on a mis notre reprise en ligne, et l'argent de la publicité est parti chez un autre."),
        (GUEST, "Ce qui nous a attrapés, c'est Content ID."),
        (GUEST, "C'est le système de YouTube qui compare chaque vidéo à une base d'empreintes."),
        (HOST, "Merci Karim !"),
    ]
    assert [entry.term for entry in _episode(lines, labelled).glossary] == ["Content ID"]


@pytest.mark.parametrize("labelled", [True, False])
@pytest.mark.parametrize("answer, term", [
    ("Le sujet, c'est le sharenting. C'est l'habitude des parents de publier en ligne les photos de leurs enfants.",
     "sharenting"),
    # a placeholder the answer never fills is no concept
    ("Les parents publient en ligne les photos de leurs enfants, dès la naissance, sur les réseaux.", None),
])
def test_a_placeholder_is_the_concept_the_answer_names(labelled, answer, term):
    lines = INTRO + [
        (HOST, "Tu m'as écrit que c'était exactement le sujet. Alors, c'est quoi, le sujet ?"),
        *[(GUEST, sentence + ".") for sentence in answer.rstrip(".").split(". ")],
        (HOST, "Merci Karim !"),
    ]
    assert [entry.term for entry in _episode(lines, labelled).glossary] == ([term] if term else [])


@pytest.mark.parametrize("labelled", [True, False])
@pytest.mark.parametrize("question, answer, term", [
    ("Si tu devais le raconter à ton voisin boulanger, tu commencerais par où ?",
     ["Je lui demande : tu te rappelles l'odeur du pain qui sort du four ?",
      "La preuve sociale, c'est cette odeur, mais en ligne : les autres ont déjà acheté."], "preuve sociale"),
    ("Et toi, tu l'utilises comment ?",
     ["Tous les vendredis, une capture d'un message de cliente, en story."], None),  # no definition
])
def test_the_word_of_the_day_is_defined_by_the_answer_that_names_it(labelled, question, answer, term):
    lines = INTRO + [(HOST, "Notre mot de la semaine, c'est la preuve sociale."),
                     (HOST, "Une question toute simple."), (HOST, question)] + [(GUEST, text) for text in answer] + [
        (HOST, "Et sur quel réseau ?"), (GUEST, "Sur Instagram, publiez trois fois par semaine."),
        (GUEST, "Et répondez à chaque message."), (HOST, "Merci Karim !")]
    glossary = _episode(lines, labelled).glossary
    assert [entry.term for entry in glossary] == ([term] if term else [])
    if term:
        assert glossary[0].definition.startswith("Je lui demande")


@pytest.mark.parametrize("labelled", [True, False])
@pytest.mark.parametrize("announce, title, term", [
    ("Brand content. On l'entend partout, dans toutes les agences.", "Dictionnaire digital : Le brand content",
     "brand content"),
    # the host named it just before
    ("Brand content. On l'entend partout, dans toutes les agences.", "Dictionnaire digital : les tendances de la semaine",
     "brand content"),
    # the title names it
    ("On l'entend partout, dans toutes les agences.", "Dictionnaire digital : Le brand content", "brand content"),
    ("On l'entend partout, dans toutes les agences.", "Dictionnaire digital : les tendances de la semaine", None),
])
def test_a_concept_defined_in_answer_to_any_question(labelled, announce, title, term):
    """However the host asks for it ("Tu nous fais ça en dix secondes chrono ?"), the guest's answer
    that opens by defining a concept gives the glossary entry, when the title or the host named
    that concept before."""
    lines = INTRO + [
        (HOST, announce),
        (HOST, "Tu nous fais ça en dix secondes chrono ?"),
        (GUEST, "Le brand content, c'est le contenu qu'une marque produit pour raconter son univers, pas pour vendre."),
        (GUEST, "Une recette, un tutoriel, une série sur les coulisses."),
        (HOST, "Et sur quel réseau on commence ?"),
        (GUEST, "Sur Instagram, publiez trois fois par semaine."),
        (GUEST, "Et répondez à chaque message."),
        (HOST, "Merci Karim !"),
    ]
    episode = _episode(lines, labelled, title)
    assert [entry.term for entry in episode.glossary] == ([term] if term else [])
    if term:
        assert episode.glossary[0].definition.startswith("Le brand content, c'est le contenu")


def test_the_titles_concept_defined_in_the_plural():
    """"La place de marché" in the title, "Les places de marché en ligne, c'est …" in the answer."""
    lines = INTRO + [
        (HOST, "Karim, les vannières vendent déjà au marché. Pourquoi passer par toi ?"),
        (GUEST, "Parce que le marché, c'est cinquante clients par jour, au mieux."),
        (GUEST, "Les places de marché en ligne, c'est un grand marché, mais sur internet."),
        (GUEST, "Des dizaines de vendeurs mettent leurs produits sur un même site, chacun sa boutique."),
        (HOST, "Merci Karim !"),
    ]
    episode = _episode(lines, title="Tana Business : la place de marché, une chance pour les artisanes ?")
    assert [entry.term for entry in episode.glossary] == ["place de marché"]


def test_a_name_the_host_says_the_guest_gave_it():
    """"Tu m'as dit que ça avait un nom." is no question, yet asks for the name."""
    lines = INTRO + [
        (HOST, "Quatre mille clients et pas un commercial. Tu m'as dit un jour que ça avait un nom."),
        (GUEST, "Oui, le community-led growth, le CLG entre nous. C'est une croissance portée par la communauté."),
        (GUEST, "Les clients s'entraident dans un groupe, et chacun amène les suivants."),
        (HOST, "Merci Karim !"),
    ]
    assert [entry.term for entry in _episode(lines).glossary] == ["community-led growth"]


def test_the_titles_concept_defined_by_what_it_is_not():
    """"La délivrabilité, ce n'est pas seulement …, c'est …": a definition that starts with a negation."""
    lines = INTRO + [
        (HOST, "J'ai lu ceci dans un lexique : un message qui arrive dans la boîte de réception."),
        (HOST, "Il manque quelque chose ?"),
        (GUEST, "La délivrabilité, ce n'est pas seulement arriver quelque part, c'est arriver au bon endroit."),
        (GUEST, "Un message peut être délivré et dormir dans un onglet que personne n'ouvre."),
        (HOST, "Merci Karim !"),
    ]
    episode = _episode(lines, title="Dictionnaire digital : la délivrabilité, ou pourquoi vos messages se perdent")
    assert [entry.term for entry in episode.glossary] == ["délivrabilité"]


def test_the_concept_named_by_the_file_defined_first_without_a_question():
    """No question: the first definition of the episode is of the concept its name announces, a
    name of several words in lower case."""
    lines = [
        (HOST, "En entrant chez vous, j'ai vu un grand chiffre peint au mur, sans légende."),
        (HOST, "On m'a dit que c'était votre étoile."),
        (GUEST, "Grosso modo, le panier moyen cible, c'est le montant que toute l'équipe vise par commande."),
        (GUEST, "Pas le chiffre d'affaires, pas les visites : la somme d'une commande type."),
    ]
    segments = [Segment(text, 4.0 * i, 4.0 * i + 3.5, speaker=speaker) for i, (speaker, text) in enumerate(lines)]
    named = extract(segment(Episode(id="panier_moyen_cible_epicerie", segments=segments, language="fr")), RULES_ONLY)
    assert [entry.term for entry in named.glossary] == ["panier moyen cible"]
    unnamed = segment(Episode(id="episode_12", segments=segments, language="fr"))
    nlp = load_nlp("fr_core_news_sm")
    assert find_glossary(unnamed, nlp, learned=False)[0] == []
    # no pattern names it there; the term model ranks it first of the candidates (a word of the trade, defined
    # first), though since stage 128 (retrained on 468 episodes and thirty opening sets) at 0.29, just under its
    # threshold of 0.3, so that no entry is made (stage 127 gave 0.33 and the entry)
    scored = _scored_candidates(unnamed, sentence_spans(unnamed, nlp), nlp, True)
    assert scored[0][1].term == "panier moyen cible"
    assert scored[0][0] > 5 * scored[1][0]


@pytest.mark.parametrize("labelled", [True, False])
@pytest.mark.parametrize("lines, term", [
    # the host alone, in a chronicle, announces the word, asks and answers
    ([(HOST, "Cette semaine, une auditrice de Kolda m'a écrit."),
      (HOST, "Son message m'a donné le mot de la semaine, un mot pas très joli : le reciblage."),
      (HOST, "Alors, le reciblage, qu'est-ce qu'on met derrière ce mot ?"),
      (HOST, "C'est le fait de montrer une publicité aux gens qui ont déjà vu votre page."),
      (HOST, "Ils sont passés, ils reviennent.")], "reciblage"),
    # a naming question ("il y a un nom pour ça ?") and its reply
    ([(HOST, "Dans ton application, les premières leçons sont gratuites, et la suite est payante."),
      (HOST, "Il y a un nom pour ça, non ?"),
      (GUEST, "Oui, c'est le freemium."),
      (GUEST, "Tu donnes la base gratuitement, tu fais payer le reste.")], "freemium"),
    # a concept the guest defines after the host has named it in passing
    ([(HOST, "Tu m'as dit que ta meilleure campagne reposait sur une audience similaire."),
      (HOST, "Ça m'intrigue."),
      (GUEST, "Une audience similaire, ce que la plateforme appelle en anglais une lookalike audience, c'est un public "
              "qu'elle fabrique à partir de tes clients."),
      (GUEST, "Des gens qui leur ressemblent.")], "audience similaire (lookalike audience)"),
    # a short reply names it, the sentences after define it
    ([(HOST, "La semaine passée, un robot m'a conseillé un livre qui n'existe pas."),
      (HOST, "C'était quoi, cette affaire-là ?"),
      (GUEST, "Ça, c'est une hallucination."),
      (GUEST, "C'est une réponse inventée de toutes pièces, dite avec assurance.")], "hallucination"),
    ([(HOST, "Tu commences toutes tes formations par la même notion."),
      (HOST, "Laquelle ?"),
      (GUEST, "L'intention de recherche."),
      (GUEST, "C'est ce que la personne veut vraiment obtenir quand elle tape sa recherche.")], "intention de recherche"),
    ([(HOST, "Et ton plat préféré, c'était lequel ?"),
      (GUEST, "Le poulet braisé."),
      (GUEST, "Avec des frites, le dimanche.")], None),  # named, never defined
    # examples first, the name last, after the host had announced it
    ([(HOST, "Ce soir, on parle de cyberharcèlement."),
      (HOST, "Donne-nous des exemples concrets."),
      (GUEST, "Des insultes tous les jours, en commentaire ou en privé."),
      (GUEST, "Une photo gênante qui tourne dans tous les groupes de la classe."),
      (GUEST, "Tout ça, c'est du cyberharcèlement : des attaques répétées, en ligne, contre la même personne.")],
     "cyberharcèlement"),
    # a request for advice, not for a concept
    ([(HOST, "Et pour quelqu'un qui veut faire pareil, c'est quoi la méthode ?"),
      (GUEST, "C'est pas compliqué."),
      (GUEST, "Tu poses ton téléphone sur le trépied, tu filmes les mains, du début à la fin."),
      (GUEST, "Et tu postes sur TikTok le soir.")], None),
    # a judgement, not a definition
    ([(HOST, "Et le chocolat, sur les réseaux ?"),
      (GUEST, "Le chocolat, c'est visuel."),
      (GUEST, "Ça donne envie.")], None),
    # a network described, never a concept
    ([(HOST, "Et Facebook, pour toi ?"),
      (GUEST, "Facebook, c'est le local."),
      (GUEST, "Les groupes du quartier.")], None),
    # an example first, the name that says itself a name last
    ([(GUEST, "La première année, on avait trente vendeurs sur l'application, et les clients ne revenaient pas."),
      (GUEST, "Puis trois cents vendeurs sont arrivés, et tout a basculé."),
      (GUEST, "Chaque nouvel utilisateur rendait l'application plus utile pour tous les autres."),
      (GUEST, "C'est ce qu'on appelle l'effet de réseau.")], "effet de réseau"),
    ([(HOST, "Et là, tu as compris ?"),
      (GUEST, "C'est ça, le mobile money : un porte-monnaie lié à ton numéro de téléphone, sans compte en banque."),
      (GUEST, "Tu déposes des espèces chez un agent, elles deviennent un solde.")], "mobile money"),
    # a word announced after a colon, asked about in English
    ([(HOST, "Dans ta boîte, même le comptable partage les posts de l'entreprise."),
      (HOST, "Tu m'as dit que ça avait un nom : employee advocacy."),
      (HOST, "So, what is it, en français ?"),
      (GUEST, "C'est quand les employés deviennent les porte-voix de leur entreprise, sur leurs propres comptes.")],
     "employee advocacy"),
    # a name right after a first word of reply, then what it is
    ([(HOST, "On m'a demandé mon adresse e-mail avant de me montrer votre étude."),
      (HOST, "Vous faites ça exprès ?"),
      (GUEST, "Tout à fait exprès."),
      (GUEST, "C'est du gated content."),
      (GUEST, "C'est un contenu derrière un formulaire : le prix d'entrée, ce sont vos coordonnées.")], "gated content"),
    # a second speaker defines again what a first one got wrong
    ([(HOST, "Pour moi, l'hyperpersonnalisation, c'est quand une marque écrit ton prénom dans l'e-mail."),
      (GUEST, "Alors, désolé, mais tu as tort."),
      (GUEST, "Ou plutôt, tu as un petit bout."),
      (GUEST, "Ton prénom dans l'objet, c'est de la personnalisation de base."),
      (GUEST, "On en reparlera."),
      (GUEST, "L'hyperpersonnalisation, c'est adapter en temps réel ce que chaque client voit sur le site.")],
     "hyperpersonnalisation"),
    # asked with a word of its family, then defined by its name
    ([(HOST, "Ton site, il est hébergé où ?"),
      (HOST, "Euh… sur internet ?"),
      (GUEST, "Je paie une facture chaque année, sans savoir pour quoi."),
      (GUEST, "L'hébergement web, c'est la location d'une place sur un serveur allumé jour et nuit."),
      (GUEST, "Tes pages et tes photos sont stockées là-bas.")], "hébergement web"),
    # the name alone answers a question that asks for it
    ([(HOST, "Tes clients ouvrent la fiche produit, regardent la photo et repartent sans descendre."),
      (HOST, "Et ça, le fait de savoir jusqu'où ils descendent, ça porte un nom ?"),
      (GUEST, "La profondeur de défilement."),
      (GUEST, "Elle te dit jusqu'où les yeux sont allés, pas si la page a plu.")], "profondeur de défilement"),
    # a quantity is no concept
    ([(HOST, "Nos épisodes font parfois nonante minutes, on adore les digressions."),
      (GUEST, "Nonante minutes, c'est un film."),
      (GUEST, "Visez trente minutes, pas plus.")], None),
    # a place said before a copula is where something holds, not a word to explain
    ([(HOST, "Et chez vous, les clients sont où ?"),
      (GUEST, "À Port-Bouët, c'est Facebook d'abord, et les statuts WhatsApp."),
      (GUEST, "Instagram viendra plus tard.")], None),
    # a person's or a brand's name is who someone is, not a concept
    ([(HOST, "On dit que ta Nyanga, celle qui a cinquante mille abonnés, n'existe pas."),
      (GUEST, "Nyanga, c'est un influenceur virtuel."),
      (GUEST, "Un influenceur virtuel, c'est un personnage créé par ordinateur qui publie comme une vraie personne.")],
     "influenceur virtuel"),
    # a hyphenated loanword the tagger splits, capitalised like a name
    ([(HOST, "Tu filmes encore ta tasse, sous un autre angle ?"),
      (GUEST, "Oui, il me manque des plans."),
      (HOST, "Le A-roll, c'est quoi exactement ?"),
      (GUEST, "Ce sont les plans principaux, ceux où je parle face à la caméra.")], "A-roll"),
])
def test_a_concept_however_it_is_brought_up(labelled, lines, term):
    episode = _episode(INTRO + lines + CLOSING, labelled)
    assert [entry.term for entry in episode.glossary] == ([term] if term else [])


def test_a_concept_the_other_voice_echoes_in_a_question():
    """"Du quoi ?" right after a word asks what it means, as "c'est quoi ?" would."""
    lines = [(GUEST, "Ton voisin fait du sealioning."), (HOST, "Du quoi ?"), (GUEST, "Du sealioning."),
             (GUEST, "C'est harceler quelqu'un de questions polies, sans fin, pour l'épuiser.")]
    assert [entry.term for entry in _episode(INTRO + lines + CLOSING).glossary] == ["sealioning"]


@pytest.mark.parametrize("labelled", [True, False])
def test_an_acronym_spelled_letter_by_letter_is_written_as_one_word(labelled):
    lines = [(HOST, "Dans ton tableau, il y a une colonne bizarre."), (HOST, "Le C-P-C, c'est quoi ?"),
             (GUEST, "C'est le coût par clic, ce que tu paies chaque fois que quelqu'un clique sur ta pub.")]
    assert [entry.term for entry in _episode(INTRO + lines + CLOSING, labelled).glossary] == ["CPC"]


def test_a_concept_defined_after_a_prompt_of_the_other_voice():
    """Where the source names its speakers, "Vas-y, explique." only hands the floor back: the sentence
    after it defines the word said before it, and the prompt itself asks what the word means.  (Whether
    that is enough for an entry is the term model's call: 0.34 here, under its 0.4, at extract stage 105.)"""
    lines = [(HOST, "Hier, ton site m'a rendu deux euros sur ma commande de pagnes."),
             (GUEST, "Tu viens de découvrir notre cashback."),
             (HOST, "Vas-y, explique."),
             (GUEST, "C'est une part du prix qu'on rend au client après son achat, pour qu'il revienne.")]
    episode = _segmented(INTRO + lines + CLOSING)
    nlp = load_nlp()
    inputs = {c.term: dict(zip(TERM_FEATURE_NAMES, x))
              for c, x in term_candidates(episode, sentence_spans(episode, nlp), nlp, True)}
    assert inputs["cashback"]["subjectless_after"] and inputs["cashback"]["echoed"]


@pytest.mark.parametrize("labelled", [True, False])
@pytest.mark.parametrize("lines", [
    [(HOST, "Pour ceux qui n'en ont jamais vu, le balafon, c'est quoi comme instrument ?"),
     (GUEST, "Le balafon, c'est notre xylophone à nous."),
     (GUEST, "Des lames de bois posées sur un cadre en bambou, avec une calebasse sous chaque lame.")],
    [(HOST, "Le bogolan, qu'est-ce que c'est ?"),
     (GUEST, "Le bogolan, c'est un tissu de coton teint à la boue."),
     (GUEST, "On le peint à la main, motif par motif.")],
])
def test_a_craft_defined_at_length_is_no_entry_of_a_digital_glossary(labelled, lines):
    workshop = [(HOST, "Bonjour, bienvenue dans Sons du Mandingue."),
                (HOST, "Nous sommes à Sikasso, dans l'atelier de Bakary."),
                (GUEST, "Bonjour Nadia, sois la bienvenue.")]
    episode = _episode(workshop + lines + [(HOST, "Merci Bakary !")], labelled)
    assert episode.glossary == []


# the opening of a visit to a workshop, as in the craft episodes above
WORKSHOP = [(HOST, "Bonjour, bienvenue dans Métiers d'ici."),
            (HOST, "Nous sommes à Vendôme, dans l'atelier de Karim."),
            (GUEST, "Bonjour Nadia, entre donc.")]


@pytest.mark.parametrize("labelled", [True, False])
@pytest.mark.parametrize("lines, term", [
    # a trade: what it is said to be is a craft, whatever the shop does on Facebook
    ([(HOST, "Sur ta porte, c'est écrit « vannier ». C'est quoi, un vannier ?"),
      (GUEST, "Un vannier, c'est quelqu'un qui tresse l'osier pour en faire des paniers."),
      (GUEST, "Je coupe l'osier en hiver, et je le fais tremper avant de le tresser."),
      (GUEST, "Ma fille met mes paniers sur Facebook, et des clients viennent de loin.")], None),
    ([(HOST, "Et un rempailleur, c'est quoi exactement ?"),
      (GUEST, "Un rempailleur, c'est celui qui refait l'assise des chaises avec de la paille de seigle."),
      (GUEST, "On tord la paille, brin par brin, en partant des coins."),
      (GUEST, "Mon neveu a fait une page Instagram pour l'atelier.")], None),
    # a person of the digital world: what they are said to be is digital
    ([(HOST, "C'est quoi, un lurker ?"),
      (GUEST, "Un lurker, c'est quelqu'un qui lit toutes vos publications mais qui ne commente jamais."),
      (GUEST, "Il est là, il regarde, il ne laisse aucune trace.")], "lurker"),
    # a thing of the physical world: a dish, a tool, a garment, a feast, whatever the shop does online
    ([(HOST, "Sur ta carte, il y a écrit « tajine de la mer ». C'est quoi, le tajine de la mer ?"),
      (GUEST, "Le tajine de la mer, c'est un plat de poissons cuits à l'étouffée avec des citrons confits."),
      (GUEST, "On le laisse mijoter deux heures sur le charbon."),
      (GUEST, "Ma fille le prend en photo pour notre page Facebook.")], None),
    ([(HOST, "Et ça, accroché au mur, c'est quoi ?"),
      (GUEST, "Ça, c'est une doloire."),
      (HOST, "Une doloire, c'est quoi exactement ?"),
      (GUEST, "Une doloire, c'est une large hache de tonnelier, pour tailler les douelles."),
      (GUEST, "Je la montre souvent dans mes vidéos sur Instagram.")], None),
    ([(HOST, "C'est quoi, la fête des vendanges ?"),
      (GUEST, "La fête des vendanges, c'est la grande fête du village, à la fin de la récolte."),
      (GUEST, "Tout le monde défile avec des chars décorés de raisins."),
      (GUEST, "On met les photos en ligne, les clients adorent.")], None),
    # a digital concept said to be a "plat" of the digital world: its sentence speaks of it
    ([(HOST, "C'est quoi, le plat du jour en story ?"),
      (GUEST, "Le plat du jour en story, c'est une story Instagram publiée chaque matin avec le menu."),
      (GUEST, "Les clients la regardent avant de venir.")], "plat du jour en story"),
])
def test_a_trade_or_a_thing_is_no_digital_concept_unless_it_is_said_to_be_digital(labelled, lines, term):
    """"Une feutrière, c'est quelqu'un qui fabrique du feutre …", "La garbure, c'est une soupe paysanne …":
    a definition that says its term is a person, a trade, a dish, a tool, a garment or a feast gives an entry
    only if its first sentences speak of the digital world."""
    episode = _episode(WORKSHOP + lines + [(HOST, "Merci Karim !")], labelled)
    assert [entry.term for entry in episode.glossary] == ([term] if term else [])


@pytest.mark.parametrize("labelled", [True, False])
@pytest.mark.parametrize("title, term", [
    ("Dictionnaire digital : le cashback", "cashback"),
    ("Le journal de la semaine", None),  # a unit of time, never a concept
])
def test_the_title_concept_named_by_an_early_question(labelled, title, term):
    """"Alors, le cashback, ça rapporte vraiment ?": a question that names the title's concept, however
    it asks, is answered by its definition."""
    lines = INTRO + [
        (HOST, f"Alors, {title.split(': ')[-1].lower()}, ça rapporte vraiment ?"),
        (GUEST, "C'est une part de ce que tu as dépensé qui te revient plus tard, sur ton compte."),
        (GUEST, "Deux pour cent, en général."),
    ] + CLOSING
    episode = _episode(lines, labelled, title)
    assert [entry.term for entry in episode.glossary] == ([term] if term else [])


@pytest.mark.parametrize("labelled", [True, False])
def test_the_title_concept_said_alone_then_asked_about(labelled):
    """"Alors, edutainment. Toi, tu le traduirais comment ?": the question points back to the title's
    concept said alone, and the title glosses it after a comma."""
    lines = INTRO + [
        (HOST, "Alors, edutainment."),
        (HOST, "On dirait le nom d'une marque de céréales."),
        (HOST, "Toi, tu le traduirais comment ?"),
        (HOST, "En une phrase ?"),
        (GUEST, "Apprendre en s'amusant : le mot éducation collé au mot divertissement."),
        (GUEST, "Tu montres comment on tanne une peau, mais en racontant, pas en récitant."),
    ] + CLOSING
    episode = _episode(lines, labelled, "Dictionnaire digital : l’edutainment, apprendre en s'amusant")
    assert [entry.term for entry in episode.glossary] == ["edutainment"]


@pytest.mark.parametrize("labelled", [True, False])
def test_the_word_of_the_day_named_only_by_the_title(labelled):
    """"Le mot du jour est dans le titre.": the title's concept, defined by the answer that follows."""
    lines = INTRO + [
        (HOST, "Karim, le mot du jour est dans le titre."),
        (HOST, "Ta boutique en serait l'exemple parfait ?"),
        (GUEST, "Oui, on vend beaucoup de choses qui se vendent très peu, et ensemble elles pèsent lourd."),
        (GUEST, "Huit mille articles qui se vendent une ou deux fois par an."),
    ] + CLOSING
    episode = _episode(lines, labelled, "Dictionnaire digital : la longue traîne")
    assert [entry.term for entry in episode.glossary] == ["longue traîne"]
    assert episode.glossary[0].definition.startswith("Oui, on vend")


def test_speech_without_punctuation_advises_in_run_on_imperatives():
    """Raw speech-to-text: "… les clients qui achètent mets des photos …" is advice, so the episode
    is not taken for a portrait without any."""
    lines = [
        (HOST, "bonjour et bienvenue aujourd'hui on reçoit une peintre de sous-verre"),
        (HOST, "alors on commence par où"),
        (GUEST, "moi je dis tik tok d'abord parce que les gens adorent voir le pinceau sur le verre"),
        (GUEST, "et insta oui mais pour les clients qui achètent mets des photos du tableau accroché dans un salon"),
        (GUEST, "une longue vidéo ça prend une semaine à monter reste sur tik tok et insta tant que t'es seule"),
        (HOST, "merci et à samedi prochain"),
    ]
    tips = _episode(lines, labelled=False).tips
    assert any("mets des photos" in tip.quote for tip in tips)


def test_the_network_set_aside_is_not_the_one_discussed():
    """"Commencez par là, pas par TikTok. — Pis à quel rythme, sur ce réseau-là ?": Facebook."""
    lines = INTRO + [
        (HOST, "Pis comment tu fais savoir au monde que ça existe ?"),
        (GUEST, "Nos clients, c'est des propriétaires, pis eux autres, ils sont sur Facebook."),
        (GUEST, "Faque commencez par là, pas par TikTok."),
        (HOST, "Pis à quel rythme, sur ce réseau-là ?"),
        (GUEST, "Publiez le lundi, le mercredi pis le vendredi."),
        (GUEST, "Et répondez à tous les commentaires."),
        (HOST, "Merci Karim !"),
    ]
    tips = _episode(lines).tips
    assert next(tip for tip in tips if tip.timing.days).networks == ["Facebook"]
    # nor a network of its own that would cut the advice off its lead-in
    assert any("sur Facebook" in tip.quote and "pas par TikTok" in tip.quote for tip in tips)


@pytest.mark.parametrize("disclaimer", [
    "Ça, c'est mon organisation, ce n'est pas un conseil.",
    "Ça, c'est mon choix à moi, ce n'est pas un modèle.",
    "Sur WhatsApp : ça, c'est ma vie de marin, ce n'est pas un conseil.",
    "Je ne conseille ça à personne, c'est juste mon heure à moi.",
    "Ça, c'est mon rythme à moi, parce que je pêche le samedi.",
])
def test_a_habit_disowned_is_no_tip(disclaimer):
    """The speaker's own schedule, then "ce n'est pas un conseil": neither sentence is advice."""
    lines = INTRO + [
        (HOST, "Et sur Instagram, qu'est-ce que tu conseilles ?"),
        (GUEST, "Publiez vos Reels le jeudi soir, vers dix-neuf heures."),
        (GUEST, "Et répondez à chaque message dans la journée."),
        (HOST, "Et toi, tu publies quand ?"),
        (GUEST, "Moi, je prépare tout le dimanche à cinq heures du matin, avant la pêche."),
        (GUEST, disclaimer),
        (HOST, "Merci Karim !"),
    ]
    quotes = [tip.quote for tip in _episode(lines).tips]
    assert any("jeudi" in quote for quote in quotes)
    assert not any("dimanche" in quote or "conseil" in quote for quote in quotes)



def test_questions_without_question_marks_end_a_tip():
    """Speech-to-text without punctuation: "on commence par quoi", "sur quels réseaux…" are
    questions, so they are no tips and the answers on either side are two tips, not one."""
    lines = [
        "bonjour et bienvenue dans l'émission aujourd'hui on reçoit karim qui vend des vêtements en ligne",
        "merci de l'invitation", "alors karim on commence par quoi",
        "publiez vos reels le jeudi soir vers dix-neuf heures c'est là que vos clientes sont sur leur téléphone",
        "et sur quels réseaux tu fais tes campagnes payantes",
        "facebook d'abord facebook et instagram c'est le même gestionnaire de publicités",
        "donc tu fais une seule campagne pour les deux et tu laisses la plateforme répartir le budget",
        "et surtout répondez à tous les messages le soir même",
        "merci karim",
    ]
    segments = [Segment(text, 6.0 * i, 6.0 * i + 5.5) for i, text in enumerate(lines)]
    tips = extract(segment(Episode(id="raw", segments=segments, language="fr")), RULES_ONLY).tips
    assert [tip.networks for tip in tips][:2] == [["Instagram"], ["Facebook", "Instagram"]]


def test_patience_is_advice_for_any_network():
    """The network of the question goes to the answer's advice, not to "be patient"."""
    lines = INTRO + [
        (HOST, "Et sur Instagram, on fait comment ?"),
        (GUEST, "Publiez trois Reels par semaine, avec le vrai son de l'atelier."),
        (GUEST, "Et répondez à chaque commentaire dans la journée."),
        (HOST, "Et si ça ne marche pas tout de suite ?"),
        (GUEST, "Soyez patients, laissez au moins six semaines avant de juger."),
        (HOST, "Merci Karim !"),
    ]
    tips = _episode(lines).tips
    assert tips[0].networks == ["Instagram"]
    patience = next(tip for tip in tips if "patients" in tip.quote)
    assert patience.networks == []


# a yes or a no to a question that only names a network, in a rapid-fire round
VERDICTS = [
    ([(HOST, "Et TikTok ?"), (GUEST, "Oui, mais seulement pour la fabrication : percer, poncer, enfiler.")],
     "fabrication", ["TikTok"], "do"),
    ([(HOST, "X ?"), (GUEST, "Pour nous, non."), (GUEST, "Personne ne réserve une excursion là-bas.")],
     "Pour nous, non.", ["X"], "avoid"),
    ([(HOST, "Google Maps ?"), (GUEST, "Oui."), (GUEST, "Le point de rendez-vous, bien placé, avec une photo de l'entrée.")],
     "point de rendez-vous", ["Google"], "do"),
    # other ways of saying no and yes
    ([(HOST, "TikTok ?"), (GUEST, "Pas pantoute pour nous autres."), (GUEST, "Nos clients sont pas là.")],
     "pantoute", ["TikTok"], "avoid"),
    ([(HOST, "Et Snapchat ?"), (GUEST, "Pas du tout, nos clientes ont quarante ans.")], "Pas du tout", ["Snapchat"], "avoid"),
    ([(HOST, "LinkedIn ?"), (GUEST, "Absolument, pour les commandes des entreprises.")], "Absolument", ["LinkedIn"], "do"),
]


@pytest.mark.parametrize("exchange, evidence, networks, polarity", VERDICTS)
def test_a_verdict_on_a_network_is_advice(exchange, evidence, networks, polarity):
    lines = INTRO + [(HOST, "Qu'est-ce que tu conseilles ?"), (GUEST, "Publiez vos Reels le jeudi soir."),
                     (GUEST, "Et répondez à chaque message."), (HOST, "On passe aux questions rapides.")]
    tips = _episode(lines + exchange + [(HOST, "Ton plat préféré ?"), (GUEST, "Le poisson grillé, au bord de l'eau.")]).tips
    tip = next(tip for tip in tips if evidence in tip.quote)
    assert (tip.networks, tip.polarity) == (networks, polarity)
    assert not any("poisson grillé" in tip.quote for tip in tips)


# a few words in reply to a question that only names a thing to publish, in a rapid-fire round
@pytest.mark.parametrize("question, reply, is_tip", [
    ("Les hashtags ?", "Quatre, grand maximum.", True),
    ("Et les lives ?", "Seulement pendant le ramadan.", True),
    ("La publicité payante ?", "Pas la première année.", True),
    ("Et les influenceuses ?", "Une seule, du quartier.", True),
    ("Et les lives ?", "Vous en faites déjà, j'imagine.", False),  # a clause, the host's guess
    ("Ton réseau préféré ?", "Pinterest, sans hésiter.", False),  # the guest's own taste
    ("Ta recette préférée ?", "Les crêpes au miel.", False),  # not about publishing
])
def test_a_short_reply_about_a_thing_to_publish_is_advice(question, reply, is_tip):
    lines = INTRO + [(HOST, "Qu'est-ce que tu conseilles ?"), (GUEST, "Publiez vos Reels le jeudi soir."),
                     (GUEST, "Et répondez à chaque message."), (HOST, "On passe aux questions rapides."),
                     (HOST, question), (GUEST, reply), (HOST, "Merci Karim !")]
    assert any(reply in tip.quote for tip in _episode(lines).tips) == is_tip


def test_the_answer_to_what_to_post_is_advice():
    lines = INTRO + [(HOST, "Qu'est-ce que tu conseilles ?"), (GUEST, "Publiez vos Reels le jeudi soir."),
                     (GUEST, "Et répondez à chaque message."),
                     (HOST, "Et qu'est-ce qu'on publie sur la page ?"),
                     (GUEST, "La fabrication, avec les vraies mains de l'atelier, pas des photos de catalogue."),
                     (HOST, "Merci Karim !")]
    assert any("vraies mains" in tip.quote for tip in _episode(lines).tips)


@pytest.mark.parametrize("question, reply", [
    ("Le pire jour pour lancer une promo ?", "Le vendredi soir."),
    ("Et le pire moment pour un live ?", "Le dimanche matin, pendant le marché."),
])
def test_the_reply_to_what_to_avoid_advises_against(question, reply):
    lines = INTRO + [(HOST, "Qu'est-ce que tu conseilles ?"), (GUEST, "Publiez vos Reels le jeudi soir."),
                     (GUEST, "Et répondez à chaque message."), (HOST, "On passe aux questions rapides."),
                     (HOST, question), (GUEST, reply), (HOST, "Merci Karim !")]
    tip = next(tip for tip in _episode(lines).tips if reply in tip.quote)
    assert (tip.polarity, tip.timing.days, tip.timing.times_of_day) == ("avoid", [], [])


@pytest.mark.parametrize("question, reply, frequency", [
    ("Et combien de fois par semaine ?", "Trois Reels, pas plus.", "several_per_week"),
    ("Et combien de vidéos par mois ?", "Deux vidéos, pas plus.", "monthly"),
    ("Pis à quel rythme, sur ce réseau-là ?", "Le lundi, le mercredi pis le vendredi.", "several_per_week"),
    ("Et à quel rythme ?", "Le mardi ou le jeudi, selon vos arrivages.", None),  # a choice, not a schedule
])
def test_the_reply_to_a_rhythm_question_gives_the_rhythm(question, reply, frequency):
    lines = INTRO + [(HOST, "Qu'est-ce que tu conseilles ?"), (GUEST, "Publiez vos Reels sur Instagram, en vidéo."),
                     (GUEST, "Et répondez à chaque message."), (HOST, question), (GUEST, reply),
                     (HOST, "Merci Karim !")]
    tip = next(tip for tip in _episode(lines).tips if reply in tip.quote)
    assert tip.timing.frequency == frequency


def test_a_section_gives_its_network_to_the_answers_in_it():
    """"Parlons d'Instagram." opens a section: the answers in it that name no network are about it,
    until a section without a network begins."""
    lines = INTRO + [
        (HOST, "Parlons d'Instagram, puisque c'est là que tu as le plus d'abonnés."),
        (HOST, "Qu'est-ce que tu conseilles comme contenu ?"),
        (GUEST, "Publiez les coulisses de l'atelier, avec les vraies mains qui travaillent."),
        (GUEST, "Et répondez à chaque commentaire."),
        (HOST, "Et à quel rythme on publie tout ça, d'après toi ?"),
        (GUEST, "Tous les trois jours, une publication qui renvoie vers le site."),
        (HOST, "On passe aux questions rapides."),
        (HOST, "Le meilleur jour pour une promo ?"),
        (GUEST, "Le jeudi, en fin de matinée."),
        (HOST, "Merci Karim !"),
    ]
    tips = _episode(lines).tips
    rhythm = next(tip for tip in tips if "trois jours" in tip.quote)
    day = next(tip for tip in tips if "jeudi" in tip.quote)
    assert (rhythm.networks, day.networks) == (["Instagram"], [])


@pytest.mark.parametrize("opening", ["Alors, TikTok.", "Bon, TikTok maintenant."])
def test_a_network_said_alone_opens_its_section(opening):
    """A network said alone, not in reply to a question, announces what follows ("Et en ligne, tout
    vient de TikTok. Alors, TikTok."); one given as an answer ("Par où commencer ? — Instagram.")
    is that answer's."""
    lines = INTRO + [
        (GUEST, "Et en ligne, presque tout vient des vidéos."),
        (GUEST, opening),
        (HOST, "Tu conseilles quoi à un artisan qui démarre ?"),
        (GUEST, "Filmez la fabrication, le geste, la matière."),
        (GUEST, "Et répondez à chaque commentaire, même le soir."),
        (HOST, "Et tu publies souvent ?"),
        (GUEST, "Un jour sur deux, pas plus."),
        (HOST, "Merci Karim !"),
    ]
    tips = _episode(lines).tips
    assert [tip.networks for tip in tips if "fabrication" in tip.quote or "jour sur deux" in tip.quote] == [
        ["TikTok"], ["TikTok"]]


@pytest.mark.parametrize("question, reply, hours, times", [
    ("La meilleure heure ?", "Dix-sept heures.", ["17:00"], ["afternoon"]),
    ("Et l'heure ?", "Vingt et une heures trente.", ["21:30"], ["evening"]),
    ("On publie quand, sur TikTok ?", "Huit heures.", ["08:00"], ["morning"]),
    ("Et combien de temps par jour ?", "Deux heures.", [], []),  # a length of time, not a clock time
])
def test_a_clock_time_said_alone_answers_the_hour_question(question, reply, hours, times):
    lines = INTRO + [(HOST, "Qu'est-ce que tu conseilles ?"), (GUEST, "Publiez vos Reels sur Instagram, en vidéo."),
                     (GUEST, "Et répondez à chaque message."), (HOST, question), (GUEST, reply),
                     (GUEST, "Les gens sont chez eux."), (HOST, "Merci Karim !")]
    tips = [tip for tip in _episode(lines).tips if reply in tip.quote]
    assert ([tips[0].timing.hours, tips[0].timing.times_of_day] if tips else [[], []]) == [hours, times]


def _two_tips(answers: list[str], first: str, second: str) -> tuple:
    """The tips that quote ``first`` and ``second`` in an answer given after the intro, checked to
    be two tips (a closing exchange adds the advice an episode needs to give any)."""
    lines = INTRO + [(GUEST, text) if not text.endswith("?") else (HOST, text) for text in answers] + [
        (HOST, "Et les commentaires ?"), (GUEST, "Répondez à chacun le jour même."), (HOST, "Merci Karim !")]
    tips = _episode(lines).tips
    one = next(tip for tip in tips if first in tip.quote)
    other = next(tip for tip in tips if second in tip.quote)
    assert one is not other
    return one, other


@pytest.mark.parametrize("general", [
    "Et ça, c'est valable sur tous les réseaux : répondez à chaque commentaire, même par un simple merci.",
    "Quel que soit le réseau, répondez à chaque commentaire dans la journée.",
])
def test_advice_for_every_network_is_a_tip_of_its_own_without_a_network(general):
    slot, every = _two_tips(["Et sur Facebook, tu publies quand ?",
                             "Publiez trois fois par semaine, le matin vers sept heures.", general],
                            "sept heures", general)
    assert (slot.networks, every.networks) == (["Facebook"], [])


def test_a_ban_after_a_rate_is_a_tip_of_its_own():
    rate, ban = _two_tips(["Et sur LinkedIn ?", "Un post par semaine, programmé le mardi matin, vers neuf heures.",
                           "Et ne programmez jamais un mois entier d'un coup.",
                           "Au-delà de deux semaines, vos posts ne collent plus à la saison."],
                          "Un post par semaine", "ne programmez jamais")
    assert (rate.polarity, rate.timing.frequency, ban.polarity) == ("do", "weekly", "avoid")


def test_a_general_rule_after_advice_about_one_network_is_a_tip_of_its_own():
    aside, _ = _two_tips(["Et Instagram ?",
                          "Pour une ferme, ce n'est pas la priorité. Si vous avez peu de temps, laissez-le de côté.",
                          "De façon générale, mieux vaut deux réseaux bien tenus que cinq abandonnés."],
                         "laissez-le de côté", "De façon générale")
    assert (aside.polarity, aside.networks) == ("avoid", ["Instagram"])


@pytest.mark.parametrize("announcement", [
    "Ce que je vais dire maintenant, c'est valable sur tous les réseaux.",
    "Et pour tous les réseaux, trois règles.",
])
def test_advice_announced_for_every_network_carries_no_network(announcement):
    lines = INTRO + [(HOST, "Et sur Facebook, tu publies quand ?"),
                     (GUEST, "Publiez trois fois par semaine, le matin vers sept heures."),
                     (HOST, "Et en dehors de Facebook ?"), (GUEST, announcement),
                     (GUEST, "Montrez les visages de l'équipe, pas seulement le produit."),
                     (GUEST, "Une personne, ça donne confiance."),
                     (GUEST, "Et écrivez toujours le prix en clair."), (HOST, "Merci Karim !")]
    tips = _episode(lines).tips
    general = [tip for tip in tips if "visages" in tip.quote or "prix en clair" in tip.quote]
    assert general and all(tip.networks == [] for tip in general)


@pytest.mark.parametrize("first, second", [
    ("Publiez plutôt entre midi et treize heures, à la pause.", "Et filmez la coiffure terminée en dernier, pas au début."),
    ("Répondez à chaque avis dans la journée, même aux mauvais.", "Et ne supprimez jamais un commentaire qui vous critique."),
])
def test_a_second_imperative_joined_by_et_is_a_second_tip(first, second):
    _two_tips(["Et qu'est-ce que tu conseilles ?", first, second], first, second)


def test_an_imperative_about_something_else_joined_by_et_stays_in_its_tip():
    lines = INTRO + [(HOST, "Et qu'est-ce que tu conseilles ?"),
                     (GUEST, "Filmez le marché le samedi matin, pour vos stories."),
                     (GUEST, "Et prenez une gourde, pour la chaleur."), (HOST, "Et les commentaires ?"),
                     (GUEST, "Répondez à chacun le jour même."), (HOST, "Merci Karim !")]
    tip = next(tip for tip in _episode(lines).tips if "marché" in tip.quote)
    assert "gourde" in tip.quote


@pytest.mark.parametrize("labelled", [True, False])
def test_a_callers_own_practice_does_not_lead_into_the_advice(labelled):
    lines = INTRO + [(HOST, "Premier appel. Allô ?"), ("Rosine", "Bonsoir, je loue des chaises pour les mariages."),
                     ("Rosine", "Je poste sur Instagram, le lundi après-midi, des photos de nos chaises."),
                     (GUEST, "Rosine, laissez Instagram de côté, vos clients cherchent sur Facebook."),
                     (GUEST, "Et publiez le jeudi soir, quand les familles préparent le week-end."),
                     (HOST, "Merci Karim !")]
    tip = next(tip for tip in _episode(lines, labelled).tips if "laissez Instagram" in tip.quote)
    assert not tip.quote.startswith("Je poste")


def test_a_run_on_imperative_advises_and_its_negation_advises_against():
    """A live read aloud without punctuation: "… je sais pourquoi ne poste jamais tes photos …" is
    advice against, "… les gens mangent vite fais ton live …" advice."""
    lines = [
        (GUEST, "bonjour bonjour tout le monde merci d'être là ce soir on vend les pagnes"),
        (GUEST, "awa demande pour les photos bon je sais pourquoi ne poste jamais tes photos sous la lampe jaune"),
        (GUEST, "les couleurs changent et le client croit que le tissu est sale"),
        (GUEST, "coumba demande l'heure du live alors le midi les gens mangent vite fais ton live sur facebook le soir"),
        (GUEST, "après le repas quand ils sont couchés avec le téléphone"),
        (GUEST, "voilà trois pagnes pour mariam et deux pour fanta"),
        (GUEST, "bon merci à tous à demain même heure"),
    ]
    tips = _episode(lines, labelled=False).tips
    assert any("lampe jaune" in tip.quote and tip.polarity == "avoid" for tip in tips)
    assert any("fais ton live" in tip.quote and tip.networks == ["Facebook"] for tip in tips)


@pytest.mark.parametrize("labelled", [True, False])
def test_a_numbered_mistake_and_its_remedy_are_one_tip(labelled):
    """"Erreur numéro quatre." opens a point: the mistake, a story about it and the remedy are one
    idea, which the story does not cut in two."""
    lines = INTRO + [
        (HOST, "On passe à la suite de ta liste."),
        (GUEST, "Erreur numéro quatre."),
        (GUEST, "Supprimer les commentaires négatifs sous vos publications Facebook."),
        (GUEST, "Je l'ai fait une fois pour ma boutique, et je l'ai regretté pendant un an."),
        (GUEST, "Répondez plutôt le lendemain, calmement, en proposant une solution."),
        (GUEST, "Erreur numéro cinq."),
        (GUEST, "Publier sans jamais répondre aux messages."),
        (GUEST, "Répondez dans la journée, même en deux mots."),
        (HOST, "Merci Karim !"),
    ]
    tips = _episode(lines, labelled).tips
    four = [tip for tip in tips if "Supprimer" in tip.quote or "lendemain" in tip.quote]
    assert len(four) == 1 and "Supprimer" in four[0].quote and "lendemain" in four[0].quote


# a list of mistakes: each named in a few words, advised against, then what to do instead
MISTAKES = [
    (HOST, "Bonsoir, et bienvenue dans Attention, piège ! Avec moi, Karim, soudeur."),
    (GUEST, "Bonsoir Nadia."),
    (HOST, "Alors, erreur numéro un ?"),
    (GUEST, "Publier en pleine nuit."),
    (GUEST, "Ne postez pas sur Facebook à une heure du matin parce que vous avez fini le travail."),
    (GUEST, "Au lieu de poster à minuit, postez le soir, entre dix-neuf et vingt heures."),
    (HOST, "Erreur numéro deux ?"),
    (GUEST, "Laisser les messages WhatsApp sans réponse pendant trois jours."),
    (GUEST, "Ne faites pas ça."),
    (GUEST, "Au lieu d'attendre d'avoir le prix exact, répondez le jour même."),
    (HOST, "Merci Karim !"),
]


def test_a_mistake_its_ban_and_what_to_do_instead_are_one_tip():
    tips = _episode(MISTAKES, labelled=False).tips
    assert [tip.polarity for tip in tips] == ["avoid", "avoid"]
    assert "pleine nuit" in tips[0].quote and "dix-neuf" in tips[0].quote
    assert "sans réponse" in tips[1].quote and "jour même" in tips[1].quote


# a weekly plan read out line by line, then explained
PLAN = INTRO + [
    (HOST, "Karim, ta semaine type ?"),
    (GUEST, "Lundi : un carrousel sur Instagram."),
    (GUEST, "Mercredi : un live TikTok à 20 h."),
    (GUEST, "Jeudi : la liste du panier sur WhatsApp, à midi."),
    (GUEST, "Vendredi : rien."),
    (GUEST, "Et gardez la même grille deux mois, ne la changez pas chaque semaine."),
] + CLOSING


def test_the_lines_of_a_weekly_plan_are_one_tip():
    plans = [tip for tip in _episode(PLAN).tips if "carrousel" in tip.quote]
    assert len(plans) == 1
    assert "live TikTok" in plans[0].quote and "panier" in plans[0].quote
    assert plans[0].timing.days == ["monday", "wednesday", "thursday"]



# (the practice told, the sentence that endorses it, a word of the practice, its days, its times of day)
ENDORSED_PRACTICES = [
    (["Le lundi matin, je prends un quart d'heure pour répondre à tous les avis Google, avec mon café."],
     "Faites pareil.", "quart d'heure", ["monday"], ["morning"]),
    (["J'ai une cliente, une fleuriste, qui publiait n'importe quand.",
      "Maintenant, chaque vendredi soir, elle filme la préparation des bouquets du samedi et elle la met en Reel.",
      "Ses réservations ont doublé."],
     "Alors faites comme elle.", "bouquets", ["friday"], ["evening"]),
    (["Mon voisin boulanger met la photo du pain qui sort du four sur Facebook, tous les jours à six heures."],
     "Ça, faites comme lui : une photo, une phrase, c'est tout.", "boulanger", [], ["morning"]),
]


@pytest.mark.parametrize("told, endorsement, word, days, times", ENDORSED_PRACTICES)
def test_a_practice_endorsed_is_the_tip(told, endorsement, word, days, times):
    lines = INTRO + [(HOST, "Et concrètement, qu'est-ce que vous conseillez ?")] + [(GUEST, text) for text in told] + [
        (GUEST, endorsement)] + CLOSING
    tip = next(tip for tip in _episode(lines).tips if endorsement in tip.quote)
    assert word in tip.quote  # "Faites pareil." says to do what was just told
    assert "conseillez" not in tip.quote  # the host's question is not part of it
    assert tip.timing.days == days
    assert tip.timing.times_of_day == times


def test_an_endorsement_reaches_back_no_further_than_four_sentences():
    told = ["Au début, je ne publiais rien.", "Ensuite, j'ai essayé TikTok, sans succès.", "Puis Facebook, un peu.",
            "Un jour, une amie m'a parlé des statuts WhatsApp.", "Depuis, je mets un statut chaque matin à huit heures."]
    lines = INTRO + [(GUEST, text) for text in told] + [(GUEST, "Faites pareil.")] + CLOSING
    tip = next(tip for tip in _episode(lines).tips if "Faites pareil." in tip.quote)
    assert "statut chaque matin" in tip.quote
    assert "je ne publiais rien" not in tip.quote
