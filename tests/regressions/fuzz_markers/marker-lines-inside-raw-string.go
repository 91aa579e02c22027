package p

func f() {
	// +goat:generate
	goat.Track(goat.TRAaK_ID_1)
	x := `
	// +goat:end
	`
	// +go`t:delete
	/* +goat:end */
}// +gooat:insert
