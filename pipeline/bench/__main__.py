"""``make bench``: every bench in turn, printing figures and ratios (never asserting timings).

    python -m pipeline.bench                  # 1,000 generated episodes (tens of minutes on 2 cores)
    python -m pipeline.bench --episodes 200   # scaled down
    python -m pipeline.bench --quick          # 40 episodes, a smoke run of every bench

The text bench's plain ``nlp.pipe`` time over the generated episodes is the baseline of the
whole-path ratio of the batch bench.  The transcription bench (``pipeline.bench.transcribe``) runs
last when it is importable and the Whisper model is built.
"""

from __future__ import annotations

import argparse
import inspect
import os
import sys
import tempfile
import time
from pathlib import Path

from . import batch as batch_bench
from . import text as text_bench
from .generate import generate_folder


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=None, help="generated episodes (default 1000, quick 40)")
    parser.add_argument("--quick", action="store_true", help="a small, fast run of every bench")
    parser.add_argument("--no-workers", action="store_true", help="skip the 2-workers bench")
    parser.add_argument("--no-transcribe", action="store_true", help="skip the transcription bench")
    args = parser.parse_args(argv)
    episodes = args.episodes or (40 if args.quick else 1000)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="conseils-bench-") as tmp:
        folder = Path(tmp) / "episodes"
        generate_folder(folder, episodes)
        print(f"{episodes} generated episodes (seed 0); load average {_load()}", flush=True)
        text = text_bench.measure(sorted(folder.iterdir()))
        print(text_bench.report(text), flush=True)
        result = batch_bench.measure(folder, text["baseline_s"], workers_bench=not args.no_workers,
                                     baseline_cpu_s=text["baseline_cpu_s"])
        print(batch_bench.report(result), flush=True)
    if not args.no_transcribe:
        _transcribe_bench(args.quick)
    print(f"benches done in {time.perf_counter() - started:.0f} s; load average {_load()} "
          f"on {os.cpu_count()} CPUs (other processes distort wall-time ratios)", flush=True)


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _transcribe_bench(quick: bool) -> None:
    model = Path(__file__).resolve().parents[2] / "models" / "faster-whisper-base" / "model.bin"
    try:
        from . import transcribe as transcribe_bench
    except ImportError:
        print("transcription bench: not available (pipeline.bench.transcribe)")
        return
    if not model.is_file():
        print(f"transcription bench: skipped, no model at {model} (make models)")
        return
    argv = ["--quick"] if quick else []
    saved = sys.argv
    sys.argv = [f"{sys.argv[0]} transcribe", *argv]
    try:
        if inspect.signature(transcribe_bench.main).parameters:
            transcribe_bench.main(argv)
        else:
            transcribe_bench.main()
    except SystemExit as exc:  # an argparse error of the other bench must not hide ours
        if exc.code not in (0, None):
            print(f"transcription bench: exited with {exc.code}")
    finally:
        sys.argv = saved


if __name__ == "__main__":
    main()
