package align

func f(b []byte) int {
	n := 0
	n += int(b[0])   // first
	n += int(b[1])   // second
	n += len(b) * 2  // third
	n -= int(b[100]) // fourth
	return n
}
