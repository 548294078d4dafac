"""Human-readable run summary and `newsagree status` tables."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb

from tasks.warehouse.render import one_row, quote_ident


_PARQUET_TABLES = {"articles", "rejected_files", "sentences", "entity_mentions", "quotes", "facts"}


# C0/C1 control characters (ESC starts terminal escape sequences: `\x1b[2J` clears the screen, OSC sets the
# title), DEL, and the bidirectional overrides/isolates that reorder what a terminal shows
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(value: object) -> str:
    """``value`` as text safe for a terminal: every control character shown as an escape (``\x1b``)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(value))


def _table(headers: list[str], rows: list[tuple]) -> str:
    cells = [[("" if v is None else printable(v)) for v in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in cells]
    return "\n".join(out)


def format_run_summary(s: dict, settings) -> str:
    if not s.get("warehouse_rows") and s.get("message"):      # nothing new: no flow, no build
        return (f"newsagree run {s['run_id']}: {s['status']} in {s['duration_s']:.1f} s — {printable(s['message'])}\n"
                f"  files seen {s['files_seen']}, all already processed; warehouse {printable(settings.warehouse)}")
    lines = [
        f"newsagree run {s['run_id']}: {s['status']} in {s['duration_s']:.1f} s"
        + (f" (then warehouse build {s['stage_seconds']['build']:.1f} s)" if "build" in s.get("stage_seconds", {}) else ""),
        f"  files seen {s['files_seen']}, new {s['files_new']}, skipped (already processed) {s['files_skipped']}, "
        f"rejected {s['files_rejected']} (of which duplicates {s['duplicates']})",
        f"  articles new {s['articles_new']} in {s['batches']} batch(es)",
        *([("  time by stage: " + ", ".join(f"{k} {v:.1f} s" for k, v in s["stage_seconds"].items()))]
          if s.get("stage_seconds") else []),
        f"  warehouse {printable(settings.warehouse)} ({s['data_tests']} data tests passed; "
        f"{printable(s.get('build') or 'full')} build)",
    ]
    written = s.get("rows", {})
    rows = [(t, written.get(t, 0) if t in written or t in _PARQUET_TABLES else "(SQL)", n)
            for t, n in s.get("warehouse_rows", {}).items()]
    lines.append(_table(["table", "rows written to Parquet", "rows in warehouse"], rows))
    return "\n".join(lines)


def format_status(warehouse: Path, limit: int = 10) -> str:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        runs = con.execute(
            "select run_id, status, strftime(started_at, '%Y-%m-%d %H:%M:%S') as started, round(duration_s, 1), "
            "files_seen, files_new, articles_new, articles_skipped, files_rejected "
            "from runs order by started_at desc limit ?", [limit]).fetchall()
        tables = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema='main' and table_type='BASE TABLE' "
            "and table_name not like 'int\\_%' escape '\\' order by table_name").fetchall()]
        counts = [(t, one_row(con, f"select count(*) from {quote_ident(t)}")[0]) for t in tables]
        rejected = con.execute(
            "select source_path, reason, left(detail, 70) from rejected_files order by rejected_at desc limit 20").fetchall()
        n_rej = one_row(con, "select count(*) from rejected_files")[0]
    finally:
        con.close()
    parts = [f"warehouse {printable(warehouse)}", "", "recent runs:",
             _table(["run_id", "status", "started (UTC)", "secs", "seen", "new", "articles", "skipped", "rejected"], runs),
             "", "row counts:", _table(["table", "rows"], counts),
             "", f"rejected files ({n_rej}):", _table(["source_path", "reason", "detail"], rejected) if rejected else "  none"]
    return "\n".join(parts)
