package p

func f() func() int {
	goat := 1
	return func() int { return goat }
}
