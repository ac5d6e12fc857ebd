#!/usr/bin/env python3
"""Re-run the commands of every ```console test``` block in README.md and write their current
output back (tests/readme.rs checks the blocks; run this after a change that moves output).

    cargo build && python3 scripts/refresh_readme.py
"""
import os
import pathlib
import re
import subprocess

root = pathlib.Path(__file__).resolve().parent.parent
readme = root / "README.md"
env = dict(os.environ, PATH=f"{root / 'target' / 'debug'}:{os.environ['PATH']}")
env.pop("NO_COLOR", None)


def refresh(block: str) -> str:
    out = []
    for line in block.splitlines():
        if line.startswith("$ "):
            run = subprocess.run(line[2:], shell=True, cwd=root, env=env, capture_output=True, text=True)
            out.append(line)
            out.extend(run.stdout.rstrip("\n").splitlines())
    return "\n".join(out) + "\n"


text = readme.read_text()
text = re.sub(r"(```console test\n)(.*?)(```)", lambda m: m[1] + refresh(m[2]) + m[3], text, flags=re.S)
readme.write_text(text)
