package main

import (
	"fmt"
	"strconv"
)

type (
	small    int8
	medium   int16
	letter   rune
	big      int64
	count    uint
	octet    byte
	word     uint16
	wide     uint32
	huge     uint64
	address  uintptr
	ratio    float32
	meters   float64
	signal   complex64
	phasor   complex128
	name     string
	level    int
	priority int
)

const (
	low level = iota
	mid
	high
)

const top priority = 10

// A named type on each basic type, in an interface: the type assertion,
// %T and %#v see the named type, arithmetic and conversions work on it.
func main() {
	vals := []any{small(-3), medium(300), letter('é'), big(1 << 40), count(7), octet(255), word(65535),
		wide(1 << 31), huge(1 << 63), address(16), ratio(0.5), meters(1.25), signal(1 + 2i), phasor(3 - 4i), name("ann"), high, top}
	for _, v := range vals {
		fmt.Printf("%T %v %#v\n", v, v, v)
	}
	m := meters(2)
	m = m*3 + 0.5
	fmt.Println(m, float64(m)/2, m > 6, -m)
	var o octet = 255
	o++
	fmt.Println(o, letter('a')+1, string(letter('z')), name("x")+"y", len(name("héllo")))
	n := name("abc")
	for i, r := range n {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println(n[1], n[1:], n < "abd")
	fmt.Println(strconv.Itoa(int(high)), mid+1 == high, top*2, low)
	v, ok := vals[9].(address)
	_, isUint := vals[9].(uintptr)
	fmt.Println(v, ok, isUint)
	var p any = phasor(1i)
	if z, ok := p.(phasor); ok {
		fmt.Println(real(z), imag(z*z))
	}
}
