const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const router = express.Router();

router.get('/orders', async (req, res) => {
  const { rows: orders } = await pool.query('SELECT id, customer_id, total FROM orders WHERE status = $1', ['paid']);
  for (const order of orders) {
    const { rows } = await pool.query('SELECT name FROM customers WHERE id = $1', [order.customer_id]); // expect: query-performance/query-in-loop-javascript
    order.customerName = rows[0] && rows[0].name;
  }
  res.json(orders);
});

router.get('/orders/fast', async (req, res) => {
  const { rows: orders } = await pool.query('SELECT id, customer_id, total FROM orders WHERE status = $1', ['paid']);
  const ids = orders.map((o) => o.customer_id);
  const { rows: customers } = await pool.query('SELECT id, name FROM customers WHERE id = ANY($1)', [ids]);
  const byId = new Map(customers.map((c) => [c.id, c.name]));
  res.json(orders.map((o) => ({ ...o, customerName: byId.get(o.customer_id) })));
});

router.get('/customers/search', async (req, res) => {
  const { rows } = await pool.query(
    'SELECT * FROM customers WHERE email ILIKE $1', // expect: query-performance/select-star
    [`${req.query.q}%`],
  );
  res.json(rows);
});

router.get('/products/search', async (req, res) => {
  const { rows } = await pool.query("SELECT id, name FROM products WHERE name LIKE '%' || $1", [req.query.q]); // expect: query-performance/leading-wildcard-like
  res.json(rows);
});

module.exports = router;
