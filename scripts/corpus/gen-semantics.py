#!/usr/bin/env python3
"""Generate tests/corpus/semantics/*/expected.json from real CPython asyncio / trio.

Each tests/corpus/semantics/NN-name/main.py logs through vclock.log, which
prints `<virtual ms>\\t<message>` lines. A program is a trio program when it
imports trio, otherwise an asyncio program.

- asyncio programs are generated on CPython 3.14 as Pyodide ships it
  (node_modules/pyodide; scripts/corpus/pyodide-semantics.mjs), the version the
  runtime claims (src/lib/versions.ts); `--asyncio python` uses this
  interpreter (sys.executable) and the corpus's vclock loop instead.
- trio programs run on this interpreter; `--trio-src PATH` puts a trio checkout
  first on PYTHONPATH (PATH/src or PATH itself must hold trio/), so a trio
  release newer than the installed one generates them
  (e.g. `git clone https://github.com/python-trio/trio && git -C trio checkout v0.34.0`).
- Every program is also run on the "other" setup and expected.json records
  whether it printed the same (`"also": {"CPython 3.11.7": "same"}`): asyncio
  with this interpreter when generating on Pyodide, trio with the installed
  trio when generating from a checkout. `--no-also` skips that.

Every program runs twice where it is generated:
- asyncio: both runs must print exactly the same lines;
- trio: both runs must print the same multiset of messages in each
  virtual-time bucket (trio may run tasks that are ready at the same instant
  in any order), buckets in the same order.
Runs must exit 0 with an empty stderr; desktop runs turn DeprecationWarning into
errors. expected.json gets the first run's lines and the versions used.
Usage: npm run corpus:semantics [-- [--asyncio pyodide|python] [--trio-src PATH] [--no-also] NAME-SUBSTRING...]
"""
import argparse
import difflib
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
PYODIDE_RUNNER = ROOT / 'scripts' / 'corpus' / 'pyodide-semantics.mjs'
RUNS = 2
LINE = re.compile(r'^(\d+)\t(.*)$')


def python_path(trio_src):
    parts = [str(SEM)]
    if trio_src:
        src = Path(trio_src)
        parts.append(str(src / 'src' if (src / 'src' / 'trio').is_dir() else src))
    return os.pathsep.join(parts)


def trio_version(trio_src):
    r = subprocess.run([sys.executable, '-c', 'import trio; print(trio.__version__)'], capture_output=True, text=True,
                       env=dict(os.environ, PYTHONPATH=python_path(trio_src)), cwd=str(SEM))
    return r.stdout.strip() if r.returncode == 0 else None


def run_desktop(d, trio_src=None):
    env = dict(os.environ, PYTHONPATH=python_path(trio_src), PYTHONHASHSEED='0', PYTHONDONTWRITEBYTECODE='1')
    r = subprocess.run([sys.executable, '-W', 'error::DeprecationWarning', 'main.py'], cwd=d, env=env,
                       capture_output=True, text=True, timeout=60)
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
    return checked(lines)


def checked(lines):
    if not lines:
        raise RuntimeError('no output')
    if any(b[0] < a[0] for a, b in zip(lines, lines[1:])):
        raise RuntimeError('virtual time went backwards')
    return lines


def run_pyodide(dirs):
    """{name: [lines or RuntimeError, ...RUNS]}, and (python version, Pyodide version)."""
    r = subprocess.run(['node', str(PYODIDE_RUNNER), str(RUNS), *[d.name for d in dirs]], cwd=str(ROOT),
                       capture_output=True, text=True, timeout=900)
    if r.returncode != 0:
        raise SystemExit(f'{PYODIDE_RUNNER.name} failed: {r.stderr.strip()[-1500:]}')
    out = json.loads(r.stdout)
    results = {}
    for name, runs in out['results'].items():
        results[name] = []
        for run in runs:
            if 'error' in run:
                results[name].append(RuntimeError(run['error']))
            else:
                try:
                    results[name].append(checked(run['lines']))
                except RuntimeError as e:
                    results[name].append(e)
    return results, out['python'], out['pyodide']


def attempt(fn, *args):
    """fn's lines, or 'fails: <last line of the error>' (an API the other version lacks)."""
    try:
        return fn(*args)
    except RuntimeError as e:
        # The innermost error line ("AttributeError: ...", also inside a group's tree).
        errors = [m.group(1) for m in re.finditer(r'^[\s|]*([A-Za-z_][\w.]*(?:Error|Exception|Group)\b.*)$', str(e), re.M)]
        return f'fails: {(errors[-1] if errors else str(e).splitlines()[-1]).strip()[:160]}'


def buckets(lines):
    return [(t, sorted(m for _, m in grp)) for t, grp in groupby(lines, key=lambda x: x[0])]


def dump(obj):
    head = {k: v for k, v in obj.items() if k != 'lines'}
    body = ',\n'.join('    ' + json.dumps(l, ensure_ascii=False) for l in obj['lines'])
    text = json.dumps(head, indent=2, ensure_ascii=False)
    return text[:-2] + ',\n  "lines": [\n' + body + '\n  ]\n}\n'


def same_output(flavor, a, b):
    return a == b if flavor == 'asyncio' else buckets(a) == buckets(b)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--asyncio', choices=['pyodide', 'python'], default='pyodide')
    ap.add_argument('--trio-src', default=None, help='a trio checkout (its src/ or the folder holding trio/)')
    ap.add_argument('--no-also', action='store_true', help='do not run each program on the other setup')
    ap.add_argument('filters', nargs='*')
    args = ap.parse_args()

    dirs = sorted(p.parent for p in SEM.glob('*/main.py'))
    dirs = [d for d in dirs if not args.filters or any(f in d.name for f in args.filters)]
    flavor_of = {d: 'trio' if re.search(r'^\s*(import trio|from trio)', (d / 'main.py').read_text(), re.M) else 'asyncio'
                 for d in dirs}
    here = f'CPython {platform.python_version()}'
    tv = trio_version(args.trio_src)
    installed_tv = trio_version(None) if args.trio_src else None

    pyodide_runs, py_version, pyodide_version = {}, platform.python_version(), None
    asyncio_dirs = [d for d in dirs if flavor_of[d] == 'asyncio']
    if args.asyncio == 'pyodide' and asyncio_dirs:
        pyodide_runs, py_version, pyodide_version = run_pyodide(asyncio_dirs)

    failed, changed_on_also = 0, []
    for d in dirs:
        flavor = flavor_of[d]
        also = {}
        try:
            if flavor == 'trio':
                if tv is None:
                    raise RuntimeError(f'trio is not importable by {sys.executable}')
                runs = [run_desktop(d, args.trio_src) for _ in range(RUNS)]
                head = {'flavor': flavor, 'python': platform.python_version(), 'lib': f'trio {tv}',
                        'strict_exception_groups': True}
                if installed_tv and not args.no_also:
                    also[f'trio {installed_tv} ({here})'] = attempt(run_desktop, d)
            elif args.asyncio == 'pyodide':
                runs = pyodide_runs[d.name]
                for r in runs:
                    if isinstance(r, Exception):
                        raise r
                head = {'flavor': flavor, 'python': py_version, 'interpreter': f'Pyodide {pyodide_version}'}
                if not args.no_also:
                    also[here] = attempt(run_desktop, d)
            else:
                runs = [run_desktop(d) for _ in range(RUNS)]
                head = {'flavor': flavor, 'python': platform.python_version()}
            if any(not same_output(flavor, r, runs[0]) for r in runs):
                raise RuntimeError('runs differ' + (' (even as per-instant multisets)' if flavor == 'trio' else ''))
        except Exception as e:  # noqa: BLE001
            failed += 1
            print(f'FAIL {d.name}: {e}', file=sys.stderr)
            continue
        out = dict(head)
        if also:
            out['also'] = {k: v if isinstance(v, str) else 'same' if same_output(flavor, v, runs[0]) else 'differs'
                           for k, v in also.items()}
            for k, v in also.items():
                if isinstance(v, str):
                    changed_on_also.append(d.name)
                elif not same_output(flavor, v, runs[0]):
                    changed_on_also.append(d.name)
                    diff = difflib.unified_diff([f'{t}\t{m}' for t, m in v], [f'{t}\t{m}' for t, m in runs[0]],
                                                k, 'generated', lineterm='')
                    print('\n'.join(diff))
        out['lines'] = runs[0]
        path = d / 'expected.json'
        old = path.read_text() if path.exists() else None
        if args.no_also and old is not None:
            # Not re-run on the other setup: keep its record if this run printed what the file holds.
            prev = json.loads(old)
            if 'also' in prev and same_output(flavor, prev['lines'], runs[0]):
                out = {**head, 'also': prev['also'], 'lines': runs[0]}
                also = prev['also']
        text = dump(out)
        if old is not None and old != text and flavor == 'trio':
            # Same multisets per instant: keep the committed order (no churn).
            prev = json.loads(old)
            if {k: v for k, v in prev.items() if k != 'lines'} == {k: v for k, v in out.items() if k != 'lines'} \
                    and buckets(prev['lines']) == buckets(out['lines']):
                text = old
        path.write_text(text)
        old_lines = json.loads(old)['lines'] if old else None
        state = 'new ' if old is None else 'same' if old == text else \
            'same lines, new versions' if old_lines is not None and same_output(flavor, old_lines, out['lines']) \
            else 'CHANGED'
        note = f", also: {out['also']}" if also else ''
        print(f'{state} {d.name} ({flavor}, {len(runs[0])} lines{note})')
    asyncio_on = f'CPython {py_version}' + (f' (Pyodide {pyodide_version})' if pyodide_version else '')
    print(f'asyncio on {asyncio_on}; trio {tv} on {here}: {len(dirs) - failed}/{len(dirs)} programs written; '
          f'different on the other setup: {", ".join(changed_on_also) or "none"}')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
