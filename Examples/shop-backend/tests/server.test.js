const request = require('supertest');
const { app } = require('../api/server');

describe('POST /signup', () => {
  it('creates an account', async () => {
    await request(app).post('/signup').send({ email: 'ada@example.test', password: 'correct horse' }).expect(201);
  });

  it('refuses a body without a password', async () => {
    const response = await request(app).post('/signup').send({ email: 'ada@example.test' });
    expect(response.status).toBe(400);
  });
});
