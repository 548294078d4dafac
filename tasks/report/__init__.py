"""Static HTML report over the warehouse, for analysts: one index page and one page per story.

``write_report(warehouse, out_dir)`` opens the DuckDB warehouse read-only and writes::

    out_dir/index.html              every story, with agreement at a glance
    out_dir/stories/<story>.html    claim matrix, quote diffs, fact conflicts, claim conflicts,
                                    entity coverage by outlet, exclusive claims
    out_dir/assets/report.css, report.js   (copied from tasks/report/assets/)

The site is self-contained: no CDN, nothing fetched from the network, charts are inline SVG or coloured
HTML tables. Pages come from Jinja2 templates (templates/*.html.j2) with autoescape, so every string from
the data (titles, outlets, quotes, claims, surface forms, URLs) is escaped; links are emitted only for
http(s) URLs. Tables missing from the warehouse (an early or partial build) are treated as empty, so the
report always renders; empty sections say "none".

Rooms: data.py reads the warehouse, views.py decides what each section shows, charts.py draws the inline
SVG, format.py formats and escapes values (word diffs), render.py fills the templates and writes the files.
"""
from tasks.report.charts import heat_style, svg_histogram, svg_share_bar
from tasks.report.data import StoryData, load_report_data
from tasks.report.format import (
    as_list, esc, fmt_date, fmt_date_range, fmt_number, forms_differ, http_url, outlet_html, outlet_text,
    safe_url, story_filename, surface_forms_by_outlet, word_diff_html,
)
from tasks.report.render import _write, render_index, render_story, write_report

__all__ = ["StoryData", "as_list", "esc", "fmt_date", "fmt_date_range", "fmt_number", "forms_differ",
           "heat_style", "http_url", "load_report_data", "outlet_html", "outlet_text", "render_index",
           "render_story", "safe_url", "story_filename", "surface_forms_by_outlet", "svg_histogram",
           "svg_share_bar", "word_diff_html", "write_report", "_write"]
