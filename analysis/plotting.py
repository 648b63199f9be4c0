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
    # Counts, in few ticks: the bars carry their own value labels.
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(nbins=5, integer=True))
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


# ---------------------------------------------------------------- time (analysis.timeline)
# A time axis keeps at most about a dozen labelled ticks; legends hold at most about ten
# entries (the timeline tables already group the rest as "other").

MAX_TICK_LABELS = 12
OTHER_COLOUR = "#b0b0b0"


def _period_axis(ax, periods: list[str]) -> None:
    step = max(1, -(-len(periods) // MAX_TICK_LABELS))
    ax.set_xticks(range(0, len(periods), step), periods[::step], rotation=45, ha="right",
                  fontsize=8)
    ax.set_xlim(-0.6, len(periods) - 0.4)
    ax.spines[["top", "right"]].set_visible(False)


def _series_colours(keys: list[str]) -> dict[str, object]:
    palette = plt.get_cmap("tab10")
    named = [k for k in keys if k != "other"]
    colours = {k: palette(i % 10) for i, k in enumerate(named)}
    colours["other"] = OTHER_COLOUR
    return colours


def plot_stacked_periods(table, key: str, value: str, ylabel: str,
                         labels: dict[str, str] | None = None) -> plt.Figure:
    """Stacked bars of a long table (period, key, value) from `analysis.timeline`: one bar per
    period, one segment per key, the legend in the table's key order."""
    use_cjk_font()
    wide = table.pivot_table(index="period", columns=key, values=value, aggfunc="sum",
                             sort=False).fillna(0)
    keys = list(dict.fromkeys(table[key]))
    wide = wide.reindex(columns=keys).sort_index()
    periods = [str(p) for p in wide.index]
    colours = _series_colours(keys)
    fig, ax = plt.subplots(figsize=(8, 3.6))
    bottom = [0.0] * len(wide)
    for k in keys:
        values = list(wide[k])
        ax.bar(range(len(periods)), values, bottom=bottom, color=colours[k], width=0.85,
               label=(labels or {}).get(k, k))
        bottom = [a + b for a, b in zip(bottom, values, strict=True)]
    _period_axis(ax, periods)
    ax.set_ylabel(ylabel)
    if len(keys) > 1:
        ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    return fig


def plot_articles_by_period(table) -> plt.Figure:
    """Articles per period by outlet (`analysis.timeline.articles_by_period`)."""
    fig = plot_stacked_periods(table, "outlet", "articles", "articles")
    fig.axes[0].yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    return fig


def plot_topic_shares_by_period(table, topic_labels: dict[str, str]) -> plt.Figure:
    """Each topic's share of the period's topic words (`timeline.topic_shares_by_period`);
    a period without topic words is an empty bar."""
    fig = plot_stacked_periods(table, "topic", "share", "share of topic words", topic_labels)
    ax = fig.axes[0]
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    return fig


def plot_bank_mentions_by_period(table, bank_labels: dict[str, str]) -> plt.Figure:
    """Banks (rows, most mentioned on top, "other" last) x periods: colour is the number of
    mentions (`analysis.timeline.bank_mentions_by_period`)."""
    use_cjk_font()
    wide = table.pivot_table(index="bank", columns="period", values="count", aggfunc="sum",
                             sort=False).fillna(0)
    banks = list(dict.fromkeys(table["bank"]))
    wide = wide.reindex(index=banks).sort_index(axis=1)
    periods = [str(p) for p in wide.columns]
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(banks) + 1.6))
    image = ax.imshow(wide.to_numpy(dtype=float), cmap="Blues", aspect="auto",
                      interpolation="nearest")
    ax.set_yticks(range(len(banks)), [bank_labels.get(b, b) for b in banks], fontsize=8)
    _period_axis(ax, periods)
    fig.colorbar(image, ax=ax, label="mentions", shrink=0.8)
    fig.tight_layout()
    return fig


def plot_topic_totals(table, topic_labels: dict[str, str]) -> plt.Figure:
    """Each topic's share of all topic words of the corpus: topic, count, share."""
    use_cjk_font()
    fig, ax = plt.subplots(figsize=(7, 0.35 * len(table) + 1.2))
    plot_term_bars(ax, [topic_labels.get(t, t) for t in table["topic"]],
                   [round(100 * s, 1) for s in table["share"]])
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator())
    ax.set_xlabel("share of the corpus's topic words (%)")
    fig.tight_layout()
    return fig


def plot_bank_totals(totals, bank_labels: dict[str, str]) -> plt.Figure:
    """Mentions of each bank over the corpus (`analysis.topics.bank_totals`, already cut to
    the banks to show), most mentioned on top."""
    use_cjk_font()
    fig, ax = plt.subplots(figsize=(7, 0.28 * len(totals) + 1))
    plot_term_bars(ax, [bank_labels.get(b, b) for b in totals["bank"]], list(totals["count"]))
    ax.set_xlabel("mentions (aliases, branches and group names merged)")
    fig.tight_layout()
    return fig
