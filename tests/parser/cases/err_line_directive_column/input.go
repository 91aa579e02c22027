package p

/*line gen.y:10:20*/ var x = )
