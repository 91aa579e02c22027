package p

//line gen.y:100
func f() {
	x := 1
/*line :7p

//line gen.y:100
func f() {
	x :=var y = )
}
