package bom

var x = "\uFEFF"

func f() {}
