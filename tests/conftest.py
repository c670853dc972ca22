"""Shared fixtures. Third-party material is read in place from ../shared/corpus; tests that need it
skip cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SAMPLE = ROOT / "samples" / "dictionnaire_digital_influence.txt"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("third-party corpus ../shared/corpus is absent")
    return CORPUS


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA
