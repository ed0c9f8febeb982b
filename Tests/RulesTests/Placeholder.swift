import Testing

@Test func placeholderRulesTests() {}
