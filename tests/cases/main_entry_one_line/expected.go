package main

import goat "example.com/app/goat"

func main() {
	// +goat:main opened " " " "
	// +goat:tips: do not edit the block between the +goat comments
	goat.ServeHTTP(goat.COMPONENT_2)
	// +goat:end
	run()
}

func run() {}
