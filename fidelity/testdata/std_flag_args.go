package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	verbose := flag.Bool("v", false, "verbose")
	count := flag.Int("count", 1, "repetitions")
	args := []string{"prog", "-v", "-count=2", "file.txt"}
	os.Args = args
	flag.Parse()
	for i := 0; i < *count; i++ {
		fmt.Println(*verbose, flag.Args())
	}
	fmt.Println(flag.NFlag(), flag.Parsed())
	fs := flag.NewFlagSet("sub", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	err := fs.Parse([]string{"-nope"})
	fmt.Println("error:", err)
}
