package p

import goat "goat"

func run(f func()) {}
func ok(f func() bool) bool {
	// +goat:generate opened " " " " pad=f-2:10
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	return f()
}

func f() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
	var g = func() {
		println("g")
	}
	defer run(func() {
		println("d")
	})
	if ok(func() bool {
		return true
	}) {
		g()
	}
	var h = func(x int) int {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_3)
		// +goat:end
		x++
		if x > 1 {
			x--
		}
		return x
	}
	_ = h
}
