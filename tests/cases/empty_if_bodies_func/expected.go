package p

import goat "goat"

func g(x int) int {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	if x > 5 {
	} else {
		x--
	}
	if x < -5 {
	} else {
		x++
	}
	return x
}
