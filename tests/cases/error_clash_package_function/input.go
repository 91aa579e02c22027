package p

func f() {
	println(1)
}

func goat() {}
