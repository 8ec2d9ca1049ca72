// fidelity: flags=--unrestricted: //go:embed reads the file as in the default sandbox
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
