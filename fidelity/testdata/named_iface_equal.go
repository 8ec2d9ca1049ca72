package main

import "fmt"

type ID int
type code int
type key string

// Values of two named types on int, and of int, in interfaces: == and map
// keys tell them apart by their dynamic types.
func main() {
	var a, b, c any = ID(1), code(1), 1
	fmt.Println(a == b, a == c, b == c, a == any(ID(1)), a != any(code(1)))
	m := map[any]string{ID(1): "id", code(1): "code", 1: "int", key("k"): "key", "k": "string"}
	fmt.Println(len(m), m[ID(1)], m[code(1)], m[1], m[key("k")], m["k"])
	_, found := m[ID(2)]
	fmt.Println(found)
	for _, v := range []any{ID(1), code(2), 3, key("k"), "s", 2.5} {
		switch x := v.(type) {
		case int:
			fmt.Println("int", x)
		case ID:
			fmt.Println("ID", x+1)
		case code, key:
			fmt.Printf("code or key %v %T\n", x, x)
		default:
			fmt.Printf("other %T\n", x)
		}
	}
	var err error
	fmt.Println(err == nil, a != nil)
}
