package p

func (r T) m[P any]() {}
