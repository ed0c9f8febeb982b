import Testing

@Test func placeholderStoreTests() {}
