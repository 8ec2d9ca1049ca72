package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

type upper struct{ r io.Reader }

func (u upper) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	for i := 0; i < n; i++ {
		if p[i] >= 'a' && p[i] <= 'z' {
			p[i] -= 32
		}
	}
	return n, err
}

func main() {
	n, err := io.Copy(os.Stdout, upper{strings.NewReader("shout this\n")})
	fmt.Println(n, err)
	lr := io.LimitReader(strings.NewReader("0123456789"), 4)
	b, _ := io.ReadAll(lr)
	fmt.Println(string(b))
	var sb strings.Builder
	mw := io.MultiWriter(&sb, os.Stdout)
	fmt.Fprintln(mw, "to both")
	fmt.Printf("%q\n", sb.String())
	pr, pw := io.Pipe()
	go func() {
		fmt.Fprint(pw, "through a pipe")
		pw.Close()
	}()
	got, _ := io.ReadAll(pr)
	fmt.Println(string(got))
	_, err = io.ReadFull(strings.NewReader("ab"), make([]byte, 3))
	fmt.Println(err)
}
