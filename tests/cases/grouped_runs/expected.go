package runs

import (
	"fmt"
	"strings"

	"example.com/a/lib"
	"example.com/z/lib2"

	// the last run
	goat "example.com/app/goat"
	zz "zzz.org/last"
)

func f() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	fmt.Println(strings.ToUpper(lib.X), lib2.Y, zz.Z)
}
