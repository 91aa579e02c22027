package main

import "fmt"

func main() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	if len(fmt.Sprint()) == 0 {
		fmt.Println("empty")
		// +goat:end
	}
}
