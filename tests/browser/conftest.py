"""Browser tests: the default course built once, served on 127.0.0.1, driven in Debian's Chromium.

Playwright never downloads a browser here: `browser_type_launch_args` points pytest-playwright at
/usr/bin/chromium. Every request to a host other than loopback is recorded and aborted, and
Chromium's resolver refuses every name but localhost, so nothing can leave the machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import AXE_JS, CHROMIUM, is_local, serve


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium (CI installs it)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "chromium_sandbox": False,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-quic",
            "--no-pings",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "service_workers": "block", "locale": "en-US"}


@pytest.fixture(scope="session")
def site_dir(default_site) -> Path:
    """The shipped default course, built with `course build` exactly as a trainer would (MkDocs),
    the same build the engine tests (test_engines.py) compare the other engines with."""
    return default_site("mkdocs")


@pytest.fixture(scope="session")
def base_url(site_dir):
    url, httpd = serve(site_dir)
    yield url
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def module_paths(site_dir) -> list[str]:
    return sorted(f"modules/{p.name}" for p in (site_dir / "modules").glob("*.html"))


@pytest.fixture(scope="session")
def all_paths(site_dir) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


@pytest.fixture(autouse=True)
def network_log(request):
    """Every URL the test's browser context requests; non-local ones are aborted."""
    urls: list[str] = []
    if not {"page", "context"} & set(request.fixturenames):
        return urls
    context = request.getfixturevalue("context")
    context.on("request", lambda req: urls.append(req.url))
    context.route(
        "**/*", lambda route: route.continue_() if is_local(route.request.url) else route.abort("blockedbyclient")
    )
    return urls


@pytest.fixture
def page_errors(page):
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return errors


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} missing: run `npm ci` (CI does)")
    return AXE_JS.read_text(encoding="utf-8")


def pytest_collection_modifyitems(items):  # type: ignore[no-untyped-def]
    """Every test in tests/browser/ is a browser test: `pytest -m "not browser"` is the fast suite."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
