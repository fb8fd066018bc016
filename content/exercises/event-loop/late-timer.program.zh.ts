import { blockFor, callLater } from 'miniloop';

callLater(50, () => console.log('定时器触发了'));
console.log('定时器设在 50 ms');
blockFor(200); // 同步调用：事件循环的线程被占用 200 ms
console.log('阻塞调用返回');
