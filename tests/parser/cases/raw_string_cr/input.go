package raw

var a = `onetwo
three`
var b = ``
var c = `
`

func f() string { return `xy` + a }
