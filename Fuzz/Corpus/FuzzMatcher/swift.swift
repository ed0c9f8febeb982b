	let s = #"a\#(b)"# + "\(c)"
