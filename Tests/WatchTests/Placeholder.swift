import Testing

@Test func watchPlaceholder() {}
