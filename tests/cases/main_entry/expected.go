package main

import "os"
import goat "example.com/app/goat"

func main() {
	// +goat:main
	// +goat:tips: do not edit the block between the +goat comments
	goat.ServeHTTP(goat.COMPONENT_0)
	// +goat:end
	os.Exit(run())
}

func run() int { return 0 }
