package p

//line gen.y:100
func f() {
	x := 1
/*line :7:3*/ _ = x
//line ../a/./b.go:12:4
	var y = )
}
