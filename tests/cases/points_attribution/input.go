package attr

import "fmt"

func Classify(xs []int, mode string) (n int) {
	type pair struct{ a, b int }
	var last pair
	switch mode {
	case "sum":
		for _, x := range xs {
			n += x
		}
	// a comment before the case
	case "max":
		n = -1 << 31
	default:
		fmt.Println(
			"unknown mode",
			mode,
		)
	}
	if n > 10 {
		last.a = n
	} else if n < 0 {
		last.b = n
	} else {
		n = 0
	}
	apply := func(f func(int) int) { n = f(n) }
	apply(func(v int) int { return v * 2 })
	return n
}
