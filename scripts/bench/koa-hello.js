'use strict';

/** The framework floor: Koa answering "hello" on PORT (prints READY <port>). */
const Koa = require('koa');

const app = new Koa();
app.use((ctx) => {
  ctx.body = 'hello';
});
const server = app.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  process.stdout.write(`READY ${server.address().port}\n`);
});
