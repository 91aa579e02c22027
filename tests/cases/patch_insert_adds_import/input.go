package p

import "fmt"

func f(x int) {
	// +goat:insert
	fmt.Println(x)
}
