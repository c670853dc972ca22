"""JSON parsing with errors that name the line, and the checks shared by the JSON readers."""

from __future__ import annotations

import json
import math
from typing import Any

from ..errors import ReadError
from .timing import is_time


def load_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ReadError(name, f"invalid JSON: {error.msg} (column {error.colno})", error.lineno) from None
    except RecursionError:
        raise ReadError(name, "invalid JSON: nested too deeply") from None


def optional_time(item: dict[str, Any], key: str, name: str, where: str) -> float | None:
    """``item[key]`` as seconds, None when absent; ReadError when it is not a usable time."""
    value = item.get(key)
    if value is None:
        return None
    if not is_time(value):
        raise ReadError(name, f"{where}: '{key}' must be a number of seconds >= 0, not {value!r:.40}")
    return round(float(value), 3)


def optional_number(item: dict[str, Any], key: str, name: str, where: str) -> float | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ReadError(name, f"{where}: '{key}' must be a finite number, not {value!r:.40}")
    return float(value)
