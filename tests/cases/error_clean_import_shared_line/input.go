package p

import ("fmt"; goat "example.com/c/goat")

func f() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	fmt.Println(1)
}
