package main

import goat "example.com/c/goat"

func main() {
	// +goat:user
	goat.ServeHTTP(goat.COMPONENT_0)
	// +goat:end
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	println(1)
}
