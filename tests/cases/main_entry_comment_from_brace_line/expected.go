package main

import goat "goat"

func main() { /* the first comment
	runs on */
	// +goat:main split " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.ServeHTTP(goat.COMPONENT_0)
	// +goat:end
	println("hi")
	println("bye")
}
