"""The content-addressed stage cache of a run, under ``OUT/.cache/``.

Layout::

    OUT/.cache/lock                      held (flock) while a run writes OUT
    OUT/.cache/index.json                per episode: the key of its last result, its summary (status,
                                         counts, timings) and the size and mtime of the episode file
                                         written; lets an up-to-date re-run finish without opening any
                                         cached episode
    OUT/.cache/transcribe/ab/<key>.json  a transcription (the file transcribe_to_dir wrote), and
    OUT/.cache/transcribe/ab/<key>.meta.json  its timing, audio length and model
    OUT/.cache/segment/ab/<key>.json     {"seconds": {...}, "episode": {...}} or {"error": {...}}
    OUT/.cache/extract/ab/<key>.json     the same after extraction
    OUT/.cache/rows/ab/<key>.json        {"tips": [...], "glossary": [...]}: the episode's rows of the
                                         collections (extract key; none for an episode without any),
                                         read one at a time when tips.* and glossary.* are rewritten

Keys chain: transcribe = H(audio bytes, TranscribeOptions, transcribe STAGE_VERSION, Whisper model
checksum); segment = H(transcript bytes or transcribe key, episode id and source, SegmentOptions,
readers and segment STAGE_VERSION, spaCy model and version); extract = H(segment key,
ExtractOptions, extract STAGE_VERSION).  Changing a file or a setting therefore redoes exactly the
stages downstream of it.  Entries are written atomically and never modified; nothing is pruned.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from pathlib import Path
from typing import Any, Optional

from .errors import ExportError
from .fsutil import atomic_write_bytes, remove_stale_temporaries, write_if_changed

STAGES = ("transcribe", "segment", "extract")
STORES = (*STAGES, "rows")
INDEX_VERSION = 2


def file_hash(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def compact_json(data: Any) -> bytes:
    """JSON as the cache stores it: compact, UTF-8 characters kept."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entry_bytes(meta: dict, episode_json: bytes) -> bytes:
    """The cache entry ``{**meta, "episode": …}`` around an episode a worker already serialised
    (``compact_json``), without parsing it again."""
    head = compact_json(meta)[:-1]
    return head + (b"," if meta else b"") + b'"episode":' + episode_json + b"}"


def make_key(*parts: Any) -> str:
    """sha256 of the canonical JSON of ``parts``."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Cache:
    def __init__(self, out_dir: str | Path):
        self.root = Path(out_dir) / ".cache"
        self._lock_fd: Optional[int] = None

    # ----------------------------------------------------------------- lock

    def acquire(self) -> None:
        """Take the run lock of OUT (another live run on the same OUT is an error), then delete the
        temporary files a killed run left behind."""
        import fcntl

        self.root.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.root / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise ExportError(f"{self.root.parent}: another `conseils run` is writing this folder") from exc
            raise
        self._lock_fd = fd
        out = self.root.parent
        for folder in (out, out / "episodes", out / "transcripts", self.root):
            remove_stale_temporaries(folder)
        for store in STORES:
            base = self.root / store
            if base.is_dir():
                for shard in base.iterdir():
                    remove_stale_temporaries(shard)

    def release(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing drops the flock
            self._lock_fd = None

    # ----------------------------------------------------------------- entries

    def path(self, stage: str, key: str, suffix: str = ".json") -> Path:
        return self.root / stage / key[:2] / f"{key}{suffix}"

    def get(self, stage: str, key: str) -> Optional[dict]:
        path = self.path(stage, key)
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):  # unreadable entry: recompute it
            return None

    def has(self, stage: str, key: str) -> bool:
        return self.path(stage, key).is_file()

    def put(self, stage: str, key: str, entry: dict, durable: bool = False) -> None:
        """Store an entry; not flushed to disk unless ``durable``: an entry a power cut leaves
        unreadable is recomputed (``get`` returns None)."""
        self.put_bytes(stage, key, compact_json(entry), durable)

    def put_bytes(self, stage: str, key: str, data: bytes, durable: bool = False) -> None:
        """Store an entry already serialised as JSON (``entry_bytes``)."""
        atomic_write_bytes(self.path(stage, key), data, durable=durable)

    # transcriptions: the raw file (readable by readers.read) plus a small meta entry, written second
    def get_transcript(self, key: str) -> Optional[tuple[Path, dict]]:
        meta = self.get("transcribe", key + ".meta")
        raw = self.path("transcribe", key)
        if meta is None or not raw.is_file():
            return None
        return raw, meta

    def put_transcript(self, key: str, raw: bytes, meta: dict) -> Path:
        # durable: a transcription costs minutes of Whisper, not milliseconds
        atomic_write_bytes(self.path("transcribe", key), raw)
        self.put("transcribe", key + ".meta", meta, durable=True)
        return self.path("transcribe", key)

    # ----------------------------------------------------------------- index

    @property
    def index_path(self) -> Path:
        return self.root / "index.json"

    def load_index(self) -> dict:
        try:
            index = json.loads(self.index_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"version": INDEX_VERSION, "episodes": {}}
        if not isinstance(index, dict) or index.get("version") != INDEX_VERSION:
            return {"version": INDEX_VERSION, "episodes": {}}
        index.setdefault("episodes", {})
        return index

    def save_index(self, index: dict) -> None:
        write_if_changed(self.index_path, json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
