"""``--format html``: one self-contained page (CSS and script inline, no network) showing who said what.

Per article: the text as read, each claim's content highlighted in its speaker's colour, the cue
underlined, the speaker's words outlined; a button at the start of every claim (keyboard focus)
and hovering any highlight show a card with the speaker, type, cue and confidence.  A side panel
ranks the speakers and gives the article's metadata.  ``diff`` gets both versions' claims side by
side with the word changes marked.

Overlapping and nested claims are laid out with displaCy's span approach — its own slot
assignment (``SpanRenderer._assemble_per_token_info``) stacks one underline per claim — but drawn
with CSS backgrounds on inline elements, since displaCy's markup rewrites the text's whitespace and
its inline-block tokens cannot carry whole sentences, focus or hover cards.  Every piece of article
text is escaped; the text of a claim's highlighted pieces is exactly its content.
"""
from __future__ import annotations

import html
import json
import re
from typing import Iterable, Sequence, TextIO

# Okabe & Ito's palette, designed to stay distinct for the common colour-vision deficiencies; a
# speaker past the eighth gets the colours again with a dashed underline.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
BAR = 4  # px per stacked underline

CSS = """
:root{--ink:#1b1b1b;--muted:#5a5a5a;--line:#d8d8d8;--paper:#fff;--panel:#f6f6f4}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--paper)}
header.page{padding:1rem 1.25rem;border-bottom:1px solid var(--line)}
header.page h1{margin:0;font-size:1.35rem}
header.page p{margin:.25rem 0 0;color:var(--muted)}
main{padding:0 1.25rem 2rem}
article.doc{border-bottom:1px solid var(--line);padding:1.25rem 0}
article.doc>header h2{margin:0 0 .25rem;font-size:1.2rem}
.cols{display:grid;grid-template-columns:minmax(0,1fr) 20rem;gap:1.5rem;margin-top:1rem}
@media (max-width:820px){.cols{grid-template-columns:1fr}}
.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.3;font-family:Georgia,"Times New Roman",serif;font-size:1.05rem}
.seg{padding-bottom:var(--pad,0);-webkit-box-decoration-break:clone;box-decoration-break:clone;border-radius:2px}
.seg.cue{text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px}
.seg.who{font-weight:700;outline:1.5px solid var(--who,#555);outline-offset:1px}
.seg.active{filter:brightness(.93);outline:2px dashed var(--ink)}
.chip{display:inline-block;vertical-align:super;min-width:1.5em;height:1.5em;margin:0 2px;padding:0 .3em;border:1px solid #333;
 border-radius:.75em;background:var(--c);color:#000;font:700 .65rem/1.4 system-ui,sans-serif;cursor:pointer}
.chip::before{content:attr(data-n)}
.chip.dash{border-style:dashed}
.chip:focus-visible,.seg:focus-visible{outline:3px solid #000;outline-offset:2px}
#card{position:absolute;z-index:10;max-width:22rem;padding:.6rem .75rem;background:#fff;border:1px solid #333;border-radius:6px;
 box-shadow:0 4px 14px rgba(0,0,0,.2);font:14px/1.4 system-ui,sans-serif}
#card[hidden]{display:none}
#card .who{font-weight:700}
#card dl{margin:.3rem 0 0;display:grid;grid-template-columns:auto 1fr;gap:0 .6rem}
#card dt{color:var(--muted)}
#card dd{margin:0}
aside.panel{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;align-self:start;font-size:.92rem;
 position:sticky;top:.5rem;max-height:calc(100vh - 1rem);overflow:auto}
aside.panel h3{font-size:1rem;margin:.2rem 0 .5rem}
aside.panel h3+dl,aside.panel ol+h3{margin-top:1rem}
aside.panel ol{margin:0 0 .5rem;padding-left:2rem}
.h{font-weight:700;font-size:1.2em;font-family:system-ui,sans-serif}
.chip.weak{border-style:dashed;opacity:.6}
aside.panel li{margin:.25rem 0}
.swatch.dash{border:2px dashed #000}
.swatch{display:inline-block;width:.9em;height:.9em;border:1px solid #333;border-radius:2px;vertical-align:-.1em;margin-right:.3em}
.counts{color:var(--muted);font-size:.85em}
.badge{display:inline-block;padding:0 .35em;border:1px solid #333;border-radius:3px;font-size:.75em;margin-left:.3em}
dl.meta{display:grid;grid-template-columns:auto 1fr;gap:.1rem .6rem;margin:.5rem 0 0}
dl.meta dt{color:var(--muted)}
dl.meta dd{margin:0;overflow-wrap:anywhere}
.none{color:var(--muted);font-style:italic}
table.changes{width:100%;border-collapse:collapse;margin-top:.75rem}
table.changes th,table.changes td{border-top:1px solid var(--line);padding:.5rem;vertical-align:top;text-align:left}
table.changes td{width:45%}
table.changes td.kind{width:10%;white-space:nowrap}
del{background:#ffd7d5;text-decoration:line-through;text-decoration-thickness:2px}
ins{background:#c9f0d1;text-decoration:underline;text-decoration-thickness:2px}
.k-added{border-left:6px solid #009E73}.k-removed{border-left:6px solid #D55E00}
.k-reworded,.k-cue_changed,.k-type_changed{border-left:6px solid #E69F00}.k-speaker_changed{border-left:6px solid #CC79A7}
.k-unchanged{border-left:6px solid #999}
@media (max-width:820px){table.changes td,table.changes th{display:block;width:auto}}
"""

SCRIPT = """
(function(){
  var card=document.getElementById('card'), data={}, active=[];
  document.querySelectorAll('script.claims-data').forEach(function(s){Object.assign(data, JSON.parse(s.textContent));});
  function text(tag, cls, value){var e=document.createElement(tag); if(cls) e.className=cls; e.textContent=value; return e;}
  function show(id, anchor){
    var c=data[id]; if(!c) return;
    card.replaceChildren();
    card.appendChild(text('div','who', c.speaker || 'no speaker'));
    var dl=document.createElement('dl');
    [['as written',c.speaker_text],['label',c.label],['kind',c.kind],['gender',c.gender],['type',c.type],['cue',c.cue],['confidence',c.confidence]].forEach(function(p){
      if(p[1]===null||p[1]===undefined||p[1]==='') return;
      dl.appendChild(text('dt','',p[0])); dl.appendChild(text('dd','',String(p[1])));});
    card.appendChild(dl);
    card.setAttribute('data-claim', id);
    card.hidden=false;
    var r=anchor.getBoundingClientRect();
    card.style.left=Math.max(4, Math.min(window.scrollX+r.left, window.scrollX+document.documentElement.clientWidth-card.offsetWidth-4))+'px';
    card.style.top=(window.scrollY+r.bottom+6)+'px';
    active.forEach(function(e){e.classList.remove('active');});
    active=Array.prototype.slice.call(document.querySelectorAll('.seg[data-claims~="'+id+'"]'));
    active.forEach(function(e){e.classList.add('active');});
  }
  function hide(){card.hidden=true; active.forEach(function(e){e.classList.remove('active');}); active=[];}
  document.addEventListener('mouseover', function(ev){
    var seg=ev.target.closest('.seg[data-claims]');
    if(seg){var ids=seg.getAttribute('data-claims').split(' '); show(ids[ids.length-1], seg);}
  });
  document.addEventListener('mouseout', function(ev){
    if(ev.target.closest('.seg[data-claims]') && !(ev.relatedTarget && ev.relatedTarget.closest && ev.relatedTarget.closest('.seg[data-claims]'))) hide();
  });
  document.addEventListener('focusin', function(ev){var b=ev.target.closest('.chip'); if(b) show(b.getAttribute('data-claim'), b);});
  document.addEventListener('focusout', function(ev){if(ev.target.closest('.chip')) hide();});
  document.addEventListener('click', function(ev){var b=ev.target.closest('.chip'); if(b) show(b.getAttribute('data-claim'), b);});
  document.addEventListener('keydown', function(ev){if(ev.key==='Escape') hide();});
})();
"""

TYPES = ("direct", "mixed", "indirect", "according_to")


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _json_script(obj, cls: str) -> str:
    """JSON inside <script type="application/json">: "</" and "<!--" cannot end or open anything."""
    text = json.dumps(obj, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" class="{cls}">{text}</script>'


class Colours:
    """One colour per speaker for the whole page, in order of first appearance."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    @staticmethod
    def key(claim: dict) -> str:
        sp = claim.get("speaker") or {}
        return (sp.get("name") or sp.get("text") or "").casefold()

    def of(self, claim: dict) -> tuple[str, bool]:
        """(colour, dashed) of the claim's speaker."""
        k = self.key(claim)
        if k not in self.index:
            self.index[k] = len(self.index)
        n = self.index[k]
        return PALETTE[n % len(PALETTE)], n >= len(PALETTE)


def _tint(colour: str, alpha: str = "40") -> str:
    return colour + alpha  # #RRGGBBAA: a light wash under black text keeps its contrast


def _segments(text: str, claims: list[dict], headings: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    found = {0, len(text)}
    for a, b in headings:
        found.update((a, b))
    for c in claims:
        for part in ("content", "cue", "speaker"):
            span = c.get(part)
            if span and span.get("start") is not None and span.get("end") is not None:
                found.update((span["start"], span["end"]))
    cuts = sorted(x for x in found if 0 <= x <= len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _slots(segments: list[tuple[int, int]], claims: list[dict], text: str) -> list[dict[int, int]]:
    """Per segment: claim number -> stacking slot (1 = nearest the text), by displaCy's own
    assignment of render slots to overlapping spans."""
    from spacy.displacy.render import SpanRenderer

    starts = {a: i for i, (a, _) in enumerate(segments)}
    ends = {b: i + 1 for i, (_, b) in enumerate(segments)}
    spans = []
    for k, c in enumerate(claims):
        a, b = c["content"]["start"], c["content"]["end"]
        if a in starts and b in ends and b > a:
            spans.append({"start_token": starts[a], "end_token": ends[b], "label": str(k)})
    info = SpanRenderer._assemble_per_token_info([text[a:b] for a, b in segments], spans)
    return [{int(e["label"]): e["render_slot"] for e in tok["entities"]} for tok in info]


def _shown(document: dict) -> tuple[str, list[dict], list[tuple[int, int]]]:
    """The text to show — the article as the pipeline read it (normalised: no markdown markers, link
    syntax, chrome lines or blank-line runs) — its claims with offsets mapped into it, and the
    ranges of the lines that were markdown headings."""
    from bisect import bisect_left

    from .normalise import normalise

    original = document.get("text") or ""
    norm = normalise(original)
    index = norm.index

    def at(pos: int) -> int:
        return bisect_left(index, pos)

    claims = []
    for c in document["claims"]:
        if c["content"]["end"] > len(original):
            continue
        mapped = dict(c)
        for part in ("content", "cue", "speaker"):
            span = c.get(part)
            if span and span.get("start") is not None and span.get("end") is not None:
                a, b = at(span["start"]), at(span["end"])
                mapped[part] = {**span, "start": a, "end": b} if b > a else None
        if mapped["content"] is not None:
            claims.append(mapped)
    headings = []
    for m in _HEADING.finditer(original):
        a, b = at(m.start()), at(m.end())
        if b > a:
            headings.append((a, b))
    return norm.text, claims, headings


_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+.*$", re.MULTILINE)
WEAK = 0.5  # claims below this confidence are drawn weaker (dashed, paler)


def _article(n: int, document: dict, colours: Colours) -> str:
    text, claims, headings = _shown(document)
    segs = _segments(text, claims, headings)
    slots = _slots(segs, claims, text)
    ids = [f"d{n}-c{k}" for k in range(len(claims))]
    weak = [c["confidence"] < WEAK for c in claims]
    col = [(colour, dashed or weak[k]) for k, (colour, dashed) in enumerate(colours.of(c) for c in claims)]
    starts: dict[int, list[int]] = {}
    for k, c in enumerate(claims):
        starts.setdefault(c["content"]["start"], []).append(k)

    out = []
    for (a, b), slot in zip(segs, slots):
        for k in starts.pop(a, []):
            c, (colour, dashed) = claims[k], col[k]
            who = (c["speaker"] or {}).get("name") or (c["speaker"] or {}).get("text") or "no speaker"
            label = f"Claim {k + 1}: {who}, {c['type'].replace('_', ' ')}"
            label += f", confidence {c['confidence']}" + (" (low)" if weak[k] else "")
            out.append(f'<button type="button" class="chip{" dash" if dashed else ""}{" weak" if weak[k] else ""}" '
                       f'data-claim="{ids[k]}" data-n="{k + 1}" style="--c:{colour}" aria-label="{esc(label)}"></button>')
        cues = [k for k, c in enumerate(claims) if c["cue"] and c["cue"]["start"] <= a and b <= c["cue"]["end"]]
        whos = [k for k, c in enumerate(claims) if c["speaker"] and c["speaker"]["start"] is not None
                and c["speaker"]["start"] <= a and b <= c["speaker"]["end"]]
        piece = esc(text[a:b])
        heading = any(ha <= a and b <= hb for ha, hb in headings)
        if not (slot or cues or whos):
            out.append(f'<span class="h">{piece}</span>' if heading else piece)
            continue
        classes = ["seg"] + (["cue"] if cues else []) + (["who"] if whos else []) + (["h"] if heading else [])
        attrs = []
        style = []
        if slot:
            order = sorted(slot, key=lambda k: slot[k])  # outermost (slot 1) first, innermost last
            attrs.append(f'data-claims="{" ".join(ids[k] for k in order)}"')
            layers = []
            for k in order:
                colour, dashed = col[k]
                y = f"calc(100% - {(slot[k] - 1) * BAR}px)"
                pattern = (f"repeating-linear-gradient(90deg,{colour} 0 6px,transparent 6px 9px)" if dashed
                           else f"linear-gradient({colour},{colour})")
                layers.append(f"{pattern} 0 {y}/100% {BAR - 1}px no-repeat")
            layers.append(f"linear-gradient({_tint(col[order[-1]][0])},{_tint(col[order[-1]][0])})")
            style.append(f"--pad:{max(slot.values()) * BAR}px;background:{','.join(layers)}")
        if cues:
            attrs.append(f'data-cue="{" ".join(ids[k] for k in cues)}"')
        if whos:
            attrs.append(f'data-who="{" ".join(ids[k] for k in whos)}"')
            style.append(f"--who:{col[whos[0]][0]}")
        out.append(f'<span class="{" ".join(classes)}" {" ".join(attrs)} style="{";".join(style)}">{piece}</span>')

    data = {ids[k]: {"speaker": (c["speaker"] or {}).get("name") or (c["speaker"] or {}).get("text"),
                     "speaker_text": (c["speaker"] or {}).get("text"), "label": (c["speaker"] or {}).get("label"),
                     "kind": (c["speaker"] or {}).get("kind"), "gender": (c["speaker"] or {}).get("gender"), "type": c["type"], "cue": (c["cue"] or {}).get("text"), "confidence": c["confidence"],
                     "content": c["content"]["text"], "id": c["id"]} for k, c in enumerate(claims)}
    title = document.get("title") or document["doc"]
    body = "".join(out) if text else '<span class="none">The text of this article is not in the output.</span>'
    return (f'<article class="doc" aria-labelledby="d{n}-title" data-doc="{esc(document["doc"])}">'
            f'<header><h2 id="d{n}-title">{esc(title)}</h2><p class="counts">{esc(document["doc"])} · '
            f'{len(claims)} claim{"s" if len(claims) != 1 else ""}</p></header>'
            f'<div class="cols"><div class="text" lang="es">{body}</div>{_panel(document, claims, colours)}</div>'
            f'{_json_script(data, "claims-data")}</article>\n')


def _panel(document: dict, claims: list[dict], colours: Colours) -> str:
    ranked: dict[str, dict] = {}
    for c in claims:
        k = Colours.key(c)
        row = ranked.setdefault(k, {"claim": c, "n": 0, **{t: 0 for t in TYPES}})
        row["n"] += 1
        row[c["type"]] = row.get(c["type"], 0) + 1
    rows = sorted(ranked.values(), key=lambda r: (-r["n"], Colours.key(r["claim"])))
    items = []
    for r in rows:
        c = r["claim"]
        sp = c["speaker"] or {}
        colour, dashed = colours.of(c)
        name = sp.get("name") or sp.get("text") or "no speaker"
        counts = " · ".join(f"{r[t]} {t.replace('_', ' ')}" for t in TYPES if r[t])
        anon = ' <span class="badge" title="an unnamed source">anonymous</span>' if sp.get("label") == "ANON" else ""
        items.append(f'<li><span class="swatch{" dash" if dashed else ""}" style="background:{colour}" '
                     f'aria-hidden="true"></span>'
                     f'{esc(name)}{anon} <span class="counts">{r["n"]}: {esc(counts)}</span></li>')
    speakers = f"<ol>{''.join(items)}</ol>" if items else '<p class="none">No claims found.</p>'
    meta = []
    for key in ("doc", "title", "date", "authors", "site", "url"):
        value = document.get(key)
        if key == "authors":
            value = ", ".join(value or []) or None
        if value:
            shown = (f'<a href="{esc(value)}" rel="noreferrer">{esc(value)}</a>'
                     if key == "url" and str(value).startswith(("http://", "https://")) else esc(value))
            meta.append(f"<dt>{key}</dt><dd>{shown}</dd>")
    return (f'<aside class="panel" aria-label="Speakers and metadata"><h3>Who is quoted</h3>{speakers}'
            f'<h3>Article</h3><dl class="meta">{"".join(meta)}</dl></aside>')


def _page_head(title: str, subtitle: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
            f"<header class=\"page\"><h1>{esc(title)}</h1><p>{esc(subtitle)}</p></header><main>\n")


def _page_foot() -> str:
    return ('</main><div id="card" role="tooltip" hidden></div>'
            f"<script>{SCRIPT}</script></body></html>\n")


class HtmlWriter:
    """Streams the report: the page head, one article at a time, the foot."""

    def __init__(self, out: TextIO, model: dict) -> None:
        self.out, self.colours, self.n = out, Colours(), 0
        out.write(_page_head("newsclaims: who said what",
                             f"newsclaims · model {model.get('name')} {model.get('version') or ''}".strip()))

    def write(self, document: dict) -> None:
        self.out.write(_article(self.n, document, self.colours))
        self.n += 1

    def close(self) -> None:
        if self.n == 0:
            self.out.write('<p class="none">No articles.</p>')
        self.out.write(_page_foot())


def render(documents: Iterable[dict], model: dict | None = None) -> str:
    import io
    buf = io.StringIO()
    w = HtmlWriter(buf, model or {})
    for d in documents:
        w.write(d)
    w.close()
    return buf.getvalue()


# --- diff --------------------------------------------------------------------------------------

def _claim_cell(claim: dict | None, ops: list[dict] | None, side: str) -> str:
    if claim is None:
        return '<td class="none">—</td>'
    sp = claim["speaker"] or {}
    who = esc(sp.get("name") or sp.get("text") or "no speaker")
    cue = esc((claim["cue"] or {}).get("text") or "—")
    if ops is None:
        body = esc(claim["content"]["text"])
    else:
        parts = []
        for op in ops:
            if op["op"] == "equal":
                parts.append(esc(op["old"] if side == "old" else op["new"]))
            elif side == "old" and op["old"] and op["op"] in ("delete", "replace"):
                parts.append(f"<del>{esc(op['old'])}</del>")
            elif side == "new" and op["new"] and op["op"] in ("insert", "replace"):
                parts.append(f"<ins>{esc(op['new'])}</ins>")
        body = " ".join(p for p in parts if p)
    return (f'<td><div><strong>{who}</strong> <span class="counts">{esc(claim["type"].replace("_", " "))} · '
            f'{cue}</span></div><div lang="es">{body}</div></td>')


def render_diff(results: list[dict], only_old: list[str], only_new: list[str]) -> str:
    out = [_page_head("newsclaims: what changed in who said what",
                      f"{len(results)} comparison{'s' if len(results) != 1 else ''}")]
    for n, r in enumerate(results):
        summary = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in r["summary"].items() if v) or "no claims"
        rows = []
        for c in r["changes"]:
            kind = c["kind"]
            rows.append(f'<tr class="k-{kind}"><td class="kind">{esc(kind.replace("_", " "))}</td>'
                        f'{_claim_cell(c["old"], c["diff"], "old")}{_claim_cell(c["new"], c["diff"], "new")}</tr>')
        table = ('<table class="changes"><thead><tr><th scope="col">change</th><th scope="col">old version</th>'
                 f'<th scope="col">new version</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
                 if rows else '<p class="none">No changes in who said what.</p>')
        ents = r.get("entities") or {}
        extra = "".join(f'<li>{esc(e["name"])} ({esc(e["label"])}) {verb}</li>'
                        for key, verb in (("added", "appears"), ("removed", "disappears")) for e in ents.get(key, []))
        out.append(f'<article class="doc" aria-labelledby="x{n}"><header><h2 id="x{n}">{esc(r["old"])} → '
                   f'{esc(r["new"])}</h2><p class="counts">{esc(summary)}</p></header>{table}'
                   f'{"<h3>People and organisations</h3><ul>" + extra + "</ul>" if extra else ""}</article>\n')
    for name, side in [(x, "old") for x in only_old] + [(x, "new") for x in only_new]:
        out.append(f'<p class="none">{esc(name)}: only in the {side} version</p>')
    out.append(_page_foot())
    return "".join(out)
