"""The ``--plot`` figure: mean F1 against pages/s, one labelled point per extractor.

Needs matplotlib, imported only when a plot is asked for (the command line turns
its absence into a usage error). Labels are placed highest point first, each at
the first nearby spot that neither leaves the axes nor covers a point or another
label, with a leader line when it had to move far.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cleanser.bench.summary import GROUP_NONZH, GROUP_ZH, Report, _headline_f1


def plot(report: Report, path: Path) -> None:
    """Mean F1 against pages/s (log x), one labelled point per extractor."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 5.5), dpi=120)
    group = GROUP_ZH if GROUP_ZH in report.groups else GROUP_NONZH
    points = [
        (s, s.pages_per_s, f1)
        for s in report.summaries
        if (f1 := _headline_f1(s)) is not None and s.pages_per_s
    ]
    for s, x, y in points:
        mine = s.name == "cleanser"
        ax.scatter(
            [x], [y], s=70 if mine else 40, color="tab:red" if mine else "tab:blue", zorder=3
        )
    ax.set_xscale("log")
    ax.set_ylim(0, 1.02)
    if points:
        xs = [x for _, x, _ in points]
        ax.set_xlim(
            min(xs) / 3, max([*xs, report.floor.pages_per_s or 0.0] if report.floor else xs) * 2.5
        )
    if report.floor and report.floor.pages_per_s:
        ax.axvline(report.floor.pages_per_s, color="grey", linestyle="--", linewidth=1)
        ax.annotate(
            "lxml parse only",
            (report.floor.pages_per_s, 0.02),
            xycoords=("data", "axes fraction"),
            rotation=90,
            fontsize=8,
            color="grey",
            xytext=(-10, 0),
            textcoords="offset points",
        )
    ax.set_xlabel("pages/s (single process, log scale)")
    ax.set_ylabel(f"mean char-level F1 ({group}, {report.groups.get(group, 0)} pages)")
    ax.set_title("Accuracy against speed")
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()  # before placing labels: they are placed in final display coordinates
    _place_labels(
        fig, ax, [(f"{s.name} {y:.3f}", x, y, s.name == "cleanser") for s, x, y in points]
    )
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


# Label positions tried in turn (offset in points, horizontal alignment) until a label
# overlaps neither another label nor a point.
_LABEL_SPOTS = (
    (6, 4, "left"),
    (6, -12, "left"),
    (-6, 4, "right"),
    (-6, -12, "right"),
    *((dx, dy, ha) for dy in (22, -30, 40, -48) for dx, ha in ((14, "left"), (-14, "right"))),
)
# Labels moved further than this (points) get a leader line to their point.
_LEADER_BEYOND = 14


def _place_labels(fig: Any, ax: Any, labels: list[tuple[str, float, float, bool]]) -> None:
    """Annotate points, highest first, each at the spot that collides least.

    A spot's cost counts leaving the axes, covering a point, and overlapping a
    label already placed; the first spot without cost wins.
    """
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    centres = [ax.transData.transform((x, y)) for _, x, y, _ in labels]
    boxes: list[Any] = []
    for text, x, y, bold in sorted(labels, key=lambda t: -t[2]):
        best: tuple[int, int, float, float, str] | None = None
        for order, (dx, dy, ha) in enumerate(_LABEL_SPOTS):
            ann = _annotate(ax, text, x, y, dx, dy, ha, bold, leader=False)  # text box only
            box = ann.get_window_extent(renderer).expanded(1.05, 1.2)
            ann.remove()
            inside = frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)
            cost = (
                (0 if inside else 100)
                + 10 * sum(box.contains(px, py) for px, py in centres)
                + sum(box.overlaps(other) for other in boxes)
            )
            if best is None or cost < best[0]:
                best = (cost, order, dx, dy, ha)
            if cost == 0:
                break
        assert best is not None
        _annotate(ax, text, x, y, best[2], best[3], best[4], bold)
        measured = _annotate(ax, text, x, y, best[2], best[3], best[4], bold, leader=False)
        boxes.append(measured.get_window_extent(renderer))
        measured.remove()


def _annotate(
    ax: Any,
    text: str,
    x: float,
    y: float,
    dx: float,
    dy: float,
    ha: str,
    bold: bool,
    leader: bool = True,
) -> Any:
    """One label at an offset from its point, with a leader line when moved far."""
    far = abs(dy) > _LEADER_BEYOND
    return ax.annotate(
        text,
        (x, y),
        textcoords="offset points",
        xytext=(dx, dy),
        ha=ha,
        va="center" if far else "baseline",
        fontsize=9,
        fontweight="bold" if bold else "normal",
        arrowprops=dict(arrowstyle="-", color="grey", lw=0.6, shrinkA=0, shrinkB=4)
        if far and leader
        else None,
    )
