"""The real web corpus (../shared/corpora/web-news, Hexo mirrors of Chinese finance news):
every file read, front matter used, no markup left, no page-break joins between HTML blocks."""

import email.utils
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from analysis.corpus import load_corpus
from tests.test_markup import MARKUP

WEB = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "web-news"
pytestmark = pytest.mark.skipif(not WEB.is_dir(), reason=f"shared web corpus not found at {WEB}")
MARKUP_WORDS = {"font", "style", "div", "cms", "class", "span", "nbsp", "img", "src", "href",
                "referrerpolicy", "px", "descr", "wrapper", "blockquote", "iframe"}
FRONT = re.compile(r"^\s*---\n(.*?)\n---", re.DOTALL)


@pytest.fixture(scope="module")
def web():
    return load_corpus(WEB)


def front_matter(path: Path) -> dict:
    """The test's own reading of a post's first front-matter block."""
    match = FRONT.match(path.read_text("utf-8"))
    return yaml.safe_load(match.group(1)) if match else {}


def posts():
    return sorted(p for p in WEB.glob("*.md") if p.name != "README.md")


def test_every_file_gives_an_article(web):
    names = set(web.articles["source_file"])
    assert [p.name for p in posts() if p.name not in names] == []
    assert {"README.md", "MANIFEST.tsv"}.isdisjoint(names)


def test_titles_and_dates_come_from_front_matter(web):
    articles = web.articles.set_index("source_file")
    titles = dates = with_title = with_date = 0
    for path in posts():
        meta = front_matter(path)
        if meta.get("title"):
            with_title += 1
            titles += articles.loc[path.name, "title"] == str(meta["title"]).strip()
        try:
            written = email.utils.parsedate_to_datetime(str(meta.get("date")))
        except (TypeError, ValueError):
            continue  # "Invalid Date": nothing to take
        with_date += 1
        china = written.astimezone(ZoneInfo("Asia/Shanghai")).date().isoformat()
        dates += (articles.loc[path.name, "date"], articles.loc[path.name, "date_source"]) == (
            china, "front_matter")
    assert with_title >= 60 and with_date >= 60
    assert titles / with_title >= 0.95 and dates / with_date >= 0.95


def test_no_markup_left_in_clean_text_titles_or_notes(web):
    for article in web.articles.itertuples():
        for text in [article.text, article.title, *article.notes]:
            assert not MARKUP.search(text), (article.source_file, MARKUP.search(text).group())
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", article.text)}
        assert not words & MARKUP_WORDS, (article.source_file, words & MARKUP_WORDS)


def test_no_join_between_html_blocks(web):
    assert not (web.log["kind"].isin(["join", "fragment"])).any()


def test_only_the_folders_readme_is_skipped(web):
    # (MANIFEST.tsv is read as the folder's manifest: no article, no skipped file)
    assert web.skipped["file"].tolist() == ["README.md"]
