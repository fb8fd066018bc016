// return() and throw() on async generators run their finally blocks; calls
// made while the generator is busy are queued.
async function* g(name) {
  try {
    console.log(name, 'start');
    yield 'first';
    console.log(name, 'after first');
    yield 'second';
  } catch (e) {
    console.log(name, 'caught', e.message);
    yield 'from catch';
  } finally {
    console.log(name, 'finally');
    await null;
    console.log(name, 'finally after await');
  }
}
async function main() {
  const a = g('A');
  console.log('A next', (await a.next()).value);
  const r = await a.return('bye');
  console.log('A return', r.value, r.done);
  console.log('A next after return', (await a.next()).done);

  const b = g('B');
  console.log('B next', (await b.next()).value);
  const t = await b.throw(new Error('oops'));
  console.log('B throw ->', t.value, t.done);
  const n = await b.next();
  console.log('B next', n.value, n.done);

  const c = g('C');
  const p1 = c.next();
  const p2 = c.next();
  const p3 = c.return('early');
  const all = await Promise.all([p1, p2, p3]);
  console.log('C queued', all.map((x) => String(x.value) + ':' + x.done).join(' '));

  const d = g('D');
  try {
    await d.throw(new Error('before start'));
  } catch (e) {
    console.log('D throw before start rejects', e.message);
  }
}
main().then(() => console.log('main done'));
Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2'));
