package p

import (
	"fmt"

	goat "example.com/app/goat"
)

func f(x int) {
	// +goat:delete
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	fmt.Println(x)
}
