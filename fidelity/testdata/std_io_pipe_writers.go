package main

import (
	"fmt"
	"io"
	"sync"
)

func main() {
	pr, pw := io.Pipe()
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Go(func() {
			n, err := fmt.Fprintf(pw, "[writer %d]", i)
			fmt.Println("writer", i, n, err)
		})
	}
	go func() {
		wg.Wait()
		pw.Close()
	}()
	buf := make([]byte, 5)
	for {
		n, err := pr.Read(buf)
		if err != nil {
			fmt.Println("end:", err)
			break
		}
		fmt.Printf("%q\n", buf[:n])
	}
	n, err := pw.Write([]byte{})
	fmt.Println("empty write after close:", n, err)
}
