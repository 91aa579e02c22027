package names

import "fmt"
import goat "goat"

type Cart struct{ n int }

type List[T any] struct{ xs []T }

type Pair[K comparable, V any] struct{}

func _() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	func() {}()
}

var Upper = func(s string) string {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
	return s
}

var A, B = func() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_3)
	// +goat:end
	func() {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_4)
		// +goat:end
		fmt.Println("glob..func3.1")
	}()
}, func() {}

func init() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_5)
	// +goat:end
	fmt.Println("init.0")
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_6)
	// +goat:end
	func() {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_7)
		// +goat:end
		fmt.Println("init.0.func1")
	}()
}

func init() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_8)
	// +goat:end
	fmt.Println("init.1")
}

func (c *Cart) Add(x int) {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_9)
	// +goat:end
	c.n += x
}

func (c Cart) Sum() int {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_10)
	// +goat:end
	return c.n
}

func (c *(Cart)) Reset() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_11)
	// +goat:end
	c.n = 0
}

func (l *List[T]) Push(x T) {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_12)
	// +goat:end
	l.xs = append(l.xs, x)
}

func (l List[_]) Len() int {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_13)
	// +goat:end
	return len(l.xs)
}

func (p Pair[K, V]) Get() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_14)
	// +goat:end
	fmt.Println(p)
}

func Map[T, U any](xs []T, f func(T) U) (out []U) {
	for _, x := range xs {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_15)
		// +goat:end
		out = append(out, f(x))
	}
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_16)
	// +goat:end
	each := func() {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_17)
		// +goat:end
		fmt.Println("Map[...].func1")
	}
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_18)
	// +goat:end
	each()
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_19)
	// +goat:end
	return out
}

func Order() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_20)
	// +goat:end
	m := map[int]int{}
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_21)
	// +goat:end
	m[len(m)] = func() int {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_22)
		// +goat:end
		return 1
	}()
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_23)
	// +goat:end
	f := func() {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_24)
		// +goat:end
		g := func() {
			// +goat:generate
			// +goat:tips: do not edit the block between the +goat comments
			goat.Track(goat.TRACK_ID_25)
			// +goat:end
			fmt.Println("Order.func2.1")
		}
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_26)
		// +goat:end
		g()
	}
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_27)
	// +goat:end
	f()
}
