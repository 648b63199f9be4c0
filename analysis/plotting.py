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

import matplotlib.pyplot as plt
from matplotlib import font_manager

CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"


def cjk_font_path() -> Path:
    return Path(str(resources.files("mplfonts") / "fonts" / CJK_FONT_FILE))


@cache
def register_cjk_font() -> str:
    """Add the bundled CJK font file to matplotlib's font list (once); return its family name."""
    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def use_cjk_font() -> str:
    """Register the bundled CJK font with matplotlib and make it the default; return its name.

    The settings are applied on every call, so a notebook that reset matplotlib's style
    (plt.style.use, rcdefaults) gets the font back by calling this again."""
    name = register_cjk_font()
    plt.rcParams["font.family"] = "sans-serif"
    plt.rcParams["font.sans-serif"] = [name, "DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False  # the CJK font lacks U+2212
    plt.rcParams["svg.fonttype"] = "none"  # keep text as text in SVG
    plt.rcParams["svg.hashsalt"] = "analysis"  # stable SVG ids: same chart, same file
    plt.rcParams["pdf.fonttype"] = 42
    return name


def save_figure(fig: plt.Figure, name: str, folder: str | Path = "figures") -> list[Path]:
    """Write `fig` as PNG and SVG under `folder`; return the paths. No date is written into
    either file, so rebuilding an unchanged chart leaves the files unchanged."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{name}.png", folder / f"{name}.svg"]
    fig.savefig(paths[0], dpi=150, bbox_inches="tight", metadata={"Software": None})
    fig.savefig(paths[1], bbox_inches="tight", metadata={"Date": None})
    return paths


# ---------------------------------------------------------------- topics (analysis.topics)

def plot_term_bars(ax, labels, values, colour: str = "#3b6ea5") -> None:
    """Horizontal bars on `ax`, first label on top, each bar labelled with its value."""
    positions = range(len(labels))
    ax.barh(positions, values, color=colour)
    ax.set_yticks(list(positions), labels)
    ax.invert_yaxis()
    for position, value in zip(positions, values, strict=True):
        ax.text(value, position, f" {value:g}", va="center", fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))  # counts
    ax.margins(x=0.12)


def plot_term_top(top, title: str = "") -> plt.Figure:
    """Bars of `analysis.topics.top_terms`: term, count; the most frequent on top."""
    use_cjk_font()
    fig, ax = plt.subplots(figsize=(7, 0.28 * len(top) + 1))
    plot_term_bars(ax, list(top["term"]), list(top["count"]))
    ax.set_xlabel("occurrences in the corpus")
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_term_by_article(top_by_article, labels: dict[str, str], columns: int = 2) -> plt.Figure:
    """One bar chart per article of `analysis.topics.top_terms_by_article`, titled by `labels`."""
    use_cjk_font()
    articles = [a for a in labels if a in set(top_by_article["article_id"])]
    rows = max(1, -(-len(articles) // columns))
    per_article = top_by_article.groupby("article_id", sort=False)
    longest = max((len(g) for _, g in per_article), default=1)
    fig, axes = plt.subplots(rows, columns, figsize=(8, rows * (0.26 * longest + 1.0)),
                             squeeze=False)
    for ax, article_id in zip(axes.flat, articles, strict=False):
        terms = per_article.get_group(article_id)
        plot_term_bars(ax, list(terms["term"]), list(terms["count"]))
        ax.set_title(labels[article_id], fontsize=10, loc="left")
    for ax in list(axes.flat)[len(articles):]:
        ax.set_visible(False)
    fig.tight_layout()
    return fig


def plot_topic_heatmap(shares, counts, labels: dict[str, str],
                       topic_labels: dict[str, str]) -> plt.Figure:
    """Articles (rows) x topics (columns) from `analysis.topics.topic_matrix`: colour is the
    topic's share of the article, each cell reads "share (count)"."""
    use_cjk_font()
    fig, ax = plt.subplots(figsize=(1.1 * len(shares.columns) + 3, 0.6 * len(shares) + 1.6))
    image = ax.imshow(shares.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(shares.columns)), [topic_labels.get(t, t) for t in shares.columns],
                  rotation=30, ha="right")
    ax.set_yticks(range(len(shares)), [labels.get(a, a) for a in shares.index])
    for i, article_id in enumerate(shares.index):
        for j, topic in enumerate(shares.columns):
            share, count = shares.at[article_id, topic], counts.at[article_id, topic]
            if count:
                ax.text(j, i, f"{share:.0%}\n({count:g})", ha="center", va="center", fontsize=8,
                        color="white" if share > 0.5 else "black")
    fig.colorbar(image, ax=ax, label="share of the article's topic terms", shrink=0.8)
    fig.tight_layout()
    return fig


def plot_bank_mentions(matrix, labels: dict[str, str], bank_labels: dict[str, str]) -> plt.Figure:
    """Banks (rows, most mentioned on top) x articles from `analysis.topics.mentions_matrix`,
    one stacked segment per article."""
    use_cjk_font()
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(matrix) + 1.5))
    left = [0] * len(matrix)
    colours = plt.get_cmap("tab10")
    positions = range(len(matrix))
    for k, article_id in enumerate(matrix.columns):
        values = list(matrix[article_id])
        ax.barh(positions, values, left=left, color=colours(k % 10),
                label=labels.get(article_id, article_id))
        left = [a + b for a, b in zip(left, values, strict=True)]
    for position, total in zip(positions, left, strict=True):
        ax.text(total, position, f" {total:g}", va="center", fontsize=8)
    ax.set_yticks(list(positions), [bank_labels.get(b, b) for b in matrix.index])
    ax.invert_yaxis()
    ax.set_xlabel("mentions (aliases and group names merged)")
    ax.spines[["top", "right"]].set_visible(False)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    fig.tight_layout()
    return fig
