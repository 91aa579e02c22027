package p

//line scan.go:30:4
var a = '
