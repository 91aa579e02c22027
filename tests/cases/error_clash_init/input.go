package p

func f() {
	println(1)
}
