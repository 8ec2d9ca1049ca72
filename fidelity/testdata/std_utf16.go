package main

import (
	"fmt"
	"unicode/utf16"
)

func main() {
	u := utf16.Encode([]rune("a😀"))
	fmt.Println(u, string(utf16.Decode(u)), utf16.IsSurrogate(rune(u[1])))
}
