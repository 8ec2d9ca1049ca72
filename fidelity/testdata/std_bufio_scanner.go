package main

import (
	"bufio"
	"fmt"
	"strings"
)

func main() {
	input := "first line\nsecond line\n\nfourth"
	sc := bufio.NewScanner(strings.NewReader(input))
	n := 0
	for sc.Scan() {
		n++
		fmt.Printf("%d: %q\n", n, sc.Text())
	}
	words := bufio.NewScanner(strings.NewReader("one two  three\nfour"))
	words.Split(bufio.ScanWords)
	count := 0
	for words.Scan() {
		count++
	}
	fmt.Println("words", count)
	r := bufio.NewReader(strings.NewReader("alpha,beta"))
	s, err := r.ReadString(',')
	fmt.Printf("%q %v\n", s, err)
	s, err = r.ReadString(',')
	fmt.Printf("%q %v\n", s, err)
}
