package p

import goat "goat"

func f() {
	// +goat:generate split " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	a()
}

func g() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
	a(); b() }

func h() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_3)
	// +goat:end
	a()
	b() }

func k() { /* c */
	// +goat:generate split " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_4)
	// +goat:end
	a(); b()
	a() // t
}

var v = func() {
	// +goat:generate split ""
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_5)
	// +goat:end
	a()
	b()
}

func m() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_6)
	// +goat:end
	go func() {
		// +goat:generate split " "
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_7)
		// +goat:end
		a()
	}()
}

func n(x bool) { if x {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_8)
		// +goat:end
		a()
	}
}

func q() { L: for {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_9)
		// +goat:end
		break L
	}
}

func r() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_10)
	// +goat:end
	func() {
		// +goat:generate split " "
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_11)
		// +goat:end
		a()
		b() }()
}

func a() {}
func b() {}
