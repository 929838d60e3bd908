import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("NEWSCLAIMS_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def extractor():
    from newsclaims.extract import Extractor
    return Extractor()


@pytest.fixture(scope="session")
def claims_of(extractor):
    """Claims (JSON dicts) of a text, cached per text."""
    cache: dict[str, list[dict]] = {}

    def run(text: str) -> list[dict]:
        if text not in cache:
            cache[text] = extractor.extract_text(text, "test.txt")["claims"]
        return cache[text]
    return run


@pytest.fixture
def lexicon():
    """Skips a test that needs the name lexicon (the ``names`` extra: given names and their gender)."""
    from newsclaims.names import has_lexicon
    if not has_lexicon():
        pytest.skip("the name lexicon (extra 'names') is not installed")


# --- Debian's Chromium driven by Playwright (the HTML pages' tests) -----------------------------

@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_report(browser, tmp_path, html: str, name: str, viewport=(1200, 900)):
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: problems.append(f"request {r.url}") if not r.url.startswith("file://") else None)
    page.on("dialog", lambda d: (problems.append(f"dialog {d.message}"), d.dismiss()))
    page.goto(path.as_uri())
    return page, problems


