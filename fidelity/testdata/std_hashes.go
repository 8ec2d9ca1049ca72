package main

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io"
)

func main() {
	data := []byte("The quick brown fox")
	fmt.Printf("%x\n", sha256.Sum256(data))
	fmt.Printf("%x\n", md5.Sum(data))
	fmt.Printf("%x\n", sha1.Sum(data))
	fmt.Printf("%x\n", sha512.Sum512_256(data))
	h := sha256.New()
	io.WriteString(h, "The quick ")
	io.WriteString(h, "brown fox")
	fmt.Printf("%x %d\n", h.Sum(nil), h.Size())
	fmt.Println(crc32.ChecksumIEEE(data))
	f := fnv.New32a()
	f.Write(data)
	fmt.Println(f.Sum32())
}
