var s = $@"{a}""b"; var t = $"""{x}""";
