package p

func f() {
struct func P "fmt" . x
 go int type
}
