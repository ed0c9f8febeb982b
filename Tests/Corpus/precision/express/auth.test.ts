import { randomBytes, createHmac } from 'node:crypto';
import bcrypt from 'bcrypt';
import { verifyWebhookSignature } from './auth';

describe('verifyWebhookSignature', () => {
  const secret = randomBytes(32).toString('hex');

  it('accepts a matching signature', () => {
    const body = Buffer.from('{"type":"order.paid"}');
    const signature = createHmac('sha256', secret).update(body).digest('hex');
    expect(verifyWebhookSignature(secret, body, signature)).toBe(true);
  });

  it('rejects a signature of the wrong length without throwing', () => {
    const body = Buffer.from('{}');
    expect(verifyWebhookSignature(secret, body, 'abcd')).toBe(false);
  });
});

describe('bcrypt', () => {
  it('verifies hashes with compare', async () => {
    const hash = await bcrypt.hash('a long test passphrase', 4);
    await expect(bcrypt.compare('a long test passphrase', hash)).resolves.toBe(true);
    await expect(bcrypt.compare('something else', hash)).resolves.toBe(false);
  });
});
