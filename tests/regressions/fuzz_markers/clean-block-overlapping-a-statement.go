package main

import (
	"fmt"

	goat "example.com/app/goat"
)

func main() {
^// +goat:main
	// +goat:tips: do not edit the block between the +goat comments
	goat.ServeHTTP(goat.COMPONENT_0)
	// +goat:end
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comdit the block between the +goat comm// +goat:end
	fmt.Println("hi")
	if len(fmt.Sprint()) == 0 {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_2)
		// +goat:end
		return
	}
}
