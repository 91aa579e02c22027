package p

import goat "goat"

func _() {
	// +goat:generate opened " " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	a.G(template. /* ERROR x */ Template{})
}

func g() { /* c */ return }

func h() {
	// +goat:generate opened " " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
	f(1 /* one */, 2)
}
