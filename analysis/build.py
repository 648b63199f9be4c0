"""Building the report: execute the numbered notebooks on a corpus, join them, render HTML and PDF.

`build_report` executes every notebooks/NN-*.ipynb headlessly with the corpus as a
papermill-style parameter, joins the executed notebooks into one, renders it with nbconvert
(code hidden) and prints the HTML to an A4 PDF with WeasyPrint, embedding the bundled Noto Sans
CJK SC font so the Chinese is real, searchable text.
"""

from __future__ import annotations

import ast
import asyncio
import base64
import contextlib
import copy
import html
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from analysis import __version__, question, resources
from analysis.display import REPO

NOTEBOOKS_DIR = REPO / "notebooks"
FIGURES_DIR = REPO / "figures"
SEEDS_DIR = REPO / "data" / "raw"
REPORTS_DIR = REPO / "reports"
TEMPLATE_NAME = "report"  # analysis/resources/report: nbconvert template, screen and print CSS
NOTEBOOK_NAME = re.compile(r"^\d{2}-[\w.-]+\.ipynb$")
# The parameters build_report can give a notebook; each gets those its `parameters` cell names.
PARAMETERS = ("corpus", "figures_dir", "output_dir", "processed_dir")
# Cells the reader never sees: papermill's parameter cells and anything tagged to be removed.
HIDDEN_TAGS = {"parameters", "injected-parameters", "remove-cell", "remove_cell"}
# A plain-text result that is only a Python object's repr (a matplotlib artist returned by the
# last line of a cell) says nothing to a reader.
OBJECT_REPR = re.compile(r"^\[?(<[^<>\n]+>|Text\(.*\))(, (<[^<>\n]+>|Text\(.*\)))*\]?$")


# ------------------------------------------------------------------ executing the notebooks


def notebook_paths(folder: str | Path = NOTEBOOKS_DIR) -> list[Path]:
    """The report's notebooks, NN-name.ipynb, in their numbered order."""
    return sorted(p for p in Path(folder).iterdir() if NOTEBOOK_NAME.match(p.name))


def declared_parameters(notebook) -> list[str]:
    """Names assigned in the notebook's `parameters` cell (empty when it has none)."""
    for cell in notebook.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            tree = ast.parse(cell.source)
            return [target.id for node in tree.body if isinstance(node, ast.Assign | ast.AnnAssign)
                    for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                    if isinstance(target, ast.Name)]
    return []


def parameterize(notebook, values: dict[str, str]):
    """A copy of `notebook` with papermill's injected-parameters cell after its parameters cell."""
    from papermill.parameterize import parameterize_notebook

    notebook = copy.deepcopy(notebook)
    notebook.metadata.setdefault("papermill", {})
    for cell in notebook.cells:
        cell.metadata.setdefault("tags", [])  # papermill reads every cell's tags
    wanted = {k: v for k, v in values.items() if k in declared_parameters(notebook)}
    return parameterize_notebook(notebook, wanted, kernel_name="python3", language="python")


class NotebookFailed(Exception):
    def __init__(self, name: str, notebook, error: Exception, kernel_log: str = ""):
        super().__init__(f"{name}: {error}")
        self.name, self.notebook, self.error, self.kernel_log = name, notebook, error, kernel_log


async def _execute(path: Path, values: dict[str, str], cwd: Path, limit: asyncio.Semaphore,
                   timeout: int):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    notebook = parameterize(nbformat.read(path, as_version=4), values)
    client = NotebookClient(notebook, kernel_name="python3", timeout=timeout,
                            resources={"metadata": {"path": str(cwd)}})
    async with limit, _kernel_log() as log:
        start = time.perf_counter()
        try:
            # The kernel's own stderr (start-up chatter) goes to a log shown only on failure;
            # what the cells write to stderr is in the notebook's outputs either way.
            await client.async_execute(stderr=log)
        except (CellExecutionError, DeadKernelError, CellTimeoutError) as error:
            log.seek(0)
            raise NotebookFailed(path.name, notebook, error, log.read()) from error
    notebook.metadata["report"] = {"seconds": round(time.perf_counter() - start, 1)}
    return notebook


@contextlib.asynccontextmanager
async def _kernel_log():
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        yield log


async def _execute_all(paths, values, cwd, jobs, timeout):
    limit = asyncio.Semaphore(jobs)
    return await asyncio.gather(*(_execute(p, values, cwd, limit, timeout) for p in paths),
                                return_exceptions=True)


def execute_notebooks(paths: Sequence[Path], values: dict[str, str], cwd: str | Path,
                      jobs: int = 2, timeout: int = 600) -> list:
    """Execute `paths` headlessly (each in its own kernel, `jobs` at a time, working directory
    `cwd`) with `values` as parameters. Return, in the order of `paths`, each executed notebook
    or the `NotebookFailed` that says where it stopped; every notebook runs whatever the others
    do, so one build reports every failure."""
    results = asyncio.run(_execute_all(list(paths), values, Path(cwd), jobs, timeout))
    for result in results:
        if isinstance(result, BaseException) and not isinstance(result, NotebookFailed):
            raise result
    return results


def warnings_in(notebook) -> list[str]:
    """What the notebook's code wrote to stderr (warnings such as a missing glyph)."""
    return [out.get("text", "") for cell in notebook.cells if cell.cell_type == "code"
            for out in cell.get("outputs", [])
            if out.get("output_type") == "stream" and out.get("name") == "stderr"]


# ------------------------------------------------------------------ one report from the notebooks


def combine(executed: Iterable[tuple[str, object]]):
    """One notebook of the executed ones, each part opened by a marker the layout breaks a page at."""
    import nbformat

    book = nbformat.v4.new_notebook()
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                   "language": "python"}
    book.metadata["language_info"] = {"name": "python"}
    book.metadata["title"] = question.load().title
    for number, (name, notebook) in enumerate(executed):
        stem = Path(name).stem
        marker = nbformat.v4.new_raw_cell(
            f'<div class="part-break" data-part="{html.escape(stem)}" '
            f'data-index="{number}"></div>',
            metadata={"raw_mimetype": "text/html", "tags": ["report-part"]})
        marker["id"] = f"{stem}-part"
        book.cells.append(marker)
        for index, cell in enumerate(notebook.cells):
            cell = copy.deepcopy(cell)
            cell["id"] = f"{stem}-{index}"  # ids must be unique in the joined notebook
            book.cells.append(cell)
    return book


def reader_view(book):
    """What a reader sees: no parameter cells, no stderr, no bare object reprs (code is hidden by
    the exporter)."""
    book = copy.deepcopy(book)
    book.cells = [c for c in book.cells
                  if not HIDDEN_TAGS & set(c.get("metadata", {}).get("tags", []))]
    for cell in book.cells:
        if cell.cell_type != "code":
            continue
        cell.outputs = [out for out in cell.outputs if _shown(out)]
    return book


def _shown(output) -> bool:
    if output.get("output_type") == "stream":
        return output.get("name") == "stdout"
    data = output.get("data", {})
    if output.get("output_type") in {"execute_result", "display_data"} and set(data) == {
            "text/plain"}:
        return not OBJECT_REPR.match(data["text/plain"].strip())
    return True


def template_dir() -> Path:
    return resources.folder("report")


def stylesheet(name: str) -> str:
    return (template_dir() / name).read_text(encoding="utf-8")


def export_html(book, with_code: bool = False) -> str:
    """nbconvert's HTML of the combined notebook through the report template."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(template_dir().parent)],
        exclude_input=not with_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(book, resources={
        "report_css": stylesheet("report.css"),
        # Print rules live in the page too, so a browser's "Print" also gives the A4 layout.
        "print_css": stylesheet("print.css"),
        "report_title": question.load().title,
        "with_code": with_code,
    })
    return body


def finish_html(markup: str) -> str:
    """Number chapters, figures and tables, write the table of contents, drop anything active.

    Chapters are the level-1 headings after the first part (the title page and summary);
    headings that start with "Appendix" are lettered instead of numbered.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    for tag in soup.select("a.anchor-link"):
        tag.decompose()
    _strip_active_content(soup)

    entries: list[tuple[int, str, str]] = []
    part, chapter, appendix, section = -1, 0, 0, 0
    for node in soup.select("div.part-break, h1, h2"):
        if node.name == "div":
            part = int(node.get("data-index", part + 1))
            continue
        if "report-title" in node.get("class", []):
            continue
        text = node.get_text(" ", strip=True)
        if node.name == "h1":
            section = 0
            if part <= 0:
                number = ""
            elif text.lower().startswith("appendix"):
                appendix += 1
                number = chr(ord("A") + appendix - 1)
                text = re.sub(r"^appendix\s*[A-Z]?[.:]?\s*", "", text, flags=re.IGNORECASE)
            else:
                chapter += 1
                number = str(chapter)
            label = (f"Appendix {number}" if number.isalpha() else number)
            anchor = f"sec-{number}" if number else f"front-{len(entries) + 1}"
            node.clear()
            if label:
                node.append(_span(soup, label, "secno"))
                node.append(" ")
            node.append(text)
            node["class"] = [*node.get("class", []), "chapter-title"]
        else:
            if part <= 0 or not (chapter or appendix):
                number, anchor = "", f"front-{len(entries) + 1}"
            else:
                section += 1
                head = chr(ord("A") + appendix - 1) if appendix else str(chapter)
                number = f"{head}.{section}"
                anchor = f"sec-{number.replace('.', '-')}"
                node.clear()
                node.append(_span(soup, number, "secno"))
                node.append(" " + text)
        node["id"] = anchor
        entries.append((int(node.name[1]), node.get_text(" ", strip=True), anchor))

    for number, tag in enumerate(soup.select("figure.report-figure .figure-number"), start=1):
        tag.string = f"Figure {number}."
    for number, tag in enumerate(soup.select(".report-table-block .table-number"), start=1):
        tag.string = f"Table {number}."

    title = soup.select_one("header.title-page")
    if title is not None and entries:
        nav = soup.new_tag("nav", attrs={"class": "toc", "aria-label": "Contents"})
        heading = soup.new_tag("h2", attrs={"class": "toc-title"})
        heading.string = "Contents"
        nav.append(heading)
        listing = soup.new_tag("ol")
        for level, text, anchor in entries:
            item = soup.new_tag("li", attrs={"class": f"toc-level-{level}"})
            link = soup.new_tag("a", href=f"#{anchor}")
            link.string = text
            item.append(link)
            listing.append(item)
        nav.append(listing)
        _outermost_cell(title).insert_after(nav)
    return str(soup)


def _span(soup, text: str, cls: str):
    span = soup.new_tag("span", attrs={"class": cls})
    span.string = text
    return span


def _outermost_cell(tag):
    """The notebook-cell element holding `tag` (nbconvert wraps outputs in several divs)."""
    found = tag
    for parent in tag.parents:
        if parent.name == "div" and "jp-Cell" in parent.get("class", []):
            found = parent
    return found


def _strip_active_content(soup) -> None:
    """The report runs no code in the reader's browser: no script, frame, object or handler."""
    for tag in soup.find_all(["script", "iframe", "object", "embed", "base", "applet"]):
        tag.decompose()
    for tag in soup.find_all(True):
        for attribute in [a for a in tag.attrs if a.lower().startswith("on")]:
            del tag[attribute]


def external_resources(markup: str) -> list[str]:
    """Everything in the HTML a browser would fetch from elsewhere (should be empty)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    found = [f"<script src={t['src']}>" for t in soup.find_all("script", src=True)]
    for tag in soup.find_all(["img", "source", "audio", "video", "iframe", "embed", "input",
                              "track"], src=True):
        if not tag["src"].startswith("data:"):
            found.append(f"<{tag.name} src={tag['src']}>")
    for tag in soup.find_all("link", href=True):
        found.append(f"<link href={tag['href']}>")
    for tag in soup.find_all("object", data=True):
        found.append(f"<object data={tag['data']}>")
    styles = " ".join(t.get_text() for t in soup.find_all("style"))
    styles += " ".join(t.get("style", "") for t in soup.find_all(style=True))
    found += [f"css url({u})" for u in re.findall(r"url\(\s*['\"]?([^)'\"]+)", styles)
              if not u.startswith("data:")]
    found += [f"css @import {u}" for u in re.findall(r"@import\s+([^;]+)", styles)]
    return found


# ------------------------------------------------------------------ searchable tables in the HTML


PAGE_ROWS = 10  # rows a searchable table shows at once


def interactive_table_html(table, table_id: str) -> str:
    """itables' markup for `table`: cells HTML-escaped by itables (allow_html off), no script
    but the table's own initialisation, which waits for the offline bundle."""
    from itables import to_html_datatable

    return to_html_datatable(
        table, connected=False, table_id=table_id, allow_html=False, showIndex=False,
        display_logo_when_loading=False, classes="display compact", pageLength=PAGE_ROWS,
        lengthMenu=[10, 25, 100, 500], maxBytes=0, column_filters=False,
        layout={"topStart": "pageLength", "topEnd": "search", "bottomStart": "info",
                "bottomEnd": "paging"})


def itables_bundle_html() -> str:
    """DataTables and its CSS from the itables package, inline (the HTML fetches nothing)."""
    from itables.javascript import generate_init_offline_itables_html
    from itables.options import dt_bundle

    markup = generate_init_offline_itables_html(dt_bundle)
    # Only the loader script: the <noscript> notice after it speaks of notebooks, not reports.
    return markup[: markup.rindex("</script>") + len("</script>")]


def complete_tables_text(reports: Path) -> str:
    """Every character of the complete tables beside the report (for the embedded font)."""
    import pandas as pd

    characters: set[str] = set()
    for path in sorted((reports / "tables").glob("*.parquet")):
        table = pd.read_parquet(path)
        for values in (table.columns, *(table[c] for c in table.columns)):
            characters.update(*(str(v) for v in values.tolist()))
    return "".join(sorted(characters))


def make_tables_interactive(markup: str, reports: Path) -> str:
    """Each complete-table block of the page gets the whole table (read from
    `reports`/tables/NAME.parquet, written by `display.show_complete_table`) as a searchable,
    sortable, filterable table for the screen; its printed preview stays for the PDF and for
    browsers without script. Runs after `finish_html` removed every script from the notebooks'
    outputs, so the only scripts of the page are the ones added here."""
    import pandas as pd
    from bs4 import BeautifulSoup

    from analysis.display import TABLE_NAME

    soup = BeautifulSoup(markup, "lxml")
    blocks = soup.select("div.complete-table[data-table]")
    added = 0
    for block in blocks:
        name = block["data-table"]
        path = reports / "tables" / f"{name}.parquet"
        if not TABLE_NAME.match(name) or not path.exists():
            continue
        caption = block.select_one("caption")
        label = caption.get_text(" ", strip=True) if caption else name
        holder = soup.new_tag("div", attrs={"class": "interactive-table"})
        title = soup.new_tag("p", attrs={"class": "table-caption"})
        title.string = re.sub(r" The first [\d,]+ of [\d,]+ rows;.*?(?= Source:|$)", "", label)
        table = pd.read_parquet(path)
        if len(table) > PAGE_ROWS:
            title.string = title.string.rstrip(".") + (
                ". Type in Search to filter the rows; click a column heading to sort.")
        holder.append(title)
        holder.append(BeautifulSoup(
            interactive_table_html(table, f"table-{name}"), "html.parser"))
        block.insert(0, holder)
        block["class"] = [*block.get("class", []), "interactive"]
        added += 1
    if added:
        soup.body.append(BeautifulSoup(itables_bundle_html(), "html.parser"))
    return str(soup)


# ------------------------------------------------------------------ PDF


NON_ASCII = re.compile(r"[^\x00-\x7f]")


def embed_cjk_font(*markups: str, extra_text: str = "") -> list[str]:
    """Each HTML page with the bundled CJK font embedded, cut down to the characters they show.

    Phones and desktops usually carry a CJK font, but not all do (a bare Linux box shows
    boxes); a subset of Noto Sans CJK SC with only the report's characters is a few hundred
    kilobytes, so the single file renders its Chinese anywhere. HarfBuzz cuts it in a fraction
    of a second and it is embedded as OpenType: fontTools' subsetter and WOFF2's Brotli took
    half a minute on a 50-article report, to save a quarter of the bytes. `extra_text` adds
    characters the pages hold only in escaped form (the searchable tables' data).
    """
    from analysis.plotting import cjk_font_path

    characters = {ord(ch) for markup in (*markups, extra_text)
                  for ch in set(NON_ASCII.findall(markup))}
    if not characters:
        return list(markups)
    data = base64.b64encode(subset_font(cjk_font_path(), characters)).decode("ascii")
    style = ('<style>@font-face { font-family: "Report CJK"; '
             f'src: url(data:font/otf;base64,{data}) format("opentype"); }}</style>')
    return [markup.replace("</head>", style + "\n</head>", 1) for markup in markups]


def subset_font(path: Path, characters: set[int]) -> bytes:
    """The font at `path` with only the glyphs of `characters` (and what they need)."""
    try:
        import uharfbuzz as hb
    except ImportError:  # slower, same result
        import io

        from fontTools import subset

        options = subset.Options()
        font = subset.load_font(str(path), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=characters)
        subsetter.subset(font)
        out = io.BytesIO()
        subset.save_font(font, out, options)
        return out.getvalue()
    request = hb.SubsetInput()
    for code in characters:
        request.unicode_set.add(code)
    return hb.subset(hb.Face(hb.Blob.from_file_path(str(path))), request).blob.data


def font_face_css() -> str:
    """@font-face for WeasyPrint: the bundled CJK font by local file, embedded into the PDF."""
    from analysis.plotting import cjk_font_path

    uri = cjk_font_path().as_uri()
    return (f'@font-face {{ font-family: "Noto Sans CJK SC"; src: url("{uri}"); }}\n'
            f'@font-face {{ font-family: "Noto Sans CJK SC"; font-weight: bold; '
            f'src: url("{uri}"); }}\n')


def write_pdf(markup: str, path: Path) -> Path:
    """Print the reader's HTML to an A4 PDF with the print stylesheet; fetch nothing remote."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    fetcher = weasyprint.URLFetcher(allowed_protocols={"file", "data"})
    # The print rules are already in the page (author styles); only the font file is added here.
    css = weasyprint.CSS(string=font_face_css(), font_config=fonts, url_fetcher=fetcher)
    document = weasyprint.HTML(string=markup, base_url=str(path.parent), url_fetcher=fetcher)
    document.write_pdf(path, stylesheets=[css], font_config=fonts,
                       pdf_title=question.load().title, pdf_author=f"analysis {__version__}")
    return path


# ------------------------------------------------------------------ the whole build


def default_figures_dir(corpus_folder: str | Path, reports_dir: str | Path) -> Path:
    """figures/ of the project only for the seed report with default arguments (its charts are
    committed); any other report keeps its charts beside it, in REPORTS/figures/."""
    seed = Path(corpus_folder).resolve() == SEEDS_DIR and Path(reports_dir).resolve() == REPORTS_DIR
    return FIGURES_DIR if seed else Path(reports_dir).resolve() / "figures"


def build_report(corpus_folder: str | Path, reports_dir: str | Path = "reports", *,
                 figures_dir: str | Path | None = None, notebooks_dir: str | Path | None = None,
                 jobs: int = 2, engine: str | None = None, **engine_options) -> int:
    """Execute the notebooks on `corpus_folder`, write charts to `figures_dir` (default: see
    `default_figures_dir`), and report.html, report-with-code.html, report.ipynb, report.pdf and
    the complete tables (tables/*.csv, *.parquet) to `reports_dir`. The tables the notebooks
    read are computed first, in this process or, with `engine` ("local", "dask") and
    `engine_options` (workers, scheduler), by analysis.engine (tables.compute_report_data).
    Return a process exit code: 0 done, 1 a notebook or the rendering failed, 2 bad corpus."""
    import nbformat

    from analysis import pipeline
    from analysis.loading import CorpusError
    from analysis.tables import compute_report_data, store_report_data

    start = time.perf_counter()
    corpus_path = Path(corpus_folder).resolve()
    reports = Path(reports_dir).resolve()
    figures = (Path(figures_dir).resolve() if figures_dir
               else default_figures_dir(corpus_path, reports))
    notebooks = Path(notebooks_dir).resolve() if notebooks_dir else NOTEBOOKS_DIR
    try:
        # Every stage once, here: the notebooks then read the finished tables from one file.
        data = compute_report_data(corpus_path, pipeline.PROCESSED_DIR, engine=engine,
                                   **engine_options)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    corpus = data.corpus
    if corpus.articles.empty:
        print(f"error: no article could be loaded from {corpus_folder}", file=sys.stderr)
        return 2
    store_report_data(data, corpus_path, pipeline.PROCESSED_DIR)
    print(corpus.summary(), file=sys.stderr)
    paths = notebook_paths(notebooks)
    if not paths:
        print(f"error: no NN-name.ipynb notebook in {notebooks}", file=sys.stderr)
        return 1
    reports.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(reports / "tables", ignore_errors=True)  # a previous build's complete tables
    figures.mkdir(parents=True, exist_ok=True)
    values = dict(zip(PARAMETERS, map(str, (corpus_path, figures, reports, pipeline.PROCESSED_DIR)),
                      strict=True))
    warmed = time.perf_counter()

    print(f"executing {len(paths)} notebooks: {', '.join(p.name for p in paths)}", file=sys.stderr)
    executed = execute_notebooks(paths, values, cwd=notebooks, jobs=jobs)
    failures = [result for result in executed if isinstance(result, NotebookFailed)]
    for failure in failures:
        failed = reports / f"failed-{failure.name}"
        nbformat.write(failure.notebook, failed)
        print(f"error: notebook {failure.name} failed; executed copy in {failed}\n"
              f"{failure.error}\n{failure.kernel_log}".rstrip(), file=sys.stderr)
    if failures:
        return 1
    for path, notebook in zip(paths, executed, strict=True):
        for text in warnings_in(notebook):
            print(f"{path.name}: {text.rstrip()}", file=sys.stderr)
    print("executed " + ", ".join(f"{p.stem} {nb.metadata['report']['seconds']} s"
                                  for p, nb in zip(paths, executed, strict=True)), file=sys.stderr)
    ran = time.perf_counter()

    book = combine(zip((p.name for p in paths), executed, strict=True))
    nbformat.write(book, reports / "report.ipynb")
    reader, with_code = (finish_html(export_html(reader_view(book))),
                         finish_html(export_html(book, with_code=True)))
    # The PDF prints the static page; the HTML files get the searchable tables.
    screen, screen_code = (make_tables_interactive(reader, reports),
                           make_tables_interactive(with_code, reports))
    problems = external_resources(screen) + external_resources(screen_code)
    if problems:
        print("error: the HTML would load external resources: " + "; ".join(problems),
              file=sys.stderr)
        return 1
    reader, screen, screen_code = embed_cjk_font(reader, screen, screen_code,
                                                 extra_text=complete_tables_text(reports))
    (reports / "report.html").write_text(screen, encoding="utf-8")
    (reports / "report-with-code.html").write_text(screen_code, encoding="utf-8")
    rendered = time.perf_counter()
    write_pdf(reader, reports / "report.pdf")
    done = time.perf_counter()
    print(f"wrote {reports / 'report.html'} and {reports / 'report.pdf'} "
          f"(stages {warmed - start:.1f} s, notebooks {ran - warmed:.1f} s, "
          f"HTML {rendered - ran:.1f} s, PDF {done - rendered:.1f} s)", file=sys.stderr)
    return 0
