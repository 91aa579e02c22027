package p

func f() {
	g(
		// +goat:insert
		1,
	)
}
