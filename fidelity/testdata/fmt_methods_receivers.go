package main

import (
	"fmt"
	"time"
)

type temp float64

func (t temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

type ptrStringer struct{ n int }

func (p *ptrStringer) String() string { return fmt.Sprintf("ptr(%d)", p.n) }

type wrapper struct {
	time.Duration
}

type failed struct{ why string }

func (f failed) Error() string { return "failed: " + f.why }

type both struct{}

func (both) String() string { return "string" }
func (both) Error() string  { return "error" }

func main() {
	fmt.Println(temp(21.55), []temp{1, 2})
	v := ptrStringer{3}
	fmt.Println(v, &v)
	fmt.Printf("%v %s %d\n", &v, &v, v)
	fmt.Println(wrapper{1500 * time.Millisecond})
	var err error = failed{"disk"}
	fmt.Println(err, failed{"net"})
	fmt.Printf("%v|%s|%q\n", err, err, err)
	fmt.Println(both{})
	fmt.Printf("%v %d\n", temp(3), 7)
	fmt.Printf("%x %X\n", "hi", []byte("hi"))
	fmt.Println(fmt.Sprintf("%6.2f|%-8s|%+d", 3.14159, "go", 5))
}
