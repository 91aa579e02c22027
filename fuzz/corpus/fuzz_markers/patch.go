package p

import "fmt"

func f(x int) int {
	// +goat:insert
	y := x + 1
	// +goat:delete
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_9)
	// +goat:end
	if y > 2 {
		// +goat:insert
		fmt.Println(y)
	}
	return y
}
