package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
)

type Address struct {
	City string `json:"city"`
	Zip  string `json:"zip,omitempty"`
}

type Person struct {
	Name    string            `json:"name"`
	Age     int               `json:"age"`
	Emails  []string          `json:"emails"`
	Addr    *Address          `json:"address,omitempty"`
	Meta    map[string]string `json:"meta,omitempty"`
	private int
	Skip    bool `json:"-"`
}

func main() {
	p := Person{Name: "Ann", Age: 30, Emails: []string{"a@x"}, Addr: &Address{City: "Oslo"}, private: 1}
	b, err := json.Marshal(p)
	fmt.Println(string(b), err)
	var q Person
	err = json.Unmarshal([]byte(`{"name":"Bo","age":41,"emails":null,"address":{"city":"Rome","zip":"001"},"meta":{"k":"v"}}`), &q)
	fmt.Println(err, q.Name, q.Age, q.Emails == nil, q.Addr.City, q.Addr.Zip, q.Meta)
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.Encode(map[string]any{"b": 1, "a": []int{1, 2}})
	var anyv any
	json.Unmarshal([]byte(`{"x":[1,"two",true,null,{"y":1.5}]}`), &anyv)
	fmt.Println(anyv)
	var bad struct{ N int }
	err = json.Unmarshal([]byte(`{"N":"str"}`), &bad)
	fmt.Println(err)
	words := strings.Fields("b c a")
	sort.Sort(sort.Reverse(sort.StringSlice(words)))
	fmt.Println(words)
}
