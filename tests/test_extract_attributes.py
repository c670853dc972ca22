"""Tables of French phrasings for each attribute a tip carries."""

from __future__ import annotations

import pytest

from pipeline.extract.features import matchers, read_once, sentence_features
from pipeline.extract.timing import speaks_of_dinner_as_lunch
from pipeline.nlp import load_nlp


def features(text: str):
    nlp = load_nlp()
    doc = nlp(text)
    return sentence_features(doc[:], 0, matchers(nlp))


NETWORKS = [
    ("Publiez vos Reels sur Insta le soir.", ["Instagram"]),
    ("Sur Twitter, enfin X, les fils marchent bien.", ["X"]),
    ("Mettez vos Shorts en avant.", ["YouTube"]),
    ("Passez sur WhatsApp Business tout de suite.", ["WhatsApp"]),
    ("Demandez des avis Google à chaque client.", ["Google"]),
    ("Sur TikTok et sur LinkedIn, le public n'est pas le même.", ["TikTok", "LinkedIn"]),
    ("Lancez un serveur Discord et un canal Telegram.", ["Discord", "Telegram"]),
    ("Mettez votre podcast sur Spotify et Apple Podcasts.", ["Spotify", "Apple Podcasts"]),
    ("Je poste sur FB et sur YT.", ["Facebook", "YouTube"]),
    ("Le contenu compte plus que tout.", []),
    ("Transformez chaque projet en épingles avec un lien vers le site.", ["Pinterest"]),
    ("Publiez un statut chaque matin pour vos clients.", ["WhatsApp"]),
    ("Testez deux miniatures sur chaque vidéo.", ["YouTube"]),
    ("Les Spaces, le soir, c'est surtout de la politique.", ["X"]),
    # stories said alone are Instagram's; said with another platform, they are that platform's
    ("Et les stories, tous les jours ?", ["Instagram"]),
    ("Faites une story chaque matin.", ["Instagram"]),
    ("Les stories Snapchat, ça, c'est pour les ados.", ["Snapchat"]),
    ("Sur Facebook, mettez aussi vos stories.", ["Facebook"]),
    # names spelt by ear in speech-to-text, in one word or several
    ("mettez vos photos sur fesbouk le soir", ["Facebook"]),
    ("euh sur la page face bouc tous les jours", ["Facebook"]),
    ("faites des vidéos sur tic toc et des stories instagrame", ["TikTok", "Instagram"]),
    ("le catalogue sur wotsap et les épingles sur pinte reste", ["WhatsApp", "Pinterest"]),
    ("un groupe what's up pour les clientes", ["WhatsApp"]),
    ("linkdine c'est pas pour nous", ["LinkedIn"]),
    ("snap chat pour les jeunes", ["Snapchat"]),
    # ordinary words that sound a little like a name are not one
    ("on était en désaccord, il est rentré tard si tu veux", []),
    ("le tic-tac de la pendule, la face du bouc", []),
    ("et un maillet tac tac tac toute la journée", []),
    # the letter X said alone is the network, even joined to its full stop, but not a placeholder, a name or a count
    ("X. Pour un chocolatier, aucun intérêt.", ["X"]),
    ("Et X. Pas pour nous.", ["X"]),
    ("X, c'est l'actu, le foot, la politique.", ["X"]),
    ("Un client X ou Y vous écrit sur Facebook.", ["Facebook"]),
    ("Monsieur X a laissé un avis Google.", ["Google"]),
    ("La génération X est sur Facebook.", ["Facebook"]),
    ("Publiez X fois par semaine sur Instagram.", ["Instagram"]),
    ("Jean X. Dupont a lancé sa page.", []),
]


@pytest.mark.parametrize("text, expected", NETWORKS)
def test_networks(text, expected):
    assert features(text).networks == expected


DAYS = [
    ("Publiez du mardi au jeudi.", ["tuesday", "wednesday", "thursday"]),
    ("Le mieux c'est de publier le lundi, le mercredi et le vendredi.", ["monday", "wednesday", "friday"]),
    ("Postez le week-end, quand les gens ont du temps.", ["saturday", "sunday"]),
    ("Publiez en semaine.", ["monday", "tuesday", "wednesday", "thursday", "friday"]),
    ("Évitez de publier le lundi.", []),
    ("Franchement, le lundi, sur LinkedIn, évitez.", []),
    ("Ne publiez pas le dimanche.", []),
    ("Une publication le mardi a plus d'impact qu'une publication le vendredi ou le samedi.", ["tuesday"]),
    ("Publiez le jeudi plutôt que le lundi.", ["thursday"]),
    ("Le samedi matin, c'est bien. Mais le dimanche soir, jamais.", ["saturday"]),
    ("Gardez vos offres pour le mercredi ou le jeudi, avant le week-end.", ["wednesday", "thursday"]),
    ("Les familles s'organisent le jeudi soir, pas le samedi matin.", ["thursday"]),
    ("Publiez en milieu de semaine.", ["tuesday", "wednesday", "thursday"]),
    ("Le mieux, c'est en début de semaine.", ["monday", "tuesday"]),
    ("Commentez vingt minutes par jour, sauf le week-end.", ["monday", "tuesday", "wednesday", "thursday", "friday"]),
    ("Publiez l'agenda du week-end chaque jeudi.", ["thursday"]),
    ("Publie ton horaire de la fin de semaine le jeudi.", ["thursday"]),
    ("Des posts du lundi au vendredi.", ["monday", "tuesday", "wednesday", "thursday", "friday"]),
    # the days named narrow "en semaine" down
    ("Faites vos lives en semaine, le mardi ou le mercredi.", ["tuesday", "wednesday"]),
    # one occasion, someone's day: no advised day
    ("Un dimanche, j'ai publié par hasard.", []),
    ("Postez le jeudi, quand ils réservent leur samedi soir.", ["thursday"]),
    ("Envoyez la lettre un mardi sur deux.", ["tuesday"]),
    ("L'émission revient jeudi prochain, à vingt heures.", []),
    ("Un post par semaine, entre le mardi et le jeudi.", ["tuesday", "wednesday", "thursday"]),
    ("Je dirais en semaine, sauf le lundi.", ["tuesday", "wednesday", "thursday", "friday"]),
    # every day but the ones excepted, listed or not
    ("Une photo de chantier sur votre fiche Google, tous les jours sauf le vendredi.",
     ["monday", "tuesday", "wednesday", "thursday", "saturday", "sunday"]),
    ("Tous les jours, sauf le samedi et le dimanche, une story.", ["monday", "tuesday", "wednesday", "thursday", "friday"]),
    # a day said in what only explains the advice: a clause of purpose, time or cause, a quotation
    ("Publiez le samedi, pour que la pièce soit là quand ils ouvrent leur téléphone le dimanche.", ["saturday"]),
    ("Publiez le mardi, parce que le lundi tout le monde est débordé.", ["tuesday"]),
    ("Le jeudi, tu annonces : « Vendredi, y a l'orchestre ! »", ["thursday"]),
    ("Publiez quand ils sont disponibles, le samedi.", ["saturday"]),
    # what the post is for is no slot, unless the advice names no other day
    ("Et le jeudi, pensez au week-end.", ["thursday"]),
    ("Un post le vendredi, pour le week-end.", ["friday"]),
    ("Gardez les vidéos longues pour le week-end.", ["saturday", "sunday"]),
    # a day set aside by a comment on it
    ("Le dimanche, c'est trop tard, publiez le vendredi.", ["friday"]),
    # the audience's days, then "donc" and the advice, in one unpunctuated sentence
    ("le monde planifie sa fin de semaine le mercredi le jeudi faque publie le mercredi soir", ["wednesday"]),
    ("les familles décident le jeudi donc publie le mercredi vers vingt heures", ["wednesday"]),
    ("donc publiez le jeudi", ["thursday"]),
    # a ban, then what to do instead in a clause of its own
    ("Évitez le dimanche, postez plutôt le samedi.", ["saturday"]),
    ("Évitez le lundi ; publiez le mardi.", ["tuesday"]),
    ("Évitez de publier le lundi, le mardi.", []),
    ("Le week-end, c'est mort, publiez en semaine.", ["monday", "tuesday", "wednesday", "thursday", "friday"]),
    # Moroccan Darija in Latin script, and a negation that asks "why not"
    ("Poste sur Facebook nhar l'jem3a, après la prière.", ["friday"]),
    ("safi publie nhar t-tlat w nhar l'khmis", ["tuesday", "thursday"]),
    ("Pourquoi vous ne mettriez pas la vidéo le dimanche soir ?", ["sunday"]),
]


@pytest.mark.parametrize("text, expected", DAYS)
def test_days(text, expected):
    assert features(text).timing.days == expected


TIMES = [
    ("Publiez le soir, entre 19h et 21h.", ["evening"], ["19:00-21:00"]),
    # a part of the day that qualifies a noun says what, not when; what is published keeps its slot
    ("Montrez les bijoux portés, sur la peau, à la lumière du matin.", [], []),
    ("Mettez le prix de la nuit dans le premier écran.", [], []),
    ("Les lives du soir marchent mieux que ceux du matin.", ["evening"], []),
    ("Publiez en début de soirée.", ["evening"], []),
    # what a preference sets aside: "je préfère … que …"
    ("Je préfère une belle photo tous les trois jours que des photos ratées tous les soirs.", [], []),
    ("Je préfère publier le soir, vers vingt heures.", ["evening"], ["20:00"]),
    ("Je conseille de poster à 8h du matin.", ["morning"], ["08:00"]),
    ("Publiez vers 11h30, avant la pause déjeuner.", ["morning"], ["11:30"]),
    ("Postez vos stories le midi.", ["midday"], []),
    ("Publiez en fin d'après-midi.", ["afternoon"], []),
    ("Publiez à huit heures du soir.", ["evening"], ["20:00"]),
    ("Répondez aux messages en vingt-quatre heures.", [], []),
    ("Répondez dans l'heure : après une heure, le client a déjà acheté ailleurs.", [], []),
    ("Publiez entre midi et une heure.", ["midday"], ["12:00-13:00"]),
    ("Publiez vers sept heures du soir, huit heures.", ["evening"], ["19:00", "20:00"]),
    # "h." closing the sentence is one token
    ("Donc le live, c'est vers 22 h.", ["evening"], ["22:00"]),
    # the evening runs to 23 h; after it comes the night
    ("Sur TikTok, c'est tard le soir, vers vingt-trois heures.", ["evening"], ["23:00"]),
    ("La nuit, après 23 h, plus personne ne modère.", ["night"], ["23:00"]),
    # the part of the day of a hypothesis is no slot
    ("Si vous faites un live tous les soirs, plus personne ne modère.", [], []),
    ("Streamez de 20 heures à 23 heures.", ["evening"], ["20:00-23:00"]),
    ("Sortez la vidéo vers cinq heures de l'après-midi.", ["afternoon"], ["17:00"]),
    # a range whose unit is said once, at its end, covering the parts of the day it spans
    ("Postez entre 17 et 19 heures.", ["afternoon", "evening"], ["17:00-19:00"]),
    ("Publiez entre 7 et 9 heures du soir.", ["evening"], ["19:00-21:00"]),
    ("Entre 12 et 14h, postez vos stories.", ["midday"], ["12:00-14:00"]),
    ("Publiez entre 20 et 30 vidéos avant de juger.", [], []),
    # "soir" said before the hours, and not carried over to a morning hour said before it
    ("Publiez le soir, de neuf à onze heures.", ["evening"], ["21:00-23:00"]),
    ("Postez le matin à 9h, et le soir à 7h.", ["morning", "evening"], ["09:00", "19:00"]),
    ("L'après-midi, publiez vers 3 heures.", ["afternoon"], ["15:00"]),
    ("Je poste le refrain, un soir, comme ça.", [], []),
    ("Postez le soir vers vingt et une heures.", ["evening"], ["21:00"]),
    ("Publiez vos Reels entre midi et une heure.", ["midday"], ["12:00-13:00"]),
    ("Publiez à six heures et demie du matin.", ["morning"], ["06:30"]),
    ("Publiez en fin de journée, à la sortie du bureau.", ["evening"], []),
    ("Et les infos du quotidien, entre midi et deux.", ["midday"], ["12:00"]),
    ("Postez les Shorts à l'heure du dîner, entre midi et une heure.", ["midday"], ["12:00-13:00"]),  # Swiss lunch
    ("Publiez après le dîner, quand les enfants dorment.", ["evening"], []),
    ("Repartage-les le soir, après le souper.", ["evening"], []),
    ("Publiez tôt, avant d'aller au bureau.", ["morning"], []),
    ("Attendez le lendemain matin pour répondre.", [], []),
    # one to five o'clock is after noon unless the morning or the night is said
    ("Postez à l'heure du thé, vers cinq heures.", ["afternoon"], ["17:00"]),
    ("Publiez après le repas, vers une heure.", ["midday"], ["13:00"]),
    ("Lancez le live à 3h du matin, pour la diaspora.", ["night"], ["03:00"]),
    ("Programmez la sortie à cinq heures du matin.", ["morning"], ["05:00"]),
    ("Au réveil, vers cinq heures et demie, une story de motivation.", ["morning"], ["05:30"]),
    ("Chaque matin de pêche, faites une story au lever du soleil, vers cinq heures.", ["morning"], ["05:00"]),
    ("La nuit, vers deux heures, lancez le live pour la diaspora.", ["night"], ["02:00"]),
    ("Le soir, vers cinq heures, postez la vidéo.", ["afternoon"], ["17:00"]),
    ("Faites un club de lecture le mercredi, à l'heure du goûter.", ["afternoon"], []),
    # a clock time said with a part of the day tells which part it is
    ("Animez-le tard le soir, vers dix heures.", ["evening"], ["22:00"]),
    # but "midi" and "minuit" name their own part: in a list they say nothing of the parts around them
    ("Trois statuts par jour, pas plus : un le matin, un à midi, un le soir.", ["morning", "midday", "evening"], ["12:00"]),
    ("Deux lives : un le soir, un à minuit pour les couche-tard.", ["evening", "night"], ["00:00"]),
    ("Ajoutez une story à la sortie des bureaux, vers 16 h 30.", ["afternoon"], ["16:30"]),
    # two hours apart are no range
    ("Postez à midi et demi, car beaucoup de bureaux finissent à seize heures.", ["midday", "afternoon"], ["12:30", "16:00"]),
    # a part of the day inside the message quoted, or of this afternoon only
    ("Une story vers dix heures, pour dire « il reste deux créneaux l'après-midi ».", ["morning"], ["10:00"]),
    ("Une story pour dire qu'il reste deux créneaux cet après-midi.", [], []),
    # a part of the day said of one occasion or of someone's day
    ("Postez le jeudi : ils réservent leur samedi soir.", [], []),
    ("Rappelez-leur de commander à soir.", [], []),
    # a time set aside by a comment on it
    ("À midi pile, c'est trop tard, postez vers onze heures.", ["morning"], ["11:00"]),
    ("Dix-huit heures, ça ne veut rien dire pour un boulanger.", [], []),
    ("Publiez le soir, le matin c'est trop tôt.", ["evening"], []),
    ("Et huit heures du soir, pour une boulangerie, moi je décalerais.", [], []),
    ("Pas de photos de la salle vide à quinze heures.", [], []),
    # the day told by fasting, by the way home; the sun tells what is filmed, not when to post
    ("Le meilleur moment, c'est la mi-journée.", ["midday"], []),
    ("Pendant le ramadan, postez juste après le ftour.", ["evening"], []),
    ("Publiez après le boulot, quand vous avez un moment.", ["evening"], []),
    ("Faites des Reels courts au lever du soleil, avec la vapeur sur le bassin.", [], []),
    # a part of the day named only to explain the one advised
    ("Moi je dirais le midi, quand ils cherchent quoi faire de leur après-midi.", ["midday"], []),
    ("Publiez entre midi pis une heure.", ["midday"], ["12:00-13:00"]),
    # "vers les 21 heures" is a clock time; "toutes les 48 heures" a rhythm
    ("Postez vers les 21 heures.", ["evening"], ["21:00"]),
    ("Répondez toutes les 48 heures.", [], []),
    # Darija: "f l'3chiya" puts the hour said with it in the evening
    ("kol nhar une vidéo sur tiktok f l'3chiya vers sept heures", ["evening"], ["19:00"]),
    ("Le statut WhatsApp f sbah, avant le travail.", ["morning"], []),
    ("Pas en journée, f l'lil, quand ils sont au lit.", ["night"], []),
    # Québec: "à soir" is tonight, "le jeudi à soir" every Thursday evening
    ("Publie tes photos le jeudi à soir, sur Facebook.", ["evening"], []),
    ("À soir, je publie ma vidéo sur Facebook.", [], []),
    # "pour" a clock time after a verb that schedules the post; a stay of hours is no time of day
    ("Programme ta vidéo pour 19 h.", ["evening"], ["19:00"]),
    ("Programmez-la pour huit heures du matin.", ["morning"], ["08:00"]),
    ("La story reste en ligne pour 24 heures.", [], []),
    # a slot kept as it is
    ("Le dimanche soir sur Facebook, franchement, ne changez rien.", ["evening"], []),
    # the day told by dawn, waking, school, work, meals and bedtime
    ("Publiez à l'aube, avant que la ville se réveille.", ["morning"], []),
    ("Postez dès potron-minet.", ["morning"], []),
    ("Mettez la story à la première heure.", ["morning"], []),
    ("Publiez au petit-déjeuner, avec le café.", ["morning"], []),
    ("Un live le dimanche aprèm.", ["afternoon"], []),
    ("Postez à la sortie de l'école.", ["afternoon"], []),
    ("Publiez quand les gens rentrent du travail.", ["evening"], []),
    ("Postez à l'heure de l'apéro.", ["evening"], []),
    ("Publiez vos vidéos en prime time.", ["evening"], []),
    ("Publiez à la tombée de la nuit.", ["evening"], []),  # the longer phrase, not "la nuit"
    ("Une story avant de dormir, tous les jours.", ["evening"], []),
    ("Publiez à l'heure du lunch.", ["midday"], []),
    # the first hour after posting, a meal filmed: no time of day
    ("Répondez aux commentaires dans la première heure.", [], []),
    ("Montrez le petit-déjeuner de vos hôtes.", [], []),
    # what the post is for, when the sentence names the slot itself
    ("À midi, un statut avec les commandes possibles pour le soir.", ["midday"], ["12:00"]),
    ("Pour le soir, publiez vers dix-sept heures.", ["afternoon"], ["17:00"]),
    ("Programmez vos posts pour le matin.", ["morning"], []),
    # the evening or the morning of an event is a slot; tonight is one occasion
    ("Envoyez trois photos aux mariés le soir même du mariage.", ["evening"], []),
    ("Annoncez le live en story le matin même.", ["morning"], []),
    ("Répondez aux messages le soir même de l'atelier, pas le lendemain.", ["evening"], []),
    ("Ce soir même, faites des captures d'écran.", [], []),
    # a condition said without a comma ends where the imperative of the advice begins
    ("si votre clientèle c'est des familles postez deux vidéos le mercredi à l'heure du goûter", ["afternoon"], []),
    ("si vos clients sont des étudiants publiez le soir vers vingt et une heures", ["evening"], ["21:00"]),
    ("si vous publiez tous les soirs vous allez vous épuiser", [], []),
    ("si vous les postez le matin, personne ne les voit", [], []),
]


@pytest.mark.parametrize("text, parts, hours", TIMES)
def test_times_of_day(text, parts, hours):
    timing = features(text).timing
    assert timing.times_of_day == parts
    assert timing.hours == hours


@pytest.mark.parametrize("text, dinner_is_lunch, parts", [
    ("Publiez à l'heure du dîner, le vendredi.", False, ["evening"]),
    ("Publiez à l'heure du dîner, le vendredi.", True, ["midday"]),
    ("Répondez aux avis après le dîner.", True, ["afternoon"]),
    ("Publiez le soir, après le souper.", True, ["evening"]),
    # a clock time said with the meal wins wherever it is said
    ("Publiez à l'heure du dîner, vers vingt heures.", True, ["evening"]),
])
def test_the_dinner_of_belgium_switzerland_and_quebec_is_lunch(text, dinner_is_lunch, parts):
    nlp = load_nlp()
    timing = sentence_features(nlp(text)[:], 0, matchers(nlp), dinner_is_lunch=dinner_is_lunch).timing
    assert timing.times_of_day == parts


@pytest.mark.parametrize("text, dinner_is_lunch", [
    ("pis on soupe à six heures, faque le dîner c'est à midi", True),
    ("on a septante abonnés", True),
    ("envoie-moi ça sur mon natel", True),
    ("le dîner en famille, une bonne soupe", False),
    ("on publie après le dîner", False),
])
def test_words_that_name_the_noon_meal_dinner(text, dinner_is_lunch):
    assert speaks_of_dinner_as_lunch(text.split()) is dinner_is_lunch


FREQUENCIES = [
    ("Publiez tous les jours.", "daily", []),
    ("Il faut publier une vidéo par jour.", "daily", [1]),
    ("Je recommande de poster trois à quatre fois par semaine.", "several_per_week", [3, 4]),
    ("Publiez 2 fois par semaine.", "several_per_week", [2]),
    ("Une publication par semaine suffit.", "weekly", [1]),
    ("Envoyez votre newsletter chaque semaine.", "weekly", []),
    ("Publiez un article une fois par mois.", "monthly", [1]),
    ("Postez plusieurs fois par semaine.", "several_per_week", []),
    ("Ça ne sert à rien de publier tous les jours.", None, []),
    ("Il travaille quotidiennement sur son endurance.", None, []),
    # a count with nothing counted is the rate of the posts under discussion
    ("Deux par semaine, ça suffit.", "several_per_week", [2]),
    ("Il travaille deux jours par semaine.", None, []),
    ("Je recommande de viser trois ou quatre nouveaux avis chaque semaine.", "several_per_week", [3, 4]),
    ("Faites un point chaque lundi matin.", "weekly", []),
    ("Faites un live un week-end sur deux, le samedi.", "monthly", []),
    ("Envoyez la lettre une semaine sur deux.", "monthly", []),
    ("Les promotions, publiez-les chaque fin de mois.", "monthly", []),
    ("Pas besoin de faire un live tous les jours.", None, []),
    ("Une par semaine, toujours le même jour.", "weekly", [1]),
    ("Montrez des petites vidéos du quotidien de la boutique.", None, []),
    ("Publiez un jour sur deux.", "several_per_week", []),
    ("Postez tous les deux jours.", "several_per_week", []),
    ("Envoyez la newsletter toutes les deux semaines.", "monthly", []),
    ("Publiez tous les quinze jours.", "monthly", []),
    ("Envoyez l'infolettre un dimanche sur deux, le soir.", "monthly", []),  # every other week
    ("Relisez votre persona tous les six mois.", None, []),  # rarer than any publishing rhythm
    ("Pas tous les jours, sinon on se lasse.", None, []),  # the rhythm set aside
    # the rhythm of a condition, not the one advised
    ("Le chocolat, si on en voit tous les jours, on s'en lasse.", None, []),
    ("Si tu peux, publie tous les jours.", "daily", []),
    ("Publiez deux fois par mois.", "monthly", [2]),
    ("Commentez vingt minutes par jour.", "daily", []),
    # a reply in fragments, without a conjugated verb
    ("Tous les matins, avant d'aller au bureau.", "daily", []),
    ("Il travaille tous les jours.", None, []),
    # a rhythm classed by the smaller count of its range
    ("Publiez une à deux fois par semaine.", "weekly", [1, 2]),
    ("Je recommande deux à trois posts par semaine.", "several_per_week", [2, 3]),
    ("Je dirais trois épisodes par mois.", "weekly", [3]),
    ("Mieux vaut quatre belles vidéos par semaine que sept vidéos bâclées.", "several_per_week", [4]),
    # a count weighed against seven, one a day: a weekly rate
    ("Mieux vaut trois posts utiles que sept posts vides.", "several_per_week", [3]),
    ("Une belle photo bien éclairée vaut mieux que sept photos floues.", "weekly", [1]),
    ("Mieux vaut dix photos que sept vidéos.", None, []),
    # a budget is no rhythm; a subordinate clause's verb is not the reply's
    ("Vingt euros par jour, pendant deux semaines, sur Instagram.", None, []),
    ("Deux fois par mois, le dimanche après-midi, quand la diaspora est à la maison.", "monthly", [2]),
    # rhythms said with an adjective, counted or not, and days out of the week
    ("Faites une story quotidienne.", "daily", [1]),
    ("Publiez régulièrement, genre trois posts hebdomadaires.", "several_per_week", [3]),
    ("Publiez cinq jours sur sept.", "several_per_week", []),
    # a rhythm set aside by what it does to whoever keeps it up
    ("Tous les jours, tu vas t'épuiser en deux semaines.", None, []),
    ("Tous les jours la même photo, les gens se lassent.", None, []),
    ("non non deux lives par semaine c'est bien toujours tous les jours tu vas te fatiguer", "several_per_week", [2]),
    ("Postez deux fois par semaine pour ne pas vous épuiser.", "several_per_week", [2]),
    # an hour is no count of the rhythm after it; "si si" insists, it sets no condition
    ("il faut le mettre la veille le soir vers vingt heures chaque semaine", "weekly", []),
    ("si si chaque matin mettez un statut sur watts app", "daily", []),
    # a rhythm said of a network or weighed, with no word of publishing
    ("Sur Instagram, deux fois par semaine, le mardi et le vendredi.", "several_per_week", [2]),
    ("Deux fois par semaine, c'est largement assez.", "several_per_week", [2]),
    ("Une fois par mois, ça suffit.", "monthly", [1]),
    ("Il va à la salle deux fois par semaine.", None, []),
    ("une vidéo par semaine sur tiktok c'est suffisant au début faut pas se tuer", "weekly", [1]),
    # a price or a budget counted by the day or the month is no rhythm
    ("Fixez un budget mensuel, et ne le dépassez pas.", None, []),
    ("Mettez dans le catalogue chaque voiture avec le prix par jour.", None, []),
    # Darija and Québec ways of counting
    ("kol nhar une vidéo sur tiktok", "daily", []),
    ("Une story mrra f simana, pas plus.", "weekly", []),
    ("Publiez une infolettre aux deux semaines.", "monthly", []),
    # "pourquoi ne pas" suggests the rhythm; speech-to-text without commas ends a ban at the next clause
    ("Pourquoi tu ne ferais pas un post par semaine ?", "weekly", [1]),
    ("pas un groupe un groupe c'est le souk envoie un message une fois par mois", "monthly", [1]),
]


@pytest.mark.parametrize("text, frequency, count", FREQUENCIES)
def test_frequency(text, frequency, count):
    timing = features(text).timing
    assert timing.frequency == frequency
    assert timing.frequency_count == count


def test_the_hour_before_sinon_is_advised():
    """"sinon c'est trop tard" sets aside what the advice avoids, not the hour it gives."""
    timing = features("Postez avant neuf heures, sinon c'est trop tard.").timing
    assert timing.hours == ["09:00"]


DURATIONS = [
    ("Tenez ce rythme pendant 30 jours.", ["P30D"]),
    ("Tenez ce rythme pendant nonante jours.", ["P90D"]),  # Belgian and Swiss numbers
    ("Après une période de deux semaines à six mois, changez de réseau.", ["P2W", "P6M"]),
    ("Pour être au top dans six mois, il s'entraîne.", []),
    ("Donnez-vous un an.", ["P1Y"]),
]


@pytest.mark.parametrize("text, expected", DURATIONS)
def test_duration(text, expected):
    assert features(text).timing.duration == expected


POLARITY = [
    ("Évitez de publier des photos floues.", "avoid"),
    ("Ne publiez jamais sans relire.", "avoid"),
    ("Surtout pas de hashtags génériques.", "avoid"),
    ("Ça ne sert à rien de payer pour des abonnés.", "avoid"),
    ("N'achetez pas de followers.", "avoid"),
    ("Je vous déconseille les concours.", "avoid"),
    ("Je vous conseille de répondre à chaque commentaire.", "do"),
    # advice told as a knack or a regret
    ("Le truc, c'est de montrer le fil avant la chemise.", "do"),
    ("Ce que j'aurais dû faire dès le début, c'est faire porter les chemises par de vraies personnes.", "do"),
    ("Publiez des vidéos plutôt que des photos.", "do"),
    ("Le mieux c'est de tester plusieurs formats.", "do"),
    ("Il faut publier régulièrement.", "do"),
    ("Tu devrais filmer tes arrivages.", "do"),
    ("Exportez la vidéo sans filigrane.", "do"),
    ("Ne lâchez pas, continuez à publier.", "do"),
    ("Pour une petite ville, je ne conseille pas de se lancer sur TikTok.", "avoid"),
    ("Le piège, c'est de trop publier.", "avoid"),
    ("Le dimanche, laisse les gens tranquilles.", "avoid"),
    ("Le dimanche, rien.", "avoid"),
    # a negated imperative with its pronouns, or spoken without its "ne"
    ("Par contre, les longues vidéos, ne vous lancez pas là-dedans.", "avoid"),
    ("Promettez jamais un délai que vous tenez pas.", "avoid"),
    ("Prenez pas la tête avec l'heure sur TikTok.", "avoid"),
    # a cap advises what stays under it
    ("Cinq hashtags maximum, dont certains en allemand.", "do"),
    ("Huit messages au maximum par fil.", "do"),
    # a platform dismissed, a worst slot, a ban without its verb
    ("X n'a aucun intérêt pour un chocolatier.", "avoid"),
    ("Instagram : pas la peine pour ce commerce, les clients n'y sont pas.", "avoid"),
    ("La pire heure, c'est midi : les gens mangent.", "avoid"),
    ("Pas de TikTok pour un domaine viticole : le public y est bien trop jeune.", "avoid"),
    ("Pas de fils ni de fiscalité sur Snapchat.", "avoid"),
    ("Pourquoi ne pas tester les lives ?", "do"),
    ("X pour du B2B ici, je ne le conseillerais pas.", "avoid"),
    ("Les concours, je te le conseille pas.", "avoid"),
    ("Je vous le recommande vivement.", "do"),
    ("Votre titre LinkedIn doit dire ce que vous faites.", "do"),
    ("Tes vidéos doivent durer moins d'une minute.", "do"),
    ("Par contre, n'envoie jamais tes photos à tout ton répertoire.", "avoid"),
    ("Par contre, le dimanche soir, jamais.", "avoid"),  # the ban said last, without its verb
    ("Les photos floues, surtout pas !", "avoid"),
    ("Faque commencez par là, pas par TikTok.", "do"),  # Québec "faque" (fait que) before an imperative
    ("Ne change pas de ton d'une semaine à l'autre.", "avoid"),
    ("Les Spaces, pour un studio d'architecture, je ne perdrais pas mon temps.", "avoid"),
    ("X, je ne m'y mettrais pas.", "avoid"),
    ("Je commencerais par Instagram.", "do"),
    ("Pour un atelier, c'est plutôt Instagram que Snapchat.", "do"),
    ("Jamais le samedi.", "avoid"),
    ("Pas avant six mois de publications régulières.", "avoid"),  # a ban on doing it too soon
    ("Par contre, les promotions, un rabais, un prix spécial, jamais le dimanche.", "avoid"),  # the ban last
    ("Je ne conseille à personne de payer de la publicité.", "avoid"),
    # a frame of advice around a negated verb
    ("Si j'étais vous, je ne mettrais pas d'énergie sur TikTok.", "avoid"),
    ("Je vous conseille de ne pas publier le dimanche.", "avoid"),
    ("Moi, à ta place, je ne ferais pas de pub.", "avoid"),
    ("Moi, j'irais sur TikTok.", "do"),
    ("Surtout pas de publicité le premier mois.", "avoid"),
    # a one-word cue after its subject or an object pronoun is a statement
    ("Ça coûte zéro euro, et ça vous évite bien des erreurs.", None),
    ("Une vidéo par jour, sinon on t'oublie.", None),
    ("Vous évitez le dimanche.", "avoid"),
    ("Snapchat, pour un restaurant de quartier, laissez tomber.", "avoid"),
    ("Si vous avez peu de temps, laissez-le de côté au début.", "avoid"),
    ("x twitter non laisse tomber personne ici", "avoid"),
    # a ban as the infinitive of a frame of advice
    ("Le vendredi, je vous conseille de laisser tomber, les gens sont en famille.", "avoid"),
    ("Il faut arrêter de poster tous les jours la même photo.", "avoid"),
    ("Je vous conseille de publier le jeudi, et d'éviter le lundi.", "do"),
    # to change nothing is to keep doing it
    ("Le dimanche soir, ne changez rien.", "do"),
    ("Ne touche à rien, ça marche.", "do"),
    ("Ne publiez rien le dimanche.", "avoid"),
]


@pytest.mark.parametrize("text, days", [
    # a day with its date is one day of the calendar, not a weekly slot
    ("Le mardi 6 août 1991, le web est ouvert au public.", []),
    ("Le samedi 18 mars, une dame m'a commandé quinze kilos.", []),
    ("Publiez le samedi, le 18 mars c'est trop tard.", ["saturday"]),
    ("Publiez le premier samedi du mois.", ["saturday"]),
])
def test_a_dated_day_is_no_slot(text, days):
    assert features(text).timing.days == days


@pytest.mark.parametrize("text, days", [
    ("Le vendredi, je vous conseille de laisser tomber, les gens sont en famille.", []),
    ("Le lundi, il faut arrêter de poster des promotions.", []),
    ("Publiez le mardi, il faut arrêter de poster le lundi.", ["tuesday"]),
])
def test_days_of_a_framed_ban_are_not_advised(text, days):
    assert features(text).timing.days == days


@pytest.mark.parametrize("text, expected", POLARITY)
def test_polarity_of_first_cue(text, expected):
    assert features(text).first_polarity == expected


@pytest.mark.parametrize(
    "text",
    [
        "Je me souviens, à l'époque, je postais tous les soirs vers 22 heures.",
        "Il envoyait des snaps à ses clients à deux heures du matin.",
        "Cet épisode est sponsorisé par une banque en ligne.",
        "Sud Connecté vous est proposé par Sahara 4x4, location avec chauffeur, ouvert tous les jours de sept heures à vingt heures.",
        "L'émission vous est offerte par la boulangerie du port, ouverte dès six heures.",
        "Est-ce que tu publies le soir ?",
        "Le digital, c'est ce qui se passe sur Google, TikTok ou Instagram.",
        "Moi, je publie toujours le mardi à 18 heures, c'est juste mon jour de repos.",
        "Vous, abonnez-vous au podcast sur Spotify.",
        "Vous, n'oubliez pas de vous abonner au podcast sur Spotify.",
        "Et moi, en 2015, je postais trois photos par jour.",
        "Sur Facebook, je l'ai fait pendant six mois.",  # "je" with a clitic before the auxiliary
        "Mon associé me conseillait de poster tous les soirs.",
        "Un cabinet parisien affirme que le meilleur moment pour publier serait le mercredi.",
        "TikTok permet désormais de programmer un live quatorze jours à l'avance.",
        "C'est ma sœur qui m'a ouvert une page Facebook, en 2018.",
        "Ma nièce m'a filmé à cinq heures du matin, avec la vapeur.",
        "Les messages arrivaient à toute heure, parfois à minuit.",
        "On l'a publiée sur Instagram le soir même, à 20 h 10.",
        "Tout le monde s'est moqué de moi pendant une semaine.",
        "Le samedi matin, on est ouvert de huit heures à midi.",
        "Vous, retrouvez le podcast chaque mardi sur toutes les plateformes.",
        "Le Grin du Web, c'est chaque samedi, à 10 h, sur notre page Facebook et sur YouTube.",
        # someone's practice, told in the present, and their words quoted
        "Elle publie une vidéo par jour, du lundi au vendredi.",
        "Karim poste ses gâteaux tous les samedis sur Instagram.",
        "Tout le monde publie ses photos de plage le dimanche.",
        "« Postez tous les jours », répète-t-elle à ses élèves.",
        # the business's opening hours
        "On ouvre à onze heures, tous les jours sauf le lundi !",
        # a reply, not a ban
        "Pas de problème, je vous explique.",
        "Pas de souci.",
        # a fact told, its "il faut" no advice
        "Il faut dire que, d'après les chiffres, huit visiteurs sur dix arrivent sur mobile.",
        "Il faut savoir que moins d'un passager sur cent sort du port.",
        # what someone else says one must do
        "Ma cliente dit qu'il faut poster le soir.",
        "ma sœur elle dit qu'il faut faire tiktok tous les jours c'est vrai",
        "Ma cliente me dit que je dois poster le soir.",
        # a past a date sets in the past
        "En mars 2022, un mardi, vers onze heures du soir, une chanteuse en vacances a mis notre bouteille dans sa story.",
        # a reason asked for, not a suggestion
        "Pourquoi vous avez pas répondu à ce client ?",
        # a number of people in particular, in the past
        "Un samedi de février, six infirmières ont réservé la dernière salle après avoir vu la photo.",
        # a radio's traffic bulletin
        "Sur la nationale, travaux à la sortie du village, circulation en alternance de sept heures à dix-sept heures.",
        # someone in particular, a relative clause before the verb
        "Un boucher de Vallorbe que j'accompagne a posté un samedi à sept heures du matin une photo de ses saucissons.",
        # the floor given, a story's inverted subject
        "Vas-y, Monique.",
        "Allez-y, Fatou, on vous écoute.",
        "Et puis arrive le printemps 2020.",
        "Dis-leur.",
        "Raconte-nous !",
        # an imperative that only punctuates speech
        "Sur Pinterest, figurez-vous.",
        "Vingt commandes en une nuit, croyez-moi.",
        # "il faut le dire" only says the speaker's view aloud
        "Elle chante en même temps, faux, il faut le dire, une vieille chanson.",
        "Il faut bien l'avouer, la page était vide depuis deux ans.",
        # the tagger's conditional without a conditional's ending is an imperfect
        "Je postais mes tartes tous les soirs, vers vingt heures.",
        # a phone-in's formulas
        "Perdu, Séraphin, mais reste en ligne.",
        "Restez avec nous, on revient après la pub.",
        # what an agency does for its clients
        "Pour le camping, on publie trois fois par semaine pour nos clients.",
        # "j'en retiens" is no "retiens"
        "Ce que j'en retiens.",
    ],
)
def test_not_advice(text):
    assert features(text).score < 0.8


@pytest.mark.parametrize(
    "text",
    [
        "Je vous conseille de publier le mardi.",
        "Publiez vos Reels le soir.",
        "Sur TikTok, l'algorithme est basé sur la régularité.",
        "Une publication le mardi a plus d'impact qu'une publication le vendredi.",
        "Personnellement, je suis beaucoup plus orienté vers la croissance organique.",
        "Surtout, ne lancez pas trois réseaux en même temps.",
        "Donc le premier conseil, c'est de soigner les photos avant-après.",
        "La base, avant même de publier, c'est le profil LinkedIn.",
        "Pour toucher les hôtels, c'est plutôt LinkedIn que Facebook.",
        "Moi, à ta place, je posterais un jour sur deux.",
        "Une fois que vous avez publié, répondez aux commentaires.",
        "Demandez des évaluations cinq étoiles à vos clients contents.",
        "Faut les demander à la caisse quand y paient, avec un petit carton.",
        "Le matin, plutôt, entre sept heures et huit heures.",
        "Plutôt le jeudi soir.",
        "Les avis Google, c'est obligé, sinon personne ne vous trouve.",
        # a purpose in the subjunctive is no story
        "Donc soignez-les : le même fond, la même lumière, pour que la grille ait l'air d'une vitrine.",
        "Il faut publier tous les jours.",
        "Jamais le samedi.",
        "Allez-y, postez tous les jours.",
        "Dis-leur que tu livres le dimanche.",
        "Croyez-moi, publiez le soir.",
        "Retiens ça : une vidéo par jour.",
        # a ban after "par contre", an item said as an infinitive, what works in the plural
        "Par contre, jamais la photo d'un client sur la chaîne sans son accord.",
        "Et répondre à chaque message le jour même.",
        "Les groupes locaux marchent très bien.",
        # a suggestion asked as spoken, without its "ne"
        "Pourquoi vous mettriez pas une petite caméra sur votre casque cet été ?",
    ],
)
def test_advice(text):
    assert features(text).score >= 0.8


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Vrai ou faux : il faut poster chaque jour sur TikTok.", True),
        ("Sur LinkedIn, mieux vaut publier le week-end. Vrai ou faux ?", True),
        ("question numéro quatre il faut répondre aux avis négatifs", True),
        ("sur instagram on publie a le matin b à midi c le soir", True),
        ("Quand poster ? A) à l'aube, B) à midi, C) la nuit.", True),
        ("Publiez le soir, c'est la bonne heure.", False),
        # run-on speech-to-text: the answer, then the next question
        ("une vidéo vaut mieux que dix photos dernière question vrai ou faux les stories durent un jour", False),
        ("Un plan B, c'est utile.", False),
        ("A, le matin.", True),  # a caller's choice
        ("C) tous les soirs", True),
        ("Jacinthe : « Combien d'abonnés t'as ? »", True),  # a viewer's question read out
        ("Posez des questions dans vos publications, du genre : « Quel plat vous rappelle votre enfance ? »", False),
    ],
)
def test_a_quiz_question(text, question):
    assert features(text).question == question


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Sur TikTok, on entend partout qu'il faut poster quotidiennement.", True),
        ("Tout le monde te dit dix-huit heures.", True),
        ("J'ai lu que c'est le soir que les gens scrollent le plus.", True),
        ("Et enfin, Threads : selon le patron de Meta, le réseau dépasse trois cents millions d'utilisateurs actifs.", True),
        ("Selon une enquête menée l'an dernier, septante pour cent des commerces publient des Reels.", True),
        ("Mon oncle dit qu'il ne faut jamais mettre le prix, pour pouvoir discuter.", True),
        # a myth stated to be refuted, a listener's question read out
        ("Idée reçue numéro deux : il faut publier tous les jours.", True),
        ("Awa, de Thiès, demande comment garder ses clientes.", True),
        ("Je recommande trois vidéos par semaine.", False),
        # news of a platform: its spokesperson, what users "will be able to" do
        ("Selon la porte-parole, les utilisateurs pourront ajouter le live à leur agenda.", True),
        ("La plateforme a précisé que la fonction sera disponible à partir du vingt-six janvier.", True),
        ("Vous pourrez programmer vos lives une semaine à l'avance, faites-le.", False),
    ],
)
def test_reported_claims(text, reported):
    """What "everyone says" is a claim the speaker may refute next, not the speaker's own timing."""
    assert features(text).reported is reported


@pytest.mark.parametrize(
    ("text", "imperative"),
    [
        ("Transforme chaque projet en épingles, avec le lien vers ton site.", True),  # tagged as a noun
        ("Et chaque jour, commente deux ou trois posts avec un vrai avis.", True),  # tagged as an adjective
        ("Oui, mais range les meilleures dans tes Stories à la une.", True),
        ("Réponds à chaque avis avec ton prénom.", True),
        ("Choisis un seul réseau pour commencer.", True),
        ("Mets ton visage dans la vidéo.", True),
        ("Aujourd'hui, sa chaîne compte plus de mille abonnés.", False),
        ("Il y avait une page Facebook, créée en 2012 par un neveu.", False),
        # a feminine participle and a prepositional noun, tagged as adjective and noun
        ("La boutique est rue d'Espagne, ouverte du mardi au samedi.", False),
        ("Le café vous accueille jusqu'à minuit, face aux barques.", False),
        ("Et offre un café à tes clients fidèles.", True),
        ("Passons à YouTube.", False),
        ("Penses-tu que ça marche encore ?", False),
        ("Je ne sais pas si les gens le regardent.", False),
        ("Oui, mais en deux lives par semaine, tu ne crées aucune habitude.", False),
        ("Le soir, entre vingt heures et vingt-deux heures.", False),
        # speech-to-text: after "oui"/"non" without a comma, and a word said twice over
        ("oui publiez le soir après le dîner", True),
        ("donc fais fais des vidéos courtes", True),
        ("non je publie le soir", False),
        # speech-to-text without a comma before the imperative: known by its form alone
        ("les vitrines c'est très bien affichez chaque prix en grand", True),
        ("le logo envoie-le en haute définition à l'imprimeur", True),
        ("c'est ce que vous postez le matin qui marche", False),
        ("si vous publiez trop tard personne ne voit rien", False),
        # "Allez-y" gives the floor, unless it says where to go
        ("Allez-y, sur TikTok, surtout avec des chiots.", True),
        ("Allez-y, on vous écoute.", False),
        # a guide showing what is in the room
        ("Suivez-moi, la salle suivante est consacrée à YouTube.", False),
        ("alors là regardez cette photo c'est le lancement de facebook", False),
        ("Regardez vos statistiques chaque lundi.", True),
        ("Regardez ce qui a marché, et ajustez.", True),
        ("Regardez là d'abord, ça prend deux minutes.", True),
        # a subject set apart before a verb of the present: a story or a description, not an instruction
        ("Et Léa, elle, ouvre un compte Instagram le jeudi soir.", False),
        ("Mon frère, lui, poste tout le temps sur Facebook.", False),
        ("Les jeunes, eux, regardent surtout TikTok le soir.", False),
        # a pronoun after a preposition is no subject: the imperative stays
        ("Pour eux, publiez le dimanche soir.", True),
        ("Et avec elle, passez par WhatsApp.", True),
    ],
)
def test_second_person_imperative(text, imperative):
    assert features(text).imperative is imperative


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("Quatrième conseil : répondez à chaque message.", True),
        ("Et le dernier truc, le plus dur : donnez-vous un an.", True),
        ("Deux, ajoutez une actualité une fois par semaine.", True),  # a point counted out loud
        ("3. Répondez aux avis le jour même.", True),
        ("Deux, trois fois par semaine, c'est assez.", False),  # a range, not a point
        ("Trois, pas plus.", False),  # a count given in reply
        ("Publiez le mardi.", False),
        # a summary of what was said is no continuation of the last piece of advice
        ("Je résume : Marketplace le dimanche, Instagram trois fois par semaine.", True),
        ("Bon, je récapitule pour ceux qui arrivent : le live le mardi.", True),
        ("Pour résumer, une vidéo par semaine.", True),
        ("Résumez la vidéo en une phrase dans la légende.", False),
    ],
)
def test_a_new_point_of_a_list(text, opens):
    """A numbered point opens a new tip, whether its number is an ordinal or counted out loud."""
    assert features(text).boundary is opens


@pytest.mark.parametrize(
    ("text", "run_on"),
    [
        ("insta oui mais pour les clients qui achètent mets des photos du tableau dans un salon", True),
        ("une longue vidéo ça prend une semaine à monter reste sur tik tok tant que t'es seule", True),
        ("ma cousine publie des photos tous les soirs", False),  # a noun before it: its subject
        ("et elle poste des vidéos le samedi", False),
        ("Les clients qui achètent, mets des photos du tableau.", False),  # punctuated: the tagger's own
        # a possessive the tagger reads as a pronoun
        ("le midi les gens mangent vite fais ton live sur tik tok le soir après le repas", True),
        # a negation with no subject before it, and one with its subject
        ("oumou je sais pourquoi ne poste jamais sous la lampe jaune", True),
        ("la cliente ne publie jamais rien le lundi", False),
        # after whom it is for, and before a count
        ("la diaspora pour eux fais une liste de diffusion watsap pas un groupe", True),
        ("et là commence trois semaines avant pas la veille", True),
        ("et elle commence trois semaines avant", False),
    ],
)
def test_an_imperative_run_into_the_clause_before(text, run_on):
    """Speech-to-text without punctuation runs an imperative into the clause before it: it advises
    as an imperative does."""
    assert features(text).run_on_imperative is run_on


@pytest.mark.parametrize(
    ("text", "addressed"),
    [
        ("Tu ouvres les sacs, tu montres les trouvailles sur TikTok.", True),  # "ouvres" tagged as a noun
        ("Vous publiez le soir, vers 19 heures.", True),
        ("Tu sais, c'est compliqué.", False),
        ("Je vous dis ça parce que c'est vrai.", False),
    ],
)
def test_advice_addressed_to_the_listener(text, addressed):
    assert bool(features(text).cues["address"]) is addressed


@pytest.mark.parametrize(
    "text, mentioned",
    [
        ("Évitez de publier le lundi.", True),
        ("Ne jugez pas vos résultats avant de juger trois mois.", True),
        ("Soyez patients, ça prend du temps.", True),
        ("Filmez vos épisodes.", False),
    ],
)
def test_timing_mentioned_even_when_advised_against(text, mentioned):
    assert features(text).timing_mentioned is mentioned


GLOSSARY_QUESTIONS = [
    ("Quelle serait ta définition de l'influence digitale ?", "influence digitale"),
    ("Et c'est ça que tu appelles le taux de rétention ?", "taux de rétention"),
    ("Alors, c'est quoi le taux d'engagement ?", "taux d'engagement"),
    ("C'est quoi, concrètement, le social commerce ?", "social commerce"),
    ("Qu'est-ce que c'est pour toi, le UGC ?", "UGC"),
    ("Qu'est-ce que c'est, la marque employeur ?", "marque employeur"),
    ("Et le micro-learning, c'est quoi exactement ?", "micro-learning"),
    ("C'est quoi, le live shopping ?", "live shopping"),
    ("Mais d'abord, pour toi, c'est quoi, une communauté en ligne ?", "communauté en ligne"),
    ("alors on commence c'est quoi le le taux d'engagement", "taux d'engagement"),
    ("Et toi, comment tu définirais la ligne éditoriale ?", "ligne éditoriale"),
    ("Alors, première question : c'est quoi, BookTok ?", "BookTok"),
    ("Ça veut dire quoi, cliquer-ramasser, pour ceux qui connaissent pas le mot ?", "cliquer-ramasser"),
    ("Explique-nous ce qu'est le social listening.", "social listening"),
    ("Tu peux nous expliquer ce que c'est, le brand content ?", "brand content"),
    ("Tu peux nous expliquer simplement ce qu'est la notoriété ?", "notoriété"),
    ("Explique-nous en deux mots ce que sont les hashtags.", "hashtags"),
    ("Le marketing d'influence, concrètement, c'est quoi ?", "marketing d'influence"),
    ("Le content marketing, ça consiste en quoi ?", "content marketing"),
    ("Alors le SEO, kézako ?", "SEO"),
    ("Qu'est-ce qu'on entend par e-réputation ?", "e-réputation"),
    ("Que recouvre exactement le terme de brand safety ?", "brand safety"),
    ("Comment tu expliquerais le retargeting à ma grand-mère ?", "retargeting"),
    ("Et le community building, tu le définirais comment ?", "community building"),
    ("Ça désigne quoi, le social selling ?", "social selling"),
    ("Alors, l'identité visuelle, si tu devais l'expliquer à quelqu'un qui vend des tomates, tu lui dirais quoi ?",
     "identité visuelle"),
    ("Et le SEO, comment tu le résumerais à ta grand-mère ?", "SEO"),
    ("Alors, qu'est-ce qu'on appelle un tunnel de vente ?", "tunnel de vente"),
    ("Qu'appelle-t-on le référencement naturel ?", "référencement naturel"),
    ("Tu peux nous définir le reciblage ?", "reciblage"),
    ("Si tu devais définir la notoriété en une phrase ?", "notoriété"),
    ("Définis-nous le storytelling.", "storytelling"),
    ("Le dropshipping, qu'est-ce que ça veut dire ?", "dropshipping"),
    ("Et ça, on l'appelle comment ?", None),
    # questions that ask for no definition
    ("Et qu'est-ce que tu en as tiré comme leçon ?", None),
    ("Qu'est-ce que vous en pensez ?", None),
    ("C'est quoi l'affaire ?", None),  # a placeholder: the answer names the concept
    ("Et c'est quoi, ce truc ?", None),
    ("Et c'est quoi le truc qui a fait la différence ?", None),
    ("Alors, une mairie sur les réseaux, concrètement, c'est quoi ?", None),
    ("C'est quoi, l'erreur à pas faire ?", None),
    ("Pour une marque comme la tienne, le haut du tunnel, c'est quoi ?", None),  # the guest's case
    ("Et ta plus grosse erreur, c'est quoi ?", None),
    ("Tu peux nous expliquer comment tu as commencé ?", None),
    ("Explique-nous pourquoi TikTok marche.", None),
    ("C'est quoi, ton plus gros défi ?", None),  # the guest's own
    ("Et aujourd'hui, c'est quoi, ta vitrine ?", None),
    ("euh pour ceux qui connaissent pas c'est quoi ton atelier", None),
    ("Jonathan, c'est quoi l'idée ?", None),  # what a project is for
    ("Alors qu'est-ce que tu conseilles, pour le rythme ?", None),  # a clause, then words that qualify it
    ("Et qu'est-ce que tu publies, dans ces groupes ?", None),
    ("Qu'est-ce que ça a changé, concrètement, pour les femmes ?", None),
    ("Pour commencer, quelle serait ta définition du test A/B ?", "test A/B"),
    ("Wilner, pour ceux qui ne connaissent pas, le fer découpé, c'est quoi ?", "fer découpé"),
    ("Si je vous dis marketing d'influence, vous me répondez quoi ?", "marketing d'influence"),
    ("Lucas, l'e-mailing, ça te parle ?", "e-mailing"),
    ("Awa, parrainage ou affiliation : qu'est-ce qui se cache derrière ?", "parrainage ou affiliation"),
    ("Le coût par clic, pour ceux qui ne connaissent pas ?", "coût par clic"),
    ("alors nadia le cross selling ça consiste en quoi", "cross selling"),  # a name said without a comma
    ("Qu'est-ce que disent les études ?", None),  # a verb, not a term
    ("Et aujourd'hui, Instagram, c'est quoi pour toi ?", None),  # what it is to the guest
    ("Et qu'est-ce que c'est que le SEO ?", "SEO"),
    ("Et le hameçonnage, c'est quoi même ?", "hameçonnage"),  # "même" stresses the question
    # speech without punctuation: the term ends where the speaker goes on
    ("c'est quoi le paiement à la livraison en fait bon c'est simple le client commande", "paiement à la livraison"),
    # asking for the best is asking for advice, whatever words come before
    ("Première question, de Josée, qui a un gîte à Val-Morin : c'est quoi la meilleure journée pour Instagram ?", None),
    ("C'est quoi l'heure idéale pour poster ?", None),
    ("C'est quoi, le meilleur réseau pour un restaurant ?", None),
]


@pytest.mark.parametrize("text, term", GLOSSARY_QUESTIONS)
def test_glossary_term_of_question(text, term):
    from pipeline.extract.glossary import _term_in_question

    assert _term_in_question(text) == term


def test_a_name_after_the_question_is_the_guest_not_a_term():
    from pipeline.extract.glossary import _term_in_question

    assert _term_in_question("C'est quoi, Élise ?", frozenset({"élise", "kerbrat"})) is None
    assert _term_in_question("C'est quoi, Threads ?", frozenset({"élise", "kerbrat"})) == "Threads"


TERMLESS_QUESTIONS = [
    ("Quelle serait ta définition ?", "Le référencement, c'est être trouvé sans payer.", "référencement"),
    ("Et ça veut dire quoi ?", "La portée organique, ça veut dire les gens que tu touches sans payer.", "portée organique"),
    ("Quelle serait votre définition ?", "Alors, pour moi, c'est simple.", None),
    ("Tu publies quand ?", "Le soir, c'est mieux.", None),  # no defining question
    ("C'est quoi exactement ?", "Le tunnel de vente, c'est le chemin d'un client.", "tunnel de vente"),
]


@pytest.mark.parametrize("question, answer, term", TERMLESS_QUESTIONS)
def test_term_named_by_the_first_answer(question, answer, term):
    """A defining question without its term ("… le storytelling. Quelle serait ta définition ?"):
    the answer names it first."""
    from pipeline.extract.glossary import _term_of_answer

    assert _term_of_answer(question, answer, frozenset()) == term


def test_term_announced_before_a_bare_question():
    """"On entend beaucoup parler de tunnel de vente. C'est quoi exactement ?": the sentence before names it."""
    from pipeline.extract.glossary import _term_of_answer

    before = "Alors, on entend beaucoup parler de tunnel de vente."
    assert _term_of_answer("C'est quoi exactement ?", "C'est un chemin.", frozenset(), before) == "tunnel de vente"
    assert _term_of_answer("Tu publies quand ?", "C'est un chemin.", frozenset(), before) is None


@pytest.mark.parametrize(
    ("before", "question", "term"),
    [
        ("Alors, contenu interactif.", "Ces deux mots, comment tu les traduirais pour nos auditeurs ?", "contenu interactif"),
        ("Notre mot du jour, c'est la programmation des publications.", "Derrière ces mots, concrètement, il y a quoi ?",
         "programmation des publications"),
        ("Le thème du jour, c'est l'audience cible.", "Ce terme, tu l'expliques comment à un débutant ?", "audience cible"),
        ("Notre mot du jour, c'est la programmation.", "Et tu programmes quand ?", None),  # asks for advice
        # asked in the guest's own words
        ("Le mot du jour, c'est le temps de cerveau disponible.", "C'est quoi, avec tes mots ?",
         "temps de cerveau disponible"),
        ("Le mot du jour, c'est la preuve sociale.", "C'est quoi, pour toi ?", "preuve sociale"),
    ],
)
def test_term_pointed_back_to(before, question, term):
    """A question that points back to the term ("ces deux mots", "ce terme") takes it from the
    sentence that named it, even when the answer opens with other words ("Programmer ses
    publications, c'est …")."""
    from pipeline.extract.glossary import _term_of_answer

    assert _term_of_answer(question, "Programmer, c'est préparer à l'avance.", frozenset(), before) == term


@pytest.mark.parametrize(
    ("before", "question", "answer", "term"),
    [
        # an announcement that is no term: the answer names it
        ("Le mot de ce soir, trois auditeurs me l'ont envoyé cette semaine : shadowban.",
         "Qu'est-ce qui se cache derrière ce mot-là ?", "Le shadowban, c'est quand une plateforme cache ton compte.",
         "shadowban"),
        # a pronoun points back to it
        ("On l'entend dans les agences, beaucoup moins chez les pâtissiers.", "Je te donne dix secondes : tu le résumes comment ?",
         "Le co-branding, c'est deux marques qui signent ensemble.", "co-branding"),
        ("", "Et la veille concurrentielle, vous la définiriez comment ?", "La veille concurrentielle, c'est regarder les autres.",
         "veille concurrentielle"),
        ("", "Tu peux nous la traduire, cette expression, pour nos auditeurs ?",
         "La preuve sociale, c'est ce que les autres disent de vous.", "preuve sociale"),
        # no definition: the answer names no term
        ("Vos ventes ont doublé.", "Et ce succès, tu l'expliques comment ?", "On a publié tous les jours pendant un mois.", None),
    ],
)
def test_term_named_by_the_answer(before, question, answer, term):
    """A question that leaves its term out takes it from the answer that opens with it, when the
    sentence before names none."""
    from pipeline.extract.glossary import _term_of_answer

    assert _term_of_answer(question, answer, frozenset(), before) == term


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Le churn, c'est la part de tes abonnés qui s'en vont sur un mois.", "churn"),
        ("En gros, le server-side tracking, en français le suivi côté serveur, c'est mesurer depuis ton serveur.",
         "server-side tracking (suivi côté serveur)"),
        ("Alors le crowdfunding, c'est tout simplement le financement participatif.", "crowdfunding"),
        ("Le dropshipping, c'est vendre un produit sans jamais l'avoir en stock.", "dropshipping"),  # an infinitive
        ("Un lien entrant, ce que les anglophones appellent un backlink, c'est un lien qui pointe vers ton site.",
         "lien entrant (backlink)"),
        ("Sur un site, le fil d'Ariane, c'est cette petite ligne en haut de la page.", "fil d'Ariane"),
        ("Le chocolat, c'est visuel.", None),  # a judgement
        ("Le gel d'avril, c'est notre ennemi à Midelt.", None),
        ("Moi, je publie le soir, c'est plus simple.", None),  # a clause
        # a way of speaking before the term, a filler before the verb, an adverb after it
        ("Grosso modo, le display, c'est la publicité qui s'affiche.", "display"),
        ("En gros, un hard bounce, c'est un e-mail qui te revient.", "hard bounce"),
        ("le big data euh c'est d'abord une question de taille", "big data"),
        # what it is not, before what it is
        ("Une impression, ce n'est pas une personne.", "impression"),
        # what was just told, named last: the name is not the demonstrative
        ("Cette mise au catalogue, c'est l'indexation.", None),
        ("Ouais, c'est ce qu'on dit, mais en vrai, tout le monde a Snap.", None),  # a word of reply
        # a short aside between the term and its definition, not someone's ("ton combat")
        ("L'account-based marketing, l'ABM pour les intimes, c'est faire du marketing pour une entreprise.",
         "account-based marketing"),
        ("Mame Diarra, ton combat depuis cinq ans, c'est l'accessibilité numérique.", None),
        # "ce sont", and a definition that opens with a count or "quelqu'un"
        ("Grosso modo, les Core Web Vitals, ce sont trois mesures de Google.", "Core Web Vitals"),
        ("Un early adopter, c'est quelqu'un qui adopte une nouveauté avant tout le monde.", "early adopter"),
        # when or how often, not what
        ("La lettre, c'est une fois par mois.", None),
        ("Le live, c'est le jeudi soir.", None),
        ("La newsletter, c'est un e-mail envoyé chaque semaine.", "newsletter"),
        # what it is for, and what it is not after a "non"
        ("Le debouncing, ça sert à attendre que l'utilisateur ait fini de taper.", "debouncing"),
        ("Le cache, ça permet de garder une copie des pages.", "cache"),
        ("Le crapware, non : ce n'est pas un virus.", "crapware"),
        ("Le CRM sert à parler à tes clients.", None),  # a use said of a term defined elsewhere
        ("Le prix, ça sert à rien de le cacher.", None),
    ],
)
def test_the_concept_a_sentence_defines(text, term):
    from pipeline.extract.glossary import _defining_subject, _infinitives
    from pipeline.nlp import load_nlp

    assert _defining_subject(text, frozenset(), _infinitives(load_nlp())) == term


@pytest.mark.parametrize(
    ("question", "reply", "term"),
    [
        ("Il y a un nom pour ça, non ?", "Oui, c'est le freemium.", "freemium"),
        ("Et ça, comment ça s'appelle ?", "Ça s'appelle le reciblage.", "reciblage"),
        ("Il y a un nom pour ça ?", "Oui, c'est ce que tout le monde fait sans le savoir.", None),
        ("Et tu publies quand ?", "C'est le mardi.", None),  # no naming question
        # the name after a yes, then its gloss
        ("Tu m'as dit que ça avait un nom.", "Oui, le community-led growth, le CLG entre nous.", "community-led growth"),
        ("Et tu publies quand ?", "Oui, le mardi, vers midi.", None),
    ],
)
def test_the_name_a_reply_gives(question, reply, term):
    """(See also test_a_reply_that_names_then_defines.)"""
    from pipeline.extract.glossary import _named_in_reply

    assert _named_in_reply(question, reply, frozenset()) == term


@pytest.mark.parametrize(
    ("title", "term"),
    [
        ("Dictionnaire digital : Le contenu interactif, ou comment faire parler sa communauté ?", "contenu interactif"),
        ("Dictionnaire digital : Le co-branding, quand deux marques signent ensemble", "co-branding"),
        ("Comment acquérir de l'influence digitale ?", "influence digitale"),
        ("Dictionnaire digital : Le contenu faceless, se montrer sans se montrer ?", "contenu faceless"),
        # an elided article before its name and a gloss
        ("Dictionnaire digital : l'intention de recherche, de la question au clic", "intention de recherche"),
        # the subject of the title's verb, not the last noun said after it
        ("Culture Web Hebdo : la cancel culture touche-t-elle aussi les marques ?", "cancel culture"),
        ("Le SMS marketing expliqué par une maroquinière de la médina", "SMS marketing"),
        ("Le taux de rebond expliqué aux bouchers", "taux de rebond"),
        # an acronym, in which the tagger reads no noun
        ("Dictionnaire digital : YMYL, quand Google devient exigeant", "YMYL"),
    ],
)
def test_title_term(title, term):
    """The title's concept, not the gloss after ", ou comment …"."""
    from pipeline.extract.glossary import title_term
    from pipeline.nlp import load_nlp

    assert title_term(title, load_nlp()) == term


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("Elle publie une vidéo par jour.", True),
        ("Gérard poste ses tomates tous les samedis.", True),
        ("Tout le monde poste ses photos le dimanche.", True),
        ("Il faut publier tous les jours.", False),
        ("Une audience, la manière avec laquelle elle réagit, ce n'est pas la même.", False),
        ("Je fais mes stories le matin dans le tram, vers huit heures.", True),  # the speaker's own
        ("Moi, j'écoute surtout des podcasts entre midi et une heure.", True),
        ("Je pense qu'il faut publier le soir.", False),
        ("Je conseille de publier le mardi.", False),
        ("Je posterais le jeudi, en fin d'après-midi.", False),  # a conditional advises
    ],
)
def test_someone_elses_practice(text, described):
    """Someone's practice told in the present describes; it does not advise."""
    assert features(text).described is described


@pytest.mark.parametrize(
    ("text", "habit"),
    [
        ("Moi, je l'écris le mercredi soir, pendant le tournoi.", True),
        ("Moi, mes statuts, je les regarde tard le soir, dans mon lit.", True),
        ("Et moi, je publie toujours le jeudi.", True),
        ("Moi, j'y vais une fois par semaine, le dimanche soir.", True),  # going there, not "je vais publier"
        ("Moi, je vais publier le dimanche soir.", False),
        ("Moi, je conseille de publier le soir.", False),
        ("Moi, je dirais le soir.", False),
        ("Moi, je pense que le soir, c'est mieux.", False),
        ("Moi, à ta place, je posterais le jeudi.", False),
    ],
)
def test_the_speakers_own_practice(text, habit):
    """"Moi, je …" in the present tells the speaker's own way, not advice."""
    assert features(text).habit is habit


@pytest.mark.parametrize(
    ("text", "disclaimer"),
    [
        ("Mais ce n'est pas un exemple, hein, c'est juste ma vie.", True),
        ("C'est pas vraiment une règle, c'est mon cas.", True),
        ("Ça ne vaut rien comme conseil.", True),
        ("C'est juste ma routine du dimanche.", True),
        ("C'est un exemple à suivre : publiez le jeudi.", False),
        ("Instagram, c'est ma vie.", False),
        ("Ça, c'est mon habitude, pas un conseil, c'est le seul moment où j'ai le temps.", True),
    ],
)
def test_a_practice_disowned(text, disclaimer):
    """What the speaker says of a practice just described to say it is theirs, not advice."""
    assert features(text).disclaimer is disclaimer


@pytest.mark.parametrize(("text", "contrasted"), [
    ("Faque commencez par là, pas par TikTok.", ["TikTok"]),
    ("Publiez sur Instagram plutôt que Facebook.", ["Facebook"]),
    ("Au lieu d'Instagram, prenez YouTube.", ["Instagram"]),
    ("Pas TikTok, Instagram.", ["TikTok"]),
    ("Publiez sur Instagram et sur Facebook.", []),
    # only compared with
    ("Sur Pinterest, l'heure compte moins que sur Instagram.", ["Instagram"]),
    ("Instagram marche mieux que Facebook pour ça.", ["Facebook"]),
])
def test_networks_set_aside(text, contrasted):
    assert features(text).contrasted == contrasted


@pytest.mark.parametrize(
    ("text", "digital"),
    [
        ("Publiez vos Reels le jeudi soir.", True),
        ("Sur TikTok, montrez vos mains.", True),
        ("Mettez le prix sous chaque photo.", True),
        ("Répondez à chaque commentaire dans la journée.", True),
        ("Faites vos promotions le 30 de chaque mois.", True),
        ("Demandez un avis à vos clients le jour même.", True),
        ("Le meilleur jour pour annoncer une nouvelle collection ?", True),
        ("fais une seule campagne pour les deux", True),
        ("Jamais de SMS après vingt heures.", True),
        # reviews and a business listing
        ("Inutile de vous justifier en dix lignes sous les mauvais avis.", True),
        ("Une fiche, ça monte lentement.", True),
        ("À mon avis, il fera beau demain.", False),  # an opinion, not a review
        ("Laissez mijoter vingt minutes, pas plus.", False),
        ("N'arrosez jamais à midi, l'eau brûle les feuilles.", False),
        ("Si vous venez, ne ratez pas la cour au petit matin.", False),
        ("Courez trois fois par semaine, avant la chaleur.", False),
        ("Le vendredi, on prépare le pilao pour le repas après la prière.", False),
    ],
)
def test_speaks_of_publishing_selling_or_audiences(text, digital):
    assert features(text).digital is digital


@pytest.mark.parametrize(
    ("context", "sentence", "term"),
    [
        ("Dans chaque contrat, il y a quatre lettres, RGPD.", "R, G, P, D : Règlement général sur la protection des données.",
         "RGPD (Règlement général sur la protection des données)"),
        ("Sur mon tableau de bord, il y a une colonne CPA.", "C'est le coût par acquisition, ce que te coûte un client.",
         "CPA (coût par acquisition)"),
        ("Il y a trois lettres en gras : CPM.", "Coût pour mille.", "CPM (Coût pour mille)"),  # "pour" counts
        ("Je poste sur TikTok.", "Tout le monde y est.", None),  # no acronym spelled out
    ],
)
def test_an_acronym_spelled_out(context, sentence, term):
    from pipeline.extract.glossary import _expanded_acronym

    assert _expanded_acronym(context, sentence) == term



@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("C'est ce qu'on appelle l'effet de réseau.", "effet de réseau"),
        ("Après, un ami m'a dit que ça porte un nom : l'effet Streisand.", "effet Streisand"),
        ("Tu m'as répété la même expression à chaque réunion, au point d'en faire un jeu : above the fold.",
         "above the fold"),
        ("Il y a deux mots en rouge, soulignés deux fois : contenu dupliqué.", "contenu dupliqué"),
        ("Un ami m'a dit que ça porte un nom.", None),
        ("Ça porte un nom : le biais de rareté, scarcity en anglais.", "biais de rareté"),
        ("Avant de commencer, un mot de notre partenaire : la Menuiserie du port, ouverte le samedi.", None),
    ],
)
def test_the_name_a_sentence_gives(text, term):
    from pipeline.extract.glossary import _called

    assert _called(text, frozenset()) == term


@pytest.mark.parametrize(
    ("previous", "echo", "term"),
    [
        ("Quinze fois ? Alors là, quelqu'un a oublié de régler son frequency capping.", "Son frequency… ?",
         "frequency capping"),
        ("Tout passe par le dark social sur WhatsApp.", "Le dark... ?", "dark social"),
        ("Tu as raison.", "Tu… ?", None),  # nothing said after the echoed word
        ("Il faut régler son frequency capping.", "Son frequency capping ?", None),  # not cut short
    ],
)
def test_the_term_a_truncated_echo_asks_about(previous, echo, term):
    from pipeline.extract.glossary import _echoed_term

    assert _echoed_term(echo, previous, frozenset()) == term


def test_jargon_said_before_a_request_to_explain_it():
    """"Du cold emailing, comme disent les commerciaux. — Alors explique ça …": the request asks about it."""
    from pipeline.extract.glossary import _jargon_before
    from pipeline.records import Sentence

    said = ["C'est vrai. Un mail à froid.", "Du cold emailing, comme disent les commerciaux.",
            "Wakha. Alors explique ça à ceux qui sont coincés dans les bouchons."]
    sentences = [Sentence(index=k, text=t) for k, t in enumerate(said)]
    assert _jargon_before(sentences, 2, frozenset()) == "cold emailing"
    assert _jargon_before(sentences[:1] + sentences[2:], 1, frozenset()) is None


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("Erreur numéro cinq.", True),
        ("Erreur six.", True),
        ("L'erreur numéro un, c'est de poster partout la même chose.", True),
        ("Deuxième conseil : répondez aux messages.", True),
        ("Cinquième et dernier conseil : soignez la miniature.", True),
        ("Troisième et dernière astuce, les sous-titres.", True),
        ("Une erreur que je vois souvent, c'est le flou.", False),
        ("Erreur de débutant, ça.", False),
    ],
)
def test_the_opening_of_a_numbered_point(text, point):
    assert features(text).point is point


@pytest.mark.parametrize(
    ("piece", "term"),
    [
        ("le A-roll", "A-roll"),  # the letter of a hyphenated loanword is no verb "a", nor a name
        ("ah coumba ma fille d'abord", None),  # speech before a question: "… c'est quoi ton heure"
        ("Nonante minutes", None),  # a quantity
    ],
)
def test_a_piece_of_a_question_as_a_term(piece, term):
    from pipeline.extract.glossary import _noun_phrase

    assert _noun_phrase(piece, frozenset()) == term


@pytest.mark.parametrize(("term", "nothing"), [
    # grammar words and fillers a pattern took for the subject of "c'est …"
    ("là", True),  # "Et là, c'est d'abord une affaire de règles."
    ("Pis", True),  # "Pis, c'est simple : …"
    ("ça", True),
    # a rate: "Tous les quinze jours, c'est le maximum."
    ("Tous les quinze jours", True),
    ("Chaque mois", True),
    # a noun that frames a point: "La base, c'est d'annoncer les arrivages."
    ("La base", True),
    ("la clé", True),
    # concepts, short or with the same words inside
    ("mot-clé", False),
    ("règle des 80/20", False),
    ("IA", False),
    ("mise à jour automatique", False),
    ("live shopping", False),
])
def test_words_that_name_no_concept(term, nothing):
    from pipeline.extract.glossary import _names_nothing

    assert _names_nothing(term, load_nlp()) is nothing


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("Vous cliquez sur « Programmer », pis c'est fait.", True),
        ("Ensuite, vous glissez votre photo dans le carré, ici.", True),
        ("vous appuyez sur catalogue puis sur ajouter un article trois clics c'est tout", True),
        ("Là, le bouton bleu, en haut à droite.", True),
        ("Cliquez sur le lien en bio.", False),  # an imperative may advise
        ("Les gens cliquent sur le vase, ils voient le prix, ils achètent.", False),
    ],
)
def test_a_step_through_an_applications_screens(text, step):
    assert features(text).interface is step


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("Une élève de la session de mars a posté sa teinture un vendredi, à vingt et une heures.", True),
        ("Les vidéos ont plus de portée le soir.", False),
        ("Un post par semaine a suffi.", False),
    ],
)
def test_a_past_told_of_someone_in_particular(text, story):
    assert features(text).narrative is story



def test_a_learned_terms_definition_is_where_a_definition_follows_it():
    """Said in passing first, defined later: the passage starts at the mention the definition follows."""
    from pipeline.extract.glossary import _candidate_passage
    from pipeline.extract.term_model import TermCandidate
    from pipeline.records import Sentence

    said = ["Aujourd'hui, un graphiste primé pour une infographie sur l'eau.", "Félicitations.",
            "Le mot a deux sens.", "Sur les réseaux, c'est une infographie, au féminin, comme un objet.",
            "C'est une image qui explique une information avec des chiffres.", "Tout en une seule image."]
    sentences = [Sentence(index=k, text=t, role="guest") for k, t in enumerate(said)]
    candidate = TermCandidate("infographie", "infographie", sentences=[0, 3])
    assert _candidate_passage(sentences, candidate, labelled=False)[0] == 3


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("Le premier message est envoyé le vingt et un mars deux mille six par son fondateur.", True),
        ("En 2010, Instagram est lancé le six octobre à minuit et quart.", True),
        ("Mille neuf cent quatre-vingt-dix-sept, les premiers blogs.", True),
        ("Publiez le mardi à dix-huit heures, deux fois par semaine.", False),
        ("Deux mille abonnés, c'est déjà une belle communauté.", False),
    ],
)
def test_a_year_said(text, dated):
    """A year dates what is told (history, news), which the tip model weighs: advice seldom has one."""
    assert features(text).dated is dated


@pytest.mark.parametrize(
    ("text", "greeting"),
    [
        ("Bonsoir.", True),
        ("Bonjour Kader, merci de m'avoir invitée.", True),
        ("Bonjour à tous et à toutes.", True),
        ("Merci beaucoup.", True),
        ("Merci, et publiez le soir.", False),
        ("Bonsoir et bienvenue sur le Plateau du Soir, en direct de Bafia.", False),
    ],
)
def test_a_greeting(text, greeting):
    """A greeting or thanks alone answers no question and opens no tip."""
    assert features(text).greeting is greeting


@pytest.mark.parametrize("text", [
    "Ne publiez jamais le dimanche soir, c'est mort.",
    "la nuit les joueurs sont en ligne euh vers 23h",
    "« Postez tous les jours », répète-t-elle.",
])
def test_words_read_once_answer_as_their_tokens(text):
    doc = load_nlp()(text)
    words = read_once(doc[:])
    assert len(words) == len(doc)
    for word, token in zip(words, doc):
        for name in ("i", "text", "lower_", "pos_", "dep_", "lemma_", "is_punct", "is_alpha"):  # read once
            assert getattr(word, name) == getattr(token, name), name
        for name in ("idx", "like_num", "whitespace_"):  # the token's own
            assert getattr(word, name) == getattr(token, name), name
        assert word.morph.get("Mood") == token.morph.get("Mood")
        assert word.head.i == token.head.i
