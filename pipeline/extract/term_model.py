"""A learned guess at the glossary term, when no defining pattern names it.

When no defining pattern of ``glossary`` names the episode's concept, the concept is still often
plain to a reader: a word of the trade said early, said again, in the title or the file name, and
followed by sentences that explain it ("C'était un deepfake. Deepfake, en bon français, un
hypertrucage. … C'est une vidéo, une voix ou une photo fabriquée par …").  Every noun phrase of
the episode's first part is a candidate; its features (how often and where it is said, whether a
sentence opens by defining it or names it last, whether a question or a word such as "appelle" or
"veut dire" is near it, whether it looks like jargon: an acronym, a loanword, a word of
``data/digital_vocabulary.txt``) feed boosted trees trained on the annotated openings and episodes
of the repository (``python -m pipeline.extract.train``, like the tip model).  Only a candidate the
text treats as a word to explain (``has_evidence``) is weighed; the one the model likes best becomes
the entry when its probability reaches the model's threshold.  Trees ship as JSON
(``data/term_model.json``) and run in plain Python.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicons import load_json, unaccented
from .rescore import TipModel, check_model_features, read_model

MODEL_FILE = "term_model.json"

# the candidate's words: at most this many, determiners aside
MAX_TERM_WORDS = 5

# every determiner, as a token reads without its apostrophe ("l", "d"), and "de"
_DETERMINERS = frozenset({word.rstrip("'") for words in load_json("determiners.json").values() for word in words}
                         | {"de", "d"})
# copulas and verbs of meaning that follow a concept being defined
_DEFINING_AFTER = re.compile(r"^(?:\s+(?:d'une?|d'un|de la|de l'|du|des|sur)\s*\w+)?\s*,?\s*(?:(?:euh|en fait|en gros|pour moi|concrètement|au fond|c'est-à-dire)"
                             r"\s*,?\s*)?(?:c'est|ce sont|ce n'est|c'est pas|ça veut dire|ça désigne|désigne"
                             r"|signifie|consiste|veut dire|ça consiste)\b", re.IGNORECASE)
_SAMENESS = re.compile(r"\bmêmes?\s*$", re.IGNORECASE)
# the sentence after a word that gives its other name: "Broadcast channel, comme disent les Anglais."
_GLOSSED = re.compile(r"\bcomme (?:disent|dit|on dit|l'appellent|on l'appelle)\b|\ben (?:anglais|français)\b", re.IGNORECASE)
# the words a speaker opens with before the term she defines: "non non c'est simple la ctv c'est …"
_PREAMBLE = re.compile(r"^(?:(?:oui|non|si|alors|euh|bon|ben|bah|ah|eh|oh|ok|d'accord|voilà|écoute|attends|bref|donc"
                       r"|et|mais|en gros|en fait|en clair|pour faire simple|grosso modo|concrètement|c'est simple"
                       r"|tout simplement)[\s,!.:…]+)*", re.IGNORECASE)
# a sentence cut short before the name it was about to give, which the next voice says: "C'est ce
# que les gens du web appellent une offre… — High ticket !"
_CUT_SHORT_NAMING = re.compile(r"\b(?:appell?\w*|nomm\w*|dit|disent)\s+(?:\w+\s+){0,2}\w*\s*(?:…|\.\.\.)\s*$",
                               re.IGNORECASE)
# a question that asks for a name, or a sentence that announces one: "tu appelles ça comment, toi ?" —
# "Shoppertainment, khti."; "… un format au nom un peu barbare." — "Le listicle."
_ASKS_NAME = re.compile(r"\b(?:appell?\w* (?:ça|cela) comment|comment (?:ça s'appelle|on (?:l')?appelle|tu (?:l')?appelles"
                        r"|vous (?:l')?appelez)|quel (?:est (?:le|son) )?nom|c'est quoi (?:le|son) nom|ça a un nom"
                        r"|au nom\b|un (?:mot|terme|nom)\b)", re.IGNORECASE)
# the words that open an answer, up to the first comma or stop: "Shoppertainment, khti."
_OPENING_NAME = re.compile(r"^\s*(?:(?:le|la|les|un|une|du|des)\s+|l')?(?!(?:c'est|ça|ce|oui|non|alors|euh|bon|ben|ah)\b)"
                           r"(?P<t>[^\W\d][\w'-]*(?:\s[^\W\d][\w'-]*){0,3}?)\s*(?:[,.!…]|$)", re.IGNORECASE)
# after a name, its other name: "on appelle ça un sticky header, un en-tête fixe si tu préfères"
# the words that give a name its other name: "en français", "autrement dit"
_OTHER_NAME_WORDS = r"en français|en anglais|autrement dit|c'est-à-dire"
_GLOSS_AFTER = r"\s*,\s*(?:un|une|le|la|l'|si tu préfères|si vous préférez|" + _OTHER_NAME_WORDS + r")\b"
# a gloss in apposition, a noun phrase of its own: "Il a participé à un bug bounty, une chasse aux failles …"
_APPOSED_GLOSS = re.compile(r"\s*,\s*(?:un|une)\s+[^\W\d_]{3,}", re.IGNORECASE)
# what follows a term being defined, said mid-sentence: "… le guesting c'est quand tu vas …"
_DEFINES_NEXT = re.compile(r"\s*(?:c'est\s+(?:quand|un|une|le fait|ce qui|ce que|ce qu'|comme|l'art|ton|ta|votre)"
                           r"|ça veut dire|veut dire|signifie|désigne|consiste)\b", re.IGNORECASE)
# what gives the name just said its other name: "La voix du client, en anglais on dit « voice of the customer »"
_OTHER_NAME_AFTER = re.compile(r"^\s*,\s*(?:en bon (?:français|anglais)|" + _OTHER_NAME_WORDS + r")\b", re.IGNORECASE)
_IN_A_PLACE = re.compile(r"\b(?:à|chez)\s*$", re.IGNORECASE)
# a name given after a copula, at the end of a clause: "La grande, c'est mon prix d'ancrage."
# or after a colon: "Celle qui compte, c'est la première : l'autocomplétion."
_NAMED_BEFORE = re.compile(r"(?:(?:c'est|c'était|ça s'appelle|on appelle ça|on dit|je dis|je préfère dire|appelle|appelé"
                           r"|appelée|appelés|appelées)\s+(?:[^:.!?]{1,30}:\s*(?:\w+\s+)?(?:[ld]')?|(?:\w+\s+){0,2})"
                           # "C'est exactement ça, le biais de survie."
                           r"|\bc'est\s+(?:\w+\s+)?ça\s*,\s*(?:(?:le|la|les|un|une|du|des)\s+|[ld]')?"
                           # "Ça a un nom : le greenhushing."
                           r"|\b(?:un|son|le) (?:nom|mot|terme)\s*:\s*(?:(?:le|la|les|un|une|du|des)\s+|[ld]')?)$",
                           re.IGNORECASE)
_NAMING_WORDS = re.compile(r"\b(?:appelle\w*|appelé\w*|nom|mot|terme|sigle|expression|jargon|veut dire|signifie"
                           r"|en anglais|en français|traduire|traduis|définition|définir|défini)\b", re.IGNORECASE)
# the name itself, at the end of the sentence (the tagger may read no noun there: "C'est votre CAPTCHA.")
_NAME_LAST = re.compile(r"(?:c'est|c'était|ça s'appelle|on appelle ça)\s+(?:[^:.!?]{1,30}:\s*)?(?:(?:le|la|les|un|une|du|des|de la|mon|ma"
                        r"|mes|ton|ta|tes|son|sa|ses|notre|nos|votre|vos|leur|leurs)\s+|l'|d')"
                        r"(?P<t>[^\W\d][\w'-]*(?:\s[^\W\d][\w'-]*){0,3}?)"
                        r"(?:\s*[.!…]*$|" + _GLOSS_AFTER + ")", re.IGNORECASE)
# a likeness, not a name: "C'est un peu comme un notaire."
_LIKENESS = re.compile(r"\b(?:comme|genre|sorte|espèce)\b[^.!?]*$", re.IGNORECASE)
# a determiner and a few words before a copula: "le cpv c'est …" (loanwords the tagger reads as verbs)
_BEFORE_A_COPULA = re.compile(r"(?:^|\s)(?:(?:le|la|les|un|une|du|de la|des)\s+|l'\s*|l’\s*)"
                              r"(?P<t>[^\W\d][\w'’-]*(?:\s[^\W\d][\w'’-]*){0,3}?)"
                              r"(?=\s*,?\s*(?:c'est|c’est|ce sont|ça veut dire|désigne|signifie)\b)", re.IGNORECASE)
# a question that asks what something means ("ça veut dire quoi ?", "qu'est-ce que c'est ?"), or a
# speaker who did not know ("je savais même pas ce que c'était")
_SAYS_MEANING = r"\bveut dire\b|\bsignifie\b|\bdéfini|\bexpliqu"  # whatever else the sentence asks
MEANING_QUESTION = re.compile(r"\bquoi\b|\bqu'est-ce\b|\bkézako\b|" + _SAYS_MEANING, re.IGNORECASE)
_NOT_KNOWING = re.compile(r"\bsais (?:même )?pas ce que\b|\bsavais (?:même )?pas ce que\b", re.IGNORECASE)
# a definition that leaves its subject out ("C'est une réponse inventée de toutes pièces …", "Ça veut dire que …")
SUBJECTLESS_DEFINITION = re.compile(r"^(?:(?:et|mais|donc|bref|puis|ah|oui|alors),?\s+)?(?:(?:ça|il|elle)?,?\s*c'est\s+"
                                    r"(?:un|une|la|le|l'|ce que|ce qui|ce qu'|quand|le fait|tout ce)\b"
                                    r"|(?:ça|cela)\s+(?:veut dire|signifie)\b)", re.IGNORECASE)
ENGLISH_LOOK = re.compile(r"(?:ing|ship|ness|er|ment)$|[kwy]|^[a-z]+-[a-z]+$")
ENGLISH_GERUND = r"[a-z]+ing"  # what goes on an English-looking noun: "keyword stuffing", "growth hacking"


@dataclass
class TermCandidate:
    """A noun phrase of the episode's first part: its words as first said, its folded key, and
    the sentences that say it."""

    term: str
    key: str
    sentences: list[int] = field(default_factory=list)
    defining: list[int] = field(default_factory=list)  # sentences that open by defining it
    named_last: list[int] = field(default_factory=list)  # sentences that name it after a copula
    apposed: list[int] = field(default_factory=list)  # sentences that gloss it in apposition: "un bug bounty, une chasse …"
    entity: bool = False  # the tagger's named entity: a person, a place, a business


def is_acronym(term: str) -> bool:
    """"SEO", "KPIs", and in lowercase speech-to-text a word without a vowel ("la ctv")."""
    return bool(re.fullmatch(r"[A-Z]{2,6}s?", term) or re.fullmatch(r"[b-df-hj-np-tv-xz]{2,5}", term))


def fold(text: str) -> str:
    text = unaccented(text).lower().replace("’", "'")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _strip(tokens: list) -> list:
    """A noun chunk's tokens without its leading determiners and trailing punctuation, nor what a comma
    sets before them ("Aujourd'hui, l'infobulle.")."""
    commas = [k for k, t in enumerate(tokens[:-1]) if t.text == ","]
    if commas:
        tokens = tokens[commas[-1] + 1:]
    while tokens and (tokens[0].lower_.rstrip("'’") in _DETERMINERS or tokens[0].pos_ in ("DET", "PUNCT")):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].pos_ in ("ADP", "CCONJ", "DET")):
        tokens = tokens[:-1]
    return tokens


# what a hyphen joins to a verb or a demonstrative, not to a name: "mettons-la", "cette page-là"
_CLITICS = frozenset({"la", "le", "les", "moi", "toi", "nous", "vous", "lui", "leur", "leurs", "y", "en", "t", "on",
                      "il", "elle", "ils", "elles", "ce", "là", "ci", "je", "tu"})
_COMPLEMENT_CASES = frozenset({"de", "d'", "d’", "du", "par", "à"})
# a complement's own, which may take "au" ("mise au panier") or "en" ("mise en avant")
_NESTED_COMPLEMENT_CASES = _COMPLEMENT_CASES | {"au", "aux", "en"}


def _bare_complement(root, cases: frozenset[str] = _COMPLEMENT_CASES) -> list:
    """The complement without a determiner that a noun's name goes on with ("taux de sortie",
    "coût par clic", "seuil de livraison gratuite"), up to its adjectives, and the complement that goes
    on with that one ("taux de mise au panier"); empty when there is none ("le taux de vos publications"
    names the rate of something)."""
    for child in root.rights:
        if child.dep_ != "nmod":
            continue
        marks = list(child.children)
        if not any(m.dep_ == "case" and m.lower_ in cases and m.i == child.i - 1 for m in marks) \
                or any(m.dep_ == "det" for m in marks):
            return []
        tokens = [child]
        doc = root.doc
        while tokens[-1].i + 1 < len(doc) and doc[tokens[-1].i + 1].pos_ == "ADJ":
            tokens.append(doc[tokens[-1].i + 1])
        further = _bare_complement(child, _NESTED_COMPLEMENT_CASES) if cases is _COMPLEMENT_CASES else []
        if further and further[0].i - 2 == tokens[-1].i:
            tokens = list(doc[child.i : further[-1].i + 1])
        return tokens
    return []


def _joined(tokens: list) -> list:
    """A chunk's tokens with the words the tagger split off it: the other half of a hyphenated
    word ("B-roll" read as "B", "-", "roll") and an English gerund after an English-looking noun
    ("keyword stuffing", whose "stuffing" is read as a verb)."""
    if not tokens:
        return tokens
    doc = tokens[0].doc
    while (start := tokens[0].i) >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha and doc[start - 2].pos_ != "VERB":
        tokens = [doc[start - 2], doc[start - 1], *tokens]
    while (end := tokens[-1].i) + 2 < len(doc) and doc[end + 1].text == "-" and not tokens[-1].whitespace_ \
            and not doc[end + 1].whitespace_ and doc[end + 2].is_alpha and doc[end + 2].lower_ not in _CLITICS:
        tokens = [*tokens, doc[end + 1], doc[end + 2]]
    end = tokens[-1].i
    if end + 1 < len(doc) and ENGLISH_LOOK.search(tokens[-1].lower_) \
            and re.fullmatch(ENGLISH_GERUND, doc[end + 1].text):
        tokens = [*tokens, doc[end + 1]]
    return tokens


def _said(span, tokens: list) -> tuple[str, int, bool]:
    """The words of ``tokens`` as said, their offset in the sentence, and whether the tagger took
    them for a person, a place or a business."""
    return _words_from(tokens[0], tokens[-1]), tokens[0].idx - span.start_char, any(
        t.ent_type_ in ("PER", "LOC", "ORG") for t in tokens)


def _words_from(first, last) -> str:
    """The text from token ``first`` to token ``last`` (a slice of the sentence's tokens: the whole
    document's text is rebuilt at each ``doc.text``)."""
    return first.doc[first.i:last.i + 1].text


def _noun_chunks(spans: list) -> list[list]:
    """Each sentence's noun chunks, the chunks of each document found once (a sentence's own
    ``noun_chunks`` walks its whole document)."""
    by_doc: dict[int, tuple[list, list[int]]] = {}  # a document's chunks, and where each starts
    for span in spans:
        if id(span.doc) not in by_doc:
            try:
                chunks = list(span.doc.noun_chunks)
            except (ValueError, NotImplementedError):
                chunks = []
            by_doc[id(span.doc)] = chunks, [c.start for c in chunks]
    found = []
    for span in spans:
        chunks, starts = by_doc[id(span.doc)]
        inside = chunks[bisect_left(starts, span.start):bisect_left(starts, span.end)]
        found.append([c for c in inside if c.end <= span.end])
    return found


# a token the tagger may misread that is an acronym: two to six capitals and digits, a plural "s" allowed
# ("SPF", "C2PA", "NFTs"), not a lone letter (``is_acronym``, a feature of any candidate, also reads
# speech-to-text's lowercase "ctv" and no digits)
ACRONYM_TOKEN = re.compile(r"^[A-Z][A-Z0-9]{1,5}s?$")

# the nouns of set phrases with "en", never a name: "vendre en ligne", "mettre en place"
_SET_PHRASE_NOUNS = frozenset({"ligne", "place"})


def _phrases(span, chunks: list) -> list[tuple[str, int, bool]]:
    """The noun phrases a sentence says, with their character offset: spaCy's noun chunks (``chunks``),
    and the words after a determiner up to a comma or a copula (the tagger reads loanwords as verbs:
    "le live shopping", "le cpv c'est …")."""
    found: list[tuple[str, int, bool]] = []
    for chunk in chunks:
        tokens = _joined(_strip(list(chunk)))
        if len(tokens) == 1 and tokens[0].lower_ in _SET_PHRASE_NOUNS and tokens[0].i > 0 \
                and span.doc[tokens[0].i - 1].lower_ == "en":
            continue
        named = any(t.pos_ in ("NOUN", "PROPN", "X", "ADJ", "VERB") for t in tokens)
        if tokens and len(tokens) <= MAX_TERM_WORDS and named:
            found.append(_said(span, tokens))
            entity = found[-1][2]
            if complement := _bare_complement(chunk.root):
                text = _words_from(tokens[0], complement[-1])
                if len(text.split()) <= MAX_TERM_WORDS:
                    found.append((text, tokens[0].idx - span.start_char, entity))
    # the noun a copula puts as the sentence's root, which spaCy leaves out of its chunks: "C'est du
    # keyword stuffing, dans sa forme la plus pure."
    for root in span:
        if root.dep_ == "ROOT" and root.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "cop" for c in root.children) \
                and not any(chunk.start <= root.i < chunk.end for chunk in chunks):
            found.append(_said(span, _joined([root])))
            if complement := _bare_complement(root):  # "C'est le taux de mise au panier."
                text = _words_from(root, complement[-1])
                if len(text.split()) <= MAX_TERM_WORDS:
                    found.append((text, root.idx - span.start_char, False))
    # an acronym the tagger reads as a verb or folds into a name: "ce n'est pas YMYL", "« SPF, pour …"
    offsets = {offset for _, offset, _ in found}
    for tok in span:
        if ACRONYM_TOKEN.match(tok.text) and tok.idx - span.start_char not in offsets:
            found.append(_said(span, [tok]))
    # the thing without the network it is on: "une streak sur Snapchat, c'est …" defines a streak
    found += [(said.split(" sur ")[0], offset, entity) for said, offset, entity in list(found) if " sur " in said]
    text = span.text
    if (m := _NAME_LAST.search(text.replace("’", "'"))) and not _LIKENESS.search(text[:m.start("t")]):
        found.append((m.group("t"), m.start("t"), False))
    for m in _BEFORE_A_COPULA.finditer(text):
        found.append((m.group("t"), m.start("t"), False))
    return found


def candidate_terms(sentences: list, spans: list, end: int, accept=lambda text: text) -> list[TermCandidate]:
    """The noun phrases said in ``sentences[:end]``, merged by their folded words, with every
    sentence of the episode that says them (``accept``: the phrase as a term, or None when it is a
    clause, a name or a placeholder)."""
    by_key: dict[str, TermCandidate] = {}
    chunks = _noun_chunks(spans[:min(end, len(sentences))])
    for i in range(min(end, len(sentences))):
        phrases = _phrases(spans[i], chunks[i])
        raw = not re.search(r"[.,;:!?…]", spans[i].text)
        announced = i > 0 and bool(_ASKS_NAME.search(sentences[i - 1].text.replace("’", "'")))
        answer = _OPENING_NAME.match(spans[i].text) if announced and sentences[i - 1].is_question else None
        if answer:
            phrases.append((answer.group("t"), answer.start("t"), False))
        for said, offset, entity in phrases:
            text = accept(said)
            if not text:
                continue
            named_as_asked = bool(answer) and said == answer.group("t") and offset == answer.start("t")
            offset += said.find(text) if text in said else 0
            key = fold(text)
            if not key or len(key) < 2 or len(key.split()) > MAX_TERM_WORDS:
                continue
            candidate = by_key.setdefault(key, TermCandidate(text.strip(" '’\"«»"), key))
            candidate.entity = candidate.entity or entity
            if i not in candidate.sentences:
                candidate.sentences.append(i)
            rest = spans[i].text[offset + len(text):]
            before = spans[i].text[:offset]
            opens = not fold(before)
            # a dictionary's entry read aloud ("« Échelle de valeur : ensemble des offres … »"), or a
            # copula after a few words; not what holds in a place ("à Port-Gentil, c'est Facebook d'abord")
            entry = (opens or re.search(r"«\s*$", before)) and re.match(r"^\s*:\s*\w", rest)
            # in speech-to-text without punctuation a definition runs on from what came before: "… c'est
            # un compliment le guesting c'est quand tu vas …"
            run_on = raw and re.search(r"\b(?:le|la|les|l'|un|une|ton|ta|tes|votre|vos)\s*$", before) \
                and _DEFINES_NEXT.match(rest)
            copula_soon = _DEFINING_AFTER.search(rest.replace("’", "'")) and len(fold(_PREAMBLE.sub("", before)).split()) <= 4
            if (entry or run_on or copula_soon and not _IN_A_PLACE.search(before)) and i not in candidate.defining:
                candidate.defining.append(i)
            # a name after a copula (or its other name after it), not "c'est le même gestionnaire" (two
            # things are one); said alone after a sentence cut short before it; the answer to a
            # question that asks for a name; a dictionary's entry
            alone = (opens or fold(before) in _DETERMINERS) and re.match(r"^\s*[.!…]*\s*$", rest)
            one_thing = _SAMENESS.search(before) or text.lower().startswith("même") or _LIKENESS.search(f"{before} {text}")
            cut_short = i > 0 and _CUT_SHORT_NAMING.search(sentences[i - 1].text.replace("’", "'"))
            # or a name that opens the sentence and is given its other name ("Un ghost button, en français on dit …")
            glossed = (opens or fold(before) in _DETERMINERS) and _OTHER_NAME_AFTER.match(rest)
            if _APPOSED_GLOSS.match(rest) and not entity and i not in candidate.apposed:
                candidate.apposed.append(i)
            if _NAMED_BEFORE.search(before.replace("’", "'")) and re.match(r"^\s*(?:[.!:…]|$)|" + _GLOSS_AFTER, rest) \
                    and not one_thing or alone and (announced or cut_short) or named_as_asked or entry or glossed:
                if i not in candidate.named_last:
                    candidate.named_last.append(i)
    folded = [f" {fold(s.text)} " for s in sentences]
    for candidate in by_key.values():  # said later too
        later = (k for k, s in enumerate(folded) if f" {candidate.key} " in s)
        candidate.sentences = sorted({*candidate.sentences, *later})
    return list(by_key.values())


# "quoi" that asks what to do, not what a word means: "Tu conseilles quoi à un artisan ?"
_WHAT_TO_DO = re.compile(r"\b(?:conseill|recommand|propos|fai|mets|mett|post|publi|dis|dit|vend|utilis)\w*\s+quoi\b",
                         re.IGNORECASE)


def _asks_meaning(text: str) -> bool:
    text = text.replace("’", "'")
    if _WHAT_TO_DO.search(text) and not re.search(_SAYS_MEANING, text, re.IGNORECASE):
        return False
    return bool(MEANING_QUESTION.search(text) or _NOT_KNOWING.search(text))


PROMPT_WORDS = 4  # "Vas-y, explique.", "C'est-à-dire ?": the other voice only hands the floor back


def _next_of_voice(sentences: list, k: int) -> int | None:
    """The sentence after sentence ``k``, past a short prompt of another voice."""
    if k + 1 >= len(sentences):
        return None
    if (k + 2 < len(sentences) and sentences[k + 1].speaker != sentences[k].speaker
            and sentences[k + 2].speaker == sentences[k].speaker
            and len(sentences[k + 1].text.split()) <= PROMPT_WORDS):
        return k + 2
    return k + 1


def _following(sentences: list, said: list[int]) -> list[int]:
    """The sentence after each of ``said``, past a short prompt of another voice, and the one after
    it (a remark may come first: "Tout dépend de la fenêtre d'attribution. — Attends, laisse-moi
    deviner. C'est le délai pendant lequel …")."""
    following = []
    for i in said:
        if (k := _next_of_voice(sentences, i)) is not None:
            following += [k, k + 1] if k + 1 < len(sentences) else [k]
    return following


_LITTLE_WORDS = frozenset({"d", "de", "du", "des", "l", "la", "le", "les", "a", "au", "aux", "en"})


def _content_words(folded: str) -> str:
    """Folded words without articles and prepositions."""
    return " ".join(w for w in folded.split() if w not in _LITTLE_WORDS)


# a few words of the other voice that ask what the word just said means: "Du quoi ?", "Vas-y, explique.",
# "C'est-à-dire ?"
_ECHO = re.compile(r"\bquoi\b|\bexpliqu\w*|\bc'est-à-dire\b|\bcomment ça\b", re.IGNORECASE)


def _echoes_meaning(sentences: list, k: int) -> bool:
    """The other voice asks, in a few words right after sentence ``k``, what a word of it means:
    "Ta cousine fait du vaguebooking. — Du quoi ?" """
    if k + 1 >= len(sentences):
        return False
    echo = sentences[k + 1]
    return ((echo.speaker, echo.role) != (sentences[k].speaker, sentences[k].role)
            and len(echo.text.split()) <= PROMPT_WORDS and bool(_ECHO.search(echo.text.replace("’", "'"))))


def has_evidence(candidate: TermCandidate, sentences: list) -> bool:
    """Whether the text treats the candidate as a word to explain: a sentence opens by defining it
    or names it last, a question asks what it means, or the sentence after it defines without a
    subject or gives its other name."""
    said = candidate.sentences[:3]
    asked = any(sentences[k].is_question and _asks_meaning(sentences[k].text) for k in said) or any(
        _echoes_meaning(sentences, k) for k in said)
    following = _following(sentences, said)
    defined_after = any(SUBJECTLESS_DEFINITION.search(sentences[k].text.strip().replace("’", "'")) for k in following)
    glossed = any(_GLOSSED.search(sentences[k].text) for k in following)
    expanded = ACRONYM_TOKEN.match(candidate.term) is not None and any(
        spells_out(candidate.term, sentences[k].text) for k in candidate.sentences[:3])
    return bool(candidate.defining or candidate.named_last or candidate.apposed) or asked or defined_after or glossed \
        or expanded


# the small words an acronym's letters skip: "Your Money or Your Life", "Règlement général sur la protection …"
_UNSPELLED = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "à", "a", "en", "sur", "of", "or", "and",
                        "the", "to", "in", "on"})


def spells_out(acronym: str, text: str) -> bool:
    """Whether ``text`` says the words whose initials spell ``acronym`` ("YMYL, pour Your Money or
    Your Life", "le SPF, le Sender Policy Framework")."""
    letters = [c for c in acronym.rstrip("s").lower() if c.isalpha()]
    words = [w for w in re.findall(r"[^\W\d_]+", text.lower()) if w not in _UNSPELLED]
    return len(letters) >= 2 and "".join(letters) in "".join(w[0] for w in words)


TERM_FEATURE_NAMES = (
    "log_mentions", "log_early_mentions", "first_position", "words", "characters", "acronym", "hyphen", "english_look",
    "digital_word", "in_announced", "announced_overlap", "is_title_term", "defining", "defining_first", "named_last",
    "in_question", "in_meaning_question", "question_before", "subjectless_after", "naming_words_near",
    "guest_share", "capitalised_inside", "not_concept", "person_name", "mention_rank", "candidates_defined",
    "labelled", "digital_show", "entity", "evidence", "log_sentences", "unknown_word", "apposed", "echoed",
)


@lru_cache(maxsize=4)
def french_lexicon(nlp) -> Callable[[str], bool]:
    """Whether a lower-case word is French as the pipeline's lemmatizer knows it: a lemma of its
    index or a form of its lookup table; every word is known to a pipeline without those tables."""
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
        index, forms = lookups.get_table("lemma_index"), lookups.get_table("lemma_lookup")
    except (KeyError, ValueError, AttributeError):
        return lambda word: True
    lemmas = frozenset(word for words in index.values() for word in words)
    return lambda word: word in lemmas or word in forms


def term_features(candidate: TermCandidate, sentences: list, end: int, *, announced: str, title_term: str | None,
                  digital_words: re.Pattern, not_concepts: frozenset[str], names: frozenset[str], rank: int,
                  defined_count: int, labelled: bool, digital_show: bool,
                  known: Callable[[str], bool] = lambda word: True) -> list[float]:
    """The model's inputs for one candidate, in the order of ``TERM_FEATURE_NAMES`` (``known``: whether a
    word is in the French lexicon)."""
    said = candidate.sentences
    early = [k for k in said if k < end]
    first = said[0] if said else end
    words = candidate.key.split()
    content = _content_words(candidate.key)
    announced_words = set(fold(announced).split())
    meaningful = [w for w in words if len(w) > 2]
    near = [k for i in said[:3] for k in range(max(0, i - 2), min(len(sentences), i + 3))]
    after = [sentences[k].text for k in _following(sentences, said[:3])]
    inside = [s.text for s in (sentences[k] for k in said)]
    capitalised = sum(1 for text in inside for m in re.finditer(r"\S\s+(" + re.escape(candidate.term[:1]) + ")", text)
                      if m.group(1).isupper()) if candidate.term[:1].isupper() and not candidate.term.isupper() else 0
    roles = [sentences[k].role for k in said]
    x = {
        "log_mentions": math.log1p(len(said)),
        "log_early_mentions": math.log1p(len(early)),
        "first_position": first / max(end, 1),
        "words": len(words),
        "characters": len(candidate.key),
        "acronym": float(is_acronym(candidate.term)),
        "hyphen": float("-" in candidate.term),
        "english_look": float(any(ENGLISH_LOOK.search(w) for w in words)),
        "digital_word": float(bool(digital_words.search(unaccented(candidate.term)))),
        # a file name drops the little words: "fenetre_attribution" announces "fenêtre d'attribution"
        "in_announced": float(bool(content) and f" {content} " in f" {_content_words(fold(announced))} "),
        "announced_overlap": sum(1 for w in meaningful if w in announced_words) / max(len(meaningful), 1),
        "is_title_term": float(bool(title_term) and fold(title_term) == candidate.key),
        "defining": len(candidate.defining),
        "defining_first": float(bool(candidate.defining) and candidate.defining[0] < end),
        "named_last": len(candidate.named_last),
        "in_question": sum(1 for k in said if sentences[k].is_question),
        "in_meaning_question": sum(1 for k in said if _asks_meaning(sentences[k].text)),
        "question_before": float(any(sentences[k - 1].is_question for k in said[:3] if k > 0)),
        "subjectless_after": float(any(SUBJECTLESS_DEFINITION.search(text.strip().replace("’", "'")) for text in after)),
        "naming_words_near": float(any(_NAMING_WORDS.search(sentences[k].text) for k in set(near))),
        "guest_share": roles.count("guest") / max(len(roles), 1),
        "capitalised_inside": capitalised,
        "not_concept": float(candidate.key in not_concepts or any(w in not_concepts for w in words)),
        "person_name": float(bool(names.intersection(words))),
        "mention_rank": rank,
        "candidates_defined": defined_count,
        "labelled": float(labelled),
        "digital_show": float(digital_show),
        "entity": float(candidate.entity),
        "evidence": float(has_evidence(candidate, sentences)),
        "log_sentences": math.log1p(len(sentences)),
        # a word said in lower case that French does not know: a loanword or jargon ("ghost button",
        # "hold rate", "affordance"), not a place or a name, which are said with a capital
        "unknown_word": float(any(w.isalpha() and w.islower() and len(w) > 2 and not known(w)
                                  for w in re.split(r"[\s'’-]+", candidate.term))),
        "apposed": float(bool(candidate.apposed)),
        "echoed": float(any(_echoes_meaning(sentences, k) for k in said[:3])),
    }
    return [float(x[name]) for name in TERM_FEATURE_NAMES]


def check_term_features(model: TipModel, source: str) -> TipModel:
    return check_model_features(model, TERM_FEATURE_NAMES, "glossary term", source)


@lru_cache(maxsize=1)
def load_term_model() -> TipModel:
    """The model shipped in the package data."""
    return read_model(MODEL_FILE, TERM_FEATURE_NAMES, "glossary term")
