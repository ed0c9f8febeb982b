String s = """
  text
  """; char c = '\u0041';
