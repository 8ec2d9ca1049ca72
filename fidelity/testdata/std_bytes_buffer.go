package main

import (
	"bytes"
	"fmt"
	"io"
)

func main() {
	var buf bytes.Buffer
	buf.WriteString("hello ")
	buf.Write([]byte("world"))
	fmt.Fprintf(&buf, " %d", 42)
	fmt.Println(buf.String(), buf.Len())
	p := make([]byte, 5)
	n, _ := buf.Read(p)
	fmt.Println(n, string(p))
	rest, _ := io.ReadAll(&buf)
	fmt.Printf("%q\n", rest)
	fmt.Println(bytes.Equal([]byte("a"), []byte("a")), bytes.Contains([]byte("seafood"), []byte("foo")))
	fmt.Println(bytes.ToUpper([]byte("x")), string(bytes.TrimSpace([]byte("  y  "))))
	fields := bytes.Fields([]byte(" a b  c "))
	fmt.Println(len(fields), string(bytes.Join(fields, []byte("+"))))
}
