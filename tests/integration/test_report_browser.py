"""The report in a real headless Chromium (via selenium + chromedriver).

Serves the generated site from a localhost http.server thread, then checks that
pages load without console errors, that the key elements are there (story list,
heatmap, quote diff), that the bundled filter script works, and that a screenshot
is not blank. Skips cleanly when Chromium, chromedriver or selenium are absent.
"""
from __future__ import annotations

import functools
import http.server
import shutil
import struct
import sys
import tempfile
import threading
import zlib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_report import LONELY, STORY, build_sample_warehouse, seeds_warehouse_path  # noqa: E402

from tasks.report import story_filename, write_report  # noqa: E402

INSTALL_HINT = "apt-get install chromium chromium-driver (and pip install selenium)"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1300,1000"]


def _find(*names: str) -> str | None:
    for n in names:
        p = shutil.which(n)
        if p:
            return p
    return None


@pytest.fixture(scope="module")
def driver():
    """A headless Chromium driven through chromedriver; console messages captured at every level."""
    webdriver = pytest.importorskip("selenium.webdriver", reason=f"selenium not installed: {INSTALL_HINT}")
    chromium = _find("chromium", "chromium-browser", "google-chrome")
    chromedriver = _find("chromedriver")
    if not chromium or not chromedriver:
        pytest.skip(f"headless Chromium not available: {INSTALL_HINT}")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="newsagree-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for f in CHROMIUM_FLAGS:
        opts.add_argument(f)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=chromedriver), options=opts)
    drv.set_page_load_timeout(60)
    try:
        yield drv
    finally:
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The report of the hand-built warehouse, served over http://127.0.0.1:<port>/."""
    root = tmp_path_factory.mktemp("report_site")
    wh = build_sample_warehouse(root / "warehouse.duckdb")
    out = root / "site"
    write_report(wh, out)
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


def _console(drv) -> list[dict]:
    return drv.get_log("browser")


def _errors(entries: list[dict]) -> list[dict]:
    return [e for e in entries if e.get("level") in ("SEVERE", "ERROR")]


def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Minimal PNG decoder (8-bit RGB/RGBA, non-interlaced): returns width, height and one pixel row per line."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        ctype = data[pos + 4:pos + 8]
        chunk = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if ctype == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and color in (2, 6) and interlace == 0, (depth, color, interlace)
            bpp = 3 if color == 2 else 4
        elif ctype == b"IDAT":
            idat += chunk
        elif ctype == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    i = 0
    for _ in range(height):
        ftype, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 0xFF
            elif ftype == 2:
                line[x] = (line[x] + b) & 0xFF
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line if bpp == 3 else bytes(v for k, v in enumerate(line) if k % 4 != 3)))
        prev = line
    return width, height, rows


def _colour_stats(png: bytes) -> tuple[int, float]:
    """(distinct colours on a pixel grid, share of grid pixels that differ from the most common colour)."""
    _, height, rows = decode_png(png)
    counts: dict[bytes, int] = {}
    for y in range(0, height, 4):
        row = rows[y]
        for x in range(0, len(row) // 3, 4):
            px = row[3 * x:3 * x + 3]
            counts[px] = counts.get(px, 0) + 1
    total = sum(counts.values())
    return len(counts), 1 - max(counts.values()) / total


def test_index_in_chromium(driver, site, tmp_path):
    from selenium.webdriver.common.by import By

    driver.get(f"{site}/index.html")
    assert driver.title == "newsagree — stories"
    rows = driver.find_elements(By.CSS_SELECTOR, "table#stories tbody tr")
    assert len(rows) == 2
    # the escaped title is shown as text, and no script from the data ran
    assert "Putin <script>alert(1)</script> & Trump talk" in rows[0].text
    assert driver.execute_script("return document.querySelectorAll('script').length") == 1
    assert driver.find_elements(By.CSS_SELECTOR, "table#stories svg.bar rect.bar-fg")
    # the bundled filter script works
    box = driver.find_element(By.ID, "filter")
    box.send_keys("council")
    visible = [r for r in driver.find_elements(By.CSS_SELECTOR, "table#stories tbody tr") if r.is_displayed()]
    assert [r.text.splitlines()[0] for r in visible] == ["Council approves budget"]
    assert driver.find_element(By.ID, "count").text == "1 of 2 stories"
    png = driver.get_screenshot_as_png()
    (tmp_path / "index.png").write_bytes(png)
    n_colours, non_bg = _colour_stats(png)
    assert n_colours > 5 and non_bg > 0.02, (n_colours, non_bg)
    assert _errors(_console(driver)) == []


def test_story_page_in_chromium(driver, site, tmp_path):
    from selenium.webdriver.common.by import By

    driver.get(f"{site}/stories/{story_filename(STORY)}")
    h1 = driver.find_element(By.TAG_NAME, "h1").text
    assert h1 == "Putin <script>alert(1)</script> & Trump talk"
    filled = driver.find_elements(By.CSS_SELECTOR, "#claims table.matrix td.cell.on")
    assert len(filled) == 14
    # heatmap cells are actually coloured (computed style, not just markup)
    bg = filled[0].value_of_css_property("background-color")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent", "rgb(255, 255, 255)"), bg
    assert driver.find_elements(By.CSS_SELECTOR, "#quotes q.diff ins")
    assert driver.find_elements(By.CSS_SELECTOR, "#quotes q.diff del")
    assert driver.find_elements(By.CSS_SELECTOR, "#facts tr.conflict")
    assert "Kiev" in driver.find_element(By.CSS_SELECTOR, "#entities table").text
    png = driver.get_screenshot_as_png()
    (tmp_path / "story.png").write_bytes(png)
    n_colours, non_bg = _colour_stats(png)
    assert n_colours > 5 and non_bg > 0.02, (n_colours, non_bg)
    assert _errors(_console(driver)) == []

    driver.get(f"{site}/stories/{story_filename(LONELY)}")
    assert driver.find_elements(By.CSS_SELECTOR, "#quotes p.none")
    assert _errors(_console(driver)) == []


def test_console_capture_sees_errors(driver, site):
    """The console check above can fail: an error logged by a page is reported."""
    driver.get(f"{site}/index.html")
    _console(driver)  # drain
    driver.execute_script("console.error('newsagree-probe')")
    assert any("newsagree-probe" in e.get("message", "") for e in _errors(_console(driver)))


@pytest.mark.slow
def test_seeds_report_pages_load_cleanly(driver, tmp_path_factory, prefect_harness):
    """Every page of the report of a real seeds run loads in Chromium without console errors."""
    from selenium.webdriver.common.by import By

    out = tmp_path_factory.mktemp("seeds_site")
    index = write_report(seeds_warehouse_path(tmp_path_factory), out)
    driver.get(index.as_uri())
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "table#stories td.title a")]
    assert links
    assert _errors(_console(driver)) == []
    for href in links:
        driver.get(href)
        assert driver.find_elements(By.CSS_SELECTOR, "#claims table.matrix")
        assert driver.find_elements(By.CSS_SELECTOR, "#entities table.entities")
        assert _errors(_console(driver)) == [], href
