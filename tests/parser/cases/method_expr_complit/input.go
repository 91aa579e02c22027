package p

func f() {
	for _, x := range []T{{1}, {2}} {
		_ = x
	}
	if x := (T{1}); x.ok {
	}
	switch (T{}) {
	}
	for x := range (map[K]V{}) {
		_ = x
	}
	if v, ok := m[T{1, 2}]; ok {
		_ = v
	}
	if f(T{}) {
	}
	if [2]int{1, 2}[0] == 1 {
	}
	if struct{ a int }{1}.a == 1 {
	}
	_ = func() {}
}
