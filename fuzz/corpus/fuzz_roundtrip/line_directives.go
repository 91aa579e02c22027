package p

//line gen.y:10
func f(a int) int {
	if a > 0 {
		/*line x.go:3:9*/ return a
	}
	return 0
}
