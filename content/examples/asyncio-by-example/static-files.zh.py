# 原文的静态文件服务器，改得安全且跟上了当前版本。每个请求路径都会被解析
# （连同其中的符号链接），最终要返回的那个路径必须位于 ROOT 之内：
# "/../../etc/passwd"、"%2e%2e"、编码过的斜杠以及指向外面的链接都会被拒绝。
# （aiohttp 自带的 app.router.add_static("/", ROOT) 也做同样的检查，
# 这个处理函数演示它是怎么做的。）
import argparse
from pathlib import Path

from aiohttp import web

ROOT = Path("public").resolve()

async def file_sender(request):
    tail = request.match_info["tail"]  # aiohttp 已经做过百分号解码
    target = (ROOT / tail).resolve()  # 解析 ".."、"." 和符号链接
    if target.is_dir():
        # index.html 本身也可能是指向外面的链接，同样要解析
        target = (target / "index.html").resolve()
    if not target.is_relative_to(ROOT):  # 检查的是最终路径（Python 3.9 起）
        raise web.HTTPForbidden()
    if not target.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(target)  # 根据文件名设置 Content-Type

def make_app():
    app = web.Application()
    app.router.add_get("/{tail:.*}", file_sender)
    return app

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    print(f"Serving {ROOT} on http://127.0.0.1:{args.port}")
    web.run_app(make_app(), host="127.0.0.1", port=args.port)  # 一直运行到 Ctrl+C，然后清理

if __name__ == "__main__":
    main()
