package p

import goat "goat"

func f(k int, ok bool) int {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	switch k {
	case 1:
		// one
		if ok {
			return 1
		}
	case 2:
		// two
		if ok {
			return 2
		}
	}
	return 0
}
