// 原文的 aiohttp Web 服务器（路由 "/" 和 "/hello/{name}"），跑在模拟网络上。
// 客户端离服务器 20 ms，每个请求让处理函数等 100 ms（好比在等数据库）。
// 等待不会阻塞事件循环，所以 100 个客户端的等待可以叠在一起；计算却不行，
// 每个处理函数还要算 0.2 ms（解析、路由、渲染），只能一个接一个地算。
// 每次 http.get 都新开一个连接（没有会话），所以每个请求都要付建连的往返。
import { blockFor, createTask, http, now, sleep } from 'miniloop';

// 请求里的数据不转义就放进 HTML（原文就是这样）是不行的，先转义。
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const app = http.routes({
  'GET /': () => http.html('<h1>Index</h1>'),
  'GET /hello/:name': async (req) => {
    await sleep(100); // 等一件慢事，不阻塞事件循环
    blockFor(0.2); // 处理函数自己的计算，会占住事件循环
    return http.html(`<h1>Hello, ${escape(req.params.name!)}!</h1>`);
  },
});
http.createServer(app).listen(8080, 'example.com');
console.log('服务器已启动：http://example.com:8080');

const index = await http.get('http://example.com:8080/');
console.log(index.status, index.headers['content-type'], index.body);

// 五个请求排队发：每个要两次往返 + 100 ms + 0.2 ms。
let start = now();
for (let i = 0; i < 5; i++) await http.get(`http://example.com:8080/hello/user${i}`);
console.log(`5 个请求排队发：${Math.round(now() - start)} ms`);

// 一百个客户端同时发：等待叠在一起，每个 0.2 ms 的计算却叠不起来。
start = now();
const clients = [];
for (let i = 0; i < 100; i++) {
  clients.push(createTask(() => http.get(`http://example.com:8080/hello/user${i}`), { name: `client ${i}` }));
}
const responses = await Promise.all(clients);
console.log(responses[42]!.body);
console.log(`100 个客户端同时发：${Math.round(now() - start)} ms`);
