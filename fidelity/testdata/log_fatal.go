package main

import (
	"fmt"
	"log"
)

func main() {
	defer fmt.Println("deferred: not run by log.Fatal")
	log.SetFlags(0)
	log.Fatalf("cannot continue: %s", "disk full")
}
