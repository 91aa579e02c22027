package p

import (
	"fmt"

	tracking "example.com/c/goat"
)

func f() {
	// +goat:delete
	// +goat:tips: do not edit the block between the +goat comments
	tracking.Track(tracking.TRACK_ID_1)
	// +goat:end
	fmt.Println(1)
}
