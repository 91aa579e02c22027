package main

func main() { /* first */ x := 1
	println(x)
}
