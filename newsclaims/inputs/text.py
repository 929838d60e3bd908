"""Text and markdown articles: bytes -> Article (UTF-8, UTF-16 with a BOM, else cp1252)."""
from __future__ import annotations

from .base import MAX_BYTES, Article, LoadError


def decode(data: bytes) -> tuple[str, str]:
    """UTF-8 (a BOM is dropped), UTF-16 with its BOM, else cp1252; raises UnicodeDecodeError for none."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252"), "cp1252"


def read_bytes(doc: str, data: bytes) -> Article | LoadError:
    if len(data) > MAX_BYTES:
        return LoadError(doc, f"file is larger than {MAX_BYTES // (1024 * 1024)} MB; split it into articles")
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in data and not utf16:
        return LoadError(doc, "binary file (not text)")
    try:
        text, encoding = decode(data)
    except UnicodeDecodeError as e:
        return LoadError(doc, f"cannot decode as {'UTF-16' if utf16 else 'UTF-8 or cp1252'} ({e.reason})")
    if "\x00" in text:
        return LoadError(doc, "binary file (not text)")
    if not text.strip():
        return LoadError(doc, "empty file")
    return Article(doc, text, encoding, f"not UTF-8 ({not_utf8_at(data)}), read as cp1252" if encoding == "cp1252" else "")


def not_utf8_at(data: bytes) -> str:
    """Where UTF-8 decoding fails: "byte 0xe9 at offset 12" (for the cp1252 notice)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        return f"byte 0x{data[e.start]:02x} at offset {e.start}"
    return ""


