"""A small stacked bar chart of events by type over time, as inline SVG (the report needs no script
for it), in the palette's colours."""
from __future__ import annotations

import datetime as dt
import html
from collections import Counter

from ..rdf.palette import Palette
from .tables import EventRow
from .views import count_label

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 900, 220, 40, 34, 10


def time_unit(first: dt.date, last: dt.date) -> str:
    """Bars by day for a few weeks, by week for a few months, by month beyond: about 20 to 60 bars."""
    span = (last - first).days
    return "day" if span <= 45 else "week" if span <= 300 else "month"


def bin_start(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def next_bin(start: dt.date, unit: str) -> dt.date:
    if unit == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start + dt.timedelta(days=7 if unit == "week" else 1)


def events_over_time(events: list[EventRow], palette: Palette) -> str:
    """The SVG of the dated events, stacked by type; a short note when none has a date."""
    dated = [(dt.date.fromisoformat(e.date), e.type) for e in events if e.date]
    if not dated:
        return '<p class="note">No event has a date.</p>'
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    unit = time_unit(first, last)
    bins = [bin_start(first, unit)]
    while next_bin(bins[-1], unit) <= last:
        bins.append(next_bin(bins[-1], unit))
    index = {start: i for i, start in enumerate(bins)}
    counts = [Counter() for _ in bins]
    for day, event_type in dated:
        counts[index[bin_start(day, unit)]][event_type] += 1
    tallest = max(sum(c.values()) for c in counts)
    plot_w, plot_h = WIDTH - LEFT - 10, HEIGHT - BOTTOM - TOP
    bar = plot_w / len(bins)
    order = sorted({t for _, t in dated}, key=lambda t: palette.event(t).label)
    shapes = []
    for i, (start, by_type) in enumerate(zip(bins, counts)):
        y = TOP + plot_h
        title = ", ".join(count_label(palette, t, by_type[t]) for t in order if by_type[t]) or "no event"
        shapes.append(f'<g><title>{html.escape(_bin_label(start, unit))}: {html.escape(title)}</title>')
        for event_type in order:
            if by_type[event_type]:
                h = by_type[event_type] / tallest * plot_h
                y -= h
                shapes.append(f'<rect x="{LEFT + i * bar + 0.5:.1f}" y="{y:.1f}" width="{max(bar - 1, 1):.1f}" '
                              f'height="{h:.1f}" fill="{palette.event(event_type).colour}"/>')
        shapes.append("</g>")
    ticks = sorted({0, len(bins) - 1, *range(0, len(bins), max(1, len(bins) // 6))})
    for i in ticks:
        shapes.append(f'<text x="{LEFT + (i + 0.5) * bar:.1f}" y="{HEIGHT - BOTTOM + 16}" font-size="11" '
                      f'text-anchor="middle" fill="#555">{html.escape(_bin_label(bins[i], unit))}</text>')
    shapes.append(f'<text x="{LEFT - 6}" y="{TOP + 4}" font-size="11" text-anchor="end" fill="#555">{tallest}</text>'
                  f'<text x="{LEFT - 6}" y="{TOP + plot_h}" font-size="11" text-anchor="end" fill="#555">0</text>'
                  f'<line x1="{LEFT}" x2="{WIDTH - 10}" y1="{TOP + plot_h + 0.5}" y2="{TOP + plot_h + 0.5}" '
                  'stroke="#999"/>')
    legend = "".join(f'<span><i style="background:{palette.event(t).colour}"></i>{html.escape(palette.event(t).label)}'
                     "</span>" for t in order)
    undated = len(events) - len(dated)
    note = f"{len(dated):,} dated events by {unit}"
    note += f"; {undated:,} undated ones are not on the chart" if undated else ""
    return (f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="Events by type over time">'
            f'{"".join(shapes)}</svg><div class="legend">{legend}</div><p class="note">{html.escape(note)}</p>')


def _bin_label(start: dt.date, unit: str) -> str:
    return start.strftime("%Y-%m") if unit == "month" else start.isoformat()
