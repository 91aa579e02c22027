package p

func f(xs [][]int) int {
	n := 0
outer:
	// +goat:insert
	for _, row := range xs {
		for _, x := range row {
			if x < 0 {
				continue outer
			}
			n += x
		}
	}
	return n
}
