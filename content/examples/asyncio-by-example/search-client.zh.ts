// 补全后的原文 Elasticsearch 客户端：原文忘了导入 json，关闭时用的是
// es.transport.close()，真正的客户端要写 `await es.close()`。
// 同时索引几篇文档，等待就叠在一起。
import { gather, now, search } from 'miniloop';

const es = await search.connect('http://search:9200');
try {
  const info = await es.info();
  console.log(JSON.stringify(info, null, 2));

  const articles = [
    { title: 'asyncio by example', body: 'a web server and a chat on one event loop' },
    { title: 'trio', body: 'structured concurrency: nurseries and cancel scopes' },
    { title: 'the event loop', body: 'the loop runs ready callbacks, then waits for events' },
  ];
  const start = now();
  await gather(...articles.map((doc, i) => es.index(doc, { id: i + 1 })));
  console.log(`索引 ${articles.length} 篇文档用了 ${(now() - start).toFixed(1)} ms`);

  const result = await es.search('event loop');
  console.log(`"event loop" 命中 ${result.total} 条：`);
  for (const hit of result.hits) console.log(`  ${hit.score.toFixed(3)}  ${hit.source.title}`);
} finally {
  es.close();
}
