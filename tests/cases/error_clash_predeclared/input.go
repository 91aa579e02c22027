package p

func f(s string) int {
	return len(s)
}
