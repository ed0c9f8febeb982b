const a = `x${y + `z${w}`}` /re[/]g/.test(s) ? 1 : 2;
