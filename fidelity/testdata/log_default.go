package main

import (
	"log"
	"os"
)

func main() {
	log.SetFlags(0)
	log.Println("plain message")
	log.SetPrefix("app: ")
	log.Printf("value %d", 7)
	l := log.New(os.Stdout, "[out] ", log.Lmsgprefix)
	l.Println("to stdout")
}
