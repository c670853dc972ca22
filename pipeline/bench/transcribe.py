"""Transcription bench: real-time factor, overhead against faster-whisper, batched vs sequential.

    python -m pipeline.bench.transcribe            # FLEURS clips of ../shared/corpus, 3 rounds
    python -m pipeline.bench.transcribe --quick    # 2 clips, 1 round
    python -m pipeline.bench.transcribe --rounds 5 AUDIO...

On the same audio and settings, in the same process, runs are interleaved (direct faster-whisper,
``pipeline.transcribe.transcribe`` sequential, the same batched, order rotating each round) and each
figure is the median over rounds of the time for all clips. The overhead of ``transcribe()`` covers
what it adds: hashing the file for the cache key, the truncation checks, the clean-up filters and
the streamed partial file. Target: at most 5 %. Prints figures only; never asserts timings.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parents[2]
CORPUS_FR = ROOT.parent / "shared" / "corpus" / "audio-fr"
CLIP = ROOT / "tests" / "data" / "audio" / "conseils-fr-espeak.ogg"


def default_audio(quick: bool) -> list[Path]:
    clips = sorted(CORPUS_FR.glob("fleurs-fr-*.ogg")) if CORPUS_FR.is_dir() else []
    clips = clips or [CLIP]
    return clips[:2] if quick else clips


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main(argv: Optional[list[str]] = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench.transcribe", description=__doc__.splitlines()[0])
    parser.add_argument("audio", nargs="*", type=Path, help="audio files (default: FLEURS clips, else the test clip)")
    parser.add_argument("--rounds", type=int, default=None, help="interleaved rounds (default 3, quick 1)")
    parser.add_argument("--quick", action="store_true", help="2 clips, 1 round")
    args = parser.parse_args(argv)

    from faster_whisper import BatchedInferencePipeline
    from faster_whisper.audio import decode_audio as fw_decode

    from pipeline import transcribe as tr
    from pipeline.records import TranscribeOptions

    clips = args.audio or default_audio(args.quick)
    rounds = args.rounds or (1 if args.quick else 3)
    sequential = TranscribeOptions()
    batched = TranscribeOptions(batched=True)
    started = time.perf_counter()
    model = tr.load_model(sequential)
    load_s = time.perf_counter() - started
    durations = [len(tr.decode_audio(c)) / tr.SAMPLING_RATE for c in clips]
    audio_s = sum(durations)

    def direct() -> None:  # what a plain faster-whisper user writes, with our settings
        for clip, duration in zip(clips, durations):
            kwargs = tr.faster_whisper_kwargs(sequential, duration)
            segments, _ = model.transcribe(fw_decode(str(clip)), **kwargs)
            list(segments)

    def direct_batched() -> None:
        pipeline = BatchedInferencePipeline(model)
        for clip, duration in zip(clips, durations):
            segments, _ = pipeline.transcribe(fw_decode(str(clip)), **tr.faster_whisper_kwargs(batched, duration))
            list(segments)

    def ours(options: TranscribeOptions) -> Callable[[], None]:
        return lambda: [tr.transcribe(c, options) for c in clips]

    runs: dict[str, Callable[[], object]] = {
        "faster-whisper direct": direct,
        "transcribe()": ours(sequential),
        "faster-whisper batched": direct_batched,
        "transcribe(batched)": ours(batched),
    }
    print(
        f"transcription bench: {len(clips)} clips, {audio_s:.1f} s of audio, model "
        f"{tr.resolve_model(None).label} int8, {tr._threads(sequential)} threads, beam 5, VAD, fr; "
        f"model load {load_s:.2f} s; {rounds} rounds + 1 warm-up",
        flush=True,
    )
    ours(sequential)()  # warm-up: caches, allocator, VAD model
    times: dict[str, list[float]] = {name: [] for name in runs}
    names = list(runs)
    for r in range(rounds):
        order = names[r % len(names):] + names[: r % len(names)]
        for name in order:
            times[name].append(_timed(runs[name]))
    med = {name: statistics.median(values) for name, values in times.items()}
    for name in names:
        spread = f" (min {min(times[name]):.2f}, max {max(times[name]):.2f})" if rounds > 1 else ""
        print(f"  {name:<24} {med[name]:7.2f} s  RTF {med[name] / audio_s:.3f}{spread}")
    overhead = med["transcribe()"] / med["faster-whisper direct"] - 1
    overhead_b = med["transcribe(batched)"] / med["faster-whisper batched"] - 1
    print(f"  real-time factor of transcribe(): {med['transcribe()'] / audio_s:.3f} "
          f"({audio_s / med['transcribe()']:.1f}x faster than real time)")
    print(f"  overhead of transcribe() vs faster-whisper: {overhead * 100:+.1f} % sequential, "
          f"{overhead_b * 100:+.1f} % batched (target <= 5 %)")
    print(f"  batched vs sequential transcribe(): {med['transcribe()'] / med['transcribe(batched)']:.2f}x "
          f"(batch size {batched.batch_size})", flush=True)


if __name__ == "__main__":
    main()
