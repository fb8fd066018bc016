// The usual timeout pattern with Promise.race and clearTimeout.
function withTimeout(p, ms, label) {
  let id;
  const timer = new Promise((_, rej) => {
    id = setTimeout(() => rej(new Error(label + ' timed out')), ms);
  });
  return Promise.race([p, timer]).finally(() => clearTimeout(id));
}
function work(ms, v) {
  return new Promise((r) => setTimeout(() => r(v), ms));
}
async function main() {
  try {
    console.log('fast result', await withTimeout(work(20, 'F'), 60, 'fast'));
  } catch (e) {
    console.log('fast error', e.message);
  }
  try {
    console.log('slow result', await withTimeout(work(100, 'S'), 40, 'slow'));
  } catch (e) {
    console.log('slow error', e.message);
  }
}
await main();
console.log('main returned');
