package p

var (
	a     = 1
	bb    = func() int { return 1 }
	table = 2
	c     = 3
)

const (
	x    = 1 // one
	yyyy = 2 // two
)
