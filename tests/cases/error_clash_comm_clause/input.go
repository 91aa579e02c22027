package p

func f(ch chan int) {
	select {
	case goat := <-ch:
		println(goat)
	}
}
