"""Helpers shared by the batch, Dask and CLI run tests (no tests here)."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.export import validator

OUTPUT_GLOBS = ("episodes/*.json", "transcripts/*.json", "tips.*", "glossary.*", "run.json")


def outputs(out: Path) -> dict[str, bytes]:
    """Every output file of a run (the cache left out), by relative path."""
    files = {}
    for pattern in OUTPUT_GLOBS:
        for path in sorted(out.glob(pattern)):
            files[path.relative_to(out).as_posix()] = path.read_bytes()
    return files


def mtimes(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*")
            if p.is_file() and ".cache" not in p.parts}


def comparable(files: dict[str, bytes]) -> dict[str, object]:
    """Outputs with the run-dependent parts of run.json (timings) taken out."""
    out: dict[str, object] = dict(files)
    report = json.loads(files["run.json"])
    for episode in report["episodes"]:
        episode.pop("timings")
    out["run.json"] = report
    return out


def validate_outputs(out: Path) -> dict:
    """Validate every document of a run against the shipped schemas; returns run.json."""
    for path in sorted((out / "episodes").glob("*.json")):
        validator("episode").validate(json.loads(path.read_text(encoding="utf-8")))
    for row in json.loads((out / "tips.json").read_text(encoding="utf-8")):
        validator("tip").validate(row)
    for row in json.loads((out / "glossary.json").read_text(encoding="utf-8")):
        validator("glossary").validate(row)
    report = json.loads((out / "run.json").read_text(encoding="utf-8"))
    validator("run").validate(report)
    assert [e["id"] for e in report["episodes"]] == sorted(e["id"] for e in report["episodes"])
    assert not list(out.rglob("*.tmp")), "half-written temporary files left behind"
    return report


def last_run(out: Path) -> dict:
    return json.loads((out / ".cache" / "last_run.json").read_text(encoding="utf-8"))
