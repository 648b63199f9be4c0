"""Transitional: the report module was split into `analysis.display` (what notebooks call),
`analysis.tables` (reader tables) and `analysis.build` (execute, combine, HTML, PDF).

Only notebooks 00 and 02 and `analysis.summary` (owned elsewhere) still import from here; delete
this file once they import the three modules directly.
"""

from analysis.build import build_report, execute_notebooks, notebook_paths  # noqa: F401
from analysis.display import (  # noqa: F401
    REPORT_TITLE,
    counted,
    show_figure,
    show_markdown,
    show_table,
    show_title_page,
)
from analysis.tables import article_keys  # noqa: F401
