"""Can a Python twin run on the virtual clock (in Pyodide and in the runner)?

Decided from the program's own source, never from a list of file names: a
program that imports a module outside the standard library (trio, aiohttp,
redis...), that starts processes, or that opens real sockets stays a listing,
and `why_not_runnable` says why in one line. Used by scripts/twins-check.mjs
and the browser worker; tests/python/runnable.test.ts holds the rules.
"""
import ast
import json
import sys

# Standard-library modules that need what a sandboxed, single-threaded
# interpreter without network does not have.
_NEEDS_OS = {
    'socket': 'opens real sockets (socket)',
    'ssl': 'opens real TLS connections (ssl)',
    'subprocess': 'starts processes (subprocess)',
    'multiprocessing': 'starts processes (multiprocessing)',
    'http': 'talks to a real network (http)',
    'urllib': 'talks to a real network (urllib)',
    'selectors': 'waits on real sockets (selectors)',
    'signal': 'handles process signals (signal)',
    'threading': 'starts real threads (threading; the runner simulates only executor threads)',
    '_thread': 'starts real threads (_thread)',
}
# asyncio / executor calls that need real sockets or processes.
_NEEDS_OS_CALLS = {
    'start_server': 'opens a real network server (asyncio.start_server)',
    'open_connection': 'opens a real network connection (asyncio.open_connection)',
    'create_connection': 'opens a real network connection (loop.create_connection)',
    'create_server': 'opens a real network server (loop.create_server)',
    'create_datagram_endpoint': 'opens a real UDP socket (loop.create_datagram_endpoint)',
    'start_unix_server': 'opens a real Unix socket (asyncio.start_unix_server)',
    'open_unix_connection': 'opens a real Unix socket (asyncio.open_unix_connection)',
    'sock_connect': 'uses real sockets (loop.sock_connect)',
    'getaddrinfo': 'resolves names on a real network (loop.getaddrinfo)',
    'create_subprocess_exec': 'starts processes (asyncio.create_subprocess_exec)',
    'create_subprocess_shell': 'starts processes (asyncio.create_subprocess_shell)',
    'ProcessPoolExecutor': 'starts processes (ProcessPoolExecutor)',
    'InterpreterPoolExecutor': 'starts subinterpreters (InterpreterPoolExecutor)',
}
_WHY_THIRD_PARTY = {
    'trio': 'imports trio (trio refuses the browser platform and its dependencies are not in Pyodide)',
}


def _stdlib():
    names = getattr(sys, 'stdlib_module_names', None)  # 3.10+
    return set(names) if names else set(sys.builtin_module_names)


def why_not_runnable(source):
    """None if `source` can run on the virtual clock, else one line saying why not."""
    try:
        tree = ast.parse(source)
    except SyntaxError as e:
        return f'does not parse: {e.msg} (line {e.lineno})'
    stdlib = _stdlib()
    reasons = []
    for node in ast.walk(tree):
        modules = []
        if isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
            reasons += [_NEEDS_OS_CALLS[a.name] for a in node.names if a.name in _NEEDS_OS_CALLS]
        for module in modules:
            top = module.split('.')[0]
            if top in _WHY_THIRD_PARTY:
                reasons.append(_WHY_THIRD_PARTY[top])
            elif top not in stdlib:
                reasons.append(f'imports {top} (not in the standard library)')
            elif top in _NEEDS_OS:
                reasons.append(_NEEDS_OS[top])
        name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else None
        if name in _NEEDS_OS_CALLS:
            reasons.append(_NEEDS_OS_CALLS[name])
    unique = list(dict.fromkeys(reasons))
    return '; '.join(unique) if unique else None


def why_not_runnable_json(source):
    """why_not_runnable as JSON (null or a string), for the JavaScript side."""
    return json.dumps(why_not_runnable(source))
