package p

func f() {
}

// +goat:insert
