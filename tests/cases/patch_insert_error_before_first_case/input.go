package p

func f(x int) {
	switch x {
	// +goat:insert
	case 1:
	}
}
