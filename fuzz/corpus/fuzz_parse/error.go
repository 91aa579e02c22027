package p
func f( {
