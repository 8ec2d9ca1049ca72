// fidelity: flags=--unrestricted
package main

import (
	"fmt"
	"reflect"
)

type item struct {
	Name  string `json:"name" db:"item_name"`
	Price int    `json:"price,omitempty"`
}

func main() {
	t := reflect.TypeOf(item{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Println(f.Name, f.Type, f.Tag.Get("json"), f.Tag.Get("db"))
	}
}
