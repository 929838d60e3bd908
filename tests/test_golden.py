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
    sorted((ROOT / "seeds").glob("*.txt"))


def golden_path(article: Path) -> Path:
    return ROOT / "fixtures" / (article.name + ".json")


def run(article: Path) -> dict:
    rel = str(article.relative_to(ROOT))
    result = CliRunner().invoke(app, ["extract", "--format", "json", rel])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    data.pop("newsclaims_version")
    data.pop("model")
    return data


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_golden(article, monkeypatch):
    monkeypatch.chdir(ROOT)
    expected = json.loads(golden_path(article).read_text(encoding="utf-8"))
    assert run(article) == expected


if __name__ == "__main__":
    import os
    os.chdir(ROOT)
    for art in ARTICLES:
        golden_path(art).write_text(json.dumps(run(art), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print("wrote", golden_path(art), file=sys.stderr)
