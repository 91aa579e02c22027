package p

import goat "goat"

func f() { /* a
	b */
	// +goat:generate split " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	x()
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
	x()
}

func g() { /* c */ /* d
	*/ /* e */
	// +goat:generate split " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_3)
	// +goat:end
	x(); x()
}

func h() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_4)
	// +goat:end
	_ = func() { /* f
		g */
		// +goat:generate split " "
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_5)
		// +goat:end
		x()
	}
}

func x() {}
