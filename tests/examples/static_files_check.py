"""Serve a tree with symbolic links through the static-files twin and print
each request's status as JSON (run by tests/examples/aiohttp-twins.test.ts).

Usage: python3 static_files_check.py <path of static-files.py>
"""
import asyncio
import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path

import aiohttp
from aiohttp import web
from yarl import URL


def load(path):
    spec = importlib.util.spec_from_file_location("twin", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_tree(base: Path) -> Path:
    public = base / "public"
    (public / "docs").mkdir(parents=True)
    (public / "leak").mkdir()
    (base / "app").mkdir()
    (public / "index.html").write_text("<h1>Welcome</h1>")
    (public / "docs" / "guide.txt").write_text("guide")
    (base / "app" / "secret.env").write_text("DB_PASSWORD=hunter2")
    os.symlink(base / "app" / "secret.env", public / "leak" / "index.html")  # a folder index that leads out
    os.symlink("../app/secret.env", public / "secret.txt")  # a relative link that leads out
    os.symlink(base / "app", public / "app")  # a linked folder outside
    os.symlink("docs", public / "latest")  # a linked folder inside: allowed
    return public


PATHS = ["/", "/docs/guide.txt", "/latest/guide.txt", "/leak/", "/leak", "/leak/index.html",
         "/secret.txt", "/app/secret.env", "/../app/secret.env", "/%2e%2e/app/secret.env",
         "/docs/..%2f..%2fapp/secret.env", "/missing.html"]


async def main(twin_path):
    twin = load(twin_path)
    with tempfile.TemporaryDirectory() as tmp:
        twin.ROOT = make_tree(Path(tmp)).resolve()
        runner = web.AppRunner(twin.make_app())
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        results = {}
        async with aiohttp.ClientSession() as session:
            for path in PATHS:
                # encoded=True: send the path as written, "..", "%2e" and all
                async with session.get(URL(f"http://127.0.0.1:{port}{path}", encoded=True)) as resp:
                    body = await resp.text()
                    results[path] = [resp.status, body if resp.status == 200 else ""]
        await runner.cleanup()
    print(json.dumps(results))


asyncio.run(main(sys.argv[1]))
