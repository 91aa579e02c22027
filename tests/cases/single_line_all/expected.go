package single

import "sort"
import goat "goat"

type S []int

func (s S) Len() int {
	// +goat:generate opened " " " " pad=f-1:11
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	return len(s)
}
func (s S) Less(i, j int) bool {
	// +goat:generate opened " " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
	return s[i] < s[j]
}
func (s S) Swap(i, j int) {
	// +goat:generate opened " " " " pad=f-1:6
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_3)
	// +goat:end
	s[i], s[j] = s[j], s[i]
}

func nothing() {}

func two() int {
	// +goat:generate opened " " "; " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_4)
	// +goat:end
	println("a")
	return 2
}

func sorted(xs []int) []int {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_5)
	// +goat:end
	sort.Slice(xs, func(i, j int) bool {
		// +goat:generate opened " " " "
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_6)
		// +goat:end
		return xs[i] < xs[j]
	})
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_7)
	// +goat:end
	each(xs, func(x int) {
		// +goat:generate opened " " " "
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_8)
		// +goat:end
		println(x)
	}, func() {
		// +goat:generate opened " " " "
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_9)
		// +goat:end
		println("end")
	})
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_10)
	// +goat:end
	return xs
}

func each(xs []int, f func(int), done func()) {
	for _, x := range xs {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_11)
		// +goat:end
		f(x)
	}
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_12)
	// +goat:end
	done()
}
