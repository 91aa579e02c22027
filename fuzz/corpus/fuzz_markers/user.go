package p

import goat "example.com/app/goat"

func g() {
	// +goat:user
	goat.Track(goat.TRACK_ID_3)
	// +goat:end

	// keep this comment and the blank line above
	h()
}

func h() {}
