"""The names at the end of a chart's lines stay beside the plot, one row apart, however many partners there
are: the long campaign's trust chart has eleven, and at 800x600 the names once ran over the ending's buttons."""
from __future__ import annotations

import pygame

from game.i18n import S
from game.ui.widgets.charts import DASHES, MARKERS, LineChart, Series

PARTNERS = ("Britain", "France", "Italy", "Germany", "United States", "Japan", "Poland", "Persia", "Afghanistan",
            "Turkey", "Norway")


def _chart(height: int) -> LineChart:
    series = [Series(name, [40.0, 20.0 + i * 0.3], pygame.Color("black"), MARKERS[i % len(MARKERS)], DASHES[0])
              for i, name in enumerate(PARTNERS)]     # every line ends near the foot of the plot, as trust did
    return LineChart(pygame.Rect(0, 0, 400, height), ["1921-01-01", "1933-11-16"], series, (0.0, 100.0), 1.0)


def _ends(chart: LineChart) -> list[tuple[float, Series]]:
    return [(chart.xy(len(s.values) - 1, s.values[-1])[1], s) for s in chart.series]


def test_eleven_names_that_fit_are_all_shown_inside_the_plot_and_apart() -> None:
    chart = _chart(260)
    rows = chart.legend(_ends(chart))
    assert [text for _, _, text in rows] and {text for _, _, text in rows} == set(PARTNERS)
    ys = [y for y, _, _ in rows]
    assert all(chart.plot.top <= y <= chart.plot.bottom for y in ys)
    assert all(b - a >= chart.line_height for a, b in zip(ys, ys[1:]))


def test_names_that_do_not_fit_are_counted_on_one_row_of_others() -> None:
    chart = _chart(130)
    rows = chart.legend(_ends(chart))
    named = [text for _, ser, text in rows if ser is not None]
    others = [text for _, ser, text in rows if ser is None]
    assert named and len(named) < len(PARTNERS)
    assert others == [S["ui.chart.others"].format(n=len(PARTNERS) - len(named))]
    ys = [y for y, _, _ in rows]
    assert all(chart.plot.top <= y <= chart.plot.bottom for y in ys)
    assert all(b - a >= chart.line_height for a, b in zip(ys, ys[1:]))
