"""benchmarks/page_weight.py still measures (its page-weight half; Lighthouse's half runs in
test_independent_checkers.py): a first visit leaves the search index out, using search brings it."""

from __future__ import annotations

import sys

from browser_support import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import page_weight  # noqa: E402


def test_page_weight_counts_the_search_index_only_once_search_is_used(tmp_path, browser):
    # the session's browser (pytest-playwright's): a second sync Playwright cannot start beside it
    result = page_weight.measure(tmp_path, with_lighthouse=False, browser=browser)
    for name, weight in result["weights"].items():
        first, after = weight["first_load"], weight["after_search"]
        assert not any("search" in f["path"] for f in first["files"]), name
        assert weight["search_files"][0] == "search_index.json", name
        assert 0 < first["wire"] < first["raw"], name  # served with gzip, as a host would
        assert after["raw"] - first["raw"] > 500_000, name  # the index is over half a megabyte
    assert "search added search_index.json" in page_weight.report(result)
