"""Transcription stage without running Whisper: options, model resolution, audio decoding and the
clean-up filters on real decoded files and real segment records."""

from __future__ import annotations

import io
import json
import shutil
import wave
from pathlib import Path

import av
import numpy as np
import pytest

from pipeline import transcribe as tr
from pipeline.errors import AudioError, ModelError, OptionError
from pipeline.records import Segment, TranscribeOptions, Word
from pipeline.subtitles_out import to_srt, to_vtt

AUDIO = Path(__file__).resolve().parent / "data" / "audio"
CLIP = AUDIO / "conseils-fr-espeak.ogg"


def _wav_bytes(seconds: float = 2.0, amplitude: float = 0.0) -> bytes:
    t = np.arange(int(16000 * seconds)) / 16000
    samples = (amplitude * np.sin(2 * np.pi * 220 * t) * 32767).astype("<i2")
    buf = io.BytesIO()
    with wave.open(buf, "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(16000)
        handle.writeframes(samples.tobytes())
    return buf.getvalue()


# --------------------------------------------------------------------------- options


@pytest.mark.parametrize(
    "change, named",
    [
        ({"language": "xx"}, "'xx' is not a valid language code (accepted language codes: auto, af"),
        ({"device": "tpu"}, "accepted devices: cpu, cuda, auto"),
        ({"compute_type": "int4"}, "accepted compute types: default, auto, int8"),
        ({"beam_size": 0}, "accepted beam sizes"),
        ({"batch_size": -1}, "accepted batch sizes"),
        ({"threads": -2}, "accepted thread counts"),
        ({"seed": -1}, "accepted seeds: whole numbers from 0 to 4294967294"),
        ({"seed": 2**32 - 1}, "accepted seeds"),
    ],
)
def test_invalid_options_name_the_accepted_values(change, named):
    with pytest.raises(OptionError, match="is not a valid") as info:
        tr.validate_options(TranscribeOptions(**change))
    assert named in str(info.value)


def test_default_options_are_french_int8_vad():
    options = TranscribeOptions()
    tr.validate_options(options)
    kwargs = tr.faster_whisper_kwargs(options)
    assert kwargs["language"] == "fr" and kwargs["vad_filter"] is True
    assert options.compute_type == "int8" and options.device == "cpu"
    assert kwargs["condition_on_previous_text"] is False
    assert kwargs["compression_ratio_threshold"] == tr.COMPRESSION_RATIO_THRESHOLD
    assert tr.faster_whisper_kwargs(TranscribeOptions(language="auto"))["language"] is None


def test_hotwords_default_list_only_on_request():
    assert tr.effective_hotwords(TranscribeOptions()) is None
    listed = tr.effective_hotwords(TranscribeOptions(hotwords="default"))
    assert "TikTok" in listed and "LinkedIn" in listed
    assert tr.effective_hotwords(TranscribeOptions(hotwords=" Reels, Shorts ")) == "Reels, Shorts"


def test_batched_without_vad_gets_30_second_windows():
    kwargs = tr.faster_whisper_kwargs(TranscribeOptions(batched=True, vad=False, batch_size=4), duration=65.0)
    assert kwargs["batch_size"] == 4
    assert kwargs["clip_timestamps"] == [
        {"start": 0.0, "end": 30.0}, {"start": 30.0, "end": 60.0}, {"start": 60.0, "end": 65.0}
    ]


# --------------------------------------------------------------------------- model resolution


def test_missing_default_model_says_how_to_get_one(tmp_path, monkeypatch):
    monkeypatch.setenv("CONSEILS_MODELS_DIR", str(tmp_path))
    with pytest.raises(ModelError, match="make models") as info:
        tr.resolve_model(None)
    assert "model name" in str(info.value) and str(tmp_path) in str(info.value)


def test_models_dir_defaults_to_the_repository(monkeypatch):
    monkeypatch.delenv("CONSEILS_MODELS_DIR", raising=False)
    assert tr.models_dir() == Path(tr.__file__).resolve().parents[1] / "models"


def test_incomplete_and_corrupt_model_folders(tmp_path):
    with pytest.raises(ModelError, match="does not exist"):
        tr.resolve_model(str(tmp_path / "nope"))
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(ModelError, match="model.bin missing"):
        tr.resolve_model(str(tmp_path))
    (tmp_path / "model.bin").write_bytes(b"\0" * 100)
    (tmp_path / tr.STAMP).write_text(json.dumps({"files": {"model.bin": {"size": 5, "sha256": "ab"}}}))
    with pytest.raises(ModelError, match="corrupt"):
        tr.resolve_model(str(tmp_path))


def test_corrupt_model_bin_fails_to_load_with_model_error(tmp_path):
    # a real model folder whose weights are garbage: CTranslate2 refuses it, we say what to do
    base = tr.default_model_dir()
    if not (base / "model.bin").is_file():
        pytest.skip("the model is not built (make models)")
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copy(base / name, tmp_path / name)
    (tmp_path / "model.bin").write_bytes(b"not a model" * 1000)
    with pytest.raises(ModelError, match="cannot be loaded.*make models"):
        tr.load_model(TranscribeOptions(model=str(tmp_path)))


def test_model_names_are_not_paths_and_garbage_is_refused():
    ref = tr.resolve_model("large-v3")
    assert not ref.is_dir and ref.identity == "name:large-v3"
    with pytest.raises(OptionError, match="accepted model names"):
        tr.resolve_model("big model!")


def test_default_model_identity_is_the_manifest_checksum():
    if not (tr.default_model_dir() / "model.bin").is_file():
        pytest.skip("the model is not built (make models)")
    manifest = json.loads((tr.models_dir() / "manifest.json").read_text())
    sha = manifest["models"]["faster-whisper-base"]["files"]["model.bin"]["sha256"]
    assert tr.resolve_model(None).identity == f"sha256:{sha}"


# --------------------------------------------------------------------------- audio


def test_audio_suffixes_cover_audio_and_video():
    assert {".wav", ".mp3", ".m4a", ".aac", ".flac", ".ogg", ".opus", ".aiff", ".mp4", ".mkv", ".webm", ".mov"} <= tr.AUDIO_SUFFIXES
    assert isinstance(tr.AUDIO_SUFFIXES, frozenset)


def test_committed_clip_decodes_to_16k_mono():
    audio = tr.decode_audio(CLIP)
    assert audio.dtype == np.float32 and audio.ndim == 1
    assert 8 < len(audio) / 16000 < 15


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("empty.wav", b"", "empty file"),
        ("notes.mp3", "Ceci est un texte, pas de l'audio.\n".encode() * 20, "not a readable audio"),
        ("header-only.wav", _wav_bytes(3.0, 0.2)[:44], "no audio could be decoded"),
        ("half.wav", _wav_bytes(4.0, 0.2)[: 44 + 16000 * 2 * 2], "truncated"),
        ("cut.ogg", CLIP.read_bytes()[:1500], "not a readable audio"),
    ],
)
def test_bad_input_raises_audio_error_naming_the_file(tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(AudioError, match=problem) as info:
        tr.decode_audio(path)
    assert info.value.path == str(path) and str(path) in str(info.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(AudioError, match="no such file"):
        tr.decode_audio(tmp_path / "absent.mp3")
    with pytest.raises(AudioError, match="is a folder"):
        tr.decode_audio(tmp_path)


def _write_video(path: Path, with_audio: bool) -> None:
    source = tr.decode_audio(CLIP)[: 16000 * 2]
    with av.open(str(path), "w") as container:
        video = container.add_stream("mpeg4", rate=10)
        video.width, video.height, video.pix_fmt = 64, 48, "yuv420p"
        audio = container.add_stream("aac", rate=16000) if with_audio else None
        for _ in range(20):
            frame = av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), dtype=np.uint8), format="rgb24")
            for packet in video.encode(frame):
                container.mux(packet)
        if audio is not None:
            frame = av.AudioFrame.from_ndarray((source * 32767).astype(np.int16)[None, :], format="s16", layout="mono")
            frame.sample_rate = 16000
            for packet in audio.encode(frame):
                container.mux(packet)
            for packet in audio.encode(None):
                container.mux(packet)
        for packet in video.encode(None):
            container.mux(packet)


def test_video_audio_track_is_decoded_and_video_only_is_refused(tmp_path):
    with_audio, without = tmp_path / "talk.mp4", tmp_path / "silent-film.mkv"
    _write_video(with_audio, True)
    _write_video(without, False)
    assert abs(len(tr.decode_audio(with_audio)) / 16000 - 2.0) < 0.2
    with pytest.raises(AudioError, match="without an audio track") as info:
        tr.decode_audio(without)
    assert str(without) in str(info.value)


# --------------------------------------------------------------------------- clean-up filters


@pytest.mark.parametrize(
    "text",
    [
        "Sous-titres réalisés par la communauté d'Amara.org",
        "sous titres realises par la communaute d amara org",
        "Merci d'avoir regardé !",
        "MERCI D'AVOIR REGARDÉ CETTE VIDÉO.",
        "Merci. Merci. Merci.",
        "Sous-titrage ST' 501",
        "Abonnez-vous à la chaîne !",
    ],
)
def test_known_hallucinations_are_recognised(text):
    assert tr.is_hallucination(text)


@pytest.mark.parametrize(
    "text",
    ["Merci pour ce conseil sur LinkedIn.", "Le sous-titrage français aide sur TikTok.", "Abonnez-vous à vos concurrents."],
)
def test_real_speech_is_not_a_hallucination(text):
    assert not tr.is_hallucination(text)


def test_phrase_loops_inside_a_segment_are_collapsed():
    words = "il faut publier tous les jours tous les jours tous les jours tous les jours sur TikTok".split()
    kept = [words[i] for i in tr.collapse_loops(words)]
    assert " ".join(kept) == "il faut publier tous les jours sur TikTok"
    emphasis = "non non non je ne crois pas".split()
    assert len(tr.collapse_loops(emphasis)) == len(emphasis)  # three single words: emphasis, kept
    dots = "publiez ... ... ... ... ...".split()
    assert [dots[i] for i in tr.collapse_loops(dots)] == ["publiez", "..."]


def _seg(text, start=0.0, end=1.0, no_speech=0.01, logprob=-0.2, words=True):
    parts = text.split()
    step = (end - start) / max(1, len(parts))
    return Segment(
        text=text, start=start, end=end, avg_logprob=logprob, no_speech_prob=no_speech,
        words=[Word(f" {w}", start + i * step, start + (i + 1) * step, 0.9) for i, w in enumerate(parts)] if words else [],
    )


def test_segment_filter_drops_silence_hallucinations_annotations_and_repeats():
    filt = tr.SegmentFilter()
    stream = [
        _seg("Bonjour à tous.", 0, 2),
        _seg("Publiez le mardi soir.", 2, 4, no_speech=0.9, logprob=-1.5),  # nobody speaks: Whisper guessed
        _seg("Publiez le mardi soir.", 4, 6, no_speech=0.9, logprob=-0.3),  # confident text: kept
        _seg("Publiez le mardi soir.", 6, 8),  # the same again: a loop across segments
        _seg("Publiez le mardi soir.", 8, 10),
        _seg("[Musique]", 10, 12),
        _seg("Sous-titres réalisés par la communauté d'Amara.org", 12, 14),
        _seg("...", 14, 15, words=False),
        _seg("Ensuite ensuite ensuite ensuite ensuite LinkedIn.", 15, 18),
    ]
    kept = [s for s in stream if filt.accept(s)]
    assert [s.text for s in kept] == ["Bonjour à tous.", "Publiez le mardi soir.", "Ensuite LinkedIn."]
    assert [w.word for w in kept[-1].words] == [" Ensuite", " LinkedIn."]
    assert filt.dropped == {"no_speech": 1, "hallucination": 1, "annotation": 1, "repetition": 2, "empty": 1}
    assert filt.loops_cut == 1


# --------------------------------------------------------------------------- subtitles


def test_srt_and_vtt_text():
    segs = [_seg("Bonjour.", 0.0, 1.25), _seg("Publiez --> souvent.", 3661.5, 3663.0), _seg("  ", 5, 6)]
    assert to_srt(segs) == (
        "1\n00:00:00,000 --> 00:00:01,250\nBonjour.\n\n2\n01:01:01,500 --> 01:01:03,000\nPubliez -> souvent.\n"
    )
    assert to_vtt(segs).startswith("WEBVTT\n\n00:00:00.000 --> 00:00:01.250\nBonjour.\n\n01:01:01.500")
    assert to_srt([]) == "" and to_vtt([]) == "WEBVTT\n\n"


def test_audio_files_expands_folders(tmp_path):
    (tmp_path / "a.mp3").write_bytes(b"x")
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.MKV").write_bytes(b"x")
    found = tr.audio_files([tmp_path, tmp_path / "given.xyz"])
    assert found == [tmp_path / "a.mp3", tmp_path / "sub" / "c.MKV", tmp_path / "given.xyz"]
