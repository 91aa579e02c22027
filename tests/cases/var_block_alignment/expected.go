package p

import goat "goat"

var (
	a  = 1
	bb = func() int {
		// +goat:generate opened " " " " pad=v-2:5,v-1:4
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_1)
		// +goat:end
		return 1
	}
	table = 2
	c     = 3
)

const (
	x    = 1 // one
	yyyy = 2 // two
)
