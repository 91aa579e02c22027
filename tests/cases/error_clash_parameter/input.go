package p

func f(a, goat int) int {
	return a + goat
}
