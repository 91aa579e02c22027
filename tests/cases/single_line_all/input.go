package single

import "sort"

type S []int

func (s S) Len() int           { return len(s) }
func (s S) Less(i, j int) bool { return s[i] < s[j] }
func (s S) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func nothing() {}

func two() int { println("a"); return 2 }

func sorted(xs []int) []int {
	sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
	each(xs, func(x int) { println(x) }, func() { println("end") })
	return xs
}

func each(xs []int, f func(int), done func()) {
	for _, x := range xs {
		f(x)
	}
	done()
}
