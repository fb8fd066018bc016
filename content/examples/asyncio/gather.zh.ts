import { gather, sleep, now, ValueError } from 'miniloop';

async function fetchPage(id: number, ms: number): Promise<string> {
  await sleep(ms);
  if (id === 3) throw new ValueError(`第 ${id} 页坏了`);
  return `第 ${id} 页`;
}

// 三个下载同时进行：总耗时取决于最慢的那个，而不是三者之和。
const pages = await gather(() => fetchPage(1, 300), () => fetchPage(2, 100), () => fetchPage(4, 200));
console.log(`${now()} ms：`, pages); // 按传入的顺序，而不是完成的顺序

// 有一个失败：带上 returnExceptions，错误占据它在列表里的位置。
const results = await gather(() => fetchPage(3, 50), () => fetchPage(5, 100), { returnExceptions: true });
console.log(`${now()} ms：`, results.map((r) => (r instanceof Error ? `${r.name}: ${r.message}` : r)));

// 不带它，gather 自己抛出第一个错误。
try {
  await gather(() => fetchPage(3, 50), () => fetchPage(6, 100));
} catch (e) {
  console.log(`${now()} ms：gather 抛出了 ${(e as Error).message}`);
}
