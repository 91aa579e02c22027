package cond

func f(a, b int, xs []int) int {
	n := 0
	if a > b {
		n = a
	} else {
		n = b
	}
	for i := 0; i < a; i++ {
		n += i
	}
	for _, x := range xs {
		n += x
	}
	switch a {
	case 1:
		n++
	case 2, 3:
		n--
	}
	return n
}
