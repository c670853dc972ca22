"""Text-path throughput against a plain spaCy ``nlp.pipe`` over the same texts.

(a) read + segment, (b) read + segment + extract, both as a ratio of the plain ``nlp.pipe`` time to
ours (1.0: as fast as spaCy alone; target >= 0.8).  The baseline is fair: it parses exactly the
texts our segmentation parsed (the ``Doc`` texts behind ``episode.docs``), with the same pipeline
object (``pipeline.nlp.load_nlp``: same model, same enabled components) and the same ``batch_size``;
model loading and a warm-up are left out of both.  Each pass streams (nothing is kept), so memory
stays flat at 1,000 episodes.

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
    for path in paths[:5]:  # warm-up of both paths (lazy initialisation, caches)
        episode = segment(read(path), seg_options)
        extract(episode, ext_options, spacy_model=model)
        for _ in nlp.pipe(doc_texts(episode), batch_size=nlp.batch_size):
            pass

    texts: list[str] = []
    read_segment = extract_time = 0.0
    for path in paths:
        started = time.perf_counter()
        episode = segment(read(path), seg_options)
        middle = time.perf_counter()
        extract(episode, ext_options, spacy_model=model)
        read_segment += middle - started
        extract_time += time.perf_counter() - middle
        texts.extend(doc_texts(episode))
        del episode

    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=nlp.batch_size):
        pass
    baseline = time.perf_counter() - started
    return {
        "episodes": len(paths),
        "words": sum(len(t.split()) for t in texts),
        "docs": len(texts),
        "components": list(nlp.pipe_names),
        "batch_size": nlp.batch_size,
        "baseline_s": baseline,
        "read_segment_s": read_segment,
        "read_segment_extract_s": read_segment + extract_time,
        "ratio_segment": baseline / read_segment,
        "ratio_extract": baseline / (read_segment + extract_time),
    }


def report(result: dict) -> str:
    return "\n".join([
        f"text path over {result['episodes']} episodes ({result['words']:,} words, {result['docs']} docs; "
        f"{'+'.join(result['components'])}, batch_size {result['batch_size']})",
        f"  plain nlp.pipe                  {result['baseline_s']:8.2f} s",
        f"  (a) read+segment                {result['read_segment_s']:8.2f} s   ratio {result['ratio_segment']:.2f}"
        "  (target >= 0.8)",
        f"  (b) read+segment+extract        {result['read_segment_extract_s']:8.2f} s   ratio "
        f"{result['ratio_extract']:.2f}",
    ])


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
