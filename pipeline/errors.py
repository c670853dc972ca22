"""Library exceptions. The CLI turns every ``ConseilsError`` into a clean message and exit code."""

from __future__ import annotations

from pathlib import Path


class ConseilsError(Exception):
    """Base of every error Conseils reports to a user (never a bare traceback)."""


class InputError(ConseilsError):
    """A file that cannot be used, named in the message with the line where it applies."""

    def __init__(self, path: str | Path, problem: str, line: int | None = None):
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {problem}")


class ReadError(InputError):
    """A transcript or subtitle file that cannot be read."""


class AudioError(InputError):
    """An audio or video file that cannot be decoded."""


class ModelError(ConseilsError):
    """A model (spaCy or Whisper) that is missing, corrupt or cannot be loaded."""


class OptionError(ConseilsError):
    """A setting with a value outside the accepted ones."""


class ExportError(ConseilsError):
    """An output that cannot be written."""
