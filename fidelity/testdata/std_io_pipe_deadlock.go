package main

import (
	"fmt"
	"io"
	"time"
)

func main() {
	pr, pw := io.Pipe()
	go func() {
		fmt.Fprint(pw, "only one")
		fmt.Println("writer: written")
	}()
	buf := make([]byte, 64)
	n, _ := pr.Read(buf)
	fmt.Println("read", string(buf[:n]))
	time.Sleep(time.Second)
	n, err := pr.Read(buf)
	fmt.Println("never", n, err)
}
