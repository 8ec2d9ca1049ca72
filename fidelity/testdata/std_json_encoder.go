package main

import (
	"encoding/json"
	"fmt"
	"os"
)

type base struct {
	ID      int `json:"id"`
	created string
}

type account struct {
	base
	Owner    string  `json:"owner"`
	Balance  float64 `json:"balance,omitempty"`
	password string
	Tags     []string `json:"tags,omitempty"`
	Parent   *account `json:"parent,omitempty"`
}

func main() {
	a := account{base: base{7, "today"}, Owner: "ann", password: "hunter2", Parent: &account{Owner: "bob"}}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(a); err != nil {
		fmt.Println(err)
	}
	b, _ := json.Marshal([]account{{Owner: "x", Balance: 2.5}})
	fmt.Println(string(b))
	m, _ := json.Marshal(map[string]base{"k": {1, "t"}})
	fmt.Println(string(m))
}
