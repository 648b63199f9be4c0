"""The report's complete tables work in a real browser, offline: typing in Search narrows them.

Runs headless Chromium (Debian's `chromium`, driven by the `playwright` package without its own
browser download). Skips, saying why, where no Chromium can be found; `make test` installs it on
Debian when run as root, so CI runs these.
"""

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.build import make_tables_interactive, stylesheet
from analysis.display import complete_table_html, write_complete_table

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"]


def chromium_path() -> str | None:
    for candidate in [os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"]:
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set CHROMIUM=/path)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


BANKS = ["工商银行", "建设银行", "农业银行", "中国银行", "招商银行"]


@pytest.fixture(scope="module")
def page_file(tmp_path_factory):
    """A page as the build writes it: a complete table of 60 rows, made interactive."""
    folder = tmp_path_factory.mktemp("html-tables")
    table = pd.DataFrame({
        "Article": [f"A{i}" for i in range(1, 61)],
        "Bank": [BANKS[i % 5] for i in range(60)],
        "Quote": [f"第{i}句<script>alert({i})</script>" for i in range(60)],
        "Amount": [float(i * 10) for i in range(60)],
    })
    write_complete_table(table, "figure-list", folder)
    block = complete_table_html(table, "figure-list", "Every figure.", preview=5)
    css = stylesheet("report.css")
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{css}</style></head>"
            f"<body>{block}</body></html>")
    path = folder / "report.html"
    path.write_text(make_tables_interactive(page, folder), encoding="utf-8")
    return path


def visible_rows(page) -> list[str]:
    return page.locator("div.interactive-table table.dataTable tbody tr").all_inner_texts()


def open_page(browser, path: Path):
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_selector("div.interactive-table table.dataTable tbody tr", timeout=20_000)
    return page, requests


def test_typing_in_search_narrows_the_table(browser, page_file):
    page, requests = open_page(browser, page_file)
    assert len(visible_rows(page)) == 10  # the first page of 60 rows
    assert "60 entries" in page.locator(".dt-info").inner_text()
    page.locator("div.interactive-table input[type=search]").fill("招商银行")
    page.wait_for_function(
        "document.querySelector('.dt-info').innerText.includes('filtered')", timeout=10_000)
    rows = visible_rows(page)
    assert len(rows) == 10 and all("招商银行" in row for row in rows)
    assert "12 entries" in page.locator(".dt-info").inner_text()  # 60 / 5 banks
    page.locator("div.interactive-table input[type=search]").fill("A17")
    page.wait_for_function(
        "document.querySelectorAll('div.interactive-table table.dataTable tbody tr').length === 1",
        timeout=10_000)
    assert "A17" in visible_rows(page)[0]
    # Everything the page loaded is the file itself or in it (blob: and data: URLs): offline.
    assert all(u.startswith(("file:", "blob:", "data:")) for u in requests), requests
    page.close()


def test_cell_text_is_shown_as_text_never_run(browser, page_file):
    page, _ = open_page(browser, page_file)
    alerts = []
    page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    page.locator("div.interactive-table input[type=search]").fill("第3句")
    page.wait_for_function(
        "document.querySelector('.dt-info').innerText.includes('filtered')", timeout=10_000)
    assert "<script>alert(3)</script>" in visible_rows(page)[0]
    assert not alerts
    page.close()


def test_the_screen_shows_the_whole_table_and_print_the_preview(browser, page_file):
    page, _ = open_page(browser, page_file)
    assert page.locator("div.table-preview").is_hidden()
    assert page.locator("div.interactive-table").is_visible()
    page.emulate_media(media="print")
    assert page.locator("div.table-preview").is_visible()
    assert page.locator("div.interactive-table").is_hidden()
    assert page.locator("div.table-preview tbody tr").count() == 5
    page.close()
