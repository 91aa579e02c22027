package p

import goat "goat"

func f() {
	// +goat:generate opened " " "; " "; " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	goto L
	L: goto;
	k()
}

func g() {
	// +goat:generate opened " " "; " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
	k()
	L:
}

func h() {
	// +goat:generate opened " " "; " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_3)
	// +goat:end
	k()
	L: M:
}

func k() {}
