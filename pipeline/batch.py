"""``conseils run``: every episode of a folder through transcribe -> read+segment -> extract -> export.

One code path.  The client (this process) discovers the episodes, hashes their files, looks each
stage up in the cache (``pipeline.cache``) and builds a task per episode that still has work; the
same function, ``process_episode(task) -> result``, then runs either in this process (one worker)
or, a few episodes per task, on a local Dask cluster (``workers > 1``: ``LocalCluster(processes=True,
threads_per_worker=1)``) or on an existing Dask scheduler (``scheduler``).  Workers compute and
serialise (the JSON of the cache entries and of the episode document travels as bytes); the client
writes the cache entries, the episode documents, the collections, ``run.json`` and the cache index,
each atomically, as results arrive (so a killed run resumes where it stopped).

A run on an unchanged folder computes nothing and rewrites nothing: ``run.json`` holds only what the
inputs and settings determine (the stage timings are those recorded with each cached result), and
every file is written only when its bytes change.  What this particular run did (stages run, cache
hits, wall time) goes to ``OUT/.cache/last_run.json`` and to the screen, not into the outputs.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

from .cache import Cache, compact_json, entry_bytes, file_hash, make_key
from .discover import Ignored, Source, discover, stage_version
from .errors import ExportError, InputError, OptionError
from .export import (
    CollectionWriter, check_formats, episode_bytes, episode_path, episode_rows, write_episode, write_episode_bytes,
)
from .fsutil import atomic_write_text, write_if_changed
from .records import Episode, RunOptions, to_plain, dumps

# A killed run loses at most this much of its index; the episodes it forgot come back from the cache.
INDEX_SAVE_SECONDS = 10.0
STAGE_ORDER = ("transcribe", "read", "segment", "extract")


# --------------------------------------------------------------------------- worker side


def process_episode(task: dict) -> dict:
    """Run the stages an episode still needs; pure computation, returns plain dicts.

    ``task["need"]`` is the first stage to run: ``transcribe`` (audio path in ``task["audio"]``),
    ``segment`` (read ``task["transcript"]`` or the text ``task["transcript_raw"]``, then segment) or
    ``extract`` (the segmented episode ``task["segmented"]``, or the cache entry at ``segmented_path``).
    The result carries the output of every stage that ran, with its seconds, or the error that
    stopped it (``cacheable`` when it is a property of the file, like a corrupt transcript).
    """
    from .records import ExtractOptions, SegmentOptions, TranscribeOptions

    result: dict[str, Any] = {"id": task["id"], "outputs": {}}
    stage = task["need"]
    try:
        episode: Optional[Episode] = None
        if stage == "transcribe":
            from .transcribe import transcribe_to_dir  # lazily: text-only runs never load Whisper

            options = TranscribeOptions.from_dict(task["transcribe"])
            started = time.perf_counter()
            with tempfile.TemporaryDirectory(prefix="conseils-") as tmp:
                written = transcribe_to_dir(Path(task["audio"]), Path(tmp), options)
                raw = Path(written).read_bytes()
            seconds = time.perf_counter() - started
            try:
                duration = float(json.loads(raw).get("duration") or 0.0)
            except (ValueError, AttributeError, TypeError):
                duration = 0.0
            result["outputs"]["transcribe"] = {"raw": raw.decode("utf-8"), "seconds": seconds, "audio_seconds": duration}
            stage = "segment"
            episode = _read(task, None, raw=raw)
        if stage == "segment":
            from .segment import segment

            seconds: dict[str, float] = {}
            started = time.perf_counter()
            stage = "read"
            if episode is None and "transcript_raw" in task:
                episode = _read(task, None, raw=task["transcript_raw"].encode("utf-8"))
            elif episode is None:
                episode = _read(task, Path(task["transcript"]))
            seconds["read"] = time.perf_counter() - started
            stage = "segment"
            started = time.perf_counter()
            episode = segment(episode, SegmentOptions.from_dict(task["segment"]))
            segmented_dict = episode.to_dict()
            seconds["segment"] = time.perf_counter() - started
            result["outputs"]["segment"] = {"episode_json": compact_json(segmented_dict), "seconds": seconds}
            stage = "extract"
        if stage == "extract":
            from .extract import extract

            if episode is None:
                segmented = task.get("segmented") or json.loads(
                    Path(task["segmented_path"]).read_text(encoding="utf-8"))["episode"]
                episode = Episode.from_dict(segmented)
            started = time.perf_counter()
            # The spaCy model parses an episode whose docs are not in memory (segmented earlier).
            episode = extract(episode, ExtractOptions.from_dict(task["extract"]),
                              spacy_model=task["segment"]["spacy_model"])
            episode.status = episode.status or "ok"
            episode.docs = []
            if "segment" in result["outputs"]:
                # extraction changes only these fields: no second conversion of the whole episode
                changed = ("tips", "glossary", "status", "status_reason")
                document = {**segmented_dict, **{name: to_plain(getattr(episode, name)) for name in changed}}
            else:
                document = episode.to_dict()
            # serialised here, on the worker: the client only writes bytes (it shares the cores)
            result["outputs"]["extract"] = {
                "episode_json": compact_json(document),
                "document": episode_bytes(document),
                "summary": episode_summary(document),
                "rows": compact_json(episode_rows(document)),
                "seconds": {"extract": time.perf_counter() - started},
            }
    except Exception as exc:  # noqa: BLE001 - one bad episode never stops the batch
        result["error"] = {
            "stage": stage,
            "type": type(exc).__name__,
            "message": str(exc) or type(exc).__name__,
            "cacheable": isinstance(exc, InputError),
        }
    return result


def _read(task: dict, path: Optional[Path], raw: Optional[bytes] = None) -> Episode:
    from .readers import read

    if raw is not None:  # a fresh transcription: read it from a temporary file of the same name
        with tempfile.TemporaryDirectory(prefix="conseils-") as tmp:
            path = Path(tmp) / f"{task['id']}.json"
            path.write_bytes(raw)
            episode = read(path)
    else:
        episode = read(path)
    episode.id = task["id"]
    episode.source = task["source"]
    return episode


# --------------------------------------------------------------------------- executors

# Measured on 24 generated episodes, one local worker against this process: Dask's defaults made the
# segment stage about 40 % slower.  The statistical profiler samples every thread's stack every 10 ms
# (spaCy's deep Python stacks); the 20 ms event-loop tick and the 100 ms memory monitor take the GIL
# from the task thread; MALLOC_TRIM_THRESHOLD_=65536 makes glibc return memory to the system on
# nearly every free of spaCy's many small objects.  Without them a worker runs as fast as this process.
LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "5s",
    "distributed.scheduler.work-stealing": False,  # tasks are queued on the scheduler: nothing to steal
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}


def _execute(tasks: list[dict], options: RunOptions) -> Iterator[dict]:
    """Results of ``process_episode`` over ``tasks``, in completion order."""
    if not tasks:
        return
    if options.scheduler is None and options.workers <= 1:
        for task in tasks:
            yield process_episode(task)
        return
    yield from _execute_dask(tasks, options)


# Episodes per Dask task.  Each task costs the scheduler, the client and the worker a few
# messages; a text episode takes a fraction of a second, so on two cores shipping them one by one
# spent about a tenth of a core on bookkeeping.  Chunks stay small enough for the workers to finish
# together (at least CHUNKS_PER_WORKER per worker) and results still arrive a few at a time.  Audio
# episodes take minutes each and travel alone.
MAX_CHUNK = 8
CHUNKS_PER_WORKER = 16


def process_episodes(tasks: list[dict]) -> list[dict]:
    """``process_episode`` over a chunk of tasks, on one worker."""
    return [process_episode(task) for task in tasks]


def chunked(tasks: list[dict], workers: int) -> list[list[dict]]:
    """``tasks`` (longest first) cut into consecutive chunks for ``workers`` workers."""
    texts = [t for t in tasks if t["need"] != "transcribe"]
    size = max(1, min(MAX_CHUNK, len(texts) // max(1, workers * CHUNKS_PER_WORKER)))
    chunks = [[t] for t in tasks if t["need"] == "transcribe"]
    chunks += [texts[i:i + size] for i in range(0, len(texts), size)]
    return chunks


def _execute_dask(tasks: list[dict], options: RunOptions) -> Iterator[dict]:
    import logging

    import dask
    from dask.distributed import Client, LocalCluster, as_completed

    with contextlib.ExitStack() as stack:
        # Local workers are tuned for long CPU-bound tasks in pure Python (remote workers keep their
        # own settings; the README gives the DASK_DISTRIBUTED__… variables to start them with).
        stack.enter_context(dask.config.set(LOCAL_WORKER_CONFIG))
        if options.scheduler:
            try:
                client = stack.enter_context(Client(options.scheduler, timeout="30s"))
            except (OSError, TimeoutError) as exc:
                raise OptionError(f"cannot reach the Dask scheduler at {options.scheduler}: {exc}") from exc
            workers = max(1, sum(client.nthreads().values()))
        else:
            cluster = stack.enter_context(LocalCluster(
                n_workers=options.workers, processes=True, threads_per_worker=1,
                dashboard_address=None, silence_logs=logging.ERROR,
            ))
            # results come from the workers straight to this process, not relayed by the scheduler
            client = stack.enter_context(Client(cluster, direct_to_workers=True))
            workers = options.workers
        futures = {}
        for chunk in chunked(tasks, workers):
            key = f"episodes-{chunk[0]['id']}-{len(chunk)}-{os.urandom(4).hex()}"
            futures[client.submit(process_episodes, chunk, pure=False, key=key)] = [t["id"] for t in chunk]
        for future in as_completed(list(futures)):
            try:
                results = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker that died on this chunk
                error = {"stage": "transcribe", "type": type(exc).__name__,
                         "message": str(exc) or type(exc).__name__, "cacheable": False}
                results = [{"id": episode, "outputs": {}, "error": error} for episode in futures[future]]
            future.release()
            yield from results


# --------------------------------------------------------------------------- client side


@dataclass
class Plan:
    """One episode: its source, its stage keys and where the work starts."""

    source: Source
    rel: str
    use_audio: bool
    keys: dict[str, str]
    seconds: dict[str, float] = field(default_factory=dict)  # timings of cached upstream stages
    audio_seconds: float = 0.0


@dataclass
class RunResult:
    out_dir: Path
    report: dict
    stats: dict

    @property
    def failed(self) -> list[dict]:
        return [e for e in self.report["episodes"] if e["status"] == "failed"]

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def run(
    input_dir: str | Path,
    out_dir: str | Path,
    options: Optional[RunOptions] = None,
    progress: Optional["Progress"] = None,
) -> RunResult:
    """Process every episode of ``input_dir`` into ``out_dir``; see the module docstring."""
    options = options or RunOptions()
    _check_options(options)
    started = time.perf_counter()
    input_dir, out_dir = Path(input_dir), Path(out_dir)
    sources, ignored = discover(input_dir, exclude=out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    cache = Cache(out_dir)
    cache.acquire()
    try:
        return _run_locked(input_dir, out_dir, options, cache, sources, ignored, progress or Progress(), started)
    finally:
        cache.release()


def _check_options(options: RunOptions) -> None:
    check_formats(options.formats)
    if options.workers < 1:
        raise OptionError(f"--workers must be at least 1, not {options.workers}")


def _run_locked(input_dir, out_dir, options, cache, sources, ignored, progress, started) -> RunResult:
    env = _Environment(options)
    index = cache.load_index()
    old_entries: dict[str, dict] = index["episodes"]
    entries: dict[str, dict] = {}
    stats = {"episodes": len(sources), "up_to_date": 0, "from_cache": 0, "processed": 0,
             "stages_run": {s: 0 for s in STAGE_ORDER}, "cache_hits": {s: 0 for s in ("transcribe", "segment", "extract")}}
    tasks: list[dict] = []
    plans: dict[str, Plan] = {}

    progress.start(len(sources))
    for source in sources:
        plan = _plan(source, input_dir, options, env)
        plans[source.id] = plan
        old = old_entries.get(source.id)
        if old and old.get("final") and old.get("key") == plan.keys["extract"] and _file_matches(
            episode_path(out_dir, source.id), old.get("file")
        ):
            entries[source.id] = old
            stats["up_to_date"] += 1
            progress.advance(old)
            continue
        task = _lookup(plan, cache, options, stats)
        if task is None:  # the whole chain (or its failure) is cached
            entries[source.id] = _finish(plan, cache, out_dir)
            stats["from_cache"] += 1
            progress.advance(entries[source.id])
        else:
            tasks.append(task)

    if tasks:
        progress.expect_audio(sum(plans[t["id"]].audio_seconds for t in tasks if t["need"] == "transcribe"))
        last_save = time.monotonic()
        # Longest first: a better balance between workers.
        tasks.sort(key=lambda t: (-t.pop("size"), t["id"]))
        for result in _execute(tasks, options):
            plan = plans[result["id"]]
            entries[plan.source.id] = _store(plan, result, cache, out_dir, stats)
            stats["processed"] += 1
            progress.advance(entries[plan.source.id], result["outputs"].get("transcribe", {}).get("audio_seconds", 0.0))
            if time.monotonic() - last_save > INDEX_SAVE_SECONDS:
                cache.save_index({**index, "episodes": {**old_entries, **entries}})
                last_save = time.monotonic()
    progress.stop()

    # Outputs of episodes whose file left the input folder.
    for gone in sorted(set(old_entries) - set(entries)):
        episode_path(out_dir, gone).unlink(missing_ok=True)
        (out_dir / "transcripts" / f"{gone}.json").unlink(missing_ok=True)

    report = _report(entries, sources, ignored, options, env)
    saved = dict(index)
    index = {**index, "episodes": entries}
    _write_collections(entries, sources, out_dir, options, index, cache)
    write_if_changed(out_dir / "run.json", dumps(report).encode("utf-8"))
    if tasks or index != saved:  # an unchanged run leaves the index as it found it
        cache.save_index(index)
    stats["seconds"] = round(time.perf_counter() - started, 3)
    atomic_write_text(cache.root / "last_run.json", dumps(stats))
    return RunResult(out_dir, report, stats)


def _file_matches(path: Path, recorded: Optional[list]) -> bool:
    try:
        st = path.stat()
    except OSError:
        return False
    return recorded == [st.st_size, st.st_mtime_ns]


def _plan(source: Source, input_dir: Path, options: RunOptions, env: "_Environment") -> Plan:
    rel = source.relative(input_dir)
    use_audio = source.audio is not None and (options.retranscribe or source.transcript is None)
    keys: dict[str, str] = {}
    if use_audio:
        keys["transcribe"] = make_key(
            "transcribe", file_hash(source.audio), options.transcribe.to_dict(),
            env.versions["transcribe"], env.whisper(),
        )
        upstream = keys["transcribe"]
    else:
        upstream = file_hash(source.transcript)
    keys["segment"] = make_key("segment", upstream, source.id, rel, env.settings_key["segment"])
    keys["extract"] = make_key("extract", keys["segment"], env.settings_key["extract"])
    return Plan(source, rel, use_audio, keys)


def _lookup(plan: Plan, cache: Cache, options: RunOptions, stats: dict) -> Optional[dict]:
    """The task that finishes ``plan`` from its deepest cached stage, or None when all is cached."""
    source = plan.source
    task: dict[str, Any] = {
        "id": source.id, "source": plan.rel,
        "segment": options.segment.to_dict(), "extract": options.extract.to_dict(),
        "transcribe": options.transcribe.to_dict(),
    }
    if cache.has("extract", plan.keys["extract"]):
        stats["cache_hits"]["extract"] += 1
        return None
    # Cached inputs travel as paths to local workers (memory stays flat), as data to a remote
    # cluster (OUT need not be shared with it).
    remote = options.scheduler is not None
    segmented = cache.get("segment", plan.keys["segment"])
    if segmented is not None:
        stats["cache_hits"]["segment"] += 1
        if "error" in segmented:
            return None
        plan.seconds.update(segmented["seconds"])
        if remote:
            return {**task, "need": "extract", "segmented": segmented["episode"], "size": 0}
        return {**task, "need": "extract", "segmented_path": str(cache.path("segment", plan.keys["segment"])), "size": 0}
    if plan.use_audio:
        transcript = cache.get_transcript(plan.keys["transcribe"])
        if transcript is not None:
            stats["cache_hits"]["transcribe"] += 1
            raw_path, meta = transcript
            if "error" in meta:
                return None
            plan.seconds["transcribe"] = meta["seconds"]
            plan.audio_seconds = meta.get("audio_seconds", plan.audio_seconds)
            if remote:
                return {**task, "need": "segment", "transcript_raw": raw_path.read_text(encoding="utf-8"),
                        "size": raw_path.stat().st_size}
            return {**task, "need": "segment", "transcript": str(raw_path), "size": raw_path.stat().st_size}
        plan.audio_seconds = _audio_seconds(source.audio)  # for the progress bar only
        return {**task, "need": "transcribe", "audio": str(source.audio), "size": source.audio.stat().st_size * 100}
    return {**task, "need": "segment", "transcript": str(source.transcript), "size": source.transcript.stat().st_size}


def _store(plan: Plan, result: dict, cache: Cache, out_dir: Path, stats: dict) -> dict:
    """Cache what a worker computed, then write its episode outputs; returns the index entry."""
    outputs = result["outputs"]
    seconds = dict(plan.seconds)
    error = result.get("error")
    if "transcribe" in outputs:
        stats["stages_run"]["transcribe"] += 1
        out = outputs["transcribe"]
        seconds["transcribe"] = out["seconds"]
        plan.audio_seconds = out["audio_seconds"]
        cache.put_transcript(plan.keys["transcribe"], out["raw"].encode("utf-8"), {
            "seconds": out["seconds"], "audio_seconds": out["audio_seconds"],
        })
    if "segment" in outputs:
        stats["stages_run"]["read"] += 1
        stats["stages_run"]["segment"] += 1
        seconds.update(outputs["segment"]["seconds"])
        cache.put_bytes("segment", plan.keys["segment"], entry_bytes({"seconds": seconds}, outputs["segment"]["episode_json"]))
    if "extract" in outputs:
        stats["stages_run"]["extract"] += 1
        out = outputs["extract"]
        seconds.update(out["seconds"])
        meta = {"seconds": seconds, "audio_seconds": plan.audio_seconds}
        cache.put_bytes("extract", plan.keys["extract"], entry_bytes(meta, out["episode_json"]))
        return _publish(plan, cache, out_dir, out["summary"], out["document"], out["rows"], seconds,
                        plan.audio_seconds)
    if error is not None:
        error = {k: v for k, v in error.items() if k in ("stage", "type", "message")} | {
            "cacheable": error.get("cacheable", False)}
        if error["cacheable"]:
            entry = {"seconds": seconds, "audio_seconds": plan.audio_seconds, "error": error}
            if error["stage"] == "transcribe":
                cache.put_transcript(plan.keys["transcribe"], b"", entry)
            elif error["stage"] in ("read", "segment"):
                cache.put("segment", plan.keys["segment"], entry)
            else:
                cache.put("extract", plan.keys["extract"], entry)
        return _failed_entry(plan, error, seconds, plan.audio_seconds, out_dir, final=error["cacheable"])
    raise AssertionError(f"episode {plan.source.id}: a result with neither output nor error")


def _finish(plan: Plan, cache: Cache, out_dir: Path) -> dict:
    """Write the episode outputs of a plan from its cached extract entry, or from the failure
    cached upstream."""
    entry = cache.get("extract", plan.keys["extract"])
    if entry is None:  # a cached failure upstream
        upstream = cache.get("segment", plan.keys["segment"])
        if upstream is None and plan.use_audio:
            upstream = cache.get_transcript(plan.keys["transcribe"])[1]
        entry = upstream
    if "error" in entry:
        return _failed_entry(plan, entry["error"], entry.get("seconds", {}), entry.get("audio_seconds", 0.0), out_dir,
                             final=True)
    episode = entry["episode"]
    rows = None if cache.has("rows", plan.keys["extract"]) else compact_json(episode_rows(episode))
    return _publish(plan, cache, out_dir, episode_summary(episode), episode_bytes(episode), rows, entry["seconds"],
                    entry.get("audio_seconds", 0.0))


def _publish(plan: Plan, cache: Cache, out_dir: Path, summary: dict, document: bytes, rows: Optional[bytes],
             seconds: dict, audio_seconds: float) -> dict:
    """Write an episode's document (and its transcription, for audio), cache its collection rows
    (``rows``, None when already cached) and return its index entry."""
    if rows is not None and (summary["counts"]["tips"] or summary["counts"]["glossary"]):
        cache.put_bytes("rows", plan.keys["extract"], rows)
    if plan.use_audio:  # the transcription, for people who want to correct it
        transcript = cache.get_transcript(plan.keys["transcribe"])
        if transcript is not None:
            write_if_changed(out_dir / "transcripts" / f"{plan.source.id}.json", transcript[0].read_bytes())
    path = write_episode_bytes(plan.source.id, document, out_dir)
    return _entry(plan, summary, seconds, audio_seconds, path)


def episode_summary(episode: dict) -> dict:
    """What the run's index and reports keep of an episode document (not its tips: the index stays
    small however many episodes the folder holds)."""
    return {
        "status": episode.get("status") or "ok", "status_reason": episode.get("status_reason"),
        "language": episode.get("language"), "language_probability": episode.get("language_probability"),
        "title": episode.get("title"),
        "counts": {name: len(episode.get(name) or []) for name in ("segments", "sentences", "turns", "tips", "glossary")},
    }


def _failed_entry(plan: Plan, error: dict, seconds: dict, audio_seconds: float, out_dir: Path, final: bool) -> dict:
    episode = Episode(id=plan.source.id, source=plan.rel, status="failed",
                      status_reason=f"{error['stage']}: {error['message']}")
    path = write_episode(episode, out_dir)
    entry = _entry(plan, episode_summary(episode.to_dict()), seconds, audio_seconds, path)
    entry["error"] = {k: error[k] for k in ("stage", "type", "message")}
    entry["final"] = final
    return entry


def _entry(plan: Plan, summary: dict, seconds: dict, audio_seconds: float, path: Path) -> dict:
    st = path.stat()
    entry = {
        "key": plan.keys["extract"], "final": True, "source": plan.rel,
        "status": summary["status"],
        "language": summary["language"], "language_probability": summary["language_probability"],
        "title": summary["title"],
        "counts": summary["counts"],
        "timings": {k: round(v, 3) for k, v in sorted(seconds.items(), key=lambda kv: STAGE_ORDER.index(kv[0]))},
        "file": [st.st_size, st.st_mtime_ns],
    }
    if entry["status"] == "skipped":
        entry["reason"] = summary["status_reason"] or "skipped"
    if plan.use_audio:
        entry["audio_seconds"] = round(audio_seconds or 0.0, 3)
    return entry


def _write_collections(entries: dict, sources: list[Source], out_dir: Path, options: RunOptions, index: dict,
                       cache: Cache) -> None:
    """tips.* and glossary.* streamed from each episode's cached rows, one episode at a time (memory
    stays flat); skipped (pandas never imported) when the episodes' results, formats and files are
    those of the last run."""
    ordered = [entries[s.id] for s in sources]
    # an entry's tips and glossary are determined by its extract key (or its failure)
    key = make_key("collections", [(s.id, e["key"], e.get("error")) for s, e in zip(sources, ordered)],
                   sorted(options.formats), options.excel)
    recorded = index.get("collections") or {}
    if recorded.get("key") == key and all(
        _file_matches(out_dir / name, stat) for name, stat in (recorded.get("files") or {}).items()
    ):
        return
    with CollectionWriter(out_dir, options.formats, options.excel) as writer:
        for source, entry in zip(sources, ordered):
            if "error" in entry or not (entry["counts"]["tips"] or entry["counts"]["glossary"]):
                continue
            rows = cache.get("rows", entry["key"])
            if rows is None:  # a cache entry lost since: the episode's document holds the same rows
                path = episode_path(out_dir, source.id)
                try:
                    rows = episode_rows(json.loads(path.read_text(encoding="utf-8")))
                except (OSError, ValueError) as exc:
                    raise ExportError(f"{path}: cannot read the episode's tips back ({exc})") from exc
                cache.put("rows", entry["key"], rows)
            writer.add(rows["tips"], rows["glossary"])
    paths = writer.paths
    for stale in set((recorded.get("files") or {})) - {p.name for p in paths}:
        (out_dir / stale).unlink(missing_ok=True)  # e.g. tips.jsonl after dropping --format jsonl
    index["collections"] = {"key": key, "files": {p.name: [p.stat().st_size, p.stat().st_mtime_ns] for p in paths}}


def _report(entries: dict, sources: list[Source], ignored: list[Ignored], options: RunOptions, env: "_Environment") -> dict:
    episodes = []
    for source in sources:
        entry = entries[source.id]
        item: dict[str, Any] = {"id": source.id, "source": entry["source"], "status": entry["status"]}
        if "reason" in entry:
            item["reason"] = entry["reason"]
        if "error" in entry:
            item["error"] = entry["error"]
        item.update(language=entry["language"], language_probability=entry["language_probability"],
                    title=entry["title"], counts=entry["counts"], timings=entry["timings"])
        if "audio_seconds" in entry:
            item["audio_seconds"] = entry["audio_seconds"]
        episodes.append(item)
    models: dict[str, Any] = {"spacy": {"name": options.segment.spacy_model, "version": env.spacy[1]}}
    if any("audio_seconds" in entries[s.id] for s in sources):
        name, checksum = env.whisper()
        models["whisper"] = {"name": name, "checksum": checksum}
    counts = {status: sum(e["status"] == status for e in episodes) for status in ("ok", "skipped", "failed")}
    settings = options.to_dict()
    for transient in ("workers", "scheduler", "quiet"):
        settings.pop(transient, None)
    settings["formats"] = sorted(set(settings["formats"]) | {"json", "csv"})
    return {
        "tool": {"name": "conseils", "version": env.tool_version, "stages": env.versions},
        "models": models,
        "settings": settings,
        "summary": {"episodes": len(episodes), **counts,
                    "tips": sum(e["counts"]["tips"] for e in episodes),
                    "glossary": sum(e["counts"]["glossary"] for e in episodes),
                    "ignored": len(ignored)},
        "episodes": episodes,
        "ignored": [{"path": i.path, "reason": i.reason} for i in ignored],
    }


def _audio_seconds(path: Path) -> float:
    """Length of an audio file from its container header (PyAV, installed with faster-whisper);
    0 when unknown. Only feeds the progress bar."""
    try:
        import av

        with av.open(str(path)) as container:
            return float(container.duration or 0) / 1_000_000
    except Exception:  # noqa: BLE001 - a corrupt file fails later, in the transcribe stage
        return 0.0


class _Environment:
    """Versions that key the cache and fill run.json, read without importing spaCy or Whisper."""

    def __init__(self, options: RunOptions):
        self.options = options
        self.versions = {stage: stage_version(stage) for stage in ("transcribe", "readers", "segment", "extract")}
        self.spacy = (options.segment.spacy_model, _spacy_model_version(options.segment.spacy_model))
        # what keys each stage besides its input, hashed once per run rather than once per episode
        self.settings_key = {
            "segment": make_key(options.segment.to_dict(), self.versions["readers"], self.versions["segment"], self.spacy),
            "extract": make_key(options.extract.to_dict(), self.versions["extract"], tip_model_digest()),
        }
        try:
            self.tool_version = importlib.metadata.version("conseils")
        except importlib.metadata.PackageNotFoundError:
            self.tool_version = "0+unknown"
        self._whisper: Optional[tuple[str, Optional[str]]] = None

    def whisper(self) -> tuple[str, Optional[str]]:
        if self._whisper is None:
            self._whisper = _whisper_identity(self.options.transcribe.model)
        return self._whisper


def tip_model_digest() -> str:
    """The extraction's models' files (tips, networks, times of day, days, joins, glossary terms), hashed: a
    retrained model redoes the extraction like a new rule (read as package data, without importing the extraction
    stage and spaCy with it)."""
    from importlib import resources

    data = resources.files("pipeline").joinpath("data")
    digest = hashlib.sha256()
    for name in ("tip_model.json", "network_model.json", "time_model.json", "day_model.json", "join_model.json",
                 "term_model.json"):
        digest.update(data.joinpath(name).read_bytes())
    return digest.hexdigest()


def _spacy_model_version(name: str) -> Optional[str]:
    path = Path(name)
    if path.is_dir() and (path / "meta.json").is_file():
        try:
            return json.loads((path / "meta.json").read_text(encoding="utf-8")).get("version")
        except (OSError, ValueError):
            return None
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def default_whisper_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "models" / "faster-whisper-base"


def _whisper_identity(model: Optional[str]) -> tuple[str, Optional[str]]:
    """(name, checksum) of the Whisper model: the sha256 of the manifest stamp that models/build.py
    writes into a verified model folder (``conseils-model.json``), else of its config.json."""
    import hashlib

    folder = Path(model) if model else default_whisper_dir()
    try:
        from .transcribe import resolve_model  # the folder the stage itself will load

        resolved = resolve_model(model)
        if resolved.is_dir:
            folder = Path(resolved.ref)
    except Exception:  # noqa: BLE001 - an unknown model fails in the transcribe stage, with its message
        pass
    if not folder.is_dir():
        return (model or folder.name), None
    for name in ("conseils-model.json", "config.json"):
        if (folder / name).is_file():
            return folder.name, hashlib.sha256((folder / name).read_bytes()).hexdigest()
    return folder.name, None


# --------------------------------------------------------------------------- progress


class Progress:
    """Progress over episodes (and audio time when transcribing); silent by default."""

    def start(self, total: int) -> None: ...

    def expect_audio(self, seconds: float) -> None: ...

    def advance(self, entry: dict, audio_seconds: float = 0.0) -> None: ...

    def stop(self) -> None: ...


class RichProgress(Progress):
    """A rich progress bar on stderr, with a line per failed or skipped episode."""

    def __init__(self, console=None):
        from rich.console import Console

        self.console = console or Console(stderr=True)
        self.bar = None

    def start(self, total: int) -> None:
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        self.bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TimeElapsedColumn(), TimeRemainingColumn(), console=self.console, transient=False)
        self.bar.start()
        self.episodes = self.bar.add_task("episodes", total=total)
        self.audio = None

    def expect_audio(self, seconds: float) -> None:
        if seconds > 0:
            self.audio = self.bar.add_task("audio (s)", total=round(seconds))

    def advance(self, entry: dict, audio_seconds: float = 0.0) -> None:
        from rich.markup import escape

        self.bar.advance(self.episodes)
        if self.audio is not None and audio_seconds:
            self.bar.advance(self.audio, round(audio_seconds))
        if entry["status"] == "failed":
            self.bar.console.print(f"[red]failed[/red] {escape(entry['source'])}: "
                                   f"{escape(entry['error']['message'])}", highlight=False)
        elif entry["status"] == "skipped":
            self.bar.console.print(f"[yellow]skipped[/yellow] {escape(entry['source'])}: "
                                   f"{escape(str(entry.get('reason')))}", highlight=False)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
