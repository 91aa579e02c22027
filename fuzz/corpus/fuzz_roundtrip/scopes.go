package p

import "strings"

type T[goat any] struct{ goat goat }

func (t T[K]) f(x interface{}, ch chan int) (n int) {
	if goat := 1; goat > 0 {
		n++
	} else {
		n--
	}
	switch v := x.(type) {
	case int:
		n += v
	}
	select {
	case goat := <-ch:
		n += goat
	default:
	}
	for _, s := range []string{"a"} {
		n += len(strings.ToUpper(s))
	}
	{
		goat := 2
		n += goat
	}
	f := func(goat int) int { return goat }
	return f(n)
}
