package p

func _() { a.G(template. /* ERROR x */ Template{}) }

func g() { /* c */ return }

func h() { f(1 /* one */, 2) }
