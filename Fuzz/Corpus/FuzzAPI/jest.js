it('a', async () => {
  await request(app).get('/users/1').expect(200);
});
test.each([1])('b %i', async (n) => { expect(n).toBe(1); });
