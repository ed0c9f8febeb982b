'use strict';

const assert = require('node:assert/strict');
const { test } = require('node:test');
const { hashPassword, verifyPassword } = require('./session');
const { shuffleForDisplay } = require('./events');

test('scrypt hashes verify and reject', async () => {
  const stored = await hashPassword('an adequately long passphrase');
  assert.ok(stored.startsWith('scrypt$'));
  assert.equal(await verifyPassword('an adequately long passphrase', stored), true);
  assert.equal(await verifyPassword('not the passphrase', stored), false);
});

test('unknown hash schemes are rejected', async () => {
  assert.equal(await verifyPassword('anything', 'plain$abc$def'), false);
});

test('display shuffle keeps every item', () => {
  const items = [1, 2, 3, 4, 5];
  assert.deepEqual(shuffleForDisplay(items).sort(), items);
});
