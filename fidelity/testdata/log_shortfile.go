package main

import (
	"log"
	"os"
)

func helper(l *log.Logger) {
	l.Println("from helper")
}

func main() {
	log.SetFlags(log.Lshortfile)
	log.Println("where am I")
	l := log.New(os.Stdout, "", log.Lshortfile|log.Lmsgprefix)
	l.Print("on stdout")
	helper(l)
}
