"""Loading a hostile corpus folder: every bad file is named with its reason, good files survive."""

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus import load_corpus
from analysis.loading import decode_bytes, document_from_bytes, split_front_matter
from tests.conftest import CLS_ARTICLE, ROOT, SEEDS

SIMPLIFIED = "中国银行率先发布《支持人工智能产业链发展行动方案》，计划提供不低于1万亿元专项综合金融支持。"
TRADITIONAL = "中國銀行率先發布《支持人工智慧產業鏈發展行動方案》，計劃提供不低於1萬億元專項綜合金融支持。"
FRONT = '---\ntitle: "银行抢食AI产业链"\ndate: "2025-02-14 14:51:14"\ntags: [银行, AI]\n---\n\n'


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED),
        (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED),
        (SIMPLIFIED.encode("gbk"), "gb18030", SIMPLIFIED),
        (SIMPLIFIED.encode("gb18030"), "gb18030", SIMPLIFIED),
        (TRADITIONAL.encode("big5"), "big5", TRADITIONAL),
        (SIMPLIFIED.encode("utf-16"), "utf-16", SIMPLIFIED),
    ],
)
def test_common_chinese_encodings_are_detected(data, encoding, text):
    assert decode_bytes(data) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ],
)
def test_unusable_bytes_are_skipped_with_a_reason(data, reason):
    document, problems = document_from_bytes("x.txt", data)
    assert document is None
    assert problems[-1].kind == "skipped" and problems[-1].reason.startswith(reason)


def test_front_matter_with_bom_and_crlf():
    data = b"\xef\xbb\xbf" + (FRONT + SIMPLIFIED).replace("\n", "\r\n").encode("utf-8")
    document, problems = document_from_bytes("a.md", data)
    assert problems == []
    assert document.metadata == {"title": "银行抢食AI产业链", "date": "2025-02-14",
                                 "tags": ["银行", "AI"]}
    assert document.body.strip() == SIMPLIFIED


def test_front_matter_is_parsed_safely():
    meta, body, warning = split_front_matter("---\ntitle: !!python/object/apply:os.system [ls]\n---\n正文")
    assert meta == {} and body.strip() == "正文" and "invalid YAML" in warning


def test_broken_front_matter_keeps_the_body_with_a_warning():
    document, problems = document_from_bytes("b.md", f'---\ntitle: "未闭合\n---\n{SIMPLIFIED}'.encode())
    assert document.body.strip() == SIMPLIFIED
    assert [p.kind for p in problems] == ["warning"] and "invalid YAML" in problems[0].reason


def test_impossible_date_is_reported_and_dropped():
    document, problems = document_from_bytes("c.md", f"---\ndate: 2025-02-30\n---\n{SIMPLIFIED}".encode())
    assert "date" not in document.metadata
    assert "impossible or unreadable date" in problems[0].reason


def test_seed_front_matter(seed_articles):
    article = seed_articles.iloc[0]
    assert article["source_file"] == CLS_ARTICLE
    assert article["summary"].startswith("财联社2月14日讯")
    assert article["tags"] == ["qq"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_the_loader_never_raises_on_arbitrary_bytes(data):
    document, problems = document_from_bytes("fuzz.txt", data)
    assert document is not None or problems[-1].kind == "skipped"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_the_loader_never_raises_on_arbitrary_text(text, encoding):
    data = ("---\n" + text).encode(encoding, errors="replace")
    document, problems = document_from_bytes("fuzz.md", data)
    assert document is not None or problems


# ---------------------------------------------------------------- a hostile folder, end to end


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    seed = (SEEDS / CLS_ARTICLE).read_bytes()
    files = {
        "good.md": seed,
        "copy of good.md": seed,
        "good-reflowed.txt": seed.replace(b"\n", b"\r\n").replace("。".encode(), "。 ".encode()),
        "bom-crlf.md": b"\xef\xbb\xbf" + (FRONT + SIMPLIFIED + "\n").replace("\n", "\r\n").encode(),
        "gbk.txt": ("# 国有大行加码科技贷款\n\n" + SIMPLIFIED).encode("gbk"),
        "big5.txt": ("# 銀行搶食AI產業鏈\n\n" + TRADITIONAL).encode("big5"),
        "empty.txt": b"",
        "junk.txt": bytes(range(256)) * 8,
        "report.docx": b"PK\x03\x04 not really a docx",
        "scan.pdf": b"%PDF-1.4",
        "page.html": b"<html></html>",
        "broken-yaml.md": f'---\ntitle: "未闭合\n---\n{SIMPLIFIED}'.encode(),
        "bad-date.md": f"---\ndate: 2025-02-30\n---\n{SIMPLIFIED}另有报道称贷款增长。".encode(),
        "english.txt": b"Banks lend to AI firms. Nothing Chinese here.",
        "script.md": ('---\ntitle: "<script>alert(1)</script>银行"\n---\n'
                      "<b>加粗</b>正文<script>alert(2)</script>，银行发放贷款1000万元。").encode(),
        "large.txt": "\n\n".join(
            f"{i}号：工商银行向第{i}家科技型企业发放贷款{i * 7}万元，期限{i % 5 + 1}年。"
            for i in range(60000)
        ).encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def hostile_run(hostile, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = run_cli("articles", hostile, "-o", out / "articles.jsonl", "--log", out / "log.csv")
    rows = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    return result, rows


def test_hostile_folder_exits_zero_without_traceback(hostile_run):
    result, _ = hostile_run
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("junk.txt", "binary"),
        ("report.docx", "unsupported file type '.docx'"),
        ("scan.pdf", "unsupported file type '.pdf'"),
        ("page.html", "web page without main text"),
        ("english.txt", "no Chinese text"),
        ("good-reflowed.txt", "duplicate of copy of good.md"),
        ("good.md", "duplicate of copy of good.md"),
        ("broken-yaml.md", "invalid YAML front matter"),
        ("bad-date.md", "impossible or unreadable date"),
    ],
)
def test_every_bad_file_is_named_with_its_reason(hostile_run, name, reason):
    result, _ = hostile_run
    assert any(name in line and reason in line for line in result.stderr.splitlines()), result.stderr


def test_every_good_file_is_still_read(hostile_run):
    _, rows = hostile_run
    files = {row["source_file"] for row in rows}
    assert files == {"bom-crlf.md", "gbk.txt", "big5.txt", "broken-yaml.md", "bad-date.md",
                     "script.md", "large.txt", "copy of good.md"}
    by_file = {row["source_file"]: row for row in rows}
    assert by_file["gbk.txt"]["title"] == "国有大行加码科技贷款"
    assert by_file["big5.txt"]["title"] == "銀行搶食AI產業鏈"
    assert by_file["broken-yaml.md"]["text"] == SIMPLIFIED
    assert by_file["large.txt"]["n_chars"] > 1_000_000


def test_duplicates_are_kept_once_and_named(hostile_run):
    result, _ = hostile_run
    duplicates = [line for line in result.stderr.splitlines()
                  if line.startswith("skipped:") and "duplicate of" in line]
    assert len(duplicates) == 2
    assert all(line.endswith("duplicate of copy of good.md") for line in duplicates)


def test_scripts_leave_the_title_and_the_body(hostile_run):
    _, rows = hostile_run
    (row,) = [r for r in rows if r["source_file"] == "script.md"]
    assert row["title"] == "银行"
    assert row["text"] == "加粗正文，银行发放贷款1000万元。"


@pytest.mark.parametrize(
    ("title", "plain"),
    [("<em>银行</em>加码<font color=red>科技</font>贷款", "银行加码科技贷款"),
     ("&quot;双降&quot;落地", '"双降"落地'), ("第一行<br>第二行", "第一行 第二行"),
     ("若a<b则c", "若a<b则c"), ("R&D投入", "R&D投入")],
)
def test_markup_in_titles_is_read_as_text(title, plain):
    document, _ = document_from_bytes("a.md", f"---\ntitle: '{title}'\n---\n{SIMPLIFIED}".encode())
    assert document.metadata["title"] == plain


def test_summary_line_counts_files_articles_and_skips(hostile_run):
    result, _ = hostile_run
    summary = result.stderr.strip().splitlines()[-2]
    assert summary.startswith("16 files read, 8 articles, 8 skipped"), summary


def test_no_article_at_all_exits_two(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("articles", tmp_path, "-o", tmp_path / "a.csv")
    assert result.returncode == 2
    assert "no article could be loaded" in result.stderr and "Traceback" not in result.stderr


def test_missing_folder_exits_two(tmp_path):
    result = run_cli("articles", tmp_path / "nowhere", "-o", tmp_path / "a.csv")
    assert result.returncode == 2 and "does not exist" in result.stderr


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_articles_command_writes_each_format(tmp_path, suffix):
    out = tmp_path / f"articles{suffix}"
    result = run_cli("articles", "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == "2 files read, 4 articles, 0 skipped"
    import pandas as pd

    table = {".csv": pd.read_csv, ".jsonl": lambda p: pd.read_json(p, lines=True),
             ".parquet": pd.read_parquet}[suffix](out)
    assert list(table.columns[:10]) == ["article_id", "source_file", "title", "outlet", "authors",
                                        "place", "date", "date_source", "continued_from", "sections"]
    assert len(table) == 4


def test_unknown_output_format_is_refused(tmp_path):
    result = run_cli("articles", "-o", tmp_path / "a.xlsx")
    assert result.returncode == 2 and "use one of .csv, .jsonl, .parquet" in result.stderr


def test_corpus_log_is_a_dataframe_for_the_report(seed_corpus):
    assert list(seed_corpus.log.columns) == ["file", "article_id", "kind", "detail", "removed"]
    assert set(seed_corpus.log["kind"]) >= {"join", "duplicate", "split", "moved", "note", "byline"}


def test_load_corpus_reads_nested_folders(tmp_path):
    (tmp_path / "2025" / "02").mkdir(parents=True)
    (tmp_path / "2025" / "02" / "a.md").write_text(SIMPLIFIED, encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "b.md").write_text(SIMPLIFIED + "再来一次。", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert list(corpus.articles["article_id"]) == ["2025/02/a-1"]


# ---------------------------------------------------------------- front matter wherever it starts

HEXO = ("---\ntitle: '银行抢食AI产业链'\ncategories: \n - 金融\n - 财联社\nauthor: 财联社\n"
        "comments: false\ndate: Mon, 14 Feb 2022 18:00:00 GMT\n---\n\n")


@pytest.mark.parametrize("lead", ["", "\n", "\n\n", "  \n\t\n", "\ufeff", "\ufeff\n\n", "   "])
def test_front_matter_after_blank_lines_whitespace_or_a_bom(lead):
    document, problems = document_from_bytes("a.md", (lead + HEXO + SIMPLIFIED).encode())
    assert problems == []
    assert document.metadata["title"] == "银行抢食AI产业链"
    assert document.metadata["date"] == "2022-02-15"  # 18:00 GMT is the next day in Beijing
    assert document.body.strip() == SIMPLIFIED


def test_hexo_author_that_names_the_feed_is_the_outlet():
    document, _ = document_from_bytes("a.md", (HEXO + SIMPLIFIED).encode())
    assert document.metadata["outlet"] == "财联社"
    assert "authors" not in document.metadata
    assert document.metadata["tags"] == ["金融", "财联社"]


@pytest.mark.parametrize(
    ("front", "authors", "outlet"),
    [
        ("author: 王小明\n", ["王小明"], None),
        ("author: 王小明、李四\n", ["王小明", "李四"], None),
        ("authors: [王小明, 李四]\nsource: 证券时报\n", ["王小明", "李四"], "证券时报"),
        ("author: 新浪财经\n", None, "新浪财经"),
        ("author: 证券时报网\n", None, "证券时报网"),
        ("author:\n  name: 王小明\noutlet: 第一财经\n", ["王小明"], "第一财经"),
        ("source: https://finance.example.com/a/1.html\n", None, None),
    ],
)
def test_authors_and_outlet_from_front_matter(front, authors, outlet):
    document, _ = document_from_bytes("a.md", f"---\n{front}---\n{SIMPLIFIED}".encode())
    assert document.metadata.get("authors") == authors
    assert document.metadata.get("outlet") == outlet


def test_front_matter_authors_and_outlet_win_over_the_byline():
    body = f"---\nauthor: 王小明\nsource: 第一财经\n---\n中经记者 秦玉芳 广州报道\n\n{SIMPLIFIED}"
    (article,), _ = clean_body("a.md", body)
    assert (article["authors"], article["outlet"], article["place"]) == (["王小明"], "第一财经", "广州")


def test_the_byline_fills_in_what_front_matter_lacks():
    (article,), _ = clean_body("a.md", f"---\ntitle: 标题\n---\n中经记者 秦玉芳 广州报道\n\n{SIMPLIFIED}")
    assert (article["authors"], article["outlet"]) == (["秦玉芳"], "中国经营报")


def clean_body(name, text):
    from analysis.cleaning import clean_document

    document, _ = document_from_bytes(name, text.encode())
    return clean_document(document)


def test_toml_front_matter_of_hugo():
    toml = ('+++\ntitle = "银行抢食AI产业链"\ndate = 2022-02-14T18:00:00Z\n'
            'authors = ["王小明"]\ntags = ["银行", "AI"]\ncategories = ["金融"]\n+++\n\n')
    document, problems = document_from_bytes("a.md", ("\n" + toml + SIMPLIFIED).encode())
    assert problems == []
    assert document.metadata == {"title": "银行抢食AI产业链", "date": "2022-02-15",
                                 "authors": ["王小明"], "tags": ["金融", "银行", "AI"]}
    assert document.body.strip() == SIMPLIFIED


def test_broken_toml_keeps_the_body_with_a_warning():
    document, problems = document_from_bytes("a.md", f'+++\ntitle = "未闭合\n+++\n{SIMPLIFIED}'.encode())
    assert document.body.strip() == SIMPLIFIED
    assert "invalid TOML front matter" in problems[0].reason


@pytest.mark.parametrize(
    ("key", "value", "date"),
    [
        ("date", "2022-02-15T14:51:14+08:00", "2022-02-15"),
        ("date", "'2022/02/15'", "2022-02-15"),
        ("date", "2022年2月15日", "2022-02-15"),
        ("date", "1644933158", "2022-02-15"),
        ("publishDate", "2022-02-15", "2022-02-15"),
        ("updated", "Tue, 15 Feb 2022 14:32:38 GMT", "2022-02-15"),
    ],
)
def test_front_matter_dates(key, value, date):
    document, problems = document_from_bytes("a.md", f"---\n{key}: {value}\n---\n{SIMPLIFIED}".encode())
    assert problems == [] and document.metadata["date"] == date


def test_an_unreadable_date_warns_and_a_readable_updated_date_fills_in():
    front = "---\ndate: Invalid Date\nupdated: 2022-02-16\n---\n"
    document, problems = document_from_bytes("a.md", (front + SIMPLIFIED).encode())
    assert document.metadata["date"] == "2022-02-16"
    assert [p.reason for p in problems] == ["impossible or unreadable date 'Invalid Date' in front matter"]


def test_front_matter_written_twice_by_a_mirror_is_read_once():
    document, problems = document_from_bytes("a.md", ("\n" + HEXO + "\n" + HEXO + SIMPLIFIED).encode())
    assert problems == [] and document.body.strip() == SIMPLIFIED
    assert document.metadata["title"] == "银行抢食AI产业链"


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["", "\n", "\n\n \n", "\ufeff"]), st.text(alphabet="ab: -'\n\"[]#", max_size=60))
def test_front_matter_parsing_never_raises(lead, inner):
    meta, body, warning = split_front_matter(f"{lead}---\n{inner}\n---\n{SIMPLIFIED}")
    assert isinstance(meta, dict)
    assert SIMPLIFIED in body and (warning is None or "front matter" in warning)


# ---------------------------------------------------------------- traditional characters


def test_text_simplified_only_for_traditional_articles(tmp_path):
    from analysis.chinese import to_simplified

    (tmp_path / "trad.txt").write_text(f"# 銀行搶食AI產業鏈\n\n{TRADITIONAL}", encoding="utf-8")
    (tmp_path / "simple.txt").write_text(f"# 银行\n\n{SIMPLIFIED}", encoding="utf-8")
    articles = load_corpus(tmp_path).articles.set_index("source_file")
    assert articles.loc["simple.txt", "text_simplified"] == ""
    assert articles.loc["trad.txt", "text"] == TRADITIONAL  # quotes and offsets stay original
    simplified = articles.loc["trad.txt", "text_simplified"]
    assert simplified == to_simplified(TRADITIONAL) and len(simplified) == len(TRADITIONAL)
    assert "万亿元" in simplified and "中国银行" in simplified


yaml_values = st.one_of(
    st.sampled_from(["", "~", "null", "Null", "NULL", "'null'", '""', "2025-02-14", "true", "3",
                     "Tue, 15 Feb 2022 14:32:38 GMT", "[银行, AI]", "{a: 1}", "!!str 12", "&x 1",
                     "*x", "|\n  多行\n  文本", "- a\n  - b", "!!python/object:os.system x"]),
    st.text(alphabet="ab: -'\n\"[]#{},&*!|>银行", max_size=25),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["title", "date", "tags", "author", "x"]), yaml_values),
                max_size=5))
def test_front_matter_reads_yaml_as_pyyaml_does(pairs):
    """libyaml's composer with the loader's own null-or-text tagging: the same values, nulls
    and refusals as PyYAML's loader with those resolvers."""
    import yaml

    from analysis.loading import FrontMatterLoader, build_yaml, load_yaml

    raw = "\n".join(f"{key}: {value}" for key, value in pairs)

    def outcome(read):
        try:
            return read(raw)
        except (yaml.YAMLError, ValueError) as error:
            return type(error)

    expected = outcome(lambda text: build_yaml(yaml.compose(text, Loader=FrontMatterLoader), 0))
    assert outcome(load_yaml) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["\x00", "\x07", "\x0b", "\x1b", "\x1f", "\t", "\n", "\r",
                                         "\x0c", "银", "a", "\ud800", "\U0001f600"]), max_size=400))
def test_text_with_control_characters_in_more_than_one_percent_looks_binary(text):
    import re

    from analysis.loading import looks_binary

    controls = len(re.findall(r"[\x00-\x08\x0b\x0e-\x1f]", text[:20000]))
    assert looks_binary(text) is (controls > max(5, len(text[:20000]) // 100))


# ---------------------------------------------------------------- a folder's manifest

UNDATED = "今年3月末，工商银行科技贷款余额达到3万亿元，较年初增长12%。\n"
DATED = "今年3月末，农业银行科技贷款余额达到2万亿元，较年初增长11%。\n"


def manifest_corpus(folder, manifest: str, name: str = "MANIFEST.tsv"):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "undated.md").write_text(UNDATED, encoding="utf-8")
    (folder / "dated.md").write_text("---\ndate: 2024-05-06\n---\n\n" + DATED, encoding="utf-8")
    (folder / name).write_text(manifest, encoding="utf-8")
    return load_corpus(folder)


def test_a_manifest_dates_the_files_that_do_not_date_themselves(tmp_path):
    corpus = manifest_corpus(tmp_path, "file\tsource\ttitle\tdate\n"
                             "undated.md\thttps://example.cn/a/20250601.html\t某标题\t2025-06-01\n"
                             "dated.md\t\t\t2023-01-01\n")
    by_file = corpus.articles.set_index("source_file")
    assert by_file.loc["undated.md", "date"] == "2025-06-01"
    assert by_file.loc["undated.md", "date_source"] == "manifest"
    assert by_file.loc["undated.md", "links"][0] == {
        "text": "source", "url": "https://example.cn/a/20250601.html"}
    # the file's own front matter is the article's word on its date
    assert by_file.loc["dated.md", "date"] == "2024-05-06"
    assert by_file.loc["dated.md", "date_source"] == "front_matter"
    # the manifest is no article and no skipped file
    assert set(corpus.articles["source_file"]) == {"undated.md", "dated.md"}
    assert "MANIFEST" not in corpus.summary()


def test_the_reader_s_table_says_the_date_came_from_the_folder_s_manifest(tmp_path):
    from analysis.tables import article_table

    corpus = manifest_corpus(tmp_path, "file\tdate\nundated.md\t2025-06-01\n")
    table = article_table(corpus.articles).set_index("File")
    assert table.loc["undated.md", "Date from"] == "folder manifest"
    assert table.loc["dated.md", "Date from"] == "front matter"


def test_the_manifest_date_dates_the_figures_of_an_undated_text(tmp_path):
    from analysis.figures import extract_figures

    corpus = manifest_corpus(tmp_path, "file,date\nundated.md,2025-06-01\n", "manifest.csv")
    figures = extract_figures(corpus.articles).set_index("source_file")
    assert sorted(figures.loc["undated.md", "as_of"]) == ["2025-03", "2025-03"]
    assert sorted(figures.loc["dated.md", "as_of"]) == ["2024-03", "2024-03"]


def test_a_manifest_date_beats_one_inferred_from_the_dates_a_text_mentions(tmp_path):
    (tmp_path / "event.md").write_text(
        "该行于2023年2月14日发布公告。截至今年一季度末，其贷款余额为2万亿元。\n", encoding="utf-8")
    without = load_corpus(tmp_path).articles.iloc[0]
    assert (without["date"], without["date_source"]) == ("2023-02-14", "inferred")
    (tmp_path / "MANIFEST.tsv").write_text("file\tdate\nevent.md\t2025-04-20\n", encoding="utf-8")
    with_manifest = load_corpus(tmp_path).articles.iloc[0]
    assert (with_manifest["date"], with_manifest["date_source"]) == ("2025-04-20", "manifest")


def test_a_manifest_in_a_subfolder_names_the_files_beside_it(tmp_path):
    manifest_corpus(tmp_path / "2025", "file\tdate\nundated.md\t2025-06-01\n")
    (tmp_path / "top.md").write_text(UNDATED.replace("工商", "建设"), encoding="utf-8")
    by_file = load_corpus(tmp_path).articles.set_index("source_file")["date"]
    assert by_file["2025/undated.md"] == "2025-06-01"
    assert by_file.isna()["top.md"]


def test_a_manifest_may_name_a_file_without_its_extension(tmp_path):
    # a scraper's id column ("undated" for undated.md); an id two files share names neither
    (tmp_path / "twice.md").write_text(UNDATED.replace("工商", "农业"), encoding="utf-8")
    (tmp_path / "twice.txt").write_text(UNDATED.replace("工商", "建设"), encoding="utf-8")
    manifest_corpus(tmp_path, "file\tdate\nundated\t2025-06-01\ntwice\t2025-07-01\n")
    by_file = load_corpus(tmp_path).articles.set_index("source_file")["date"]
    assert by_file["undated.md"] == "2025-06-01"
    assert by_file.isna()["twice.md"] and by_file.isna()["twice.txt"]


def test_manifest_rows_it_cannot_use_are_named_with_their_reason(tmp_path):
    corpus = manifest_corpus(tmp_path, "file\tdate\nundated.md\tsoon\ndated.md\t2024-02-30\n")
    warnings = corpus.log[corpus.log["kind"] == "warning"]
    assert set(warnings["file"]) == {"MANIFEST.tsv#2", "MANIFEST.tsv#3"}
    assert "manifest date 'soon' of undated.md is no date" in set(warnings["detail"])
    assert corpus.articles.set_index("source_file")["date"].isna()["undated.md"]


def test_a_manifest_without_a_file_column_is_skipped_with_its_reason(tmp_path):
    corpus = manifest_corpus(tmp_path, "url\tdate\nhttps://example.cn\t2025-06-01\n")
    (row,) = corpus.skipped.itertuples()
    assert row.file == "MANIFEST.tsv" and "manifest names no file column" in row.detail
    assert len(corpus.articles) == 2


@pytest.mark.parametrize("name", ["README.md", "readme.txt", "LICENSE.md", "CHANGELOG.md"])
def test_a_folders_own_documentation_is_no_article(tmp_path, name):
    (tmp_path / "a.md").write_text(UNDATED, encoding="utf-8")
    (tmp_path / name).write_text("# 这个文件夹：银行新闻，共50篇，每篇约2,000字节。\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert list(corpus.articles["source_file"]) == ["a.md"]
    (row,) = corpus.skipped.itertuples()
    assert (row.file, row.detail) == (name, "the folder's documentation, not an article")
