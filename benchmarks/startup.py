#!/usr/bin/env python3
"""Start-up of a fact-checker's job against the floor: spaCy and the shipped pipeline.

Usage::

    python benchmarks/startup.py [--rounds 9] [--cluster fixtures/clusters/libya-sirte-airstrikes]

Each round runs two fresh processes, in alternating order (A B, then B A, ...) so a
machine that is busy elsewhere slows both sides alike:

- the job: ``reconcile report CLUSTER --meta CLUSTER/gold.json -o TMP/x.md``, through
  the installed ``reconcile`` script (``python -m reconcile`` where there is none);
- the floor: ``python -c "from reconcile.pipeline import load_shipped; load_shipped()"``,
  importing spaCy and loading reconcile's shipped pipeline and nothing else.

Wall-clock time is taken from start to exit, so it includes the interpreter's
teardown. The median of each side is reported; two warm-up pairs before the first
round fill the file cache and a byte-code cache (see :func:`child_env`) and are not
counted.

The last line is ``startup: job_s=J floor_s=F ratio=R`` (R = J/F).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CLUSTER = ROOT / "fixtures" / "clusters" / "libya-sirte-airstrikes"
DEFAULT_ROUNDS = 9
FLOOR = "from reconcile.pipeline import load_shipped; load_shipped()"


def reconcile_command() -> list[str]:
    """The installed ``reconcile`` script beside this interpreter, as a user runs it."""
    script = Path(sys.executable).with_name("reconcile")
    if script.is_file():
        return [str(script)]
    found = shutil.which("reconcile")
    return [found] if found else [sys.executable, "-m", "reconcile"]


def child_env(pycache: Path) -> dict[str, str]:
    """This environment, with byte-code cached in ``pycache`` as an installed package has it.

    pip compiles a package's modules when it installs them; an editable checkout run
    with PYTHONDONTWRITEBYTECODE would compile every edited module on every start
    instead. Both sides share the cache, which the warm-up runs fill; the tree is not
    written to.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def wall(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from starting ``cmd`` to its exit; a failure stops the benchmark."""
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          check=False)
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        sys.stderr.write(done.stderr.decode(errors="replace"))
        raise SystemExit(f"{' '.join(cmd)} failed with exit status {done.returncode}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS,
                    help=f"pairs of runs (default {DEFAULT_ROUNDS})")
    ap.add_argument("--cluster", type=Path, default=DEFAULT_CLUSTER,
                    help="the cluster folder to report (default the seed cluster); its gold.json is the --meta")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        job = [*reconcile_command(), "report", str(args.cluster), "--meta", str(args.cluster / "gold.json"),
               "-o", str(Path(tmp) / "x.md")]
        floor = [sys.executable, "-c", FLOOR]
        print(f"job:   {' '.join(job)}")
        print(f"floor: {' '.join(floor)}")
        env = child_env(Path(tmp) / "pycache")
        for _ in range(2):
            wall(job, env), wall(floor, env)  # warm-up: the file cache, the byte-code cache
        jobs: list[float] = []
        floors: list[float] = []
        for k in range(args.rounds):
            if k % 2 == 0:
                jobs.append(wall(job, env))
                floors.append(wall(floor, env))
            else:
                floors.append(wall(floor, env))
                jobs.append(wall(job, env))
            print(f"round {k + 1}: job {jobs[-1]:.3f}s  floor {floors[-1]:.3f}s  ratio {jobs[-1] / floors[-1]:.2f}")
    job_s, floor_s = statistics.median(jobs), statistics.median(floors)
    ratios = sorted(j / f for j, f in zip(jobs, floors))
    print(f"paired ratios: min {ratios[0]:.2f}, median {statistics.median(ratios):.2f}, max {ratios[-1]:.2f}")
    print(f"startup: job_s={job_s:.3f} floor_s={floor_s:.3f} ratio={job_s / floor_s:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
