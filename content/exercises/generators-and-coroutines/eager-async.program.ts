async function fetchUser() {
  console.log('fetchUser: body starts');
  await null;
  console.log('fetchUser: resumed');
  return 'ann';
}

function* steps() {
  console.log('steps: body starts');
  yield 1;
}

const g = steps();
const user = fetchUser();
console.log('both called');
g.next();
console.log(`user = ${await user}`);
