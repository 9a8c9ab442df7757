"""Smoke test of a frozen build (``./dev package`` runs it on dist/annotator): the program starts
its window and its commands from the bundle alone, away from the repository.

Each step reads what PyInstaller might have left out: the version (the package's metadata),
the window on a new data folder (Qt's plugins, the migrations, the sample texts), an HTML
import (lxml, trafilatura), sentences (nupunkt), stop words (stopwordsiso), exports to
an Excel workbook (openpyxl) and an HTML report, and on Linux the desktop entry. Prints the folder's size and the start time.

    python packaging/smoke_test.py dist/annotator
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
PAGE = """<!doctype html><html><head><title>Council minutes</title></head><body><article>
<h1>Council minutes</h1><p>The council met on Tuesday. The minister denied the report about the border.
Witnesses said the treaty was signed in March. The archive holds the evidence.</p></article></body></html>"""


def main(folder: Path) -> int:
    program = folder.resolve() / ("annotator.exe" if os.name == "nt" else "annotator")
    with tempfile.TemporaryDirectory(prefix="annotator-smoke-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ANNOTATOR_", "PYTHON"))}
        env.update(ANNOTATOR_DATA_DIR=str(work / "data"), ANNOTATOR_LOG_DIR=str(work / "log"))
        env.setdefault("QT_QPA_PLATFORM", "offscreen")

        def run(*args: str, **extra: str) -> str:
            done = subprocess.run([str(program), *args], cwd=work, env={**env, **extra},
                                  capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
            if done.returncode != 0:
                raise SystemExit(f"smoke test: 'annotator {' '.join(args)}' failed ({done.returncode}):\n{done.stderr}")
            return done.stdout

        assert run("--version").strip() == f"annotator {VERSION}", "the version is not the package's"
        started = time.time()
        painted = run(ANNOTATOR_QUIT_AFTER_PAINT="1").split()
        assert painted[0] == "painted", painted
        first_paint = float(painted[1]) - started
        listed = run("list").splitlines()
        assert len(listed) == 2, f"the sample was not seeded: {listed}"
        (work / "page.html").write_text(PAGE, encoding="utf-8")
        doc_id = run("import", "page.html").split("\t")[0]
        assert "council" in run("frequencies", "--doc", doc_id, "--stopwords", "en")
        assert "would add" in run("autocode", "--tag", "claim", "--extent", "sentence", "--dry-run", "minister")
        run("export", "--format", "xlsx", "-o", "export.xlsx")
        run("export", "--format", "report", "-o", "report.html")
        assert (work / "export.xlsx").stat().st_size > 0 and (work / "report.html").stat().st_size > 0
        if sys.platform == "linux":  # packaging/linux and the icon drawn by QtSvg, from the bundle
            run("install-desktop", XDG_DATA_HOME=str(work / "share"))
            entry = (work / "share" / "applications" / "io.github.annotator.Annotator.desktop").read_text("utf-8")
            assert f"\nExec={program.resolve()} %F\n" in entry, entry
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"smoke test passed: {folder} is {size / 1e6:.0f} MB; first start to first paint {first_paint:.2f} s "
          "(a new data folder: the library created and the sample imported)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "annotator")))
