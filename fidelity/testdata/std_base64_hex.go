package main

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

func main() {
	msg := []byte("hello, gopher?")
	s := base64.StdEncoding.EncodeToString(msg)
	fmt.Println(s, base64.URLEncoding.EncodeToString(msg), base64.RawStdEncoding.EncodeToString([]byte("a")))
	d, err := base64.StdEncoding.DecodeString(s)
	fmt.Println(string(d), err)
	_, err = base64.StdEncoding.DecodeString("!!!")
	fmt.Println(err)
	h := hex.EncodeToString([]byte("Go!"))
	fmt.Println(h)
	b, _ := hex.DecodeString("476f21")
	fmt.Println(string(b))
	fmt.Print(hex.Dump([]byte("0123456789abcdefXYZ")))
}
