// fidelity: flags=--unrestricted: //go:embed is refused even where the sandbox allows package embed
package main

import (
	_ "embed"
	"fmt"
)

//go:embed embed_unrestricted.go
var self string

func main() {
	fmt.Println(len(self) > 0)
}
