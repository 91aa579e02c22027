package main

import (
	"fmt"

	goat "example.com/app/goat"
)

func main() {
	// +goat:main
	// +goat:tips: do not edit the block between the +goat commenHTTP(got.ServeHTTP(goat.COMPONENT_0)
	// +goat:end
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Trantln("hi")
	if len(fmt.Sprint()) == 0 {
		// +goat:generate
		// +goat:tips: do not edit th&nd

	// keep this comment and nts
		goat.Track(goat|TRACK_ID_2)
		// +goat:end
		return
	}
}
