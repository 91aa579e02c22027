package generics

import "fmt"

type Number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~float32 | float64
}

type Stringish interface {
	~string
	fmt.Stringer
	String() string
}

type Pair[K comparable, V any] struct {
	Key   K
	Value V
}

type List[T any] struct {
	head *node[T]
	Pair[string, T]
	*Other[T]
}

type node[T any] struct {
	next *node[T]
	val  T
}

type Array [4]int
type Matrix [N * 2][M]float64
type Star[P *int] struct{}
type StarComma[P *C,] struct{}
type Paren[P (C)] []P
type Union[P interface{ int | string }] []P
type Tilde[P ~int | ~uint, Q []P] map[P]Q
type Alias = Pair[int, string]
type Fn[T any] func(T) T
type Ch[T any] chan<- T

func Map[S ~[]E, E, R any](s S, f func(E) R) []R {
	out := make([]R, 0, len(s))
	for _, v := range s {
		out = append(out, f(v))
	}
	return out
}

func Sum[T Number](xs ...T) (total T) {
	for _, x := range xs {
		total += x
	}
	return
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{next: l.head, val: v}
}

func (p Pair[K, V]) Swap() Pair[V, K] { return Pair[V, K]{p.Value, p.Key} }

func (p *Pair[_, _]) Reset() {}

func use() {
	var m = Map[[]int, int, string]
	_ = m
	_ = Sum[int](1, 2, 3)
	_ = Sum(1.5, 2)
	var l List[int]
	l.Push(1)
	x := Pair[string, int]{Key: "a", Value: 1}
	_ = x
	f := Map[[]string, string, int]
	_ = f
	var _ Fn[int] = func(i int) int { return i }
	_ = pkg.Generic[int, string]{}
	_ = a[b, c]
	_ = a[b]
}
