package p

func f() {
	select {
	// +goat:insert
	}
}
