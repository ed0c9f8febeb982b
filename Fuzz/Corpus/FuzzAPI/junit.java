class T {
  @Test
  void a() throws Exception { mvc.perform(get("/owners/1")).andExpect(status().isOk()); }
  @Test void b() {}
}
