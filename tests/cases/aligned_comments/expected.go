package align

import goat "goat"

func f(b []byte) int {
	n := 0
	n += int(b[0]) // first
	// +goat:generate pad=c-1:3
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	n += int(b[1])  // second
	n += len(b) * 2 // third
	// +goat:generate pad=c-2:3,c-1:2
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
	n -= int(b[100]) // fourth
	return n
}
