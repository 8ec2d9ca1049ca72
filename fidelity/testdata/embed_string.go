package main

import (
	_ "embed"
	"fmt"
)

//go:embed embed_string.go
var self string

func main() {
	fmt.Println(len(self) > 0)
}
