"""Helpers for the browser tests (conftest modules are not importable by name)."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about"}
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.hostname or "") in LOCAL_HOSTS


def local_only_context(browser, **options):  # type: ignore[no-untyped-def]
    """A browser context from which nothing leaves the machine (file:// is local too), and the
    list of URLs it refused: like conftest's network_log, for pages opened from file://."""
    context = browser.new_context(service_workers="block", **options)
    outside: list[str] = []

    def guard(route):  # type: ignore[no-untyped-def]
        url = route.request.url
        if url.startswith("file://") or is_local(url):
            route.continue_()
        else:
            outside.append(url)
            route.abort("blockedbyclient")

    context.route("**/*", guard)
    return context, outside


def run_axe(page, axe_source: str) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now."""
    # Material fades the header's page title in on scroll: a colour measured mid-transition is
    # not the page's colour. Wait for every finite animation and transition to end.
    page.evaluate(
        "() => Promise.all(document.getAnimations()"
        ".filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)"
        ".map(a => a.finished.catch(() => null)))"
    )
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    headers_to_add: dict[str, str] = {}

    def log_message(self, *args):  # keep test output clean
        pass

    def end_headers(self) -> None:
        for name, value in self.headers_to_add.items():
            self.send_header(name, value)
        super().end_headers()


def serve(directory: Path, headers: dict[str, str] | None = None) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve a folder on 127.0.0.1 (a free port) in a thread: (base URL ending in /, server)."""
    handler = type("Handler", (_Quiet,), {"headers_to_add": dict(headers or {})})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", httpd


def build_and_serve(root: Path, out: Path):  # type: ignore[no-untyped-def]
    """`course build` a course into `out` and serve it: yields the base URL (for fixtures)."""
    from click.testing import CliRunner

    from builder.cli import cli

    result = CliRunner().invoke(cli, ["build", "--root", str(root), "--site-dir", str(out)])
    assert result.exit_code == 0, result.output
    url, httpd = serve(out)
    yield url
    httpd.shutdown()


def solve(form, q: dict, right: bool = True) -> None:
    """Answer one question form as a trainee would (rightly or not)."""
    if q["type"] in ("single", "multiple", "true_false"):
        for box in form.locator("input").all():
            wanted = (box.get_attribute("value") in q["correct"]) == right
            if q["type"] != "multiple" and not wanted:
                continue
            box.set_checked(wanted) if q["type"] == "multiple" else box.check()
            if q["type"] != "multiple":
                break
    elif q["type"] == "matching":
        for left, target in q["answer"].items():
            select = form.locator(f'select[name="{left}"]')
            value = target if right else next(v for v in q["answer"].values() if v != target)
            select.select_option(value)
    elif q["type"] == "ordering":
        wanted = q["answer"] if right else list(reversed(q["answer"]))
        for position, item in enumerate(wanted):
            while [li.get_attribute("data-item") for li in form.locator(".cb-quiz__item").all()].index(item) > position:
                form.locator(f'.cb-quiz__item[data-item="{item}"]').get_by_role("button", name="Move up").click()
    else:
        form.locator('input[type="text"]').fill(q["accepted"][0] if right else "no idea")


def shot(page, name: str) -> None:
    """A screenshot into $SCREENSHOT_DIR when it is set (for a person to look at), else nothing."""
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def pass_final_assessment(page) -> None:  # type: ignore[no-untyped-def]
    """Start the final self-assessment, answer every drawn question right, and submit."""
    page.get_by_role("button", name="Start the assessment").click()
    pool = json.loads(page.locator("script.cb-assessment__data").text_content())[0]
    by_id = {f"a-q-{q['module']}-{q['id']}": q for q in pool["questions"]}
    for form in page.locator(".cb-assessment__questions form").all():
        solve(form, by_id[form.get_attribute("id")])
    page.get_by_role("button", name="Submit my answers").click()

