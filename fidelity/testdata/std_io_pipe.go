package main

import (
	"errors"
	"fmt"
	"io"
	"time"
)

func main() {
	pr, pw := io.Pipe()
	go func() {
		for i := range 3 {
			time.Sleep(100 * time.Millisecond)
			n, err := fmt.Fprintf(pw, "chunk %d;", i)
			fmt.Println("wrote", n, err)
		}
		pw.CloseWithError(errors.New("writer done"))
	}()
	buf := make([]byte, 4)
	for {
		n, err := pr.Read(buf)
		fmt.Printf("read %q %v\n", buf[:n], err)
		if err != nil {
			break
		}
	}
	// Writes after the reader closes.
	pr2, pw2 := io.Pipe()
	pr2.Close()
	n, err := pw2.Write([]byte("x"))
	fmt.Println(n, err, err == io.ErrClosedPipe)
	n, err = pr2.Read(buf)
	fmt.Println(n, err)
	// A reader closed with an error while a writer waits.
	pr3, pw3 := io.Pipe()
	go func() {
		time.Sleep(time.Second)
		pr3.CloseWithError(errors.New("reader gave up"))
	}()
	n, err = pw3.Write([]byte("never read"))
	fmt.Println(n, err)
	pw3.Close()
	n, err = pw3.Write(nil)
	fmt.Println(n, err)
	// io.Copy through a pipe.
	pr4, pw4 := io.Pipe()
	go func() {
		defer pw4.Close()
		for i := range 3 {
			fmt.Fprintln(pw4, "line", i)
		}
	}()
	b, err := io.ReadAll(pr4)
	fmt.Printf("%q %v\n", b, err)
	n, err = pr4.Read(buf)
	fmt.Println(n, err)
}
