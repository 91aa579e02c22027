package names

import "fmt"

type Cart struct{ n int }

type List[T any] struct{ xs []T }

type Pair[K comparable, V any] struct{}

func _() {
	func() {}()
}

var Upper = func(s string) string {
	return s
}

var A, B = func() {
	func() {
		fmt.Println("glob..func3.1")
	}()
}, func() {}

func init() {
	fmt.Println("init.0")
	func() {
		fmt.Println("init.0.func1")
	}()
}

func init() {
	fmt.Println("init.1")
}

func (c *Cart) Add(x int) {
	c.n += x
}

func (c Cart) Sum() int {
	return c.n
}

func (c *(Cart)) Reset() {
	c.n = 0
}

func (l *List[T]) Push(x T) {
	l.xs = append(l.xs, x)
}

func (l List[_]) Len() int {
	return len(l.xs)
}

func (p Pair[K, V]) Get() {
	fmt.Println(p)
}

func Map[T, U any](xs []T, f func(T) U) (out []U) {
	for _, x := range xs {
		out = append(out, f(x))
	}
	each := func() {
		fmt.Println("Map[...].func1")
	}
	each()
	return out
}

func Order() {
	m := map[int]int{}
	m[len(m)] = func() int {
		return 1
	}()
	f := func() {
		g := func() {
			fmt.Println("Order.func2.1")
		}
		g()
	}
	f()
}
