package main

func main() { /* the first comment
	runs on */ println("hi")
	println("bye")
}
