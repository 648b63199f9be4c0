"""Charts for the report. Every chart uses the bundled CJK font, so Chinese never renders as boxes.

The font is Noto Sans CJK SC (SIL Open Font License) as shipped by the mplfonts package;
it is registered with matplotlib by file, because setting rcParams alone still draws boxes
when matplotlib has not indexed the file.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # headless in tests and nbconvert; notebooks may switch to inline

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"


def cjk_font_path() -> Path:
    return Path(str(resources.files("mplfonts") / "fonts" / CJK_FONT_FILE))


@cache
def use_cjk_font() -> str:
    """Register the bundled CJK font with matplotlib and make it the default; return its name."""
    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    plt.rcParams["font.family"] = "sans-serif"
    plt.rcParams["font.sans-serif"] = [name, "DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False  # the CJK font lacks U+2212
    plt.rcParams["svg.fonttype"] = "none"  # keep text as text in SVG
    plt.rcParams["pdf.fonttype"] = 42
    return name


def save_figure(fig: plt.Figure, name: str, folder: str | Path = "figures") -> list[Path]:
    """Write `fig` as PNG and SVG under `folder`; return the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{name}.png", folder / f"{name}.svg"]
    fig.savefig(paths[0], dpi=150, bbox_inches="tight")
    fig.savefig(paths[1], bbox_inches="tight")
    return paths
