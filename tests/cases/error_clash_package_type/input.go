package p

func f() {
	println(1)
}

type goat int
