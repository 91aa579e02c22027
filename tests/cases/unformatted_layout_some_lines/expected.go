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
	a()
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_3)
	// +goat:end
	b() }

func k() { /* c */ a(); b()
	a() // t
}

var v = func() {
	// +goat:generate split ""
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_4)
	// +goat:end
	a()
	b()
}

func m() {
	go func() { a()
	}()
}

func n(x bool) { if x {
		a()
	}
}

func q() { L: for {
		break L
	}
}

func r() {
	func() { a()
		b() }()
}

func a() {}
func b() {}
