"""Text-path throughput against a plain spaCy ``nlp.pipe`` over the same texts.

(a) read + segment, (b) read + segment + extract, both as a ratio of the plain ``nlp.pipe`` time to
ours (1.0: as fast as spaCy alone; target >= 0.8).  The baseline parses exactly the texts our
segmentation parsed (the ``Doc`` texts behind ``episode.docs``) with the same ``batch_size``; model
loading and a warm-up are left out of both.  Two baselines are timed:

- plain: the model as ``spacy.load`` gives it, every component enabled: what a direct ``nlp.pipe``
  costs.  Our stages leave the entity recogniser out of ``nlp.pipe`` (``pipeline.nlp.ON_DEMAND``)
  and run it on the introduction only, so they can beat this one;
- same components: the pipeline object our stages use (``pipeline.nlp.load_nlp``), which isolates
  the cost of our own code.

Ours and the baselines are interleaved in blocks of 50 episodes, and both wall and CPU time ratios
are printed (CPU time is immune to other processes on a shared machine).  Each pass streams
(nothing is kept), so memory stays flat.

    python -m pipeline.bench.text --episodes 200
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Optional

from .generate import generate_folder

MODEL = "fr_core_news_sm"
BLOCK = 50  # episodes per interleaved block


def doc_texts(episode) -> list[str]:
    """The texts spaCy parsed for an episode: one per ``Doc`` behind its sentence spans."""
    texts, seen = [], set()
    for span in episode.docs:
        doc = getattr(span, "doc", span)
        if id(doc) not in seen:
            seen.add(id(doc))
            texts.append(doc.text)
    return texts


def measure(paths: list[Path], model: str = MODEL) -> dict:
    from ..extract import extract
    from ..nlp import load_nlp
    from ..readers import read
    from ..records import ExtractOptions, SegmentOptions
    from ..segment import segment

    seg_options, ext_options = SegmentOptions(spacy_model=model), ExtractOptions()
    nlp = load_nlp(model)
    plain = plain_nlp(model)
    baselines = {"baseline": plain, "baseline_same": nlp}
    for path in paths[:5]:  # warm-up of every path (lazy initialisation, caches)
        episode = segment(read(path), seg_options)
        extract(episode, ext_options, spacy_model=model)
        for pipeline in baselines.values():
            for _ in pipeline.pipe(doc_texts(episode), batch_size=pipeline.batch_size):
                pass

    # Interleaved in blocks (ours, then the baseline over the same block's texts) so that both see
    # the same machine load; wall and CPU (process) time are both kept, CPU being immune to other
    # processes on a shared machine.
    wall = {"ours_segment": 0.0, "ours_extract": 0.0, "baseline": 0.0, "baseline_same": 0.0}
    cpu = dict(wall)
    words = docs = 0
    for block_start in range(0, len(paths), BLOCK):
        texts: list[str] = []
        for path in paths[block_start:block_start + BLOCK]:
            w0, c0 = time.perf_counter(), time.process_time()
            episode = segment(read(path), seg_options)
            w1, c1 = time.perf_counter(), time.process_time()
            extract(episode, ext_options, spacy_model=model)
            w2, c2 = time.perf_counter(), time.process_time()
            wall["ours_segment"] += w1 - w0
            wall["ours_extract"] += w2 - w1
            cpu["ours_segment"] += c1 - c0
            cpu["ours_extract"] += c2 - c1
            texts.extend(doc_texts(episode))
            del episode
        for name, pipeline in baselines.items():
            w, c = time_pipe(pipeline, texts)
            wall[name] += w
            cpu[name] += c
        words += sum(len(t.split()) for t in texts)
        docs += len(texts)
    return {
        "episodes": len(paths),
        "words": words,
        "docs": docs,
        "components": list(plain.pipe_names),
        "our_components": list(nlp.pipe_names),
        "batch_size": nlp.batch_size,
        "baseline_s": wall["baseline"],
        "baseline_cpu_s": cpu["baseline"],
        "baseline_same_s": wall["baseline_same"],
        "ratio_segment_same": wall["baseline_same"] / wall["ours_segment"],
        "ratio_extract_same": wall["baseline_same"] / (wall["ours_segment"] + wall["ours_extract"]),
        "read_segment_s": wall["ours_segment"],
        "read_segment_extract_s": wall["ours_segment"] + wall["ours_extract"],
        "ratio_segment": wall["baseline"] / wall["ours_segment"],
        "ratio_extract": wall["baseline"] / (wall["ours_segment"] + wall["ours_extract"]),
        "ratio_segment_cpu": cpu["baseline"] / cpu["ours_segment"],
        "ratio_extract_cpu": cpu["baseline"] / (cpu["ours_segment"] + cpu["ours_extract"]),
    }


def report(result: dict) -> str:
    return "\n".join([
        f"text path over {result['episodes']} episodes ({result['words']:,} words, {result['docs']} docs; "
        f"{'+'.join(result['components'])}, batch_size {result['batch_size']})",
        f"  plain nlp.pipe (all components) {result['baseline_s']:8.2f} s",
        f"  nlp.pipe, our components ({'+'.join(result['our_components'])}) {result['baseline_same_s']:8.2f} s",
        f"  (a) read+segment                {result['read_segment_s']:8.2f} s   ratio {result['ratio_segment']:.2f}"
        f" (CPU time {result['ratio_segment_cpu']:.2f})  (target >= 0.8); same components {result['ratio_segment_same']:.2f}",
        f"  (b) read+segment+extract        {result['read_segment_extract_s']:8.2f} s   ratio "
        f"{result['ratio_extract']:.2f} (CPU time {result['ratio_extract_cpu']:.2f}); same components {result['ratio_extract_same']:.2f}",
    ])


def time_pipe(nlp, texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of a plain ``nlp.pipe`` over ``texts`` (the baseline's batch size)."""
    w0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=nlp.batch_size):
        pass
    return time.perf_counter() - w0, time.process_time() - c0


def plain_nlp(model: str):
    """The model exactly as ``spacy.load`` gives it: the plain baseline."""
    import spacy

    return spacy.load(model)


def main(argv: Optional[list[str]] = None, folder: Optional[Path] = None) -> dict:
    parser = argparse.ArgumentParser(description="read+segment(+extract) throughput against plain nlp.pipe")
    parser.add_argument("--episodes", type=int, default=1000)
    parser.add_argument("--model", default=MODEL)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="conseils-bench-") as tmp:
        paths = sorted((folder or Path(tmp)).iterdir()) if folder else generate_folder(Path(tmp), args.episodes)
        result = measure(paths[: args.episodes], args.model)
    print(report(result), flush=True)
    return result


if __name__ == "__main__":
    main()
