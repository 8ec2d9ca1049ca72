package main

import (
	"flag"
	"fmt"
	"time"
)

func main() {
	fs := flag.NewFlagSet("tool", flag.ContinueOnError)
	n := fs.Int("n", 1, "how many")
	name := fs.String("name", "world", "who")
	verbose := fs.Bool("v", false, "verbose")
	wait := fs.Duration("wait", time.Second, "delay")
	err := fs.Parse([]string{"-n", "3", "-v", "--wait=250ms", "rest", "-x"})
	fmt.Println(err, *n, *name, *verbose, *wait, fs.Args(), fs.NArg())
	fs.Visit(func(f *flag.Flag) { fmt.Println("set:", f.Name, f.Value) })
	fmt.Println(fs.Lookup("name").DefValue)
}
