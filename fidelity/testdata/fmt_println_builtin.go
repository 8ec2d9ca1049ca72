package main

func main() {
	println("builtin println", 1, true)
	print("builtin print\n")
}
