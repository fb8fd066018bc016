import { gather, now, RuntimeError, sleep } from 'miniloop';

// 数据库同一时刻最多只接受 5 个连接。
const MAX_CONNECTIONS = 5;
let open = 0;

async function query(id: number) {
  if (open >= MAX_CONNECTIONS) throw new RuntimeError(`连接数超限（查询 ${id}）`);
  open++;
  try {
    await sleep(100); // 查询本身
    return `row ${id}`;
  } finally {
    open--;
  }
}

const ids = Array.from({ length: 20 }, (_, i) => i + 1);
const rows = await gather(...ids.map((id) => () => query(id)));
console.log(`${now()} ms：拿到 ${rows.length} 行`);
