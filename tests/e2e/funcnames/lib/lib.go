// SPDX-License-Identifier: MIT

// Package lib holds generic code and its own init numbering.
package lib

import "example.com/names/rec"

// List is a generic list.
type List[T any] struct{ xs []T }

// Push has a pointer receiver.
func (l *List[T]) Push(x T) {
	rec.R(0)
	func() {
		rec.R(0)
	}()
	l.xs = append(l.xs, x)
}

// Len has a value receiver.
func (l List[T]) Len() int {
	rec.R(0)
	return len(l.xs)
}

// Pair has two type parameters.
type Pair[K comparable, V any] struct {
	k K
	v V
}

// Swap names its receiver with a blank type parameter.
func (p *Pair[K, _]) Swap() {
	rec.R(0)
	defer func() {
		rec.R(0)
	}()
}

// Map is a generic function whose range clause names the range
// expression's literal before the key's.
func Map[T, U any](xs []T, f func(T) U) []U {
	rec.R(0)
	var out []U
	keys := map[int]int{}
	for keys[func() int {
		rec.R(0)
		return 0
	}()] = range func() []T {
		rec.R(0)
		return xs
	}() {
		break
	}
	for _, x := range xs {
		out = append(out, f(x))
	}
	m := map[int]int{}
	m[func() int {
		rec.R(0)
		return 1
	}()] = func() int {
		rec.R(0)
		return 2
	}()
	return out
}

// Counter is package-level, named from the package counter.
var Counter = func() int {
	rec.R(0)
	return 0
}

func init() {
	rec.R(0)
}

// Run calls everything here.
func Run() {
	rec.R(0)
	var l List[int]
	l.Push(1)
	_ = l.Len()
	var s List[string]
	s.Push("a")
	p := &Pair[int, string]{}
	p.Swap()
	Map([]int{1}, func(i int) string {
		rec.R(0)
		return ""
	})
	Counter()
}
