"""What the notebooks call to show things to the reader: prose, charts, tables, the title page.

Every value that comes from the articles is HTML-escaped: article text is data and never markup.
The report build (`analysis.build`) numbers the figures and tables these helpers emit.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import numbers
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis import __version__, question
from analysis.cleaning import outlet_label
from analysis.formatting import counted

REPO = Path(__file__).resolve().parent.parent

def _display_html(markup: str, kind: str) -> None:
    from IPython.display import HTML, display

    display(HTML(markup), metadata={"report": kind})


SLOT = re.compile(r"\{(\w+)\}")


def markdown_html(template: str, **values) -> str:
    """Render trusted Markdown `template` with its `{name}` slots filled by HTML-escaped `values`.

    Each slot becomes a plain alphanumeric token before the Markdown is rendered and the escaped
    value replaces the token after, so nothing in a value (an article title with `*`, `[`, `_`
    or `<script>`) can become markup.
    """
    import mistune  # nbconvert's Markdown engine; importing nbconvert itself costs seconds

    tokens = {}

    def token(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"no value for {{{name}}} in the text")
        key = f"REPORTSLOT{len(tokens)}X"
        value = values[name]
        if isinstance(value, numbers.Integral) and not isinstance(value, bool):
            value = f"{value:,}"  # counts in prose read 1,616, as in the tables
        tokens[key] = html.escape(plain_text(value))
        return key

    rendered = mistune.html(SLOT.sub(token, template))
    return re.sub(r"REPORTSLOT\d+X", lambda m: tokens[m.group()], rendered)


def show_markdown(template: str, **values) -> None:
    """Display prose whose numbers and names come from the data, e.g.
    `show_markdown("The corpus holds **{n}** articles.", n=len(articles))`."""
    _display_html(f'<div class="report-prose">{markdown_html(template, **values)}</div>', "prose")


def figure_html(png: bytes, caption: str, source: str = "", alt: str = "") -> str:
    """An inline PNG with its caption; the report numbers `figure.report-figure` in order."""
    data = base64.b64encode(png).decode("ascii")
    source_html = (f' <span class="figure-source">Source: {html.escape(source)}</span>'
                   if source else "")
    return (
        '<figure class="report-figure">'
        f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt or caption)}">'
        '<figcaption><span class="figure-number">Figure.</span> '
        f'{html.escape(caption)}{source_html}</figcaption></figure>'
    )


def show_figure(fig, name: str, caption: str, source: str = "",
                folder: str | Path = "../figures") -> None:
    """Save `fig` as `folder/name.png` and `.svg`, display it with a numbered caption, close it.
    Returns nothing, so a cell may end with it without printing anything more."""
    import matplotlib.pyplot as plt

    from analysis.plotting import save_figure

    paths = save_figure(fig, name, folder)
    plt.close(fig)
    _display_html(figure_html(paths[0].read_bytes(), caption, source), "figure")


def table_html(table: pd.DataFrame, caption: str = "", source: str = "",
               index: bool = False, compact: bool = False) -> str:
    """`table` as an escaped HTML table, every row and full cell text, with a numbered caption.

    Column widths follow the text they hold (a date column stays one line, a quote column gets
    room), so the table fits an A4 page without squeezing any column to one character."""
    if index:
        table = table.reset_index()
    numeric = [pd.api.types.is_numeric_dtype(table[c]) and not pd.api.types.is_bool_dtype(table[c])
               for c in table.columns]
    cells = [[_number(v) if n else plain_text(v) for v, n in zip(row, numeric, strict=True)]
             for row in table.itertuples(index=False)]
    headers = [plain_text(c) for c in table.columns]
    widths = column_widths(headers, cells, budget=142 if compact else 125)
    cols = "".join(f'<col style="width: {w:.1f}%">' for w in widths)
    head = "".join(f'<th class="{"num" if n else "text"}">{html.escape(h)}</th>'
                   for h, n in zip(headers, numeric, strict=True))
    rows = "".join(
        "<tr>" + "".join(f'<td class="{"num" if n else "text"}">{html.escape(v)}</td>'
                         for v, n in zip(row, numeric, strict=True)) + "</tr>"
        for row in cells)
    size = "compact" if compact else "regular"
    caption_html = ""
    if caption:  # a <caption> travels with its table across a page break
        source_html = (f' <span class="table-source">Source: {html.escape(source)}</span>'
                       if source else "")
        caption_html = (f'<caption class="table-caption"><span class="table-number">Table.'
                        f'</span> {html.escape(caption)}{source_html}</caption>')
    return (f'<div class="report-table-block"><div class="table-scroll">'
            f'<table class="report-table {size}">{caption_html}<colgroup>{cols}</colgroup>'
            f'<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div></div>')


def column_widths(headers: Sequence[str], cells: Sequence[Sequence[str]],
                  budget: int = 125, cap: int = 40) -> list[float]:
    """Percent widths from the text each column holds, in half-em units (a CJK character is
    two, a Latin one about 1.2), as a browser's automatic layout would share them: every column
    that fits in an equal share of what is left gets all it needs (keys, dates and amounts never
    break), and the long ones share the rest of the `budget` (an A4 text line) by their length."""
    def width(text: str) -> float:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1.2 for ch in text)

    padding = 3
    need, mean = [], []
    for j, header in enumerate(headers):
        # A short header ("As of") stays on one line; a long one may wrap between words.
        longest_word = (width(header) if width(header) <= 14
                        else max(map(width, header.split()), default=0))
        widths = [width(row[j]) for row in cells]
        need.append(min(max([*widths, longest_word]), cap) + padding)
        mean.append(max(sum(widths) / max(len(widths), 1), longest_word) + padding)
    given: dict[int, float] = {}
    remaining, open_ = float(budget), set(range(len(need)))
    while open_:
        share = remaining / len(open_)
        fits = [j for j in open_ if need[j] <= share]
        if not fits:
            break
        for j in fits:
            given[j] = need[j]
            remaining -= need[j]
            open_.discard(j)
    # The long columns share the rest by their average length (a quote column gets more than a
    # label one); one that would get less than a short line is lifted to it at the others' cost.
    remaining = max(remaining, 12.0 * len(open_))
    wanted = sum(mean[j] for j in open_) or 1
    share = {j: remaining * mean[j] / wanted for j in open_}
    floor = {j: min(need[j], 16) for j in open_}
    low = {j for j in open_ if share[j] < floor[j]}
    high = open_ - low
    if low and high:
        deficit = sum(floor[j] - share[j] for j in low)
        rich = sum(share[j] for j in high)
        share.update({j: floor[j] for j in low})
        share.update({j: share[j] - deficit * share[j] / rich for j in high})
    given.update(share)
    total = sum(given.values()) or 1
    return [100 * given[j] / total for j in range(len(need))]


def show_table(table: pd.DataFrame, caption: str = "", source: str = "", index: bool = False,
               compact: bool = False) -> None:
    """Display `table` whole (no row or column truncation) with a numbered caption."""
    _display_html(table_html(table, caption, source, index, compact), "table")


def _number(value) -> str:
    """Integers with thousands separators, other numbers to four significant digits."""
    if value is None or pd.isna(value):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4g}"


def plain_text(value) -> str:
    """A cell or value as plain text: lists joined, missing values empty."""
    if isinstance(value, list | tuple):
        return "、".join(plain_text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {plain_text(v)}" for k, v in value.items())
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def corpus_fingerprint(articles: pd.DataFrame) -> str:
    """Short digest of the corpus files' contents: two reports with the same one read the same text."""
    digest = hashlib.sha256()
    for sha in sorted(set(articles["sha256"].dropna())):
        digest.update(sha.encode("ascii"))
    return digest.hexdigest()[:12]


def corpus_label(folder: str | Path) -> str:
    """The corpus folder as a reader knows it: relative to the project when inside it."""
    path = Path(folder).resolve()
    try:
        return path.relative_to(REPO).as_posix()
    except ValueError:
        return path.as_posix()


def title_page_html(corpus, folder: str | Path, built: dt.datetime | None = None) -> str:
    """Title, what the report is, which corpus (with its fingerprint) and when it was built."""
    built = built or dt.datetime.now(dt.UTC)
    articles = corpus.articles
    files = corpus.log.loc[corpus.log["kind"] != "skipped", "file"].nunique()
    files = max(files, articles["source_file"].nunique())
    dates = articles["date"].dropna()
    span = f"{dates.min()} to {dates.max()}" if len(dates) else "no dated article"
    outlets = ", ".join(map(outlet_label, sorted(articles["outlet"].dropna().unique()))) or "unknown"
    rows = [
        ("Corpus", f"{corpus_label(folder)} ({counted(files, 'file')}, "
                   f"{counted(len(articles), 'article')}, {len(corpus.skipped)} skipped)"),
        ("Published", span),
        ("Outlets", outlets),
        ("Corpus fingerprint", f"sha256 {corpus_fingerprint(articles)}"),
        ("Built", f"{built:%Y-%m-%d %H:%M} UTC with analysis {__version__}"),
    ]
    facts = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows)
    asked = question.load()
    return (
        '<header class="title-page">'
        '<p class="kicker">Analytical report · Chinese financial news</p>'
        f'<h1 class="report-title">{html.escape(asked.title)}</h1>'
        f'<p class="subtitle">{html.escape(asked.ask[:1].upper() + asked.ask[1:])}, '
        'with every number computed from the articles and traceable to its sentence.</p>'
        f'<table class="facts">{facts}</table>'
        '</header>'
    )


def show_title_page(corpus, folder: str | Path) -> None:
    _display_html(title_page_html(corpus, folder), "title-page")



# ------------------------------------------------------------------ complete tables beside the report

TABLE_NAME = re.compile(r"^[A-Za-z0-9][\w-]*$")
PREVIEW_ROWS = 15


def write_complete_table(table: pd.DataFrame, name: str, folder: str | Path) -> list[Path]:
    """`table` whole as `folder/tables/name.csv` and `.parquet` (cells as plain text where they
    hold lists or mappings, so both formats read back the same)."""
    from analysis.io import write_table

    if not TABLE_NAME.match(name):
        raise ValueError(f"table name {name!r}: use letters, digits, - and _")
    out = Path(folder) / "tables"
    out.mkdir(parents=True, exist_ok=True)
    flat = table.copy()
    for column in flat.columns:
        if flat[column].map(lambda v: isinstance(v, list | tuple | dict)).any():
            flat[column] = flat[column].map(plain_text)
    paths = [out / f"{name}.csv", out / f"{name}.parquet"]
    for path in paths:
        write_table(flat, path)
    return paths


def complete_table_html(table: pd.DataFrame, name: str, caption: str, source: str = "",
                        preview: int = PREVIEW_ROWS, compact: bool = False) -> str:
    """The print view of a complete table: its first `preview` rows with a caption saying how
    many there are and where the rest is, in a block the report build makes searchable on screen
    (`analysis.build.make_tables_interactive`)."""
    shown = table.head(preview)
    where = f"tables/{name}.csv and .parquet beside the report"
    if len(table) > len(shown):
        caption = (f"{caption} The first {len(shown):,} of {len(table):,} rows; "
                   f"all of them in {where}.")
    else:
        caption = f"{caption} Also in {where}."
    return (f'<div class="complete-table" data-table="{html.escape(name)}" '
            f'data-rows="{len(table)}">'
            f'<div class="table-preview">{table_html(shown, caption, source, compact=compact)}'
            '</div></div>')


def show_complete_table(table: pd.DataFrame, name: str, caption: str, source: str = "",
                        folder: str | Path = "../reports", preview: int = PREVIEW_ROWS,
                        compact: bool = False) -> None:
    """Write `table` whole beside the report (`write_complete_table`) and display a bounded
    view of it: the first `preview` rows in print, the whole table searchable, sortable and
    filterable in the HTML report. A long table never runs the PDF to hundreds of pages."""
    write_complete_table(table, name, folder)
    if table.empty:  # no table of nothing: one line says so
        show_markdown("*{caption}* None in this corpus.", caption=caption.rstrip("."))
        return
    _display_html(complete_table_html(table, name, caption, source, preview, compact),
                  "complete-table")
