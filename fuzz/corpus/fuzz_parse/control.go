package p

import (
	"errors"
	"os"
)

func classify(xs []int, ch chan int) (n int, err error) {
	for i, x := range xs {
		if x < 0 {
			return i, errors.New("negative")
		} else if x == 0 {
			continue
		} else {
			n += x
		}
	}
	for i := 0; i < 3; i++ {
		n <<= 1
	}
	switch {
	case n > 10:
		n--
		fallthrough
	case n > 5:
		n++
	default:
	}
	select {
	case v := <-ch:
		n += v
	case ch <- n:
	default:
	}
outer:
	for {
		goto done
	}
	break outer
done:
	defer os.Exit(n)
	go func() { ch <- 1 }()
	return
}
