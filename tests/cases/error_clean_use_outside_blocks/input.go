package p

import goat "example.com/c/goat"

func main() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	goat.ServeHTTP(goat.COMPONENT_0)
}
