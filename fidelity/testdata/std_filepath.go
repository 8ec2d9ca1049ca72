package main

import (
	"fmt"
	"path/filepath"
	"strings"
)

func main() {
	p := filepath.Join("home", "ann", "..", "bob", "notes.txt")
	fmt.Println(p, filepath.Base(p), filepath.Ext(p), filepath.Dir(p))
	fmt.Println(filepath.Clean("/a/./b//c/"), filepath.IsAbs("rel/x"), filepath.ToSlash("a/b"))
	rel, err := filepath.Rel("/a/b", "/a/c/d")
	fmt.Println(rel, err)
	ok, _ := filepath.Match("*.txt", "notes.txt")
	fmt.Println(ok, strings.Join(filepath.SplitList("/bin:/usr/bin"), " "), string(filepath.Separator))
	dir, file := filepath.Split("/srv/www/index.html")
	fmt.Println(dir, file, filepath.VolumeName(p) == "")
}
