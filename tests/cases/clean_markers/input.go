package main

import (
	goat "example.com/app/goat"
	"fmt"
)

func main() {
	// +goat:main
	// +goat:tips: do not edit the block between the +goat comments
	goat.ServeHTTP(goat.COMPONENT_0)
	// +goat:end
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	fmt.Println("a")

	// +goat:user
	fmt.Println("debug")
	// +goat:end
	// +goat:delete
	fmt.Println("temporary")
	// +goat:end
	// +goat:insert
	fmt.Println("b")
}
