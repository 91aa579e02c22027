package p

func f() (n, goat int) {
	return 1, 2
}
