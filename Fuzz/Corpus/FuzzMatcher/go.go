func f() { s := `raw` + "a\n"; r := 'x' }
