# 原文的 Elasticsearch 客户端，补全了：原文漏了 `import json`，
# 并且要用 `await es.close()` 关闭客户端。
import asyncio
import json
import time

from elasticsearch import AsyncElasticsearch

ARTICLES = [
    {"title": "asyncio by example", "body": "a web server and a chat on one event loop"},
    {"title": "trio", "body": "structured concurrency: nurseries and cancel scopes"},
    {"title": "the event loop", "body": "the loop runs ready callbacks, then waits for events"},
]

async def main():
    es = AsyncElasticsearch("http://localhost:9200")
    try:
        info = await es.info()
        print(json.dumps(info.body, indent=2))  # .body 是字典形式的响应

        start = time.perf_counter()
        await asyncio.gather(*(
            es.index(index="articles", id=str(i), document=doc)
            for i, doc in enumerate(ARTICLES, start=1)
        ))
        print(f"indexed {len(ARTICLES)} documents in {(time.perf_counter() - start) * 1000:.1f} ms")
        await es.indices.refresh(index="articles")  # 让它们立刻可以被搜索到

        result = await es.search(
            index="articles",
            query={"multi_match": {"query": "event loop", "fields": ["title", "body"]}},
        )
        print(f'{result["hits"]["total"]["value"]} hits for "event loop":')
        for hit in result["hits"]["hits"]:
            print(f'  {hit["_score"]:.3f}  {hit["_source"]["title"]}')
    finally:
        await es.close()

if __name__ == "__main__":
    asyncio.run(main())
