const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const vm = require('vm');
const fs = require('fs');
const path = require('path');
const { Order } = require('./models');

const app = new Koa();
const router = new Router();
const IMAGES = path.join(__dirname, 'images');

router.get('/img', async (ctx) => {
  ctx.type = 'image/png';
  ctx.body = fs.createReadStream(path.join(IMAGES, ctx.query.name));  // expect: input-validation/path-traversal-javascript
});

router.get('/img-safe', async (ctx) => {
  ctx.type = 'image/png';
  ctx.body = fs.createReadStream(path.join(IMAGES, path.basename(ctx.query.name)));
});

router.get('/go', async (ctx) => {
  ctx.redirect(ctx.query.url);  // expect: input-validation/open-redirect-javascript
});

router.get('/home', async (ctx) => {
  ctx.redirect('/dashboard');
});

router.post('/rules/test', async (ctx) => {
  const { rule } = ctx.request.body;
  ctx.body = { result: vm.runInNewContext(rule, { order: ctx.state.order }) };  // expect: input-validation/code-injection-javascript
});

router.get('/hello', async (ctx) => {
  ctx.body = `<h1>Hello ${ctx.query.name}</h1>`;  // expect: input-validation/xss-javascript
});

router.get('/hello.json', async (ctx) => {
  ctx.body = { hello: ctx.query.name };
});

router.post('/orders', async (ctx) => {
  const order = await Order.create(ctx.request.body);  // expect: input-validation/mass-assignment-javascript
  ctx.status = 201;
  ctx.body = order;
});

app.use(bodyParser());
app.use(router.routes());
module.exports = app;
