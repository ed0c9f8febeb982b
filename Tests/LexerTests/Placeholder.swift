import Testing

@Test func placeholderLexerTests() {}
