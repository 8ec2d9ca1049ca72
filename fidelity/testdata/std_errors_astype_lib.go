package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

func main() {
	_, err := strconv.Atoi("12x")
	wrapped := fmt.Errorf("parse config: %w", err)
	if ne, ok := errors.AsType[*strconv.NumError](wrapped); ok {
		fmt.Println("bad number:", ne.Num, ne.Err)
	}
	_, ok := errors.AsType[*json.SyntaxError](wrapped)
	fmt.Println(ok)
	var v any
	jerr := json.Unmarshal([]byte("{oops"), &v)
	if se, ok := errors.AsType[*json.SyntaxError](fmt.Errorf("load: %w", jerr)); ok {
		fmt.Println("syntax error at offset", se.Offset)
	}
	fmt.Println(errors.Is(wrapped, strconv.ErrSyntax), errors.Unwrap(wrapped) == err)
	fmt.Println(errors.Join(errors.New("a"), errors.ErrUnsupported))
}
