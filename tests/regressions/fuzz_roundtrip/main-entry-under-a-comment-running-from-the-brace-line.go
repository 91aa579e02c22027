package p

func main() D		{/*lun() {
}  !;;;;;;;;;;;;;*/;;;;}
