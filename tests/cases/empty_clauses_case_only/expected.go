package empty

import goat "goat"

func f(x int, ch chan int) int {
	switch x {
	case 0:
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_1)
		// +goat:end
	case 1:
		x++
	// before two
	case 2:
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_2)
		// +goat:end

	// before default
	default:
	}
	select {
	case <-ch:
	default:
		x--
	}
	return x
}
