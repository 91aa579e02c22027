package p

//line :7
var a = )
