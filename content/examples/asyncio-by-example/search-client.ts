// The article's Elasticsearch client, completed: it forgot to import json
// and closed the client with es.transport.close(); the real client has
// `await es.close()`. Indexing several documents at once overlaps the waits.
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
  console.log(`indexed ${articles.length} documents in ${(now() - start).toFixed(1)} ms`);

  const result = await es.search('event loop');
  console.log(`${result.total} hits for "event loop":`);
  for (const hit of result.hits) console.log(`  ${hit.score.toFixed(3)}  ${hit.source.title}`);
} finally {
  es.close();
}
