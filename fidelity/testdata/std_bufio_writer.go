package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "buffered one")
	fmt.Fprintln(w, "buffered two")
	fmt.Println("direct")
	w.Flush()
	fmt.Println(w.Buffered(), w.Available() > 0)
}
