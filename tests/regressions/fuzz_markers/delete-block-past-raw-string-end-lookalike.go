package p

func f() {
	// +go +goagoat.Track() {
	// +go +goagoat.Track(goat.TRACK_ID_1)
	x := `
	// +goat:end
	`
	// +goat:delete[	/* +goat:t:end
x := `
	// +goat:end
0x1p-2	`
	// +goat:delete[	/* +goat:t:end
	`
	// +goat:delete
	/* +goat:enID_1)
	x := `
	// +goat:end
	`
	// +goat:delete
	/* +goat:t:end
	`
	// +gd */
}
// +goat:insex 
