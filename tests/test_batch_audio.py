"""`conseils run` over real French audio (FLEURS clips of ../shared/corpus) with the built Whisper model."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.batch import default_whisper_dir, run
from pipeline.records import RunOptions, TranscribeOptions
from test_batch_support import outputs, validate_outputs

pytestmark = pytest.mark.slow

CLIP_SRT = (
    "1\n00:00:00,000 --> 00:00:04,000\nBonjour, mon conseil : publiez sur LinkedIn le mardi matin.\n\n"
    "2\n00:00:04,000 --> 00:00:08,000\nEt répondez à chaque commentaire, c'est essentiel pour la communauté.\n"
)


@pytest.fixture
def folder(corpus, tmp_path) -> Path:
    if not (default_whisper_dir() / "model.bin").is_file():
        pytest.skip("the Whisper model is not built (make models)")
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(corpus / "audio-fr" / "fleurs-fr-000.ogg", src / "clip.ogg")
    (src / "clip.srt").write_text(CLIP_SRT, encoding="utf-8")
    shutil.copy(corpus / "audio-fr" / "fleurs-fr-002.ogg", src / "spoken.ogg")
    return src


def test_audio_and_transcripts_in_one_folder(folder, tmp_path):
    out = tmp_path / "out"
    result = run(folder, out, RunOptions())
    report = validate_outputs(out)
    episodes = {e["id"]: e for e in report["episodes"]}
    assert set(episodes) == {"clip", "spoken"}  # clip.ogg + clip.srt are one episode
    assert episodes["clip"]["source"] == "clip.srt + clip.ogg"
    assert "transcribe" not in episodes["clip"]["timings"]  # read from its transcript
    spoken = episodes["spoken"]
    assert spoken["status"] == "ok" and spoken["language"] == "fr", spoken
    assert spoken["timings"]["transcribe"] > 0 and spoken["audio_seconds"] > 5
    assert report["models"]["whisper"]["name"] == "faster-whisper-base"
    assert len(report["models"]["whisper"]["checksum"]) == 64
    transcript = json.loads((out / "transcripts" / "spoken.json").read_text(encoding="utf-8"))
    assert transcript["segments"]
    assert result.stats["stages_run"]["transcribe"] == 1

    before = outputs(out)
    again = run(folder, out, RunOptions())
    assert set(again.stats["stages_run"].values()) == {0}
    assert outputs(out) == before

    # --retranscribe: the clip now comes from its audio; the other transcription is cached.
    redo = run(folder, out, RunOptions(retranscribe=True))
    assert redo.stats["stages_run"]["transcribe"] == 1 and redo.stats["processed"] == 1
    assert "transcribe" in {e["id"]: e for e in redo.report["episodes"]}["clip"]["timings"]

    # A transcription setting redoes transcription of the audio episodes only.
    beam = run(folder, out, RunOptions(transcribe=TranscribeOptions(beam_size=2)))
    assert beam.stats["stages_run"]["transcribe"] == 1  # spoken.ogg; clip is read from its .srt
    validate_outputs(out)
