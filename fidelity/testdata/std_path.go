package main

import (
	"fmt"
	"path"
)

func main() {
	fmt.Println(path.Join("a", "b/../c", "/d"), path.Base("/x/y.txt"), path.Ext("f.tar.gz"))
	fmt.Println(path.Dir("/a/b/c"), path.Clean("a//b/./c/.."), path.IsAbs("/x"))
	m, _ := path.Match("*.go", "main.go")
	dir, file := path.Split("static/css/site.css")
	fmt.Println(m, dir, file)
}
