package main

import (
	"fmt"
	"io"
	"sync"
	"time"
)

func main() {
	pr, pw := io.Pipe()
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Go(func() {
			// Each writer starts 10ms after the one before; a write waits
			// for the one in progress to be read to its end.
			time.Sleep(time.Duration(i) * 10 * time.Millisecond)
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
		time.Sleep(100 * time.Millisecond)
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
