package p

import goat "example.com/app/goat"

const help = `
	// +goat:insert
	// +goat:delete
	// +goat:end
`

func f() string {
	// +goat:generate insert
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	x := `
	// +goat:generate
	// +goat:end
	`
	return x + help
}
