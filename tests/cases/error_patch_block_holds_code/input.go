package main

import "fmt"

func main() {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	msg := `
	// +goat:end
	`
	fmt.Println(msg)
	// +goat:end
}
