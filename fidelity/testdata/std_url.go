package main

import (
	"fmt"
	"net/url"
)

func main() {
	u, err := url.Parse("https://ann:pw@example.com:8080/a/b%20c?q=go+lang&x=1&x=2#frag")
	if err != nil {
		panic(err)
	}
	fmt.Println(u.Scheme, u.Host, u.Hostname(), u.Port(), u.Path, u.RawQuery, u.Fragment)
	fmt.Println(u.User.Username(), u.Query()["x"], u.Query().Get("q"))
	v := url.Values{}
	v.Set("name", "Ann Lee")
	v.Add("tag", "a&b")
	fmt.Println(v.Encode())
	fmt.Println(url.QueryEscape("a b/c"), url.PathEscape("a b/c"))
	_, err = url.Parse("http://[::1")
	fmt.Println(err)
	base, _ := url.Parse("https://example.com/docs/")
	ref, _ := url.Parse("../img/x.png")
	fmt.Println(base.ResolveReference(ref))
}
