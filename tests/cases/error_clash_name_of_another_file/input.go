package p

func f() {
	println(1)
	goat.Herd()
}
