package p

import goat "goat"

func f() int {
	/* early */
	// +goat:generate split " 
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	return 1
}
