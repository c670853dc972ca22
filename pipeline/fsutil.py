"""File-system helpers: safe episode ids and atomic writes (nothing is ever half-written)."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import BinaryIO, Iterator

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# mkstemp creates 0600 files; outputs get the usual permissions (0666 less the umask).
_FILE_MODE = 0o666 & ~_current_umask()


def safe_id(name: str) -> str:
    """A file-name-safe episode id from a file stem: ASCII letters, digits, ``._-``; never empty,
    never ``.``/``..`` nor starting with a dot, so that no id can write outside its folder."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    cleaned = _UNSAFE.sub("_", ascii_name).strip("._-")
    return cleaned[:120] or "episode"


def atomic_write_bytes(path: str | Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``.

    ``durable`` flushes the data to disk before the rename, so that even a power cut leaves the old
    or the new file; a killed process never leaves a partial file either way (the rename is atomic
    and the data is in the page cache). Entries that are checked on reading and cheap to recompute
    skip it."""
    path = Path(path)
    with _temporary_beside(path) as (handle, tmp):
        handle.write(data)
        if durable:
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)


@contextlib.contextmanager
def _temporary_beside(path: Path) -> Iterator[tuple[BinaryIO, str]]:
    """A temporary file (``.<name>.*.tmp``) in the folder of ``path``, removed if the block fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            yield handle, tmp
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def write_if_changed(path: str | Path, data: bytes) -> bool:
    """Write ``data`` atomically unless ``path`` already holds exactly these bytes (its modification
    time then stays as it was). Returns whether the file was written."""
    path = Path(path)
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    atomic_write_bytes(path, data)
    return True


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` piece by piece: its bytes replace ``path`` atomically (flushed
    to disk first) when the block ends without error, and only when they differ from what ``path``
    holds, so that its modification time stays otherwise; on error ``path`` is left as it was."""
    path = Path(path)
    with _temporary_beside(path) as (handle, tmp):
        yield handle
        handle.flush()
        if _same_bytes(handle.tell(), tmp, path):
            os.unlink(tmp)
        else:
            os.fsync(handle.fileno())
            os.replace(tmp, path)


def _same_bytes(size: int, new: str, old: Path) -> bool:
    try:
        if old.stat().st_size != size:
            return False
        with open(new, "rb") as a, open(old, "rb") as b:
            while True:
                block = a.read(1 << 20)
                if block != b.read(1 << 20):
                    return False
                if not block:
                    return True
    except OSError:
        return False


def remove_stale_temporaries(folder: str | Path) -> int:
    """Delete the ``.<name>.*.tmp`` files an interrupted ``atomic_write_bytes`` left in ``folder``
    (not recursive). Only call it while no other writer uses the folder."""
    removed = 0
    folder = Path(folder)
    if not folder.is_dir():
        return 0
    for tmp in folder.glob(".*.tmp"):
        tmp.unlink(missing_ok=True)
        removed += 1
    return removed
