package p

func f(xs []int) {
	for _, goat := range xs {
		println(goat)
	}
}
