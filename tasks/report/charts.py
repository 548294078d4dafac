"""Inline SVG charts and heatmap colours (no JavaScript library, nothing fetched): labels are escaped."""
from __future__ import annotations

from markupsafe import Markup

from tasks.report.format import esc


def svg_share_bar(share: float, width: int = 120, height: int = 12, label: str = "") -> Markup:
    """Horizontal bar: filled part = ``share`` (0..1) of the width; ``label`` becomes the tooltip."""
    share = 0.0 if share is None or share != share else max(0.0, min(1.0, float(share)))
    w = round(width * share, 1)
    return Markup(
        f'<svg class="bar" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{esc(label)}"><title>{esc(label)}</title>'
        f'<rect class="bar-bg" x="0" y="0" width="{width}" height="{height}" rx="3"/>'
        f'<rect class="bar-fg" x="0" y="0" width="{w}" height="{height}" rx="3"/></svg>'
    )


def svg_histogram(counts: dict[int, int], max_outlets: int, width: int = 160, height: int = 36,
                  label: str = "") -> Markup:
    """Small column chart: claims by number of outlets carrying them (1 .. max_outlets)."""
    n = max(1, max_outlets)
    top = max(counts.values(), default=0) or 1
    gap = 2
    bw = max(3.0, (width - gap * (n - 1)) / n)
    rects = []
    for k in range(1, n + 1):
        c = counts.get(k, 0)
        h = round((height - 2) * c / top, 1) if c else 0
        x = round((k - 1) * (bw + gap), 1)
        cls = "h-multi" if k >= 2 else "h-single"
        rects.append(f'<rect class="{cls}" x="{x}" y="{height - h}" width="{round(bw, 1)}" height="{h}">'
                     f'<title>{c} claim(s) carried by {k} outlet(s)</title></rect>')
    return Markup(f'<svg class="hist" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="{esc(label)}"><title>{esc(label)}</title>'
            f'<line class="axis" x1="0" y1="{height - 0.5}" x2="{width}" y2="{height - 0.5}"/>'
            + "".join(rects) + "</svg>")


def heat_style(share: float) -> str:
    """Inline background for a heatmap cell: light to deep blue as ``share`` goes 0 -> 1."""
    share = max(0.0, min(1.0, float(share or 0)))
    # interpolate between #dbeafe (219,234,254) and #1e40af (30,64,175)
    r = round(219 + (30 - 219) * share)
    g = round(234 + (64 - 234) * share)
    b = round(254 + (175 - 254) * share)
    fg = "#fff" if share > 0.55 else "#0f172a"
    return f"background:rgb({r},{g},{b});color:{fg}"
