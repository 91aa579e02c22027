package p

func f() int {
	goat := 1
	return goat
}
