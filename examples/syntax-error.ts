// A syntax error: the compiler reports the line and column (exit status 2).
import { sleep } from 'miniloop';

async function main(): Promise<void> {
  await sleep(10);
  console.log('unreachable' ;
}

await main();
