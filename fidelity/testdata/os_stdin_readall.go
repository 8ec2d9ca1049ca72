package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	b, err := io.ReadAll(os.Stdin)
	fmt.Printf("%d bytes %q %v\n", len(b), b, err)
}
