"""Rendering and writing the report: Jinja2 templates (autoescape on) and the copied assets.

Autoescape: every value a template prints is HTML-escaped unless it is ``Markup`` (the few helpers that build
HTML escape their data themselves). ``_finalize`` escapes with ``html.escape`` (as the report always has:
``&quot;``/``&#x27;``) and prints None as nothing.
"""
from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import Any

import duckdb
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from tasks.report import views
from tasks.report.data import Row, StoryData, load_report_data
from tasks.report.format import outlet_html, outlet_text, story_filename
from tasks.settings import package_dir

TEMPLATES_DIR = package_dir("report", "templates")
ASSETS_DIR = package_dir("report", "assets")


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup) or hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value), quote=True))


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True, finalize=_finalize,
                      undefined=StrictUndefined, keep_trailing_newline=True)
    env.globals.update(outlet_text=outlet_text, outlet_html=outlet_html)
    return env


_ENV = environment()


def render_index(stories: list[StoryData], totals: Row) -> str:
    """The index page: totals, then one row per story with agreement at a glance."""
    return _ENV.get_template("index.html.j2").render(
        page_title="newsagree — stories", prefix="", scripts=["report.js"], totals=totals,
        last_run=views.last_run(totals), rows=views.index_rows(stories))


def render_story(s: StoryData) -> str:
    """One story page: articles, claim matrix, outlet agreement, quotes, facts, entities, exclusives."""
    return _ENV.get_template("story.html.j2").render(
        page_title=f"{s.story.get('title') or 'story'} — newsagree", prefix="../", scripts=[],
        **views.story_page(s))


def write_report(warehouse: Path, out_dir: Path) -> Path:
    """Write the static report for ``warehouse`` into ``out_dir``; returns the path of index.html.

    The warehouse is opened read-only. Story pages that no longer exist are
    removed from ``out_dir/stories`` so the site matches the warehouse.
    """
    warehouse, out_dir = Path(warehouse), Path(out_dir)
    if not warehouse.exists():
        raise FileNotFoundError(f"warehouse not found: {warehouse} (run `newsagree run` first)")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        stories, totals = load_report_data(con)
    finally:
        con.close()
    _copy_assets(out_dir / "assets")
    pages = out_dir / "stories"
    pages.mkdir(exist_ok=True)
    written = set()
    for s in stories:
        name = story_filename(s.story_id)
        _write(pages / name, render_story(s))
        written.add(name)
    for old in pages.glob("*.html"):
        if old.name not in written:
            old.unlink()
    index = out_dir / "index.html"
    _write(index, render_index(stories, totals))
    return index


def _copy_assets(assets: Path) -> None:
    assets.mkdir(parents=True, exist_ok=True)
    for f in sorted(ASSETS_DIR.iterdir()):
        if f.is_file():
            shutil.copyfile(f, assets / f.name)


def _write(path: Path, text: str) -> None:
    """A page written atomically as UTF-8: tasks.parquet.atomic_write's temp file of a fresh name (never through
    a link planted in the folder), fsync, rename."""
    from tasks.parquet import atomic_write_bytes   # here, not at the top: tasks.parquet imports pyarrow (~1 s)
    atomic_write_bytes(path, text.encode("utf-8"))
