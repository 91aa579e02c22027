package p

import goat "goat"

func f() {
	// +goat:generate opened " " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	g()
	g()
}

func g() {}
