package cgo

/*
#include <stdio.h>
static void hello(void) { puts("hi"); }
*/
import "C"

import (
	goat "example.com/app/goat"
	"fmt"
)

func f() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	C.hello()
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
	fmt.Println("done")
}
