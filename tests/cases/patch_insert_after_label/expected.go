package p

import goat "example.com/app/goat"

func f(x int) int {
	if x > 0 {
		goto done
	}
	x++
done:
	// +goat:generate insert
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	return x
}

func g(x int) {
retry:
next:
	// +goat:generate insert
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
	x--
	if x > 0 {
		goto retry
	}
	goto next
}

func h() {
	goto end
end:
	// +goat:generate insert
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_3)
	// +goat:end
}
