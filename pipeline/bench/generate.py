"""Generated French interview transcripts for benches and tests (deterministic for a seed).

Each episode is a 5-10 minute interview between a host and a guest about audiences on social
networks: questions, answers with actionable advice (networks, days, times of day, frequencies,
methods, things to avoid), definitions, anecdotes and small talk.  Three source formats rotate: the
web page layout of ``samples/`` (``05:03Texte``), SubRip (.srt) and speaker-labelled WebVTT
(``<v Nadia>``).

    python -m pipeline.bench.generate FOLDER 20 [--seed 0]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

HOSTS = ["Nadia Benali", "Karim Alaoui", "Sophie Martin", "Youssef Amrani", "Claire Dubois", "Omar Tazi"]
GUESTS = ["Leïla Haddad", "Julien Moreau", "Salma Idrissi", "Thomas Petit", "Inès Chraibi", "Mehdi Berrada",
          "Camille Laurent", "Rachid El Fassi", "Amélie Girard", "Hamza Bennani"]
TOPICS = ["l'influence digitale", "le marketing de contenu", "la création de communauté", "le personal branding",
          "la vidéo courte", "le podcast de marque", "la stratégie social media", "l'e-réputation"]
NETWORKS = ["TikTok", "Instagram", "LinkedIn", "YouTube", "Facebook", "Twitter", "Snapchat", "Pinterest", "Twitch"]
DAYS = ["le lundi", "le mardi", "le mercredi", "le jeudi", "le vendredi", "le samedi", "le dimanche",
        "du mardi au jeudi", "le week-end", "en semaine"]
MOMENTS = ["le matin", "en fin de journée", "le soir", "à l'heure du déjeuner", "vers 19 heures", "entre 18h et 20h",
           "tôt le matin", "en début d'après-midi", "après 21 heures"]
FREQUENCIES = ["tous les jours", "trois fois par semaine", "une fois par semaine", "deux à trois fois par semaine",
               "chaque mois", "au moins une fois par jour", "une fois tous les quinze jours"]
METHODS = ["répondre à chaque commentaire", "collaborer avec d'autres créateurs", "raconter des histoires vraies",
           "miser sur le contenu organique", "tester la publicité payante avec un petit budget",
           "analyser les statistiques de vos publications", "soigner les trois premières secondes de la vidéo",
           "demander l'avis de votre communauté", "recycler vos meilleurs contenus", "publier des coulisses"]
AVOID = ["acheter des abonnés", "publier la même vidéo partout sans l'adapter", "changer de ligne éditoriale chaque mois",
         "ignorer les messages privés", "abuser des hashtags", "copier les tendances sans y ajouter votre regard"]

QUESTIONS = [
    "Selon toi, par où faut-il commencer quand on lance {topic} ?",
    "Quel réseau conseillerais-tu à quelqu'un qui débute ?",
    "Et concrètement, à quel moment faut-il publier ?",
    "Est-ce qu'il y a des erreurs que tu vois souvent ?",
    "Comment est-ce qu'on fait grandir une audience sans budget ?",
    "Quelle est ta définition de {topic} ?",
    "Combien de temps faut-il avant de voir des résultats ?",
    "Tu peux nous donner un exemple concret ?",
    "Et pour les marques, qu'est-ce qui change ?",
]
ADVICE = [
    "Sur {net}, je conseille de publier {day}, {moment}, c'est là que l'audience est la plus active.",
    "Il faut publier {freq} sur {net}, la régularité compte plus que la perfection.",
    "Mon conseil, c'est de {method}, ça change vraiment la relation avec votre audience.",
    "Surtout, évitez de {avoid}, ça détruit la confiance.",
    "Il ne faut pas {avoid}, les algorithmes le détectent très vite.",
    "Pour {net}, postez plutôt {moment}, et {freq} si vous pouvez tenir le rythme.",
    "Je recommande de {method} au moins {freq}.",
    "Si votre cible est professionnelle, allez sur {net} {day}, c'est le meilleur moment.",
    "Donnez-vous six mois avant de juger une stratégie sur {net}, pas moins.",
    "Il vaut mieux {method} que de courir après les vues.",
]
DEFINITIONS = [
    "{topic_cap}, c'est la capacité à avoir un impact réel sur une communauté, pas seulement des chiffres.",
    "Pour moi, {topic}, c'est une relation de confiance construite dans le temps avec une audience précise.",
]
FILLERS = [
    "Merci beaucoup de m'avoir invité, c'est un plaisir d'être ici.",
    "Oui, c'est une très bonne question.",
    "Je me souviens de mes débuts, je publiais sans vraiment savoir pourquoi.",
    "On a tous connu ça, franchement.",
    "C'est vrai que le digital a beaucoup changé ces dernières années.",
    "Au Maroc, on voit énormément de jeunes créateurs qui se lancent.",
    "Il y a quelques années, personne ne parlait de ça.",
    "Et ça, c'est quelque chose que les gens oublient souvent.",
    "Bon, je vais être honnête avec vous.",
    "Les chiffres ne disent pas tout, il faut aussi regarder l'engagement.",
    "J'ai accompagné plusieurs marques sur ce sujet, et le constat est toujours le même.",
    "C'est un travail de longue haleine, il faut être patient.",
]
HOST_REACTIONS = ["Très bien.", "D'accord, c'est intéressant.", "Effectivement.", "Je vois.", "Merci pour cette précision."]


def _fill(template: str, rng: random.Random, topic: str) -> str:
    return template.format(
        net=rng.choice(NETWORKS), day=rng.choice(DAYS), moment=rng.choice(MOMENTS), freq=rng.choice(FREQUENCIES),
        method=rng.choice(METHODS), avoid=rng.choice(AVOID), topic=topic, topic_cap=topic[0].upper() + topic[1:],
    )


def dialogue(rng: random.Random, host: str, guest: str, topic: str, minutes: float) -> list[tuple[str, str]]:
    """(speaker, sentence) pairs for about ``minutes`` of speech at ~150 words a minute."""
    words_target = int(minutes * 150)
    lines = [(host, f"Bonjour à toutes et à tous, bienvenue dans ce nouvel épisode sur {topic}."),
             (host, f"Aujourd'hui, nous recevons {guest}, qui accompagne des créateurs et des marques."),
             (guest, rng.choice(FILLERS[:1]))]
    words = sum(len(t.split()) for _, t in lines)
    while words < words_target:
        question = _fill(rng.choice(QUESTIONS), rng, topic)
        answer = []
        for _ in range(rng.randint(3, 7)):
            kind = rng.random()
            pool = ADVICE if kind < 0.45 else DEFINITIONS if kind < 0.5 else FILLERS
            answer.append(_fill(rng.choice(pool), rng, topic))
        block = [(host, question)] + [(guest, s) for s in answer]
        if rng.random() < 0.5:
            block.append((host, rng.choice(HOST_REACTIONS)))
        lines.extend(block)
        words += sum(len(t.split()) for _, t in block)
    lines.append((host, f"Merci {guest.split()[0]} pour tous ces conseils, et à très bientôt."))
    lines.append((guest, "Merci à vous, au revoir."))
    return lines


def _timed(lines: list[tuple[str, str]], rng: random.Random) -> list[tuple[float, float, str, str]]:
    """Cut sentences into 2-6 second chunks as subtitles do (often mid-sentence)."""
    out, t = [], 0.0
    for speaker, text in lines:
        words = text.split()
        while words:
            n = min(len(words), rng.randint(6, 14))
            chunk, words = " ".join(words[:n]), words[n:]
            duration = n / 2.6
            out.append((round(t, 3), round(t + duration, 3), speaker, chunk))
            t += duration + rng.choice((0.0, 0.2, 0.4))
    return out


def _stamp_srt(t: float) -> str:
    ms = int(round(t * 1000))
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def _stamp_page(t: float) -> str:
    s = int(t)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60:02d}:{s % 60:02d}"


def render(fmt: str, title: str, topic: str, guest: str, timed: list) -> str:
    if fmt == "webpage":
        head = [title, "", f"  • il y a {len(title) % 9 + 1} jours",
                f"Dans ce nouvel épisode, nous abordons {topic} avec {guest}.", "Transcription"]
        return "\n".join(head + [f"{_stamp_page(s)}{text}" for s, _, _, text in timed]) + "\n"
    if fmt == "srt":
        cues = [f"{i}\n{_stamp_srt(s)} --> {_stamp_srt(e)}\n{text}\n" for i, (s, e, _, text) in enumerate(timed, 1)]
        return "\n".join(cues)
    # labelled: WebVTT with voice tags
    cues = [f"{_stamp_srt(s).replace(',', '.')} --> {_stamp_srt(e).replace(',', '.')}\n<v {who}>{text}\n"
            for s, e, who, text in timed]
    return "WEBVTT\n\n" + "\n".join(cues)


FORMATS = (("webpage", ".txt"), ("srt", ".srt"), ("labelled", ".vtt"))


def generate_episode(index: int, seed: int = 0) -> tuple[str, str]:
    """(file name, text) of episode ``index``."""
    rng = random.Random(f"{seed}:{index}")
    host, guest, topic = rng.choice(HOSTS), rng.choice(GUESTS), rng.choice(TOPICS)
    fmt, suffix = FORMATS[index % len(FORMATS)]
    minutes = rng.uniform(5, 10)
    timed = _timed(dialogue(rng, host, guest, topic, minutes), rng)
    title = f"Épisode {index + 1} : {topic} avec {guest}"
    return f"episode_{index:04d}{suffix}", render(fmt, title, topic, guest, timed)


def generate_folder(folder: str | Path, count: int, seed: int = 0) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        name, text = generate_episode(index, seed)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    paths = generate_folder(args.folder, args.count, args.seed)
    print(f"{len(paths)} episodes in {args.folder}")


if __name__ == "__main__":
    main()
