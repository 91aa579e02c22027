package p

import . "example.com/c/goat"

func f() {
	Track(TRACK_ID_1)
}
