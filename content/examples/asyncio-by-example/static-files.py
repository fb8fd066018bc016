# The article's static file server, made safe and current. Every request path
# is resolved and must stay inside ROOT: "/../../etc/passwd", "%2e%2e" and
# encoded slashes cannot escape. (aiohttp's own app.router.add_static("/", ROOT)
# does the same check; this handler shows how.)
import argparse
from pathlib import Path

from aiohttp import web

ROOT = Path("public").resolve()

async def file_sender(request):
    tail = request.match_info["tail"]  # already percent-decoded by aiohttp
    target = (ROOT / tail).resolve()  # resolves "..", "." and symlinks
    if not target.is_relative_to(ROOT):  # Python 3.9+
        raise web.HTTPForbidden()
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(target)  # sets Content-Type from the file name

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()

    app = web.Application()
    app.router.add_get("/{tail:.*}", file_sender)
    print(f"Serving {ROOT} on http://127.0.0.1:{args.port}")
    web.run_app(app, host="127.0.0.1", port=args.port)  # runs until Ctrl+C, then cleans up

if __name__ == "__main__":
    main()
