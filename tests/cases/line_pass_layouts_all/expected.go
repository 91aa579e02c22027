package p

import goat "goat"

var x = 1; func early() {
	// +goat:generate opened " " "; " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	a()
	b()
}

var f = func() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
	c()
}; var g = 2

const raw = `line one
line two`

func F(s string) string {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_3)
	// +goat:end
	t := `first
	second /* not a comment
	third` + s
	/* a comment
	   spanning lines */
	// +goat:generate split " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_4)
	// +goat:end
	u := t
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_5)
	// +goat:end
	go func() {
		// +goat:generate opened " " " "
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_6)
		// +goat:end
		d(u)
	}()
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_7)
	// +goat:end
	v := func() int {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_8)
		// +goat:end
		return 1 }(); w := `x
y`
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_9)
	// +goat:end
	_ = w
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_10)
	// +goat:end
	if v > 0 { e() } else { f() }
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_11)
	// +goat:end
	return t
}

func one() {
	// +goat:generate opened " " "; " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_12)
	// +goat:end
	g()
	h()
}

func G() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_13)
	// +goat:end
	a()
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_14)
	// +goat:end
	s := `
// not a comment: a raw string's line
/* nor this */

`
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_15)
	// +goat:end
	b(s)
}

func H() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_16)
	// +goat:end
	a()
	/*
	c()
	*/
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_17)
	// +goat:end
	d()
}

var y = 2; func late(
) {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_18)
	// +goat:end
	a()
}
