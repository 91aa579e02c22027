package p

func f() { goto L; L: goto; k() }

func g() { k(); L: }

func h() { k(); L: M: }

func k() {}
