"""`conseils run` as a library: outputs, incremental re-runs, ids, bad files, killed runs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch import run
from pipeline.bench.generate import generate_folder
from pipeline.discover import discover
from pipeline.records import ExtractOptions, RunOptions
from test_batch_support import comparable, last_run, mtimes, outputs, validate_outputs

ROOT = Path(__file__).resolve().parents[1]
CONSEILS = ROOT / ".venv" / "bin" / "conseils"

ENGLISH_SRT = "".join(
    f"{i}\n00:00:{2 * i:02d},000 --> 00:00:{2 * i + 2:02d},000\n{text}\n\n"
    for i, text in enumerate([
        "Welcome back to the show, today we talk about growing an audience.",
        "My best advice is to post on LinkedIn on Tuesday mornings.",
        "You should reply to every comment, it builds a real community.",
        "Never buy followers, the algorithms will find out very quickly.",
        "Thank you so much for having me, it was a pleasure.",
        "Post short videos on TikTok three times a week if you can.",
    ], 1)
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("episodes")
    generate_folder(path, 4, seed=7)
    shutil.copy(ROOT / "samples" / "dictionnaire_digital_influence.txt", path)
    return path


@pytest.fixture(scope="module")
def first_run(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = run(folder, out, RunOptions())
    return out, result


def test_outputs_validate_and_are_complete(folder, first_run):
    out, result = first_run
    report = validate_outputs(out)
    ids = sorted(p.stem for p in folder.iterdir())
    assert [e["id"] for e in report["episodes"]] == ids
    assert sorted(p.stem for p in (out / "episodes").glob("*.json")) == ids
    assert result.exit_code == 0
    assert all(e["status"] == "ok" and e["language"] == "fr" for e in report["episodes"])
    assert set(report["episodes"][0]["timings"]) == {"read", "segment", "extract"}
    assert report["models"]["spacy"] == {"name": "fr_core_news_sm", "version": "3.8.0"}
    assert "whisper" not in report["models"]  # nothing was transcribed
    episode = json.loads((out / "episodes" / f"{ids[0]}.json").read_text(encoding="utf-8"))
    assert episode["sentences"] and episode["turns"] and episode["status"] == "ok"
    tips = json.loads((out / "tips.json").read_text(encoding="utf-8"))
    assert report["summary"]["tips"] == len(tips) == sum(e["counts"]["tips"] for e in report["episodes"])
    assert tips and all("episode_title" in t for t in tips)
    sample = [t for t in tips if t["episode"] == "dictionnaire_digital_influence"]
    assert sample and all(t["episode_title"].startswith("Dictionnaire digital") for t in sample)
    stats = result.stats
    assert stats["processed"] == 5 and stats["stages_run"]["segment"] == 5


def test_unchanged_rerun_does_nothing_and_rewrites_nothing(folder, first_run, tmp_path):
    out, _ = first_run
    before, times = outputs(out), mtimes(out)
    result = run(folder, out, RunOptions(workers=1))
    assert result.stats["processed"] == 0 and result.stats["up_to_date"] == 5
    assert set(result.stats["stages_run"].values()) == {0}
    assert last_run(out)["stages_run"] == result.stats["stages_run"]
    assert outputs(out) == before
    assert mtimes(out) == times


def test_up_to_date_run_imports_no_model_library(folder, first_run):
    # What keeps an unchanged re-run fast: no spaCy, pandas, Whisper nor Dask import.
    code = (
        "import sys; from pipeline.batch import run; from pipeline.records import RunOptions; "
        f"r = run({str(folder)!r}, {str(first_run[0])!r}, RunOptions()); assert r.stats['processed'] == 0; "
        "print(sorted(m for m in ('spacy', 'pandas', 'faster_whisper', 'dask', 'langdetect') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_settings_outside_the_outputs_do_not_touch_run_json(folder, first_run):
    out, _ = first_run
    before = outputs(out)
    result = run(folder, out, RunOptions(workers=1, quiet=True))
    assert result.stats["processed"] == 0
    assert outputs(out) == before


def test_changed_file_redoes_only_it(folder, tmp_path):
    src = tmp_path / "in"
    shutil.copytree(folder, src)
    out = tmp_path / "out"
    run(src, out, RunOptions())
    before = outputs(out)
    target = sorted(src.glob("*.srt"))[0]
    target.write_text(target.read_text(encoding="utf-8").replace("LinkedIn", "Pinterest"), encoding="utf-8")
    result = run(src, out, RunOptions())
    assert result.stats["processed"] == 1
    assert result.stats["stages_run"] == {"transcribe": 0, "read": 1, "segment": 1, "extract": 1}
    after = outputs(out)
    changed = {name for name in after if after[name] != before.get(name)}
    assert f"episodes/{target.stem}.json" in changed
    assert not {n for n in changed if n.startswith("episodes/")} - {f"episodes/{target.stem}.json"}
    validate_outputs(out)
    # Back to the first content: every result comes from the cache, nothing runs.
    shutil.copy(folder / target.name, target)
    result = run(src, out, RunOptions())
    assert result.stats["processed"] == 0 and result.stats["from_cache"] == 1
    assert comparable(outputs(out)) == comparable(before)


def test_changed_extract_setting_redoes_extract_only(folder, tmp_path):
    out = tmp_path / "out"
    run(folder, out, RunOptions())
    result = run(folder, out, RunOptions(extract=ExtractOptions(min_confidence=0.7)))
    assert result.stats["stages_run"] == {"transcribe": 0, "read": 0, "segment": 0, "extract": 5}
    assert result.stats["cache_hits"]["segment"] == 5
    assert json.loads((out / "run.json").read_text())["settings"]["extract"]["min_confidence"] == 0.7


def test_retrained_tip_model_redoes_extract_only(folder, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run(folder, out, RunOptions())
    monkeypatch.setattr("pipeline.batch.tip_model_digest", lambda: "another model")
    result = run(folder, out, RunOptions())
    assert result.stats["stages_run"] == {"transcribe": 0, "read": 0, "segment": 0, "extract": 5}


def test_jsonl_and_excel_formats_come_and_go(folder, first_run, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(first_run[0], out)
    result = run(folder, out, RunOptions(formats=["json", "csv", "jsonl"], excel=True))
    assert result.stats["processed"] == 0
    assert (out / "tips.jsonl").is_file() and (out / "glossary.jsonl").is_file()
    assert (out / "tips.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    run(folder, out, RunOptions())
    assert not (out / "tips.jsonl").exists()
    assert outputs(out)["tips.csv"] == outputs(first_run[0])["tips.csv"]


def test_collections_come_from_per_episode_rows_not_the_index(folder, first_run, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(first_run[0], out)
    index = json.loads((out / ".cache" / "index.json").read_text(encoding="utf-8"))
    assert not any("tips" in entry or "glossary" in entry for entry in index["episodes"].values())
    # The rows lost, and the collections to rewrite: they are read back from the episode documents.
    shutil.rmtree(out / ".cache" / "rows")
    (out / "tips.csv").unlink()
    result = run(folder, out, RunOptions())
    assert result.stats["processed"] == 0
    assert outputs(out) == outputs(first_run[0])
    assert any((out / ".cache" / "rows").rglob("*.json"))


def test_removed_file_removes_its_outputs(folder, tmp_path):
    src = tmp_path / "in"
    shutil.copytree(folder, src)
    out = tmp_path / "out"
    run(src, out, RunOptions())
    gone = sorted(src.iterdir())[0]
    gone.unlink()
    report = run(src, out, RunOptions()).report
    assert gone.stem not in {e["id"] for e in report["episodes"]}
    assert not (out / "episodes" / f"{gone.stem}.json").exists()
    validate_outputs(out)


def test_ids_are_safe_and_distinct(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    text = (ROOT / "samples" / "dictionnaire_digital_influence.txt").read_text(encoding="utf-8")
    for name in ("Épisode 1.txt", "Episode_1.txt", "episode 1 .txt", "sub/ - .txt", "sub/x.txt", "sub_x.txt"):
        (src / name).write_text(text, encoding="utf-8")
    sources, _ = discover(src)
    ids = [s.id for s in sources]
    assert len(set(ids)) == len(ids) == 6
    assert all(i and not i.startswith(".") and "/" not in i for i in ids)
    assert ids == [s.id for s in discover(src)[0]]  # deterministic
    out = tmp_path / "out"
    run(src, out, RunOptions())
    written = sorted(p.name for p in out.rglob("*.json") if ".cache" not in p.parts)
    assert all((out / "episodes" / f"{i}.json").is_file() for i in ids)
    assert not [p for p in tmp_path.rglob("*.json") if out not in p.parents]
    assert len(written) == 6 + 3  # episodes + tips, glossary, run


def test_output_inside_input_is_not_read(tmp_path):
    shutil.copy(ROOT / "samples" / "dictionnaire_digital_influence.txt", tmp_path)
    result = run(tmp_path, tmp_path / "out", RunOptions())
    again = run(tmp_path, tmp_path / "out", RunOptions())
    assert [e["id"] for e in again.report["episodes"]] == ["dictionnaire_digital_influence"]
    assert result.report["ignored"] == again.report["ignored"] == []


def test_bad_files_never_stop_the_batch(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(ROOT / "samples" / "dictionnaire_digital_influence.txt", src / "good.txt")
    (src / "garbage.txt").write_bytes(bytes(range(256)) * 40)
    (src / "empty.srt").write_bytes(b"")
    (src / "english.srt").write_text(ENGLISH_SRT, encoding="utf-8")
    (src / "notes.xyz").write_text("nothing to read", encoding="utf-8")
    (src / "corrupt.mp3").write_bytes(b"ID3\x03\x00\x00\x00" + os.urandom(4000))
    out = tmp_path / "out"
    result = run(src, out, RunOptions())
    report = validate_outputs(out)
    status = {e["id"]: e for e in report["episodes"]}
    assert status["good"]["status"] == "ok"
    assert status["english"]["status"] == "skipped" and status["english"]["language"] == "en"
    assert status["english"]["reason"]
    for bad in ("garbage", "empty", "corrupt"):
        assert status[bad]["status"] == "failed", status[bad]
        assert status[bad]["error"]["message"]
    assert status["corrupt"]["error"]["stage"] == "transcribe"
    assert status["garbage"]["error"]["stage"] == "read"
    assert report["ignored"] == [{"path": "notes.xyz", "reason": "unsupported file type .xyz"}]
    assert report["summary"]["failed"] == 3 and report["summary"]["skipped"] == 1
    assert result.exit_code == 1
    failed_doc = json.loads((out / "episodes" / "garbage.json").read_text(encoding="utf-8"))
    assert failed_doc["status"] == "failed"
    # The file-level failures are cached: the re-run does no stage work at all.
    again = run(src, out, RunOptions())
    assert set(again.stats["stages_run"].values()) == {0}
    assert again.exit_code == 1


def _running_episodes(out: Path) -> int:
    return len(list((out / "episodes").glob("*.json"))) if (out / "episodes").is_dir() else 0


@pytest.mark.slow
def test_killed_run_resumes_to_the_clean_result(tmp_path):
    src = tmp_path / "in"
    generate_folder(src, 20, seed=3)
    clean = tmp_path / "clean"
    assert run(src, clean, RunOptions()).exit_code == 0

    out = tmp_path / "out"
    process = subprocess.Popen([str(CONSEILS), "run", str(src), "--out", str(out), "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while _running_episodes(out) < 6 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert process.poll() is None, "the run finished before it could be killed"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    done = _running_episodes(out)
    assert 6 <= done < 20

    result = run(src, out, RunOptions())
    assert result.exit_code == 0
    assert result.stats["processed"] <= 20 - done + 1  # only what was not finished (and the one in flight)
    validate_outputs(out)
    assert comparable(outputs(out)) == comparable(outputs(clean))
