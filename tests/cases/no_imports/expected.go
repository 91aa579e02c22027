// Package noimp has a doc comment.
package noimp

import tr "example.com/app/goat"

// f does little.
func f(a int) int {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	tr.Track(tr.TRACK_ID_1)
	// +goat:end
	return a + 1
}
