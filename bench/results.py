"""The summary table `make bench` prints last: one row per figure, with its baseline and target.

Each benchmark records its rows here as it prints its own details; `bench/run.py`
prints the table once every benchmark has run.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    figure: str
    measured: str
    baseline: str
    ratio: str
    target: str
    met: bool | None
    """None for a figure that is reported, not held to a target."""


ROWS: list[Row] = []


def record(
    figure: str, measured: str, baseline: str, ratio: str, target: str, met: bool | None
) -> None:
    ROWS.append(Row(figure, measured, baseline, ratio, target, met))


def table() -> str:
    header = Row("figure", "measured", "baseline (same run)", "ratio", "target", None)
    rows = [header, *ROWS]
    widths = [
        max(len(getattr(row, field)) for row in rows)
        for field in ("figure", "measured", "baseline", "ratio", "target")
    ]

    def line(row: Row, status: str) -> str:
        cells = (row.figure, row.measured, row.baseline, row.ratio, row.target)
        return (
            " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
            + f" | {status}"
        )

    verdicts = {True: "met", False: "NOT met", None: "reported"}
    lines = [line(header, "status"), "-+-".join("-" * width for width in widths) + "-+-------"]
    lines.extend(line(row, verdicts[row.met]) for row in ROWS)
    return "\n".join(lines)
