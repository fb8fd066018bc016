import { sleep } from 'miniloop';

async function parse(text: string): Promise<number> {
  await sleep(10);
  const n = Number(text);
  if (Number.isNaN(n)) throw new Error(`not a number: ${text}`);
  return n;
}

console.log(await parse('42'));
console.log(await parse('forty-two'));
