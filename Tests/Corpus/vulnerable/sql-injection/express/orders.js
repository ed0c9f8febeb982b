const express = require('express');
const { Pool } = require('pg');
const mysql = require('mysql2/promise');

const router = express.Router();
const pool = new Pool();
const conn = mysql.createPool({ host: 'db', user: 'app', database: 'shop' });

router.get('/orders', async (req, res) => {
  const { status } = req.query;
  const { rows } = await pool.query('SELECT * FROM orders WHERE status = $1', [status]);  // expect: query-performance/select-star
  res.json(rows);
});

router.get('/orders/search', async (req, res) => {
  const term = req.query.term;
  const sql = `SELECT * FROM orders WHERE customer_name LIKE '%${term}%'`;
  const { rows } = await pool.query(sql); // expect: input-validation/sql-injection-javascript
  res.json(rows);
});

router.get('/orders/:id', async (req, res) => {
  const id = parseInt(req.params.id, 10);
  const { rows } = await pool.query(`SELECT * FROM orders WHERE id = ${id}`);
  res.json(rows[0] || null);
});

router.delete('/orders/:id', async (req, res) => {
  await pool.query('DELETE FROM orders WHERE id = ' + req.params.id); // expect: input-validation/sql-injection-javascript
  res.status(204).end();
});

router.post('/customers', async (req, res) => {
  const { name, email } = req.body;
  await conn.execute('INSERT INTO customers (name, email) VALUES (?, ?)', [name, email]);
  const [rows] = await conn.execute( // expect: input-validation/sql-injection-javascript
    "SELECT * FROM customers WHERE email = '" + email + "'"  // expect: query-performance/select-star
  );
  res.status(201).json(rows[0]);
});

router.get('/customers', async (req, res) => {
  const sort = req.query.sort || 'name';
  const direction = req.query.dir === 'desc' ? 'DESC' : 'ASC';
  const [rows] = await conn.query({ sql: 'SELECT * FROM customers WHERE region = ?', values: [req.query.region] });  // expect: query-performance/select-star
  const [sorted] = await conn.query(`SELECT * FROM customers ORDER BY ${sort} ${direction}`); // expect: input-validation/sql-injection-javascript
  res.json({ rows, sorted });
});

module.exports = router;
