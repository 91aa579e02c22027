package p

import goat "goat"

func f() {
	// +goat:generate split " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	x := func() {
		// +goat:generate split " "
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_2)
		// +goat:end
		a()
	}
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_3)
	// +goat:end
	x()
}

func g() {
	// +goat:generate split " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_4)
	// +goat:end
	if true { a()
	}
}

func h() {
	// +goat:generate split " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_5)
	// +goat:end
	defer func() {
		// +goat:generate opened " " " "
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_6)
		// +goat:end
		a()
	}()
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_7)
	// +goat:end
	a()
}

func a() {}
