from newsclaims import inputs as load


def test_utf8_bom_and_cp1252(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffLa niña dijo que sí.".encode("utf-8"))
    (tmp_path / "win.txt").write_bytes("La niña dijo que sí.".encode("cp1252"))
    a = load.read(str(tmp_path / "bom.txt"))
    b = load.read(str(tmp_path / "win.txt"))
    assert a.text == b.text == "La niña dijo que sí."
    assert (a.encoding, b.encoding) == ("utf-8-sig", "cp1252")


def test_bad_files_are_errors_not_exceptions(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n\n")
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (tmp_path / "undecodable.txt").write_bytes(b"caf\x81\x8d")
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (load.MAX_BYTES + 1))
    reasons = {p.name: load.read(str(p)).reason for p in tmp_path.iterdir()}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["bin.txt"]
    assert "decode" in reasons["undecodable.txt"]
    assert "larger than 5 MB" in reasons["big.txt"]


def test_expand_folders_sorted_recursive(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/z.md", "a.txt", "b/c.txt", "notes.json"):
        (tmp_path / name).write_text("x")
    found = list(load.expand([str(tmp_path)]))
    assert [p.replace(str(tmp_path) + "/", "") for p in found] == ["a.txt", "b/c.txt", "b/z.md"]


def test_expand_reports_missing_and_empty_folders(tmp_path):
    (tmp_path / "empty").mkdir()
    out = list(load.expand([str(tmp_path / "nope.txt"), str(tmp_path / "empty")]))
    assert [e.reason for e in out] == ["no such file or folder", "folder holds no articles (.txt, .md, .html, .htm, .xhtml, .warc, .warc.gz)"]


def test_input_kinds_import_no_circle():
    """One module per input kind under newsclaims/inputs/; each imports the shared shapes (base) and
    at most a sibling kind, never the dispatch (the package itself)."""
    import ast
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "newsclaims" / "inputs"
    allowed = {"base": set(), "text": {"base"}, "html": {"base"}, "warc": {"base", "html"}}
    for name, may in allowed.items():
        tree = ast.parse((folder / f"{name}.py").read_text(encoding="utf-8"))
        siblings = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                assert node.module, f"{name}.py imports the inputs package itself"
                siblings.add(node.module.split(".")[0])
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                assert not node.module.startswith("newsclaims"), f"{name}.py: absolute import of {node.module}"
        assert siblings <= may, (name, siblings)
