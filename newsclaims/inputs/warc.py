"""WARC archives in: every HTTP response record with an HTML content type is one page.

Read with FastWARC (``bench/pages.py`` measures it against warcio, the reference library, on the
same archive; FastWARC was several times faster here).  Records are streamed one at a time, so an
archive of any size is read in constant memory.  A truncated or corrupt archive yields the pages
read so far, then one LoadError for the archive.
"""
from __future__ import annotations

from typing import Iterator

from .base import LoadError, looks_like_html, open_binary
from .html import Page

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _html_type(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


def records(path: str) -> Iterator[Page | LoadError]:
    """Pages of the HTML responses in the archive at ``path`` (``.warc`` or ``.warc.gz``)."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    read = 0
    try:
        with open_binary(path) as stream:
            for record in ArchiveIterator(stream, parse_http=True):
                read += 1
                declared = record.headers.get("Content-Length")
                if declared is None or not record.headers.get("WARC-Type"):
                    yield _broken(path, read)
                    return
                if record.record_type == WarcRecordType.response and record.is_http and record.http_headers is None:
                    yield _broken(path, read)  # the HTTP head was cut off
                    return
                http = record.http_headers if record.record_type == WarcRecordType.response else None
                content_type = http.get("Content-Type") if http is not None else None
                wanted = http is not None and 200 <= (http.status_code or 0) < 300 and (
                    content_type is None or _html_type(content_type))
                if not wanted or http is None:
                    if (record.reader.consume() or 0) < record.content_length:
                        yield _broken(path, read)
                        return
                    continue  # requests, metadata, redirects, images: not pages
                payload = record.reader.read()
                if len(payload) < record.content_length:
                    yield _broken(path, read)
                    return
                coding = (http.get("Content-Encoding") or "").strip().lower()
                if coding and coding != "identity":
                    try:
                        payload = decode_content(payload, coding)
                    except ValueError as e:
                        yield LoadError(record.headers.get("WARC-Target-URI") or f"{path}#{read}",
                                        f"cannot decode its Content-Encoding {coding} ({e})", archive=path)
                        continue
                if content_type is None and not looks_like_html(payload):
                    continue  # no Content-Type: what the bytes say
                date = record.record_date
                yield Page(record.headers.get("WARC-Target-URI") or f"{path}#{read}", payload,
                           charset=record.http_charset, url=record.headers.get("WARC-Target-URI"),
                           date=date.date().isoformat() if date else None, archive=path)
    except FileNotFoundError:
        yield LoadError(path, "no such file or folder")
        return
    except PermissionError:
        yield LoadError(path, "permission denied")
        return
    except Exception as e:  # noqa: BLE001 — the reader's own errors on damaged input
        if read == 0:
            yield LoadError(path, f"not a WARC archive ({e})")
        else:
            yield LoadError(path, f"truncated or corrupt WARC archive: stopped after record {read} ({e})")
        return
    if read == 0:
        yield LoadError(path, "not a WARC archive (no records found)")


def decode_content(payload: bytes, coding: str) -> bytes:
    """The body of an HTTP response stored with its Content-Encoding (wget, Browsertrix and many
    crawlers keep it): gzip, deflate or br (Brotli), several applied in order ("gzip, br").  A body
    that a crawler stored decoded while keeping the header is taken as it is.  Raises ValueError."""
    import zlib

    for name in reversed([c.strip() for c in coding.split(",") if c.strip() and c.strip() != "identity"]):
        if name not in ("gzip", "x-gzip", "deflate", "br"):
            raise ValueError(f"unknown content coding {name!r}")
        try:
            if name == "br":
                import brotli
                payload = brotli.decompress(payload)
            elif name == "deflate":
                try:
                    payload = zlib.decompress(payload)
                except zlib.error:
                    payload = zlib.decompress(payload, -zlib.MAX_WBITS)  # raw deflate, as some servers send
            else:
                payload = zlib.decompress(payload, 16 + zlib.MAX_WBITS)
        except Exception as e:  # noqa: BLE001 - zlib.error, brotli.error: damaged or already decoded
            if looks_like_html(payload):
                continue  # stored decoded, the header kept
            raise ValueError(f"{name}: {e}") from None
    return payload


def _broken(path: str, read: int) -> LoadError:
    return LoadError(path, f"truncated or corrupt WARC archive: record {read} is cut off "
                           f"({read - 1} read before it)")
