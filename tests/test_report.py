"""The rendered report: built once per session from the seeds plus an article full of markup."""

import re
import warnings

import matplotlib.pyplot as plt
import nbformat
import pypdf
import pypdfium2 as pdfium
import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from analysis.build import build_report, external_resources, finish_html
from analysis.display import column_widths, markdown_html, table_html
from analysis.plotting import use_cjk_font
from tests.conftest import BOLD, SCRIPT


@pytest.fixture(scope="session")
def html(built):
    return (built["reports"] / "report.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pdf(built):
    return built["reports"] / "report.pdf"


def test_the_report_builds(built):
    assert built["code"] == 0
    for name in ["report.html", "report-with-code.html", "report.pdf", "report.ipynb",
                 "figures.csv", "figures.parquet", "cleaning-log.csv", "cleaning-log.parquet",
                 "tables/articles.csv", "tables/figure-list.parquet", "tables/keywords.csv"]:
        assert (built["reports"] / name).stat().st_size > 0, name


def test_every_complete_table_is_searchable_in_the_html(built, html):
    soup = BeautifulSoup(html, "html.parser")
    blocks = soup.select("div.complete-table")
    assert blocks
    for block in blocks:
        name = block["data-table"]
        assert "interactive" in block["class"], name
        assert block.select_one(f"div.interactive-table table#table-{name}"), name
        assert (built["reports"] / "tables" / f"{name}.parquet").exists(), name


def test_every_chart_is_written_as_png_and_svg(built):
    pngs = sorted(built["figures"].glob("*.png"))
    assert pngs
    for png in pngs:
        assert png.with_suffix(".svg").exists(), png.name


def test_no_missing_glyph_while_charting(built):
    book = nbformat.read(built["reports"] / "report.ipynb", as_version=4)
    stderr = [out.get("text", "") for cell in book.cells if cell.cell_type == "code"
              for out in cell.get("outputs", []) if out.get("name") == "stderr"]
    assert not [text for text in stderr if "missing from font" in text]


def test_the_cjk_font_draws_every_character_of_the_seeds(seed_corpus, tmp_path):
    use_cjk_font()
    articles = seed_corpus.articles
    characters = sorted(set("".join(articles["title"]) + "".join(articles["text"])) - {"\n"})
    fig, ax = plt.subplots(figsize=(8, 8))
    for row in range(0, len(characters), 60):
        ax.text(0, 1 - row / len(characters), "".join(characters[row:row + 60]), fontsize=6)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(tmp_path / "glyphs.png")
    plt.close(fig)
    assert not [w for w in caught if "missing from font" in str(w.message)]


# ---------------------------------------------------------------- HTML


def test_html_loads_nothing_from_outside(html):
    soup = BeautifulSoup(html, "html.parser")
    # The only scripts are the searchable tables' own (the build adds them after removing every
    # script of the notebooks' outputs): inline, none fetched.
    for script in soup.find_all("script"):
        assert not script.get("src")
        assert script.find_parent("div", class_="interactive-table") or (
            "injectModule" in script.get_text()), script.get_text()[:200]
    assert not soup.find_all("link")
    assert not soup.find_all(["iframe", "object", "embed"])
    for tag in soup.find_all(src=True):
        assert tag["src"].startswith("data:"), tag["src"][:80]
    assert not re.search(r"url\(\s*['\"]?(https?:|//)", html)
    assert "@import" not in html
    assert external_resources(html) == []


def test_html_with_code_loads_nothing_from_outside_either(built):
    html = (built["reports"] / "report-with-code.html").read_text(encoding="utf-8")
    assert external_resources(html) == []
    assert "load_corpus" in html  # the code is there


def test_article_text_is_escaped_never_markup(built, html):
    for page in [html, (built["reports"] / "report-with-code.html").read_text("utf-8")]:
        assert SCRIPT not in page and BOLD not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "&lt;b&gt;x&lt;/b&gt;" in page
        soup = BeautifulSoup(page, "html.parser")
        assert not [b for b in soup.find_all("b") if b.get_text() == "x"]
    # The title and the quoted sentence are shown as written.
    text = BeautifulSoup(html, "html.parser").get_text()
    assert f"测试{SCRIPT}银行{BOLD}" in text
    # The quoted sentence is in the complete figure list as written (data, not markup).
    figure_list = (built["reports"] / "tables" / "figure-list.csv").read_text(encoding="utf-8")
    assert f"中国银行{SCRIPT}宣布向人工智能企业提供不低于500亿元授信" in figure_list


def test_html_is_one_readable_page(html):
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("meta", attrs={"name": "viewport"})
    assert "data:image/png;base64," in html  # charts inline
    assert soup.select_one("header.title-page")
    assert not soup.select(".jp-InputArea-editor")  # the reader's version hides the code
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    links = [a["href"][1:] for a in soup.select("nav.toc a")]
    assert links and set(links) <= ids
    chapters = [h.get_text(" ", strip=True) for h in soup.select("h1.chapter-title")]
    assert chapters[0] == "Executive summary"
    assert any(c.startswith("1 ") for c in chapters)
    assert any(c.startswith("Appendix A") for c in chapters)
    numbers = [t.get_text() for t in soup.select("figure.report-figure .figure-number")]
    assert numbers == [f"Figure {n}." for n in range(1, len(numbers) + 1)]


# ---------------------------------------------------------------- PDF


def fonts_of(reader: pypdf.PdfReader) -> dict[str, bool]:
    """BaseFont name -> embedded, over every page."""
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


def test_pdf_is_a4_and_embeds_the_cjk_font(pdf):
    reader = pypdf.PdfReader(pdf)
    for page in reader.pages:
        assert round(float(page.mediabox.width)) == 595
        assert round(float(page.mediabox.height)) == 842
    fonts = fonts_of(reader)
    assert any("Noto-Sans-CJK-SC" in name for name in fonts), fonts
    assert all(fonts.values()), f"fonts not embedded: {fonts}"


def test_pdf_chinese_is_real_text(pdf):
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "中国银行" in text and "科技型企业贷款余额" in text
    assert f"测试{SCRIPT}银行{BOLD}" in text.replace("\n", "")


def test_pdf_has_no_empty_page_and_nothing_outside_the_page(pdf):
    document = pdfium.PdfDocument(pdf)
    for number in range(len(document)):
        page = document[number]
        width, height = page.get_size()
        # Ink inside the text area (inside the 20 mm margins that carry header and footer).
        image = page.render(scale=0.5).to_pil().convert("L")
        margin = int(20 / 25.4 * 72 * 0.5)
        body = image.crop((margin, margin, image.width - margin, image.height - margin))
        assert body.getextrema()[0] < 128, f"page {number + 1} is empty"
        textpage = page.get_textpage()
        for index in range(textpage.count_chars()):
            left, bottom, right, top = textpage.get_charbox(index)
            inside = left >= -1 and bottom >= -1 and right <= width + 1 and top <= height + 1
            assert inside, f"page {number + 1}: text outside the page"
        for obj in page.get_objects():
            left, bottom, right, top = obj.get_bounds()
            assert left >= -1 and right <= width + 1, f"page {number + 1}: object cut off"


# ---------------------------------------------------------------- building blocks


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60))
def test_values_in_prose_are_text_never_markup(value):
    rendered = markdown_html("Title: **{value}**", value=value)
    strong = BeautifulSoup(rendered, "html.parser").find("strong")
    assert strong.get_text() == value
    assert not strong.find_all(True)  # no element came from the value


def test_slots_with_underscores_never_make_emphasis():
    rendered = markdown_html("{n_bank} of {n_money} (_{share_all}_)", n_bank="*1*", n_money=2,
                             share_all="[x](http://x)")
    soup = BeautifulSoup(rendered, "html.parser")
    assert soup.get_text().strip() == "*1* of 2 ([x](http://x))"
    assert [tag.name for tag in soup.find_all(True)] == ["p", "em"]


def test_counts_in_prose_get_thousands_separators_and_text_stays_as_written():
    import numpy as np

    rendered = markdown_html("{a} figures, {b} facts, {c}, {d}", a=1616, b=np.int64(1542000),
                             c="2024", d=True)
    assert BeautifulSoup(rendered, "html.parser").get_text().strip() == (
        "1,616 figures, 1,542,000 facts, 2024, True")


def test_tables_escape_cells_and_keep_every_row():
    import pandas as pd

    table = pd.DataFrame({"title": [SCRIPT, BOLD, "中国银行"] * 30, "n": range(90)})
    rendered = table_html(table, caption=f"caption {BOLD}")
    soup = BeautifulSoup(rendered, "html.parser")
    assert len(soup.select("tbody tr")) == 90
    assert not soup.find_all("script") and not soup.find_all("b")
    assert soup.select_one("caption").get_text().endswith(BOLD)


@given(st.lists(st.lists(st.text(max_size=80), min_size=3, max_size=3), max_size=8))
def test_column_widths_share_the_page(rows):
    widths = column_widths(["Key", "As of", "Sentence"], rows)
    assert len(widths) == 3 and all(w > 0 for w in widths)
    assert abs(sum(widths) - 100) < 1e-6


def test_short_columns_are_never_squeezed_by_long_ones():
    rows = [["A1", "2025-02-14", "中国银行" * 40]]
    _, date, quote = column_widths(["Key", "Date", "Sentence"], rows)
    assert quote > 60
    # 2025-02-14 needs about 10 Latin characters plus padding of the 125-unit line.
    assert date / 100 * 125 >= 10 * 1.2


def test_chapters_are_numbered_and_listed():
    page = (
        '<div class="part-break" data-index="0"></div>'
        '<header class="title-page"><h1 class="report-title">T</h1></header>'
        "<h1>Executive summary</h1>"
        '<div class="part-break" data-index="1"></div><h1>The corpus</h1><h2>Articles</h2>'
        '<div class="part-break" data-index="2"></div><h1>Appendix A: Every figure</h1>'
        '<figure class="report-figure"><figcaption><span class="figure-number">Figure.</span>'
        "</figcaption></figure>"
    )
    soup = BeautifulSoup(finish_html(page), "html.parser")
    assert [h.get_text(" ", strip=True) for h in soup.select("h1.chapter-title")] == [
        "Executive summary", "1 The corpus", "Appendix A Every figure"]
    assert soup.select_one("h2#sec-1-1").get_text(" ", strip=True) == "1.1 Articles"
    assert [a["href"] for a in soup.select("nav.toc a")] == [
        "#front-1", "#sec-1", "#sec-1-1", "#sec-A"]
    assert soup.select_one(".figure-number").get_text() == "Figure 1."


def test_a_missing_corpus_is_reported_without_running_anything(tmp_path, capsys):
    assert build_report(tmp_path / "nowhere", tmp_path / "reports") == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "reports").exists()


def test_a_chart_saved_twice_is_the_same_file(tmp_path):
    from analysis.plotting import save_figure

    def draw(folder):
        use_cjk_font()
        fig, ax = plt.subplots(figsize=(4, 2))
        ax.barh(["中国银行 BOC", "工商银行 ICBC"], [1.47, 2.70])
        paths = save_figure(fig, "banks", folder)
        plt.close(fig)
        return [p.read_bytes() for p in paths]

    assert draw(tmp_path / "a") == draw(tmp_path / "b")


@pytest.mark.parametrize(
    ("name", "reason"),
    [("memo.docx", "unsupported file type"), ("empty.txt", "empty file"),
     ("noise.txt", "binary"), ("broken.md", "invalid YAML front matter")],
)
def test_the_report_lists_what_it_skipped_or_warned_about(html, name, reason):
    rows = [row.get_text(" ", strip=True) for row in BeautifulSoup(html, "html.parser")("tr")]
    assert any(name in row and reason in row for row in rows), name


def test_a_file_with_broken_front_matter_still_gives_its_article(built):
    log = (built["reports"] / "cleaning-log.csv").read_text(encoding="utf-8")
    figures = (built["reports"] / "figures.csv").read_text(encoding="utf-8")
    assert "broken.md" in log
    assert "建设银行发放科技贷款100亿元" in figures


def test_html_embeds_a_cjk_font_for_every_character_it_shows(html):
    import base64
    import io

    from fontTools.ttLib import TTFont

    match = re.search(r'font-family: "Report CJK"; src: url\(data:font/(?:woff2|otf);base64,([A-Za-z0-9+/=]+)\)',
                      html)
    assert match, "no embedded CJK font"
    font = TTFont(io.BytesIO(base64.b64decode(match.group(1))))
    covered = set(font.getBestCmap())
    text = BeautifulSoup(html, "html.parser").get_text()
    chinese = {ord(ch) for ch in text if "\u3400" <= ch <= "\u9fff"}
    assert chinese and chinese <= covered, "".join(chr(c) for c in sorted(chinese - covered))[:40]


def test_the_pdf_stays_within_forty_pages(pdf):
    # Long tables print their first rows only; the complete ones are beside the report.
    assert len(pypdf.PdfReader(pdf).pages) <= 40
