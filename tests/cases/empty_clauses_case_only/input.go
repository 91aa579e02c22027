package empty

func f(x int, ch chan int) int {
	switch x {
	case 0:
	case 1:
		x++
	// before two
	case 2:

	// before default
	default:
	}
	select {
	case <-ch:
	default:
		x--
	}
	return x
}
