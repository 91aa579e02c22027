package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		// +goat:delete
		fmt.Println(i)
	}
	// +goat:end
}
