package main

import (
	"fmt"
	"log"
	"os"
)

func main() {
	log.SetOutput(os.Stdout)
	log.SetFlags(log.Llongfile)
	log.Print("long")
	log.SetPrefix("app: ")
	log.SetFlags(log.Lshortfile)
	log.Printf("prefix %s", "first")
	log.SetFlags(log.Lshortfile | log.Lmsgprefix)
	log.Println("prefix", "after the place")
	log.Default().Println(
		"a call over",
		"three lines",
	)
	log.Output(1, "log.Output with calldepth 1")
	l := log.New(os.Stdout, "[l] ", 0)
	l.Println("no flags yet")
	l.SetFlags(log.Lshortfile)
	l.Output(1, "Logger.Output")
	l.Printf("no newline added twice\n")
	log.SetFlags(0)
	log.Println("flags off again")
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		l.Panicf("panic %d", 7)
	}()
	var lv log.Logger = *log.New(os.Stdout, "value: ", log.Lshortfile)
	lv.Print("a Logger value")
}
