package p

//line ../sub/./x.go:5
var a = 1

var b = )
