"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, then Windows-1252 or a detected
legacy charset; binary files (audio, video, archives) are refused with a clear message."""

from __future__ import annotations

import codecs
import re

from ..errors import ReadError

# Longest BOM first: the UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Leading bytes of the media and archive files most often dropped next to transcripts.
_MAGIC = (
    (b"ID3", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"OggS", "Ogg audio"),
    (b"RIFF", "WAV/AVI media"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM video"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"%PDF", "PDF document"),
)

# Control characters never found in text files (tab, newlines and form feed are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Two non-ASCII letters in a row: common in mojibake of CJK text, rare in French (« été », « où »).
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")


def decode(data: bytes, name: str) -> str:
    """The text of ``data`` with newlines normalised to ``\\n``; ReadError when it is not text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ReadError(name, f"this is {kind}, not a transcript (transcribe audio first)")
    if data[4:8] == b"ftyp":
        raise ReadError(name, "this is MP4/M4A media, not a transcript (transcribe audio first)")
    text = _decode_text(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _looks_binary(text):
        raise ReadError(name, "binary data, not a text transcript")
    return text


def _decode_text(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as error:
                raise ReadError(name, f"invalid {encoding.upper()} text after its byte-order mark ({error.reason})") from None
    if b"\x00" in data[:4096]:  # NUL bytes without a UTF-16/32 BOM: not text
        raise ReadError(name, "binary data, not a text transcript")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    latin = _windows_1252(data)
    if latin is not None:
        return latin
    guessed = _guess_charset(data)
    if guessed is not None:
        return guessed
    raise ReadError(name, "cannot decode the text: not UTF-8, UTF-16/32 with a byte-order mark, "
                          "Windows-1252 or another recognisable charset (save it as UTF-8)")


def _windows_1252(data: bytes) -> str | None:
    """Windows-1252, the usual legacy encoding of French files, unless the result reads like mojibake."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = sum(1 for ch in text if ord(ch) > 0x7F)
    in_runs = sum(len(run) for run in _NON_ASCII_RUN.findall(text))
    return text if non_ascii == 0 or in_runs / non_ascii < 0.5 else None


def _guess_charset(data: bytes) -> str | None:
    # Imported here: only the rare non-Latin files pay for loading charset-normalizer.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # Without any language coherence the guess is a coin toss (a short Chinese text reads as Thai).
    return None if best is None or best.coherence <= 0 else str(best)


def _looks_binary(text: str) -> bool:
    return "\x00" in text or len(_CONTROL.findall(text[:4096])) > 8
