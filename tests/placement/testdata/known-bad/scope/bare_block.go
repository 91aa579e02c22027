package p

import goat "goat"

func f(xs []int) int {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	n := 0
	{
		for _, x := range xs {
			n += x
		}
		if n > 10 {
			n = 10
		}
		n++
	}
	return n
}
