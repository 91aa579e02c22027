package p

func f(x int) {
	switch x {
	case 1,
		// +goat:insert
		2:
	}
}
