package p

import goat "goat"

func f(x int) int {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	if x > 0 {
		/* early */ return 1
	}
	return x
}
