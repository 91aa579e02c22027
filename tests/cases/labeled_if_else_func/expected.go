package p

import goat "goat"

func f(a, b bool) int {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	n := 0
L:
	if a {
		n++
	} else {
		if b {
			b = false
			goto L
		}
		n--
	}
	return n
}
