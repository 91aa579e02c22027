package p

import "fmt"

func f(x int) {
	fmt.Println(
		// +goat:insert
		x,
	)
}
