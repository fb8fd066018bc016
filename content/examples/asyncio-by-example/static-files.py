# The article's static file server, made safe and current. Every request path
# is resolved (with its symbolic links) and the final path, the one that is
# served, must lie inside ROOT: "/../../etc/passwd", "%2e%2e", encoded slashes
# and links that lead out are refused. (aiohttp's own
# app.router.add_static("/", ROOT) makes the same check; this handler shows how.)
import argparse
from pathlib import Path

from aiohttp import web

ROOT = Path("public").resolve()

async def file_sender(request):
    tail = request.match_info["tail"]  # already percent-decoded by aiohttp
    target = (ROOT / tail).resolve()  # resolves "..", "." and symlinks
    if target.is_dir():
        # index.html may itself be a link that leads out: resolve it as well
        target = (target / "index.html").resolve()
    if not target.is_relative_to(ROOT):  # checked on the final path (Python 3.9+)
        raise web.HTTPForbidden()
    if not target.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(target)  # sets Content-Type from the file name

def make_app():
    app = web.Application()
    app.router.add_get("/{tail:.*}", file_sender)
    return app

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    print(f"Serving {ROOT} on http://127.0.0.1:{args.port}")
    web.run_app(make_app(), host="127.0.0.1", port=args.port)  # runs until Ctrl+C, then cleans up

if __name__ == "__main__":
    main()
