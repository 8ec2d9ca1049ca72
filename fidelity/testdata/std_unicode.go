package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func main() {
	s := "Héllo, Wörld! 123 世界"
	var letters, digits, spaces, upper int
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case unicode.IsDigit(r):
			digits++
		case unicode.IsSpace(r):
			spaces++
		}
	}
	fmt.Println(letters, digits, spaces, upper)
	fmt.Println(utf8.RuneCountInString(s), utf8.ValidString("\xff"), utf8.RuneLen('世'))
	r, size := utf8.DecodeRuneInString("世界")
	fmt.Println(string(r), size, unicode.Is(unicode.Han, r))
	buf := utf8.AppendRune(nil, 'é')
	fmt.Println(buf, unicode.ToTitle('ǆ'), string(unicode.SimpleFold('A')))
}
