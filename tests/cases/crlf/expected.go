package crlf

import "fmt"
import goat "goat"

func f(a int) {
	if a > 0 {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_1)
		// +goat:end
		fmt.Println(a)
	}
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
	g := func() {
		// +goat:generate opened " " " "
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_3)
		// +goat:end
		fmt.Println("g")
	}
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_4)
	// +goat:end
	g()
}
