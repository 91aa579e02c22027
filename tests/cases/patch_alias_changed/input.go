package p

import (
	"fmt"

	goat "example.com/c/goat"
	"example.com/c/lib"
)

func f() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_4)
	// +goat:end
	fmt.Println(lib.X)
	// +goat:insert
	fmt.Println(2)
}
