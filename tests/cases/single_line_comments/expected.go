package p

import goat "goat"

func _() {
	// +goat:generate opened " " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	a.G(template. /* ERROR x */ Template{})
}

func g() {
	// +goat:generate opened " /* c */ " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
	/* c */
	return
}

func h() {
	// +goat:generate opened " " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_3)
	// +goat:end
	f(1 /* one */, 2)
}
