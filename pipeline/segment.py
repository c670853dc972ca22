"""Segmentation stage: Episode with segments -> Episode with timed sentences, speaker turns, language.

Cues and lines are often broken mid-sentence, so consecutive segments of one speaker are joined into
blocks, parsed with spaCy in one ``nlp.pipe`` pass, and re-split into sentences.  Each sentence gets
the times of the segments it spans, interpolated by character position inside a segment.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass, replace
from typing import Iterator

from spacy.tokens import Doc, Span

from .language import detect_language
from .lexicons import load_words
from .nlp import load_nlp
from .readers.cues import HYPHENATED_CONTINUATION
from .records import Episode, Segment, SegmentOptions, Sentence
from .turns import assign_turns

STAGE_VERSION = "11"

# Blocks are cut at a sentence end once this long, which bounds memory on hour-long episodes.
BLOCK_CHARS = 4000
_SENTENCE_END = re.compile(r"[.!?…»\"]\s*$")
_FINAL_MARK = re.compile(r"[.!?…]")
# Speech-to-text without punctuation (some Whisper outputs, auto-generated subtitles): fewer than
# one sentence end per this many words.  Cue boundaries then stand in for the missing full stops.
UNPUNCTUATED_WORDS_PER_END = 40
# Words that need what follows them ("Et publie tes" | "Reels"): a sentence is not cut after one.
_NEEDS_NEXT_POS = {"DET", "ADP", "CCONJ", "SCONJ"}
_CLOSING_QUOTES = {"»", "”"}
# In unpunctuated speech a cue ending on one of these continues in the next ("ils organisent leur" |
# "week-end"): auxiliaries, pronouns before their verb, relatives.
_DANGLING_POS = _NEEDS_NEXT_POS | {"AUX"}
_DANGLING_WORDS = {"je", "j'", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "m'", "te", "t'", "se",
                   "s'", "le", "la", "les", "l'", "lui", "leur", "y", "en", "c'", "qu'", "que", "qui", "dont"}
MIN_PARSER_PIECE = 6  # tokens


# what may come before a question's opening words: "et alors, comment …"
_LEAD_WORDS = ("et", "alors", "donc", "mais", "ok", "d'accord", "bon", "euh")


@lru_cache(maxsize=1)
def _question_cue() -> re.Pattern[str]:
    anywhere, opening, closing = [], [], []
    for cue in load_words("question_cues.txt"):
        if cue.startswith("^"):
            opening.append(re.escape(cue[1:]))
        elif cue.endswith("$"):
            closing.append(re.escape(cue[:-1]))
        else:
            anywhere.append(re.escape(cue))
    lead = rf"^(?:(?:{'|'.join(_LEAD_WORDS)})\s+)*"
    tail = r"(?:\s+(?:euh|hein|alors|exactement|toi-même|toi|vous))*\s*$"
    # "on les vend à qui en fait aux élèves ou aux parents": the choices offered after the
    # interrogative word, not a clause ("je publie quand je peux ou le soir") nor an infinitive
    # ("je sais pas quoi faire ou dire") of its own
    subjects = "|".join(re.escape(s) for s in sorted(_SUBJECTS))
    choices = (rf"(?:\s+(?:en fait|euh|alors))*(?!\s+(?:(?:{subjects})(?:\b|(?<='))|[\w-]+(?:er|ir|re)\b))"
               r"(?:\s+[\w'-]+){1,4}\s+ou\s+(?:[\w'-]+\s*){1,4}$")
    return re.compile(
        rf"\b(?:{'|'.join(anywhere)})\b|{lead}(?:{'|'.join(opening)})\b|\b(?:{'|'.join(closing)})(?:{tail}|{choices})",
        re.IGNORECASE,
    )


# Unpunctuated speech: "et whatsapp", "et les parents alors", "et l'heure pour les élèves": a short
# follow-up opened by "et", with no clause in it, asks about what it names.  Without capitals the small
# tagger reads network names as verbs ("whatsapp", "tiktok"), so a clause is told by its subject
# pronoun, an auxiliary or a second-person plural imperative.
FOLLOW_UP_WORDS = 6
_SUBJECTS = frozenset({"je", "j'", "tu", "t'", "il", "elle", "on", "nous", "vous", "ils", "elles", "c'", "ça", "ce", "y"})
# a rapid-fire round's prompts: "vas-y le meilleur jour pour publier", "la meilleure heure"
_PROMPT = re.compile(rf"^(?:(?:{'|'.join(_LEAD_WORDS + ('vas-y', 'allez'))})\s+)*"
                     r"(?=(?:le meilleur|la meilleure|les meilleur|le pire|la pire|les pires)\b)")
# "which" asked in place: "tu conseilles quel réseau", "vous utilisez quelle appli" (not "quel que soit")
_WHICH_IN_PLACE = re.compile(r"\b(?:tu|vous|on)\s+[\w-]+\s+quel(?:le)?s?\b(?!\s+que)")


def _is_question(sent: Span, unpunctuated: bool) -> bool:
    """A question mark, or in unpunctuated speech an interrogative form (``data/question_cues.txt``),
    or a short follow-up opened by "et" or a rapid-fire prompt ("la meilleure heure"), with no
    clause in it."""
    text = sent.text.strip()
    if text.endswith("?"):
        return True
    if not unpunctuated:
        return False
    text = text.replace("’", "'")
    low = text.lower()
    if _question_cue().search(text) or _WHICH_IN_PLACE.search(low):
        return True
    prompt = _PROMPT.match(low)
    start = sent.start_char + prompt.end() if prompt else sent.start_char
    words = [tok for tok in sent if not tok.is_punct and tok.lower_ not in {"euh", "heu"} and tok.idx >= start]
    if not words or not (prompt or words[0].lower_ == "et") or len(words) > FOLLOW_UP_WORDS:
        return False
    return not any(
        tok.lower_ in _SUBJECTS or tok.pos_ == "AUX" or (tok.lower_.endswith("ez") and len(tok) > 4) for tok in words
    )


def is_unpunctuated(segments: list[Segment]) -> bool:
    """Whether the transcript lacks sentence punctuation (judged over the whole episode)."""
    words = ends = 0
    for seg in segments:
        words += len(seg.text.split())
        ends += len(_FINAL_MARK.findall(seg.text))
    return words >= UNPUNCTUATED_WORDS_PER_END and ends * UNPUNCTUATED_WORDS_PER_END < words


@dataclass
class _Block:
    """Joined text of consecutive segments, with each segment's character range in it."""

    text: str
    speaker: str | None
    offsets: list[int]  # start offset of each segment in ``text``
    segments: list[Segment]

    def time_at(self, char: int, is_end: bool) -> float | None:
        i = max(0, bisect.bisect_right(self.offsets, char) - 1)
        if is_end and i > 0 and char <= self.offsets[i]:
            i -= 1  # an end falling on a segment boundary belongs to the previous segment
        seg = self.segments[i]
        if seg.start is None:
            return None
        if seg.end is None or seg.end <= seg.start:
            return seg.start
        seg_len = max(len(seg.text), 1)
        frac = min(max((char - self.offsets[i]) / seg_len, 0.0), 1.0)
        return round(seg.start + frac * (seg.end - seg.start), 3)


def _blocks(segments: list[Segment], unpunctuated: bool = False) -> Iterator[_Block]:
    parts: list[str] = []
    offsets: list[int] = []
    members: list[Segment] = []
    length = 0
    for seg in segments:
        text = " ".join(seg.text.split())
        if not text:
            continue
        speaker_changed = members and seg.speaker != members[-1].speaker
        if speaker_changed or (length >= BLOCK_CHARS and (unpunctuated or _SENTENCE_END.search(parts[-1]))):
            yield _Block("".join(parts), members[0].speaker, offsets, members)
            parts, offsets, members, length = [], [], [], 0
        if parts:
            glued = HYPHENATED_CONTINUATION.match(text)  # "Publie" + "-les en fin de matinée"
            parts.append("" if glued else " ")
            length += len(parts[-1])
        offsets.append(length)
        length += len(text)
        parts.append(text)
        members.append(replace(seg, text=text))
    if members:
        yield _Block("".join(parts), members[0].speaker, offsets, members)


def segment(episode: Episode, options: SegmentOptions | None = None) -> Episode:
    """Split an episode's segments into sentences and turns and detect its language.

    Returns a new Episode; the parsed sentence spans are kept in memory in ``episode.docs`` so that
    extraction does not parse the text again.
    """
    options = options or SegmentOptions()
    nlp = load_nlp(options.spacy_model)
    unpunctuated = is_unpunctuated(episode.segments)
    blocks = list(_blocks(episode.segments, unpunctuated))
    sentences: list[Sentence] = []
    spans = []
    for block, doc in zip(blocks, nlp.pipe(b.text for b in blocks)):
        split = _split_unpunctuated(doc, block) if unpunctuated else _split_at_cue_ends(doc, block)
        for sent in split:
            text = sent.text.strip()
            if not any(ch.isalnum() for ch in text):
                continue
            start = block.time_at(sent.start_char, is_end=False)
            end = block.time_at(sent.end_char, is_end=True)
            if start is not None and end is not None and end < start:
                end = start
            sentences.append(
                Sentence(
                    index=len(sentences),
                    text=text,
                    start=start,
                    end=end,
                    speaker=block.speaker,
                    is_question=_is_question(sent, unpunctuated),
                )
            )
            spans.append(sent)
    _monotonic(sentences)
    language, probability = detect_language(" ".join(s.text for s in sentences), options.language_seed)
    result = replace(episode, sentences=sentences, language=language, language_probability=probability)
    result.docs = spans
    return assign_turns(result, spans, options)


def _split_at_cue_ends(doc: Doc, block: _Block) -> Iterator[Span]:
    """spaCy's sentences, also cut where a cue ends a sentence and the next cue starts a new one
    (the parser sometimes joins "etc. Est-ce que ..." across two lines)."""
    cuts = {
        block.offsets[i]
        for i in range(1, len(block.segments))
        if _SENTENCE_END.search(block.segments[i - 1].text) and block.segments[i].text[:1].isupper()
    }
    for sent in _rejoin_fragments(doc, set(block.offsets)):
        inside = [c for c in cuts if sent.start_char < c < sent.end_char]  # rarely any: no token walk
        if not inside:
            yield sent
            continue
        begin = sent.start
        for tok in sent[1:]:
            if tok.idx in cuts:
                yield doc[begin : tok.i]
                begin = tok.i
        yield doc[begin : sent.end]


def _dangling(token) -> bool:
    return token.pos_ in _DANGLING_POS or token.lower_ in _DANGLING_WORDS


def _split_unpunctuated(doc: Doc, block: _Block) -> Iterator[Span]:
    """Sentences of unpunctuated speech.  Cue boundaries stand in for full stops, except where a cue
    ends on a word that needs what follows (a determiner, a preposition, a clitic); spaCy's own
    sentence starts inside a cue are kept only between two pieces of some length, as the parser
    guesses poorly without punctuation ("c'est quoi" | "le le taux d'engagement")."""
    boundaries = set(block.offsets[1:])
    cue_cuts = {
        tok.i for tok in doc[1:]
        if tok.idx in boundaries and not _dangling(doc[tok.i - 1]) and not tok.is_punct
    }
    parser_cuts = {
        sent.start for sent in doc.sents
        if sent.start > 0 and not _dangling(doc[sent.start - 1]) and doc[sent.start].idx not in boundaries
    }
    cuts = sorted(cue_cuts | parser_cuts)
    kept: list[int] = []
    for n, cut in enumerate(cuts):
        if cut in parser_cuts:
            previous = kept[-1] if kept else 0
            following = cuts[n + 1] if n + 1 < len(cuts) else len(doc)
            if cut - previous < MIN_PARSER_PIECE or following - cut < MIN_PARSER_PIECE:
                continue
        kept.append(cut)
    begin = 0
    for cut in kept:
        yield doc[begin:cut]
        begin = cut
    yield doc[begin:]


def _rejoin_fragments(doc: Doc, cue_starts: set[int] = frozenset()) -> Iterator[Span]:
    """The parser cuts run-on speech where no sentence ends ("..., ce que je conseille" |
    ", c'est d'utiliser ..."): a sentence opening on a comma, a lower-case word or inside a word, or following one
    that ends on a determiner or a preposition, is glued back when no final punctuation separates them, and so
    is one cut inside a cue (``cue_starts``: the offsets where cues begin) within a name ("SXO, c'est Search" |
    "Experience Optimization."); a final mark cut off on its own ("Et le rythme" | "?") goes back to its sentence,
    and a closing quote to the sentence it closes."""
    current: Span | None = None
    for sent in doc.sents:
        if current is not None and sent[0].text in _CLOSING_QUOTES and len(sent) > 1:
            # the quote a question closes ("« Tu publies à quelle heure ? »") ends that sentence
            current, sent = doc[current.start : sent.start + 1], doc[sent.start + 1 : sent.end]
        if current is not None:
            # a comma, a lower-case word, or no space at all before it ("Publie" | "-les en fin de matinée")
            opens_fragment = sent[0].text in {",", ";", ":"} or sent[0].is_lower or not doc[sent.start - 1].whitespace_
            if all(tok.is_punct for tok in sent):  # "Et le rythme" | "?": the mark is the sentence's
                current = doc[current.start : sent.end]
                continue
            dangling = current[-1].pos_ in _NEEDS_NEXT_POS
            # inside a cue, within a name ("Search" | "Experience Optimization", "Search" | "Café.")
            within_a_name = bool(cue_starts) and sent.start_char not in cue_starts and (
                current[-1].pos_ == "PROPN" or sent[0].pos_ in ("PROPN", "X"))
            if (opens_fragment or dangling or within_a_name) and not _SENTENCE_END.search(current.text):
                current = doc[current.start : sent.end]
                continue
            yield current
        current = sent
    if current is not None:
        yield current


def _monotonic(sentences: list[Sentence]) -> None:
    """Times never decrease, even where a source's cues overlap."""
    last = None
    for sent in sentences:
        if sent.start is not None:
            if last is not None and sent.start < last:
                sent.start = last
            if sent.end is not None and sent.end < sent.start:
                sent.end = sent.start
            last = sent.start
