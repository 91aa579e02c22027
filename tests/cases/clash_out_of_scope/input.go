package p

func f(xs []int) int {
	n := 0
	for _, x := range xs {
		goat := x
		_ = goat
	}
	if goat := n; goat > 0 {
		return goat
	}
	n++
	goat := n
	return goat
}

func g(goat int) int { return goat }
