"""Golden files: ``fixtures/NAME.ext`` -> ``fixtures/NAME.ext.json`` (CLI output, compared as JSON).

Regenerate after a deliberate change with ``python tests/test_golden.py`` and review the diff.
"""
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsclaims.cli import app

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted(p for p in (ROOT / "fixtures").iterdir() if p.suffix in (".txt", ".md")) + \
    sorted((ROOT / "seeds").glob("*.txt")) + \
    sorted(p for p in (ROOT / "fixtures" / "pages").glob("*.html") if p.name != "portada.html")
WARC_GOLDEN = ROOT / "fixtures" / "pages" / "crawl.warc.gz.json"


def golden_path(article: Path) -> Path:
    folder = article.parent if article.parent.name == "pages" else ROOT / "fixtures"
    return folder / (article.name + ".json")


def run(article: Path, exit_code: int = 0) -> dict:
    rel = str(article.relative_to(ROOT)) if article.is_relative_to(ROOT) else str(article)
    result = CliRunner().invoke(app, ["extract", "--format", "json", rel])
    assert result.exit_code == exit_code, result.stderr
    data = json.loads(result.stdout)
    data.pop("newsclaims_version")
    data.pop("model")
    return data


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_golden(article, monkeypatch):
    monkeypatch.chdir(ROOT)
    expected = json.loads(golden_path(article).read_text(encoding="utf-8"))
    assert run(article) == expected


def build_warc(folder: Path) -> Path:
    """The test WARC archive, built by ``fixtures/pages/make_warc.py`` (byte-identical every time)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("make_warc", ROOT / "fixtures" / "pages" / "make_warc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build(folder / "crawl.warc.gz")


def test_golden_warc(tmp_path):
    """Pages of a WARC archive: one document per HTML response, ``doc`` the record's URI.  Its front
    page has no article: counted on stderr, and the run still exits 0."""
    expected = json.loads(WARC_GOLDEN.read_text(encoding="utf-8"))
    assert run(build_warc(tmp_path)) == expected


if __name__ == "__main__":
    import os
    import tempfile
    os.chdir(ROOT)
    for art in ARTICLES:
        golden_path(art).write_text(json.dumps(run(art), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print("wrote", golden_path(art), file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        WARC_GOLDEN.write_text(json.dumps(run(build_warc(Path(tmp))), ensure_ascii=False, indent=1) + "\n",
                               encoding="utf-8")
    print("wrote", WARC_GOLDEN, file=sys.stderr)
