"""The engines: the same tables as load_corpus and the stage in one process, whatever the
partitioning, in this process's pool or on a two-worker dask LocalCluster."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.corpus import load_corpus
from analysis.engine import PARTITION_FILES, partition, run
from analysis.figures import extract_figures
from analysis.io import TableSink, records, write_table
from analysis.stories import assign_stories
from analysis.text import TermOptions
from analysis.topics import term_counts
from tests.conftest import ROOT, SEEDS
from tests.test_stories import OWN, change_characters


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    """The seeds, our own three stories, a repost of one, an exact copy of a seed under
    another name, an undated story its folder's manifest dates, and three files that are not
    articles; sorted so that the copies come late."""
    folder = tmp_path_factory.mktemp("engine-corpus")
    for path in SEEDS.iterdir():
        shutil.copy(path, folder / path.name)
    for number, (key, text) in enumerate(OWN.items()):
        (folder / f"own_{number}.md").write_text(
            f"---\ntitle: {key}\ndate: 2024-0{number + 1}-15\n---\n\n{text}\n", encoding="utf-8")
    (folder / "z_repost.txt").write_text(  # a new title, a source line, characters changed
        "转载：loans\n\n来源：某某财经网\n\n" + change_characters(OWN["loans"]) + "\n",
        encoding="utf-8")
    shutil.copy(SEEDS / sorted(p.name for p in SEEDS.iterdir())[0], folder / "z_copy.txt")
    (folder / "empty.md").write_bytes(b"")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / "undated.md").write_text("今年一季度末，兴业银行绿色贷款余额9000亿元。\n", encoding="utf-8")
    (folder / "MANIFEST.tsv").write_text("file\tdate\nundated.md\t2025-05-02\n", encoding="utf-8")
    (folder / "README.md").write_text("# 测试语料：种子文章与自编文章\n", encoding="utf-8")
    return folder


def in_process(stage: str, folder) -> pd.DataFrame:
    articles = load_corpus(folder, segmenter="rjieba").articles
    if stage == "articles":
        return assign_stories(articles)
    if stage == "figures":
        return extract_figures(articles)
    return term_counts(articles, TermOptions(segmenter="rjieba"), processes=1)


def read(path) -> list[dict]:
    return records(pd.read_parquet(path))


@pytest.mark.parametrize("stage", ["articles", "figures", "terms"])
@pytest.mark.parametrize("workers, partition_files", [(1, None), (2, 2)])
def test_local_engine_equals_load_corpus_and_the_stage(stage, workers, partition_files,
                                                       corpus_dir, tmp_path):
    out = tmp_path / f"{stage}.parquet"
    result = run(stage, corpus_dir, out, workers=workers, partition_files=partition_files,
                 options={"segmenter": "rjieba"})
    expected = in_process(stage, corpus_dir)
    assert read(out) == records(expected)
    assert result.rows == len(expected)
    reference = load_corpus(corpus_dir)
    assert result.corpus.summary() == reference.summary()
    assert records(result.corpus.log) == records(reference.log)


def test_the_repost_and_its_original_share_a_story_across_partitions(corpus_dir, tmp_path):
    run("articles", corpus_dir, tmp_path / "a.parquet", workers=2, partition_files=2)
    articles = pd.read_parquet(tmp_path / "a.parquet").set_index("source_file")
    assert articles.loc["z_repost.txt", "story_id"] == articles.loc["own_0.md", "story_id"]
    assert articles.loc["own_0.md", "story_size"] == 2
    assert articles["story_id"].nunique() == len(articles) - 1
    assert "z_copy.txt" not in articles.index  # the exact copy is dropped, not grouped


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


@pytest.mark.parametrize("stage", ["articles", "figures", "terms"])
def test_dask_engine_equals_the_local_engine(stage, corpus_dir, cluster, tmp_path):
    local = tmp_path / f"local-{stage}.parquet"
    remote = tmp_path / f"dask-{stage}.parquet"
    expected = run(stage, corpus_dir, local, workers=1)
    result = run(stage, corpus_dir, remote, engine="dask", scheduler=cluster.scheduler_address,
                 partition_files=3)
    assert remote.is_dir() and len(list(remote.glob("part-*.parquet"))) > 1
    assert read(remote) == read(local)
    assert result.corpus.summary() == expected.corpus.summary()
    assert records(result.corpus.log) == records(expected.corpus.log)


def test_the_command_line_runs_on_its_own_local_cluster(tmp_path):
    out = tmp_path / "articles.parquet"
    done = subprocess.run([sys.executable, "-m", "analysis", "articles", str(SEEDS), "-o", str(out),
                           "--engine", "dask"], capture_output=True, text=True, cwd=ROOT,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    assert "2 files read, 4 articles, 0 skipped" in done.stderr
    assert records(pd.read_parquet(out)) == records(in_process("articles", SEEDS))


def test_a_scheduler_without_the_dask_engine_is_refused(tmp_path):
    done = subprocess.run([sys.executable, "-m", "analysis", "terms", str(SEEDS), "-o",
                           str(tmp_path / "t.csv"), "--scheduler", "tcp://127.0.0.1:8786"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 2 and "--engine dask" in done.stderr


# ---------------------------------------------------------------- streaming output


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_a_table_written_in_chunks_equals_one_written_whole(suffix, seed_corpus, tmp_path):
    articles = seed_corpus.articles
    write_table(articles, tmp_path / f"whole{suffix}")
    sink = TableSink(tmp_path / f"chunks{suffix}")
    for start in range(len(articles)):
        sink.write(articles.iloc[start: start + 1])
    sink.close()
    whole, chunks = tmp_path / f"whole{suffix}", tmp_path / f"chunks{suffix}"
    if suffix == ".parquet":
        assert read(whole) == read(chunks)
    else:
        assert whole.read_text(encoding="utf-8") == chunks.read_text(encoding="utf-8")


@pytest.mark.parametrize("read_once_bytes", [0, 2**30])  # large outputs read twice, small once
def test_a_column_empty_in_the_first_chunk_takes_its_type_from_later_ones(tmp_path, monkeypatch,
                                                                         read_once_bytes):
    monkeypatch.setattr("analysis.io.READ_ONCE_BYTES", read_once_bytes)
    sink = TableSink(tmp_path / "t.parquet", partitioned=True)
    sink.write(pd.DataFrame({"a": [1], "note": [None], "tags": [[]]}))
    sink.write(pd.DataFrame({"a": [2], "note": ["贷款"], "tags": [["银行", "科技"]]}))
    sink.close()
    table = pd.read_parquet(tmp_path / "t.parquet")
    assert records(table) == [{"a": 1, "note": None, "tags": []},
                              {"a": 2, "note": "贷款", "tags": ["银行", "科技"]}]


def test_no_rows_still_writes_the_columns(tmp_path):
    sink = TableSink(tmp_path / "t.csv")
    sink.close(empty=pd.DataFrame(columns=["article_id", "term"]))
    assert (tmp_path / "t.csv").read_text(encoding="utf-8").strip() == "article_id,term"


@given(st.lists(st.text(min_size=1, max_size=5), max_size=300), st.integers(1, 8),
       st.one_of(st.none(), st.integers(1, 50)))
def test_partitions_keep_every_file_once_in_order(names, workers, size):
    parts = partition(names, workers, size)
    assert [name for part in parts for name in part] == names
    assert all(0 < len(part) <= (size or PARTITION_FILES) for part in parts)
    if size is None and len(names) >= workers * 4:
        assert len(parts) >= workers  # every worker gets work


# ---------------------------------------------------------------- the report's tables


def same_tables(got, expected) -> None:
    """Every table of two ReportData equal, row for row and column for column."""
    for name in ("articles", "log", "figures", "terms", "facts"):
        ours, theirs = getattr(got, name), getattr(expected, name)
        assert list(ours.columns) == list(theirs.columns), name
        assert records(ours) == records(theirs), name


@pytest.fixture(scope="module")
def report_reference(corpus_dir):
    from analysis.tables import compute_report_data

    return compute_report_data(corpus_dir, None)


def test_the_report_tables_from_the_dask_engine_equal_the_pipelines(corpus_dir, cluster,
                                                                    report_reference):
    from analysis.tables import compute_report_data

    data = compute_report_data(corpus_dir, None, engine="dask",
                               scheduler=cluster.scheduler_address, partition_files=3)
    same_tables(data, report_reference)
    # The repost joins its original's story across partitions; the exact copy is dropped.
    stories = data.articles.set_index("source_file")["story_id"]
    assert stories["z_repost.txt"] == stories["own_0.md"]
    assert "z_copy.txt" not in stories.index
    assert len(data.figures) and len(data.terms) and len(data.facts)


def test_the_report_tables_from_the_local_engine_equal_the_pipelines(corpus_dir,
                                                                     report_reference):
    from analysis.tables import compute_report_data

    data = compute_report_data(corpus_dir, None, engine="local", workers=2, partition_files=2)
    same_tables(data, report_reference)


def test_a_report_scheduler_without_the_dask_engine_is_refused(tmp_path):
    done = subprocess.run([sys.executable, "-m", "analysis", "report", str(SEEDS), "--reports",
                           str(tmp_path), "--scheduler", "tcp://127.0.0.1:8786"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 2 and "--engine dask" in done.stderr
    assert not (tmp_path / "report.pdf").exists()


def test_the_manifest_dates_an_undated_file_in_every_partition(corpus_dir, tmp_path):
    out = tmp_path / "figures.parquet"
    run("figures", corpus_dir, out, workers=2, partition_files=1, options={"segmenter": "rjieba"})
    figures = pd.read_parquet(out)
    assert list(figures.loc[figures["source_file"] == "undated.md", "as_of"]) == ["2025-03"]


def test_an_article_whose_figures_raise_is_a_warning_of_the_log(tmp_path,
                                                                figures_fail_on_error_text):
    # the report's log names the file and why; the other articles' figures are in the table
    from analysis.engine import run_partition

    (tmp_path / "a.md").write_text("出错的文章。该行贷款余额100亿元。", encoding="utf-8")
    (tmp_path / "b.md").write_text("该行贷款余额200亿元。", encoding="utf-8")
    result = run_partition(["a.md", "b.md"], str(tmp_path), "figures", {})
    assert [(p["file"], p["kind"]) for p in result.problems] == [("a.md", "warning")]
    assert "a text no rule foresaw" in result.problems[0]["detail"]
    assert result.tables["figures"]["source_file"].tolist() == ["b.md"]
