"""Progress display and one-line summaries for ``conseils transcribe`` (rich bar in audio seconds)."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Callable, Iterator


class _Show:
    def __init__(self, progress) -> None:  # rich.progress.Progress or None
        self._progress = progress
        self._ran = False

    @contextlib.contextmanager
    def __call__(self, path: Path) -> Iterator[Callable[[float, float], None]]:
        self._ran = False
        task = None
        if self._progress is not None:
            task = self._progress.add_task(Path(path).name, total=None)

        def update(done: float, total: float) -> None:
            self._ran = True
            if task is not None:
                self._progress.update(task, completed=done, total=total)

        try:
            yield update
        finally:
            if task is not None:
                self._progress.remove_task(task)

    def summary(self, json_path: Path) -> str:
        data = json.loads(Path(json_path).read_text(encoding="utf-8"))
        words = sum(len(s["text"].split()) for s in data["segments"])
        note = "" if self._ran else " (up to date)"
        return (
            f"{len(data['segments'])} segments, {words} words, language {data['language']}, "
            f"{data['duration']:.1f} s -> {json_path}{note}"
        )


@contextlib.contextmanager
def progress_display() -> Iterator[_Show]:
    if not sys.stderr.isatty():
        yield _Show(None)
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:.0f} s of audio"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        yield _Show(progress)
