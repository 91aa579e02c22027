package p

var handler = func(x int) int {
	y := x * 2
	return y
}

var table = map[string]func() int{
	"one": func() int { return 1 },
	"two": func() int {
		return 2
	},
}

func f() {
	defer func() {
		recover()
	}()
	s := []int{1, 2, 3}
	_ = s[1:2:3]
	var i interface{} = s
	switch v := i.(type) {
	case []int:
		_ = v
	}
	x, ok := i.([]int)
	_, _ = x, ok
}
