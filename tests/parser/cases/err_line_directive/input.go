package p

//line gen.y:100
var x = )
