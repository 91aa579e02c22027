package main

import goat "example.com/app/goat"

func main() {
	// +goat:main opened " /* serve */ " " /* then exit */ "
	// +goat:tips: do not edit the block between the +goat comments
	goat.ServeHTTP(goat.COMPONENT_0)
	// +goat:end
	/* serve */
	run() /* then exit */
}

func run() {}
