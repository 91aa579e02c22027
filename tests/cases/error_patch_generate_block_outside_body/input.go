package main

import "fmt"

// Signature has no body: the braces are an interface type's, where no
// statement can stand, so patch cannot write a Track call there.
func Signature() interface {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	// +goat:end
}

func main() {
	fmt.Println("hello")
}
