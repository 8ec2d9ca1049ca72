package main

import (
	"fmt"
	"os"
)

func main() {
	os.Args = []string{"prog", "one", "two"}
	fmt.Println(len(os.Args), os.Args[1:])
}
