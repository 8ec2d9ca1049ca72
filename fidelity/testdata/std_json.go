package main

import (
	"encoding/json"
	"fmt"
)

type Address struct {
	City string `json:"city"`
}

type User struct {
	Name    string   `json:"name"`
	Age     int      `json:"age,omitempty"`
	Tags    []string `json:"tags"`
	Address *Address `json:"address,omitempty"`
	secret  string
}

func main() {
	u := User{Name: "Ann", Tags: []string{"admin"}, Address: &Address{"Oslo"}, secret: "x"}
	b, err := json.Marshal(u)
	fmt.Println(string(b), err)
	b, _ = json.MarshalIndent(map[string]any{"b": 1, "a": []int{1, 2}}, "", "  ")
	fmt.Println(string(b))
	var v User
	err = json.Unmarshal([]byte(`{"name":"Bob","age":40,"tags":null}`), &v)
	fmt.Printf("%+v %v\n", v, err)
	var anyv any
	json.Unmarshal([]byte(`{"n":1.5,"list":[true,null,"s"]}`), &anyv)
	fmt.Println(anyv)
	err = json.Unmarshal([]byte(`{"name":5}`), &v)
	fmt.Println(err)
}
