import { now } from 'miniloop';

// A promise's executor runs the moment the promise is created.
const p = new Promise<string>((resolve) => {
  console.log(`${now()} ms: executor runs, nobody has awaited yet`);
  setTimeout(() => resolve('value'), 100);
});
console.log(`${now()} ms: promise created`);

// Cancellation is opt-in: the work must accept an AbortSignal and listen to it.
function download(signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const id = setTimeout(() => resolve('file'), 1000);
    signal.addEventListener('abort', () => {
      clearTimeout(id);
      reject(signal.reason);
    });
  });
}

const controller = new AbortController();
setTimeout(() => controller.abort(new Error('too slow')), 200);
const value = await p;
console.log(`${now()} ms: awaited ${value}`);
try {
  await download(controller.signal);
} catch (e) {
  console.log(`${now()} ms: download rejected: ${(e as Error).message}`);
}
