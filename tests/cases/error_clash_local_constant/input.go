package p

func f() {
	const goat = 1
	println(goat)
}
