"""Every README code block that can run offline is run, and what it shows is compared where it can be:
the first example's output, the Python examples' printed lines, the diff example's summary and the
accuracy table (when ../shared/eval/dev is there)."""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w*)\n(.*?)```", README, re.S)
BIN = str(Path(sys.executable).parent)
DEV = ROOT.parent / "shared" / "eval" / "dev"


def commands() -> list[str]:
    """Runnable newsclaims command lines of the sh/console blocks (continuations joined); usage
    synopses with placeholders are left out."""
    out = []
    for lang, body in BLOCKS:
        if lang not in ("sh", "console", "json"):
            continue
        body = re.sub(r"\\\n\s*", "", body)
        for line in body.splitlines():
            line = line.strip().removeprefix("$ ")
            if not line.startswith("newsclaims ") or re.search(r"PATH\.\.\.|OLD NEW|GOLD\.\.\.|\[--|SCHEDULER|s3://bucket", line):
                continue
            if "../shared" in line and not DEV.exists():
                continue
            out.append(line.split("  #")[0].strip())
    return out


def workdir(line: str, tmp: Path) -> Path:
    """Where a README line runs: the repository, or for the web-input examples a folder holding a
    CC-NEWS-named archive (the test WARC) and a saved page ``nota.html``."""
    if (" > " in line or "--output" in line) and "../shared" not in line:  # writes a file: run beside
        # links to the repo's folders, not in the repository
        for name in ("seeds", "fixtures"):
            (tmp / name).symlink_to(ROOT / name)
        return tmp
    if "CC-NEWS-" not in line and "nota.html" not in line:
        return ROOT
    from test_golden import build_warc
    build_warc(tmp).rename(tmp / "CC-NEWS-20261126093000-00042.warc.gz")
    shutil.copy(ROOT / "fixtures" / "pages" / "puerto.html", tmp / "nota.html")
    return tmp


def run(line: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    if shutil.which("jq") is None and "| jq" in line:
        line = line.split("| jq")[0]  # no jq on this machine: the newsclaims part still has to work
    env = dict(os.environ, PATH=BIN + os.pathsep + os.environ.get("PATH", ""))
    return subprocess.run(["bash", "-o", "pipefail", "-c", line], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


@pytest.mark.parametrize("line", commands())
def test_readme_command_runs(line, tmp_path):
    cwd = workdir(line, tmp_path)
    r = run(line, cwd)
    ok = (0, 1) if line.startswith("newsclaims diff") else (0,)
    assert r.returncode in ok, r.stderr[-2000:]
    head = line.split("'")[0]
    for target in re.findall(r"(?:--output|--db|>)\s+(\S+)", head):  # files written (a store with --db)
        assert (cwd / target).stat().st_size > 0, line
    if not re.search(r"(?:--output|>)\s", head) and not line.startswith("newsclaims track add"):
        assert r.stdout.strip(), line  # `track add` says what it stored on stderr


def test_first_example_shows_the_first_claim():
    lang, body = BLOCKS[0]
    shown_text = body.split("\n", 1)[1]
    shown = json.loads(shown_text[:shown_text.index("}") + 1])
    out = subprocess.run([sys.executable, "-m", "newsclaims", "extract", "--format", "json", "seeds/"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    first = json.loads(out)["documents"][0]["claims"][0]
    assert shown == {"speaker": first["speaker"]["name"], "said": first["content"]["text"]}


@pytest.mark.parametrize("code", [b for lang, b in BLOCKS if lang == "python"])
def test_python_example_prints_what_it_says(code, capsys):
    expected = [line[2:] for line in code.splitlines() if line.startswith("# ")]
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert printed == expected


def test_diff_example_summary():
    (body,) = [b for lang, b in BLOCKS if lang == "json" and "$ newsclaims diff" in b]
    cmd = body.splitlines()[0].removeprefix("$ ").split()
    shown = json.loads(re.search(r'"summary": (\{[^}]*\})', body).group(1))
    similarity = float(re.search(r'"similarity": ([\d.]+)', body).group(1))
    r = subprocess.run([sys.executable, "-m", "newsclaims", *cmd[1:]], cwd=ROOT, capture_output=True, text=True)
    data = json.loads(r.stdout)
    assert data["summary"] == shown and data["changes"][0]["similarity"] == similarity


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval/dev is not beside this checkout")
def test_accuracy_table_is_what_eval_prints():
    r = subprocess.run([sys.executable, "-m", "newsclaims", "eval", str(DEV), "--format", "json"], cwd=ROOT,
                       capture_output=True, text=True)
    data = json.loads(r.stdout)
    section = README[README.index("## Accuracy"):README.index("## Speed")]
    row = lambda name: re.search(rf"│ {name}\s*│([^\n]*)", section).group(1)  # noqa: E731
    numbers = lambda name: [float(x) for x in re.findall(r"\d\.\d{3}", row(name))]  # noqa: E731
    c, e = data["content"], data["end_to_end"]
    assert numbers("content") == [round(c["precision"], 3), round(c["recall"], 3), round(c["f1"], 3)]
    assert numbers("end-to-end") == [round(e["precision"], 3), round(e["recall"], 3), round(e["f1"], 3)]
    assert numbers("speaker, strict") == [round(data["speaker_accuracy_strict"], 3)]
