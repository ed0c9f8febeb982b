const express = require("express");
const errorhandler = require("errorhandler");
const { pool } = require("./db");
const logger = require("./logger");

const app = express();
app.use(express.json());

app.get("/api/products/:id", async (req, res) => {
  try {
    const { rows } = await pool.query("SELECT * FROM products WHERE id = $1", [req.params.id]);  // expect: query-performance/select-star
    if (rows.length === 0) return res.status(404).json({ error: "not found" });
    res.json(rows[0]);
  } catch (err) {
    logger.error({ err }, "product lookup failed");
    res.status(500).json({ error: "Internal server error" });
  }
});

app.post("/api/orders", async (req, res) => {
  try {
    const order = await createOrder(req.body);
    res.status(201).json(order);
  } catch (err) {
    res.status(500).json({ error: "order failed", stack: err.stack }); // expect: error-handling/exception-in-response-javascript
  }
});

app.post("/api/webhooks/shipping", async (req, res) => {
  try { // expect: error-handling/empty-catch-javascript
    await handleShipping(req.body);
  } catch (e) {
  }
  res.sendStatus(204);
});

async function createOrder(body) {
  const { rows } = await pool.query("INSERT INTO orders (sku) VALUES ($1) RETURNING *", [body.sku]);
  notifyWarehouse(rows[0]).catch((err) => logger.warn({ err }, "warehouse notify failed"));
  return rows[0];
}

async function handleShipping(event) {
  await pool.query("UPDATE orders SET status = $1 WHERE id = $2", [event.status, event.orderId]);
}

async function notifyWarehouse(order) {
  return order;
}

app.use(errorhandler()); // expect: error-handling/debug-error-handler-javascript

app.use((err, req, res, next) => {
  res.status(500).send(err.stack); // expect: error-handling/exception-in-response-javascript
});

module.exports = app;
