"""The lending chapter's charts: one function per view of analysis.selections, each drawing
what it is given (a figures or facts table) and saying so in a small panel when that is empty.

Amounts are in yuan (or dollars) as extracted; axes read "CNY 1 trn", "CNY 100 bn", and a
chart turns logarithmic when its amounts span more than an order of magnitude.
"""

from __future__ import annotations

import math

import matplotlib
import matplotlib.dates
import matplotlib.pyplot as plt
import pandas as pd

from analysis.banks import abbreviation
from analysis.figures import MONEY_UNITS
from analysis.formatting import format_value
from analysis.plotting import use_cjk_font
from analysis.selections import MAX_LEGEND


def plot_lending_bank_label(canonical: str, multiline: bool = False) -> str:
    """'工商银行 ICBC': the Chinese name with its English short name (if it has one)."""
    short = abbreviation(canonical)
    return canonical if short == canonical else f"{canonical}{chr(10) if multiline else ' '}{short}"


def plot_lending_wants_log(values) -> bool:
    positive = [v for v in values if v > 0]
    return bool(positive) and max(positive) / min(positive) >= 10


def plot_lending_money_axis(ax, unit: str, log: bool, values=()) -> None:
    """Ticks read "CNY 1 trn"; on a log axis the bars start a decade below the smallest."""
    axis = ax.xaxis
    if log:
        ax.set_xscale("log")
        ax.set_xlim(left=10 ** (math.ceil(math.log10(min(values))) - 1))
        axis.set_major_locator(matplotlib.ticker.LogLocator(base=10))
        axis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    axis.set_major_formatter(matplotlib.ticker.FuncFormatter(
        lambda value, _: format_value(value, unit) if value > 0 else "0"))
    for label in ax.get_xticklabels():
        label.set_fontsize(8)


def plot_lending_empty(title: str, message: str) -> plt.Figure:
    """A small panel saying that the corpus has no such figures (a chart is still saved)."""
    use_cjk_font()
    fig, ax = plt.subplots(figsize=(7, 1.2))
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555")
    ax.set_axis_off()
    ax.set_title(title, loc="left", fontsize=11)
    return fig


def plot_lending_bars(table, labels: list[str], title: str, xlabel: str,
                      colour_by: str | None = None, log: bool | None = None) -> plt.Figure:
    """Horizontal bars, one per row of a figures table (first row on top), each labelled with
    its reading ("≥ CNY 1 trn"); `colour_by` names a column whose values get a colour each."""
    use_cjk_font()
    if table.empty:
        return plot_lending_empty(title, "No such figures in this corpus.")
    values = list(table["value"])
    units = list(table["unit"])
    log = plot_lending_wants_log(values) if log is None else log
    fig, ax = plt.subplots(figsize=(8, 0.42 * len(table) + 1.4))
    positions = list(range(len(table)))
    groups = list(dict.fromkeys(table[colour_by])) if colour_by else [None]
    palette = plt.get_cmap("tab10")
    colours = ([palette(groups.index(g) % 10) for g in table[colour_by]] if colour_by
               else ["#3b6ea5"] * len(table))
    ax.barh(positions, values, color=colours)
    for position, row in zip(positions, table.itertuples(), strict=True):
        ax.text(row.value, position, " " + format_value(row.value, row.unit, row.qualifier),
                va="center", fontsize=8)
    ax.set_yticks(positions, labels, fontsize=9)
    ax.invert_yaxis()
    plot_lending_money_axis(ax, units[0], log, values)
    ax.set_xlabel(xlabel + (" (log scale)" if log else ""))
    ax.set_xlim(right=max(values) * (5 if log else 1.35))
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title, loc="left", fontsize=11)
    if colour_by:
        handles = [matplotlib.patches.Patch(color=palette(k % 10), label=str(g))
                   for k, g in enumerate(groups)]
        ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def plot_lending_central_bank(stats) -> plt.Figure:
    """The central bank's statistics (`analysis.figures.central_bank_statistics`): amounts on
    the left, percentages and percentage points on the right, each labelled by its metric."""
    use_cjk_font()
    title = "Central bank (中国人民银行, PBoC) statistics"
    if stats.empty:
        return plot_lending_empty(title, "No central-bank figures in this corpus.")
    amounts = stats[stats["unit"].isin(MONEY_UNITS)]
    rates = stats[stats["unit"].isin(["%", "pp"])]
    panels = [p for p in (amounts, rates) if len(p)]
    # Panels stacked, not side by side: at 7.5 in wide the chart prints at full size on A4.
    heights = [0.4 * len(p) + 0.9 for p in panels]
    fig, axes = plt.subplots(len(panels), 1, figsize=(7.5, sum(heights) + 0.6), squeeze=False,
                             gridspec_kw={"height_ratios": heights})
    for ax, panel in zip(axes[:, 0], panels, strict=True):
        positions = list(range(len(panel)))
        ax.barh(positions, panel["value"], color=["#7a5195" if u == "pp" else "#3b6ea5"
                                                  for u in panel["unit"]])
        for position, row in zip(positions, panel.itertuples(), strict=True):
            ax.text(row.value, position, " " + format_value(row.value, row.unit, row.qualifier),
                    va="center", fontsize=8)
        several = stats["as_of"].nunique() > 1
        labels = [(str(m) or "(no metric)") + (f" · {d}" if several and isinstance(d, str) else "")
                  for m, d in zip(panel["metric"], panel["as_of"], strict=True)]
        ax.set_yticks(positions, labels, fontsize=8)
        ax.invert_yaxis()
        ax.spines[["top", "right"]].set_visible(False)
        if panel is amounts:
            plot_lending_money_axis(ax, panel["unit"].iloc[0], False, list(panel["value"]))
            ax.set_xlabel("yuan")
        else:
            ax.set_xlabel("percent (%) or percentage points (pp, purple)")
        ax.set_xlim(right=panel["value"].max() * 1.4)
    dates = ", ".join(sorted(set(stats["as_of"].dropna()))) if stats["as_of"].nunique() == 1 else ""
    fig.suptitle(title + (f", {dates}" if dates else ""), x=0.01, ha="left", fontsize=11)
    fig.tight_layout()
    return fig


def plot_lending_peers(comparison: dict) -> plt.Figure:
    """Banks reporting one metric family at one date side by side (analysis.selections.
    peer_comparisons), with the sector's figure of the same family and date in the x label."""
    banks, family = comparison["banks"], comparison["family"].replace("_", " ")
    title = f"{family.capitalize()}, {comparison['n_banks']} banks, as of {comparison['as_of']}"
    if banks.empty:
        return plot_lending_empty(title, "No bank reports this family at one date.")
    labels = [f"{plot_lending_bank_label(b)} · {m}" if m else plot_lending_bank_label(b)
              for b, m in zip(banks["entity"], banks["metric"], strict=True)]
    unit = comparison["unit"]
    fig = plot_lending_bars(banks, labels, title, "yuan" if unit == "CNY" else unit, log=False)
    reference = comparison["reference"]
    if len(reference) and comparison["unit"] in MONEY_UNITS:
        sector = reference.sort_values("n_articles", ascending=False, kind="stable").iloc[0]
        together = banks["value"].sum()
        fig.axes[0].set_xlabel(
            f"yuan. Together {format_value(together, sector['unit'])}, {together / sector['value']:.0%}"
            f" of the banking sector's {format_value(sector['value'], sector['unit'])}"
            f" ({sector['metric']}) at the same date.", fontsize=9)
        fig.tight_layout()
    return fig


def plot_lending_over_time(table: pd.DataFrame) -> plt.Figure:
    """Bank facts over time (analysis.selections.figures_over_time): one small multiple per
    metric family, one colour per bank (at most MAX_LEGEND), a dot per fact and a line through
    the dates of each measure a bank reports more than once; log scale when a panel spans an
    order of magnitude."""
    use_cjk_font()
    title = "Bank figures over time, by metric family"
    if table.empty:
        return plot_lending_empty(title, "No family has bank figures at two dates.")
    families = list(dict.fromkeys(table["metric_family"]))
    banks = list(dict.fromkeys(table["entity"]))[:MAX_LEGEND]
    columns = 2 if len(families) > 1 else 1
    rows = math.ceil(len(families) / columns)
    fig, axes = plt.subplots(rows, columns, figsize=(8, 2.4 * rows + 1.0), squeeze=False)
    palette = plt.get_cmap("tab10")
    for ax, family in zip(axes.flat, families, strict=False):
        panel = table[table["metric_family"] == family]
        for k, bank in enumerate(banks):
            points = panel[panel["entity"] == bank].sort_values("date")
            if points.empty:
                continue
            # A line joins only the dates of one measure as written: a bank's tech-loan
            # balance and its mortgage balance are one family but no series.
            for _, series in points.groupby("metric"):
                if series["date"].nunique() > 1:
                    line = series.groupby("date")["value"].max()
                    ax.plot(line.index, line.to_numpy(), "-", color=palette(k % 10),
                            linewidth=1)
            ax.plot(points["date"], points["value"], "o", color=palette(k % 10), markersize=4)
        if plot_lending_wants_log(panel["value"]):
            ax.set_yscale("log")
            ax.yaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
        ax.set_title(family.replace("_", " "), loc="left", fontsize=10)
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(
            lambda value, _: format_value(value, "CNY") if value > 0 else "0"))
        ax.tick_params(labelsize=7)
        # minticks=3 lets a span of three or four years take yearly ticks; with the default
        # 5, monthly ticks are tried and none of their intervals fits 6 ticks.
        locator = matplotlib.dates.AutoDateLocator(minticks=3, maxticks=6)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(matplotlib.dates.ConciseDateFormatter(locator))
        ax.spines[["top", "right"]].set_visible(False)
    for ax in list(axes.flat)[len(families):]:
        ax.set_axis_off()
    handles = [matplotlib.lines.Line2D([], [], color=palette(k % 10), marker="o",
                                       label=plot_lending_bank_label(b))
               for k, b in enumerate(banks)]
    fig.legend(handles=handles, loc="lower center", ncol=min(5, len(handles)), fontsize=8,
               frameon=False)
    fig.suptitle(title, x=0.01, ha="left", fontsize=11)
    fig.tight_layout(rect=(0, 0.04 + 0.03 * math.ceil(len(handles) / 5), 1, 1))
    return fig


def plot_lending_product(rows: pd.DataFrame, product: str) -> plt.Figure:
    """The amounts of one loan product by bank (analysis.selections.product_figures), each
    labelled with its bank and date; log axis when they span an order of magnitude."""
    labels = [f"{plot_lending_bank_label(b)} · {d if isinstance(d, str) else 'no date'}"
              for b, d in zip(rows["entity"], rows["as_of"], strict=True)]
    return plot_lending_bars(rows, labels, f"{product} by bank", "yuan")
