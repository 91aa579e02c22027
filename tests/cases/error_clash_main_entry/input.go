package main

var goat = "herd"

func main() {
	println(goat)
}
