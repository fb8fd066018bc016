const slow = new Promise<string>((resolve) => {
  console.log('request sent');
  setTimeout(() => {
    console.log('slow request finished anyway');
    resolve('response');
  }, 300);
});
const deadline = new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 100));

console.log('racing');
console.log(`winner: ${await Promise.race([slow, deadline])}`);
console.log('main moves on');
