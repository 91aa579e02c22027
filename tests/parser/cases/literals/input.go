package literals

const (
	d   = 42
	u   = 1_000_000
	h   = 0xBadFace
	h2  = 0X_1F
	o   = 0o660
	o2  = 0O17
	old = 0777
	b   = 0b1010
	b2  = 0B_1
	z   = 0
)

const (
	f1 = 0.
	f2 = 72.40
	f3 = 072.40
	f4 = 2.71828
	f5 = 1.e+0
	f6 = 6.67428e-11
	f7 = 1E6
	f8 = .25
	f9 = .12345E+5
	fa = 1_5.
	fb = 0.15e+0_2
	fc = 0x1p-2
	fd = 0x2.p10
	fe = 0x1.Fp+0
	ff = 0X.8p-0
	fg = 0X_1FFFP-16
)

const (
	i1 = 0i
	i2 = 0123i
	i3 = 0o123i
	i4 = 0xabci
	i5 = 0.i
	i6 = 2.71828i
	i7 = 1.e+0i
	i8 = 6.67428e-11i
	i9 = 1E6i
	ia = .25i
	ib = .12345E+5i
	ic = 0x1p-2i
)

const (
	r1 = 'a'
	r2 = 'ä'
	r3 = '本'
	r4 = '\t'
	r5 = '\000'
	r6 = '\007'
	r7 = '\377'
	r8 = '\x07'
	r9 = '\xff'
	ra = '\u12e4'
	rb = '\U00101234'
	rc = '\''
	rd = '\\'
)

const (
	s1 = `abc`
	s2 = `\n
\n`
	s3 = "\n"
	s4 = "\""
	s5 = "Hello, world!\n"
	s6 = "日本語"
	s7 = "\u65e5本\U00008a9e"
	s8 = "\xff\u00FF"
	s9 = ""
	sa = ``
)

var (
	composite = []int{1, 2, 3}
	keyed     = map[string][]int{"a": {1}, "b": nil}
	nested    = [...][2]int{{1, 2}, {3, 4}}
	structs   = []struct{ a, b int }{{1, 2}, {a: 3}}
	ptrs      = []*T{{}, &T{}}
	fn        = func(a, b int) (int, error) { return a + b, nil }
	arr       = [2]string{1: "x"}
)
