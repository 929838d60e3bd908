"""``newsclaims stats``: who gets quoted, from articles, saved JSON, JSON Lines and a Parquet dataset
(identical figures), grouped, as table, CSV and HTML (in Chromium); and the merging of one
person's names across articles (``newsclaims.aliases``).  Articles written for the tests."""
import csv
import io
import json
import os
from pathlib import Path

import pytest
from conftest import open_report
from typer.testing import CliRunner

from newsclaims.aliases import merge
from newsclaims.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = ROOT / "fixtures" / "screenshots" / "corpus-stats.png"

ARTICLES = {
    "norte.txt": ("El puerto abre en julio\n\nLa ministra de Obras, Marta Olmedo Vera, dijo que el puerto abrirá en "
                  "julio. Olmedo añadió que habrá nuevas grúas.\n\nFermín Laguna afirmó que los pescadores "
                  "esperan el cambio.\n\nFuentes del sector dijeron que la obra costó el doble.\n\n"
                  "El 3 de marzo de 2025 se publicó el informe.\n"),
    "sur.txt": ("La sequía llega al valle\n\nMarta Olmedo dijo que el agua llegará en camiones.\n\n"
                "El Ministerio de Agricultura informó que las ayudas se pagan en abril.\n\n"
                "Según el informe anual, la cosecha bajó un tercio.\n"),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The articles, and what `extract` saved of them as JSON, JSON Lines and a Parquet dataset."""
    root = tmp_path_factory.mktemp("stats")
    folder = root / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    saved = {}
    for fmt in ("json", "jsonl"):
        r = runner.invoke(app, ["extract", "--quiet", "--format", fmt, str(folder)])
        assert r.exit_code == 0, r.stderr
        saved[fmt] = root / f"claims.{fmt}"
        saved[fmt].write_text(r.stdout, encoding="utf-8")
    r = runner.invoke(app, ["extract", "--quiet", "--output", str(root / "dataset"), str(folder)])
    assert r.exit_code == 0, r.stderr
    saved["dataset"] = root / "dataset"
    saved["articles"] = folder
    return saved


def stats(*args) -> dict:
    r = runner.invoke(app, ["stats", "--format", "json", *map(str, args)])
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def test_the_four_inputs_give_identical_figures(corpus):
    figures = [stats(corpus[k], "--by", "doc") for k in ("articles", "json", "jsonl", "dataset")]
    assert figures[0]["claims"] > 0
    assert all(f == figures[0] for f in figures[1:])


def test_figures_add_up_and_say_who_is_quoted(corpus):
    f = stats(corpus["json"])
    claims = json.loads(corpus["json"].read_text())["documents"]
    assert f["claims"] == sum(len(d["claims"]) for d in claims)
    assert sum(k["claims"] for k in f["by_kind"].values()) == f["claims"]
    assert sum(g["claims"] for g in f["by_gender"].values()) == f["by_kind"]["person"]["claims"]
    assert sum(g["people"] for g in f["by_gender"].values()) == f["people"]
    top = {s["name"]: s for s in f["top_speakers"]}
    # "Marta Olmedo" in one article is "Marta Olmedo Vera" of the other: one person, two articles
    olmedo = top["Marta Olmedo Vera"]
    assert (olmedo["gender"], olmedo["articles"], olmedo["claims"]) == ("female", 2, 3)
    assert "Marta Olmedo" not in top
    assert top["Fermín Laguna"]["gender"] == "male"
    assert f["by_gender"]["female"]["people"] == 1 and f["by_gender"]["male"]["people"] == 1
    assert f["anonymous"]["claims"] == 1 and f["by_kind"]["group"]["claims"] >= 1
    assert f["by_kind"]["organisation"]["claims"] >= 1 and f["by_kind"]["document"]["claims"] >= 1
    assert f["women_share"]["people"] == 0.5


def test_groups_by_month_from_the_articles_or_a_metadata_file(corpus, tmp_path):
    f = stats(corpus["dataset"], "--by", "month")
    assert {g["group"] for g in f["groups"]} == {"2025-03", "unknown"}
    meta = tmp_path / "index.tsv"
    meta.write_text("id\toutlet\tdate\nnorte\tEl Faro\t2025-03-04\nsur\tLa Voz\t2024-11\n", encoding="utf-8")
    f = stats(corpus["jsonl"], "--by", "outlet", "--meta", meta)
    groups = {g["group"]: g for g in f["groups"]}
    assert set(groups) == {"El Faro", "La Voz"}
    assert sum(g["claims"] for g in groups.values()) == f["claims"]
    assert stats(corpus["jsonl"], "--by", "month", "--meta", meta)["groups"][0]["group"] in ("2025-03", "2024-11")


def test_csv_has_one_row_per_group(corpus):
    r = runner.invoke(app, ["stats", "--format", "csv", "--by", "doc", str(corpus["json"])])
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["group"] for row in rows][0] == "all" and len(rows) == 1 + len(ARTICLES)
    assert int(rows[0]["claims"]) == sum(int(row["claims"]) for row in rows[1:])
    assert {"claims_female", "people_male", "claims_organisation", "claims_anonymous"} <= set(rows[0])


def test_aliases_say_what_was_merged_and_why(corpus):
    r = runner.invoke(app, ["stats", "--aliases", "--format", "json", str(corpus["json"])])
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["aliases"] == [
        {"variant": "Marta Olmedo", "name": "Marta Olmedo Vera", "reason": 'the first words of "Marta Olmedo Vera"',
         "claims": 1}]


def test_table_output(corpus):
    r = runner.invoke(app, ["stats", "--format", "table", "--by", "doc", str(corpus["jsonl"])])
    assert r.exit_code == 0, r.stderr
    assert "Who gets quoted" in r.stdout and "Marta Olmedo Vera" in r.stdout and "by doc" in r.stdout


@pytest.mark.parametrize("args, message", [
    (["missing-folder"], "no such file or folder"),
    (["--aliases", "--format", "html", "seeds/"], "--aliases lists names"),
])
def test_usage_errors_are_one_line(args, message):
    r = runner.invoke(app, ["stats", *args])
    assert r.exit_code == 2 and message in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_a_json_file_that_is_no_extract_output(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"a": 1}', encoding="utf-8")
    r = runner.invoke(app, ["stats", str(bad)])
    assert r.exit_code == 2 and "not a saved extract output" in r.stderr


def test_stats_page_in_chromium(browser, corpus, tmp_path):
    r = runner.invoke(app, ["stats", "--format", "html", "--by", "doc", str(corpus["json"])])
    assert r.exit_code == 0, r.stderr
    assert "<script" not in r.stdout and "http" not in r.stdout.replace("http-equiv", "")  # self-contained
    page, problems = open_report(browser, tmp_path, r.stdout, "stats")
    rows = page.locator("table.gender tbody tr")
    assert rows.count() == 1 + len(ARTICLES)
    # each stacked bar fills its track; its words say the shares
    widths = page.evaluate("""() => [...document.querySelectorAll('table.gender .bar')].map(bar =>
        [bar.clientWidth, [...bar.children].reduce((w, s) => w + s.getBoundingClientRect().width, 0)])""")
    for track, filled in widths:
        if filled:
            assert abs(track - filled) <= 3, widths
    label = page.locator("table.gender .bar").first.get_attribute("aria-label")
    assert label.endswith("female 75%, male 25%"), label  # three claims of hers, one of his
    assert page.locator("table.top tbody tr").first.inner_text().startswith("Marta Olmedo Vera")
    assert not problems, problems


# --- one person, one row: the merging of names ----------------------------------------------------

def test_names_merge_into_the_one_longer_name_they_fit():
    names = {"Jorge Peña": 4, "Jorge Peña Vidal": 2, "Ruiz Soto": 1, "Ana María Ruiz Soto": 3,
             "Pedro Soto": 2, "Juan Pedro Soto": 1, "Ruiz": 5, "Luis Gil": 1, "Luis Gil Mora": 1,
             "Luis Gil Pardo": 1, "Tomás Vera": 3, "Tomás Vera Jr.": 1, "Raúl Mena": 2, "Raul Mena": 1}
    merged = {a.variant: a.name for a in merge(names, [], [])}
    assert merged["Jorge Peña"] == "Jorge Peña Vidal"
    assert merged["Ruiz Soto"] == "Ana María Ruiz Soto"     # surnames alone
    assert "Pedro Soto" not in merged                        # a given name first: a full name of its own
    assert "Ruiz" not in merged                              # a lone surname is shared by many people
    assert "Luis Gil" not in merged                          # fits two different longer names
    assert "Tomás Vera" not in merged                        # his son is another person
    assert merged["Raul Mena"] == "Raúl Mena"                # accents
    assert set(merged) == {"Jorge Peña", "Ruiz Soto", "Raul Mena"}


def test_an_acronym_merges_where_an_article_spells_it_out():
    names = {"AMRS": 5, "Ana María Ruiz Soto": 2, "OTAN": 1, "Olga Tena Arce Nieto": 1}
    merged = {a.variant: a for a in merge(names, [("AMRS", "Ana María Ruiz Soto")], [])}
    assert merged["AMRS"].name == "Ana María Ruiz Soto" and "spells" in merged["AMRS"].reason
    assert "OTAN" not in merged  # the same initials, but no article ties them
    together = {a.variant: a.name for a in merge(names, [], [("OTAN", "Olga Tena Arce Nieto")])}
    assert together == {"OTAN": "Olga Tena Arce Nieto"}


def test_a_name_that_is_not_clean_absorbs_nothing():
    names = {"Laura Ibarra": 6, "Laura Ibarra EFE": 1, "Laura Ibarra Laura Ibarra": 1, "portavoz Laura Ibarra Sanz": 1}
    assert merge(names, [], []) == []


@pytest.mark.skipif(not os.environ.get("NEWSCLAIMS_STATS_DATASET"), reason="set NEWSCLAIMS_STATS_DATASET=DIR (the "
                    "corpus's `extract --output DIR`) to rewrite the README's picture of the stats page")
def test_readme_stats_screenshot(browser, tmp_path):
    """The README's picture: `newsclaims stats DIR --by outlet --meta index.tsv --format html` over the corpus."""
    meta = ROOT.parent / "shared" / "corpus" / "index.tsv"
    r = runner.invoke(app, ["stats", "--format", "html", "--by", "outlet", "--meta", str(meta), "--top", "10",
                            os.environ["NEWSCLAIMS_STATS_DATASET"]])
    assert r.exit_code == 0, r.stderr
    page, problems = open_report(browser, tmp_path, r.stdout, "corpus", viewport=(1100, 820))
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert not problems, problems
    assert 10_000 < SCREENSHOT.stat().st_size < 400_000


def test_a_speaker_named_only_by_a_description_counts_once_per_article(tmp_path):
    # "el vocero de la cofradía" in two articles need not be one person: each counts in its article
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("La feria abre el sábado\n\n“Habrá más puestos que nunca”, precisó el vocero "
                                     "de la cofradía.\n", encoding="utf-8")
    r = runner.invoke(app, ["extract", "--quiet", "--format", "json", str(tmp_path)])
    speakers = [c["speaker"] for d in json.loads(r.stdout)["documents"] for c in d["claims"]]
    assert [s["name"] for s in speakers] == ["vocero de la cofradía"] * 2
    f = stats(tmp_path)
    assert f["people"] == 2 and not [s for s in f["top_speakers"] if s["name"] == "vocero de la cofradía"]
