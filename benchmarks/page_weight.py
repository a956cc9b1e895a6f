"""What a trainee's browser downloads, and Lighthouse's performance score, for the default course.

Used by `benchmarks/run.py --pages` (a report, not a test). The default course (`modules/`,
`quizzes/`, ... of this repository) is built with `course build` and served on 127.0.0.1 the way
a static host serves it: gzip for text when the browser asks for it. Debian's chromium (never a
downloaded one) loads each page in a fresh browser context, as a first visit:

* page weight: bytes on the wire (gzip) and uncompressed, for the first load of the home page and
  a module page, and again after the trainee uses search (which fetches the search index and the
  search worker on demand);
* Lighthouse (scripts/independent-checkers.mjs --performance, mobile preset, simulated slow 4G and
  4x CPU slowdown): performance score and its metrics per page. On a shared 2-core machine the
  score moves from run to run: it is a measurement, not a test.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
WEIGHT_PAGES = {"home": "index.html", "module": "modules/indicators.html"}
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
PERFORMANCE_GOAL = 0.90


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-encoded (level 6, like a typical host) when the client accepts it."""

    def log_message(self, *args: Any) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        if (
            not path.is_file()
            or "gzip" not in self.headers.get("Accept-Encoding", "")
            or not ctype.startswith(TEXT_TYPES)
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *args: Any) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def _serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", httpd


def build_default_course(dest: Path) -> Path:
    site = dest / "default-course-site"
    run = subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(ROOT), "--site-dir", str(site)],
                         cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"course build of the default course failed:\n{run.stdout}{run.stderr}")
    return site


def page_weights(base: str, browser: Any = None) -> dict[str, Any]:
    """Per page: requests, bytes on the wire and uncompressed, first load and after a search.
    `browser`: a Playwright browser already running (the tests' own); else one is started."""
    if browser is not None:
        return _page_weights(base, browser)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"])
        try:
            return _page_weights(base, browser)
        finally:
            browser.close()


def _page_weights(base: str, browser: Any) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for name, path in WEIGHT_PAGES.items():
        context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
        page = context.new_page()
        done: list[Any] = []
        context.on("requestfinished", lambda request, done=done: done.append(request))
        page.goto(base + path, wait_until="networkidle")
        page.wait_for_timeout(500)
        first = _tally(done)
        page.keyboard.press("/")  # Material's search shortcut: search is used
        page.keyboard.type("trafficking")
        page.wait_for_selector(".md-search-result__item", timeout=30_000)
        page.wait_for_load_state("networkidle")
        results[name] = {"path": path, "first_load": first, "after_search": _tally(done),
                         "search_files": [r.url.rsplit("/", 1)[-1] for r in done[len(first["files"]):]]}
        context.close()
    return results


def _tally(requests: list[Any]) -> dict[str, Any]:
    files = []
    for request in requests:
        response = request.response()
        body = response.body() if response else b""
        files.append(
            {
                "path": urlsplit(request.url).path.lstrip("/"),
                "wire": request.sizes()["responseBodySize"],
                "raw": len(body),
            }
        )
    return {
        "requests": len(files),
        "wire": sum(f["wire"] for f in files),
        "raw": sum(f["raw"] for f in files),
        "files": files,
    }


def lighthouse(base: str, out: Path) -> dict[str, Any]:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules/lighthouse").is_dir():
        raise RuntimeError("Lighthouse needs node and node_modules: npm ci --ignore-scripts")
    started = time.monotonic()
    run = subprocess.run(
        [node, str(ROOT / "scripts/independent-checkers.mjs"), base, str(out), "--performance", "--only=lighthouse"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if run.returncode != 0:
        raise RuntimeError(f"Lighthouse failed:\n{run.stdout}{run.stderr}")
    data = json.loads(out.read_text(encoding="utf-8"))["lighthouse"]
    keep = ("performance", "accessibility", "best-practices", "first-contentful-paint", "largest-contentful-paint",
            "total-blocking-time", "interactive", "speed-index", "cumulative-layout-shift", "total-byte-weight", "mode")
    return {"seconds": round(time.monotonic() - started, 1),
            "pages": {state: {k: r.get(k) for k in keep} for state, r in data.items()}}


def measure(work: Path, with_lighthouse: bool = True, browser: Any = None) -> dict[str, Any]:
    """Build the default course, serve it with gzip, measure page weight and (optionally) Lighthouse."""
    work.mkdir(parents=True, exist_ok=True)
    site = build_default_course(work)
    base, httpd = _serve(site)
    try:
        result: dict[str, Any] = {"site": "default course (this repository)", "weights": page_weights(base, browser)}
        if with_lighthouse:
            with tempfile.TemporaryDirectory() as tmp:
                result["lighthouse"] = lighthouse(base, Path(tmp) / "lighthouse.json")
    finally:
        httpd.shutdown()
        httpd.server_close()
    return result


def report(result: dict[str, Any]) -> str:
    out = [f"\nPage weight, {result['site']}: first visit (fresh cache) at 390 px, served with gzip; "
           "'after search' adds what using search fetches"]
    for name, w in result["weights"].items():
        first, after = w["first_load"], w["after_search"]
        out.append(
            f"  {name} ({w['path']}): first load {first['requests']} requests, "
            f"{first['wire'] / 1000:.1f} KB on the wire ({first['raw'] / 1000:.1f} KB uncompressed); "
            f"after search {after['wire'] / 1000:.1f} KB "
            f"({after['raw'] / 1000:.1f} KB) — search added {', '.join(w['search_files']) or 'nothing'}"
        )
    lh = result.get("lighthouse")
    if lh:
        out.append(
            "\nLighthouse 12.8.2, mobile preset (simulated slow 4G, 4x CPU slowdown), "
            f"one user flow, {lh['seconds']:.0f} s; performance goal >= {PERFORMANCE_GOAL * 100:.0f} "
            "(a measurement on a shared machine, not a test):"
        )
        for state, r in lh["pages"].items():
            if r.get("mode") != "navigation" or r.get("interactive") is None:
                out.append(
                    f"  {state} ({r['mode']}): "
                    f"accessibility {r['accessibility']}, best practices {r['best-practices']} "
                    "(a snapshot of the page after Submit has no load to time)"
                )
                continue
            status = "PASS" if r["performance"] >= PERFORMANCE_GOAL else "MISS"
            out.append(
                f"  {status:4}  {state}: performance {r['performance'] * 100:.0f}, "
                f"FCP {r['first-contentful-paint'] / 1000:.1f} s, LCP {r['largest-contentful-paint'] / 1000:.1f} s, "
                f"TBT {r['total-blocking-time']:.0f} ms, TTI {r['interactive'] / 1000:.1f} s, "
                f"CLS {r['cumulative-layout-shift']:.3f}, {r['total-byte-weight'] / 1000:.0f} KB; "
                f"accessibility {r['accessibility']}, best practices {r['best-practices']}"
            )
    return "\n".join(out)


if __name__ == "__main__":  # python benchmarks/page_weight.py [--no-lighthouse]: writes benchmarks/results/pages.json
    with tempfile.TemporaryDirectory() as tmp:
        measured = measure(Path(tmp), with_lighthouse="--no-lighthouse" not in sys.argv)
    measured["measured"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    print(report(measured))
    (ROOT / "benchmarks/results/pages.json").write_text(json.dumps(measured, indent=2) + "\n", encoding="utf-8")
