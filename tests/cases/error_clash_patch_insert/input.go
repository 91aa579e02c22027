package p

func f() int {
	goat := 1
	// +goat:insert
	return goat
}
