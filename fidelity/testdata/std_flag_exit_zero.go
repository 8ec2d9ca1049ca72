package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
)

func main() {
	fs := new(flag.FlagSet)
	fs.Init("zero", flag.ExitOnError)
	fs.SetOutput(os.Stdout)
	fs.Usage = func() { fmt.Println("custom usage of", fs.Name()) }
	fs.Func("level", "a level from 1 to 3", func(s string) error {
		if s < "1" || s > "3" {
			return errors.New("out of range")
		}
		fmt.Println("level", s)
		return nil
	})
	p := flag.NewFlagSet("panics", flag.PanicOnError)
	p.SetOutput(os.Stdout)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		p.Parse([]string{"-x"})
	}()
	fmt.Println(fs.ErrorHandling() == flag.ExitOnError, fs.Parse([]string{"-level", "2"}))
	go func() {
		fs.Parse([]string{"-level", "7"})
	}()
	select {}
}
