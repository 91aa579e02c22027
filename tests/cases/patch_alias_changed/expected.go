package p

import (
	"fmt"

	tracking "example.com/c/goat"
	"example.com/c/lib"
)

func f() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	tracking.Track(tracking.TRACK_ID_1)
	// +goat:end
	fmt.Println(lib.X)
	// +goat:generate insert
	// +goat:tips: do not edit the block between the +goat comments
	tracking.Track(tracking.TRACK_ID_2)
	// +goat:end
	fmt.Println(2)
}
