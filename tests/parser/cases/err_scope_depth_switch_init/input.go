package p

func f() {
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
switch x := 0; x {
case 0:
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
