package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stdout, "to stdout")
	fmt.Fprintln(os.Stderr, "to stderr")
	fmt.Fprintf(os.Stderr, "%s %d\n", "formatted", 2)
	os.Stdout.WriteString("direct write\n")
	os.Stderr.Write([]byte("raw bytes\n"))
	fmt.Println("done")
}
