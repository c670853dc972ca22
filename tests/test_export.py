"""Exports: episode documents, tips/glossary collections (JSON, CSV, JSONL), schemas, CSV safety."""

from __future__ import annotations

import io
import json
import os

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from pipeline import export
from pipeline.errors import ExportError
from pipeline.export import (
    GLOSSARY_COLUMNS, SCHEMA_NAMES, TIP_COLUMNS, CollectionWriter, collection_rows, csv_bytes, hms, neutralise,
    schema, validator, write_collections, write_episode,
)
from pipeline.records import Episode, GlossaryEntry, Sentence, Timing, Tip, Turn, dumps


def make_episode(episode_id: str = "ep1", title: str = "Épisode 1 : l'influence") -> Episode:
    tips = [
        Tip(id=f"{episode_id}-t1", episode=episode_id, quote="Publiez sur LinkedIn du mardi au jeudi.",
            summary="Publier sur LinkedIn du mardi au jeudi.", start=303.4, end=327.0,
            categories=["network", "timing"], networks=["LinkedIn"],
            timing=Timing(days=["tuesday", "wednesday", "thursday"], frequency="weekly", frequency_count=[3]),
            confidence=0.9, sentences=[4]),
        Tip(id=f"{episode_id}-t2", episode=episode_id, quote="=HYPERLINK(\"http://x\")",
            summary="-évitez d'acheter des abonnés", start=3725.0, end=3730.5, categories=["method"],
            polarity="avoid", method="+organique", speaker="@karim", confidence=0.6),
    ]
    glossary = [GlossaryEntry(term="influence digitale", definition="L'impact sur une audience.",
                              episode=episode_id, start=45.0, end=99.0, speaker="\tguest")]
    return Episode(
        id=episode_id, source=f"{episode_id}.txt", format="webpage", title=title, language="fr",
        language_probability=0.99, duration=4000.0,
        sentences=[Sentence(index=0, text="Bonjour.", start=0.0, end=1.0, role="host", turn=0)],
        turns=[Turn(index=0, role="host", start=0.0, end=1.0)],
        tips=tips, glossary=glossary, status="ok",
    )


def test_schemas_are_valid_draft_2020_12():
    for name in SCHEMA_NAMES:
        Draft202012Validator.check_schema(schema(name))


def test_episode_and_collections_validate(tmp_path):
    episodes = [make_episode("ep2", "Deux"), make_episode("ep1")]
    for episode in episodes:
        path = write_episode(episode, tmp_path)
        validator("episode").validate(json.loads(path.read_text(encoding="utf-8")))
    write_collections(episodes, tmp_path, formats=["json", "csv", "jsonl"])
    tips = json.loads((tmp_path / "tips.json").read_text(encoding="utf-8"))
    glossary = json.loads((tmp_path / "glossary.json").read_text(encoding="utf-8"))
    assert [t["episode"] for t in tips] == ["ep1", "ep1", "ep2", "ep2"]  # sorted by episode id
    assert tips[0]["episode_title"] == "Épisode 1 : l'influence"
    assert tips[0]["timing"]["days"] == ["tuesday", "wednesday", "thursday"]
    for row in tips:
        validator("tip").validate(row)
    for row in glossary:
        validator("glossary").validate(row)
    lines = (tmp_path / "tips.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == tips


def test_failed_episode_validates(tmp_path):
    path = write_episode(Episode(id="bad", source="bad.srt", status="failed", status_reason="read: empty"), tmp_path)
    validator("episode").validate(json.loads(path.read_text(encoding="utf-8")))


def test_schema_rejects_bad_tip():
    row = make_episode().tips[0].to_dict()
    row["polarity"] = "maybe"
    assert list(validator("tip").iter_errors(row))


def test_csv_columns_and_values(tmp_path):
    write_collections([make_episode()], tmp_path)
    raw = (tmp_path / "tips.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(raw), keep_default_na=False)
    assert list(frame.columns) == TIP_COLUMNS
    first = frame.iloc[0]
    assert first["episode_title"] == "Épisode 1 : l'influence"
    assert first["days"] == "tuesday; wednesday; thursday"
    assert first["categories"] == "network; timing"
    assert first["start"] == pytest.approx(303.4)
    assert first["start_time"] == "00:05:03"
    assert frame.iloc[1]["start_time"] == "01:02:05"
    glossary = pd.read_csv(tmp_path / "glossary.csv")
    assert list(glossary.columns) == GLOSSARY_COLUMNS


def test_csv_neutralises_formula_text_cells_only(tmp_path):
    write_collections([make_episode()], tmp_path)
    frame = pd.read_csv(tmp_path / "tips.csv", keep_default_na=False)
    second = frame.iloc[1]
    assert second["quote"] == "'=HYPERLINK(\"http://x\")"
    assert second["summary"] == "'-évitez d'acheter des abonnés"
    assert second["method"] == "'+organique"
    assert second["speaker"] == "'@karim"
    glossary = pd.read_csv(tmp_path / "glossary.csv", keep_default_na=False)
    assert glossary.iloc[0]["speaker"] == "'\tguest"
    # A negative number is no formula: numeric columns stay numbers.
    row = {"episode": "e", "start": -1.5, "end": -0.25, "confidence": 0.5, "summary": "-1"}
    out = pd.read_csv(io.BytesIO(csv_bytes([row], TIP_COLUMNS)), keep_default_na=False)
    assert out.iloc[0]["start"] == -1.5 and out.iloc[0]["end"] == -0.25
    assert out.iloc[0]["summary"] == "'-1"


@given(st.text(max_size=20))
def test_neutralise_never_leaves_a_formula(text):
    cell = neutralise(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell == text or cell == "'" + text


def test_excel_flavour(tmp_path):
    write_collections([make_episode()], tmp_path, excel=True)
    raw = (tmp_path / "tips.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(raw), sep=";", decimal=",", encoding="utf-8-sig", keep_default_na=False)
    assert list(frame.columns) == TIP_COLUMNS
    assert frame.iloc[0]["start"] == pytest.approx(303.4)
    assert "303,4" in raw.decode("utf-8-sig")


@given(st.floats(min_value=0, max_value=10 * 3600, allow_nan=False))
def test_hms_round_trips_whole_seconds(seconds):
    h, m, s = (int(x) for x in hms(seconds).split(":"))
    assert h * 3600 + m * 60 + s == int(seconds) and m < 60 and s < 60


def test_unchanged_outputs_are_not_rewritten(tmp_path):
    episode = make_episode()
    path = write_episode(episode, tmp_path)
    write_collections([episode], tmp_path)
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    os.utime(path, ns=(1, 1))
    before[path] = 1
    write_episode(episode, tmp_path)
    write_collections([episode], tmp_path)
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()} == before


# Counts as ints, as lists and missing: a chunk of ints alone must not turn them into floats.
COUNT_CASES = [[3], 2, None, [1, 2], 7, None, 4]


@pytest.mark.parametrize("excel", [False, True])
def test_streamed_collections_equal_the_whole_table(tmp_path, monkeypatch, excel):
    monkeypatch.setattr(export._CsvSink, "CHUNK_ROWS", 2)  # several chunks, one of ints only
    episodes = []
    for n, count in enumerate(COUNT_CASES):
        episode = make_episode(f"ep{n}")
        episode.tips[0].timing.frequency_count = count
        episodes.append(episode)
    tips, glossary = collection_rows(episodes)
    with CollectionWriter(tmp_path, formats=["json", "csv", "jsonl"], excel=excel) as writer:
        for episode in episodes:
            one_tips, one_glossary = collection_rows([episode])
            writer.add(one_tips, one_glossary)
    for name, rows, columns in (("tips", tips, TIP_COLUMNS), ("glossary", glossary, GLOSSARY_COLUMNS)):
        assert (tmp_path / f"{name}.json").read_text(encoding="utf-8") == dumps(rows)
        assert (tmp_path / f"{name}.csv").read_bytes() == csv_bytes(rows, columns, excel=excel)
        lines = (tmp_path / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert [json.loads(line) for line in lines] == rows
    sep = ";" if excel else ","
    frame = pd.read_csv(tmp_path / "tips.csv", sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(frame["frequency_count"][::2]) == ["3", "2", "", "1; 2", "7", "", "4"]


def test_empty_collections_are_empty_lists_and_headers(tmp_path):
    with CollectionWriter(tmp_path):
        pass
    assert (tmp_path / "tips.json").read_text(encoding="utf-8") == dumps([]) == "[]\n"
    assert (tmp_path / "tips.csv").read_text(encoding="utf-8") == ",".join(TIP_COLUMNS) + "\n"


def test_a_failed_collection_write_leaves_the_old_files(tmp_path):
    write_collections([make_episode()], tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(RuntimeError):
        with CollectionWriter(tmp_path) as writer:
            writer.add(collection_rows([make_episode("ep9")])[0], [])
            raise RuntimeError("interrupted")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # no temporary file left


def test_an_unwritable_folder_is_an_export_error(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with pytest.raises(ExportError, match="file"):
        write_collections([make_episode()], blocked)
