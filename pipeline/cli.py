"""The ``conseils`` command line: a thin layer that connects the library's stages.

Every library error (``ConseilsError``) becomes a one-line message and a non-zero exit code.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from .errors import ConseilsError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Turn French podcast and video episodes into structured, time-stamped advice.\n\n"
    "Example: conseils run samples/ --out out/",
)

SPACY_MODEL = typer.Option("fr_core_news_sm", "--spacy-model", help="spaCy pipeline (installed package name).")
MIN_CONFIDENCE = typer.Option(
    None, "--min-confidence", min=0.0, max=1.0,
    help="Leave out tips the tip model gives less than this (0 to 1; default: the model's own threshold, 0.4).",
)


def _fail(message: str, code: int = 1) -> None:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def _internal_error(path: Path, exc: Exception) -> str:
    return f"{path}: internal error ({type(exc).__name__}: {exc}); please report it with this file"


def _report_failures(failures: list[str]) -> None:
    for message in failures:
        typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    if failures:
        raise typer.Exit(1)


@app.command()
def segment(
    inputs: list[Path] = typer.Argument(..., help="Transcript files (web page, SRT, WebVTT, Whisper JSON, text)."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder; writes OUT/episodes/<id>.json."),
    spacy_model: str = SPACY_MODEL,
) -> None:
    """Read transcripts into timed French sentences and speaker turns.

    Example: conseils segment samples/dictionnaire_digital_influence.txt --out out/
    """
    from .export import write_episode
    from .readers import read
    from .records import SegmentOptions
    from .segment import segment as segment_episode

    options = SegmentOptions(spacy_model=spacy_model)
    failures: list[str] = []
    for path in inputs:
        try:
            episode = segment_episode(read(path), options)
            write_episode(episode, out)
            typer.echo(f"{path}: {len(episode.sentences)} sentences, {len(episode.turns)} turns")
        except ConseilsError as exc:
            failures.append(str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug on one file never stops the others
            failures.append(_internal_error(path, exc))
    _report_failures(failures)


@app.command()
def extract(
    inputs: list[Path] = typer.Argument(..., help="Transcripts, or episode documents written by `segment`."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder: episodes/<id>.json, tips.json, glossary.json."),
    language: Optional[str] = typer.Option(
        None, "--language", help="Extract even when the detected language differs (e.g. fr)."
    ),
    min_confidence: Optional[float] = MIN_CONFIDENCE,
    spacy_model: str = SPACY_MODEL,
) -> None:
    """Extract tips and glossary definitions from transcripts.

    Example: conseils extract samples/dictionnaire_digital_influence.txt --out out/
    """
    from .export import write_collections, write_episode
    from .extract import extract as extract_episode
    from .readers import read
    from .records import ExtractOptions, SegmentOptions
    from .segment import segment as segment_episode

    seg_options = SegmentOptions(spacy_model=spacy_model)
    ext_options = ExtractOptions(language=language, min_confidence=min_confidence)
    episodes, failures = [], []
    for path in inputs:
        try:
            episode = read(path)
            if not episode.sentences:
                episode = segment_episode(episode, seg_options)
            episode = extract_episode(episode, ext_options, spacy_model=spacy_model)
            write_episode(episode, out)
            episodes.append(episode)
            note = f" ({episode.status_reason})" if episode.status != "ok" else ""
            typer.echo(f"{path}: {len(episode.tips)} tips, {len(episode.glossary)} glossary entries{note}")
        except ConseilsError as exc:
            failures.append(str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug on one file never stops the others
            failures.append(_internal_error(path, exc))
    write_collections(episodes, out)
    _report_failures(failures)


@app.command()
def run(
    input_dir: Path = typer.Argument(..., help="Folder of transcripts and audio/video files (searched recursively)."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder (episodes/, tips.*, glossary.*, run.json)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Episodes processed in parallel (local Dask cluster when > 1)."),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", help="Address of an existing Dask scheduler (e.g. tcp://10.0.0.5:8786); input paths must be shared."
    ),
    formats: list[str] = typer.Option(
        [], "--format", "-f", help="Extra collection formats: jsonl (repeatable or comma list); json and csv are always written."
    ),
    excel: bool = typer.Option(False, "--excel", help="CSV for spreadsheets: UTF-8 with BOM, ';' separators, decimal commas."),
    retranscribe: bool = typer.Option(False, "--retranscribe", help="Transcribe audio even where a transcript with the same name exists."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar nor summary; errors only."),
    language: Optional[str] = typer.Option(
        None, "--language", help="Extract even when the detected language differs (e.g. fr)."
    ),
    min_confidence: Optional[float] = MIN_CONFIDENCE,
    spacy_model: str = SPACY_MODEL,
    model: Optional[str] = typer.Option(None, "--model", help="Whisper model folder (default: models/faster-whisper-base)."),
    beam_size: int = typer.Option(5, "--beam-size", min=1, help="Whisper beam size."),
    vad: bool = typer.Option(True, "--vad/--no-vad", help="Skip silence with voice activity detection."),
) -> None:
    """Run every episode of a folder: transcribe, segment, extract, export (incremental).

    An audio file and a transcript with the same name are one episode (the transcript is used
    unless --retranscribe). A re-run redoes only what changed. Exit code 1 when an episode failed.

    Example: conseils run samples/ --out out/ --workers 2 --format jsonl
    """
    from .batch import Progress, RichProgress, run as run_batch
    from .records import ExtractOptions, RunOptions, SegmentOptions, TranscribeOptions

    extra = sorted({f.strip().lower() for item in formats for f in item.split(",") if f.strip()})
    options = RunOptions(
        workers=workers, scheduler=scheduler, formats=sorted({"json", "csv", *extra}), excel=excel,
        retranscribe=retranscribe, quiet=quiet,
        segment=SegmentOptions(spacy_model=spacy_model),
        extract=ExtractOptions(language=language, min_confidence=min_confidence),
        transcribe=TranscribeOptions(model=model, beam_size=beam_size, vad=vad),
    )
    try:
        result = run_batch(input_dir, out, options, progress=Progress() if quiet else RichProgress())
    except ConseilsError as exc:
        _fail(str(exc))
    summary, stats = result.report["summary"], result.stats
    if not quiet:
        typer.echo(
            f"{summary['episodes']} episodes: {summary['ok']} ok, {summary['skipped']} skipped, "
            f"{summary['failed']} failed; {summary['tips']} tips, {summary['glossary']} glossary entries; "
            f"{stats['processed']} processed, {stats['up_to_date'] + stats['from_cache']} up to date "
            f"({stats['seconds']:.1f} s) -> {out}"
        )
        for item in result.report["ignored"]:
            typer.echo(f"ignored {item['path']}: {item['reason']}")
    for item in result.failed if quiet else []:  # the progress display already showed them
        typer.secho(f"error: {item['source']}: {item['error']['message']}", fg=typer.colors.RED, err=True)
    raise typer.Exit(result.exit_code)


@app.command()
def transcribe(
    inputs: list[Path] = typer.Argument(..., help="Audio or video files (wav, mp3, m4a, flac, ogg, mp4, mkv...), or folders of them."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder; writes OUT/transcripts/<id>.json, .srt and .vtt."),
    model: Optional[str] = typer.Option(
        None, "--model", help="CTranslate2 Whisper model folder (default: models/faster-whisper-base), "
        "or a model name (small, medium, large-v3...) fetched from the model hub only when reachable."
    ),
    device: str = typer.Option("cpu", "--device", help="cpu, cuda or auto."),
    compute_type: str = typer.Option("int8", "--compute-type", help="int8 (CPU default), int8_float16, float16, float32..."),
    beam_size: int = typer.Option(5, "--beam-size", help="Beam search width (1 = greedy, faster)."),
    language: str = typer.Option("fr", "--language", help="Language code (fr, en...), or auto to detect it."),
    vad: bool = typer.Option(True, "--vad/--no-vad", help="Skip non-speech with Silero VAD."),
    word_timestamps: bool = typer.Option(True, "--word-timestamps/--no-word-timestamps", help="Time each word."),
    batched: bool = typer.Option(False, "--batched", help="Batched inference (BatchedInferencePipeline)."),
    batch_size: int = typer.Option(8, "--batch-size", help="Chunks per batch with --batched."),
    initial_prompt: Optional[str] = typer.Option(None, "--initial-prompt", help="Text that primes the vocabulary and style."),
    hotwords: Optional[str] = typer.Option(
        None, "--hotwords", help="Names to favour, comma-separated, or 'default' for pipeline/data/hotwords.txt."
    ),
    threads: int = typer.Option(0, "--threads", help="CPU threads (0 = all cores)."),
    seed: int = typer.Option(
        0, "--seed", help="Seed of the sampling used when decoding falls back to higher temperatures "
        "(the same seed gives the same text in a fresh run)."
    ),
    force: bool = typer.Option(False, "--force", help="Transcribe again even when the output is up to date."),
) -> None:
    """Transcribe audio and video files offline with faster-whisper.

    Example: conseils transcribe episode.mp3 --out out/
    """
    from .records import TranscribeOptions
    from .transcribe import audio_files, load_model, transcribe_to_dir
    from .transcribe_cli import progress_display

    options = TranscribeOptions(
        model=model, device=device, compute_type=compute_type, beam_size=beam_size, language=language,
        vad=vad, word_timestamps=word_timestamps, batched=batched, batch_size=batch_size,
        initial_prompt=initial_prompt, hotwords=hotwords, threads=threads, seed=seed,
    )
    try:
        load_model(options)  # a bad option or a missing model stops everything, before any file
    except ConseilsError as exc:
        _fail(str(exc))
    failures: list[str] = []
    with progress_display() as show:
        for path in audio_files(inputs):
            try:
                with show(path) as progress:
                    written = transcribe_to_dir(path, out, options, progress=progress, force=force)
                typer.echo(f"{path}: {show.summary(written)}")
            except ConseilsError as exc:
                failures.append(str(exc))
    _report_failures(failures)


@app.command()
def eval(  # noqa: A001 - the command's name is the user's word
    gold_dir: Path = typer.Argument(..., help="Folder of <episode>.gold.json annotations."),
    out_dir: Path = typer.Argument(..., help="A run's output folder (tips.json, glossary.json, episodes/)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score a run against gold annotations: precision, recall, F1 and attribute scores.

    Example: conseils eval tests/data/eval/gold out/
    """
    from .evaluate import format_report, score

    try:
        rows, total = score(gold_dir, out_dir)
    except ConseilsError as exc:
        _fail(str(exc))
    typer.echo(format_report(rows, total, as_json=as_json))


def main() -> None:
    try:
        app()
    except ConseilsError as exc:  # raised outside a command's own handling
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
