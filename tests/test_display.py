"""Display helpers and reader tables: complete tables beside the report, bounded in print,
searchable on screen; the stored tables the notebooks read; where charts go."""

from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from analysis import build, tables
from analysis.display import complete_table_html, show_complete_table, write_complete_table


def sample(n):
    return pd.DataFrame({"Article": [f"A{i}" for i in range(1, n + 1)],
                         "Quote": [f"第{i}句<b>x</b>" for i in range(n)],
                         "Tags": [["科技", "贷款"]] * n})


def test_a_complete_table_is_written_whole_as_csv_and_parquet(tmp_path):
    csv, parquet = write_complete_table(sample(40), "figure-list", tmp_path)
    assert csv == tmp_path / "tables" / "figure-list.csv"
    back = pd.read_parquet(parquet)
    assert len(back) == 40 and len(pd.read_csv(csv)) == 40
    assert back["Tags"].iloc[0] == "科技、贷款"  # lists as text, so both formats agree
    with pytest.raises(ValueError):
        write_complete_table(sample(1), "../escape", tmp_path)


def test_the_print_view_is_bounded_and_says_where_the_rest_is():
    soup = BeautifulSoup(complete_table_html(sample(40), "figure-list", "Every figure.",
                                             preview=15), "html.parser")
    assert len(soup.select("tbody tr")) == 15
    caption = soup.select_one("caption").get_text(" ", strip=True)
    assert "first 15 of 40 rows" in caption and "tables/figure-list.csv" in caption
    assert soup.select_one("div.complete-table")["data-table"] == "figure-list"
    # Cell text stays text.
    assert not soup.select("tbody b")
    short = BeautifulSoup(complete_table_html(sample(3), "t", "Few."), "html.parser")
    assert len(short.select("tbody tr")) == 3
    assert "first" not in short.select_one("caption").get_text()


def test_show_complete_table_writes_and_displays(tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("analysis.display._display_html", lambda markup, kind: shown.append(kind))
    show_complete_table(sample(20), "keywords", "Keywords.", folder=tmp_path)
    assert shown == ["complete-table"]
    assert (tmp_path / "tables" / "keywords.parquet").exists()
    show_complete_table(sample(0), "joins", "Every join.", folder=tmp_path)
    assert shown == ["complete-table", "prose"]  # an empty table is a sentence, not a header
    assert (tmp_path / "tables" / "joins.csv").exists()  # still written, for the analyst


def test_the_build_makes_complete_tables_searchable_and_adds_scripts_only_its_own(tmp_path):
    write_complete_table(sample(30), "figure-list", tmp_path)
    page = ("<html><head></head><body><script>alert(1)</script>"
            + complete_table_html(sample(30), "figure-list", "Every figure.")
            + complete_table_html(sample(2), "missing", "No file behind it.")
            + "</body></html>")
    soup = BeautifulSoup(build.make_tables_interactive(page, tmp_path), "html.parser")
    blocks = soup.select("div.complete-table")
    assert "interactive" in blocks[0]["class"] and "interactive" not in blocks[1]["class"]
    holder = blocks[0].select_one("div.interactive-table")
    assert holder.select_one("table#table-figure-list")
    scripts = holder.find_all("script")
    assert scripts and not any(s.get("src") for s in soup.find_all("script"))
    # Cell text reaches the table's data escaped: no tag can come out of it.
    data = " ".join(s.get_text() for s in scripts)
    assert "&lt;b&gt;x&lt;/b&gt;" in data and "<b>x</b>" not in data
    # One offline bundle for the page, inline.
    bundles = [s for s in soup.find_all("script") if "injectModule" in s.get_text()]
    assert len(bundles) == 1


def test_a_page_without_complete_tables_gets_no_script():
    page = "<html><head></head><body><p>text</p></body></html>"
    assert "<script" not in build.make_tables_interactive(page, build.REPO)


def test_only_the_seed_report_with_default_arguments_writes_the_committed_figures(tmp_path):
    assert build.default_figures_dir(build.SEEDS_DIR, build.REPORTS_DIR) == build.FIGURES_DIR
    assert build.default_figures_dir(build.SEEDS_DIR, tmp_path / "out") == tmp_path / "out" / "figures"
    assert build.default_figures_dir(tmp_path, build.REPORTS_DIR) == build.REPORTS_DIR / "figures"


def test_notebooks_read_the_stored_tables_until_a_corpus_file_changes(tmp_path, monkeypatch):
    corpus, processed = tmp_path / "corpus", tmp_path / "processed"
    corpus.mkdir()
    (corpus / "a.md").write_text("---\ntitle: 甲\ndate: 2024-01-02\n---\n\n工商银行发放科技贷款100亿元。\n",
                                 encoding="utf-8")
    data = tables.compute_report_data(corpus, processed)
    data.figures = data.figures.assign(marker="stored")  # only the stored copy has it
    path = tables.store_report_data(data, corpus, processed)
    assert path.exists()
    assert "marker" in tables.report_data(corpus, processed).figures.columns
    monkeypatch.chdir(tmp_path / "processed")  # a notebook names the folder relative to itself
    assert "marker" in tables.report_data(Path("../corpus"), processed).figures.columns
    (corpus / "b.md").write_text("建设银行发放贷款50亿元，支持人工智能企业。\n", encoding="utf-8")
    fresh = tables.report_data(corpus, processed)
    assert "marker" not in fresh.figures.columns and len(fresh.articles) == 2


def test_reader_tables_for_topics_and_keywords():
    arts = pd.DataFrame({"article_id": ["x", "y", "z"], "title": ["甲", "乙", "丙"]})
    shares = pd.DataFrame({"article_id": ["y", "y", "x"], "topic": ["policy", "ai_industry",
                                                                     "policy"],
                           "count": [1, 3, 2], "share": [0.25, 0.75, 1.0]})
    lead = tables.leading_topics(shares, arts)
    assert list(lead["Article"]) == ["A1", "A2"]  # corpus order; z has no topic words
    assert lead["Share"].tolist() == ["100%", "75%"]
    assert lead["Topic"].iloc[1].startswith("AI industry chain")
    totals = tables.topic_totals(shares)
    assert totals["topic"].tolist() == ["policy", "ai_industry"]
    assert totals["share"].sum() == pytest.approx(1)
    found = pd.DataFrame({"article_id": ["z", "z", "x"], "term": ["算力", "贷款", "芯片"]})
    keywords = tables.keyword_table(found, arts)
    assert keywords["Article"].tolist() == ["A1", "A3"]
    assert keywords.iloc[1, 2] == "算力、贷款"
