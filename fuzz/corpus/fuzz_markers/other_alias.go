package p

import (
	"fmt"

	tracking "example.com/app/old"
	"example.com/app/lib"
)

func f(goat int) {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	tracking.Track(tracking.TRACK_ID_2)
	// +goat:end
	fmt.Println(lib.X, goat)
	// +goat:insert
	// +goat:delete
	tracking.Track(tracking.TRACK_ID_3)
	// +goat:end
}

func main() {
	// +goat:main
	// +goat:tips: do not edit the block between the +goat comments
	tracking.ServeHTTP(tracking.COMPONENT_0)
	// +goat:end
	tracking.Track(0)
}
