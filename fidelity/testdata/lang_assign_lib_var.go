package main

import (
	"fmt"
	"os"
)

func more() []string { return []string{"prog", "three"} }

func main() {
	os.Args = []string{"prog", "one", "two"}
	fmt.Println(len(os.Args), os.Args[1:])
	os.Args = more()
	os.Args = append(os.Args, "four")
	fmt.Println(os.Args)
}
