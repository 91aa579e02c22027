package p

func f() {
	type goat struct{}
	println(goat{})
}
