const express = require("express");
const cors = require("cors");
const session = require("express-session");
const jwt = require("jsonwebtoken");
const crypto = require("crypto");

const app = express();
app.use(cors({ origin: true, credentials: true })); // expect: auth/cors-credentials-any-origin
app.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: { secure: false, httpOnly: true }, // expect: auth/cookie-security-flag-disabled
}));

function requireApiKey(req, res, next) {
  if (req.headers["x-api-key"] !== process.env.API_KEY) { // expect: auth/secret-compare-not-constant-time
    return res.sendStatus(401);
  }
  next();
}

function verifySignature(req, res, next) {
  const expected = crypto.createHmac("sha256", process.env.HOOK_SECRET).update(req.rawBody).digest("hex");
  const given = String(req.headers["x-signature"] || "");
  if (given.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
    return res.sendStatus(401);
  }
  next();
}

app.post("/login", async (req, res) => {
  const user = await findUser(req.body.email, req.body.password);
  if (!user) return res.status(401).json({ error: "invalid credentials" });
  const token = jwt.sign({ sub: user.id }, "s3cr3t", { expiresIn: "1h" }); // expect: auth/jwt-hardcoded-secret
  res.cookie("token", token); // expect: auth/cookie-without-secure-javascript
  res.cookie("refresh", user.refreshToken, { httpOnly: true, secure: true, sameSite: "strict" });
  res.json({ ok: true });
});

app.get("/me", requireApiKey, (req, res) => {
  const claims = jwt.verify(req.cookies.token, process.env.JWT_SECRET, { algorithms: ["HS256", "none"] }); // expect: auth/jwt-verification-disabled
  res.json({ id: claims.sub });
});

app.post("/hooks", verifySignature, (req, res) => res.sendStatus(204));

async function findUser(email, password) {
  return null;
}

module.exports = app;
