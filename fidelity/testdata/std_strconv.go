package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	_, err := strconv.Atoi("12a")
	fmt.Println(err)
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, ne.Num, ne.Err == strconv.ErrSyntax)
	_, err = strconv.ParseInt("99999999999999999999", 10, 64)
	fmt.Println(err, errors.Is(err, strconv.ErrRange))
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1e21, 'g', -1, 64))
	fmt.Println(strconv.AppendInt([]byte("n="), -5, 10), string(strconv.AppendQuote(nil, "hi")))
	u, _ := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q\n", u)
	fmt.Println(strconv.QuoteRune('☺'), strconv.QuoteToASCII("☺x"))
	v, _ := strconv.ParseUint("777", 8, 64)
	fmt.Println(v)
}
