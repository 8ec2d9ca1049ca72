package main

import (
	"fmt"
	"log"
)

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	log.SetFlags(0)
	log.Panicln("log then panic")
}
