package main

import (
	"fmt"
	"strings"
)

func main() {
	for l := range strings.Lines("a\nbb\nccc") {
		fmt.Printf("%q ", l)
	}
	fmt.Println()
	for f := range strings.FieldsSeq("  x  y z ") {
		fmt.Print("[", f, "]")
	}
	fmt.Println()
	for part := range strings.SplitSeq("x|y|z", "|") {
		fmt.Print(part, ";")
	}
	fmt.Println()
}
