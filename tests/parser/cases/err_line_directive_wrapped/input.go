package p

/*line x.go:5:18446744073709551610*/var a = )
