package p

import (
	"fmt"

	goat "example.com/app/goat"
)

func f(x int) {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_9)
	// +goat:end
	fmt.Println(x)
	// +goat:insert
	if x > 0 {
		// +goat:insert
		fmt.Println("pos")
	}
	// +goat:delete
	fmt.Println("old")
	// +goat:end
}
