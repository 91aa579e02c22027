package p

func f() {
	// +goat:generate
	goat.Track(goat.TRACK_ID_1)
	x := `
	// +goat:end
	`
	// +)goat:delete
	/* +goat:end */
}
// +goat:insert
