package main

import (
	_ "embed"
	"fmt"
)

//go:embed greeting.txt
var greeting string

//go:embed data/notes.txt
var notes []byte

// A quoted pattern, and a glob that matches one file.
//
//go:embed "greeting.txt"
var quoted string

//go:embed g*.txt
var globbed string

// A directory stands for its files, hidden ones (. and _) left out.
//
//go:embed one
var onlyFile string

//go:embed data/bytes.bin
var raw []byte

var (
	//go:embed data/notes.txt
	inGroup string
	other   = "not embedded"
)

func main() {
	fmt.Printf("%q\n", greeting)
	fmt.Printf("%q %d\n", notes, len(notes))
	fmt.Println(quoted == greeting, globbed == greeting)
	fmt.Printf("%q\n", onlyFile)
	fmt.Printf("% x\n", raw)
	fmt.Printf("%q %s\n", inGroup, other)
	notes[0] = 'L'
	fmt.Println(string(notes[:4]))
}
