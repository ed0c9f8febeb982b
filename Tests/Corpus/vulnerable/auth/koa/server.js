const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const app = new Koa();
const router = new Router();

app.use(cors({ credentials: true, origin: "*" })); // expect: auth/cors-credentials-any-origin

router.post("/login", async (ctx) => {
  const user = await login(ctx.request.body);
  if (!user) {
    ctx.status = 401;
    return;
  }
  ctx.cookies.set("sid", user.sessionId, { httpOnly: false, sameSite: "lax" }); // expect: auth/cookie-security-flag-disabled
  ctx.cookies.set("lang", ctx.request.body.lang || "en", { httpOnly: true });
  ctx.body = { ok: true };
});

async function login(body) {
  return null;
}

app.use(router.routes());
module.exports = app;
