package main

func main() { /* serve */ run() /* then exit */ }

func run() {}
