package p

import "fmt"

var handler = func(x int) {
	// +goat:insert
	fmt.Println(x)
}

func empty() {
	// +goat:insert
}

func f(x int, ch chan int) {
	// +goat:insert
	fmt.Println(x)
	{
		// +goat:insert
	}
	switch x {
	case 1:
		// +goat:insert
		fmt.Println(1)
		// +goat:insert
	default:
		// +goat:insert
	}
	select {
	case v := <-ch:
		// +goat:insert
		fmt.Println(v)
	}
	go func() {
		// +goat:insert
		fmt.Println(fmt.Sprint(func() int {
			// +goat:insert
			return x
		}()))
	}()
	for i := 0; i < x; i++ {
		// +goat:insert
	}
	// +goat:insert
}
