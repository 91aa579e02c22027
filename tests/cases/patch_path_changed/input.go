package p

import "fmt"
import goat "example.com/c/goat"

func f() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
	fmt.Println(1)
}
