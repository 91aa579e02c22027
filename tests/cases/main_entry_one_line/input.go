package main

func main() { run() }

func run() {}
