const slow = new Promise<string>((resolve) => {
  console.log('请求已发出');
  setTimeout(() => {
    console.log('慢请求照样跑完了');
    resolve('response');
  }, 300);
});
const deadline = new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 100));

console.log('开始赛跑');
console.log(`胜者：${await Promise.race([slow, deadline])}`);
console.log('main 继续往下走');
