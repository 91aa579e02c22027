package stmts

import (
	"fmt"
	"os"
)

type T struct{ f func() int }

func all(ch chan int, xs []int, v interface{}) (n int, err error) {
	x := 1
	var y = 2
	var z int
	const c = 3
	type local int
	x++
	y--
	ch <- x
	<-ch
	go work(x)
	defer fmt.Println("done")
	fmt.Println(x, y, z, c, local(1))
	{
		n = x + y
	}
	if x > 0 {
		n++
	} else if x < 0 {
		n--
	} else {
		n = 0
	}
	for i := 0; i < 3; i++ {
		if i == 1 {
			continue
		}
		n += i
	}
	for _, e := range xs {
		n += e
	}
	switch x {
	case 1:
		n = 1
		fallthrough
	case 2:
		n = 2
	default:
		n = 3
	}
	switch t := v.(type) {
	case int:
		n = t
	case string:
		n = len(t)
	}
	select {
	case e := <-ch:
		n = e
	case ch <- 1:
		n = 0
	default:
	}
	goto end
end:
	f := func(a int) int {
		return a * 2
	}
	n = f(n)
	go func() {
		ch <- n
	}()
	defer func() {
		fmt.Fprintln(os.Stderr, n)
	}()
	t := T{f: func() int {
		return 1
	}}
	return t.f() + n, nil
}

func work(int) {}
