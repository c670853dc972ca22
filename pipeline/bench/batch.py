"""Batch-run benches: whole text path, unchanged re-run, peak memory, two workers against one.

Each run is a child process (``python -m pipeline.bench.batch --child``) whose resident memory the
parent samples with psutil (the child and its own children, summed) every 20 ms:

(c) read -> segment -> extract -> export through ``pipeline.batch.run`` (workers=1, cache and all
    outputs written), as a ratio of the plain ``nlp.pipe`` time of the text bench over the same
    texts (target >= 0.8); the child loads the spaCy model before its clock starts, as the
    baseline does;
(d) the wall time of ``conseils run --quiet`` on the unchanged folder, interpreter start included
    (target < 2 s), and whether it did no stage work and left every output byte-identical;
(e) peak RSS of the run at N/10 and at N episodes (target: flat);
(f) ``--workers 2`` against ``--workers 1`` (1's model loading added back, since 2 loads its own
    per worker; target >= 1.7 on 2 cores).  The machine's speed drifts by some 10 % from one
    minute to the next, more than the effect measured, so the two runs are made twice, in turn
    (1, 2, 1, 2), and the ratio is that of the sums; each pair's ratio is printed too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

import psutil

ROOT = Path(__file__).resolve().parents[2]
PHASE_ENV = "CONSEILS_BENCH_PHASE"  # a file where the child says whether it is running or measuring


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for proc in [process, *process.children(recursive=True)]:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_child(input_dir: Path, out: Path, workers: int = 1, baselines: bool = True) -> dict:
    """One ``batch.run`` in a child process: its own timings plus the peak RSS sampled here (and,
    with one worker and ``baselines``, the plain ``nlp.pipe`` timings after it)."""
    phase = Path(tempfile.mkstemp(prefix="conseils-bench-phase-")[1])
    command = [sys.executable, "-m", "pipeline.bench.batch", "--child", str(input_dir), str(out), str(workers),
               "1" if baselines else "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env={**os.environ, PHASE_ENV: str(phase)})
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            if phase.read_text() == "run":  # the run only, not the baseline parses around it
                peak = max(peak, _tree_rss(watched))
        except (psutil.Error, OSError):
            pass
        time.sleep(0.02)
    phase.unlink(missing_ok=True)
    stdout = process.stdout.read()
    if process.returncode != 0:
        raise RuntimeError(f"bench child failed ({process.returncode}): {stdout[-2000:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["peak_rss_mb"] = peak / 2**20
    return result


def _child(input_dir: str, out: str, workers: int, baselines: bool) -> None:
    from ..batch import run
    from ..records import RunOptions

    started = time.perf_counter()
    if workers == 1:  # as the nlp.pipe baseline: the models are loaded before the clock starts
        from ..nlp import load_models

        load_models("fr_core_news_sm")
    load = time.perf_counter() - started
    texts = _parsed_texts(Path(input_dir)) if workers == 1 and baselines else []
    phase = Path(os.environ[PHASE_ENV]) if PHASE_ENV in os.environ else None
    if phase:
        phase.write_text("run")
    started, cpu = time.perf_counter(), time.process_time()
    result = run(input_dir, out, RunOptions(workers=workers))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    if phase:
        phase.write_text("baseline")
    # after the run, so that the run's memory is not the baseline's (glibc keeps freed heap)
    baseline = _baselines(texts) if texts else {}
    print(json.dumps({"load_s": load, "run_s": seconds, "run_cpu_s": cpu, "stats": result.stats, **baseline}))


def _parsed_texts(input_dir: Path) -> list[str]:
    """The texts the segment stage hands to spaCy for each episode of the folder (its blocks)."""
    from ..readers import read
    from ..segment import _blocks, is_unpunctuated

    texts = []
    for path in sorted(input_dir.iterdir()):
        segments = read(path).segments
        texts.extend(block.text for block in _blocks(segments, is_unpunctuated(segments)))
    return texts


def _baselines(texts: list[str]) -> dict[str, float]:
    """Plain ``nlp.pipe`` over ``texts`` in this process, next to the run it is compared with (the
    machine's speed drifts between processes and minutes): the model as ``spacy.load`` gives it,
    and the pipeline with our stages' components (see ``pipeline.bench.text``)."""
    from ..nlp import load_nlp
    from .text import plain_nlp, time_pipe

    timings: dict[str, float] = {}
    for name, nlp in (("baseline", plain_nlp("fr_core_news_sm")), ("baseline_same", load_nlp("fr_core_news_sm"))):
        timings[f"{name}_s"], timings[f"{name}_cpu_s"] = time_pipe(nlp, texts)
    return timings


def _digest(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file() and ".cache" not in p.parts}


def rerun(input_dir: Path, out: Path) -> dict:
    before = _digest(out)
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file() and ".cache" not in p.parts}
    conseils = Path(sys.executable).with_name("conseils")
    command = [str(conseils), "run", str(input_dir), "--out", str(out), "--quiet"] if conseils.exists() else [
        sys.executable, "-m", "pipeline", "run", str(input_dir), "--out", str(out), "--quiet"]
    started = time.perf_counter()
    subprocess.run(command, check=False)
    wall = time.perf_counter() - started
    stats = json.loads((out / ".cache" / "last_run.json").read_text(encoding="utf-8"))
    return {
        "wall_s": wall,
        "in_process_s": stats["seconds"],
        "stages_run": sum(stats["stages_run"].values()),
        "identical": _digest(out) == before,
        "untouched": all(p.stat().st_mtime_ns == t for p, t in mtimes.items()),
    }


def measure(folder: Path, baseline_s: Optional[float], workers_bench: bool = True,
            baseline_cpu_s: Optional[float] = None) -> dict:
    paths = sorted(folder.iterdir())
    n = len(paths)
    results: dict = {"episodes": n}
    with tempfile.TemporaryDirectory(prefix="conseils-bench-out-") as tmp:
        tmp = Path(tmp)
        small_dir = tmp / "small-in"
        small_dir.mkdir()
        small_n = max(1, n // 10)
        for path in paths[:small_n]:
            os.symlink(path, small_dir / path.name)
        results["small"] = run_child(small_dir, tmp / "small-out")
        results["small"]["episodes"] = small_n
        results["full"] = run_child(folder, tmp / "out")
        results["rerun"] = rerun(folder, tmp / "out")
        if baseline_s:
            results["ratio_whole"] = baseline_s / results["full"]["run_s"]
        if baseline_cpu_s:
            results["ratio_whole_cpu"] = baseline_cpu_s / results["full"]["run_cpu_s"]
        # the same baseline measured in the run's own process, right after it
        results["ratio_whole_same_process"] = results["full"]["baseline_s"] / results["full"]["run_s"]
        results["ratio_whole_same_process_cpu"] = results["full"]["baseline_cpu_s"] / results["full"]["run_cpu_s"]
        results["ratio_whole_same_components"] = results["full"]["baseline_same_s"] / results["full"]["run_s"]
        if workers_bench:
            results["two"] = run_child(folder, tmp / "out-2", workers=2)
            results["one_again"] = run_child(folder, tmp / "out-1b", baselines=False)
            results["two_again"] = run_child(folder, tmp / "out-2b", workers=2)
            ones = [r["run_s"] + r["load_s"] for r in (results["full"], results["one_again"])]
            twos = [results["two"]["run_s"], results["two_again"]["run_s"]]
            results["ratio_workers"] = sum(ones) / sum(twos)
            results["ratio_workers_pairs"] = [one / two for one, two in zip(ones, twos)]
    return results


def report(r: dict) -> str:
    lines = [f"batch run over {r['episodes']} episodes"]
    if "ratio_whole" in r:
        cpu = f" (CPU time {r['ratio_whole_cpu']:.2f})" if "ratio_whole_cpu" in r else ""
        lines.append(f"  (c) read+segment+extract+export {r['full']['run_s']:8.2f} s   ratio {r['ratio_whole']:.2f}"
                     f"{cpu}  (target >= 0.8)")
    else:
        lines.append(f"  (c) read+segment+extract+export {r['full']['run_s']:8.2f} s")
    lines.append(f"      against nlp.pipe in the run's own process (right after it): ratio "
                 f"{r['ratio_whole_same_process']:.2f} (CPU time {r['ratio_whole_same_process_cpu']:.2f}); "
                 f"same components as ours {r['ratio_whole_same_components']:.2f}")
    re = r["rerun"]
    lines.append(f"  (d) unchanged re-run             {re['wall_s']:8.2f} s   (in process {re['in_process_s']:.2f} s; "
                 f"{re['stages_run']} stages run; outputs identical: {re['identical']}, untouched: {re['untouched']})"
                 "  (target < 2 s)")
    lines.append(f"  (e) peak RSS {r['small']['episodes']:>5} episodes     {r['small']['peak_rss_mb']:8.0f} MB")
    lines.append(f"      peak RSS {r['episodes']:>5} episodes     {r['full']['peak_rss_mb']:8.0f} MB   "
                 f"ratio {r['full']['peak_rss_mb'] / r['small']['peak_rss_mb']:.2f}  (target: flat, ~1.0)")
    if "two" in r:
        twos = f"{r['two']['run_s']:.2f} s, {r['two_again']['run_s']:.2f} s"
        ones = f"{r['full']['run_s'] + r['full']['load_s']:.2f} s, {r['one_again']['run_s'] + r['one_again']['load_s']:.2f} s"
        pairs = ", ".join(f"{p:.2f}" for p in r["ratio_workers_pairs"])
        lines.append(f"  (f) --workers 2                  {twos}   vs 1: {ones}   speed-up {r['ratio_workers']:.2f}"
                     f" (each pair: {pairs})  (target >= 1.7 on 2 cores; {os.cpu_count()} CPUs here)")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> dict:
    parser = argparse.ArgumentParser(description="batch run benches")
    parser.add_argument("--episodes", type=int, default=1000)
    parser.add_argument("--child", nargs=4, metavar=("INPUT", "OUT", "WORKERS", "BASELINES"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], args.child[1], int(args.child[2]), args.child[3] == "1")
        return {}
    from .generate import generate_folder

    with tempfile.TemporaryDirectory(prefix="conseils-bench-") as tmp:
        generate_folder(Path(tmp), args.episodes)
        result = measure(Path(tmp), None)
    print(report(result), flush=True)
    return result


if __name__ == "__main__":
    main()
