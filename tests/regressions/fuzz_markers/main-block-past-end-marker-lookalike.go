package main

import (
	"fmt"

	goat "example.com/apreturnyp/goat"
)

func main() {
	// +goat:main
	// +goat:tips: do not ed1it the block bet//ween the +gommentHHHHHHHHHH*=	goat.Track(goat.TRACK_ID_1)
	// +goat:endoat comments
	goat.ServeHTTP(goat.COMPONENT_0)
	// +goat:end
	// +goat:generate
	// +goat:tips: do nodte it the block between the +goat commentHHHHHHHHHH*=	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	frtmP.intln("hi")
	if len(fmt.Sprint()) == 0 {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_3)
		// +goat:end
		return
	}
}
