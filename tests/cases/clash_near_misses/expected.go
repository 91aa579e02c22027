package p

import goat "example.com/c/goat"

// T has a field and a type parameter called goat, U a method: none is in
// scope where a block goes.
type T[goat any] struct {
	goat goat
}

type U struct{}

func (U) goat() {}

type F func(goat int) (goat2 int)

type I interface{ goat() }

func f(t T[int], u U) int {
goat:
	for {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_1)
		// +goat:end
		u.goat()
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_2)
		// +goat:end
		_ = T[int]{goat: 1}
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_3)
		// +goat:end
		break goat
	}
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_4)
	// +goat:end
	return t.goat
}
