"""``--output DIR``: a dataset of part files, one per partition, in Parquet (pyarrow) or JSON Lines.

    DIR/_newsclaims.json              what the run was (inputs, partition size, format, tables)
    DIR/documents/part-00000.parquet  one row per article
    DIR/claims/part-00000.parquet     one row per claim, speaker/cue/content flattened
    DIR/entities/part-00000.parquet   one row per entity, its mentions a list of structs

Every part is written under a hidden temporary name and renamed when complete, so a killed run never
leaves a half-written part that looks complete; readers (pyarrow, DuckDB, Spark) skip names starting
with "." or "_".  The documents part is written last: its presence marks the partition as done, and
``--resume`` skips those.  ``DIR`` may be any fsspec URL (``s3://…`` with s3fs installed).

Rows keep input order through ``part`` (the partition number) and ``position`` (the article's place
in it): ``ORDER BY part, position`` gives the order of a run on stdout.
"""
from __future__ import annotations

import json
import uuid
from datetime import date

MANIFEST = "_newsclaims.json"


def schemas() -> dict:
    """The pyarrow schema of each table (documented in the README, "A corpus past one machine")."""
    import pyarrow as pa

    span = [("start", pa.int32()), ("end", pa.int32())]
    order = [("part", pa.int32()), ("position", pa.int32()), ("doc", pa.string())]
    return {
        "documents": pa.schema(order + [
            ("title", pa.string()), ("date", pa.date32()), ("authors", pa.list_(pa.string())),
            ("url", pa.string()), ("site", pa.string()), ("claims", pa.int32()), ("entities", pa.int32()),
            ("text", pa.string()),
        ]),
        "claims": pa.schema(order + [
            ("id", pa.string()), ("type", pa.string()),
            ("speaker_name", pa.string()), ("speaker_text", pa.string()), ("speaker_label", pa.string()),
            ("speaker_kind", pa.string()), ("speaker_gender", pa.string()),
            ("speaker_anonymous", pa.bool_()), ("speaker_start", pa.int32()), ("speaker_end", pa.int32()),
            ("cue_text", pa.string()), ("cue_lemma", pa.string()), ("cue_start", pa.int32()), ("cue_end", pa.int32()),
            ("content_text", pa.string()), ("content_start", pa.int32()), ("content_end", pa.int32()),
            ("sentence_start", pa.int32()), ("sentence_end", pa.int32()), ("confidence", pa.float64()),
        ]),
        "entities": pa.schema(order + [
            ("name", pa.string()), ("label", pa.string()), ("count", pa.int32()),
            ("gender", pa.string()), ("gender_evidence", pa.string()),
            ("mentions", pa.list_(pa.struct([("text", pa.string())] + span))),
        ]),
    }


def _date(value: str | None):
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def rows(part: int, documents: list[dict]) -> dict[str, list[dict]]:
    """The three tables' rows for one partition's documents (JSON documents of ``extract``)."""
    out: dict[str, list[dict]] = {"documents": [], "claims": [], "entities": []}
    for position, d in enumerate(documents):
        key = {"part": part, "position": position, "doc": d["doc"]}
        out["documents"].append({**key, "title": d["title"], "date": d["date"], "authors": d["authors"],
                                 "url": d["url"], "site": d.get("site"), "claims": len(d["claims"]),
                                 "entities": len(d["entities"]), "text": d.get("text")})
        for c in d["claims"]:
            sp, cue, content, sent = c["speaker"] or {}, c["cue"] or {}, c["content"], c["sentence"]
            out["claims"].append({**key, "id": c["id"], "type": c["type"],
                                  "speaker_name": sp.get("name"), "speaker_text": sp.get("text"),
                                  "speaker_label": sp.get("label"), "speaker_kind": sp.get("kind"),
                                  "speaker_gender": sp.get("gender"), "speaker_anonymous": sp.get("anonymous"),
                                  "speaker_start": sp.get("start"),
                                  "speaker_end": sp.get("end"),
                                  "cue_text": cue.get("text"), "cue_lemma": cue.get("lemma"),
                                  "cue_start": cue.get("start"), "cue_end": cue.get("end"),
                                  "content_text": content["text"], "content_start": content["start"],
                                  "content_end": content["end"], "sentence_start": sent["start"],
                                  "sentence_end": sent["end"], "confidence": c["confidence"]})
        for e in d["entities"]:
            out["entities"].append({**key, "name": e["name"], "label": e["label"], "count": e["count"],
                                    "gender": e.get("gender"), "gender_evidence": e.get("gender_evidence"),
                                    "mentions": e["mentions"]})
    return out


class Sink:
    """Part files of one run under ``root`` (a local path or an fsspec URL)."""

    def __init__(self, root: str, fmt: str, tables: tuple[str, ...]) -> None:
        import fsspec
        self.fs, self.path = fsspec.core.url_to_fs(root)
        self.root, self.fmt, self.tables = root, fmt, tables
        self.ext = "parquet" if fmt == "parquet" else "jsonl"

    def part_path(self, table: str, part: int) -> str:
        return f"{self.path}/{table}/part-{part:05d}.{self.ext}"

    # --- the run's manifest ---------------------------------------------------------------------
    def manifest(self) -> dict | None:
        target = f"{self.path}/{MANIFEST}"
        if not self.fs.exists(target):
            return None
        with self.fs.open(target, "rb") as f:
            return json.loads(f.read().decode("utf-8"))

    def begin(self, description: dict, resume: bool) -> set[int]:
        """Start (or, with ``resume``, continue) a run; the partitions already written."""
        found = self.manifest()
        if found is not None and not resume:
            raise SinkError(f"{self.root} already holds a run; add --resume to continue it, or choose "
                            "another folder")
        if found is not None and found != description:
            raise SinkError(f"{self.root} holds a different run (other inputs, format or partition size); "
                            "--resume continues only the same command")
        if found is None and self.fs.exists(self.path) and self.fs.ls(self.path):
            raise SinkError(f"{self.root} is not empty and holds no newsclaims run; choose an empty or new folder")
        for table in self.tables:
            self.fs.makedirs(f"{self.path}/{table}", exist_ok=True)
        if found is None:
            self._atomic(f"{self.path}/{MANIFEST}", (json.dumps(description, indent=1) + "\n").encode("utf-8"))
        for stale in self.fs.glob(f"{self.path}/*/.part-*.tmp"):  # left by a killed run
            self.fs.rm(stale)
        return self.done()

    def done(self) -> set[int]:
        names = self.fs.glob(f"{self.path}/documents/part-*.{self.ext}")
        return {int(n.rsplit("/", 1)[-1].split("-")[1].split(".")[0]) for n in names}

    # --- parts -------------------------------------------------------------------------------
    def write(self, part: int, documents: list[dict]) -> None:
        """All tables of one partition; the documents table last (it marks the part as done)."""
        tables = rows(part, documents)
        for table in sorted(self.tables, key=lambda t: t == "documents"):
            self._atomic(self.part_path(table, part), self._encode(table, tables[table]))

    def _encode(self, table: str, data: list[dict]) -> bytes:
        if self.fmt == "jsonl":
            return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in data).encode("utf-8")
        import pyarrow as pa
        import pyarrow.parquet as pq
        if table == "documents":
            data = [{**r, "date": _date(r["date"])} for r in data]
        t = pa.Table.from_pylist(data, schema=schemas()[table])
        sink = pa.BufferOutputStream()
        pq.write_table(t, sink, compression="zstd")
        return sink.getvalue().to_pybytes()

    def _atomic(self, target: str, data: bytes) -> None:
        folder, name = target.rsplit("/", 1)
        tmp = f"{folder}/.{name}.{uuid.uuid4().hex[:12]}.tmp"
        with self.fs.open(tmp, "wb") as f:
            f.write(data)
        self.fs.mv(tmp, target)


class SinkError(Exception):
    """The output folder cannot take this run."""
