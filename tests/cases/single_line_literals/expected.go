package single

import "sort"
import goat "goat"

type S []int

func (s S) Len() int           { return len(s) }
func (s S) Less(i, j int) bool { return s[i] < s[j] }
func (s S) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func nothing() {}

func two() int { println("a"); return 2 }

func sorted(xs []int) []int {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	sort.Slice(xs, func(i, j int) bool {
		// +goat:generate opened " " " "
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_2)
		// +goat:end
		return xs[i] < xs[j]
	})
	each(xs, func(x int) {
		// +goat:generate opened " " " "
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_3)
		// +goat:end
		println(x)
	}, func() {
		// +goat:generate opened " " " "
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_4)
		// +goat:end
		println("end")
	})
	return xs
}

func each(xs []int, f func(int), done func()) {
	for _, x := range xs {
		f(x)
	}
	done()
}
