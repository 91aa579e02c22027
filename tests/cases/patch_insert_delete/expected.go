package p

import (
	"fmt"

	goat "example.com/app/goat"
)

func f(x int) {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_5)
	// +goat:end
	fmt.Println(x)
	// +goat:generate insert
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_6)
	// +goat:end
	if x > 0 {
		// +goat:generate insert
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_7)
		// +goat:end
		fmt.Println("pos")
	}
}
