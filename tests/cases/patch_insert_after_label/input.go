package p

func f(x int) int {
	if x > 0 {
		goto done
	}
	x++
done:
	// +goat:insert
	return x
}

func g(x int) {
retry:
next:
	// +goat:insert
	x--
	if x > 0 {
		goto retry
	}
	goto next
}

func h() {
	goto end
end:
	// +goat:insert
}
