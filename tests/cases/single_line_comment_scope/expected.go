package p

import goat "goat"

func g() {}

func f() {
	// +goat:generate opened " /* why */ " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	/* why */
	g()
}

func h() int {
	// +goat:generate opened " " " /* one */ "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
	return 1 /* one */
}

var v = func() {
	// +goat:generate opened " " " /* x */ "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_3)
	// +goat:end
	g() /* x */
}
