package p

func f(x int) {
	switch x {
	case 1:
		goat := x
		println(goat)
		// +goat:insert
	case 2:
	}
}
