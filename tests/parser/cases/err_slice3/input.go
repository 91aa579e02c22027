package p

var _ = a[1::3]
