x = <<~SQL
  SELECT #{a}
SQL
y = %w[a b] if z =~ /r/
