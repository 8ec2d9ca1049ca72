package main

import (
	"fmt"
	"os"
	"time"
)

// A piece of a line on standard output is not torn by a line on standard
// error, and the other way round.
func main() {
	go func() {
		fmt.Fprint(os.Stderr, "err piece ")
		time.Sleep(2 * time.Millisecond)
		fmt.Fprintln(os.Stderr, "err end")
	}()
	fmt.Print("out piece ")
	time.Sleep(time.Millisecond)
	fmt.Println("stdout line")
	time.Sleep(time.Millisecond)
	fmt.Print("out again ")
	time.Sleep(2 * time.Millisecond)
	fmt.Println("done")
}
