"""Who gets quoted: claims and people by gender, claims by source kind, anonymous sources and top
speakers, over a corpus, overall and per site, outlet, month or article (``newsclaims stats``).

Every input becomes the same two DuckDB relations, so the three kinds give identical figures for
the same claims:

* ``claims(doc, speaker_name, speaker_text, speaker_kind, speaker_gender, speaker_anonymous)``
* ``documents(doc, url, site, date)`` (none for JSON Lines of claims, which carry no metadata)

read from a Parquet (or JSON Lines) dataset of ``extract --output DIR`` by DuckDB itself, from
JSON Lines of claims by DuckDB's JSON reader, or from saved JSON and from articles (extracted)
through Arrow tables.  The figures are then SQL over these relations.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .aliases import Alias, merge
from .metadata import host_of
from .sink import MANIFEST

KINDS = ("person", "group", "organisation", "document", "unknown")
GENDERS = ("female", "male", "unknown")
GROUPINGS = ("site", "outlet", "month", "doc")
_SPEAKER = "STRUCT(name VARCHAR, text VARCHAR, kind VARCHAR, gender VARCHAR, anonymous BOOLEAN)"
# A speaker named by a name, not by the words of an unnamed one ("vocero de la entidad", lower case):
# those count once per article, like anonymous sources.
_NAMED = "({r}speaker_name IS NOT NULL AND NOT regexp_matches({r}speaker_name, '^[a-záéíóúüñ]'))"
_CLAIM_COLUMNS = ("doc", "speaker_name", "speaker_text", "speaker_kind", "speaker_gender", "speaker_anonymous")


class StatsError(Exception):
    """A path that is no input stats can read (said in one line, exit 2)."""


@dataclass
class Sources:
    """The inputs of one ``stats`` run, as DuckDB relations."""
    con: Any
    claims: list[str] = field(default_factory=list)      # SQL selects giving _CLAIM_COLUMNS
    documents: list[str] = field(default_factory=list)   # SQL selects giving doc, url, site, date
    tables: int = 0

    def register(self, rows: list[dict], docs: list[dict]) -> None:
        """Claims and documents held in Python (saved JSON, extracted articles) as Arrow tables."""
        import pyarrow as pa
        self.tables += 1
        name = f"_claims_{self.tables}"
        schema = pa.schema([(c, pa.bool_() if c == "speaker_anonymous" else pa.string()) for c in _CLAIM_COLUMNS])
        self.con.register(name, pa.Table.from_pylist(rows, schema=schema))
        self.claims.append(f"SELECT * FROM {name}")
        dname = f"_documents_{self.tables}"
        dschema = pa.schema([(c, pa.string()) for c in ("doc", "url", "site", "date")])
        self.con.register(dname, pa.Table.from_pylist(docs, schema=dschema))
        self.documents.append(f"SELECT * FROM {dname}")


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def kind_of(path: str) -> str:
    """"dataset", "json", "jsonl" (saved extract output) or "articles" (anything extract reads)."""
    p = Path(path)
    if path != "-" and p.is_dir():
        return "dataset" if (p / MANIFEST).is_file() else "articles"
    lower = path.lower()
    if lower.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if lower.endswith(".json"):
        return "json"
    return "articles"


def _claim_row(doc: str, c: dict) -> dict:
    sp = c.get("speaker") or {}
    return {"doc": c.get("doc", doc), "speaker_name": sp.get("name"), "speaker_text": sp.get("text"),
            "speaker_kind": sp.get("kind"), "speaker_gender": sp.get("gender"),
            "speaker_anonymous": sp.get("anonymous")}


def _doc_row(d: dict) -> dict:
    return {"doc": d["doc"], "url": d.get("url"), "site": d.get("site"), "date": d.get("date")}


def add_documents(sources: Sources, documents: Iterable[dict]) -> None:
    """Documents of ``extract`` (saved JSON or extracted here)."""
    rows: list[dict] = []
    docs: list[dict] = []
    for d in documents:
        docs.append(_doc_row(d))
        rows.extend(_claim_row(d["doc"], c) for c in d.get("claims", []))
    sources.register(rows, docs)


def _read_json(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise StatsError(f"{path}: not a saved extract output ({e})") from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise StatsError(f"{path}: not a saved extract output (no \"documents\" list; JSON Lines of claims "
                         "end in .jsonl)")
    return data


def _check_claim_lines(path: str) -> None:
    try:
        with open(path, encoding="utf-8") as f:
            first = next((line for line in f if line.strip()), None)
    except (OSError, UnicodeDecodeError) as e:
        raise StatsError(f"{path}: cannot read ({e})") from None
    if first is None:
        return
    try:
        row = json.loads(first)
    except json.JSONDecodeError:
        raise StatsError(f"{path}: not JSON Lines of claims (the first line is no JSON)") from None
    if not isinstance(row, dict) or "content" not in row or "doc" not in row:
        raise StatsError(f"{path}: not JSON Lines of claims (`newsclaims extract --format jsonl`): the first "
                         "line has no \"doc\" and \"content\"")


def add_path(sources: Sources, path: str, kind: str) -> None:
    """A saved output or a dataset, read where it lies."""
    if kind == "json":
        add_documents(sources, _read_json(path)["documents"])
    elif kind == "jsonl":
        _check_claim_lines(path)
        src = (f"read_json({_sql_string(path)}, format='newline_delimited', "
               f"columns={{'doc': 'VARCHAR', 'speaker': '{_SPEAKER}'}})")
        sources.claims.append(f"SELECT doc, speaker.name, speaker.text, speaker.kind, speaker.gender, "
                              f"speaker.anonymous FROM {src}")
    elif kind == "dataset":
        manifest = json.loads((Path(path) / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("command", "extract") != "extract":
            raise StatsError(f"{path}: a dataset of `newsclaims {manifest.get('command')}`, not of extract: no claims")
        ext = "jsonl" if manifest.get("format") == "jsonl" else "parquet"
        claims = str(Path(path) / "claims" / f"part-*.{ext}")
        documents = str(Path(path) / "documents" / f"part-*.{ext}")
        if not list(Path(path, "claims").glob(f"part-*.{ext}")):
            raise StatsError(f"{path}: the dataset has no claims part files yet")
        cols = ", ".join(_CLAIM_COLUMNS)
        if ext == "parquet":
            sources.claims.append(f"SELECT {cols} FROM read_parquet({_sql_string(claims)})")
            sources.documents.append(f"SELECT doc, url, site, CAST(date AS VARCHAR) FROM read_parquet({_sql_string(documents)})")
        else:
            ccols = {c: ("BOOLEAN" if c == "speaker_anonymous" else "VARCHAR") for c in _CLAIM_COLUMNS}
            dcols = {c: "VARCHAR" for c in ("doc", "url", "site", "date")}
            sources.claims.append(f"SELECT {cols} FROM read_json({_sql_string(claims)}, format='newline_delimited', "
                                  f"columns={ccols})")
            sources.documents.append(f"SELECT doc, url, site, date FROM read_json({_sql_string(documents)}, "
                                     f"format='newline_delimited', columns={dcols})")
    else:
        raise ValueError(kind)


def read_meta(path: str) -> dict[str, dict[str, str]]:
    """``--meta FILE``: a CSV or TSV with a header; the column ``doc`` or ``id`` (else the first) is
    matched against each article's path, file name or file name without extension; ``outlet``,
    ``site`` and ``date`` (or ``month``) give its groups."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise StatsError(f"{path}: cannot read ({e})") from None
    first = text.split("\n", 1)[0]
    reader = csv.DictReader(text.splitlines(), delimiter="\t" if "\t" in first else ",")
    fields = reader.fieldnames or []
    key = next((k for k in ("doc", "id") if k in fields), fields[0] if fields else None)
    if key is None or not {"outlet", "site", "date", "month"} & set(fields):
        raise StatsError(f"{path}: --meta needs a header with a key column (doc or id) and outlet, site, date "
                         "or month")
    return {row[key]: row for row in reader if row.get(key)}


def group_of(by: str, doc: str, info: tuple | None, meta: dict[str, dict[str, str]]) -> str:
    """The --by group of one article: its metadata first (a page's own), then --meta."""
    if by == "doc":
        return doc
    row: dict[str, str] = {}
    if meta:
        name = doc.replace("\\", "/").rsplit("/", 1)[-1]
        row = meta.get(doc) or meta.get(name) or meta.get(name.rsplit(".", 1)[0]) or {}
    url, site, date = info or (None, None, None)
    if by == "month":
        d = date or row.get("date") or row.get("month")
        return d[:7] if d else "unknown"
    if by == "site":
        return host_of(url) or site or row.get("site") or "unknown"
    return row.get("outlet") or site or host_of(url) or "unknown"


class Stats:
    """The figures of one run, computed in DuckDB."""

    def __init__(self, sources: Sources) -> None:
        self.con = sources.con
        union = " UNION ALL ".join(f"({s})" for s in sources.claims) if sources.claims else \
            "SELECT " + ", ".join(f"NULL::{'BOOLEAN' if c == 'speaker_anonymous' else 'VARCHAR'} AS {c}"
                                  for c in _CLAIM_COLUMNS) + " WHERE false"
        self.con.execute(f"CREATE TEMP TABLE raw_claims ({', '.join(self._column_types())})")
        self.con.execute(f"INSERT INTO raw_claims {union}")
        docs = " UNION ALL ".join(f"({s})" for s in sources.documents) if sources.documents else \
            "SELECT NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR WHERE false"
        self.con.execute("CREATE TEMP TABLE documents (doc VARCHAR, url VARCHAR, site VARCHAR, date VARCHAR)")
        self.con.execute(f"INSERT INTO documents {docs}")
        self.aliases = self._aliases()
        self._people()

    @staticmethod
    def _column_types() -> list[str]:
        return [f"{c} {'BOOLEAN' if c == 'speaker_anonymous' else 'VARCHAR'}" for c in _CLAIM_COLUMNS]

    def _q(self, sql: str, params: list | None = None) -> list[tuple]:
        return self.con.execute(sql, params or []).fetchall()

    def _aliases(self) -> list[Alias]:
        named = f"speaker_kind = 'person' AND {_NAMED.format(r='')} AND NOT coalesce(speaker_anonymous, false)"
        names = dict(self._q(f"SELECT speaker_name, count(*) FROM raw_claims WHERE {named} GROUP BY 1"))
        resolved = self._q(f"SELECT DISTINCT speaker_text, speaker_name FROM raw_claims WHERE {named} "
                           "AND speaker_text <> speaker_name")
        together = self._q(f"""SELECT DISTINCT a.speaker_name, b.speaker_name
            FROM (SELECT DISTINCT doc, speaker_name FROM raw_claims WHERE {named}
                  AND regexp_matches(speaker_name, '^[A-ZÁÉÍÓÚÑ]{{2,8}}$')) a
            JOIN (SELECT DISTINCT doc, speaker_name FROM raw_claims WHERE {named}) b
              ON a.doc = b.doc AND a.speaker_name <> b.speaker_name""")
        return merge(names, resolved, together)

    def _people(self) -> None:
        """claims: each claim with its person key (merged name; an unnamed or anonymous source, or one
        named by a description, counts once per article) and the person's gender over the corpus (the genders its claims
        give; unknown when none or when they disagree)."""
        import pyarrow as pa
        table = pa.Table.from_pylist([{"variant": a.variant, "name": a.name} for a in self.aliases],
                                     schema=pa.schema([("variant", pa.string()), ("name", pa.string())]))
        self.con.register("_aliases", table)
        self.con.execute(f"""CREATE TEMP TABLE claims AS
            SELECT r.doc, r.speaker_kind,
                   coalesce(r.speaker_kind, 'unknown') AS kind,
                   coalesce(r.speaker_anonymous, false) AS anonymous,
                   CASE WHEN r.speaker_kind = 'person' THEN
                     CASE WHEN NOT {_NAMED.format(r='r.')} OR coalesce(r.speaker_anonymous, false)
                          THEN r.doc || chr(31) || coalesce(r.speaker_name, r.speaker_text, '')
                          ELSE coalesce(a.name, r.speaker_name) END END AS person,
                   CASE WHEN {_NAMED.format(r='r.')} AND NOT coalesce(r.speaker_anonymous, false)
                        THEN coalesce(a.name, r.speaker_name) END AS who,
                   r.speaker_gender
            FROM raw_claims r LEFT JOIN _aliases a ON r.speaker_kind = 'person' AND r.speaker_name = a.variant""")
        self.con.execute("""CREATE TEMP TABLE person_gender AS
            SELECT person, CASE WHEN count(DISTINCT speaker_gender) = 1 THEN any_value(speaker_gender) ELSE 'unknown' END AS gender
            FROM (SELECT person, speaker_gender FROM claims WHERE person IS NOT NULL)
            GROUP BY person""")
        self.con.execute("""CREATE TEMP TABLE scored AS
            SELECT c.*, CASE WHEN c.person IS NULL THEN NULL ELSE coalesce(g.gender, 'unknown') END AS gender
            FROM claims c LEFT JOIN person_gender g USING (person)""")

    def groups(self, by: str, meta: dict[str, dict[str, str]]) -> None:
        """The table doc -> grp for --by."""
        import pyarrow as pa
        info = {d: (u, s, t) for d, u, s, t in self._q("SELECT doc, any_value(url), any_value(site), any_value(date) "
                                                        "FROM documents GROUP BY doc")}
        docs = [d for (d,) in self._q("SELECT DISTINCT doc FROM scored")]
        rows = [{"doc": d, "grp": group_of(by, d, info.get(d), meta)} for d in docs]
        self.con.register("_groups", pa.Table.from_pylist(
            rows, schema=pa.schema([("doc", pa.string()), ("grp", pa.string())])))

    def figures(self, top: int, by: str | None = None) -> dict:
        out = self._summary(None, top)[None]
        out["by"] = by
        if by:
            summaries = self._summary("grp", top)
            out["groups"] = [{"group": g, **summaries[g]} for g in sorted(summaries, key=lambda g: (-summaries[g]["claims"], g))]
        else:
            out["groups"] = []
        return out

    def _summary(self, grp: str | None, top: int) -> dict:
        src = "scored" if grp is None else "scored JOIN _groups USING (doc)"
        g = "grp" if grp else "NULL"
        result: dict = {}

        def slot(key):
            if key not in result:
                result[key] = {"articles": 0, "claims": 0, "people": 0,
                               "by_gender": {x: {"claims": 0, "people": 0} for x in GENDERS},
                               "by_kind": {k: {"claims": 0} for k in KINDS},
                               "anonymous": {"claims": 0, "share": 0.0}, "women_share": None, "top_speakers": []}
            return result[key]
        for key, articles, claims, people, anon in self._q(
                f"SELECT {g}, count(DISTINCT doc), count(*), count(DISTINCT person), count(*) FILTER (WHERE anonymous) "
                f"FROM {src} GROUP BY 1"):
            s = slot(key)
            s.update(articles=articles, claims=claims, people=people)
            s["anonymous"] = {"claims": anon, "share": round(anon / claims, 4) if claims else 0.0}
        for key, gender, claims, people in self._q(
                f"SELECT {g}, gender, count(*), count(DISTINCT person) FROM {src} WHERE person IS NOT NULL GROUP BY 1, 2"):
            slot(key)["by_gender"][gender] = {"claims": claims, "people": people}
        for key, kind, claims in self._q(f"SELECT {g}, kind, count(*) FROM {src} GROUP BY 1, 2"):
            slot(key)["by_kind"][kind if kind in KINDS else "unknown"]["claims"] += claims
        for s in result.values():
            f, m = s["by_gender"]["female"], s["by_gender"]["male"]
            known_c, known_p = f["claims"] + m["claims"], f["people"] + m["people"]
            s["women_share"] = {"claims": round(f["claims"] / known_c, 4) if known_c else None,
                                "people": round(f["people"] / known_p, 4) if known_p else None}
        for key, who, kind, gender, claims, articles in self._q(f"""
                SELECT grp, who, kind, gender, claims, articles FROM (
                  SELECT {g} AS grp, who, any_value(kind) AS kind, any_value(gender) AS gender,
                         count(*) AS claims, count(DISTINCT doc) AS articles,
                         row_number() OVER (PARTITION BY {g} ORDER BY count(*) DESC, who) AS rank
                  FROM {src} WHERE who IS NOT NULL GROUP BY {g}, who)
                WHERE rank <= ? ORDER BY grp, rank""", [top]):
            slot(key)["top_speakers"].append({"name": who, "kind": kind, "gender": gender if kind == "person" else None,
                                              "claims": claims, "articles": articles})
        if grp is None and None not in result:
            slot(None)
        return result

    def alias_rows(self) -> list[dict]:
        counts = dict(self._q("SELECT speaker_name, count(*) FROM raw_claims WHERE speaker_kind = 'person' GROUP BY 1"))
        return [{"variant": a.variant, "name": a.name, "reason": a.reason, "claims": counts.get(a.variant, 0)}
                for a in self.aliases]


def collect(paths: list[str], extract: Callable[[list[str]], Iterator[dict]]) -> Sources:
    """Sources for stats: saved outputs and datasets read where they lie; everything else handed
    to ``extract`` (articles, pages, archives, folders of them) in one run."""
    import duckdb

    sources = Sources(duckdb.connect())
    articles = []
    for p in paths:
        kind = kind_of(p)
        if kind == "articles":
            if p != "-" and not Path(p).exists() and "://" not in p:
                raise StatsError(f"{p}: no such file or folder")
            articles.append(p)
        else:
            if not Path(p).exists():
                raise StatsError(f"{p}: no such file or folder")
            add_path(sources, p, kind)
    if articles:
        add_documents(sources, extract(articles))
    return sources
