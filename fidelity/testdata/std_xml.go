package main

import (
	"encoding/xml"
	"fmt"
)

type book struct {
	XMLName xml.Name `xml:"book"`
	ID      string   `xml:"id,attr"`
	Title   string   `xml:"title"`
	Authors []string `xml:"author"`
}

func main() {
	b := book{ID: "b1", Title: "Go & You", Authors: []string{"Ann", "Bob"}}
	out, err := xml.MarshalIndent(b, "", " ")
	fmt.Println(string(out), err)
	var back book
	err = xml.Unmarshal([]byte(`<book id="b2"><title>T</title><author>C</author></book>`), &back)
	fmt.Println(back.ID, back.Title, back.Authors, err)
}
