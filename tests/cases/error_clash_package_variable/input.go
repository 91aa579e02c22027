package p

func f() {
	println(1)
}

var (
	a, goat = 1, 2
)
