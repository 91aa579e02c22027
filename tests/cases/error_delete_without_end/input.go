package p

func f() {
	// +goat:delete
	println()
}
