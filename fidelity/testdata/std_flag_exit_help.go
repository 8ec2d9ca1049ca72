package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred calls do not run when Parse exits")
	fs := flag.NewFlagSet("tool", flag.ExitOnError)
	fs.SetOutput(os.Stdout)
	fs.String("name", "gopher", "who to greet")
	fs.Bool("v", false, "verbose")
	parse := fs.Parse
	fmt.Println(parse([]string{"-v", "--name=ann"}), fs.Lookup("name").Value, fs.NArg())
	parse([]string{"-help"})
	fmt.Println("not reached")
}
