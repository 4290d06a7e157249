"""Charts drawn on the server as SVG: no script, no style attribute, so they work under a strict
Content-Security-Policy, and each comes with its data as a table for screen readers.

Colours are presentation attributes (which CSP does not govern); text and axes use
``currentColor``, so a chart follows the admin's light or dark theme. Every number and date is
formatted by the caller in the reader's language.
"""

import math
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

WIDTH = 720
FONT = 12
# Okabe and Ito's palette, told apart with every common colour vision deficiency.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7A6A00", "#000000")
LEFT, RIGHT, TOP = 56, 12, 12


@dataclass
class Series:
    """One named series: a value per period or group, in one colour."""

    name: str
    values: list
    colour: str


@dataclass
class Chart:
    """An SVG image and the table that says the same in words and numbers."""

    slug: str
    title: str
    svg: str
    headings: list
    rows: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def colours(count):
    return [PALETTE[number % len(PALETTE)] for number in range(count)]


def nice_ceiling(value):
    """The smallest 1, 2 or 5 × 10ⁿ at least ``value`` (1 for nothing)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # pragma: no cover: the loop ends at 10


def text_width(text):
    return len(text) * FONT * 0.62


def legend(series, top):
    """Swatches and names wrapped over lines from ``top``: (SVG, height used)."""
    parts, x, y = [], LEFT, top
    for one in series:
        width = 18 + text_width(one.name) + 16
        if x + width > WIDTH and x > LEFT:
            x, y = LEFT, y + FONT + 8
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="12" height="12" fill="{one.colour}"/>'
            f'<text x="{x + 16:.1f}" y="{y + 10:.1f}">{escape(one.name)}</text>'
        )
        x += width
    return "".join(parts), y + FONT + 8 - top


def svg(slug, title, height, body):
    """The image, named by its title; its description points to the table that follows."""
    description = _("The same numbers are in the table below the chart.")
    # Every text in ``body`` is escaped where it is written.
    return mark_safe(  # noqa: S308
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="100%" role="img" aria-labelledby="{slug}-title {slug}-desc" '
        f'font-size="{FONT}" font-family="inherit" fill="currentColor" '
        'class="cookie-policy-chart w-block">'
        f'<title id="{slug}-title">{escape(title)}</title>'
        f'<desc id="{slug}-desc">{escape(description)}</desc>{body}</svg>'
    )


def columns(slug, title, labels, series, markers=(), number=str, height=220):
    """Stacked columns, one per period in ``labels``, with ``markers`` — (position in periods
    from the left edge, text) — drawn as dashed lines across the time axis."""
    count = max(len(labels), 1)
    totals = [sum(one.values[n] for one in series) for n in range(len(labels))]
    top = nice_ceiling(max(totals, default=0))
    plot = WIDTH - LEFT - RIGHT
    step = plot / count
    bottom = TOP + height
    parts = []
    for tick in (0, top // 2, top) if top % 2 == 0 else (0, top):
        y = bottom - tick / top * height
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="currentColor" stroke-opacity="0.25"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(number(tick))}</text>'
        )
    for n, label in enumerate(labels):
        x, base = LEFT + n * step, bottom
        for one in series:
            value = one.values[n]
            if not value:
                continue
            bar = value / top * height
            base -= bar
            parts.append(
                f'<rect x="{x + step * 0.1:.1f}" y="{base:.1f}" width="{step * 0.8:.1f}" '
                f'height="{bar:.1f}" fill="{one.colour}">'
                f"<title>{escape(label)}: {escape(one.name)}, {escape(number(value))}</title>"
                "</rect>"
            )
    every = max(1, math.ceil(len(labels) * 110 / plot))  # about 110 px for each date shown
    for n in range(0, len(labels), every):
        x = LEFT + (n + 0.5) * step
        parts.append(
            f'<text x="{x:.1f}" y="{bottom + FONT + 4:.1f}" text-anchor="middle">'
            f"{escape(labels[n])}</text>"
        )
    parts.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{bottom}" y2="{bottom}" '
        'stroke="currentColor"/>'
    )
    for position, text in markers:
        x = LEFT + position * step
        parts.append(
            f'<g class="cookie-policy-chart-marker"><title>{escape(text)}</title>'
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{bottom}" stroke="currentColor" '
            f'stroke-width="2" stroke-dasharray="4 3"/>'
            f'<path d="M{x - 5:.1f} {TOP - 2} h10 l-5 8 z"/></g>'
        )
    key, key_height = legend(series, bottom + FONT + 16)
    body = "".join(parts) + key
    return svg(slug, title, bottom + FONT + 16 + key_height, body)


def bars(slug, title, groups, series, maximum, number=str):
    """Horizontal bars, one per series within each group (grant rates: ``maximum`` is 100)."""
    bar, gap = 14, 10
    label_width = min(280, max((text_width(g) for g in groups), default=0) + 12)
    left = max(LEFT, label_width)
    plot = WIDTH - left - RIGHT - 60  # room for the value after the longest bar
    parts, y = [], TOP
    for n, group in enumerate(groups):
        block = bar * len(series)
        parts.append(
            f'<text x="{left - 6}" y="{y + block / 2 + 4:.1f}" text-anchor="end">'
            f"{escape(group)}</text>"
        )
        for one in series:
            value = one.values[n]
            length = (value or 0) / maximum * plot
            shown = number(value) if value is not None else "—"
            parts.append(
                f'<rect x="{left}" y="{y:.1f}" width="{length:.1f}" height="{bar - 2}" '
                f'fill="{one.colour}"><title>{escape(group)}: {escape(one.name)}, '
                f"{escape(shown)}</title></rect>"
                f'<text x="{left + length + 4:.1f}" y="{y + bar - 4:.1f}">{escape(shown)}</text>'
            )
            y += bar
        y += gap
    parts.append(
        f'<line x1="{left}" x2="{left}" y1="{TOP - 4}" y2="{y - gap + 4:.1f}" '
        f'stroke="currentColor"/>'
    )
    key, key_height = ("", 0) if len(series) < 2 else legend(series, y + 4)
    return svg(slug, title, y + 4 + key_height, "".join(parts) + key)
