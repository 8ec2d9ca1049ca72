package main

type code int

func main() {
	panic(code(7))
}
