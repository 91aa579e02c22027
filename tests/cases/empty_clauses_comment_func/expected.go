package p

import goat "goat"

func f(x interface{}) int {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	switch x.(type) {
	case int:
		return 1
	case string:
	case nil:
		// nothing
	}
	return 0
}
