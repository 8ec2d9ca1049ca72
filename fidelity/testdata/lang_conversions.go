package main

import (
	"fmt"
	"strconv"
)

type meters float64
type feet float64

func toFeet(m meters) feet { return feet(m * 3.28084) }

func main() {
	fmt.Printf("%.2f\n", toFeet(100))
	fmt.Println(strconv.Itoa(65), string(rune(65)))
	n, _ := strconv.ParseInt("-ff", 16, 64)
	fmt.Println(n)
	f, _ := strconv.ParseFloat("2.5e3", 64)
	fmt.Println(f)
	b, err := strconv.ParseBool("maybe")
	fmt.Println(b, err)
	fmt.Println(strconv.Quote("tab\there"), strconv.FormatInt(255, 2))
	var i any = meters(3)
	_, isFeet := i.(feet)
	fmt.Println(isFeet)
}
