package p

import goat "goat"

func f(x, y int) int {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	if x > 0 {
		/*
		  note
		*/
		if y > 0 {
			return 1
		}
	}
	return 0
}
