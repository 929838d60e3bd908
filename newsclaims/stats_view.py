"""How ``newsclaims stats`` shows its figures: Rich tables, CSV (one row per group) and a
self-contained HTML page (no script, no network: stacked bars drawn with CSS)."""
from __future__ import annotations

import csv
import io

from .report import esc
from .stats import GENDERS, KINDS

# Okabe & Ito's colours (as the report): distinct under the common colour-vision deficiencies.
GENDER_COLOURS = {"female": "#CC79A7", "male": "#0072B2", "unknown": "#BBBBBB"}
KIND_COLOURS = {"person": "#E69F00", "group": "#56B4E9", "organisation": "#009E73", "document": "#F0E442",
                "unknown": "#BBBBBB"}


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def csv_text(figures: dict) -> str:
    """One row for the whole input, then one per group of --by."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    head = ["group", "articles", "claims", "people"]
    head += [f"claims_{g}" for g in GENDERS] + [f"people_{g}" for g in GENDERS]
    head += [f"claims_{k}" for k in KINDS] + ["claims_anonymous", "women_share_claims", "women_share_people"]
    w.writerow(head)
    for name, s in [("all", figures)] + [(g["group"], g) for g in figures["groups"]]:
        ws = s["women_share"]
        w.writerow([name, s["articles"], s["claims"], s["people"]]
                   + [s["by_gender"][g]["claims"] for g in GENDERS] + [s["by_gender"][g]["people"] for g in GENDERS]
                   + [s["by_kind"][k]["claims"] for k in KINDS]
                   + [s["anonymous"]["claims"], "" if ws["claims"] is None else ws["claims"],
                      "" if ws["people"] is None else ws["people"]])
    return out.getvalue()


def aliases_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, ["variant", "name", "reason", "claims"], lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue()


def table(figures: dict, console) -> None:
    from rich.table import Table
    from rich.text import Text

    s = figures
    person = s["by_kind"]["person"]["claims"]
    summary = Table(title=Text("Who gets quoted", style="bold"), title_justify="left",
                    caption=f"{s['articles']:,} articles with claims · {s['claims']:,} claims")
    summary.add_column("")
    summary.add_column("claims", justify="right")
    summary.add_column("share", justify="right")
    summary.add_column("people", justify="right")
    for g in GENDERS:
        summary.add_row(f"person, {g}", f"{s['by_gender'][g]['claims']:,}", _pct(s["by_gender"][g]["claims"], person),
                        f"{s['by_gender'][g]['people']:,}")
    for k in KINDS[1:]:
        summary.add_row(k if k != "unknown" else "no or untyped speaker", f"{s['by_kind'][k]['claims']:,}",
                        _pct(s["by_kind"][k]["claims"], s["claims"]), "")
    summary.add_row("anonymous sources", f"{s['anonymous']['claims']:,}", _pct(s["anonymous"]["claims"], s["claims"]), "")
    console.print(summary)
    if s["groups"]:
        t = Table(title=Text(f"by {s['by']}", style="bold"), title_justify="left",
                  caption="women: share of the people quoted whose gender is known")
        t.add_column(s["by"])
        for col in ("articles", "claims", "people", "women", "anonymous"):
            t.add_column(col, justify="right")
        for g in s["groups"]:
            ws = g["women_share"]["people"]
            t.add_row(g["group"], f"{g['articles']:,}", f"{g['claims']:,}", f"{g['people']:,}",
                      "—" if ws is None else f"{100 * ws:.0f}%", _pct(g["anonymous"]["claims"], g["claims"]))
        console.print(t)
    top = Table(title=Text("top speakers", style="bold"), title_justify="left")
    for col, just in (("name", "left"), ("kind", "left"), ("gender", "left"), ("claims", "right"), ("articles", "right")):
        top.add_column(col, justify=just)  # type: ignore[arg-type]
    for sp in s["top_speakers"]:
        top.add_row(sp["name"], sp["kind"], sp["gender"] or "", f"{sp['claims']:,}", f"{sp['articles']:,}")
    console.print(top)


def aliases_table(rows: list[dict], console) -> None:
    from rich.table import Table
    t = Table(title="names merged across articles", title_justify="left")
    for col in ("variant", "name", "reason", "claims"):
        t.add_column(col, justify="right" if col == "claims" else "left")
    for r in rows:
        t.add_row(r["variant"], r["name"], r["reason"], str(r["claims"]))
    if not rows:
        t.add_row("—", "", "no names merged", "")
    console.print(t)


CSS = """
:root{--ink:#1b1b1b;--muted:#5a5a5a;--line:#d8d8d8}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
header.page{padding:1rem 1.25rem;border-bottom:1px solid var(--line)}
header.page h1{margin:0;font-size:1.35rem}
header.page p{margin:.25rem 0 0;color:var(--muted)}
main{padding:0 1.25rem 2rem;max-width:70rem}
section{margin-top:1.5rem}
h2{font-size:1.15rem;margin:0 0 .5rem}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin:.25rem 0 .75rem;font-size:.9rem}
.legend span::before{content:"";display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em;background:var(--c);border:1px solid #555}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);vertical-align:middle}
th[scope=col]{font-size:.85rem;color:var(--muted);font-weight:600}
td.b{width:60%}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.bar{display:flex;height:1.3rem;min-width:12rem;border:1px solid #555;border-radius:3px;overflow:hidden;background:#f4f4f4}
.bar>span{display:block;height:100%;background:var(--c)}
.bar>span+span{border-left:1px solid #fff}
p.note{color:var(--muted);font-size:.9rem;max-width:50rem}
"""


def _bar(parts: list[tuple[str, int, str]], label: str) -> str:
    total = sum(n for _, n, _ in parts)
    spans = "".join(f'<span style="--c:{colour};width:{100 * n / total:.2f}%" title="{esc(name)}: {n:,} '
                    f'({_pct(n, total)})"></span>' for name, n, colour in parts if n and total)
    words = ", ".join(f"{name} {_pct(n, total)}" for name, n, _ in parts if n) or "no claims"
    return f'<div class="bar" role="img" aria-label="{esc(label)}: {esc(words)}">{spans}</div>'


def _legend(colours: dict[str, str], names: dict[str, str] | None = None) -> str:
    return '<div class="legend">' + "".join(
        f'<span style="--c:{c}">{esc((names or {}).get(k, k))}</span>' for k, c in colours.items()) + "</div>"


def _rows(items: list[tuple[str, dict]]) -> tuple[str, str]:
    gender_rows, kind_rows = [], []
    for name, s in items:
        g = s["by_gender"]
        gparts = [(x, g[x]["claims"], GENDER_COLOURS[x]) for x in GENDERS]
        kparts = [(k, s["by_kind"][k]["claims"], KIND_COLOURS[k]) for k in KINDS]
        ws = s["women_share"]["claims"]
        gender_rows.append(f'<tr><th scope="row">{esc(name)}</th><td class="b">{_bar(gparts, f"{name}, claims of people by gender")}</td>'
                           f'<td class="n">{g["female"]["claims"] + g["male"]["claims"] + g["unknown"]["claims"]:,}</td>'
                           f'<td class="n">{"—" if ws is None else f"{100 * ws:.0f}%"}</td></tr>')
        kind_rows.append(f'<tr><th scope="row">{esc(name)}</th><td class="b">{_bar(kparts, f"{name}, claims by source kind")}</td>'
                         f'<td class="n">{s["claims"]:,}</td><td class="n">{_pct(s["anonymous"]["claims"], s["claims"])}</td></tr>')
    return "".join(gender_rows), "".join(kind_rows)


def html_page(figures: dict, title: str = "newsclaims: who gets quoted") -> str:
    s = figures
    items = [("all", s)] + [(g["group"], g) for g in s["groups"]]
    gender_rows, kind_rows = _rows(items)
    top = "".join(f'<tr><td>{esc(sp["name"])}</td><td>{esc(sp["kind"])}</td><td>{esc(sp["gender"] or "")}</td>'
                  f'<td class="n">{sp["claims"]:,}</td><td class="n">{sp["articles"]:,}</td></tr>' for sp in s["top_speakers"])
    by = f" by {s['by']}" if s["by"] else ""
    subtitle = (f"{s['articles']:,} articles with claims · {s['claims']:,} claims · {s['people']:,} people quoted"
                f"{by}")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
        f"<header class=\"page\"><h1>{esc(title)}</h1><p>{esc(subtitle)}</p></header><main>\n"
        f'<section aria-labelledby="g"><h2 id="g">Claims of people, by gender</h2>'
        f'{_legend(GENDER_COLOURS, {"unknown": "gender unknown"})}'
        '<table class="gender"><thead><tr><th scope="col"></th><th scope="col">share of claims</th>'
        f'<th scope="col">claims</th><th scope="col">women*</th></tr></thead><tbody>{gender_rows}</tbody></table>'
        '<p class="note">A person whose gender neither the article\'s grammar nor the given name tells is '
        '<em>unknown</em>; *&#8201;women: their share of the claims of people whose gender is known.</p></section>\n'
        f'<section aria-labelledby="k"><h2 id="k">Claims by source kind</h2>'
        f'{_legend(KIND_COLOURS, {"unknown": "no or untyped speaker"})}'
        '<table class="kinds"><thead><tr><th scope="col"></th><th scope="col">share of claims</th>'
        f'<th scope="col">claims</th><th scope="col">anonymous</th></tr></thead><tbody>{kind_rows}</tbody></table></section>\n'
        f'<section aria-labelledby="t"><h2 id="t">Top speakers</h2><table class="top"><thead><tr>'
        '<th scope="col">name</th><th scope="col">kind</th><th scope="col">gender</th><th scope="col">claims</th>'
        f'<th scope="col">articles</th></tr></thead><tbody>{top}</tbody></table></section>\n'
        "</main></body></html>\n")
