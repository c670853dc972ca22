"""Find the episodes of an input folder: transcripts and audio files, grouped by stem.

An audio file and a transcript with the same relative stem (``a/ep1.mp3`` and ``a/ep1.srt``) are one
episode.  Every episode gets a file-name-safe id (``fsutil.safe_id``); two stems that clean to the
same id get distinct ids deterministically (the first in sorted order keeps the plain id, the others
a short hash of their own stem).  Files that are neither transcript nor audio are reported, not
read.

Stage constants (``TRANSCRIPT_SUFFIXES``, ``AUDIO_SUFFIXES``, ``STAGE_VERSION``) are read from the
stage modules' source when it assigns a literal, so that an up-to-date re-run never pays for
importing spaCy or faster-whisper; a computed value falls back to importing the module.
"""

from __future__ import annotations

import ast
import hashlib
import importlib
import importlib.util
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from .fsutil import safe_id

DEFAULT_TRANSCRIPT_SUFFIXES = (".txt", ".srt", ".vtt", ".json", ".html", ".htm", ".md")
DEFAULT_AUDIO_SUFFIXES = (
    ".mp3", ".wav", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".flac", ".wma",
    ".mp4", ".m4v", ".mkv", ".webm", ".mov", ".avi",
)


@lru_cache(maxsize=None)
def module_constant(module: str, name: str, default: Any) -> Any:
    """``getattr(module, name, default)``, without importing the module when its source assigns a
    literal at top level (``STAGE_VERSION = "2"``)."""
    loaded = sys.modules.get(module)
    if loaded is not None:
        return getattr(loaded, name, default)
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return default
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return default
    try:
        tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return default
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            if (isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and not value.keywords
                    and value.func.id in ("frozenset", "set", "tuple", "list") and len(value.args) == 1):
                value = value.args[0]  # frozenset({".srt", ...})
            try:
                return ast.literal_eval(value)
            except ValueError:  # computed: import for real
                try:
                    return getattr(importlib.import_module(module), name, default)
                except Exception:  # noqa: BLE001 - a broken stage module must not stop discovery
                    return default
    return default


def stage_version(stage: str) -> str:
    """The ``STAGE_VERSION`` of ``pipeline.<stage>`` ("1" when it defines none)."""
    return str(module_constant(f"pipeline.{stage}", "STAGE_VERSION", "1"))


def transcript_suffixes() -> frozenset[str]:
    found = module_constant("pipeline.readers", "TRANSCRIPT_SUFFIXES", DEFAULT_TRANSCRIPT_SUFFIXES)
    return frozenset(s.lower() for s in found)


def audio_suffixes() -> frozenset[str]:
    found = module_constant("pipeline.transcribe", "AUDIO_SUFFIXES", DEFAULT_AUDIO_SUFFIXES)
    return frozenset(s.lower() for s in found)


@dataclass
class Source:
    """One episode of the input folder."""

    id: str
    stem: str  # relative stem, posix ("sub/ep1")
    transcript: Optional[Path] = None
    audio: Optional[Path] = None

    def relative(self, root: Path) -> str:
        """The source file names relative to the input folder, for run.json ("a.mp3 + a.srt")."""
        paths = [p for p in (self.transcript, self.audio) if p is not None]
        return " + ".join(p.relative_to(root).as_posix() for p in paths)


@dataclass
class Ignored:
    path: str
    reason: str


def discover(root: Path, exclude: Optional[Path] = None) -> tuple[list[Source], list[Ignored]]:
    """Episodes of ``root`` (recursively, hidden files skipped, ``exclude`` — the output folder —
    skipped) sorted by id, and the files that were not used, with why."""
    root = Path(root)
    if not root.is_dir():
        from .errors import InputError

        raise InputError(root, "not a folder")
    texts, audios = transcript_suffixes(), audio_suffixes()
    exclude_resolved = exclude.resolve() if exclude is not None else None
    groups: dict[str, dict[str, list[Path]]] = {}
    ignored: list[Ignored] = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if exclude_resolved is not None and (
            path.resolve() == exclude_resolved or exclude_resolved in path.resolve().parents
        ):
            continue
        if path.is_dir():
            continue
        suffix = path.suffix.lower()
        kind = "transcript" if suffix in texts else "audio" if suffix in audios else None
        if kind is None:
            ignored.append(Ignored(rel.as_posix(), f"unsupported file type {suffix or '(none)'}"))
            continue
        stem = rel.with_suffix("").as_posix()
        groups.setdefault(stem, {"transcript": [], "audio": []})[kind].append(path)

    sources: list[Source] = []
    for stem in sorted(groups):
        found = groups[stem]
        # Several transcripts (or audio files) with one stem: the first by name wins, the rest are
        # reported (ep1.srt beside ep1.vtt would otherwise be two runs of one episode).
        for kind in ("transcript", "audio"):
            for extra in found[kind][1:]:
                ignored.append(Ignored(extra.relative_to(root).as_posix(),
                                       f"another {kind} of episode {stem!r} is used"))
        sources.append(Source(
            id="", stem=stem,
            transcript=found["transcript"][0] if found["transcript"] else None,
            audio=found["audio"][0] if found["audio"] else None,
        ))
    _assign_ids(sources)
    sources.sort(key=lambda s: s.id)
    ignored.sort(key=lambda i: i.path)
    return sources, ignored


def _assign_ids(sources: list[Source]) -> None:
    """Safe, distinct ids; sources are in sorted stem order, so the outcome is deterministic."""
    taken: set[str] = set()
    base_ids = [safe_id(s.stem.replace("/", "_")) for s in sources]
    # Plain ids first for every stem whose cleaned id is unique or first of its group.
    for source, base in zip(sources, base_ids):
        if base not in taken:
            source.id = base
            taken.add(base)
    for source, base in zip(sources, base_ids):
        if source.id:
            continue
        digest = hashlib.sha1(source.stem.encode("utf-8")).hexdigest()
        n = 6
        candidate = f"{base[:110]}-{digest[:n]}"
        while candidate in taken:
            n += 2
            candidate = f"{base[:110]}-{digest[:n]}"
        source.id = candidate
        taken.add(candidate)
