"""`newsagree sql`: the warehouse read-only from the command line, with the duckdb Python package only.

The README's analyst path used the DuckDB CLI, which a fresh install does not have; this gives the same
read-only access (a build swaps in a new file atomically, so a reader never sees a half-built warehouse):
one query printed as a table or CSV, or an interactive prompt (statements end with `;`, `.tables` lists the
tables, `.quit` or Ctrl-D leaves). A small REPL by hand because duckdb's Python package ships none.
"""
from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

import duckdb

from tasks.settings import SQL_MAX_ROWS

PROMPT, CONTINUE = "newsagree> ", "        ...> "
TABLES_SQL = ("select table_name, table_type from information_schema.tables where table_schema = 'main' "
              "order by table_type, table_name")


def _print(con: duckdb.DuckDBPyConnection, query: str, csv_out: bool, max_rows: int) -> None:
    rel = con.sql(query)
    if rel is None:            # a statement without a result (SET, PRAGMA ...)
        return
    if csv_out:
        writer = csv.writer(sys.stdout)
        writer.writerow(rel.columns)
        writer.writerows(rel.fetchall())
    else:
        rel.show(max_rows=max_rows, max_width=10_000)


def run_query(warehouse: Path, query: str, csv: bool = False, max_rows: int = SQL_MAX_ROWS) -> int:
    """Run `query` on a read-only connection and print its result; 1 with the error message on failure."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        _print(con, query, csv, max_rows)
    except duckdb.Error as exc:
        print(f"newsagree sql: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:    # the reader stopped early ("| head"): no traceback, and none when Python flushes at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        con.close()
    return 0


def _statements(read=input):
    """Yield complete statements (ending in `;`) or dot-commands typed at the prompt; stops on EOF."""
    buffer: list[str] = []
    while True:
        try:
            line = read(CONTINUE if buffer else PROMPT)
        except EOFError:
            return
        if not buffer and line.strip().startswith("."):
            yield line.strip()
            continue
        buffer.append(line)
        if line.rstrip().endswith(";"):
            yield "\n".join(buffer)
            buffer = []


def shell(warehouse: Path, max_rows: int = SQL_MAX_ROWS, read=input) -> int:
    """An interactive read-only SQL prompt over the warehouse."""
    try:
        import readline  # noqa: F401 - line editing and history for input()
    except ImportError:
        pass
    print(f"{warehouse} (read-only). End statements with ';'. .tables lists tables, .quit leaves.")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        for stmt in _statements(read):
            if stmt in (".quit", ".exit", ".q"):
                break
            try:
                _print(con, TABLES_SQL if stmt == ".tables" else stmt, False, max_rows)
            except duckdb.Error as exc:
                print(f"error: {exc}")
    finally:
        con.close()
    return 0
