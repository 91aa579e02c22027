package main

import "fmt"

func main() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	fmt.Println("added inside the block")
	// +goat:end
	fmt.Println("hello")
}
