package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	fs := flag.NewFlagSet("tool", flag.ExitOnError)
	fs.SetOutput(os.Stdout)
	fs.Int("n", 0, "a number")
	fs.Parse([]string{"-n", "x"})
	fmt.Println("not reached")
}
