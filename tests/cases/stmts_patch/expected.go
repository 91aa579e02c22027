package stmts

import (
	"fmt"
	goat "goat"
	"os"
)

type T struct{ f func() int }

func all(ch chan int, xs []int, v interface{}) (n int, err error) {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
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
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_2)
		// +goat:end
		n = x + y
	}
	if x > 0 {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_3)
		// +goat:end
		n++
	} else if x < 0 {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_4)
		// +goat:end
		n--
	} else {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_5)
		// +goat:end
		n = 0
	}
	for i := 0; i < 3; i++ {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_6)
		// +goat:end
		if i == 1 {
			// +goat:generate
			// +goat:tips: do not edit the block between the +goat comments
			goat.Track(goat.TRACK_ID_7)
			// +goat:end
			continue
		}
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_8)
		// +goat:end
		n += i
	}
	for _, e := range xs {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_9)
		// +goat:end
		n += e
	}
	switch x {
	case 1:
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_10)
		// +goat:end
		n = 1
		fallthrough
	case 2:
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_11)
		// +goat:end
		n = 2
	default:
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_12)
		// +goat:end
		n = 3
	}
	switch t := v.(type) {
	case int:
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_13)
		// +goat:end
		n = t
	case string:
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_14)
		// +goat:end
		n = len(t)
	}
	select {
	case e := <-ch:
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_15)
		// +goat:end
		n = e
	case ch <- 1:
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_16)
		// +goat:end
		n = 0
	default:
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_17)
		// +goat:end
	}
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_18)
	// +goat:end
	goto end
end:
	f := func(a int) int {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_19)
		// +goat:end
		return a * 2
	}
	n = f(n)
	go func() {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_20)
		// +goat:end
		ch <- n
	}()
	defer func() {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_21)
		// +goat:end
		fmt.Fprintln(os.Stderr, n)
	}()
	t := T{f: func() int {
		// +goat:generate
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_22)
		// +goat:end
		return 1
	}}
	return t.f() + n, nil
}

func work(int) {}
