package p

//line gen.y:50
var a = 1
/*line :7:3*/ var b = )
