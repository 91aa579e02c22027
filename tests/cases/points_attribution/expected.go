package attr

import "fmt"
import goat "goat"

func Classify(xs []int, mode string) (n int) {
	type pair struct{ a, b int }
	var last pair
	switch mode {
	case "sum":
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_1)
		// +goat:end
		for _, x := range xs {
			// +goat:generate
			// +goat:tips: do not edit the block between the +goat comments
			goat.Track(goat.TRACK_ID_2)
			// +goat:end
			n += x
		}
	// a comment before the case
	case "max":
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_3)
		// +goat:end
		n = -1 << 31
	default:
		fmt.Println(
			"unknown mode",
			mode,
		)
	}
	if n > 10 {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_4)
		// +goat:end
		last.a = n
	} else if n < 0 {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_5)
		// +goat:end
		last.b = n
	} else {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_6)
		// +goat:end
		n = 0
	}
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_7)
	// +goat:end
	apply := func(f func(int) int) {
		// +goat:generate opened " " " "
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_8)
		// +goat:end
		n = f(n)
	}
	apply(func(v int) int { return v * 2 })
	return n
}
