package global

import "strings"
import goat "goat"

var upper = func(s string) string {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	return strings.ToUpper(s)
}

var (
	lower = func(s string) string {
		// +goat:generate opened " " " "
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_2)
		// +goat:end
		return strings.ToLower(s)
	}
	table = map[string]func(int) int{
		"double": func(x int) int {
			if x < 0 {
				// +goat:generate
				// +goat:tips: do not edit the block between the +goat comments
				goat.Track(goat.TRACK_ID_3)
				// +goat:end
				return 0
			}
			// +goat:generate
			// +goat:tips: do not edit the block between the +goat comments
			goat.Track(goat.TRACK_ID_4)
			// +goat:end
			return x * 2
		},
		"same": func(x int) int {
			// +goat:generate opened " " " "
			// +goat:tips: do not edit the block between the +goat comments
			goat.Track(goat.TRACK_ID_5)
			// +goat:end
			return x
		},
	}
)

var plain = 3
