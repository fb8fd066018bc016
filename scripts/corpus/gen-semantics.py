#!/usr/bin/env python3
"""Generate tests/corpus/semantics/*/expected.json from real CPython asyncio / trio.

Each tests/corpus/semantics/NN-name/main.py logs through vclock.log, which
prints `<virtual ms>\\t<message>` lines. A program is a trio program when it
imports trio, otherwise an asyncio program. Every program runs twice with
this interpreter (sys.executable; trio must be importable by it):
- asyncio: both runs must print exactly the same lines;
- trio: both runs must print the same multiset of messages in each
  virtual-time bucket (trio may run tasks that are ready at the same instant
  in any order), buckets in the same order.
The runs must exit 0 with an empty stderr. expected.json gets the first run's
lines. Usage: npm run corpus:semantics [-- NAME-SUBSTRING...]
"""
import json
import os
import platform
import re
import subprocess
import sys
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEM = ROOT / 'tests' / 'corpus' / 'semantics'
RUNS = 2
LINE = re.compile(r'^(\d+)\t(.*)$')


def trio_version():
    try:
        import trio
        return trio.__version__
    except ImportError:
        return None


def run_once(d):
    env = dict(os.environ, PYTHONPATH=str(SEM), PYTHONHASHSEED='0', PYTHONDONTWRITEBYTECODE='1')
    r = subprocess.run([sys.executable, 'main.py'], cwd=d, env=env, capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise RuntimeError(f'exit {r.returncode}: {r.stderr.strip()[-800:]}')
    if r.stderr:
        raise RuntimeError(f'stderr not empty: {r.stderr.strip()[-800:]}')
    lines = []
    for raw in r.stdout.splitlines():
        m = LINE.match(raw)
        if not m:
            raise RuntimeError(f'stdout line not from vclock.log: {raw!r}')
        lines.append([int(m.group(1)), m.group(2)])
    if not lines:
        raise RuntimeError('no output')
    if any(b[0] < a[0] for a, b in zip(lines, lines[1:])):
        raise RuntimeError('virtual time went backwards')
    return lines


def buckets(lines):
    return [(t, sorted(m for _, m in grp)) for t, grp in groupby(lines, key=lambda x: x[0])]


def dump(obj):
    head = {k: v for k, v in obj.items() if k != 'lines'}
    body = ',\n'.join('    ' + json.dumps(l, ensure_ascii=False) for l in obj['lines'])
    text = json.dumps(head, indent=2, ensure_ascii=False)
    return text[:-2] + ',\n  "lines": [\n' + body + '\n  ]\n}\n'


def main():
    filters = sys.argv[1:]
    tv = trio_version()
    dirs = sorted(p.parent for p in SEM.glob('*/main.py'))
    dirs = [d for d in dirs if not filters or any(f in d.name for f in filters)]
    failed = 0
    for d in dirs:
        src = (d / 'main.py').read_text()
        flavor = 'trio' if re.search(r'^\s*(import trio|from trio)', src, re.M) else 'asyncio'
        try:
            if flavor == 'trio' and tv is None:
                raise RuntimeError(f'trio is not importable by {sys.executable}')
            runs = [run_once(d) for _ in range(RUNS)]
            if flavor == 'asyncio':
                if any(r != runs[0] for r in runs):
                    raise RuntimeError('runs differ')
            elif any(buckets(r) != buckets(runs[0]) for r in runs):
                raise RuntimeError('runs differ (even as per-instant multisets)')
        except Exception as e:  # noqa: BLE001
            failed += 1
            print(f'FAIL {d.name}: {e}', file=sys.stderr)
            continue
        out = {'flavor': flavor, 'python': platform.python_version()}
        if flavor == 'trio':
            out['lib'] = f'trio {tv}'
            out['strict_exception_groups'] = True
        out['lines'] = runs[0]
        path = d / 'expected.json'
        text = dump(out)
        old = path.read_text() if path.exists() else None
        if old is not None and old != text and flavor == 'trio':
            # Same multisets per instant: keep the committed order (no churn).
            prev = json.loads(old)
            if {k: v for k, v in prev.items() if k != 'lines'} == {k: v for k, v in out.items() if k != 'lines'} \
                    and buckets(prev['lines']) == buckets(out['lines']):
                text = old
        path.write_text(text)
        state = 'new ' if old is None else 'same' if old == text else 'CHANGED'
        print(f'{state} {d.name} ({flavor}, {len(runs[0])} lines)')
    print(f'python {platform.python_version()} ({sys.executable}), trio {tv}: {len(dirs) - failed}/{len(dirs)} programs written')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
