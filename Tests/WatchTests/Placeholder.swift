import Testing

@Test func placeholderWatchTests() {}
