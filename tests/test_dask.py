"""The same run on Dask: a local cluster (--workers 2) and an existing scheduler with two workers."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from pipeline import batch
from pipeline.batch import run
from pipeline.bench.generate import generate_folder
from pipeline.records import ExtractOptions, RunOptions
from test_batch_support import comparable, outputs, validate_outputs

ROOT = Path(__file__).resolve().parents[1]
DASK = ROOT / ".venv" / "bin" / "dask"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("episodes")
    generate_folder(path, 3, seed=11)
    shutil.copy(ROOT / "samples" / "dictionnaire_digital_influence.txt", path)
    (path / "empty.srt").write_bytes(b"")
    return path


@pytest.fixture(scope="module")
def single(folder, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("single")
    run(folder, out, RunOptions(workers=1))
    return comparable(outputs(out))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def scheduler_address(tmp_path):
    """A real `dask scheduler` and two `dask worker` processes on loopback, torn down afterwards."""
    from dask.distributed import Client

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = tmp_path / "dask-logs"
    logs.mkdir()
    processes = []

    def start(name, *args):
        log = open(logs / f"{name}.log", "wb")
        processes.append((subprocess.Popen([str(DASK), *args], stdout=log, stderr=subprocess.STDOUT), log))

    try:
        start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")
        for i in range(2):
            start(f"worker{i}", "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--nworkers", "1",
                  "--no-dashboard", "--name", f"w{i}")
        deadline = time.monotonic() + 60
        while True:  # the scheduler accepts connections
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for process, _ in reversed(processes):
            process.terminate()
        for process, log in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
            log.close()


def test_local_cluster_equals_single_process(folder, single, tmp_path):
    out = tmp_path / "out"
    result = run(folder, out, RunOptions(workers=2))
    validate_outputs(out)
    assert result.stats["processed"] == 5
    assert comparable(outputs(out)) == single
    assert result.exit_code == 1  # empty.srt failed, the rest ran


def test_episodes_in_chunks_equal_single_process(folder, single, tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "CHUNKS_PER_WORKER", 1)  # five episodes, two workers: chunks of two
    assert [len(c) for c in batch.chunked([{"id": str(i), "need": "segment"} for i in range(5)], 2)] == [2, 2, 1]
    out = tmp_path / "out"
    result = run(folder, out, RunOptions(workers=2))
    assert result.stats["processed"] == 5
    assert comparable(outputs(out)) == single


@pytest.mark.parametrize("needs, workers, sizes", [
    (["segment"] * 3, 2, [1, 1, 1]),                      # few episodes: one per task
    (["segment"] * 100, 2, [3] * 33 + [1]),               # 100 // (2 workers * 16 chunks) = 3
    (["segment"] * 1000, 2, [8] * 125),                   # at most MAX_CHUNK
    (["transcribe"] * 2 + ["extract"] * 64, 2, [1, 1] + [2] * 32),  # audio travels alone
])
def test_chunk_sizes(needs, workers, sizes):
    tasks = [{"id": f"e{i}", "need": need} for i, need in enumerate(needs)]
    chunks = batch.chunked(tasks, workers)
    assert [len(c) for c in chunks] == sizes
    assert sorted(t["id"] for c in chunks for t in c) == sorted(t["id"] for t in tasks)  # each once


def test_existing_scheduler_equals_single_process(folder, single, scheduler_address, tmp_path):
    out = tmp_path / "out"
    result = run(folder, out, RunOptions(scheduler=scheduler_address))
    validate_outputs(out)
    assert result.stats["processed"] == 5
    assert comparable(outputs(out)) == single
    # The re-run, on the cluster too, finds everything up to date.
    again = run(folder, out, RunOptions(scheduler=scheduler_address))
    assert again.stats["processed"] == 0
    # An extraction setting: the cluster extracts again from the cached segmented episodes.
    changed = run(folder, out, RunOptions(scheduler=scheduler_address, extract=ExtractOptions(min_confidence=0.6)))
    assert changed.stats["stages_run"] == {"transcribe": 0, "read": 0, "segment": 0, "extract": 4}
    validate_outputs(out)
