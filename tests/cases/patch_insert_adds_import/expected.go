package p

import "fmt"
import goat "example.com/app/goat"

func f(x int) {
	// +goat:generate insert
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	fmt.Println(x)
}
