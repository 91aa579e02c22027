package p

var c <-chan<- int
var d = <-chan<- int(nil)
