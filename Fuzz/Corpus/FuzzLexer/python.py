def f(x):
    return f"a{x!r:>5}" + """doc
"""
