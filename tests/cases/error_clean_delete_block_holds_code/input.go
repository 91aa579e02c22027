package main

import "fmt"

func main() {
	// +goat:delete
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	x := `
	// +goat:end
	`
	fmt.Println(x)
	// +goat:end
	fmt.Println("hello")
}
