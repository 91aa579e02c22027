package align

import goat "goat"

func f(b []byte) int {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_41)
	// +goat:end
	n := 0
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_42)
	// +goat:end
	n += int(b[0]) // first
	// +goat:generate pad=c-1:3
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_43)
	// +goat:end
	n += int(b[1]) // second
	// +goat:generate pad=c-1:3
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_44)
	// +goat:end
	n += len(b) * 2 // third
	// +goat:generate pad=c-1:2
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_45)
	// +goat:end
	n -= int(b[100]) // fourth
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_46)
	// +goat:end
	return n
}
