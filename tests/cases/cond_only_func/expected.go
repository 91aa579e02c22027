package cond

import goat "goat"

func f(a, b int, xs []int) int {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	n := 0
	if a > b {
		n = a
	} else {
		n = b
	}
	for i := 0; i < a; i++ {
		n += i
	}
	for _, x := range xs {
		n += x
	}
	switch a {
	case 1:
		n++
	case 2, 3:
		n--
	}
	return n
}
