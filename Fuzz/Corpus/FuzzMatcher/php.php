$x = <<<EOT
Hello $name {$a[1]}
EOT;
echo "a{$b->c}";
