package p

type (
	Point struct {
		X, Y int `json:"x"`
		*Embedded
	}
	Shape interface {
		Area() float64
		~int | ~string
	}
	Pair[K comparable, V any] struct {
		Key   K
		Value V
	}
	Fn   func(int, ...string) (bool, error)
	Chan <-chan chan<- map[string][]*[4]int
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func (p *Pair[K, V]) Swap() Pair[V, K] { return Pair[V, K]{p.Value, p.Key} }

var m = Map[int, string]
