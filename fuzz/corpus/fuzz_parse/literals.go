package p

const (
	a = 0b1010_1010 + 0o777 + 0x_FF + 017 + 1_000_000
	b = 1.5e-3 + .25 + 0x1.8p+1 + 1e9 + 6.
	c = 2i + 0.5i + 0x1p-2i
	d = 'x' + '\n' + '\x7f' + '\u00e9' + '\U0001F600' + '\377' + '\''
	e = "tab\tnewline\n\"quoted\" \u4e16\xff"
	f = `raw
string with \n and "quotes"`
	g = iota
)

var é, 世界 = 1, 2

/* a general
comment */ var h = a &^ 1 << 2 >> 1 % 3
