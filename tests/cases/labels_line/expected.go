package labels

import goat "goat"

func find(grid [][]int, want int) (int, int) {
outer:
	for i, row := range grid {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_1)
		// +goat:end
		for j, v := range row {
			// +goat:generate
			// +goat:tips: do not edit the block between the +goat comments
			goat.Track(goat.TRACK_ID_2)
			// +goat:end
			if v < 0 {
				// +goat:generate
				// +goat:tips: do not edit the block between the +goat comments
				goat.Track(goat.TRACK_ID_3)
				// +goat:end
				continue outer
			}
			if v == want {
				// +goat:generate
				// +goat:tips: do not edit the block between the +goat comments
				goat.Track(goat.TRACK_ID_4)
				// +goat:end
				return i, j
			}
		}
	}
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_5)
	// +goat:end
	n := 0
loop:	for n < 3 {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_6)
		// +goat:end
		n++
		if n == 2 {
			// +goat:generate
			// +goat:tips: do not edit the block between the +goat comments
			goat.Track(goat.TRACK_ID_7)
			// +goat:end
			break loop
		}
	}
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_8)
	// +goat:end
	goto done
done:
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_9)
	// +goat:end
	return -1, -1
}
