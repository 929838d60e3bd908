"""A claims history store: every version of every tracked article, with its claims, and the
changes in who said what between consecutive versions (``newsclaims track``).

One SQLite file (WAL mode, no server).  An article's key is its canonical URL (a page's metadata,
a WARC record's target URI, a link in a text's header), else its path; a version is the hash of
its normalised text, so a version already stored is recognised before any parsing.  Each version
is written in one transaction with its claims, entities and the changes it makes to the article's
history: a killed process leaves no partial version, two processes adding at once both land (the
second waits for the first's transaction).

Schema (``PRAGMA user_version`` = SCHEMA):

    articles(key PRIMARY KEY, site, versions, changes)
    versions(id, key, version, seen, added, doc, title, url, claims, document)   -- document: extract's JSON
    claims(version_id, position, id, type, speaker_name, speaker_kind, cue, content, confidence)
    changes(key, from_id, to_id, position, kind, old, new)                       -- old/new: claims as JSON
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Iterator

from .diff import KINDS, THRESHOLD, Version, diff_versions
from .metadata import host_of
from .normalise import normalise

SCHEMA = 1
APPLICATION = "newsclaims claims history"
BUSY_SECONDS = 120  # how long a writer waits for another process's transaction

_TABLES = """
CREATE TABLE store (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    key TEXT PRIMARY KEY,
    site TEXT,
    versions INTEGER NOT NULL DEFAULT 0,
    changes INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE versions (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL REFERENCES articles(key),
    version TEXT NOT NULL,            -- sha256 of the normalised text, 16 hex digits
    seen TEXT NOT NULL,               -- ISO date or time: WARC record date, else the page's date, else mtime
    added TEXT NOT NULL,              -- when this store got it (UTC)
    doc TEXT NOT NULL,                -- the path or record it was read from
    title TEXT,
    url TEXT,
    claims INTEGER NOT NULL,
    document TEXT NOT NULL,           -- the JSON document of `newsclaims extract`
    UNIQUE (key, version)
);
CREATE INDEX versions_by_key ON versions (key, seen, id);
CREATE TABLE claims (
    version_id INTEGER NOT NULL REFERENCES versions(id),
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    speaker_name TEXT,
    speaker_kind TEXT,
    cue TEXT,
    content TEXT NOT NULL,
    confidence REAL,
    PRIMARY KEY (version_id, position)
);
CREATE TABLE changes (
    key TEXT NOT NULL REFERENCES articles(key),
    from_id INTEGER NOT NULL REFERENCES versions(id),
    to_id INTEGER NOT NULL REFERENCES versions(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    old TEXT,                         -- the claim as in extract's JSON, null for "added"
    new TEXT,                         -- null for "removed"
    PRIMARY KEY (to_id, from_id, position)
);
CREATE INDEX changes_by_key ON changes (key);
CREATE INDEX changes_by_kind ON changes (kind);
"""


class StoreError(Exception):
    """The store cannot be opened or written (said in one line, exit 2)."""


@dataclass
class Pending:
    """An article version read, identified and hashed, waiting for its claims."""
    article: object
    key: str
    version: str
    seen: str
    site: str | None


def version_of(text: str) -> str:
    """The version of an article: a hash of its normalised text (whitespace and markup leftovers
    normalised as the pipeline reads them)."""
    return hashlib.sha256(normalise(text).text.encode("utf-8")).hexdigest()[:16]


def identify(article, record_date: str | None = None) -> Pending:
    """Key, version, seen-at and site of one article as read."""
    from .metadata import extract_metadata

    meta = article.meta if article.meta is not None else extract_metadata(article.text)
    url = meta.url if meta.url and meta.url.startswith(("http://", "https://")) else None
    key = url or article.doc
    seen = record_date or meta.date
    if not seen:
        try:
            seen = datetime.fromtimestamp(os.stat(article.doc).st_mtime, timezone.utc).isoformat(timespec="seconds")
        except (OSError, ValueError):
            seen = _now()
    return Pending(article, key, version_of(article.text), seen, host_of(url) or getattr(meta, "site", None))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """One SQLite file; every method that writes is one transaction."""

    def __init__(self, path: str, create: bool = True) -> None:
        self.path = path
        if os.path.isdir(path):
            raise StoreError(f"{path}: a folder; --db takes a file (e.g. {os.path.join(path, 'claims.db')})")
        if path != ":memory:" and not os.path.exists(path):
            if not create:
                raise StoreError(f"{path}: no such store (make one with `newsclaims track add PATH... --db {path}`)")
            folder = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(folder):
                raise StoreError(f"{path}: cannot create the store there (no such folder {folder})")
            if not os.access(folder, os.W_OK):
                raise StoreError(f"{path}: cannot create the store there (the folder is not writable)")
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            db = None
            try:
                db = self.db = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
                db.execute("PRAGMA foreign_keys = ON")
                self._check_or_create()
                return
            except sqlite3.OperationalError as e:  # cannot open, create or write the file
                if db is not None:
                    db.close()
                # SQLite answers "locked" at once, without waiting, to a connection that meets another
                # process switching a new store to WAL: open it again.
                if "locked" in str(e) and time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                raise StoreError(f"{path}: cannot use the store there ({e})") from None
            except sqlite3.DatabaseError as e:  # a file that is no SQLite database
                if db is not None:
                    db.close()
                raise StoreError(f"{path}: not a newsclaims store ({e})") from None
            except StoreError:
                if db is not None:
                    db.close()
                raise

    def _check_or_create(self) -> None:
        found, tables = self._read_schema()
        if found == 0 and not tables:
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("BEGIN IMMEDIATE")
            try:
                found, tables = self._read_schema()  # another process may have created it meanwhile
                if found == 0 and not tables:
                    for statement in _statements(_TABLES):  # not executescript: it would commit midway
                        self.db.execute(statement)
                    self.db.execute("INSERT INTO store VALUES ('application', ?), ('created', ?)", (APPLICATION, _now()))
                    self.db.execute(f"PRAGMA user_version = {SCHEMA}")
                    found, tables = SCHEMA, {"store"}
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        if found == 0 or "store" not in tables:
            raise StoreError(f"{self.path}: a SQLite file but not a newsclaims store (its tables: "
                             f"{', '.join(sorted(tables)) or 'none'}); give another --db")
        if found > SCHEMA:
            raise StoreError(f"{self.path}: written by a newer newsclaims (store schema {found}, this one reads "
                             f"{SCHEMA}): upgrade newsclaims")
        if found < SCHEMA:
            self._migrate(found)

    def _read_schema(self) -> tuple[int, set[str]]:
        """The schema version and the tables, read in one transaction (a store another process is
        creating is seen before or after, never halfway)."""
        in_transaction = self.db.in_transaction
        if not in_transaction:
            self.db.execute("BEGIN")
        try:
            found = self.db.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            if not in_transaction:
                self.db.execute("COMMIT")
        return found, tables

    def _migrate(self, found: int) -> None:
        """Bring an older store up to SCHEMA, one step per version, in one transaction."""
        steps: dict[int, str] = {}  # schema N -> the SQL statements that make N + 1 (none yet: 1 is the first)
        missing = [n for n in range(found, SCHEMA) if n not in steps]
        if missing:
            raise StoreError(f"{self.path}: store schema {found} cannot be migrated to {SCHEMA}")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for n in range(found, SCHEMA):
                for statement in _statements(steps[n]):
                    self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version = {SCHEMA}")
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------------

    def versions_count(self, key: str) -> int:
        return self.db.execute("SELECT count(*) FROM versions WHERE key = ?", (key,)).fetchone()[0]

    def has(self, key: str, version: str) -> bool:
        return self.db.execute("SELECT 1 FROM versions WHERE key = ? AND version = ?", (key, version)).fetchone() is not None

    def add(self, p: Pending, document: dict, threshold: float = THRESHOLD) -> str:
        """Store one version with its claims and redo its article's changes, in one transaction:
        "new" (the article's first version), "changed" (a later one), or "" when the version was
        there already (another process may have added it meanwhile)."""
        for attempt in range(5):
            try:
                return self._add(p, document, threshold)
            except sqlite3.OperationalError as e:  # "database is locked" past the busy timeout
                if "locked" not in str(e) or attempt == 4:
                    raise
                time.sleep(0.5 * (attempt + 1))
        return ""

    def _add(self, p: Pending, document: dict, threshold: float) -> str:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            if self.has(p.key, p.version):
                db.execute("ROLLBACK")
                return ""
            status = "changed" if self.versions_count(p.key) else "new"
            db.execute("INSERT INTO articles (key, site) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                       "site = coalesce(articles.site, excluded.site)", (p.key, p.site))
            document = {k: v for k, v in document.items() if k != "text"}
            cur = db.execute("INSERT INTO versions (key, version, seen, added, doc, title, url, claims, document) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             (p.key, p.version, p.seen, _now(), document["doc"], document.get("title"),
                              document.get("url"), len(document["claims"]), json.dumps(document, ensure_ascii=False)))
            vid = cur.lastrowid
            db.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                (vid, n, c["id"], c["type"], (c["speaker"] or {}).get("name"), (c["speaker"] or {}).get("kind"),
                 (c["cue"] or {}).get("text"), c["content"]["text"], c["confidence"])
                for n, c in enumerate(document["claims"])])
            self._rediff(p.key, threshold)
            db.execute("COMMIT")
            return status
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _rediff(self, key: str, threshold: float) -> None:
        """The changes between each consecutive pair of the article's versions (a version seen
        between two stored ones splits their pair)."""
        rows = self.db.execute("SELECT id, document FROM versions WHERE key = ? ORDER BY seen, id", (key,)).fetchall()
        self.db.execute("DELETE FROM changes WHERE key = ?", (key,))
        count = 0
        for (a_id, a_doc), (b_id, b_doc) in zip(rows, rows[1:]):
            a, b = json.loads(a_doc), json.loads(b_doc)
            result = diff_versions(Version(key, a["doc"], a["claims"]), Version(key, b["doc"], b["claims"]), threshold)
            self.db.executemany("INSERT INTO changes VALUES (?, ?, ?, ?, ?, ?, ?)", [
                (key, a_id, b_id, n, c["kind"], _json(c["old"]), _json(c["new"])) for n, c in enumerate(result["changes"])])
            count += len(result["changes"])
        self.db.execute("UPDATE articles SET versions = ?, changes = ? WHERE key = ?", (len(rows), count, key))

    # --- reading ------------------------------------------------------------------------------

    def changes(self, since: str | None = None, site: str | None = None, kinds: Iterable[str] = (),
                key: str | None = None) -> Iterator[dict]:
        where, args = [], []
        if since:
            where.append("b.seen >= ?")
            args.append(since)
        if site:
            where.append("(a.site = ? OR a.site LIKE ?)")
            args += [site, f"%.{site}"]
        kinds = list(kinds)
        if kinds:
            where.append(f"c.kind IN ({', '.join('?' * len(kinds))})")
            args += kinds
        if key:
            where.append("c.key = ?")
            args.append(key)
        sql = ("SELECT c.key, f.version, b.version, f.seen, b.seen, c.kind, c.old, c.new FROM changes c "
               "JOIN versions f ON f.id = c.from_id JOIN versions b ON b.id = c.to_id JOIN articles a ON a.key = c.key"
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY c.key, b.seen, b.id, c.position")
        for k, fv, tv, fs, ts, kind, old, new in self.db.execute(sql, args):
            yield {"key": k, "from_version": fv, "to_version": tv, "from_seen": fs, "to_seen": ts, "kind": kind,
                   "old": None if old is None else json.loads(old), "new": None if new is None else json.loads(new)}

    def articles(self) -> list[dict]:
        rows = self.db.execute("SELECT a.key, a.site, a.versions, a.changes, min(v.seen), max(v.seen) FROM articles a "
                               "JOIN versions v ON v.key = a.key GROUP BY a.key ORDER BY a.key").fetchall()
        return [{"key": k, "site": s, "versions": n, "changes": c, "first_seen": f, "last_seen": last}
                for k, s, n, c, f, last in rows]

    def versions(self, key: str) -> list[dict]:
        rows = self.db.execute("SELECT id, version, seen, added, doc, title, claims, document FROM versions "
                               "WHERE key = ? ORDER BY seen, id", (key,)).fetchall()
        return [{"id": i, "version": v, "seen": s, "added": a, "doc": d, "title": t, "claims": n,
                 "document": json.loads(doc)} for i, v, s, a, d, t, n, doc in rows]

    def find_key(self, key: str) -> str | None:
        """A key as given, or the one key that ends with it (a path or URL tail)."""
        if self.db.execute("SELECT 1 FROM articles WHERE key = ?", (key,)).fetchone():
            return key
        found = [r[0] for r in self.db.execute("SELECT key FROM articles WHERE substr(key, -length(?)) = ?", (key, key))]
        return found[0] if len(found) == 1 else None


def _statements(script: str) -> list[str]:
    return [st.strip() for st in script.split(";\n") if st.strip()]


def _json(claim: dict | None) -> str | None:
    return None if claim is None else json.dumps(claim, ensure_ascii=False)


def extract_batch(batch: list, model: str, verbose: bool = False, weights: str = "") -> tuple[list[dict], list[tuple[str, str]]]:
    """Documents of a batch of articles, in a worker process or on a Dask worker (one pipeline per
    process); errors as (doc, reason)."""
    from .partitions import extractor
    errors: list[tuple[str, str]] = []
    docs = list(extractor(model, verbose, weights).extract(
        batch, on_error=lambda art, e: errors.append((art.doc, f"internal error: {type(e).__name__}: {e}"))))
    return docs, errors


def change_kinds() -> tuple[str, ...]:
    return tuple(k for k in KINDS if k != "unchanged")
