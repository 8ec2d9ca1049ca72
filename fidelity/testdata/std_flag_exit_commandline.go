package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred calls do not run when Parse exits")
	flag.CommandLine.SetOutput(os.Stdout)
	flag.Usage = func() { fmt.Println("usage: prog [-n count]") }
	n := flag.Int("n", 1, "how many")
	fmt.Println(flag.CommandLine.ErrorHandling() == flag.ExitOnError)
	fmt.Println(flag.CommandLine.Parse([]string{"-n", "2", "rest"}), *n, flag.CommandLine.Args())
	flag.CommandLine.Parse([]string{"-n", "two"})
	fmt.Println("not reached")
}
