package types

import (
	"fmt"
	. "math"
	_ "os"
	str "strings"
)

type (
	C1 chan int
	C2 chan<- chan int
	C3 <-chan <-chan int
	C4 chan<- <-chan int
	C5 chan (<-chan int)
	F1 func(...int)
	F2 func(a, b int, c ...string) (x, y int)
	F3 func() func() func() error
	F4 func(func(int) int) (func(), error)
	M  map[string]map[int][]*struct{}
	P  *[]**int
	S  struct {
		a, b int `tag:"x"`
		*fmt.Stringer
		str.Builder
		T
		*U "raw tag"
		f func()
		_ [3]byte
	}
	I interface {
		fmt.Stringer
		M(x int) (string, error)
		N()
		interface{ O() }
	}
	E  interface{}
	Ar [10][20]int
	Sl [][]string
	Pa (int)
)

var _ = Pi

func methodValues() {
	f := T.Method
	g := (*T).Method
	h := fmt.Sprintf
	var x interface{} = 1
	_ = x.(int)
	_ = x.(fmt.Stringer)
	y := []int{1, 2, 3}
	_ = y[1:]
	_ = y[:2]
	_ = y[:]
	_ = y[0:1:2]
	_ = y[:1:2]
	_ = (*T)(nil)
	_ = []int(nil)
	_ = map[string]int(nil)
	_ = chan int(nil)
	_ = (<-chan int)(nil)
	_ = struct{}{}
	_ = [...]int{1, 2}
	_, _, _ = f, g, h
	_ = -1 + +2 - ^3 * !true / &x % *p
	_ = a || b && c == d != e < f <= g > h >= i | j ^ k + l - m * n / o % p << q >> r & s &^ t
	_ = ((((1))))
}
