"""Benchmark: cold start, from starting the process to the first painted main window on the
sample library. Run with ``./dev bench`` (not part of the tests).

Three installs of Annotator, each started with ``ANNOTATOR_QUIT_AFTER_PAINT=1`` (the window
prints when it first painted, then quits) on a data folder of its own:

- the clone's .venv (an editable install: what ``./dev run`` starts);
- the wheel, installed with the pinned dependencies in a virtual environment of its own
  (build/bench/venv, made again when the pins change; the wheel reinstalled when it changes);
- the frozen build in dist/annotator, if ``./dev package`` made one.

The first start (a new data folder: the library created, the sample imported; for a venv
made just now, also anything Python compiles on first import) is shown apart from the
median of the next five (and their best, and the CPU time they used). Numbers vary with the machine and its load; the goals are for the
2-core machines this project is built on.
"""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"
WORK = ROOT / "build" / "bench"
FROZEN = ROOT / "dist" / "annotator" / ("annotator.exe" if os.name == "nt" else "annotator")
#: ANNOTATOR_BENCH_SMALL=1: only the clone, started twice (the tests run it to see it still works).
SMALL = os.environ.get("ANNOTATOR_BENCH_SMALL") == "1"
RUNS = 1 if SMALL else 5


def _bin(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / name


def start_to_paint(command: list[str], data: Path, pythonpath: str = "") -> tuple[float, float]:
    """Seconds from starting *command* to its window's first paint, on the library in *data*, and the
    CPU seconds the process used in all (to its exit: less at the mercy of a busy machine's other work)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANNOTATOR_", "PYTHON"))}
    env.update(ANNOTATOR_DATA_DIR=str(data), ANNOTATOR_LOG_DIR=str(data / "log"), ANNOTATOR_QUIT_AFTER_PAINT="1")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.time()
    done = subprocess.run(command, cwd=data.parent, env=env, capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    word, _, when = done.stdout.strip().rpartition("\n")[2].partition(" ")
    if done.returncode != 0 or word != "painted":
        raise SystemExit(f"{command} did not paint its window ({done.returncode}):\n{done.stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return float(when) - started, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def wheel_environment() -> tuple[Path, bool]:
    """The wheel of this checkout installed in a virtual environment of its own, and whether it was
    installed just now. The environment is made again when the pins change; a changed wheel alone
    is reinstalled into it (pip compiles its bytecode either way, as for a user's install)."""
    wheels = WORK / "wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
                    "-w", str(wheels), str(ROOT)], check=True)  # fmt: skip
    (wheel,) = wheels.glob("annotator-*.whl")
    venv = WORK / "venv"
    pins, installed = venv / ".annotator-constraints", venv / ".annotator-wheel"
    pins_wanted = hashlib.sha256(CONSTRAINTS.read_bytes()).hexdigest()
    wheel_wanted = hashlib.sha256(wheel.read_bytes()).hexdigest()
    pip = [str(_bin(venv, "python")), "-m", "pip", "install", "-q"]
    if not pins.is_file() or pins.read_text(encoding="utf-8") != pins_wanted:
        print("installing the wheel in a fresh virtual environment (build/bench/venv)...", file=sys.stderr)
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([*pip, "-c", str(CONSTRAINTS), str(wheel)], check=True)
        pins.write_text(pins_wanted, encoding="utf-8")
    elif not installed.is_file() or installed.read_text(encoding="utf-8") != wheel_wanted:
        subprocess.run([*pip, "--no-deps", "--force-reinstall", str(wheel)], check=True)
    else:
        return venv, False
    installed.write_text(wheel_wanted, encoding="utf-8")
    return venv, True


def measure(command: list[str], label: str, pythonpath: str = "") -> tuple[str, float, float, float, float]:
    """The first start, then the median and the best of the next RUNS (the best shows what a less
    busy machine gives), and their median CPU time."""
    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        data = Path(tmp) / "data"
        first, _ = start_to_paint(command, data, pythonpath)
        warm, cpu = zip(*(start_to_paint(command, data, pythonpath) for _ in range(RUNS)))
    return label, first, statistics.median(warm), min(warm), statistics.median(cpu)


def main() -> int:
    # The clone's own code whichever interpreter runs this (an editable install has src/ on its path anyway).
    clone = measure([sys.executable, "-m", "annotator"], "clone's .venv (python -m annotator)", str(ROOT / "src"))
    rows = [(*clone, "")]
    if not SMALL:
        venv, fresh = wheel_environment()
        wheel_label = "wheel in its own venv" + (" (installed just now)" if fresh else "")
        rows.append((*measure([str(_bin(venv, "annotator"))], wheel_label), "< 1.0 s"))
        if FROZEN.is_file():
            rows.append((*measure([str(FROZEN)], "frozen, dist/annotator"), "< 1.5 s"))
        else:
            rows.append(("frozen: no dist/annotator (./dev package)", *[float("nan")] * 4, "< 1.5 s"))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"Cold start to first paint, sample library, Qt platform {os.environ.get('QT_QPA_PLATFORM', 'default')}; "
          f"{os.cpu_count()} CPUs, load average {load}")  # fmt: skip
    print(f"{'install':<42} {'first start':>12} {f'median of {RUNS}':>12} {'best':>8} {'CPU':>8}  goal (median)")
    print("-" * 100)
    for label, first, median, best, cpu, goal in rows:
        print(f"{label:<42} {first:>10.2f} s {median:>10.2f} s {best:>6.2f} s {cpu:>6.2f} s  {goal}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
