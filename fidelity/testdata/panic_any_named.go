package main

type code int

// The value's static type is an interface: only its dynamic type, which the
// interpreter keeps from compiled code, says how Go prints it.
func main() {
	var v any = code(7)
	panic(v)
}
