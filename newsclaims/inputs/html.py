"""Web pages in: an HTML page's bytes -> the article's text and the page's own metadata.

The main text is found by trafilatura (navigation, related links, comments, cookie banners and
share buttons are its job); we keep its headings, paragraphs, list items and block quotes as
paragraphs, drop the teaser lines sites put between paragraphs ("(Le puede interesar: …)",
"Lea también: …" — rows of ``rules/es/chrome_lines.tsv``), and put the title first.

The text built here is what claims and entities point into: it is returned to the user in the
document's ``text`` field, so offsets stay checkable (``text[start:end]``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# A page is decoded from: the HTTP header's charset, else the page's own <meta charset>, else UTF-8
# when it decodes, else charset detection (charset-normalizer, which trafilatura brings).
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_BLOCKS = ("p", "head", "item", "cell", "quote", "list", "table", "row", "code")


@dataclass
class Page:
    """An HTML page as read, not yet extracted (extraction runs where the pipeline runs)."""
    doc: str                     # the path, or a WARC record's target URI
    data: bytes
    charset: str | None = None   # from the HTTP header (WARC records)
    url: str | None = None       # the record's URI (WARC), passed to trafilatura
    date: str | None = None      # the record's date (WARC), used when the page gives none
    archive: str | None = None   # the WARC file the record came from


@dataclass
class PageMeta:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    url: str | None = None
    site: str | None = None


class NoArticle(Exception):
    """The page holds no article text (an index page, a login wall, an empty page)."""


def _codec(name: str | bytes | None) -> str | None:
    import codecs
    if not name:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_html(data: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """(text, encoding): the header's charset, the page's <meta charset>, UTF-8, then detection."""
    text, encoding, _note = decode_html_noted(data, header_charset)
    return text, encoding


def _bad_byte(data: bytes, codec: str) -> str:
    try:
        data.decode(codec)
    except UnicodeDecodeError as e:
        return f"byte 0x{data[e.start]:02x} at offset {e.start}"
    return ""


def decode_html_noted(data: bytes, header_charset: str | None = None) -> tuple[str, str, str]:
    """(text, encoding, note): as :func:`decode_html`; ``note`` is empty when the page was read as it
    declared itself (or as UTF-8 when it declared nothing), else it says which declared or assumed
    encoding was wrong, at which byte, and what was read instead."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig", ""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), "utf-16", ""
    m = _META_CHARSET.search(data[:4096])
    wrong: list[str] = []
    for name, where in ((header_charset, "the HTTP header"), (m.group(1) if m else None, "the page")):
        codec = _codec(name)
        if codec:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                # a header or meta tag that lies: try the next source
                wrong.append(f"{where} declares {codec} but {_bad_byte(data, codec)} is not {codec}")
                continue
            return text, codec, (f"{'; '.join(wrong)}; read as {codec}" if wrong else "")
    try:
        text = data.decode("utf-8")
        return text, "utf-8", (f"{'; '.join(wrong)}; read as utf-8" if wrong else "")
    except UnicodeDecodeError:
        if not wrong:
            wrong.append(f"no charset declared and {_bad_byte(data, 'utf-8')} is not UTF-8")
    text, encoding = _detect(data)
    return text, encoding, f"{'; '.join(wrong)}; read as {encoding} (detected)"


# Among readings the detector finds equally plausible (cp1250 and cp1252 differ in "ñ" and little
# else), the Western European encodings Spanish-language sites use come first.
_WESTERN = ("cp1252", "iso8859_15", "latin_1", "mac_roman")


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes
    found = list(from_bytes(data))
    if not found:
        return data.decode("cp1252", "replace"), "cp1252"
    least = min(m.chaos for m in found)
    plausible = [m for m in found if m.chaos <= least + 0.01]
    best = next((m for enc in _WESTERN for m in plausible if m.encoding == enc), None) or plausible[0]
    return str(best), best.encoding


def _paragraphs(body) -> list[str]:
    """Block texts of trafilatura's XML body, in order, each on one line."""
    out: list[str] = []

    def walk(el) -> None:
        inner = [c for c in el if c.tag in _BLOCKS]
        if el.tag in ("body", "quote", "list", "table", "row") and inner:
            if el.text and el.text.strip():
                out.append(el.text)
            for child in el:
                if child.tag in _BLOCKS:
                    walk(child)
                elif child.tail and child.tail.strip():
                    out.append(child.tail)
            return
        out.append("".join(el.itertext()))

    walk(body)
    return [p for p in (_SPACE.sub(" ", p).strip() for p in out) if p]


_SENTENCE_END = re.compile(r"[.!?…](?:\s|$)|[.!?…:][\"”»)]?\s*$")


def _same_line(a: str, b: str) -> bool:
    """The same headline, up to case, spacing and punctuation."""
    from ..rules import fold
    return re.sub(r"\W+", " ", fold(a)).strip() == re.sub(r"\W+", " ", fold(b)).strip()


def _is_prose(paragraph: str) -> bool:
    """Running text: eight words or more with a sentence end in them (a menu has neither)."""
    return len(paragraph.split()) >= 8 and bool(_SENTENCE_END.search(paragraph))


def _split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    names: list[str] = []
    for part in re.split(r"\s*;\s*", value):
        part = part.strip()
        if part and part not in names:
            names.append(part)
    return names


_JSONLD = re.compile(r"""<script[^>]+type\s*=\s*["']application/ld\+json["'][^>]*>(.*?)</script>""",
                     re.IGNORECASE | re.DOTALL)


def _jsonld_url(html: str) -> str | None:
    """The article's own URL from its JSON-LD (``url``, else ``mainEntityOfPage``), when the page has
    no canonical link that trafilatura reads."""
    import json

    def objects(node):
        if isinstance(node, list):
            for x in node:
                yield from objects(x)
        elif isinstance(node, dict):
            yield node
            yield from objects(node.get("@graph", []))

    for block in _JSONLD.findall(html[:500_000]):
        try:
            data = json.loads(block.strip())
        except ValueError:
            continue
        for obj in objects(data):
            kind = obj.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if not any(isinstance(k, str) and k.endswith("Article") for k in kinds):
                continue
            for key in ("url", "mainEntityOfPage"):
                value = obj.get(key)
                value = value.get("@id") if isinstance(value, dict) else value
                if isinstance(value, str) and value.startswith(("http://", "https://")):
                    return value
    return None


def extract_page(html: str, url: str | None = None) -> tuple[str, PageMeta]:
    """The article's text (title first, one paragraph per block, blank lines between) and
    metadata; raises NoArticle when trafilatura finds no main text."""
    import trafilatura

    from ..normalise import is_chrome

    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                        include_images=False, include_links=False, deduplicate=False)
    if isinstance(found, dict):  # (as_dict=True gives a dict; the default is a Document)
        raise TypeError("trafilatura returned a dict; a Document was expected")
    if found is None or found.body is None:
        raise NoArticle("no article text found")
    paragraphs = [p for p in _paragraphs(found.body) if not is_chrome(p)]
    if not any(_is_prose(p) for p in paragraphs):  # menus and link lists are not an article
        raise NoArticle("no article text found")
    title = _SPACE.sub(" ", found.title).strip() if found.title else None
    if title and not any(_same_line(p, title) for p in paragraphs[:3]):
        paragraphs.insert(0, title)  # (a headline the body already gives after a kicker is not repeated)
    meta = PageMeta(title=title, authors=_split_authors(found.author), date=found.date or None,
                    url=found.url or _jsonld_url(html) or url, site=found.sitename or found.hostname or None)
    return "\n\n".join(paragraphs) + "\n", meta


def page_article(page: Page):
    """The Article of a Page (its text extracted), or a LoadError when it holds no article."""
    from .base import Article, LoadError

    html, encoding, note = decode_html_noted(page.data, page.charset)
    try:
        text, meta = extract_page(html, page.url)
    except NoArticle as e:
        return LoadError(page.doc, str(e), archive=page.archive)
    except Exception as e:  # noqa: BLE001 - a page the extractor chokes on loses that page only
        return LoadError(page.doc, f"cannot extract the page's text ({type(e).__name__}: {e})")
    if meta.date is None and page.date:
        meta.date = page.date
    return Article(page.doc, text, encoding, note, meta=meta)


def materialise(item):
    """Pages become Articles (or LoadErrors); anything else passes through."""
    return page_article(item) if isinstance(item, Page) else item
