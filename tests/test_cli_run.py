"""`conseils run` end to end through the command line, and help texts with examples."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from test_batch_support import outputs, validate_outputs

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "dictionnaire_digital_influence.txt"
runner = CliRunner()


def _name(command) -> str:
    return command.name or command.callback.__name__


def test_every_command_has_help_with_an_example():
    names = [_name(c) for c in app.registered_commands]
    assert "run" in names
    for name in names:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert "Example" in result.output, name


def test_run_end_to_end(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src)
    (src / "readme.xyz").write_text("not an episode", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(src), "--out", str(out), "--format", "jsonl", "--excel"])
    assert result.exit_code == 0, result.output
    assert "1 episodes: 1 ok, 0 skipped, 0 failed" in result.output
    assert "ignored readme.xyz" in result.output
    report = validate_outputs(out)
    assert report["settings"]["formats"] == ["csv", "json", "jsonl"] and report["settings"]["excel"] is True
    assert (out / "tips.jsonl").is_file()
    assert (out / "tips.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    before = outputs(out)
    again = runner.invoke(app, ["run", str(src), "--out", str(out), "-f", "jsonl", "--excel", "--quiet"])
    assert again.exit_code == 0 and again.output == ""
    assert outputs(out) == before


def test_run_fails_on_a_bad_episode_and_reports_it(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src)
    (src / "broken.srt").write_bytes(b"")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(src), "--out", str(out), "--quiet"])
    assert result.exit_code == 1
    assert "broken.srt" in result.output
    report = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert [e["status"] for e in report["episodes"]] == ["failed", "ok"]


def test_bad_options_are_clean_errors(tmp_path):
    shutil.copy(SAMPLE, tmp_path)
    result = runner.invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--format", "xml"])
    assert result.exit_code == 1 and "unknown format xml" in result.output
    result = runner.invoke(app, ["run", str(tmp_path / "missing"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "not a folder" in result.output


@pytest.mark.slow
def test_text_only_run_never_imports_whisper(tmp_path):
    shutil.copy(SAMPLE, tmp_path)
    code = (
        "import sys; from pipeline.batch import run; from pipeline.records import RunOptions; "
        f"r = run({str(tmp_path)!r}, {str(tmp_path / 'out')!r}, RunOptions()); "
        "assert r.exit_code == 0; assert 'faster_whisper' not in sys.modules and 'ctranslate2' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300)


@pytest.mark.slow
def test_installed_command(tmp_path):
    shutil.copy(SAMPLE, tmp_path)
    done = subprocess.run([str(ROOT / ".venv" / "bin" / "conseils"), "run", str(tmp_path), "--out",
                           str(tmp_path / "out"), "--quiet"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    validate_outputs(tmp_path / "out")
