package main

import (
	"errors"
	"fmt"
	"strings"
)

type Namer interface{ Name() string }

// Greeter embeds Namer.
type Greeter interface {
	Namer
	Greet() string
}

type person struct{ name string }

func (p person) Name() string  { return p.name }
func (p person) Greet() string { return "hello, " + p.name }

type robot struct{ id int }

func (r *robot) Name() string   { return fmt.Sprintf("robot-%d", r.id) }
func (r *robot) String() string { return "R" + fmt.Sprint(r.id) }

type badInput struct{ field string }

func (e *badInput) Error() string { return "bad input: " + e.field }

func describe(x any) string {
	switch v := x.(type) {
	case nil:
		return "nothing"
	case Greeter:
		return "greeter " + v.Greet()
	case error:
		return "error " + v.Error()
	case Namer:
		return "namer " + v.Name()
	case fmt.Stringer:
		return "stringer " + v.String()
	default:
		_ = v
		return "other"
	}
}

func main() {
	var sb strings.Builder
	sb.WriteString("built")
	values := []any{person{"ann"}, &person{"bob"}, &robot{7}, robot{8}, &badInput{"age"}, errors.New("plain"), &sb, 42, nil}
	for _, v := range values {
		fmt.Println(describe(v))
	}

	var x any = person{"cy"}
	g, ok := x.(Greeter)
	fmt.Println(ok, g.Greet(), g.Name())
	n := x.(Namer)
	fmt.Println(n.Name())
	_, ok = x.(fmt.Stringer)
	fmt.Println("person is a Stringer:", ok)

	var r any = &robot{9}
	if s, ok := r.(fmt.Stringer); ok {
		fmt.Println(s.String(), s)
	}
	_, ok = r.(Greeter)
	fmt.Println("robot is a Greeter:", ok)

	var nn Namer = &robot{10}
	if s, ok := nn.(fmt.Stringer); ok {
		fmt.Println("namer to stringer:", s.String())
	}
	if _, ok := nn.(Greeter); !ok {
		fmt.Println("robot namer is no greeter")
	}

	var none any
	_, ok = none.(Namer)
	fmt.Println("nil is a Namer:", ok)

	var err error = &badInput{"name"}
	if n, ok := err.(interface{ Error() string }); ok {
		fmt.Println("anonymous:", n.Error())
	}
	switch e := err.(type) {
	case fmt.Stringer:
		fmt.Println("stringer", e)
	case interface{ Error() string }:
		fmt.Println("error-like", e.Error())
	}

	defer func() { fmt.Println("recovered:", recover()) }()
	_ = x.(fmt.Stringer)
}
