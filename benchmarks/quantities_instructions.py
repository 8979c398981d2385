"""Instructions parse_quantities runs per pass over the fixture articles, for a git
revision and for the work tree, counted by valgrind's cachegrind.

Usage::

    python benchmarks/quantities_instructions.py [REF] [--passes 200]

Wall-clock figures on our machines move by 10% and more from one minute to the next;
instruction counts move by about 0.2%, so they show whether a change to the number
reader makes it do less work (not how fast that work runs: a regex step and a Python
step differ). Needs ``valgrind`` on the PATH (Debian: ``apt-get install valgrind``).

Each version is imported as a renamed copy of the package (``rc_a``: REF, default
HEAD; ``rc_b``: the work tree), with its bytecode compiled beforehand. A run reads
every fixture article once, disables the garbage collector, then reads them all
``--passes`` more times; the count of a run with no more passes is taken from it, the
lower of two runs each, and what is left is divided by the passes.
The last line is ``instructions: ref=A work=B change=C%``.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import gc, glob, importlib, sys
sys.path.insert(0, sys.argv[1])
Q = importlib.import_module(sys.argv[2] + ".quantities")
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(sys.argv[3] + "/fixtures/clusters/*/*.txt"))]
for t in texts:
    Q.parse_quantities(t)
gc.collect()
gc.disable()
for _ in range(int(sys.argv[4])):
    for t in texts:
        Q.parse_quantities(t)
"""


def copy_package(ref: str | None, dest: Path) -> None:
    """The reconcile package at ``ref`` (None: the work tree) as ``dest``, its spaCy
    factory renamed so that two copies can be imported side by side."""
    if ref is None:
        shutil.copytree(ROOT / "reconcile", dest, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        data = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "reconcile"], check=True,
                              capture_output=True).stdout
        with tarfile.open(fileobj=BytesIO(data)) as tar:
            tar.extractall(dest.parent / "_archive", filter="data")
        (dest.parent / "_archive" / "reconcile").rename(dest)
    q = dest / "quantities" / "component.py"
    if not q.exists():  # a revision from before the reader was a package
        q = dest / "quantities.py"
    q.write_text(re.sub(r"(?m)^FACTORY_NAME = .*$", f'FACTORY_NAME = "q_{dest.name}"', q.read_text()))


def count(workdir: Path, pkg: str, passes: int) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          os.path.realpath(sys.executable), "-c", CHILD, str(workdir), pkg, str(ROOT), str(passes)],
                         capture_output=True, text=True, env=env, check=True).stderr
    m = re.search(r"I\s+refs:\s+([\d,]+)", out)
    if m is None:
        raise SystemExit(f"no instruction count from valgrind:\n{out[-2000:]}")
    return int(m.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ref", nargs="?", default="HEAD", help="git revision to compare the work tree with (default HEAD)")
    ap.add_argument("--passes", type=int, default=200, help="passes over the fixtures in a counted run (default 200)")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        copy_package(args.ref, workdir / "rc_a")
        copy_package(None, workdir / "rc_b")
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(workdir)], check=True, capture_output=True)
        per_pass = {}
        for pkg in ("rc_a", "rc_b"):
            base = min(count(workdir, pkg, 0) for _ in range(2))
            full = min(count(workdir, pkg, args.passes) for _ in range(2))
            per_pass[pkg] = (full - base) / args.passes
            print(f"{pkg} ({args.ref if pkg == 'rc_a' else 'work tree'}): {per_pass[pkg]:,.0f} instructions per pass")
    a, b = per_pass["rc_a"], per_pass["rc_b"]
    print(f"instructions: ref={a:.0f} work={b:.0f} change={100 * (b - a) / a:+.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
