package statements

func stmts(ch chan int, xs []int, m map[string]int, i interface{}) (n int, err error) {
	var a, b = 1, 2
	const c = iota
	type local struct{ x int }
	a, b = b, a
	a += 1
	a <<= 2
	a &^= b
	n++
	n--
	ch <- a
	<-ch
	v, ok := <-ch
	_, _ = v, ok
	go func() {}()
	defer close(ch)
	defer (func())(nil)()
	if a > b {
	} else if a < b {
	} else {
	}
	if x := a; x > 0 {
	}
	if f := (T{}); f.ok {
	}
	switch {
	case a > 1, b > 2:
		fallthrough
	default:
	}
	switch x := a; x {
	case 1:
	}
	switch t := i.(type) {
	case int, string:
		_ = t
	case nil:
	}
	switch i.(type) {
	}
	select {
	case v := <-ch:
		_ = v
	case ch <- 1:
	case <-ch:
	case x, ok = <-ch:
	default:
	}
	for {
		break
	}
	for a < b {
		continue
	}
	for i := 0; i < 10; i++ {
	}
	for ; ; {
	}
	for i := range xs {
		_ = i
	}
	for k, v := range m {
		_, _ = k, v
	}
	for range ch {
	}
	for xs[0] = range xs {
	}
outer:
	for {
		for {
			break outer
		}
		continue outer
	}
	goto end
end:
	;
	{
		;
	}
	labeled: {
	}
	return a, nil
}

func empty() {
L:
}

func noBody() int

func results() (int, string, error) { return 0, "", nil }
func named() (a, b int, c string)   { return }
func variadic(format string, args ...interface{}) {}
func unnamed(int, string, ...bool) {}
