package main

func main() { /* nothing
	to do */ }
