package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("not printed: os.Exit skips deferred calls")
	fmt.Println("before")
	fmt.Fprintln(os.Stderr, "to stderr")
	os.Exit(3)
}
