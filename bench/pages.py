"""Web-page benchmark: HTML throughput, main-text extraction versus the spaCy pipeline, and the two
WARC readers side by side.

    python bench/pages.py [FOLDER] [--limit N] [--copies K]

Corpus articles (first line the title, then paragraphs) are rendered into three news-page
templates with what real pages carry around an article: a cookie banner, a menu, share buttons,
teaser lines between paragraphs, related links, comments and a footer.  Printed:

* pages/s for the whole path (decode, trafilatura, normalise, spaCy, claims), and the share of
  the time spent in main-text extraction versus the pipeline;
* how well the text came back: article paragraphs found in the extracted text, and page chrome
  (menu, footer, teasers, related links, comments) that leaked into it;
* FastWARC versus warcio reading the same archive (the pages, K copies each, gzip): records/s.
"""
from __future__ import annotations

import argparse
import html
import io
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROME = ["Usamos cookies para mejorar su experiencia de navegación", "Todos los derechos reservados",
          "Política de privacidad", "Comentarios de los lectores", "Suscríbase a nuestro boletín",
          "Le puede interesar", "Noticias relacionadas"]

HEAD = """<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">
<meta name="author" content="{author}"><meta property="article:published_time" content="{date}">
<link rel="canonical" href="https://{host}/nota/{id}"><style>body{{margin:0}}</style></head><body>
<div class="cookies"><p>Usamos cookies para mejorar su experiencia de navegación. <button>Aceptar</button></p></div>
<header><nav><ul>{menu}</ul></nav><form><input placeholder="Buscar"></form></header>"""
FOOT = """<aside class="related"><h3>Noticias relacionadas</h3><ul>{related}</ul></aside>
<section class="comments"><h3>Comentarios de los lectores</h3><div class="comment"><p>Lector{n}: muy buena nota, gracias por informar.</p></div></section>
<footer><p>© 2026 {site}. Todos los derechos reservados.</p><p><a href="/privacidad">Política de privacidad</a> · <a href="/boletin">Suscríbase a nuestro boletín</a></p></footer>
<script>window.dataLayer = window.dataLayer || [];</script></body></html>"""
BODIES = [
    # semantic HTML5
    """<main><article><h1>{title}</h1><p class="byline">Por {author}</p>
<div class="share"><a href="#">Compartir en Facebook</a> <a href="#">Compartir en X</a></div>
<div class="article-body">{paragraphs}</div></article></main>""",
    # div soup
    """<div id="wrapper"><div class="col-8"><div class="titulo"><h1>{title}</h1></div>
<div class="autor">{author}</div><div class="cuerpo">{paragraphs}</div>
<div class="tags"><a href="/t/1">Actualidad</a> <a href="/t/2">Sociedad</a></div></div>
<div class="col-4 sidebar"><div class="widget"><h4>Lo más leído</h4><ol>{related}</ol></div></div></div>""",
    # a blog-like theme
    """<div class="site-content"><div class="entry"><h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="author vcard">{author}</span></div>
<div class="entry-content">{paragraphs}<div class="sharedaddy"><h3>Comparte esto:</h3></div></div></div></div>""",
]


def render(i: int, article: str, titles: list[str], rng: random.Random) -> tuple[str, list[str]]:
    """(page, the article's paragraphs as the page shows them)."""
    lines = [p.strip() for p in article.split("\n\n") if p.strip()]
    title, paragraphs = " ".join(lines[0].split()), [" ".join(p.split()) for p in lines[1:]]
    site = rng.choice(["Diario del Sur", "La Crónica Digital", "Noticias Hoy", "El Observador Regional"])
    esc = html.escape
    body = []
    for k, p in enumerate(paragraphs):
        body.append(f"<p>{esc(p)}</p>")
        if k == 1:  # a teaser line, as sites put them between paragraphs
            body.append(f"<p>(Le puede interesar: {esc(rng.choice(titles))})</p>")
    related = "".join(f'<li><a href="/n/{k}">{esc(t)}</a></li>' for k, t in enumerate(rng.sample(titles, 4)))
    menu = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in
                   ["Portada", "Política", "Economía", "Deportes", "Cultura", "Opinión"])
    fields = dict(title=esc(title), site=site, author="Redacción", date="2026-01-15", host="www.ejemplo.example",
                  id=i, menu=menu, related=related, paragraphs="\n".join(body), n=i)
    page = HEAD.format(**fields) + BODIES[i % len(BODIES)].format(**fields) + FOOT.format(**fields)
    return page, paragraphs


def build_warc(pages: list[bytes], copies: int, path: Path) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    n = 0
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for c in range(copies):
            for k, page in enumerate(pages):
                hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(f"https://www.ejemplo.example/{c}/{k}", "response",
                                                    payload=io.BytesIO(page), http_headers=hh))
                n += 1
    return n


def read_fastwarc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType
    n = 0
    with open(path, "rb") as f:
        for r in ArchiveIterator(f, record_types=WarcRecordType.response, parse_http=True):
            if "html" in (r.http_headers.get("Content-Type") or ""):
                n += bool(r.reader.read())
    return n


def read_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator
    n = 0
    with open(path, "rb") as f:
        for r in ArchiveIterator(f):
            if r.rec_type == "response" and "html" in (r.http_headers.get_header("Content-Type") or ""):
                n += bool(r.content_stream().read())
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "articles"))
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--copies", type=int, default=10, help="copies of each page in the WARC archive")
    args = ap.parse_args()

    from newsclaims.extract import Extractor
    from newsclaims.inputs import Article, LoadError, read
    from newsclaims.inputs.html import Page, page_article

    files = sorted(Path(args.folder).glob("*.txt"))[: args.limit]
    texts = [a.text for a in (read(str(f)) for f in files) if isinstance(a, Article)]
    texts = [t for t in texts if t.count("\n\n") >= 2]
    if not texts:
        sys.exit(f"bench: no articles in {args.folder}")
    rng = random.Random(7)
    titles = [" ".join(t.split("\n", 1)[0].split()) for t in texts]
    rendered = [render(i, t, titles, rng) for i, t in enumerate(texts)]
    data = [p.encode("utf-8") for p, _ in rendered]

    ex = Extractor()
    ex.extract_text("La ministra dijo que habrá ayudas.")  # warm-up
    t0 = time.perf_counter()
    articles = [page_article(Page(f"page{i}.html", d)) for i, d in enumerate(data)]
    t_main = time.perf_counter() - t0
    ok = [a for a in articles if not isinstance(a, LoadError)]
    t0 = time.perf_counter()
    claims = sum(len(d["claims"]) for d in ex.extract(ok))
    t_nlp = time.perf_counter() - t0
    total = t_main + t_nlp

    found = sum(p in a.text for a, (_, paras) in zip(articles, rendered) if not isinstance(a, LoadError) for p in paras)
    wanted = sum(len(paras) for _, paras in rendered)
    leaked = sum(c in a.text for a in ok for c in CHROME)
    mb = sum(map(len, data)) / 1e6
    print(f"HTML pages: {len(data)} ({mb:.1f} MB), {len(ok)} with article text, {claims} claims")
    print(f"  whole path: {total:.1f} s, {len(data) / total:.1f} pages/s")
    print(f"  main-text extraction (trafilatura): {t_main:.1f} s = {100 * t_main / total:.0f}% of the time, "
          f"{len(data) / t_main:.0f} pages/s")
    print(f"  spaCy pipeline and claims: {t_nlp:.1f} s = {100 * t_nlp / total:.0f}% of the time")
    print(f"  article paragraphs in the text: {found}/{wanted} ({100 * found / wanted:.1f}%); "
          f"chrome strings leaked: {leaked} (of {len(CHROME)} per page)")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.warc.gz"
        n = build_warc(data, args.copies, path)
        size = path.stat().st_size / 1e6
        times = {}
        for name, fn in (("FastWARC", read_fastwarc), ("warcio", read_warcio)) * 2:  # twice: warm caches
            t0 = time.perf_counter()
            assert fn(path) == n
            times[name] = time.perf_counter() - t0
        print(f"WARC reading, {n} HTML records, {size:.1f} MB gzip:")
        for name, t in times.items():
            print(f"  {name}: {t:.2f} s, {n / t:.0f} records/s")
        print(f"  FastWARC / warcio speed: {times['warcio'] / times['FastWARC']:.1f}x")


if __name__ == "__main__":
    main()
