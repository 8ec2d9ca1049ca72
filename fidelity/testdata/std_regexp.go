package main

import (
	"fmt"
	"regexp"
)

func main() {
	re := regexp.MustCompile(`(\w+)@(\w+)\.com`)
	s := "ann@example.com, bob@test.com"
	fmt.Println(re.MatchString(s))
	fmt.Println(re.FindString(s))
	fmt.Println(re.FindAllStringSubmatch(s, -1))
	fmt.Println(re.ReplaceAllString(s, "$2:$1"))
	fmt.Println(re.FindStringIndex(s), re.NumSubexp())
	_, err := regexp.Compile(`a(b`)
	fmt.Println(err)
	named := regexp.MustCompile(`(?P<year>\d{4})-(?P<month>\d{2})`)
	m := named.FindStringSubmatch("on 2024-03")
	fmt.Println(m[named.SubexpIndex("month")], named.SubexpNames())
}
