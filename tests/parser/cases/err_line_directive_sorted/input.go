package p

var a = )

//line first.go:1
var b = )
