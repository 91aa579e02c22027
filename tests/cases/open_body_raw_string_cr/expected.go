package p

import goat "goat"

func f() {
	// +goat:generate opened " " "; " "; " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	a()
	b := `x;y`
	c(b)
}

func g() string {
	// +goat:generate opened " " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
	return ``
}

func h() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_3)
	// +goat:end
	s := `a
b
c
d
`
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_4)
	// +goat:end
	use(s)
}
